//! Milestone due dates as an iCalendar (RFC 5545) file: one all-day event
//! per milestone, with a UID made from the milestone id so that a calendar
//! subscribed to the file updates events rather than duplicating them, and
//! a SEQUENCE that rises each time the due date is revised.
//!
//! The output depends only on the plans and the as-at date: the DTSTAMP is
//! the as-at date at midnight UTC, never the clock.

use chrono::NaiveDate;
use icalendar::{Calendar, Component, Event, EventLike, Property};
use ragtime_core::calendar::DueDate;
use ragtime_core::{Model, OwnerIx};

use crate::write::cells::{long_date, normalise_newlines};

/// The calendar for `dates`, with CRLF line endings, folded at 75 octets.
pub fn calendar(
    model: &Model,
    dates: &[DueDate],
    as_of: NaiveDate,
    owner: Option<OwnerIx>,
) -> String {
    let name = match owner {
        Some(o) => format!("Milestones due: {}", model.owner(o).role),
        None => "Milestones due".to_string(),
    };
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Ragtime//Milestones//EN"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    // X- properties are not text to the library, so they are escaped here.
    cal.append_property(Property::new("X-WR-CALNAME", escape_text(&name)));
    let stamp = as_of
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc();
    for d in dates {
        let m = model.milestone(d.milestone);
        let event = Event::new()
            .uid(&format!("{}@ragtime", m.id))
            .timestamp(stamp)
            .starts(d.due)
            // DTEND is exclusive: an all-day event ends the next day.
            .ends(d.due.succ_opt().unwrap_or(d.due))
            .summary(&clean(&format!("Due: {} ({})", m.title, m.id)))
            .description(&clean(&description(model, d, as_of)))
            .sequence(u32::try_from(d.times_redated).unwrap_or(u32::MAX))
            .done();
        cal.push(event);
    }
    cal.to_string()
}

/// What the event says: where the milestone sits, who delivers it, and
/// where it stood at the date.
fn description(model: &Model, d: &DueDate, as_of: NaiveDate) -> String {
    let m = model.milestone(d.milestone);
    let commitment = model.commitment(m.commitment);
    let strategy = model.strategy(model.strategy_of_milestone(d.milestone));
    let owner = model.owner(m.owner);
    let mut lines = vec![
        format!("Milestone {} in {}.", m.id, strategy.title),
        format!("Commitment {}: {}", commitment.id, commitment.text),
        format!("Owner: {}, {}.", owner.role, owner.org),
        format!("Status as at {}: {}.", long_date(as_of), d.status.label()),
    ];
    if d.times_redated > 0 {
        let times = if d.times_redated == 1 {
            "time"
        } else {
            "times"
        };
        lines.push(format!(
            "Due date revised {} {times}; first planned for {}.",
            d.times_redated,
            long_date(m.due)
        ));
    }
    if let Some(last) = m.updates_as_of(as_of).last() {
        if let Some(note) = &last.note {
            lines.push(format!("Latest note ({}): {note}", long_date(last.date)));
        }
        if let Some(action) = &last.action {
            lines.push(format!("Corrective action: {action}"));
        }
    }
    lines.join("\n")
}

/// Line breaks as `\n` only: the library escapes `\n` but not a carriage
/// return, which would end the content line.
fn clean(text: &str) -> String {
    normalise_newlines(text)
}

/// RFC 5545 TEXT escaping (section 3.3.11), for properties the library does
/// not treat as text.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in normalise_newlines(text).chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::{Input, load};

    const PLANS: &str = r#"
[[owner]]
id = "hos"
role = "Head of Service; Fostering, Adoption \\ Kinship"
org = "Council"

[[board]]
id = "cpb"
name = "Board"

[strategy]
id = "S"
title = "Strategy"
start = 2025-01-01
end = 2027-12-31
owner = "hos"
boards = ["cpb"]

[[priority]]
id = "S-P1"
title = "Priority"

[[commitment]]
id = "S-C1"
priority = "S-P1"
text = "We will."
owner = "hos"
due = 2026-03-31

[[milestone]]
id = "S-M1"
commitment = "S-C1"
title = "Recruit carers, then train them; review \\ report — naïve café ✓ 日本語 and a title long enough to be folded more than once across lines"
owner = "hos"
added = 2025-01-06
due = 2025-06-30
  [[milestone.update]]
  date = 2025-05-01
  status = "at-risk"
  by = "hos"
  note = "Line one,\r\nline two; done"
  due = 2025-08-31
  reason = "Late"
"#;

    fn render() -> String {
        let plans = load(vec![Input::new("plans.toml", PLANS)]);
        assert_eq!(plans.error_count(), 0, "{:#?}", plans.diagnostics);
        let as_of = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
        let dates = ragtime_core::calendar::due_dates(&plans.model, as_of, None);
        calendar(&plans.model, &dates, as_of, Some(OwnerIx(0)))
    }

    /// Undoes folding (RFC 5545 section 3.1): CRLF followed by one space.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn lines_end_crlf_and_fold_at_75_octets() {
        let text = render();
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        let body = text.strip_suffix("\r\n").unwrap();
        for line in body.split("\r\n") {
            assert!(
                !line.contains('\n') && !line.contains('\r'),
                "bare line break in {line:?}"
            );
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        assert!(text.contains("\r\n "), "nothing was folded");
    }

    #[test]
    fn text_is_escaped_and_dates_are_all_day() {
        let text = unfold(&render());
        assert!(text.contains(
            "SUMMARY:Due: Recruit carers\\, then train them\\; review \\\\ report — naïve café ✓ 日本語"
        ), "{text}");
        assert!(
            text.contains("Latest note (1 May 2025): Line one\\,\\nline two\\; done"),
            "{text}"
        );
        assert!(text.contains(
            "X-WR-CALNAME:Milestones due: Head of Service\\; Fostering\\, Adoption \\\\ Kinship\r\n"
        ));
        assert!(text.contains("DTSTART;VALUE=DATE:20250831\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20250901\r\n"));
        assert!(text.contains("DTSTAMP:20250930T000000Z\r\n"));
        assert!(text.contains("UID:S-M1@ragtime\r\n"));
        assert!(text.contains("SEQUENCE:1\r\n"));
    }

    #[test]
    fn same_plans_and_date_give_the_same_bytes() {
        assert_eq!(render(), render());
    }
}

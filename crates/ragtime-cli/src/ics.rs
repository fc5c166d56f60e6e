//! Milestone due dates as an iCalendar (RFC 5545) file: one all-day event
//! per milestone, with a UID that is the same for the same milestone from
//! run to run (so a calendar subscribed to the file updates events rather
//! than duplicating them) and unique beyond one council's plans, a
//! SEQUENCE that rises each time the due date is revised, and, if asked
//! for, a reminder (VALARM) some days before.
//!
//! The output depends only on the plans and the as-at date: the DTSTAMP is
//! the as-at date at midnight UTC, never the clock. Text values hold no
//! control characters, and every line is folded at 75 octets.

use chrono::NaiveDate;
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property, Trigger};
use ragtime_core::calendar::DueDate;
use ragtime_core::{Model, OwnerIx};

use crate::write::cells::{long_date, normalise_newlines};

/// The namespace of Ragtime's event UIDs (name-based, RFC 9562 version 5).
const UID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6f1c_2a54_8b0e_4d3f_9a61_52e7_c4d8_b913);

/// The calendar for `dates`, with CRLF line endings, folded at 75 octets;
/// with `remind`, a reminder that many days before each due date.
pub fn calendar(
    model: &Model,
    dates: &[DueDate],
    as_of: NaiveDate,
    owner: Option<OwnerIx>,
    remind: Option<u32>,
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
        let uid = uid(model, d);
        let mut event = Event::new();
        event
            .uid(&uid)
            .timestamp(stamp)
            .starts(d.due)
            // DTEND is exclusive: an all-day event ends the next day.
            .ends(d.due.succ_opt().unwrap_or(d.due))
            .summary(&clean(&format!("Due: {} ({})", m.title, m.id)))
            .description(&clean(&description(model, d, as_of)))
            .sequence(u32::try_from(d.times_redated).unwrap_or(u32::MAX));
        if let Some(days) = remind {
            let when = match days {
                0 => "today".to_string(),
                1 => "tomorrow".to_string(),
                n => format!("in {n} days"),
            };
            let text = clean(&format!("Due {when}: {} ({})", m.title, m.id));
            let before = chrono::Duration::days(i64::from(days));
            let mut alarm = Alarm::display(&text, Trigger::before_start(before));
            // Left out, the library would write the clock and a random id.
            alarm.timestamp(stamp).uid(&format!("reminder-{uid}"));
            event.alarm(alarm);
        }
        cal.push(event.done());
    }
    refold(&cal.to_string())
}

/// A UID that names the milestone in its strategy and the organisation that
/// owns the strategy: the same from run to run, different for another
/// council's milestone of the same id (a UUID made from those names, RFC
/// 9562 version 5).
fn uid(model: &Model, d: &DueDate) -> String {
    let m = model.milestone(d.milestone);
    let strategy = model.strategy(model.strategy_of_milestone(d.milestone));
    let org = &model.owner(strategy.owner).org;
    // Not the titles: a retitled strategy or milestone keeps its events.
    let name = format!("{org}\n{}\n{}", strategy.id, m.id);
    format!(
        "{}@ragtime",
        uuid::Uuid::new_v5(&UID_NAMESPACE, name.as_bytes()).hyphenated()
    )
}

/// Content lines folded at 75 octets (RFC 5545 section 3.1), each
/// continuation line a space and at most 74 octets, never inside a
/// character. The library's own folding leaves some lines of 76.
fn refold(text: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut room = LIMIT;
        loop {
            if rest.len() <= room {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            room = LIMIT - 1;
        }
    }
    out
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
        if let Some(note) = last.note() {
            lines.push(format!("Latest note ({}): {note}", long_date(last.date)));
        }
        if let Some(action) = last.action() {
            lines.push(format!("Corrective action: {action}"));
        }
    }
    lines.join("\n")
}

/// Line breaks as `\n` only: the library escapes `\n` but not a carriage
/// return, which would end the content line. Every other control
/// character or bidi override becomes U+FFFD: RFC 5545 allows none in
/// text, and a calendar program would show it raw.
fn clean(text: &str) -> String {
    normalise_newlines(text)
        .chars()
        .map(|c| {
            if c != '\n' && ragtime_core::text::is_unsafe(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// RFC 5545 TEXT escaping (section 3.3.11), for properties the library does
/// not treat as text.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in clean(text).chars() {
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
        render_from(PLANS, None)
    }

    fn render_from(plans: &str, remind: Option<u32>) -> String {
        let plans = load(vec![Input::new("plans.toml", plans)]);
        assert_eq!(plans.error_count(), 0, "{:#?}", plans.diagnostics);
        let as_of = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
        let dates = ragtime_core::calendar::due_dates(&plans.model, as_of, None);
        calendar(&plans.model, &dates, as_of, Some(OwnerIx(0)), remind)
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
        assert!(
            text.contains("UID:5c365ae9-1c31-5d1b-be02-c41187a6670e@ragtime\r\n"),
            "{text}"
        );
        assert!(text.contains("SEQUENCE:1\r\n"));
    }

    #[test]
    fn same_plans_and_date_give_the_same_bytes() {
        assert_eq!(render(), render());
    }

    /// Regression: the library's folding left lines of 76 octets (three in
    /// the shipped calendar), and control characters in a note were
    /// written into text values.
    #[test]
    fn every_line_is_75_octets_at_most_and_text_holds_no_control_characters() {
        // Lines that fold exactly at the limit, with multi-byte characters
        // across it, and a note with ESC, BEL, a bidi override and C1.
        for pad in 0..90 {
            let title = format!("{}é✓ one more line; with, escapes \\\\ é", "x".repeat(pad));
            let plans = PLANS.replacen("Recruit carers", &title, 1).replacen(
                "Line one,",
                "Line\\u001b[2J\\u0007 \\u202eone\\u0085,",
                1,
            );
            let text = render_from(&plans, Some(7));
            for line in text.strip_suffix("\r\n").unwrap().split("\r\n") {
                assert!(line.len() <= 75, "{pad}: {} octets: {line:?}", line.len());
            }
            assert!(
                !text
                    .chars()
                    .any(|c| c != '\r' && c != '\n' && ragtime_core::text::is_unsafe(c))
            );
            let wanted = format!("{}é✓ one more line\\; with\\, escapes", "x".repeat(pad));
            assert!(unfold(&text).contains(&wanted), "{pad}");
        }
    }

    proptest::proptest! {
        /// Folding keeps every line within 75 octets, never splits a
        /// character, and unfolds to the lines it was given.
        #[test]
        fn refolding_is_lossless_and_within_the_limit(
            lines in proptest::collection::vec("[a-zé✓日本語😀 ,;:]{0,300}", 1..5)
        ) {
            let text: String = lines.iter().map(|l| format!("X:{l}\r\n")).collect();
            let folded = refold(&text);
            for line in folded.strip_suffix("\r\n").unwrap().split("\r\n") {
                proptest::prop_assert!(line.len() <= 75, "{} octets", line.len());
            }
            proptest::prop_assert_eq!(unfold(&folded), text);
        }
    }

    /// Regression: the UID was `ID@ragtime`, the same for every council
    /// whose plans use the same ids.
    #[test]
    fn uids_are_stable_and_differ_between_organisations() {
        let uid = |text: &str| {
            unfold(text)
                .lines()
                .find(|l| l.starts_with("UID:"))
                .unwrap()
                .to_string()
        };
        let ours = render();
        let theirs = render_from(
            &PLANS.replacen("org = \"Council\"", "org = \"Another Council\"", 1),
            None,
        );
        assert_eq!(uid(&ours), uid(&render()));
        assert_ne!(uid(&ours), uid(&theirs));
    }

    #[test]
    fn a_reminder_is_an_alarm_before_the_due_date() {
        let text = unfold(&render_from(PLANS, Some(7)));
        assert!(
            text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"),
            "{text}"
        );
        // Seven days, as the library writes a duration; no clock.
        assert!(
            text.contains("DTSTAMP:20250930T000000Z\r\nTRIGGER;RELATED=START:-PT604800S\r\n"),
            "{text}"
        );
        assert!(
            text.contains("DESCRIPTION:Due in 7 days: Recruit carers\\, then train them"),
            "{text}"
        );
        assert!(!unfold(&render()).contains("VALARM"));
    }
}

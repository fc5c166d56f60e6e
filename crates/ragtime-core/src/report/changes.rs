//! Changes to the plan since a date, for a board's "changes since the last
//! meeting": milestones added, completed, cancelled, re-dated (with how often
//! each had been re-dated before: drift) and newly Red.
//!
//! A change since S, in a report as at A, is one recorded after S and on or
//! before A: the `added` date, or an entry of the update log. Ratings are
//! compared as at S and as at A by the same rules, so the list for a past
//! meeting comes out the same from today's files.

use chrono::{Days, NaiveDate};

use super::cells::*;
use super::context::Context;
use super::doc::*;
use crate::model::*;
use crate::rating::{Rating, Ratings, Rule, days_text};
use crate::rollup::Scope;

/// What happened to a milestone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Put on the plan.
    Added,
    /// Now complete, and not complete at the start.
    Completed,
    /// Now cancelled, and not cancelled at the start.
    Cancelled,
    /// Its due date was revised.
    Redated,
    /// Red now, and not Red at the start (or not on the plan then).
    NewlyRed,
}

impl ChangeKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [ChangeKind; 5] = [
        ChangeKind::Added,
        ChangeKind::Completed,
        ChangeKind::Cancelled,
        ChangeKind::Redated,
        ChangeKind::NewlyRed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Completed => "completed",
            ChangeKind::Cancelled => "cancelled",
            ChangeKind::Redated => "re-dated",
            ChangeKind::NewlyRed => "newly Red",
        }
    }
}

/// One change to one milestone between two dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub milestone: MilestoneIx,
    /// When: the date it was added; the date of the update that completed,
    /// cancelled or (last) re-dated it; for newly Red, the date of the update
    /// that reported it not on target, or the first day past its due date.
    pub date: NaiveDate,
    /// Re-dated: the due date in force at the start (the baseline, if added
    /// since) and the one in force now.
    pub moved: Option<(NaiveDate, NaiveDate)>,
    /// How many times the due date was revised in the period.
    pub redated_in_period: usize,
    /// How many times it had been revised on or before the start: the drift
    /// before this period.
    pub redated_before: usize,
    /// The rating at the start; `None` when not on the plan then.
    pub was: Option<Rating>,
}

/// Every change to the milestones in `scope` after `then.as_of` and on or
/// before `now.as_of`, by kind (in [`ChangeKind::ALL`] order) and then in
/// plan order. A milestone appears once for each kind of change it had.
/// Nothing changes in a period that ends before it starts.
pub fn changes(model: &Model, scope: &Scope, then: &Ratings, now: &Ratings) -> Vec<Change> {
    let (since, as_of) = (then.as_of, now.as_of);
    let mut found = Vec::new();
    if since > as_of {
        return found;
    }
    for ix in scope.milestones(model) {
        let Some(r) = now.milestone(ix) else {
            continue;
        };
        let m = model.milestone(ix);
        let before = then.milestone(ix);
        let was = before.map(|b| b.rating);
        let in_period: Vec<&Update> = m
            .updates_as_of(as_of)
            .iter()
            .filter(|u| u.date > since)
            .collect();
        let redates: Vec<&Update> = in_period
            .iter()
            .copied()
            .filter(|u| u.due.is_some())
            .collect();
        let change = |kind, date| Change {
            kind,
            milestone: ix,
            date,
            moved: None,
            redated_in_period: redates.len(),
            redated_before: m.times_redated_as_of(since),
            was,
        };
        if before.is_none() {
            found.push(change(ChangeKind::Added, m.added));
        }
        for (kind, status, rating) in [
            (ChangeKind::Completed, Status::Complete, Rating::Blue),
            (ChangeKind::Cancelled, Status::Cancelled, Rating::Cancelled),
        ] {
            if r.rating == rating && was != Some(rating) {
                let date = became(m, status, since, as_of).map_or(as_of, |u| u.date);
                found.push(change(kind, date));
            }
        }
        if let Some(last) = redates.last() {
            let mut c = change(ChangeKind::Redated, last.date);
            c.moved = Some((m.due_as_of(since), r.due));
            found.push(c);
        }
        if r.rating == Rating::Red && was != Some(Rating::Red) {
            let date = match r.rule {
                Rule::NotOnTarget => became(m, Status::NotOnTarget, since, as_of).map(|u| u.date),
                _ => r.due.checked_add_days(Days::new(1)),
            };
            let start = since.checked_add_days(Days::new(1)).unwrap_or(since);
            found.push(change(
                ChangeKind::NewlyRed,
                date.map_or(start, |d| d.max(start)),
            ));
        }
    }
    found.sort_by_key(|c| (c.kind, c.milestone));
    found
}

/// The last update after `since` and on or before `as_of` that set the
/// status to `status` from another.
fn became(m: &Milestone, status: Status, since: NaiveDate, as_of: NaiveDate) -> Option<&Update> {
    let mut previous = m.status_as_of(since);
    let mut found = None;
    for u in m.updates_as_of(as_of).iter().filter(|u| u.date > since) {
        if u.status == status && previous != status {
            found = Some(u);
        }
        previous = u.status;
    }
    found
}

/// The changes to `scope` since `since`, as at the context's date, as one
/// section with the id `changes`.
pub fn changes_section(ctx: &Context, scope: &Scope, since: NaiveDate) -> Section {
    let model = ctx.model;
    let then = Ratings::compute(model, ctx.settings, since);
    let list = changes(model, scope, &then, &ctx.ratings);
    let columns = vec![
        col("change", "Change", Align::Left),
        col("id", "Id", Align::Left),
        col("milestone", "Milestone", Align::Left),
        col("owner", "Owner", Align::Left),
        col("date", "Date", Align::Left),
        col("detail", "Detail", Align::Left),
        col("due", "Due now", Align::Left),
        col("redated_before", "Re-dated before", Align::Right),
        col("times_redated", "Times re-dated", Align::Right),
    ];
    let rows: Vec<Row> = list
        .iter()
        .filter_map(|c| {
            let r = ctx.ratings.milestone(c.milestone)?;
            let m = model.milestone(c.milestone);
            Some(Row {
                kind: RowKind::Item,
                cells: vec![
                    text(c.kind.label()),
                    text(&m.id),
                    text(&m.title),
                    text(&model.owner(m.owner).role),
                    Cell::Date(c.date),
                    text(detail(ctx, c, m, since)),
                    Cell::Date(r.due),
                    Cell::Count(c.redated_before as u64),
                    Cell::Count(r.times_redated as u64),
                ],
                illustrative: m.illustrative,
            })
        })
        .collect();
    let count = |kind| list.iter().filter(|c| c.kind == kind).count();
    let intro = if rows.is_empty() {
        format!(
            "No milestone was added, completed, cancelled, re-dated or newly Red after {since} \
             and on or before {}.",
            ctx.as_of
        )
    } else {
        let added = count(ChangeKind::Added);
        format!(
            "Changes recorded after {since} and on or before {}: {added} {} added, {} completed, \
             {} cancelled, {} re-dated, {} newly Red.",
            ctx.as_of,
            if added == 1 {
                "milestone"
            } else {
                "milestones"
            },
            count(ChangeKind::Completed),
            count(ChangeKind::Cancelled),
            count(ChangeKind::Redated),
            count(ChangeKind::NewlyRed),
        )
    };
    let notes = vec![
        format!(
            "Added: put on the plan in the period. Completed, cancelled: so now, and not so as at \
             {since}. Re-dated: its due date was revised in the period; Detail gives the dates \
             and the reasons. Newly Red: Red now, and not Red as at {since} (or not on the plan \
             then). A milestone appears once for each kind of change."
        ),
        format!(
            "Re-dated before: how often the due date had been revised on or before {since}; \
             with Times re-dated (in all, as at {}) it shows drift, a date moved again and again.",
            ctx.as_of
        ),
    ];
    let mut section = Section {
        id: "changes".to_string(),
        heading: "Changes since the last meeting".to_string(),
        intro: vec![intro],
        table: Some(Table { columns, rows }),
        notes,
        chart: None,
        narratives: Vec::new(),
    };
    super::marks::legend(&mut section);
    section
}

/// The words in the Detail column.
fn detail(ctx: &Context, c: &Change, m: &Milestone, since: NaiveDate) -> String {
    let as_of = ctx.as_of;
    let update_note = |status| {
        became(m, status, since, as_of)
            .and_then(|u| u.note.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
    };
    match c.kind {
        ChangeKind::Added => {
            let status = m.status_as_of(as_of);
            format!("status now: {}", status.label())
        }
        ChangeKind::Completed => update_note(Status::Complete)
            .unwrap_or("no note recorded")
            .to_string(),
        ChangeKind::Cancelled => update_note(Status::Cancelled)
            .unwrap_or("no reason recorded")
            .to_string(),
        ChangeKind::Redated => {
            let (from, to) = c.moved.unwrap_or((m.due, m.due));
            let mut text = format!("{from} to {to}");
            match c.redated_in_period {
                0 | 1 => {}
                2 => text += ", re-dated twice in the period",
                n => text += &format!(", re-dated {n} times in the period"),
            }
            let reasons: Vec<&str> = m
                .updates_as_of(as_of)
                .iter()
                .filter(|u| u.date > since && u.due.is_some())
                .filter_map(|u| u.reason.as_deref().map(str::trim))
                .filter(|r| !r.is_empty())
                .collect();
            if let [only] = reasons.as_slice() {
                text += ": ";
                text += only;
            } else if !reasons.is_empty() {
                // Several reasons read as sentences, each closed once.
                text += ": ";
                let sentences: Vec<String> = reasons
                    .iter()
                    .map(|r| {
                        if r.ends_with(['.', '!', '?']) {
                            r.to_string()
                        } else {
                            format!("{r}.")
                        }
                    })
                    .collect();
                text += &sentences.join(" ");
            }
            text
        }
        ChangeKind::NewlyRed => {
            let r = ctx.ratings.milestone(c.milestone);
            let why = match r {
                Some(r) if r.rule == Rule::Overdue => {
                    format!("overdue by {}", days_text(-r.days_to_due))
                }
                Some(r) => r.rule.name().to_string(),
                None => String::new(),
            };
            let was = match c.was {
                Some(rating) => format!("was {}", rating.label(ctx.settings.scale)),
                None => "not on the plan then".to_string(),
            };
            format!("{why}; {was}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PlanSet;

    const PLANS: &str = r#"
[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "board"
name = "Board"


# Re-dated twice before July and once in the quarter: drift.
[[milestone]]
id = "S-M1"
commitment = "S-C1"
title = "Re-dated three times"
owner = "hos"
added = 2024-04-01
due = 2025-03-31
  [[milestone.update]]
  date = 2025-03-01
  status = "at-risk"
  by = "hos"
  due = 2025-06-30
  reason = "Late start"
  [[milestone.update]]
  date = 2025-06-01
  status = "at-risk"
  by = "hos"
  due = 2025-08-31
  reason = "Staff left"
  [[milestone.update]]
  date = 2025-08-15
  status = "at-risk"
  by = "hos"
  due = 2025-12-31
  reason = "Panel dates moved"

[[milestone]]
id = "S-M2"
commitment = "S-C1"
title = "Completed in August"
owner = "hos"
added = 2024-04-01
due = 2025-09-30
  [[milestone.update]]
  date = 2025-06-01
  status = "on-target"
  by = "hos"
  [[milestone.update]]
  date = 2025-08-20
  status = "complete"
  by = "hos"
  note = "Delivered."

[[milestone]]
id = "S-M3"
commitment = "S-C1"
title = "Added in August, cancelled in September"
owner = "hos"
added = 2025-08-01
due = 2025-12-31
  [[milestone.update]]
  date = 2025-09-10
  status = "cancelled"
  by = "hos"
  note = "Merged into S-M1."

# On target at the end of June, overdue since 1 August.
[[milestone]]
id = "S-M4"
commitment = "S-C1"
title = "Went Red by running out of time"
owner = "hos"
added = 2024-04-01
due = 2025-07-31
  [[milestone.update]]
  date = 2025-06-15
  status = "on-target"
  by = "hos"

[[milestone]]
id = "S-M5"
commitment = "S-C1"
title = "Reported not on target in September"
owner = "hos"
added = 2024-04-01
due = 2026-03-31
  [[milestone.update]]
  date = 2025-06-15
  status = "at-risk"
  by = "hos"
  [[milestone.update]]
  date = 2025-09-05
  status = "not-on-target"
  by = "hos"

# Red all along: not newly Red.
[[milestone]]
id = "S-M6"
commitment = "S-C1"
title = "Red before and after"
owner = "hos"
added = 2024-04-01
due = 2025-03-31
"#;

    fn plans() -> PlanSet {
        crate::testing::framed("hos", "board", PLANS)
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn between(plans: &PlanSet, since: &str, as_of: &str) -> Vec<Change> {
        let then = Ratings::compute(&plans.model, &plans.settings, d(since));
        let now = Ratings::compute(&plans.model, &plans.settings, d(as_of));
        changes(&plans.model, &Scope::portfolio(&plans.model), &then, &now)
    }

    fn listed(plans: &PlanSet, list: &[Change]) -> Vec<(ChangeKind, String, NaiveDate)> {
        list.iter()
            .map(|c| {
                (
                    c.kind,
                    plans.model.milestone(c.milestone).id.clone(),
                    c.date,
                )
            })
            .collect()
    }

    #[test]
    fn every_kind_of_change_in_the_quarter() {
        use ChangeKind::*;
        let plans = plans();
        let list = between(&plans, "2025-06-30", "2025-09-30");
        let expected = [
            (Added, "S-M3", "2025-08-01"),
            (Completed, "S-M2", "2025-08-20"),
            (Cancelled, "S-M3", "2025-09-10"),
            (Redated, "S-M1", "2025-08-15"),
            (NewlyRed, "S-M4", "2025-08-01"),
            (NewlyRed, "S-M5", "2025-09-05"),
        ]
        .map(|(k, id, date)| (k, id.to_string(), d(date)));
        assert_eq!(listed(&plans, &list), expected);
        let newly_red: Vec<Option<Rating>> = list[4..].iter().map(|c| c.was).collect();
        assert_eq!(newly_red, [Some(Rating::Green), Some(Rating::Amber)]);
    }

    #[test]
    fn a_milestone_re_dated_three_times_shows_its_drift() {
        let plans = plans();
        let list = between(&plans, "2025-06-30", "2025-09-30");
        let c = list
            .iter()
            .find(|c| c.kind == ChangeKind::Redated)
            .expect("S-M1 was re-dated");
        assert_eq!(c.moved, Some((d("2025-08-31"), d("2025-12-31"))));
        assert_eq!((c.redated_in_period, c.redated_before), (1, 2));
        // Over the whole year all three re-datings fall in the period, from
        // the baseline.
        let year = between(&plans, "2024-12-31", "2025-09-30");
        let c = year.iter().find(|c| c.kind == ChangeKind::Redated).unwrap();
        assert_eq!(c.moved, Some((d("2025-03-31"), d("2025-12-31"))));
        assert_eq!((c.redated_in_period, c.redated_before), (3, 0));
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let m = plans.model.milestone(c.milestone);
        assert_eq!(
            detail(&ctx, c, m, d("2024-12-31")),
            "2025-03-31 to 2025-12-31, re-dated 3 times in the period: Late start. Staff left. \
             Panel dates moved."
        );
    }

    #[test]
    fn only_changes_inside_the_period_count() {
        let plans = plans();
        // Nothing happens in a day with no entries.
        assert_eq!(between(&plans, "2025-09-30", "2025-09-30"), []);
        // Entries on the start date belong to the period before; those on
        // the as-at date to this one.
        let list = between(&plans, "2025-08-15", "2025-08-20");
        let kinds: Vec<_> = listed(&plans, &list)
            .into_iter()
            .map(|(k, id, _)| (k, id))
            .collect();
        assert_eq!(kinds, [(ChangeKind::Completed, "S-M2".to_string())]);
        // A period that ends before it starts has no changes.
        assert_eq!(between(&plans, "2025-09-30", "2025-06-30"), []);
    }

    #[test]
    fn the_section_says_what_changed_and_why() {
        let plans = plans();
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let s = changes_section(&ctx, &Scope::portfolio(&plans.model), d("2025-06-30"));
        assert_eq!(
            s.intro,
            [
                "Changes recorded after 2025-06-30 and on or before 2025-09-30: 1 milestone added, \
              1 completed, 1 cancelled, 1 re-dated, 2 newly Red."
            ]
        );
        let table = s.table.unwrap();
        let detail = |row: usize| match &table.rows[row].cells[5] {
            Cell::Text(t) => t.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(detail(0), "status now: cancelled");
        assert_eq!(detail(1), "Delivered.");
        assert_eq!(detail(2), "Merged into S-M1.");
        assert_eq!(detail(3), "2025-08-31 to 2025-12-31: Panel dates moved");
        assert_eq!(detail(4), "overdue by 61 days; was Green");
        assert_eq!(detail(5), "reported not on target; was Amber");
        assert_eq!(table.rows[3].cells[7], Cell::Count(2));
        assert_eq!(table.rows[3].cells[8], Cell::Count(3));

        let none = changes_section(&ctx, &Scope::portfolio(&plans.model), d("2025-09-30"));
        assert!(none.table.is_some_and(|t| t.rows.is_empty()));
        assert!(none.intro[0].starts_with("No milestone was added"));
    }
}

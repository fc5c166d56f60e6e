//! Tests of the changes since a date: a plan set with every kind of
//! change in one quarter, the list it gives, and the section.

use super::section::detail;
use super::*;
use crate::PlanSet;
use crate::report::{Cell, Context};

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

//! The pack as a whole, over a small plan set of three boards: which parts
//! it has, the dates it defaults to and refuses, what each part lists.

use chrono::NaiveDate;

use super::*;
use crate::PlanSet;
use crate::report::cells::text;

const PLANS: &str = r#"
[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "top"
name = "Top Board"

[[board]]
id = "sub"
name = "Sub Board"
reports-to = "top"
meets = "quarterly"

[[board]]
id = "idle"
name = "Idle Board"


[[milestone]]
id = "S-M1"
commitment = "S-C1"
title = "Complete in May"
owner = "hos"
added = 2024-04-01
due = 2025-06-30
  [[milestone.update]]
  date = 2025-05-01
  status = "complete"
  by = "hos"
  note = "Done."

[[milestone]]
id = "S-M2"
commitment = "S-C1"
title = "Due in November"
owner = "hos"
added = 2024-04-01
due = 2025-11-30
  [[milestone.update]]
  date = 2025-09-01
  status = "on-target"
  by = "hos"

[[milestone]]
id = "S-M3"
commitment = "S-C1"
title = "Due on the as-at date"
owner = "hos"
added = 2025-01-15
due = 2025-09-30
  [[milestone.update]]
  date = 2025-09-01
  status = "on-target"
  by = "hos"

[[milestone]]
id = "S-M4"
commitment = "S-C1"
title = "Due next year"
owner = "hos"
added = 2024-04-01
due = 2026-03-31
"#;

fn plans() -> PlanSet {
    crate::testing::framed("hos", "sub", PLANS)
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn board(plans: &PlanSet, id: &str) -> BoardIx {
    match plans.model.lookup(id) {
        Some(EntityRef::Board(b)) => b,
        other => panic!("{id} is {other:?}"),
    }
}

fn ids(doc: &Document) -> Vec<&str> {
    doc.sections.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn the_last_meeting_is_the_previous_quarter_end() {
    let plans = plans();
    let sub = board(&plans, "sub");
    for (as_of, since) in [
        ("2025-09-30", "2025-06-30"),
        ("2025-10-20", "2025-09-30"),
        ("2025-04-01", "2025-03-31"),
    ] {
        let ctx = Context::new(&plans, d(as_of)).unwrap();
        let pack = board_pack(&ctx, sub, PackDates::default()).unwrap();
        let changes = pack.sections.iter().find(|s| s.id == "changes").unwrap();
        assert!(
            changes.intro[0].contains(&format!("after {since} and on or before {as_of}")),
            "{as_of}: {:?}",
            changes.intro
        );
    }
}

#[test]
fn a_board_sees_what_the_boards_below_it_oversee() {
    let plans = plans();
    let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
    let top = board_pack(&ctx, board(&plans, "top"), PackDates::default()).unwrap();
    let sub = board_pack(&ctx, board(&plans, "sub"), PackDates::default()).unwrap();
    assert_eq!(
        ids(&top),
        [
            "executive-summary",
            "summary",
            "colour-mix",
            "progress-S",
            "red",
            "amber",
            "measures",
            "changes",
            "due"
        ]
    );
    // The same sections and figures; only the title and facts differ.
    assert_eq!(top.sections, sub.sections);
    assert_eq!(top.title, "Top Board: progress report");
    let fact = |doc: &Document, label: &str| {
        doc.facts
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(
        fact(&top, "Boards reporting to it").as_deref(),
        Some("Sub Board")
    );
    assert_eq!(fact(&sub, "Reports to").as_deref(), Some("Top Board"));
    assert_eq!(
        fact(&top, "Next meeting").as_deref(),
        Some("2025-12-31 (no meeting cadence set: the next quarter end)")
    );
    assert_eq!(
        fact(&sub, "Next meeting").as_deref(),
        Some("2025-12-31 (meets quarterly: three months after the as-at date)")
    );
    assert_eq!(
        fact(&sub, "Changes since").as_deref(),
        Some("2025-06-30 (the previous quarter end)")
    );
}

#[test]
fn due_lists_open_milestones_up_to_the_next_meeting() {
    let plans = plans();
    let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
    let pack = board_pack(&ctx, board(&plans, "sub"), PackDates::default()).unwrap();
    let due = pack.sections.iter().find(|s| s.id == "due").unwrap();
    let listed: Vec<&Cell> = due
        .table
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| &r.cells[0])
        .collect();
    // Due that day, then in November; not the complete one, not next year.
    assert_eq!(listed, [&text("S-M3"), &text("S-M2")]);

    let dates = PackDates {
        since: None,
        next: Some(d("2026-03-31")),
    };
    let pack = board_pack(&ctx, board(&plans, "sub"), dates).unwrap();
    let due = pack.sections.iter().find(|s| s.id == "due").unwrap();
    assert_eq!(due.table.as_ref().unwrap().rows.len(), 3);
}

#[test]
fn the_colour_mix_rates_each_quarter_end() {
    let plans = plans();
    let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
    let pack = board_pack(&ctx, board(&plans, "sub"), PackDates::default()).unwrap();
    let mix = pack.sections.iter().find(|s| s.id == "colour-mix").unwrap();
    let rows = &mix.table.as_ref().unwrap().rows;
    // Live milestones at each quarter end: S-M3 was added in January
    // 2025, so it is not counted at 31 December 2024.
    let live: Vec<&Cell> = rows.iter().map(|r| &r.cells[2]).collect();
    assert_eq!(
        live,
        [
            &Cell::Count(3),
            &Cell::Count(4),
            &Cell::Count(4),
            &Cell::Count(4)
        ]
    );
    // Complete from June on.
    let complete: Vec<&Cell> = rows.iter().map(|r| &r.cells[3]).collect();
    assert_eq!(
        complete,
        [
            &Cell::Count(0),
            &Cell::Count(0),
            &Cell::Count(1),
            &Cell::Count(1)
        ]
    );
    let Some(Chart::StackedBars { bars }) = &mix.chart else {
        panic!("no chart");
    };
    assert_eq!(bars.len(), 4);
    assert_eq!(bars[3].label, "2025/26 Q2 (as at 2025-09-30)");
}

#[test]
fn a_board_with_nothing_overseen_has_every_part_and_nothing_in_it() {
    let plans = plans();
    let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
    let pack = board_pack(&ctx, board(&plans, "idle"), PackDates::default()).unwrap();
    assert_eq!(
        ids(&pack),
        [
            "executive-summary",
            "summary",
            "colour-mix",
            "progress",
            "red",
            "amber",
            "measures",
            "changes",
            "due"
        ]
    );
    assert_eq!(
        pack.sections[0].intro,
        [
            "Headline: no milestone is on the plan as at the as-at date.",
            "Red: nothing is Red as at the as-at date.",
            "Since the last meeting (2025-06-30): no milestone was added, completed, \
             cancelled, re-dated or newly Red."
        ]
    );
    let summary = &pack.sections[1];
    assert!(summary.intro[0].starts_with("The Idle Board oversees no strategy"));
    assert!(summary.chart.is_none());
    // Nothing to list: the columns alone, for a CSV file's header.
    let empty = |s: &Section| s.table.as_ref().is_some_and(|t| t.rows.is_empty());
    assert!(empty(&pack.sections[7]));
    assert!(empty(&pack.sections[8]));
}

#[test]
fn dates_out_of_order_are_errors() {
    let plans = plans();
    let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
    let sub = board(&plans, "sub");
    let since_after = PackDates {
        since: Some(d("2025-10-01")),
        next: None,
    };
    assert_eq!(
        board_pack(&ctx, sub, since_after),
        Err(PackError::SinceAfterAsAt {
            since: d("2025-10-01"),
            as_of: d("2025-09-30")
        })
    );
    let next_before = PackDates {
        since: None,
        next: Some(d("2025-09-29")),
    };
    assert!(matches!(
        board_pack(&ctx, sub, next_before),
        Err(PackError::NextBeforeAsAt { .. })
    ));
    // The same day is allowed for both.
    let same = PackDates {
        since: Some(d("2025-09-30")),
        next: Some(d("2025-09-30")),
    };
    assert!(board_pack(&ctx, sub, same).is_ok());
}

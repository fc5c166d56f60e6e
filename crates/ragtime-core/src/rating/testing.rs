//! Helpers for the rating tests: a plan set with one strategy, one
//! commitment and the milestones and measures a test gives, as TOML text,
//! on the crate's strategy frame (strategy `S`, 2024 to 2027, commitment
//! `S-C1`).

use chrono::NaiveDate;

use crate::testing::strategy_frame;
use crate::{Input, PlanSet, load};

const REGISTRY: &str = r#"
[[owner]]
id = "lead"
role = "Head of Service"
org = "Council"

[[board]]
id = "board"
name = "Board"
"#;

/// A plan set with one strategy, one commitment and the given milestones
/// and measures (TOML text).
pub fn plans(items: &str) -> PlanSet {
    plans_with("", items)
}

/// As [`plans`], with extra keys for the commitment.
pub fn plans_with(commitment: &str, items: &str) -> PlanSet {
    let plan = format!("{}{commitment}\n{items}", strategy_frame("lead", "board"));
    let set = load(vec![
        Input::new("registry.toml", REGISTRY),
        Input::new("plan.toml", plan),
    ]);
    let errors: Vec<_> = set
        .diagnostics
        .iter()
        .filter(|d| d.severity() == crate::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    set
}

/// A milestone `M` of commitment `S-C1`, due on `due`, with updates of the
/// given dates and statuses.
pub fn milestone(due: &str, updates: &[(&str, &str)]) -> String {
    let mut s = format!(
        "[[milestone]]\nid = \"M\"\ncommitment = \"S-C1\"\ntitle = \"T\"\nowner = \"lead\"\nadded = 2023-01-01\ndue = {due}\n"
    );
    for (date, status) in updates {
        s += &format!(
            "[[milestone.update]]\ndate = {date}\nstatus = \"{status}\"\nby = \"lead\"\nnote = \"n\"\n"
        );
    }
    s
}

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A measure `X` (higher is better, target 92 with a tolerance of 2): Red
/// as at 2025-09-30 (89), Amber as at 2025-06-30 (91).
pub const MEASURE: &str = r#"
[[measure]]
id = "X"
name = "Share"
unit = "%"
direction = "higher"
target = { date = 2027-03-31, value = 92 }
tolerance = 2
actual = [
  { date = 2024-09-30, value = 80 },
  { date = 2025-06-30, value = 91 },
  { date = 2025-09-30, value = 89 },
]
"#;

/// An on-target milestone (updated 2026-01-10) beside [`MEASURE`] measured
/// quarterly: its Red value of 2025-09-30 is current up to 2026-01-31 and
/// out of date from 2026-02-01.
pub fn on_target_with_a_quarterly_measure() -> String {
    format!(
        "{}{}",
        milestone("2026-06-30", &[("2026-01-10", "on-target")]),
        MEASURE.replace("tolerance = 2", "tolerance = 2\nfrequency = \"quarterly\"")
    )
}

//! The plans shipped in `plans/` against the papers they encode: the
//! Corporate Parenting Strategy has every priority, objective, commitment
//! and measure the document prints, the figures it gives are kept, the
//! scrutiny recommendations are those the Cabinet minutes record, and
//! every item says where it comes from or that it is illustrative.
//!
//! The expected numbers are counted by hand from the source documents in
//! `../shared/seeds/`, not read back from the plans.
//!
//! The tests are in files by topic: the strategy's structure and
//! governance (`strategy.rs`), its measures' figures (`measures.rs`), where
//! every item comes from (`sources.rs`), and what the minutes record
//! (`minutes.rs`); the plan set and its lookups are here.

mod measures;
mod minutes;
mod sources;
mod strategy;

use ragtime_core::{EntityRef, Input, Measure, PlanSet};

use crate::support::root;

/// Loads `plans/` as the CLI does: every `*.toml` below it, in path order.
fn shipped() -> PlanSet {
    let base = root().join("plans");
    let mut inputs: Vec<Input> = walkdir::WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk plans/"))
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| {
            let name = e.path().strip_prefix(root()).unwrap().display().to_string();
            Input::new(name, std::fs::read(e.path()).expect("read plan file"))
        })
        .collect();
    inputs.sort_by(|a, b| a.name.cmp(&b.name));
    ragtime_core::load(inputs)
}

fn measure<'a>(plans: &'a PlanSet, id: &str) -> &'a Measure {
    match plans.model.lookup(id) {
        Some(EntityRef::Measure(ix)) => plans.model.measure(ix),
        other => panic!("`{id}` is not a measure: {other:?}"),
    }
}

fn commitment<'a>(plans: &'a PlanSet, id: &str) -> &'a ragtime_core::Commitment {
    match plans.model.lookup(id) {
        Some(EntityRef::Commitment(ix)) => plans.model.commitment(ix),
        other => panic!("`{id}` is not a commitment: {other:?}"),
    }
}

fn milestone<'a>(plans: &'a PlanSet, id: &str) -> &'a ragtime_core::Milestone {
    match plans.model.lookup(id) {
        Some(EntityRef::Milestone(ix)) => plans.model.milestone(ix),
        other => panic!("`{id}` is not a milestone: {other:?}"),
    }
}

/// The values of a measure's `actual` series, in date order.
fn actuals(m: &Measure) -> Vec<(String, f64)> {
    m.actual
        .iter()
        .map(|p| (p.date.to_string(), p.value))
        .collect()
}

#[test]
fn shipped_plans_have_no_findings() {
    let plans = shipped();
    let found: Vec<String> = plans
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

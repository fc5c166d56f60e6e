//! Ratings as at a date: each milestone's BRAG rating and each measure's
//! rating, with the facts and the rule behind them, so that every colour in
//! a report can be explained step by step.
//!
//! A rating as at a date D uses only the updates and measured values dated on
//! or before D, and leaves out milestones added after D, so a report for an
//! earlier date comes out the same from today's files. The rules are stated
//! in `docs/rag-rules.md`; the unit tests beside each rule check it.
//!
//! - `scale.rs`: [`Rating`], its [`Colour`] on the scale in use, and a
//!   direction of travel along it ([`Trend`]);
//! - `rules.rs`: [`rate_milestone`] and its [`Rule`]s, the
//!   [`Contradiction`]s it flags, and [`Ratings`] for a whole plan set;
//! - `explain.rs`: [`explain_milestone`], step by step;
//! - `measure/`: [`rate_measure`], a measure's latest value against the
//!   target in force (by the rules of [`crate::measure`]); its
//!   `explain.rs`, the rating in words ([`explain_measure`]);
//! - `contradictions.rs`: the W0505 findings for `check`;
//! - `testing.rs` (tests only): a small plan set to rate milestones and
//!   measures in.

mod contradictions;
mod explain;
mod measure;
mod rules;
mod scale;
#[cfg(test)]
mod testing;

pub use crate::measure::{number, shortfall};
pub use contradictions::{contradictions, contradictions_at};
pub use explain::explain_milestone;
pub use measure::{
    MeasureRag, MeasureRating, explain_measure, freshness_text, rate_measure, target_basis_text,
};
pub use rules::{Contradiction, MilestoneRating, Ratings, Rule, days_text, rate_milestone};
pub use scale::{Colour, Rating, Trend};

//! Rollups: milestone ratings counted up to commitments, priorities,
//! strategies, boards, owners, organisations and the whole portfolio, with
//! the percentage complete or on target and an overall colour by the
//! declared rule.
//!
//! Every figure comes from whole-number counts: each milestone in a rollup
//! is counted exactly once by rating and once by status, so the counts add
//! up to the total, and the one percentage is rounded as the settings say,
//! in whole-number arithmetic (see [`Counts::percent`] and
//! `docs/rag-rules.md`). A rollup is never worse than its worst milestone.
//!
//! - `counts.rs`: [`Counts`] by rating and status, the [`Percent`], and
//!   [`Rollups`] for every commitment, priority and strategy;
//! - `overall.rs`: the overall colour ([`overall`]) and its explanation;
//! - `tree.rs`: the plan's [`Tree`]; `scope.rs`: what a report covers
//!   ([`Scope`]).

mod counts;
mod overall;
mod scope;
mod tree;

pub use counts::{Counts, Percent, Rollups, rounding_words};
pub use overall::{Basis, Overall, colour_rank, explain, midpoint, overall};
pub use scope::Scope;
pub use tree::Tree;

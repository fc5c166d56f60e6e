//! Measures over time: the target in force at any date (an interim target,
//! a point on a declared trajectory, or the final target), the dated points
//! those targets are set by, whether a measure's latest value is out of
//! date for its reporting frequency, how far a value falls short of a
//! target and how it is printed, and the checks on a measure's targets.
//!
//! The ratings (`rating/measure/`) rate measures with these rules and
//! the report builders show them; a chart of a measure's targets over time can draw
//! [`target_points`] and ask [`target_at`] for any date. The rules are
//! stated in `docs/rag-rules.md`.

mod checks;
mod freshness;
mod target;
mod value;

pub(crate) use checks::{DatedTarget, Targets, check_targets, targets_within_period};
pub use freshness::Freshness;
pub use target::{PointKind, TargetBasis, TargetInForce, TargetPoint, target_at, target_points};
pub use value::{number, shortfall};

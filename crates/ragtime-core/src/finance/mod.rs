//! Money: budgets, forecasts, actuals, savings and caps, set for the
//! strategies, priorities, commitments and milestones they fund.
//!
//! A record of its own kind, through the same stages as the rest:
//! `raw.rs` (serde records with spans) -> `model/` (typed, ids resolved,
//! amounts exact; a file per record) -> `checks.rs` (findings with codes)
//! -> `report/` (the `ragtime finance` document and the board pack's money
//! section; a file per record). Amounts are whole pence (`money.rs`), never
//! floats.
//!
//! - A **budget line** (`[[budget]]`) has a budget per financial year and a
//!   log of what finance reported: revised budgets with their reasons,
//!   forecast outturns (before and after management action), spend and
//!   commitments to date.
//! - A **saving** (`[[saving]]`) is a target for a year, split in each
//!   entry of its log into delivered, on target, at risk and unachievable.
//! - A **cap** (`[[cap]]`) is the most that may be spent over a term; the
//!   budget lines that name it are counted against it.

pub mod checks;
pub mod model;
pub mod money;
pub mod raw;
pub mod report;

pub use model::{
    Budget, BudgetKind, BudgetUpdate, BudgetYear, Cap, CapPosition, Finance, Position, Saving,
    SavingUpdate,
};
pub use money::{Money, MoneyError};

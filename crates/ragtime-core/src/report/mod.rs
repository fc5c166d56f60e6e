//! Report data: what a report says, independent of any output format.
//!
//! Every report (portfolio summary, strategy progress, exceptions, measures,
//! explain, and the board pack that combines them) is built as a [`Document`]: titled
//! sections holding typed tables and, where useful, chart data. The CLI has
//! one writer per output format (terminal table, markdown, csv, json, html);
//! a writer only lays out what is here and never computes a figure itself.
//!
//! Each builder takes a [`Context`] (the plan set rated as at one date) and a
//! [`Scope`](crate::rollup::Scope) (the whole portfolio, some strategies, or
//! what a board oversees), and has a `*_sections` form so a board pack can
//! combine the same sections.

pub mod board;
pub(crate) mod cells;
pub mod changes;
mod closed;
mod context;
pub mod doc;
mod exceptions;
mod explain;
pub(crate) mod freshness;
pub(crate) mod marks;
mod measures;
mod notes;
pub mod owner;
mod portfolio;
mod progress;
mod summary;

pub use board::{PackDates, PackError, board_pack, next_meeting};
pub use changes::{Change, ChangeKind, changes, changes_section};
pub use closed::closed_section;
pub use context::Context;
pub use doc::*;
pub use exceptions::{exceptions, exceptions_sections};
pub use explain::explain;
pub use measures::{measures, measures_sections};
pub use portfolio::{Breakdown, portfolio, portfolio_section};
pub use progress::{progress, progress_sections};
pub use summary::{MAX_CHANGES_NAMED, MAX_RED_NAMED, executive_summary};

//! Narratives: a lead officer's short, dated commentary on a strategy or
//! one of its priorities, recorded in the plan files and shown in the board
//! pack and the strategy report beside the table it comments on.
//!
//! The same stages as every record: `raw` (the `[[narrative]]` table as
//! written, with spans), `model` (item and author resolved, with the
//! findings that needs), `checks` (what is wrong with a narrative given
//! the whole plan set, or the date checked) and `report` (which narrative
//! a report as at a date shows, and whether it is old).
//!
//! The rules, stated in `docs/plan-format.md`: a report as at a date shows,
//! for each strategy and priority, the latest narrative dated on or before
//! that date; one older than the staleness window (`stale-after-days`) is
//! shown marked old; none dated after the as-at date is shown.

mod checks;
mod model;
mod raw;
mod report;

pub(crate) use checks::check;
pub use checks::{MAX_WORDS, after_date};
pub(crate) use model::build;
pub use model::{Narrative, NarrativeItem};
pub use raw::RawNarrative;
pub use report::{narratives_shown, shown_as_at};

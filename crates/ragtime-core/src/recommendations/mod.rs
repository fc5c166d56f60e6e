//! Scrutiny recommendations: what an overview and scrutiny committee
//! recommended to the executive, the executive's response (accepted,
//! partly accepted or rejected, with reasons, within a window of months set
//! in `[settings]`), and the commitments and milestones that deliver it.
//!
//! The same pipeline as every record, in small: `raw.rs` (serde records
//! with spans), `model.rs` (typed, ids resolved, edges in the plan graph),
//! `checks.rs` (findings with codes), `standing.rs` (where each stands as
//! at a date: awaiting, overdue, responded, delivered) and `report.rs` with
//! `tables.rs` (the tracker, for `ragtime recommendations` and the board
//! pack of the committee).

pub mod checks;
pub mod model;
pub mod raw;
pub mod report;
pub mod standing;
mod tables;

pub use checks::dated_after;
pub use model::{Acceptance, Deliverer, Recommendation, Response, last_day_within};
pub use raw::{RawRecommendation, RawResponse};
pub use report::{pack_sections, recommendations, recommendations_sections};
pub use standing::{Delivery, Standing};

//! The rules a new update-log entry meets before it is recorded, whoever
//! records it: `ragtime update` (from its options) and `ragtime returns
//! import` (from a return's cells) call these same functions and say what
//! is wrong in their own terms (an option to fix, a cell to fill in).
//! Once recorded, the entry is checked again with the plan set by the
//! plan checks.

use chrono::NaiveDate;

use crate::model::{Milestone, Status};

/// Words people use for a status, and the status they mean.
const SYNONYMS: &[(&str, Status)] = &[
    ("done", Status::Complete),
    ("completed", Status::Complete),
    ("finished", Status::Complete),
    ("delivered", Status::Complete),
    ("closed", Status::Complete),
    ("blue", Status::Complete),
    ("on-track", Status::OnTarget),
    ("green", Status::OnTarget),
    ("ok", Status::OnTarget),
    ("amber", Status::AtRisk),
    ("risk", Status::AtRisk),
    ("red", Status::NotOnTarget),
    ("late", Status::NotOnTarget),
    ("delayed", Status::NotOnTarget),
    ("behind", Status::NotOnTarget),
    ("off-track", Status::NotOnTarget),
    ("off-target", Status::NotOnTarget),
    ("on-hold", Status::Paused),
    ("hold", Status::Paused),
    ("suspended", Status::Paused),
    ("canceled", Status::Cancelled),
    ("withdrawn", Status::Cancelled),
    ("dropped", Status::Cancelled),
    ("todo", Status::NotStarted),
    ("planned", Status::NotStarted),
];

/// A status as typed: one of the seven, in any case, with spaces or `_`
/// for `-` (`On Target`). Anything else is `Err` with the status it most
/// likely means, if one: a word people use for it (`done`, `amber`) or a
/// near miss (`on-targt`).
pub fn status(text: &str) -> Result<Status, Option<Status>> {
    if let Ok(s) = text.parse::<Status>() {
        return Ok(s);
    }
    let folded = text.trim().to_lowercase().replace([' ', '_'], "-");
    if let Ok(s) = folded.parse::<Status>() {
        return Ok(s);
    }
    let near = SYNONYMS
        .iter()
        .find(|(w, _)| *w == folded)
        .map(|(_, s)| *s)
        .or_else(|| {
            crate::diag::did_you_mean(&folded, Status::words()).and_then(|w| w.parse().ok())
        });
    Err(near)
}

/// A rule an entry breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breach {
    /// Dated after today: an update records progress already made.
    AfterToday { date: NaiveDate, today: NaiveDate },
    /// `complete` with no note saying what was delivered.
    CompleteWithoutNote,
    /// `cancelled` with no note saying why.
    CancelledWithoutNote,
    /// A revised due date that is the date already in force.
    SameDue { due: NaiveDate },
    /// A revised due date before the entry's own date: overdue the day it
    /// is re-dated.
    DueBeforeDate { due: NaiveDate, date: NaiveDate },
}

/// The entry's date against today.
pub fn date(date: NaiveDate, today: NaiveDate) -> Option<Breach> {
    (date > today).then_some(Breach::AfterToday { date, today })
}

/// A completion says what was delivered, a cancellation why.
pub fn note(status: Status, note: Option<&str>) -> Option<Breach> {
    let empty = note.is_none_or(|n| n.trim().is_empty());
    match status {
        Status::Complete if empty => Some(Breach::CompleteWithoutNote),
        Status::Cancelled if empty => Some(Breach::CancelledWithoutNote),
        _ => None,
    }
}

/// The due date in force: the latest revision in the whole log, or the
/// baseline.
pub fn due_in_force(m: &Milestone) -> NaiveDate {
    m.updates.iter().rev().find_map(|u| u.due).unwrap_or(m.due)
}

/// A revised due date must move the date, and (unless the caller has it
/// confirmed) not to before the entry's date.
pub fn revised_due(m: &Milestone, due: NaiveDate, date: NaiveDate) -> Option<Breach> {
    if due == due_in_force(m) {
        Some(Breach::SameDue { due })
    } else if due < date {
        Some(Breach::DueBeforeDate { due, date })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_read_as_people_type_them() {
        assert_eq!(status("complete"), Ok(Status::Complete));
        assert_eq!(status(" On Target "), Ok(Status::OnTarget));
        assert_eq!(status("at_risk"), Ok(Status::AtRisk));
        assert_eq!(status("done"), Err(Some(Status::Complete)));
        assert_eq!(status("Amber"), Err(Some(Status::AtRisk)));
        assert_eq!(status("on-targt"), Err(Some(Status::OnTarget)));
        assert_eq!(status("purple"), Err(None));
    }

    #[test]
    fn notes_are_needed_to_close_a_milestone() {
        assert_eq!(
            note(Status::Complete, None),
            Some(Breach::CompleteWithoutNote)
        );
        assert_eq!(
            note(Status::Cancelled, Some("  ")),
            Some(Breach::CancelledWithoutNote)
        );
        assert_eq!(note(Status::Complete, Some("Delivered")), None);
        assert_eq!(note(Status::AtRisk, None), None);
    }
}

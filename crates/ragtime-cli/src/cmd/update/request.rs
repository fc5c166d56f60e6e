//! What the person typing `ragtime update` asked for, checked before
//! anything is written, with errors that name the option to fix: who is
//! updating (`--by`, RAGTIME_OWNER), the status (`--status`, with the
//! nearest one), the date (never after today), the note a completion needs
//! (`--note`), a re-date that is no re-date or lies in the past, and a
//! milestone that another owner holds (`--on-behalf-of`).
//!
//! Each is a usage error (exit 2): the plan set is not at fault.

use anyhow::{Result, bail};
use chrono::NaiveDate;
use ragtime_core::entry::{self, Breach};
use ragtime_core::{Milestone, Model, Status};

use crate::cli::UpdateArgs;

/// The status `--status` names; anything else is an error naming the
/// option, the nearest status and all seven.
pub fn status(text: &str) -> Result<Status> {
    let near = match entry::status(text) {
        Ok(s) => return Ok(s),
        Err(near) => near,
    };
    let all = Status::words()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match near {
        Some(near) => bail!(
            "`{text}` is not a status for `--status`; did you mean `--status {near}`?\n\
             the statuses are {all}"
        ),
        None => bail!("`{text}` is not a status for `--status`; the statuses are {all}"),
    }
}

/// Who is updating: `--by`, or RAGTIME_OWNER.
pub fn by(up: &UpdateArgs) -> Result<String> {
    match up.by.as_deref().map(str::trim) {
        Some(by) if !by.is_empty() => Ok(by.to_string()),
        _ => bail!(
            "who is making this update? give your owner id with `--by OWNER` \
             (e.g. `--by hos-fostering`), or set it once for the session: \
             `export RAGTIME_OWNER=hos-fostering`"
        ),
    }
}

/// The update's date: `--date`, or today; never after today, since an
/// update records progress already made (one dated later would be left out
/// of every report until then, and block every update dated before it).
pub fn date(up: &UpdateArgs, today: NaiveDate) -> Result<NaiveDate> {
    let date = up.date.unwrap_or(today);
    if entry::date(date, today).is_some() {
        bail!(
            "`--date {date}` is after today ({today}): an update records progress already made; \
             give the day it was made, or record it on that day"
        );
    }
    Ok(date)
}

/// A completion says what was delivered, a cancellation why: with
/// `--note`.
pub fn note(status: Status, up: &UpdateArgs) -> Result<()> {
    match entry::note(status, up.note.as_deref()) {
        Some(Breach::CompleteWithoutNote) => bail!(
            "`--status complete` needs `--note` saying what was delivered, e.g. \
             `--note \"Twenty new foster homes approved at panel\"`"
        ),
        Some(Breach::CancelledWithoutNote) => bail!(
            "`--status cancelled` needs `--note` saying why, e.g. \
             `--note \"Replaced by the regional recruitment campaign\"`"
        ),
        _ => Ok(()),
    }
}

/// A revised due date must move the date, and not into the past unless
/// `--past-due` confirms it.
pub fn due(m: &Milestone, up: &UpdateArgs, date: NaiveDate) -> Result<()> {
    let Some(due) = up.due else { return Ok(()) };
    match entry::revised_due(m, due, date) {
        Some(Breach::SameDue { due }) => bail!(
            "`{}` is already due on {due}: `--due` is for a new due date (a re-date counts \
             as drift in reports); to record progress, leave out `--due` and `--reason`",
            m.id
        ),
        Some(Breach::DueBeforeDate { due, date }) if !up.past_due => bail!(
            "`--due {due}` is before the update's date ({date}): `{}` would be overdue the day \
             it is re-dated; if that is so (it is now expected late, on a day already past), \
             add `--past-due` to confirm",
            m.id
        ),
        _ => Ok(()),
    }
}

/// An update of a milestone that another owner holds must say so:
/// `--on-behalf-of` with the milestone's owner.
pub fn owner(model: &Model, m: &Milestone, by: &str, up: &UpdateArgs) -> Result<()> {
    let holder = &model.owner(m.owner).id;
    match &up.on_behalf_of {
        Some(named) if named.eq_ignore_ascii_case(holder) => Ok(()),
        Some(named) => bail!(
            "`{}` is held by `{holder}`, not `{named}`: `--on-behalf-of` names the milestone's \
             owner, `--on-behalf-of {holder}`",
            m.id
        ),
        None if by.eq_ignore_ascii_case(holder) => Ok(()),
        None => bail!(
            "`{}` is held by `{holder}`, not `{by}` (`--by` or RAGTIME_OWNER): to record \
             this update for them, add `--on-behalf-of {holder}`",
            m.id
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_found_from_the_words_people_use() {
        assert_eq!(status("complete").unwrap(), Status::Complete);
        assert_eq!(status("On Target").unwrap(), Status::OnTarget);
        assert_eq!(status("at_risk").unwrap(), Status::AtRisk);
        let err = |s: &str| status(s).unwrap_err().to_string();
        assert!(
            err("done").contains("did you mean `--status complete`?"),
            "{}",
            err("done")
        );
        assert!(err("on-track").contains("`--status on-target`"));
        assert!(err("on-targt").contains("`--status on-target`"));
        assert!(err("purple").starts_with("`purple` is not a status for `--status`; the statuses"));
    }
}

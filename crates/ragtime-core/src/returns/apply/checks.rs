//! Whether a row's entry is recorded: left when it is in the log already
//! or the milestone changed since the return was made (a warning saying
//! which), refused when it breaks a rule for a new entry.

use chrono::NaiveDate;

use super::Return;
use crate::PlanSet;
use crate::diag::Code;
use crate::edit::NewUpdate;
use crate::entry::{self, Breach};
use crate::model::{Status, Update};
use crate::returns::Column;
use crate::returns::read::Row;
use crate::sheet::Problem;

/// Whether the row is left: its entry is in the log already, or the log
/// changed after the return was made. Says which, as a warning.
pub(super) fn left_alone(
    plans: &PlanSet,
    ret: &Return,
    row: &Row,
    m: &crate::Milestone,
    new: &NewUpdate,
    problems: &mut Vec<Problem>,
) -> bool {
    let id_at = row.at(Column::Id);
    if let Some(u) = m.updates.iter().find(|u| same(plans, u, new)) {
        problems.push(
            Problem::new(
                Code::AlreadyRecorded,
                id_at,
                format!(
                    "`{}` already has this update (dated {}); not added again",
                    m.id, u.date
                ),
            )
            .value(row.id.clone())
            .label("already recorded"),
        );
        return true;
    }
    if let Some(later) = changed_since(ret, row, m) {
        problems.push(
            Problem::new(
                Code::SkippedChanged,
                id_at,
                format!(
                    "`{}` was updated on {} by `{}` after this return was made; this row was not applied",
                    m.id,
                    later.date,
                    plans.model.owner(later.by).id
                ),
            )
            .value(row.id.clone())
            .label("changed since")
            .help(format!(
                "see the log with `ragtime explain {}`, and record what is still news with `ragtime update` or in the next return",
                m.id
            )),
        );
        return true;
    }
    false
}

/// Whether `u` is the entry `e`: the same in every key.
fn same(plans: &PlanSet, u: &Update, e: &NewUpdate) -> bool {
    u.date == e.date
        && u.status.as_str() == e.status
        && plans.model.owner(u.by).id == e.by
        && u.note() == e.note.as_deref()
        && u.percent.map(i64::from) == e.percent
        && u.due == e.due
        && u.reason() == e.reason.as_deref()
        && u.action() == e.action.as_deref()
}

/// The first entry the milestone's log gained after the return was made,
/// as its record (or, for a CSV file, its `Last update` column) says.
fn changed_since<'m>(ret: &Return, row: &Row, m: &'m crate::Milestone) -> Option<&'m Update> {
    if let Some(known) = ret.record.as_ref().and_then(|r| r.known.get(&m.id)) {
        return m.updates.get(known.log_entries);
    }
    if ret.record.is_none() && row.has(Column::LastUpdate) {
        return m
            .updates
            .iter()
            .find(|u| row.last_update.is_none_or(|known| u.date > known));
    }
    None
}

/// The rules a new entry meets ([`crate::entry`]), each broken one a
/// problem at its cell.
pub(super) fn breaches(
    row: &Row,
    m: &crate::Milestone,
    new: &NewUpdate,
    today: NaiveDate,
    problems: &mut Vec<Problem>,
) {
    let date = new.date;
    let status: Status = new.status.parse().unwrap_or(Status::NotStarted);
    if let Some(Breach::AfterToday { date, today }) = entry::date(date, today) {
        let help = if row.update_date.is_some() {
            "an update records progress already made: give the day it was made, or import the \
             return on or after that day"
        } else {
            "the return's update date is the quarter's last day: import it after the quarter \
             ends, or put the day the progress was made in `Update date`"
        };
        problems.push(
            Problem::new(
                Code::UpdateAfterToday,
                row.at(Column::UpdateDate),
                format!("the update is dated {date}, after today ({today})"),
            )
            .value(date.format("%Y-%m-%d").to_string())
            .label("a day still to come")
            .help(help),
        );
    }
    match entry::note(status, row.note.as_deref()) {
        Some(Breach::CompleteWithoutNote) => problems.push(
            Problem::new(
                Code::CompleteWithoutEvidence,
                row.at(Column::Note),
                format!("`{}` is marked complete with no note of what was delivered", m.id),
            )
            .label("no note")
            .help("fill in the note: what was delivered, as evidence"),
        ),
        Some(Breach::CancelledWithoutNote) => problems.push(
            Problem::new(
                Code::CancelledWithoutReason,
                row.at(Column::Note),
                format!("`{}` is marked cancelled with no note giving the reason", m.id),
            )
            .label("no note")
            .help("fill in the note: why it is cancelled (a milestone is never dropped without a reason)"),
        ),
        _ => {}
    }
    if let Some(due) = row.revised_due {
        let shown = due.format("%Y-%m-%d").to_string();
        match entry::revised_due(m, due, date) {
            Some(Breach::SameDue { due }) => problems.push(
                Problem::new(
                    Code::RedatedToSameDate,
                    row.at(Column::RevisedDue),
                    format!("`{}` is already due on {due}", m.id),
                )
                .value(shown)
                .label("the due date now")
                .help("a revised due date is for a new date (a re-date counts as drift); leave it blank to keep the date"),
            ),
            Some(Breach::DueBeforeDate { due, date }) => problems.push(
                Problem::new(
                    Code::RevisedIntoPast,
                    row.at(Column::RevisedDue),
                    format!("the revised due date {due} is before the update's date ({date})"),
                )
                .value(shown)
                .label("overdue the day it is set")
                .help("give the day it is now expected; a milestone delivered late is marked complete, with the day in the note"),
            ),
            _ => {}
        }
    }
}

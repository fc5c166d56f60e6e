//! What filled returns add to the plans: each row with news matched to its
//! milestone and made an update-log entry by the rules `update` follows
//! ([`crate::entry`]); rows already recorded, or whose milestone changed
//! since the return was made, left with a warning saying so; and the
//! entries spliced into the plan files' texts ([`crate::edit`]), with
//! where each came from, so the plan checks' findings in them can be
//! placed back at their cells.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Column;
use super::read::Row;
use super::record::Record;
use crate::diag::{Code, did_you_mean_id};
use crate::edit::{self, EditError, NewUpdate};
use crate::entry::{self, Breach};
use crate::model::{EntityRef, MilestoneIx, Status, Update};
use crate::sheet::origin::Origin;
use crate::sheet::{Place, Problem};
use crate::{FileId, PlanSet};

/// One return as read: its record (none for a CSV file) and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Return {
    /// The file, for problems about it as a whole.
    pub book: String,
    pub record: Option<Record>,
    pub rows: Vec<Row>,
    /// Whether its rows carry the `Last update` column, a CSV return's
    /// record of what it was made from.
    pub has_last_update: bool,
}

/// An entry to record.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub milestone: MilestoneIx,
    pub entry: NewUpdate,
    /// The cell each of the entry's keys came from.
    pub cells: BTreeMap<&'static str, Place>,
    /// The row's id cell.
    pub row: Place,
}

/// What the rows come to: entries to record, and problems (errors stop
/// the import; warnings say what was left and why).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub planned: Vec<Planned>,
    pub problems: Vec<Problem>,
    /// Rows left: already recorded, or changed since.
    pub left: usize,
}

/// The milestone a row names: its id exactly, or ignoring case.
fn milestone(plans: &PlanSet, id: &str) -> Result<MilestoneIx, Option<EntityRef>> {
    let model = &plans.model;
    let found = model.lookup(id).or_else(|| {
        let folded = id.to_lowercase();
        model
            .milestones
            .iter()
            .find(|m| m.id.to_lowercase() == folded)
            .and_then(|m| model.lookup(&m.id))
    });
    match found {
        Some(EntityRef::Milestone(m)) => Ok(m),
        other => Err(other),
    }
}

/// Whether `u` is the entry `e`: the same in every key.
fn same(plans: &PlanSet, u: &Update, e: &NewUpdate) -> bool {
    u.date == e.date
        && u.status.as_str() == e.status
        && plans.model.owner(u.by).id == e.by
        && u.note.as_deref() == e.note.as_deref()
        && u.percent.map(i64::from) == e.percent
        && u.due == e.due
        && u.reason.as_deref() == e.reason.as_deref()
        && u.action.as_deref() == e.action.as_deref()
}

/// Matches each row of `returns` to its milestone and makes its entry,
/// checking each against the rules for a new entry as at `today`.
pub fn plan(plans: &PlanSet, returns: &[Return], today: NaiveDate) -> Plan {
    let mut out = Plan::default();
    let mut seen: BTreeMap<MilestoneIx, Place> = BTreeMap::new();
    for ret in returns {
        if ret.record.is_none() && !ret.has_last_update && !ret.rows.is_empty() {
            out.problems.push(
                Problem::new(
                    Code::NoRecord,
                    Place::book(ret.book.clone()),
                    "no record of what this return was made from",
                )
                .help(
                    "changes made to its milestones since cannot be found: an old return is \
                     applied as if it were new; keep the `Last update` column to have them found",
                ),
            );
        }
        for row in &ret.rows {
            if let Some(p) = plan_row(plans, ret, row, today, &mut seen, &mut out) {
                out.planned.push(p);
            }
        }
    }
    out
}

/// One row's entry, or `None` with the problem or the reason it is left.
fn plan_row(
    plans: &PlanSet,
    ret: &Return,
    row: &Row,
    today: NaiveDate,
    seen: &mut BTreeMap<MilestoneIx, Place>,
    out: &mut Plan,
) -> Option<Planned> {
    let ix = which_milestone(plans, ret, row, seen, &mut out.problems)?;
    let m = plans.model.milestone(ix);
    let new = new_entry(plans, ret, row, m, &mut out.problems)?;
    // What was recorded already, or overtaken since the return was made,
    // is left before the rules are asked: it will not be recorded.
    if left_alone(plans, ret, row, m, &new, &mut out.problems) {
        out.left += 1;
        return None;
    }
    let before = out.problems.len();
    breaches(row, m, &new, today, &mut out.problems);
    if out.problems.len() > before {
        return None;
    }
    Some(Planned {
        milestone: ix,
        entry: new,
        cells: cells(row),
        row: row.at(Column::Id),
    })
}

/// The milestone a row is for: one the plans have, held by the return's
/// owner, and not in a row before it.
fn which_milestone(
    plans: &PlanSet,
    ret: &Return,
    row: &Row,
    seen: &mut BTreeMap<MilestoneIx, Place>,
    problems: &mut Vec<Problem>,
) -> Option<MilestoneIx> {
    let model = &plans.model;
    let id_at = row.at(Column::Id);
    let ix = match milestone(plans, &row.id) {
        Ok(ix) => ix,
        Err(other) => {
            let (message, help) = match other {
                Some(e) => (
                    format!(
                        "`{}` is {}, not a milestone",
                        row.id,
                        e.kind().with_article()
                    ),
                    "a return's rows are milestones: put back the milestone's id".to_string(),
                ),
                None => {
                    let ids = model.milestones.iter().map(|m| m.id.as_str());
                    let help = match did_you_mean_id(&row.id, ids) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => "put back the id the return was sent with".to_string(),
                    };
                    (format!("no milestone has the id `{}`", row.id), help)
                }
            };
            problems.push(
                Problem::new(Code::UnknownRef, id_at, message)
                    .value(row.id.clone())
                    .label("not a milestone in the plans")
                    .help(help),
            );
            return None;
        }
    };
    let m = model.milestone(ix);
    let holder = &model.owner(m.owner).id;
    if let Some(record) = &ret.record
        && !record.owner.eq_ignore_ascii_case(holder)
    {
        problems.push(
            Problem::new(
                Code::NotTheirMilestone,
                id_at,
                format!(
                    "`{}` is held by `{holder}`, but this is `{}`'s return",
                    m.id, record.owner
                ),
            )
            .value(row.id.clone())
            .label(format!("held by `{holder}`"))
            .help(format!(
                "leave this row to `{holder}`'s return, or ask the performance team to move the milestone"
            )),
        );
        return None;
    }
    if let Some(first) = seen.get(&ix) {
        problems.push(
            Problem::new(
                Code::RowTwice,
                id_at,
                format!("a second row for `{}`; the first is at {first}", m.id),
            )
            .value(row.id.clone())
            .label("the same milestone again")
            .help("keep one row per milestone: put both updates' news in one row"),
        );
        return None;
    }
    seen.insert(ix, id_at.clone());

    Some(ix)
}

/// The entry a row makes: its status (or the status now), its date (or
/// the quarter's last day), by the milestone's owner, and what it says.
fn new_entry(
    plans: &PlanSet,
    ret: &Return,
    row: &Row,
    m: &crate::Milestone,
    problems: &mut Vec<Problem>,
) -> Option<NewUpdate> {
    let before = problems.len();
    let status_now = m.updates.last().map_or(Status::NotStarted, |u| u.status);
    let status = match row.new_status.as_deref().map(entry::status) {
        None => status_now,
        Some(Ok(s)) => s,
        Some(Err(near)) => {
            let text = row.new_status.clone().unwrap_or_default();
            let list = Status::words()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let help = match near {
                Some(s) => format!("did you mean `{s}`? pick the status from the cell's list"),
                None => "pick the status from the cell's list".to_string(),
            };
            problems.push(
                Problem::new(
                    Code::BadStatus,
                    row.at(Column::NewStatus),
                    format!("`{text}` is not a status"),
                )
                .value(text)
                .label(format!("expected one of {list}"))
                .help(help),
            );
            status_now
        }
    };
    let date = match (row.update_date, &ret.record) {
        (Some(d), _) => d,
        (None, Some(record)) => record.period.end(),
        (None, None) => {
            problems.push(
                Problem::new(
                    Code::EmptyCell,
                    row.at(Column::UpdateDate),
                    format!("the update of `{}` has no date", m.id),
                )
                .label("no date")
                .help("give the day the progress was made, e.g. the quarter's last day"),
            );
            return None;
        }
    };
    if problems.len() > before {
        return None;
    }
    Some(NewUpdate {
        date,
        status: status.as_str().to_string(),
        by: plans.model.owner(m.owner).id.clone(),
        note: row.note.clone(),
        percent: row.percent.map(i64::from),
        due: row.revised_due,
        reason: row.reason.clone(),
        action: row.action.clone(),
    })
}

/// Whether the row is left: its entry is in the log already, or the log
/// changed after the return was made. Says which, as a warning.
fn left_alone(
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

/// The rules a new entry meets ([`crate::entry`]), each broken one a
/// problem at its cell.
fn breaches(
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

/// The cell each of an entry's keys comes from.
fn cells(row: &Row) -> BTreeMap<&'static str, Place> {
    let mut cells = BTreeMap::new();
    for (key, column) in [
        ("date", Column::UpdateDate),
        ("status", Column::NewStatus),
        ("by", Column::Id),
        ("note", Column::Note),
        ("percent", Column::Percent),
        ("due", Column::RevisedDue),
        ("reason", Column::Reason),
        ("action", Column::Action),
    ] {
        cells.insert(key, row.at(column));
    }
    cells
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

/// The plan files' new texts, and where each entry came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// Each changed file and its whole new text, in file order.
    pub texts: Vec<(FileId, String)>,
    pub origins: Vec<Origin>,
}

/// Splices the planned entries into their files' texts, in row order
/// within each file.
pub fn apply(plans: &PlanSet, planned: &[Planned]) -> Result<Applied, (Place, EditError)> {
    let mut texts: BTreeMap<FileId, String> = BTreeMap::new();
    let mut origins: Vec<Origin> = Vec::new();
    for p in planned {
        let m = plans.model.milestone(p.milestone);
        let file = m.loc.file;
        let text = texts
            .entry(file)
            .or_insert_with(|| plans.source(file).text.clone());
        let edit = edit::append_update(text, &m.id, &p.entry).map_err(|e| (p.row.clone(), e))?;
        for range in &edit.inserted {
            let grown = range.len();
            // What was inserted before moves down by what is inserted now.
            for o in origins
                .iter_mut()
                .filter(|o| o.file == file && o.span.start >= range.start)
            {
                o.span = o.span.start + grown..o.span.end + grown;
            }
        }
        for range in &edit.inserted {
            origins.push(Origin {
                file,
                span: range.clone(),
                cells: p.cells.clone(),
                row: p.row.clone(),
            });
        }
        *text = edit.text;
    }
    Ok(Applied {
        texts: texts.into_iter().collect(),
        origins,
    })
}

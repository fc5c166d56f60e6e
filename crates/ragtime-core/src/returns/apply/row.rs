//! A row's milestone and entry: the milestone it names (held by the
//! return's owner, in no row before it), and the update-log entry it makes,
//! with the cell each key comes from.

use std::collections::BTreeMap;

use super::Return;
use crate::PlanSet;
use crate::diag::{Code, did_you_mean_id};
use crate::edit::NewUpdate;
use crate::entry;
use crate::model::{EntityRef, MilestoneIx, Status};
use crate::returns::Column;
use crate::returns::read::Row;
use crate::sheet::{Place, Problem};

/// The milestone a row is for: one the plans have, held by the return's
/// owner, and not in a row before it.
pub(super) fn which_milestone(
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

/// The entry a row makes: its status (or the status now), its date (or
/// the quarter's last day), by the milestone's owner, and what it says.
pub(super) fn new_entry(
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

/// The cell each of an entry's keys comes from.
pub(super) fn cells(row: &Row) -> BTreeMap<&'static str, Place> {
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

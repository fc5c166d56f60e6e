//! What filled returns add to the plans: each row with news matched to its
//! milestone and made an update-log entry by the rules `update` follows
//! ([`crate::entry`]); rows already recorded, or whose milestone changed
//! since the return was made, left with a warning saying so; and the
//! entries spliced into the plan files' texts ([`crate::edit`]), with
//! where each came from, so the plan checks' findings in them can be
//! placed back at their cells.
//!
//! Here: the rows planned and the entries spliced in; `row.rs`: a row's
//! milestone and entry; `checks.rs`: whether it is left or breaks a rule.

mod checks;
mod row;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Column;
use super::read::Row;
use super::record::Record;
use crate::diag::Code;
use crate::edit::{self, EditError, NewUpdate};
use crate::model::MilestoneIx;
use crate::sheet::origin::Origin;
use crate::sheet::{Place, Problem};
use crate::{FileId, PlanSet};
use checks::{breaches, left_alone};
use row::{cells, new_entry, which_milestone};

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

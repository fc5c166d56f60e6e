//! Importing an existing action plan from a spreadsheet: its rows (one
//! per milestone or action) become a plan file of a strategy, its
//! priorities and commitments (grouped as the rows name them), and its
//! milestones, each with the status the spreadsheet gives as its first
//! update.
//!
//! Stages: the mapping ([`mapping`]) says how to read the sheet; [`rows`]
//! reads each row; [`build`] writes the plan text, keeping where each
//! milestone's text came from; the caller loads the plan set with the new
//! file and [`locate`] turns each new finding in it back into a problem at
//! the cell its value came from. Owners the registry does not have are
//! given ids made from their names and listed, so the registry can be
//! completed; the file then passes `ragtime check`.

pub mod mapping;
pub mod rows;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use toml_writer::ToTomlValue;

use crate::diag::{Code, Diagnostic};
use crate::model::{Model, Status};
use crate::sheet::origin::{self, Origin};
use crate::sheet::{Grid, Place, Problem};
use crate::{FileId, PlanSet};

pub use mapping::{Mapping, MappingError};

/// An owner name that matched no owner: the id given to it, and where it
/// is first written.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownOwner {
    pub id: String,
    pub name: String,
    pub first: Place,
    pub rows: usize,
}

impl UnknownOwner {
    /// An `[[owner]]` entry to complete and add to the registry.
    pub fn registry_entry(&self) -> String {
        let rows = if self.rows == 1 { "row" } else { "rows" };
        format!(
            "# {}: {} {rows}, the first at {}\n[[owner]]\nid = {}\nrole = {}\norg = \"\"  # the organisation: fill in\n",
            self.name,
            self.rows,
            self.first,
            text(&self.id),
            text(&self.name)
        )
    }
}

/// A plan file made from a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub file_name: String,
    pub text: String,
    /// Where each milestone's text came from; the file id is the caller's
    /// to set once the file is loaded.
    pub origins: Vec<Origin>,
    pub unknown_owners: Vec<UnknownOwner>,
    pub priorities: usize,
    pub commitments: usize,
    pub milestones: usize,
    /// Milestones given a first update (a status, note, percent or action).
    pub updates: usize,
    /// Every cell that could not be read; the text is not to be written
    /// while there is an error among them.
    pub problems: Vec<Problem>,
}

/// A value written as TOML.
fn text(s: &str) -> String {
    toml_writer::TomlStringBuilder::new(s)
        .as_basic()
        .to_toml_value()
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Reads `grid` with `mapping` and writes the plan file.
pub fn build(mapping: &Mapping, grid: &Grid, model: &Model) -> Imported {
    let mut problems = Vec::new();
    let actions = rows::read(grid, mapping, model, &mut problems);
    let as_at = mapping.as_at();
    let s = &mapping.strategy;
    let mut out = String::new();
    let place = match &grid.sheet {
        Some(sheet) => format!("`{}` (sheet `{sheet}`)", grid.book),
        None => format!("`{}`", grid.book),
    };
    let _ = writeln!(
        out,
        "# Imported from {place} by `ragtime import-plan`, as at {}.",
        date(as_at)
    );
    let _ = writeln!(
        out,
        "# Each milestone's `source` names the row it came from.\n"
    );
    let _ = writeln!(
        out,
        "[strategy]\nid = {}\ntitle = {}",
        text(&s.id),
        text(&s.title)
    );
    let _ = writeln!(
        out,
        "start = {}\nend = {}\nowner = {}",
        s.start,
        s.end,
        text(&s.owner)
    );
    if !s.boards.is_empty() {
        let boards: Vec<String> = s.boards.iter().map(|b| text(b)).collect();
        let _ = writeln!(out, "boards = [{}]", boards.join(", "));
    }
    for (key, value) in [("summary", &s.summary), ("source", &s.source)] {
        if let Some(v) = value {
            let _ = writeln!(out, "{key} = {}", text(v));
        }
    }

    // Priorities and commitments in the order rows first name them.
    let mut priorities: Vec<String> = Vec::new();
    let mut commitments: Vec<(usize, String, Vec<usize>)> = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        let p_title = a.priority.clone().unwrap_or_else(|| s.title.clone());
        let p = priorities
            .iter()
            .position(|t| *t == p_title)
            .unwrap_or_else(|| {
                priorities.push(p_title);
                priorities.len() - 1
            });
        let c_text = a
            .commitment
            .clone()
            .unwrap_or_else(|| priorities[p].clone());
        match commitments
            .iter_mut()
            .find(|(cp, t, _)| *cp == p && *t == c_text)
        {
            Some((_, _, rows)) => rows.push(i),
            None => commitments.push((p, c_text, vec![i])),
        }
    }
    let mut origins = Vec::new();
    let mut updates = 0;
    let mut milestone_count = 0;
    for (p, p_title) in priorities.iter().enumerate() {
        let p_id = format!("{}-P{}", s.id, p + 1);
        let _ = writeln!(
            out,
            "\n[[priority]]\nid = {}\ntitle = {}",
            text(&p_id),
            text(p_title)
        );
        for (c_number, (_, c_text, rows)) in
            commitments.iter().filter(|(cp, _, _)| *cp == p).enumerate()
        {
            let c_id = format!("{p_id}-C{}", c_number + 1);
            let first = &actions[rows[0]];
            let latest = rows
                .iter()
                .map(|&i| &actions[i])
                .max_by_key(|a| a.due)
                .unwrap_or(first);
            let due = latest.due;
            let start = out.len() + 1;
            let _ = writeln!(
                out,
                "\n[[commitment]]\nid = {}\npriority = {}\ntext = {}\nowner = {}\ndue = {}",
                text(&c_id),
                text(&p_id),
                text(c_text),
                text(&first.owner),
                date(due)
            );
            // The commitment's values come from its rows: its owner from
            // the first, its due date from the latest.
            let mut cells = BTreeMap::new();
            for (key, from, field) in [
                ("text", first, "commitment"),
                ("owner", first, "owner"),
                ("due", latest, "due"),
            ] {
                if let Some(p) = from.cells.get(field) {
                    cells.insert(key, p.clone());
                }
            }
            origins.push(Origin {
                file: FileId(0),
                span: start..out.len(),
                cells,
                row: first
                    .cells
                    .get("commitment")
                    .or(first.cells.get("title"))
                    .cloned()
                    .unwrap_or_else(|| first.owner_at.clone()),
            });
            for (m_number, &i) in rows.iter().enumerate() {
                let a = &actions[i];
                let m_id =
                    a.id.clone()
                        .unwrap_or_else(|| format!("{c_id}-M{}", m_number + 1));
                let start = out.len() + 1;
                let source = match &grid.sheet {
                    Some(sheet) => format!("{} sheet {sheet} row {}", grid.book, a.row + 1),
                    None => format!("{} row {}", grid.book, a.row + 1),
                };
                let _ = writeln!(
                    out,
                    "\n[[milestone]]\nid = {}\ncommitment = {}\ntitle = {}\nowner = {}\nadded = {}\ndue = {}\nsource = {}",
                    text(&m_id),
                    text(&c_id),
                    text(&a.title),
                    text(&a.owner),
                    date(as_at),
                    date(a.due),
                    text(&source)
                );
                let news = a.status.is_some_and(|s| s != Status::NotStarted)
                    || a.note.is_some()
                    || a.percent.is_some()
                    || a.action.is_some();
                if news {
                    updates += 1;
                    let status = a.status.unwrap_or(Status::NotStarted);
                    let _ = writeln!(
                        out,
                        "\n  [[milestone.update]]\n  date = {}\n  status = {}\n  by = {}",
                        date(as_at),
                        text(status.as_str()),
                        text(&a.owner)
                    );
                    if let Some(n) = &a.note {
                        let _ = writeln!(out, "  note = {}", text(n));
                    }
                    if let Some(p) = a.percent {
                        let _ = writeln!(out, "  percent = {p}");
                    }
                    if let Some(act) = &a.action {
                        let _ = writeln!(out, "  action = {}", text(act));
                    }
                }
                milestone_count += 1;
                origins.push(Origin {
                    file: FileId(0),
                    span: start..out.len(),
                    cells: a.cells.clone(),
                    row: a
                        .cells
                        .get("id")
                        .or(a.cells.get("title"))
                        .cloned()
                        .unwrap_or_else(|| a.owner_at.clone()),
                });
            }
        }
    }
    let mut unknown: BTreeMap<String, UnknownOwner> = BTreeMap::new();
    for a in actions.iter().filter(|a| !a.owner_known) {
        unknown
            .entry(a.owner.clone())
            .and_modify(|u| u.rows += 1)
            .or_insert_with(|| UnknownOwner {
                id: a.owner.clone(),
                name: a.owner_name.clone(),
                first: a.owner_at.clone(),
                rows: 1,
            });
    }
    let mut unknown_owners: Vec<UnknownOwner> = unknown.into_values().collect();
    unknown_owners.sort_by(|a, b| a.first.cmp(&b.first));
    Imported {
        file_name: mapping.file_name(),
        text: out,
        origins,
        unknown_owners,
        priorities: priorities.len(),
        commitments: commitments.len(),
        milestones: milestone_count,
        updates,
        problems,
    }
}

/// The errors the new file brings to the plan set, each at its cell when
/// it is in a milestone's text. References to the owners listed as
/// unknown are left out: they are the registry's to complete. Returns the
/// problems at cells and the findings elsewhere (in the strategy's text).
pub fn locate<'a>(
    imported: &Imported,
    file: FileId,
    before: &PlanSet,
    after: &'a PlanSet,
) -> (Vec<Problem>, Vec<&'a Diagnostic>) {
    let origins: Vec<Origin> = imported
        .origins
        .iter()
        .map(|o| Origin { file, ..o.clone() })
        .collect();
    let unknown = |d: &Diagnostic| {
        d.code == Code::UnknownRef
            && imported
                .unknown_owners
                .iter()
                .any(|u| d.message.contains(&format!("`{}`", u.id)))
    };
    let mut problems = Vec::new();
    let mut elsewhere = Vec::new();
    for d in crate::new_errors(before, after) {
        if unknown(d) {
            continue;
        }
        match origin::locate(after, d, &origins) {
            Some(p) => problems.push(p),
            None => elsewhere.push(d),
        }
    }
    // A commitment's due date is its latest milestone's: one bad cell is
    // said once, by the milestone (written after the commitment).
    let mut seen = std::collections::BTreeSet::new();
    problems.reverse();
    problems.retain(|p| seen.insert((p.code, p.place.clone())));
    problems.reverse();
    (problems, elsewhere)
}

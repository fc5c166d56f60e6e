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
    let (priorities, commitments) = group(&actions, &mapping.strategy.title);
    let mut w = Writer::new(mapping.as_at());
    w.strategy(mapping, grid);
    for (p, p_title) in priorities.iter().enumerate() {
        let p_id = format!("{}-P{}", mapping.strategy.id, p + 1);
        let _ = writeln!(
            w.out,
            "\n[[priority]]\nid = {}\ntitle = {}",
            text(&p_id),
            text(p_title)
        );
        let mine = commitments.iter().filter(|c| c.priority == p);
        for (c_number, c) in mine.enumerate() {
            let c_id = format!("{p_id}-C{}", c_number + 1);
            let rows: Vec<&rows::Action> = c.rows.iter().map(|&i| &actions[i]).collect();
            w.commitment(&c_id, &p_id, &c.text, &rows);
            for (m_number, a) in rows.iter().enumerate() {
                let m_id =
                    a.id.clone()
                        .unwrap_or_else(|| format!("{c_id}-M{}", m_number + 1));
                w.milestone(&m_id, &c_id, a, grid);
            }
        }
    }
    Imported {
        file_name: mapping.file_name(),
        text: w.out,
        origins: w.origins,
        unknown_owners: unknown_owners(&actions),
        priorities: priorities.len(),
        commitments: commitments.len(),
        milestones: w.milestones,
        updates: w.updates,
        problems,
    }
}

/// A commitment as the rows name it: its priority, its text, its rows.
struct Group {
    priority: usize,
    text: String,
    rows: Vec<usize>,
}

/// Priorities (their titles) and commitments in the order the rows first
/// name them; a row with no priority is in one named `default`, a row with
/// no commitment in one named after its priority.
fn group(actions: &[rows::Action], default: &str) -> (Vec<String>, Vec<Group>) {
    let mut priorities: Vec<String> = Vec::new();
    let mut commitments: Vec<Group> = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        let title = a.priority.clone().unwrap_or_else(|| default.to_string());
        let p = match priorities.iter().position(|t| *t == title) {
            Some(p) => p,
            None => {
                priorities.push(title);
                priorities.len() - 1
            }
        };
        let text = a
            .commitment
            .clone()
            .unwrap_or_else(|| priorities[p].clone());
        match commitments
            .iter_mut()
            .find(|c| c.priority == p && c.text == text)
        {
            Some(c) => c.rows.push(i),
            None => commitments.push(Group {
                priority: p,
                text,
                rows: vec![i],
            }),
        }
    }
    (priorities, commitments)
}

/// The owners the registry does not have, in the order first met.
fn unknown_owners(actions: &[rows::Action]) -> Vec<UnknownOwner> {
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
    let mut list: Vec<UnknownOwner> = unknown.into_values().collect();
    list.sort_by(|a, b| a.first.cmp(&b.first));
    list
}

/// The plan text as it is written, with where each record came from.
struct Writer {
    out: String,
    origins: Vec<Origin>,
    as_at: NaiveDate,
    milestones: usize,
    updates: usize,
}

impl Writer {
    fn new(as_at: NaiveDate) -> Writer {
        Writer {
            out: String::new(),
            origins: Vec::new(),
            as_at,
            milestones: 0,
            updates: 0,
        }
    }

    /// The header comment and the `[strategy]`.
    fn strategy(&mut self, mapping: &Mapping, grid: &Grid) {
        let s = &mapping.strategy;
        let out = &mut self.out;
        let place = match &grid.sheet {
            Some(sheet) => format!("`{}` (sheet `{sheet}`)", grid.book),
            None => format!("`{}`", grid.book),
        };
        let _ = writeln!(
            out,
            "# Imported from {place} by `ragtime import-plan`, as at {}.",
            date(self.as_at)
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
    }

    /// A `[[commitment]]`: its owner its first row's, its due date its
    /// latest row's, each placed at that row's cell.
    fn commitment(&mut self, id: &str, priority: &str, body: &str, rows: &[&rows::Action]) {
        let first = rows[0];
        let latest = rows.iter().max_by_key(|a| a.due).copied().unwrap_or(first);
        let start = self.out.len() + 1;
        let _ = writeln!(
            self.out,
            "\n[[commitment]]\nid = {}\npriority = {}\ntext = {}\nowner = {}\ndue = {}",
            text(id),
            text(priority),
            text(body),
            text(&first.owner),
            date(latest.due)
        );
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
        self.origins.push(Origin {
            file: FileId(0),
            span: start..self.out.len(),
            cells,
            row: first
                .cells
                .get("commitment")
                .or(first.cells.get("title"))
                .cloned()
                .unwrap_or_else(|| first.owner_at.clone()),
        });
    }

    /// A `[[milestone]]`, with a first update when the row has news.
    fn milestone(&mut self, id: &str, commitment: &str, a: &rows::Action, grid: &Grid) {
        let start = self.out.len() + 1;
        let source = match &grid.sheet {
            Some(sheet) => format!("{} sheet {sheet} row {}", grid.book, a.row + 1),
            None => format!("{} row {}", grid.book, a.row + 1),
        };
        let _ = writeln!(
            self.out,
            "\n[[milestone]]\nid = {}\ncommitment = {}\ntitle = {}\nowner = {}\nadded = {}\ndue = {}\nsource = {}",
            text(id),
            text(commitment),
            text(&a.title),
            text(&a.owner),
            date(self.as_at),
            date(a.due),
            text(&source)
        );
        let news = a.status.is_some_and(|s| s != Status::NotStarted)
            || a.note.is_some()
            || a.percent.is_some()
            || a.action.is_some();
        if news {
            self.updates += 1;
            let status = a.status.unwrap_or(Status::NotStarted);
            let _ = writeln!(
                self.out,
                "\n  [[milestone.update]]\n  date = {}\n  status = {}\n  by = {}",
                date(self.as_at),
                text(status.as_str()),
                text(&a.owner)
            );
            if let Some(n) = &a.note {
                let _ = writeln!(self.out, "  note = {}", text(n));
            }
            if let Some(p) = a.percent {
                let _ = writeln!(self.out, "  percent = {p}");
            }
            if let Some(act) = &a.action {
                let _ = writeln!(self.out, "  action = {}", text(act));
            }
        }
        self.milestones += 1;
        self.origins.push(Origin {
            file: FileId(0),
            span: start..self.out.len(),
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

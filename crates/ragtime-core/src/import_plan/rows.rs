//! Reading an action plan's rows: each row's values by the mapping's
//! headings, merged priority and commitment cells filled down, owners and
//! statuses matched, every cell that cannot be read located. Whether the
//! values make a sound plan (a note for a completion, ids unique, dates in
//! the strategy's period) is for the plan checks, on the file written.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::mapping::{Field, Mapping};
use crate::diag::Code;
use crate::model::{Model, Status};
use crate::sheet::{self, CellRef, Grid, Place, Problem};

/// One action (a milestone to be), as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    pub row: u32,
    pub id: Option<String>,
    pub priority: Option<String>,
    pub commitment: Option<String>,
    pub title: String,
    /// The owner's name as written, and the owner id it matched (or the
    /// id made from it, when it matched none).
    pub owner_name: String,
    pub owner: String,
    pub owner_known: bool,
    pub due: NaiveDate,
    pub status: Option<Status>,
    pub note: Option<String>,
    pub percent: Option<u8>,
    pub action: Option<String>,
    /// Where the owner's cell is, for the list of unknown owners.
    pub owner_at: Place,
    /// The cell each plan key's value came from (`title`, `due`, `note`,
    /// ...), to place findings in the plan text back at them.
    pub cells: BTreeMap<&'static str, Place>,
}

/// How far down the heading row is looked for.
const HEADER_SEARCH: u32 = 30;

/// Where each mapped heading is, or problems for those missing.
fn header(
    grid: &Grid,
    mapping: &Mapping,
    problems: &mut Vec<Problem>,
) -> Option<(u32, BTreeMap<Field, u32>)> {
    let fields = mapping.columns.fields();
    let mut best: Option<(u32, BTreeMap<Field, u32>)> = None;
    for r in 0..grid.height().min(HEADER_SEARCH) {
        let mut found = BTreeMap::new();
        for (c, v) in grid.rows[r as usize].iter().enumerate() {
            let key = sheet::heading_key(&v.shown());
            if key.is_empty() {
                continue;
            }
            for (field, heading) in &fields {
                if sheet::heading_key(heading) == key {
                    found.entry(*field).or_insert(c as u32);
                }
            }
        }
        if best.as_ref().is_none_or(|(_, b)| found.len() > b.len()) {
            best = Some((r, found));
        }
    }
    let (row, found) = best.unwrap_or_default();
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(f, _)| !found.contains_key(f))
        .map(|(_, h)| *h)
        .collect();
    for heading in &missing {
        problems.push(
            Problem::new(
                Code::MissingColumn,
                grid.place_of_sheet(),
                format!("no column headed `{heading}` in the first {HEADER_SEARCH} rows"),
            )
            .help("check the heading in the mapping's `[columns]` against the sheet's, or name the sheet with `sheet = \"...\"`"),
        );
    }
    missing.is_empty().then_some((row, found))
}

/// The value a merged region gives each of its cells: its first cell's.
fn filled_down(grid: &Grid, cell: CellRef) -> CellRef {
    grid.merged_at(cell).map_or(cell, |r| r.first)
}

/// Every action in the sheet.
pub fn read(
    grid: &Grid,
    mapping: &Mapping,
    model: &Model,
    problems: &mut Vec<Problem>,
) -> Vec<Action> {
    if grid.hidden {
        problems.push(
            Problem::new(
                Code::HiddenSheet,
                grid.place_of_sheet(),
                "the sheet is hidden; its rows were read",
            )
            .help("unhide it and check that it is the action plan"),
        );
    }
    let Some((header, columns)) = header(grid, mapping, problems) else {
        return Vec::new();
    };
    let owners = Owners::new(model, mapping);
    let statuses: BTreeMap<String, Status> = mapping
        .statuses
        .iter()
        .filter_map(|(k, v)| Some((sheet::heading_key(k), v.parse().ok()?)))
        .collect();
    (header + 1..grid.height())
        .map(|r| Row {
            grid,
            columns: &columns,
            r,
        })
        .filter(|row| !row.is_blank())
        .filter_map(|row| row.action(&owners, &statuses, problems))
        .collect()
}

/// One row of the sheet, read by the mapped columns.
struct Row<'a> {
    grid: &'a Grid,
    columns: &'a BTreeMap<Field, u32>,
    r: u32,
}

/// Where the row's values are.
impl Row<'_> {
    /// The row's cell in a field's column, if the field is mapped.
    fn at(&self, f: Field) -> Option<CellRef> {
        self.columns.get(&f).map(|&c| CellRef::new(self.r, c))
    }

    /// As [`Row::at`], for a cell often merged down its rows (a priority,
    /// a commitment): the merged region's first cell.
    fn grouped(&self, f: Field) -> Option<CellRef> {
        self.at(f).map(|c| filled_down(self.grid, c))
    }

    /// The row's cell in a field's column, or its first cell.
    fn at_or_first(&self, f: Field) -> CellRef {
        self.at(f).unwrap_or(CellRef::new(self.r, 0))
    }

    /// Nothing in the row's own cells (a priority or commitment filled
    /// down does not count).
    fn is_blank(&self) -> bool {
        self.columns.keys().all(|&f| {
            let c = if matches!(f, Field::Priority | Field::Commitment) {
                None
            } else {
                self.at(f)
            };
            c.is_none_or(|c| self.grid.get(c).is_blank() && !self.grid.uncomputed.contains(&c))
        })
    }

    /// The cell each plan key's value comes from.
    fn cells(&self) -> BTreeMap<&'static str, Place> {
        let mut cells = BTreeMap::new();
        for (key, field) in [
            ("id", Field::Id),
            ("title", Field::Title),
            ("owner", Field::Owner),
            ("by", Field::Owner),
            ("due", Field::Due),
            ("commitment", Field::Commitment),
            ("status", Field::Status),
            ("date", Field::Status),
            ("note", Field::Note),
            ("percent", Field::Percent),
            ("action", Field::Action),
        ] {
            if let Some(c) = self.at(field) {
                cells.insert(key, self.grid.place(c));
            }
        }
        cells
    }
}

/// Reading the row's action, with a problem for each cell that cannot be
/// read or is missing.
impl Row<'_> {
    /// The action the row holds, or `None` when it lacks a title, an
    /// owner or a due date; each cell that cannot be read is a problem.
    fn action(
        &self,
        owners: &Owners,
        statuses: &BTreeMap<String, Status>,
        problems: &mut Vec<Problem>,
    ) -> Option<Action> {
        let grid = self.grid;
        self.merged_across_actions(problems);
        let mut text =
            |c: Option<CellRef>| read_or_note(c.map(|c| sheet::read_text(grid, c)), problems);
        let id = text(self.at(Field::Id));
        let priority = text(self.grouped(Field::Priority));
        let commitment = text(self.grouped(Field::Commitment));
        let title = text(self.at(Field::Title));
        let owner_name = text(self.at(Field::Owner));
        let status_text = text(self.at(Field::Status));
        let note = text(self.at(Field::Note));
        let action = text(self.at(Field::Action));
        let due = read_or_note(
            self.at(Field::Due).map(|c| sheet::read_date(grid, c)),
            problems,
        );
        let percent = read_or_note(
            self.at(Field::Percent)
                .map(|c| sheet::read_percent(grid, c)),
            problems,
        );
        if title.is_none() {
            self.empty(Field::Title, "title", problems);
        }
        if owner_name.is_none() {
            self.empty(Field::Owner, "owner", problems);
        }
        if due.is_none() {
            self.empty(Field::Due, "due date", problems);
        }
        let status = status_text.as_deref().and_then(|s| {
            read_status(grid, self.at_or_first(Field::Status), s, statuses, problems)
        });
        // A row with a bad cell is still written (without that value), so
        // the plan checks can say what else is wrong with it; nothing is
        // saved while any problem is left.
        let (Some(title), Some(owner_name), Some(due)) = (title, owner_name, due) else {
            return None;
        };
        let (owner, owner_known) = owners.resolve(&owner_name);
        Some(Action {
            cells: self.cells(),
            row: self.r,
            id,
            priority,
            commitment,
            title,
            owner,
            owner_known,
            owner_at: grid.place(self.at_or_first(Field::Owner)),
            owner_name,
            due,
            status,
            note,
            percent,
            action,
        })
    }

    /// A problem for each of the row's own cells merged with the rows
    /// below: one value across several actions.
    fn merged_across_actions(&self, problems: &mut Vec<Problem>) {
        for (&f, &c) in self.columns {
            if matches!(f, Field::Priority | Field::Commitment) {
                continue;
            }
            if let Some(region) = self.grid.merged_at(CellRef::new(self.r, c))
                && region.first.row == self.r
                && region.last.row > self.r
            {
                problems.push(
                    Problem::new(
                        Code::MergedCells,
                        self.grid.place(region.first),
                        format!("cells {region} are merged"),
                    )
                    .value(self.grid.get(region.first).shown())
                    .label("one value across several actions")
                    .help("unmerge them and give each action's row its own value"),
                );
            }
        }
    }

    /// A problem for a field the action needs when its cell is empty.
    fn empty(&self, f: Field, what: &str, problems: &mut Vec<Problem>) {
        let c = self.at_or_first(f);
        if self.grid.get(c).is_blank() {
            problems.push(
                Problem::new(
                    Code::EmptyCell,
                    self.grid.place(c),
                    format!("the action on row {} has no {what}", self.r + 1),
                )
                .label(format!("no {what}"))
                .help(format!(
                    "give every action its {what}; a plan's milestones each need one"
                )),
            );
        }
    }
}

/// A cell's value as read, or `None` with the problem noted when it could
/// not be read.
fn read_or_note<T>(
    read: Option<Result<Option<T>, Box<Problem>>>,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match read {
        Some(Ok(v)) => v,
        Some(Err(p)) => {
            problems.push(*p);
            None
        }
        None => None,
    }
}

/// A status as the spreadsheet writes it: a word of the mapping's
/// `[statuses]`, or one of the seven (`on-target`, `On target`).
fn read_status(
    grid: &Grid,
    c: CellRef,
    text: &str,
    mapped: &BTreeMap<String, Status>,
    problems: &mut Vec<Problem>,
) -> Option<Status> {
    let key = sheet::heading_key(text);
    if let Some(s) = mapped.get(&key) {
        return Some(*s);
    }
    if let Some(s) = Status::ALL
        .iter()
        .find(|s| sheet::heading_key(s.as_str()) == key)
    {
        return Some(*s);
    }
    let list = Status::words()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ");
    problems.push(
        Problem::new(Code::BadStatus, grid.place(c), format!("`{text}` is not a status"))
            .value(grid.get(c).shown())
            .label(format!("expected one of {list}, or a word of the mapping's `[statuses]`"))
            .help(format!("map it in the mapping: `[statuses]` `\"{text}\" = \"on-target\"` (or the status it means)")),
    );
    None
}

/// Owner names matched to owner ids: the mapping's `[owners]`, an owner
/// id, or an owner's role, each ignoring case.
struct Owners {
    by_name: BTreeMap<String, String>,
}

impl Owners {
    fn new(model: &Model, mapping: &Mapping) -> Owners {
        let mut by_name = BTreeMap::new();
        for o in &model.owners {
            by_name.insert(o.role.to_lowercase(), o.id.clone());
            by_name.insert(o.id.to_lowercase(), o.id.clone());
        }
        for (name, id) in &mapping.owners {
            by_name.insert(name.trim().to_lowercase(), id.clone());
        }
        Owners { by_name }
    }

    /// The owner id, and whether it is one the registry has (or the
    /// mapping names); else an id made from the name.
    fn resolve(&self, name: &str) -> (String, bool) {
        match self.by_name.get(&name.trim().to_lowercase()) {
            Some(id) => (id.clone(), true),
            None => (slug(name), false),
        }
    }
}

/// `Head of Fostering (interim)` becomes `head-of-fostering-interim`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out: String = out
        .trim_end_matches('-')
        .chars()
        .take(crate::build::MAX_ID_LEN)
        .collect();
    out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "owner".into() } else { out }
}

#[cfg(test)]
mod tests {
    #[test]
    fn owner_names_make_readable_ids() {
        assert_eq!(
            super::slug("Head of Fostering (interim)"),
            "head-of-fostering-interim"
        );
        assert_eq!(super::slug("  Élise's team "), "lise-s-team");
        assert_eq!(super::slug("???"), "owner");
        assert!(super::slug(&"x ".repeat(60)).len() <= 48);
    }
}

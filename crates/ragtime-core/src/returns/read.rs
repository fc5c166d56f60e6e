//! Reading a filled return's milestones sheet: one [`Row`] for each
//! milestone with something filled in, found by the headings, every cell
//! that cannot be read reported where it is.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Column;
use crate::diag::Code;
use crate::sheet::{self, CellRef, Grid, Place, Problem};

/// One row with something filled in: the values, and where each is.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Where the row's cells are: `at(Column::Note)` is its note's cell.
    pub book: String,
    pub sheet: Option<String>,
    pub row: u32,
    columns: BTreeMap<Column, u32>,
    pub id: String,
    /// As typed (trimmed); whether it is a status is for the plan checks.
    pub new_status: Option<String>,
    pub note: Option<String>,
    pub percent: Option<u8>,
    pub revised_due: Option<NaiveDate>,
    pub reason: Option<String>,
    pub action: Option<String>,
    pub update_date: Option<NaiveDate>,
    /// The `Last update` the row was made with, when the column is there
    /// (a CSV return's only record of what it was made from).
    pub last_update: Option<NaiveDate>,
}

impl Row {
    /// The place of the row's cell in `column` (the id's, for a column
    /// the sheet does not have).
    pub fn at(&self, column: Column) -> Place {
        let col = self
            .columns
            .get(&column)
            .or_else(|| self.columns.get(&Column::Id))
            .copied()
            .unwrap_or(0);
        Place {
            book: self.book.clone(),
            sheet: self.sheet.clone(),
            cell: Some(CellRef::new(self.row, col)),
        }
    }

    /// Whether the sheet has `column`.
    pub fn has(&self, column: Column) -> bool {
        self.columns.contains_key(&column)
    }
}

/// A sheet read: the rows with something filled in, and every problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub rows: Vec<Row>,
    pub problems: Vec<Problem>,
}

/// How far down the header row is looked for: the rows above it are the
/// return's title and guidance.
const HEADER_SEARCH: u32 = 30;

/// The columns of the sheet: where each heading is. Problems for headings
/// missing, written twice or not read.
fn columns(grid: &Grid, header: u32, problems: &mut Vec<Problem>) -> BTreeMap<Column, u32> {
    let known: BTreeMap<String, Column> = Column::ALL
        .iter()
        .map(|&c| (sheet::heading_key(c.heading()), c))
        .collect();
    let mut found: BTreeMap<Column, u32> = BTreeMap::new();
    let width = grid.rows.get(header as usize).map_or(0, Vec::len) as u32;
    for col in 0..width {
        let cell = CellRef::new(header, col);
        let value = grid.get(cell);
        if value.is_blank() {
            continue;
        }
        let text = value.shown();
        match known.get(&sheet::heading_key(&text)) {
            Some(&c) => {
                if let Some(&first) = found.get(&c) {
                    problems.push(
                        Problem::new(
                            Code::DuplicateColumn,
                            grid.place(cell),
                            format!("a second `{}` column", c.heading()),
                        )
                        .value(text)
                        .label("the same heading again")
                        .help(format!(
                            "the first is column {}: delete or rename this one",
                            sheet::column_name(first)
                        )),
                    );
                } else {
                    found.insert(c, col);
                }
            }
            None => problems.push(
                Problem::new(
                    Code::IgnoredColumn,
                    grid.place(cell),
                    format!(
                        "the column `{}` is not part of the return; it is not read",
                        text.trim()
                    ),
                )
                .value(text)
                .label("not read")
                .help(format!(
                    "the return's columns are: {}",
                    Column::ALL.map(Column::heading).join(", ")
                )),
            ),
        }
    }
    for c in Column::ALL.into_iter().filter(|c| c.is_required()) {
        if !found.contains_key(&c) {
            problems.push(
                Problem::new(
                    Code::MissingColumn,
                    grid.place_of_sheet(),
                    format!(
                        "there is no `{}` column (the headings are on row {})",
                        c.heading(),
                        header + 1
                    ),
                )
                .help(format!(
                    "put the column back with the heading `{}`; a return is read by its headings",
                    c.heading()
                )),
            );
        }
    }
    found
}

/// The row holding the headings: the first with both `Id` and `New
/// status`, within the first rows.
fn header_row(grid: &Grid) -> Option<u32> {
    let id = sheet::heading_key(Column::Id.heading());
    let status = sheet::heading_key(Column::NewStatus.heading());
    (0..grid.height().min(HEADER_SEARCH)).find(|&r| {
        let keys: Vec<String> = grid.rows[r as usize]
            .iter()
            .map(|v| sheet::heading_key(&v.shown()))
            .collect();
        keys.contains(&id) && keys.contains(&status)
    })
}

/// Reads the milestones sheet of a return.
pub fn read_rows(grid: &Grid) -> Sheet {
    let mut problems = Vec::new();
    if grid.hidden {
        problems.push(
            Problem::new(
                Code::HiddenSheet,
                grid.place_of_sheet(),
                "the milestones sheet is hidden; its rows were read",
            )
            .help("unhide it and check that what it holds is meant to be returned"),
        );
    }
    let Some(header) = header_row(grid) else {
        problems.push(
            Problem::new(
                Code::MissingColumn,
                grid.place_of_sheet(),
                format!(
                    "no row of headings with `{}` and `{}` in the first {HEADER_SEARCH} rows",
                    Column::Id.heading(),
                    Column::NewStatus.heading()
                ),
            )
            .help("keep the heading row the return was sent with"),
        );
        return Sheet {
            rows: Vec::new(),
            problems,
        };
    };
    let columns = columns(grid, header, &mut problems);
    if problems.iter().any(|p| p.code == Code::MissingColumn) {
        return Sheet {
            rows: Vec::new(),
            problems,
        };
    }
    merged_cells(grid, header, &columns, &mut problems);
    let mut rows = Vec::new();
    for r in header + 1..grid.height() {
        if let Some(row) = read_row(grid, r, &columns, &mut problems) {
            rows.push(row);
        }
    }
    Sheet { rows, problems }
}

/// Merged cells below the headings in a column that is read: their value
/// is in the first row alone, so which rows it was meant for is unknown.
fn merged_cells(
    grid: &Grid,
    header: u32,
    columns: &BTreeMap<Column, u32>,
    problems: &mut Vec<Problem>,
) {
    for region in &grid.merged {
        if region.last.row <= header {
            continue;
        }
        let read = columns
            .iter()
            .filter(|(c, _)| c.is_required())
            .any(|(_, &col)| (region.first.col..=region.last.col).contains(&col));
        if read {
            problems.push(
                Problem::new(
                    Code::MergedCells,
                    grid.place(region.first),
                    format!("cells {region} are merged"),
                )
                .value(grid.get(region.first).shown())
                .label("merged across the rows or columns that are read")
                .help("unmerge them and give each milestone's row its own values"),
            );
        }
    }
}

/// One row, or `None` when it is blank: nothing filled in (the update
/// date alone, which the return fills in, is not news).
fn read_row(
    grid: &Grid,
    r: u32,
    columns: &BTreeMap<Column, u32>,
    problems: &mut Vec<Problem>,
) -> Option<Row> {
    let cell = |c: Column| columns.get(&c).map(|&col| CellRef::new(r, col));
    let news = Column::ALL
        .into_iter()
        .filter(|&c| c.is_filled_in() && c != Column::UpdateDate)
        .filter_map(cell)
        .any(|at| !grid.get(at).is_blank() || grid.uncomputed.contains(&at));
    if !news {
        return None;
    }
    let mut take = |result: Result<Option<String>, Box<Problem>>| match result {
        Ok(v) => v,
        Err(p) => {
            problems.push(*p);
            None
        }
    };
    let text = |c: Column| cell(c).map(|at| sheet::read_text(grid, at));
    let id = text(Column::Id).and_then(&mut take);
    let new_status = text(Column::NewStatus).and_then(&mut take);
    let note = text(Column::Note).and_then(&mut take);
    let reason = text(Column::Reason).and_then(&mut take);
    let action = text(Column::Action).and_then(&mut take);
    let mut date = |c: Column| match cell(c).map(|at| sheet::read_date(grid, at)) {
        Some(Ok(d)) => d,
        Some(Err(p)) => {
            problems.push(*p);
            None
        }
        None => None,
    };
    let revised_due = date(Column::RevisedDue);
    let update_date = date(Column::UpdateDate);
    let last_update = date(Column::LastUpdate);
    let percent = match cell(Column::Percent).map(|at| sheet::read_percent(grid, at)) {
        Some(Ok(p)) => p,
        Some(Err(p)) => {
            problems.push(*p);
            None
        }
        None => None,
    };
    let Some(id) = id else {
        let at = cell(Column::Id).unwrap_or(CellRef::new(r, 0));
        if grid.get(at).is_blank() {
            problems.push(
                Problem::new(
                    Code::EmptyCell,
                    grid.place(at),
                    "a row with an update but no milestone id",
                )
                .label("no id")
                .help("put back the milestone's id; a row is matched to its milestone by id alone"),
            );
        }
        return None;
    };
    Some(Row {
        book: grid.book.clone(),
        sheet: grid.sheet.clone(),
        row: r,
        columns: columns.clone(),
        id,
        new_status,
        note,
        percent,
        revised_due,
        reason,
        action,
        update_date,
        last_update,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::Value;

    fn text(s: &str) -> Value {
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s.into())
        }
    }

    /// A sheet with a title row, the headings on row 3 and `rows` below.
    fn grid(rows: &[&[&str]]) -> Grid {
        let mut all = vec![vec![text("Quarterly return")], vec![]];
        all.push(Column::ALL.iter().map(|c| text(c.heading())).collect());
        all.extend(rows.iter().map(|r| r.iter().map(|s| text(s)).collect()));
        Grid {
            book: "r.xlsx".into(),
            sheet: Some("Milestones".into()),
            rows: all,
            ..Grid::default()
        }
    }

    /// A row: id, then the filled-in columns from `New status` on.
    fn row<'a>(id: &'a str, filled: &[&'a str]) -> Vec<&'a str> {
        let mut r = vec![
            id,
            "title",
            "S",
            "on-target",
            "2025-12-31",
            "2025-06-30",
            "note",
        ];
        r.extend_from_slice(filled);
        r
    }

    #[test]
    fn rows_with_news_are_read_and_blank_rows_are_no_update() {
        let rows = [
            row(
                "M1",
                &[
                    "at-risk",
                    "Panel moved",
                    "40",
                    "31/03/2026",
                    "Panel dates",
                    "Second panel",
                    "2025-12-31",
                ],
            ),
            row("M2", &["", "", "", "", "", "", "2025-12-31"]),
            row("M3", &["", "Progress only"]),
        ];
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let read = read_rows(&grid(&rows));
        assert_eq!(read.problems, []);
        let ids: Vec<&str> = read.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["M1", "M3"]);
        let m1 = &read.rows[0];
        assert_eq!(m1.new_status.as_deref(), Some("at-risk"));
        assert_eq!(m1.percent, Some(40));
        assert_eq!(m1.revised_due.unwrap().to_string(), "2026-03-31");
        assert_eq!(m1.at(Column::Note).to_string(), "r.xlsx!Milestones!I4");
        assert_eq!(read.rows[1].new_status, None);
    }

    #[test]
    fn missing_twice_and_extra_columns_are_named() {
        let mut g = grid(&[]);
        g.rows[2].retain(|v| v != &text("Reason for new date"));
        g.rows[2].push(text("My notes"));
        g.rows[2].push(text("NOTE"));
        let read = read_rows(&g);
        let found: Vec<String> = read
            .problems
            .iter()
            .map(|p| format!("{} {} {}", p.code, p.place, p.message))
            .collect();
        assert_eq!(
            found,
            [
                "W0804 r.xlsx!Milestones!N3 the column `My notes` is not part of the return; it is not read",
                "E0804 r.xlsx!Milestones!O3 a second `Note` column",
                "E0803 r.xlsx!Milestones there is no `Reason for new date` column (the headings are on row 3)",
            ]
        );
    }

    #[test]
    fn merged_cells_and_a_row_without_an_id_are_problems() {
        let rows = [row("M1", &["complete", "Done"]), row("", &["at-risk"])];
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let mut g = grid(&rows);
        g.merged.push(sheet::Region {
            first: CellRef::new(3, 8),
            last: CellRef::new(4, 8),
        });
        let read = read_rows(&g);
        let found: Vec<String> = read
            .problems
            .iter()
            .map(|p| format!("{} {}", p.code, p.place))
            .collect();
        assert_eq!(
            found,
            ["E0808 r.xlsx!Milestones!I4", "E0812 r.xlsx!Milestones!A5"]
        );
    }
}

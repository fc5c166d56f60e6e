//! Spreadsheets as the core reads them: a sheet's cells as typed values
//! (the raw stage of returns and imported action plans), cell references
//! in `A1` style, reading a cell as a date, a number, a status or text,
//! and problems located at a workbook, sheet and cell.
//!
//! The CLI reads the workbook or CSV file and hands over a [`Grid`] per
//! sheet; nothing here opens a file or knows a file format.

pub mod origin;
mod problem;
mod value;

pub use problem::{Place, Problem, sort};
pub use value::{DateProblem, parse_date_text, read_date, read_percent, read_text};

use std::fmt;

use chrono::NaiveDate;

/// One cell's value, as the spreadsheet stored it. A formula's cached
/// result is its value: formulas are never run.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    /// A cell the spreadsheet holds as a date (a number formatted as one).
    Date(NaiveDate),
    /// A date with a time of day that is not midnight.
    DateTime(String),
    Bool(bool),
    /// An error value such as `#REF!` or `#DIV/0!`.
    Error(String),
}

impl Value {
    /// Empty, or text of blanks only.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as the spreadsheet shows it, for excerpts: text as
    /// typed, numbers in full, dates as `YYYY-MM-DD`.
    pub fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::DateTime(t) => t.clone(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A cell's position, 0-based; shown as `F12`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub fn new(row: u32, col: u32) -> Self {
        CellRef { row, col }
    }
}

/// `A`, `Z`, `AA`: the column's letters.
pub fn column_name(col: u32) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", column_name(self.col), self.row + 1)
    }
}

/// A rectangle of merged cells, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub first: CellRef,
    pub last: CellRef,
}

impl Region {
    pub fn contains(&self, cell: CellRef) -> bool {
        (self.first.row..=self.last.row).contains(&cell.row)
            && (self.first.col..=self.last.col).contains(&cell.col)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.first, self.last)
    }
}

/// One sheet of a workbook (or a whole CSV file), as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    /// How the workbook is named in messages (its path).
    pub book: String,
    /// The sheet's name; `None` for a CSV file, which has one.
    pub sheet: Option<String>,
    /// Hidden in the workbook (hidden sheets are read only when asked for
    /// by name, and said so).
    pub hidden: bool,
    /// Rows of cells from `A1`; rows may be of different lengths.
    pub rows: Vec<Vec<Value>>,
    /// Merged regions.
    pub merged: Vec<Region>,
    /// Cells holding a formula with no saved result: the workbook was
    /// written by a program that does not compute, and the value is not
    /// known.
    pub uncomputed: Vec<CellRef>,
}

impl Grid {
    /// The value at `cell`; empty outside the rows read.
    pub fn get(&self, cell: CellRef) -> &Value {
        const EMPTY: &Value = &Value::Empty;
        self.rows
            .get(cell.row as usize)
            .and_then(|r| r.get(cell.col as usize))
            .unwrap_or(EMPTY)
    }

    /// Where `cell` is, for a problem.
    pub fn place(&self, cell: CellRef) -> Place {
        Place {
            book: self.book.clone(),
            sheet: self.sheet.clone(),
            cell: Some(cell),
        }
    }

    /// The sheet itself, for a problem with no one cell.
    pub fn place_of_sheet(&self) -> Place {
        Place {
            book: self.book.clone(),
            sheet: self.sheet.clone(),
            cell: None,
        }
    }

    /// The merged region holding `cell`, if any.
    pub fn merged_at(&self, cell: CellRef) -> Option<Region> {
        self.merged.iter().copied().find(|r| r.contains(cell))
    }

    /// The number of rows read.
    pub fn height(&self) -> u32 {
        u32::try_from(self.rows.len()).unwrap_or(u32::MAX)
    }
}

/// A heading as compared: case, spaces, punctuation and a trailing `*`
/// (a required-column marker) ignored, so `Due date`, `due_date` and
/// `DUE DATE *` are one heading.
pub fn heading_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(CellRef::new(0, 0).to_string(), "A1");
        assert_eq!(CellRef::new(11, 5).to_string(), "F12");
        assert_eq!(CellRef::new(0, 25).to_string(), "Z1");
        assert_eq!(CellRef::new(0, 26).to_string(), "AA1");
        assert_eq!(CellRef::new(0, 701).to_string(), "ZZ1");
        assert_eq!(CellRef::new(0, 702).to_string(), "AAA1");
    }

    #[test]
    fn headings_match_ignoring_case_spaces_and_marks() {
        assert_eq!(heading_key("Due date *"), heading_key("due_date"));
        assert_eq!(heading_key(" New STATUS "), "newstatus");
    }
}

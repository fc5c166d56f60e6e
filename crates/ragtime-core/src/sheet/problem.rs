//! Problems found in a spreadsheet: a stable code, the place as
//! `book!sheet!F12`, the cell's value as the excerpt, and a help line.

use std::fmt;

use super::CellRef;
use crate::diag::{Code, Severity};

/// Where a problem is: a workbook, a sheet in it (none for a CSV file or
/// for the file as a whole) and a cell.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub book: String,
    pub sheet: Option<String>,
    pub cell: Option<CellRef>,
}

impl Place {
    /// The file as a whole.
    pub fn book(book: impl Into<String>) -> Place {
        Place {
            book: book.into(),
            sheet: None,
            cell: None,
        }
    }
}

/// `Q3 returns/hos-fostering.xlsx!Milestones!F12`, `returns.csv!F12`,
/// `plan.xlsx!Actions`, `plan.xlsx`.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.book)?;
        if let Some(sheet) = &self.sheet {
            write!(f, "!{sheet}")?;
        }
        if let Some(cell) = self.cell {
            write!(f, "!{cell}")?;
        }
        Ok(())
    }
}

/// One problem in a spreadsheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub code: Code,
    pub place: Place,
    /// The cell's value as the spreadsheet shows it, for the excerpt;
    /// `None` when the problem is not about one cell's value.
    pub value: Option<String>,
    /// One line, lower case, no full stop.
    pub message: String,
    /// Drawn under the value.
    pub label: String,
    pub help: Option<String>,
}

impl Problem {
    pub fn new(code: Code, place: Place, message: impl Into<String>) -> Problem {
        Problem {
            code,
            place,
            value: None,
            message: message.into(),
            label: String::new(),
            help: None,
        }
    }

    pub fn value(mut self, value: impl Into<String>) -> Problem {
        self.value = Some(value.into());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Problem {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// Sorts problems by workbook, sheet, row, column and code, so the same
/// files always give the same list. The file as a whole comes first.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        let key = |p: &Problem| {
            (
                p.place.book.clone(),
                p.place.sheet.clone(),
                p.place.cell.map(|c| (c.row, c.col)),
                p.code,
                p.message.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_like_spreadsheet_references() {
        let mut place = Place::book("Q3 returns/hos-fostering.xlsx");
        assert_eq!(place.to_string(), "Q3 returns/hos-fostering.xlsx");
        place.sheet = Some("Milestones".into());
        assert_eq!(
            place.to_string(),
            "Q3 returns/hos-fostering.xlsx!Milestones"
        );
        place.cell = Some(CellRef::new(11, 5));
        assert_eq!(
            place.to_string(),
            "Q3 returns/hos-fostering.xlsx!Milestones!F12"
        );
        place.sheet = None;
        assert_eq!(place.to_string(), "Q3 returns/hos-fostering.xlsx!F12");
    }
}

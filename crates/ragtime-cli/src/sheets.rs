//! Reading spreadsheets for the core: a workbook (`.xlsx`, and the older
//! and open formats calamine reads) or a CSV file, from its bytes, into one
//! [`Grid`] of typed cells per sheet, with merged regions and formulas
//! that have no saved result. Formulas are never run: a formula cell's
//! value is the result the spreadsheet program saved.
//!
//! A file that cannot be read is a located problem (E0801), not an error
//! that stops the run, so that every file's problems are reported at once.

use std::io::Cursor;

use calamine::{Data, Reader, SheetType, SheetVisible, Sheets, Xlsx, XlsxError};
use chrono::Timelike;
use ragtime_core::Code;
use ragtime_core::sheet::{CellRef, Grid, Place, Problem, Region, Value};

/// Every sheet of one file, in the workbook's order.
#[derive(Debug)]
pub struct Book {
    pub name: String,
    pub sheets: Vec<Grid>,
}

impl Book {
    /// The sheet called `name` (ignoring case), if the workbook has it.
    pub fn sheet(&self, name: &str) -> Option<&Grid> {
        self.sheets.iter().find(|g| {
            g.sheet
                .as_deref()
                .is_some_and(|s| s.to_lowercase() == name.to_lowercase())
        })
    }
}

/// Reads `bytes`, named `name` in messages. A name ending in `.csv` is
/// read as CSV; anything else as a workbook.
pub fn read(name: &str, bytes: Vec<u8>) -> Result<Book, Box<Problem>> {
    if name.to_lowercase().ends_with(".csv") {
        return read_csv(name, &bytes);
    }
    let unreadable = |why: String, help: &str| {
        Box::new(Problem::new(Code::UnreadableBook, Place::book(name), why).help(help))
    };
    let cursor = Cursor::new(bytes);
    let mut book = match Xlsx::new(cursor.clone()) {
        Ok(x) => Sheets::Xlsx(x),
        Err(XlsxError::Password) => {
            return Err(unreadable(
                "the workbook is protected with a password, so it cannot be read".into(),
                "save a copy without the password (File, Info, Protect Workbook, Encrypt with \
                 Password: clear it) and import that",
            ));
        }
        Err(xlsx) => calamine::open_workbook_auto_from_rs(cursor).map_err(|_| {
            unreadable(
                format!("the file cannot be read as a workbook ({xlsx})"),
                "the file may be cut short or damaged, or not a spreadsheet: save it again \
                 from the spreadsheet program as an Excel workbook (.xlsx), or as CSV UTF-8",
            )
        })?,
    };
    let damaged = |e: calamine::Error| {
        unreadable(
            format!("part of the workbook cannot be read ({e})"),
            "the file may be cut short or damaged: save it again from the spreadsheet program",
        )
    };
    let metadata: Vec<_> = book.sheets_metadata().to_vec();
    let mut sheets = Vec::new();
    for sheet in metadata.iter().filter(|s| s.typ == SheetType::WorkSheet) {
        let range = book.worksheet_range(&sheet.name).map_err(damaged)?;
        // Formulas are read only to find those with no saved result; a
        // format without formulas has none to find.
        let formulas = book.worksheet_formula(&sheet.name).ok();
        let mut grid = Grid {
            book: name.to_string(),
            sheet: Some(sheet.name.clone()),
            hidden: sheet.visible != SheetVisible::Visible,
            ..Grid::default()
        };
        if let Some((top, left)) = range.start() {
            for (r, row) in range.rows().enumerate() {
                let at = top as usize + r;
                if grid.rows.len() <= at {
                    grid.rows.resize(at + 1, Vec::new());
                }
                let cells = &mut grid.rows[at];
                cells.resize(left as usize, Value::Empty);
                cells.extend(row.iter().map(value));
            }
        }
        if let Some(formulas) = formulas
            && let Some((top, left)) = formulas.start()
        {
            for (r, c, formula) in formulas.used_cells() {
                let cell = CellRef::new(top + r as u32, left + c as u32);
                // No saved result reads as an empty cell or empty text.
                if !formula.is_empty() && grid.get(cell).shown().is_empty() {
                    grid.uncomputed.push(cell);
                }
            }
        }
        grid.merged = merged_regions(&mut book, &sheet.name).map_err(damaged)?;
        sheets.push(grid);
    }
    Ok(Book {
        name: name.to_string(),
        sheets,
    })
}

/// The merged regions of the sheet `name`.
fn merged_regions(
    book: &mut Sheets<Cursor<Vec<u8>>>,
    name: &str,
) -> Result<Vec<Region>, calamine::Error> {
    let dimensions = match book {
        Sheets::Xlsx(x) => x
            .merge_cells_by_sheet_name(name)
            .map_err(calamine::Error::Xlsx)?,
        Sheets::Xls(x) => x
            .merge_cells_by_sheet_name(name)
            .map_err(calamine::Error::Xls)?,
        // The other formats' merges are not read; their cells are.
        Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
    };
    Ok(dimensions
        .iter()
        .map(|d| Region {
            first: CellRef::new(d.start.0, d.start.1),
            last: CellRef::new(d.end.0, d.end.1),
        })
        .collect())
}

/// A cell's value as the core sees it.
fn value(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::Error(e) => Value::Error(e.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => match dt.as_datetime() {
            Some(t) if t.time().num_seconds_from_midnight() == 0 => Value::Date(t.date()),
            Some(t) => Value::DateTime(t.format("%Y-%m-%d %H:%M:%S").to_string()),
            None => Value::Number(dt.as_f64()),
        },
        // A duration is a number of days, shown as a time.
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Value::Date(d),
            Err(_) => match chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
                Ok(t) if t.time().num_seconds_from_midnight() == 0 => Value::Date(t.date()),
                _ => Value::DateTime(s.clone()),
            },
        },
        Data::DurationIso(s) => Value::Text(s.clone()),
    }
}

/// A CSV file: UTF-8 (a byte order mark is skipped), any line endings,
/// rows of any length. Every field is text, as typed.
fn read_csv(name: &str, bytes: &[u8]) -> Result<Book, Box<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        return Err(Box::new(
            Problem::new(
                Code::UnreadableBook,
                Place::book(name),
                format!("the file is not UTF-8 text (line {line} is not)"),
            )
            .help(
                "save it from the spreadsheet program as \"CSV UTF-8 (Comma delimited)\", \
                 not plain \"CSV\", which loses letters outside English",
            ),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            Box::new(
                Problem::new(
                    Code::UnreadableBook,
                    Place::book(name),
                    format!("the file cannot be read as CSV ({e})"),
                )
                .help("save it again from the spreadsheet program as CSV UTF-8"),
            )
        })?;
        rows.push(
            record
                .iter()
                .map(|f| {
                    if f.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(f.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Book {
        name: name.to_string(),
        sheets: vec![Grid {
            book: name.to_string(),
            sheet: None,
            rows,
            ..Grid::default()
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_a_byte_order_mark_and_crlf_reads_as_typed() {
        let book = read(
            "r.csv",
            b"\xEF\xBB\xBFId,Note\r\nM1,\"two\r\nlines\"\r\nM2,\r\n".to_vec(),
        )
        .unwrap();
        let grid = &book.sheets[0];
        assert_eq!(grid.sheet, None);
        assert_eq!(grid.get(CellRef::new(0, 0)), &Value::Text("Id".into()));
        assert_eq!(
            grid.get(CellRef::new(1, 1)),
            &Value::Text("two\r\nlines".into())
        );
        assert_eq!(grid.get(CellRef::new(2, 1)), &Value::Empty);
        assert_eq!(grid.height(), 3);
    }

    #[test]
    fn what_cannot_be_read_is_a_problem_at_the_file() {
        let p = read("r.csv", b"Id,Note\nM1,caf\xe9\n".to_vec()).unwrap_err();
        assert_eq!(p.code, Code::UnreadableBook);
        assert_eq!(p.message, "the file is not UTF-8 text (line 2 is not)");
        let p = read("r.xlsx", b"not a workbook".to_vec()).unwrap_err();
        assert_eq!(p.code, Code::UnreadableBook);
        assert_eq!(p.place.to_string(), "r.xlsx");
    }
}

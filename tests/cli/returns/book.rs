//! Workbooks for the returns tests: a made return read back with calamine
//! into plain cells, changed as a service lead (or a hostile spreadsheet)
//! would change it, and written again with rust_xlsxwriter.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader, SheetVisible, Xlsx};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Formula, Workbook};

/// A cell as the tests write it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A formula and the result saved with it (`None`: no result saved).
    Formula(String, Option<String>),
}

/// One sheet: its cells by (row, column), 0-based.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    pub cells: BTreeMap<(u32, u16), Cell>,
    pub merged: Vec<(u32, u16, u32, u16)>,
}

impl Sheet {
    /// The column headed `heading` on the headings row.
    pub fn column(&self, heading: &str) -> u16 {
        self.cells
            .iter()
            .find(|((r, _), v)| *r == HEADER && **v == Cell::Text(heading.into()))
            .map(|((_, c), _)| *c)
            .unwrap_or_else(|| panic!("no column `{heading}`"))
    }

    /// The row of milestone `id`.
    pub fn row(&self, id: &str) -> u32 {
        self.cells
            .iter()
            .find(|((r, c), v)| *r > HEADER && *c == 0 && **v == Cell::Text(id.into()))
            .map(|((r, _), _)| *r)
            .unwrap_or_else(|| panic!("no row for `{id}`"))
    }

    /// The milestone ids, in row order.
    pub fn ids(&self) -> Vec<String> {
        self.cells
            .iter()
            .filter(|((r, c), _)| *r > HEADER && *c == 0)
            .filter_map(|(_, v)| match v {
                Cell::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    }

    /// The text or date in `heading`'s column on `id`'s row.
    pub fn get(&self, id: &str, heading: &str) -> Option<&Cell> {
        self.cells.get(&(self.row(id), self.column(heading)))
    }

    pub fn set(&mut self, id: &str, heading: &str, value: Cell) {
        let at = (self.row(id), self.column(heading));
        self.cells.insert(at, value);
    }

    /// Deletes a column, moving those to its right one to the left.
    pub fn delete_column(&mut self, col: u16) {
        self.cells = std::mem::take(&mut self.cells)
            .into_iter()
            .filter(|((_, c), _)| *c != col)
            .map(|((r, c), v)| ((r, if c > col { c - 1 } else { c }), v))
            .collect();
    }
}

/// The headings row of a made return (0-based).
pub const HEADER: u32 = 4;

pub fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// Every sheet of the workbook at `path`, as plain cells.
pub fn read(path: &Path) -> Vec<Sheet> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("a made return opens");
    let meta: Vec<_> = book.sheets_metadata().to_vec();
    meta.iter()
        .map(|m| {
            let range = book.worksheet_range(&m.name).unwrap();
            let (top, left) = range.start().unwrap_or((0, 0));
            let mut cells = BTreeMap::new();
            for (r, c, v) in range.used_cells() {
                let cell = match v {
                    Data::String(s) => Cell::Text(s.clone()),
                    Data::Float(f) => Cell::Number(*f),
                    Data::Int(i) => Cell::Number(*i as f64),
                    Data::DateTime(d) => Cell::Date(d.as_datetime().unwrap().date()),
                    Data::Empty => continue,
                    other => panic!("unexpected {other:?}"),
                };
                cells.insert((top + r as u32, (left as usize + c) as u16), cell);
            }
            Sheet {
                name: m.name.clone(),
                hidden: m.visible != SheetVisible::Visible,
                cells,
                merged: Vec::new(),
            }
        })
        .collect()
}

/// The sheet called `name`.
pub fn sheet<'a>(sheets: &'a mut [Sheet], name: &str) -> &'a mut Sheet {
    sheets
        .iter_mut()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no sheet `{name}`"))
}

/// Writes `sheets` as a workbook at `path`.
pub fn write(sheets: &[Sheet], path: &Path) {
    let mut book = Workbook::new();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&s.name).unwrap();
        for (&(r, c), v) in &s.cells {
            match v {
                Cell::Text(t) => {
                    ws.write_string(r, c, t).unwrap();
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                Cell::Date(d) => {
                    let x =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .unwrap();
                    ws.write_datetime_with_format(r, c, &x, &date_format)
                        .unwrap();
                }
                Cell::Formula(f, result) => {
                    let formula = match result {
                        Some(v) => Formula::new(f).set_result(v),
                        None => Formula::new(f).set_result(""),
                    };
                    ws.write_formula(r, c, formula).unwrap();
                }
            }
        }
        for &(r1, c1, r2, c2) in &s.merged {
            let first = match s.cells.get(&(r1, c1)) {
                Some(Cell::Text(t)) => t.clone(),
                _ => String::new(),
            };
            ws.merge_range(r1, c1, r2, c2, &first, &rust_xlsxwriter::Format::new())
                .unwrap();
        }
        if s.hidden {
            ws.set_hidden(true);
        }
    }
    book.save(path).unwrap();
}

/// The Milestones sheet as CSV text: a byte order mark, CRLF line ends,
/// dates day first, as a spreadsheet program saves "CSV UTF-8".
pub fn csv(sheet: &Sheet) -> Vec<u8> {
    let rows = sheet.cells.keys().map(|(r, _)| *r).max().unwrap_or(0);
    let cols = sheet.cells.keys().map(|(_, c)| *c).max().unwrap_or(0);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for r in 0..=rows {
        let record: Vec<String> = (0..=cols)
            .map(|c| match sheet.cells.get(&(r, c)) {
                Some(Cell::Text(t)) => t.clone(),
                Some(Cell::Number(n)) => n.to_string(),
                Some(Cell::Date(d)) => d.format("%d/%m/%Y").to_string(),
                Some(Cell::Formula(_, v)) => v.clone().unwrap_or_default(),
                None => String::new(),
            })
            .collect();
        w.write_record(&record).unwrap();
    }
    out.extend(w.into_inner().unwrap());
    out
}

/// Takes the saved result out of every formula whose result is 0 (what a
/// writer that does not compute saves), as a program that computes
/// nothing and saves no result leaves it.
pub fn forget_formula_results(path: &Path) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            data = String::from_utf8(data)
                .unwrap()
                .replace("</f><v>0</v>", "</f>")
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

//! Excel workbooks (`.xlsx`): a contents sheet with the report's facts,
//! then one sheet per section, its narratives above its table, the table
//! under a frozen header row with filters and a last `Illustrative` column
//! (`yes` for a row whose item is invented for an example), RAG cells
//! filled with the scale's colours and the rating in words, and the as-at
//! date on every sheet.
//!
//! Like every writer this lays a [`Document`] out and computes nothing:
//! counts and dates are written as numbers and dates so a spreadsheet can
//! sort and sum them, percentages as the whole percent the report gives,
//! and measured values as the figure the report already rounded. Text is
//! always written as text, never as a formula, whatever it starts with.
//! The workbook is made in memory and handed back whole, so the caller
//! writes all of it or nothing.

use std::collections::BTreeSet;

use ragtime_core::report::{Align, Cell, Document, Section, Table};
use rust_xlsxwriter::{
    DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

mod cell;

use super::cells::{self, DateStyle};
use cell::{excel_date, write_cell};

/// Excel's longest sheet name.
const SHEET_NAME_MAX: usize = 31;
/// The widest a column is made to fit its contents, in characters; longer
/// text wraps.
const COLUMN_MAX: f64 = 60.0;

/// The workbook's bytes.
pub fn write(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // The creation time is the as-at date, not the clock, so the same
    // report is the same bytes.
    book.set_properties(
        &DocProperties::new()
            .set_title(doc.title.as_str())
            .set_subject(format!("As at {}", cells::long_date(doc.as_at)))
            .set_creation_datetime(&excel_date(doc.as_at)?),
    );
    let styles = Styles::new();
    let names = sheet_names(doc.sections.iter().map(|s| s.id.as_str()));
    contents(book.add_worksheet(), doc, &names, &styles)?;
    for (section, name) in doc.sections.iter().zip(&names) {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        section_sheet(sheet, doc, section, &styles)?;
    }
    book.save_to_buffer()
}

/// The formats used, made once.
struct Styles {
    title: Format,
    prose: Format,
    heading: Format,
    label: Format,
    date: Format,
    header: Format,
    header_right: Format,
}

impl Styles {
    fn new() -> Styles {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_border_bottom(FormatBorder::Thin);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            prose: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            heading: Format::new().set_bold().set_font_size(12),
            label: Format::new().set_bold(),
            date: Format::new()
                .set_num_format("d mmmm yyyy")
                .set_align(FormatAlign::Left)
                .set_indent(1),
            header_right: header.clone().set_align(FormatAlign::Right),
            header,
        }
    }
}

/// The first sheet: title, as-at date, the facts, and what each sheet
/// holds, with a link to it.
fn contents(
    sheet: &mut Worksheet,
    doc: &Document,
    names: &[String],
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name("Contents")?;
    sheet.write_string_with_format(0, 0, &doc.title, &styles.title)?;
    let mut row = 2;
    row = as_at(sheet, row, doc, styles)?;
    for (label, value) in &doc.facts {
        sheet.write_string_with_format(row, 0, label, &styles.label)?;
        sheet.write_string_with_format(row, 1, value, &styles.prose)?;
        sheet.set_row_height(row, 15 * lines(value, 90.0))?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "Sheet", &styles.header)?;
    sheet.write_string_with_format(row, 1, "What it holds", &styles.header)?;
    row += 1;
    for (section, name) in doc.sections.iter().zip(names) {
        let target = format!("internal:'{}'!A1", name.replace('\'', "''"));
        sheet.write_url_with_text(row, 0, target.as_str(), name.as_str())?;
        sheet.write_string(row, 1, &section.heading)?;
        row += 1;
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 90)?;
    print_setup(sheet, None)?;
    Ok(())
}

/// `As at | 30 September 2025` at `row`; the next free row.
fn as_at(
    sheet: &mut Worksheet,
    row: u32,
    doc: &Document,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, "As at", &styles.label)?;
    sheet.write_datetime_with_format(row, 1, excel_date(doc.as_at)?, &styles.date)?;
    Ok(row + 1)
}

/// One section: the document's title, the section's heading, the as-at
/// date and the intro above its table; the notes below it.
fn section_sheet(
    sheet: &mut Worksheet,
    doc: &Document,
    section: &Section,
    styles: &Styles,
) -> Result<(), XlsxError> {
    // Rows above the table: title, heading, as at, a blank, the intro and
    // the narratives, and a blank before the header.
    let intro: Vec<String> = section
        .intro
        .iter()
        .cloned()
        .chain(
            section
                .narratives
                .iter()
                .flat_map(cells::narrative_paragraphs)
                .filter(|p| !p.is_empty()),
        )
        .collect();
    let intro_row = 4;
    let header_row = intro_row + len_u32(intro.len()) + u32::from(!intro.is_empty());
    let mut row = header_row;
    if let Some(table) = &section.table {
        row = write_table(sheet, header_row, table, styles)?;
        // Each column fitted to the table's cells as the report shows
        // them (the title and paragraphs above and below span the
        // columns instead of widening the first).
        for (c, width) in widths(table).into_iter().enumerate() {
            sheet.set_column_width(col_u16(c), width)?;
        }
        sheet.set_freeze_panes(header_row + 1, 0)?;
        print_setup(sheet, Some(header_row))?;
        if !table.columns.is_empty() {
            let last_row = (row - 1).max(header_row);
            sheet.autofilter(header_row, 0, last_row, col_u16(table.columns.len()))?;
        }
        row += 1;
    }
    sheet.write_string_with_format(0, 0, &doc.title, &styles.title)?;
    sheet.write_string_with_format(1, 0, &section.heading, &styles.heading)?;
    as_at(sheet, 2, doc, styles)?;
    // Paragraphs span the table's width and wrap in it, so they neither
    // widen the first column nor run off the printed page.
    let widths = section.table.as_ref().map(widths).unwrap_or_default();
    if widths.is_empty() {
        sheet.set_column_width(0, PROSE_WIDTH)?;
    }
    let span = Span {
        last: col_u16(widths.len().saturating_sub(1)),
        width: widths.iter().sum::<f64>().max(PROSE_WIDTH),
    };
    for (i, p) in intro.iter().enumerate() {
        paragraph(sheet, intro_row + len_u32(i), p, &span, styles)?;
    }
    for p in &section.notes {
        paragraph(sheet, row, p, &span, styles)?;
        row += 1;
    }
    if section.table.is_none() {
        print_setup(sheet, None)?;
    }
    Ok(())
}

/// The width, in characters, of a sheet with no table: its paragraphs'.
const PROSE_WIDTH: f64 = 100.0;

/// Where a paragraph goes across: the last column, and the width in
/// characters of them all.
struct Span {
    last: u16,
    width: f64,
}

fn paragraph(
    sheet: &mut Worksheet,
    row: u32,
    text: &str,
    span: &Span,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let text = cells::normalise_newlines(text);
    if span.last > 0 {
        sheet.merge_range(row, 0, row, span.last, &text, &styles.prose)?;
    } else {
        sheet.write_string_with_format(row, 0, &text, &styles.prose)?;
    }
    sheet.set_row_height(row, 15 * lines(&text, span.width))?;
    Ok(())
}

/// The heading of the last column, saying whether a row's item is
/// invented for an example.
const ILLUSTRATIVE: &str = "Illustrative";

/// Each column's width in characters: its longest cell or heading as the
/// report shows it, with a little room, and at most [`COLUMN_MAX`] (longer
/// text wraps); then the illustrative column's.
fn widths(table: &Table) -> Vec<f64> {
    let cap = COLUMN_MAX;
    let mut widths: Vec<f64> = table
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let longest = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(c))
                .map(|cell| cells::plain(cell, DateStyle::Short).chars().count())
                .chain(std::iter::once(column.heading.chars().count()))
                .max()
                .unwrap_or(0);
            (longest as f64 + 2.0).min(cap)
        })
        .collect();
    if !table.columns.is_empty() {
        widths.push(ILLUSTRATIVE.len() as f64 + 2.0);
    }
    widths
}

/// The header at `header_row` and the rows below it; the row after the
/// last.
fn write_table(
    sheet: &mut Worksheet,
    header_row: u32,
    table: &Table,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    for (c, column) in table.columns.iter().enumerate() {
        let format = match column.align {
            Align::Left => &styles.header,
            Align::Right => &styles.header_right,
        };
        sheet.write_string_with_format(header_row, col_u16(c), &column.heading, format)?;
    }
    let marked = col_u16(table.columns.len());
    if !table.columns.is_empty() {
        sheet.write_string_with_format(header_row, marked, ILLUSTRATIVE, &styles.header)?;
    }
    let widths = widths(table);
    let mut row = header_row + 1;
    for r in &table.rows {
        let mut tallest = 1;
        for (c, cell) in cells::aligned(&table.columns, r).enumerate() {
            write_cell(sheet, row, col_u16(c), cell, r.kind, table.columns[c].align)?;
            if let Cell::Text(text) = cell {
                tallest = tallest.max(lines(text, widths[c]));
            }
        }
        if !table.columns.is_empty() {
            sheet.write_string(row, marked, if r.illustrative { "yes" } else { "no" })?;
        }
        // Spreadsheet programs do not all grow a row to its wrapped text.
        if tallest > 1 {
            sheet.set_row_height(row, 15 * tallest)?;
        }
        row += 1;
    }
    Ok(row)
}

/// How many lines `text` takes wrapped in a column `width` characters
/// wide: an estimate, since the font decides, for row heights.
pub fn lines(text: &str, width: f64) -> u32 {
    let per_line = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|l| (l.chars().count() as f64 / per_line).ceil().max(1.0) as u32)
        .sum::<u32>()
        .max(1)
}

/// Printing: landscape A4, the columns fitted to the page's width, the
/// header row on every page, and page numbers.
pub fn print_setup(sheet: &mut Worksheet, header: Option<u32>) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0)
        .set_footer("&CPage &P of &N");
    if let Some(row) = header {
        sheet.set_repeat_rows(row, row)?;
    }
    Ok(())
}

/// A sheet name for each section id: Excel's rules (at most 31
/// characters, none of `[]:*?/\`, not starting or ending with `'`, not
/// `History`, unique ignoring case, and not `Contents`, the first sheet).
pub fn sheet_names<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut taken: BTreeSet<String> =
        BTreeSet::from(["contents".to_string(), "history".to_string()]);
    ids.map(|id| {
        let clean: String = id
            .chars()
            .map(|c| {
                if "[]:*?/\\".contains(c) || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        // Quotes and spaces in any order at either end: a quote left at
        // an end after the spaces are gone would be cut later, leaving
        // nothing.
        let clean = clean.trim_matches(|c: char| c == '\'' || c.is_whitespace());
        let base: String = if clean.is_empty() {
            "Sheet".into()
        } else {
            clean.into()
        };
        let mut name = truncate(&base, SHEET_NAME_MAX);
        let mut n = 2;
        while !taken.insert(name.to_lowercase()) {
            let suffix = format!(" ({n})");
            name = format!("{}{suffix}", truncate(&base, SHEET_NAME_MAX - suffix.len()));
            n += 1;
        }
        name
    })
    .collect()
}

fn truncate(text: &str, max: usize) -> String {
    text.chars()
        .take(max)
        .collect::<String>()
        .trim_end_matches('\'')
        .to_string()
}

fn len_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Report tables have a dozen columns at most; Excel takes 16,384.
fn col_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::testing;
    use calamine::{Data, Reader, Xlsx};

    fn read(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
        Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook calamine reads")
    }

    #[test]
    fn every_section_is_a_sheet_after_the_contents() {
        let doc = testing::board_pack();
        let mut book = read(write(&doc).unwrap());
        let mut expected = vec!["Contents".to_string()];
        expected.extend(sheet_names(doc.sections.iter().map(|s| s.id.as_str())));
        assert_eq!(book.sheet_names(), expected);
        for (section, name) in doc.sections.iter().zip(&expected[1..]) {
            let range = book.worksheet_range(name).unwrap();
            assert_eq!(
                range.get_value((1, 0)),
                Some(&Data::String(section.heading.clone()))
            );
            assert_eq!(range.get_value((2, 0)), Some(&Data::String("As at".into())));
        }
    }

    #[test]
    fn the_same_document_is_the_same_bytes() {
        let doc = testing::board_pack();
        assert_eq!(write(&doc).unwrap(), write(&doc).unwrap());
    }

    /// Text that starts like a formula is a string cell, never a formula.
    #[test]
    fn formula_like_text_stays_text() {
        let doc = testing::hostile();
        let mut book = read(write(&doc).unwrap());
        for name in book.sheet_names() {
            let formulas = book.worksheet_formula(&name).unwrap();
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "a formula in {name}"
            );
        }
    }

    #[test]
    fn sheet_names_follow_excel_rules() {
        let ids = [
            "summary",
            "Summary",
            "contents",
            "a/b:c*d?e[f]g\\h",
            "'quoted'",
            "progress-a-strategy-id-far-longer-than-thirty-one",
            "progress-a-strategy-id-far-longer-than-thirty-two",
            "",
            "History",
        ];
        let names = sheet_names(ids.into_iter());
        assert_eq!(
            names,
            [
                "summary",
                "Summary (2)",
                "contents (2)",
                "a_b_c_d_e_f_g_h",
                "quoted",
                "progress-a-strategy-id-far-long",
                "progress-a-strategy-id-far- (2)",
                "Sheet",
                "History (2)",
            ]
        );
        for name in &names {
            assert!(name.chars().count() <= SHEET_NAME_MAX, "{name}");
        }
    }

    /// The bug: an id of a space, a quote and a space ("\u{2000}' ") was
    /// trimmed of its spaces only after its quotes, leaving a quote that
    /// the length cut then removed: an empty sheet name.
    #[test]
    fn an_id_of_quotes_and_spaces_is_a_named_sheet() {
        assert_eq!(
            sheet_names(["\u{2000}' ", " ' x ' "].into_iter()),
            ["Sheet", "x"]
        );
    }

    proptest::proptest! {
        /// Any section ids give names Excel accepts: short enough, none of
        /// its forbidden characters, no quote at either end, no two alike
        /// ignoring case, and neither the contents sheet's nor `History`.
        #[test]
        fn any_ids_give_valid_distinct_sheet_names(ids in proptest::collection::vec("\\PC{0,40}", 0..12)) {
            let names = sheet_names(ids.iter().map(String::as_str));
            let mut seen = BTreeSet::from(["contents".to_string(), "history".to_string()]);
            for name in &names {
                proptest::prop_assert!(!name.is_empty() && name.chars().count() <= SHEET_NAME_MAX);
                proptest::prop_assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']));
                proptest::prop_assert!(!name.starts_with('\'') && !name.ends_with('\''));
                proptest::prop_assert!(seen.insert(name.to_lowercase()), "{name} twice");
            }
        }
    }
}

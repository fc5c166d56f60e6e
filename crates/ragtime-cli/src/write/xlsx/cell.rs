//! One typed cell written as the type it is: counts and percentages as
//! numbers, measured values as the figure reported with its unit in the
//! number format, dates as dates (a measured date with whether it is up
//! to date in the format), ratings in words on the scale's colour, text
//! as text.

use chrono::{Datelike, NaiveDate};
use ragtime_core::report::{Align, Cell, Colour, RagCell, RowKind};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::write::cells::{self, DateStyle};

/// One typed cell, as the type it is.
pub(super) fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    kind: RowKind,
    align: Align,
) -> Result<(), XlsxError> {
    // Top-aligned, so a row grown for wrapped text reads from its top.
    let mut format = Format::new().set_align(FormatAlign::Top);
    match kind {
        RowKind::Item => {}
        RowKind::Group => format = format.set_bold(),
        RowKind::Total => format = format.set_bold().set_border_top(FormatBorder::Thin),
    }
    if align == Align::Right {
        format = format.set_align(FormatAlign::Right);
    }
    match cell {
        Cell::Empty => {
            sheet.write_blank(row, col, &format)?;
        }
        Cell::Count(n) => {
            // Counts are far below 2^53, so exact as a spreadsheet number.
            sheet.write_number_with_format(row, col, *n as f64, &format)?;
        }
        Cell::Percent(p) => {
            // The percent the report gives, to the decimal place it gives,
            // shown with its sign.
            let shown = if p.has_decimal() {
                "0.0\"%\""
            } else {
                "0\"%\""
            };
            let format = format.set_num_format(shown);
            let value = f64::from(p.in_tenths()) / 10.0;
            sheet.write_number_with_format(row, col, value, &format)?;
        }
        Cell::Number { text, unit } => match number_format(text, unit.as_deref()) {
            Some((value, num_format)) => {
                let format = format.set_num_format(num_format);
                sheet.write_number_with_format(row, col, value, &format)?;
            }
            None => {
                let words = cells::with_unit(text, unit.as_deref());
                sheet.write_string_with_format(row, col, words, &format)?;
            }
        },
        Cell::Date(d) => {
            let format = format.set_num_format("d mmm yyyy");
            sheet.write_datetime_with_format(row, col, excel_date(*d)?, &format)?;
        }
        Cell::Measured { date: Some(d), .. } => {
            // A date, so it sorts, with the words beside it in the number
            // format (plain words: a frequency and "up to date").
            let shown = match cells::reporting_words(cell) {
                Some(words) => format!("d mmm yyyy\", {words}\""),
                None => "d mmm yyyy".to_string(),
            };
            let format = format.set_num_format(shown);
            sheet.write_datetime_with_format(row, col, excel_date(*d)?, &format)?;
        }
        Cell::TargetDate { date, basis } => {
            let format = format.set_num_format(format!("d mmm yyyy\" ({})\"", basis.label()));
            sheet.write_datetime_with_format(row, col, excel_date(*date)?, &format)?;
        }
        Cell::Rag(rag) => {
            let format = rag_format(format, rag);
            sheet.write_string_with_format(
                row,
                col,
                cells::plain(cell, DateStyle::Iso),
                &format,
            )?;
        }
        Cell::Text(_)
        | Cell::Status(_)
        | Cell::Trend(_)
        | Cell::Travel { .. }
        | Cell::Measured { date: None, .. } => {
            let text = cells::normalise_newlines(&cells::plain(cell, DateStyle::Iso));
            let format = format.set_text_wrap();
            sheet.write_string_with_format(row, col, text, &format)?;
        }
    }
    Ok(())
}

/// A RAG cell's fill and text colour: the scale's colour, as the HTML
/// pack shows it.
fn rag_format(format: Format, rag: &RagCell) -> Format {
    let swatch = crate::write::html::swatch(rag.colour);
    let format = format
        .set_background_color(swatch.background)
        .set_font_color(swatch.text);
    if rag.colour == Colour::Grey {
        format
    } else {
        format.set_bold()
    }
}

/// A measured value as a number and the format that shows it as the
/// report wrote it (`92.0` with unit `%` is 92.0 shown as `92.0%`), or
/// `None` when the text is not a plain number or the unit cannot be put
/// in a number format: it is then written as text.
fn number_format(text: &str, unit: Option<&str>) -> Option<(f64, String)> {
    let plain = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !digits(whole)
        || !digits(fraction)
        || (plain.contains('.') && fraction.is_empty())
    {
        return None;
    }
    let value: f64 = text.parse().ok()?;
    let mut format = if fraction.is_empty() {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(fraction.len()))
    };
    match unit {
        None | Some("") => {}
        Some(unit) if unit.contains(['"', '\\']) || unit.chars().any(char::is_control) => {
            return None;
        }
        Some("%") => format.push_str("\"%\""),
        Some(unit) => format.push_str(&format!("\" {unit}\"")),
    }
    Some((value, format))
}

pub(super) fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| {
        XlsxError::ParameterError(format!("{date} is outside the dates a workbook holds"))
    })?;
    // Month and day always fit.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_the_precision_reported() {
        assert_eq!(
            number_format("92.0", Some("%")),
            Some((92.0, "0.0\"%\"".into()))
        );
        assert_eq!(
            number_format("104", Some("homes")),
            Some((104.0, "0\" homes\"".into()))
        );
        assert_eq!(number_format("-3.25", None), Some((-3.25, "0.00".into())));
        assert_eq!(number_format("1,234", None), None);
        assert_eq!(number_format("3.", None), None);
        assert_eq!(number_format("n/a", None), None);
        assert_eq!(number_format("5", Some("\"x\"")), None);
    }
}

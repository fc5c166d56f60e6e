//! Reading one cell as the value a column holds: text, a date, a whole
//! percent. Each reader gives `None` for a blank cell and a located
//! problem for a value it cannot take, so that a caller reports every bad
//! cell and reads on.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use super::{CellRef, Grid, Problem, Value};
use crate::diag::Code;

/// The problems shared by every reader: a formula with no saved result
/// and an error value (`#REF!`).
fn unreadable(grid: &Grid, cell: CellRef) -> Option<Box<Problem>> {
    if grid.uncomputed.contains(&cell) {
        return Some(Box::new(
            Problem::new(
                Code::FormulaNotComputed,
                grid.place(cell),
                "this cell holds a formula with no saved result",
            )
            .label("value not known")
            .help(
                "open the workbook in a spreadsheet program and save it (that saves each formula's \
                 result), or type the value in place of the formula",
            ),
        ));
    }
    if let Value::Error(e) = grid.get(cell) {
        return Some(Box::new(
            Problem::new(
                Code::CellError,
                grid.place(cell),
                format!("the cell shows the error `{e}`"),
            )
            .value(e.clone())
            .label("an error, not a value")
            .help("fix the formula or type the value; a value that is not known is left blank"),
        ));
    }
    None
}

/// Text as typed, trimmed; numbers, dates and TRUE/FALSE as the
/// spreadsheet shows them. Text that a spreadsheet would run as a formula
/// (starting with `=` or `@`) is refused rather than put in a plan.
pub fn read_text(grid: &Grid, cell: CellRef) -> Result<Option<String>, Box<Problem>> {
    if let Some(p) = unreadable(grid, cell) {
        return Err(p);
    }
    let value = grid.get(cell);
    if value.is_blank() {
        return Ok(None);
    }
    let text = value.shown();
    let text = text.trim();
    if text.starts_with(['=', '@']) {
        return Err(Box::new(Problem::new(
            Code::FormulaLikeText,
            grid.place(cell),
            "text that a spreadsheet would run as a formula",
        )
        .value(text)
        .label("starts with a formula sign")
        .help(format!(
            "write the text without the leading `{}`; a plan holds words, not spreadsheet formulas",
            &text[..1]
        ))));
    }
    Ok(Some(text.replace("\r\n", "\n").replace('\r', "\n")))
}

/// The text forms of a date that are read, day before month as in the UK.
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
    "%d %b, %Y",
    "%d %B, %Y",
    "%Y/%m/%d",
];

/// The first and last days a serial number in a date column is taken as:
/// a number outside them (a percentage typed in the wrong column, say) is
/// not a date.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 32874.0..=73050.0;

/// Why a text is not a date, for the problem's message and help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateProblem {
    pub message: String,
    pub help: String,
}

/// A date typed as text: `2025-12-31`, `31/12/2025`, `31 Dec 2025`,
/// `31 December 2025`, `31.12.2025`, `31-Dec-2025`, with or without a
/// midnight time. Day before month; the year in full.
pub fn parse_date_text(text: &str) -> Result<NaiveDate, DateProblem> {
    let text = text.trim();
    let date_part = text
        .strip_suffix("00:00:00")
        .map(|t| t.trim_end_matches(['T', ' ']))
        .unwrap_or(text);
    for format in DATE_FORMATS {
        if let Ok(date) = NaiveDate::parse_from_str(date_part, format) {
            if date.year() < 1000 {
                return Err(DateProblem {
                    message: format!("`{text}` has a two-digit year"),
                    help: format!("write the year in full, e.g. `{}`", with_full_year(date)),
                });
            }
            return Ok(date);
        }
    }
    if NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").is_ok()
        || NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").is_ok()
    {
        return Err(DateProblem {
            message: format!("`{text}` has a time of day"),
            help: "give the date alone, e.g. `2025-12-31`".into(),
        });
    }
    if let Ok(us) = NaiveDate::parse_from_str(date_part, "%m/%d/%Y") {
        return Err(DateProblem {
            message: format!("`{text}` reads only as month/day/year"),
            help: format!(
                "dates are read day first: write {} or {} (the file may have been saved with \
                 US date settings)",
                us.format("%d/%m/%Y"),
                us.format("%Y-%m-%d")
            ),
        });
    }
    Err(DateProblem {
        message: format!("`{text}` is not a date"),
        help: "write a date as 31/12/2025 (day, month, year) or 2025-12-31".into(),
    })
}

/// `31/12/25` read as year 25 means 2025.
fn with_full_year(date: NaiveDate) -> String {
    format!(
        "{:02}/{:02}/20{:02}",
        date.day(),
        date.month(),
        date.year() % 100
    )
}

/// A date: a date cell, a serial number (the 1900 date system: 46022 is
/// 31 December 2025), or text as [`parse_date_text`] reads it.
pub fn read_date(grid: &Grid, cell: CellRef) -> Result<Option<NaiveDate>, Box<Problem>> {
    if let Some(p) = unreadable(grid, cell) {
        return Err(p);
    }
    let value = grid.get(cell);
    let bad = |message: String, help: String| {
        Box::new(
            Problem::new(Code::BadDate, grid.place(cell), message)
                .value(value.shown())
                .label("expected a date")
                .help(help),
        )
    };
    match value {
        v if v.is_blank() => Ok(None),
        Value::Date(d) => Ok(Some(*d)),
        Value::Number(n) => serial_date(*n).map(Some).ok_or_else(|| {
            bad(
                format!("`{}` is not a date", value.shown()),
                "a number in a date column is read as a spreadsheet date serial; \
                 type the date as 31/12/2025 or format the cell as a date"
                    .into(),
            )
        }),
        Value::DateTime(t) => Err(bad(
            format!("`{t}` has a time of day"),
            "give the date alone: format the cell as a date".into(),
        )),
        Value::Text(t) => parse_date_text(t)
            .map(Some)
            .map_err(|p| bad(p.message, p.help)),
        Value::Bool(_) | Value::Error(_) | Value::Empty => Err(bad(
            format!("`{}` is not a date", value.shown()),
            "write a date as 31/12/2025 (day, month, year) or 2025-12-31".into(),
        )),
    }
}

/// A whole-day serial in the 1900 date system, within [`SERIAL_RANGE`].
/// (Serials from 61 on count from 30 December 1899: the system counts a
/// 29 February 1900 that never was.)
fn serial_date(n: f64) -> Option<NaiveDate> {
    if n.fract() != 0.0 || !SERIAL_RANGE.contains(&n) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(Days::new(n as u64))
}

/// A whole percent from 0 to 100: a number (`50`, or `0.5` from a cell
/// formatted as a percentage) or text (`50`, `50%`).
pub fn read_percent(grid: &Grid, cell: CellRef) -> Result<Option<u8>, Box<Problem>> {
    if let Some(p) = unreadable(grid, cell) {
        return Err(p);
    }
    let value = grid.get(cell);
    let number = match value {
        v if v.is_blank() => return Ok(None),
        Value::Number(n) => Some(*n),
        Value::Text(t) => t.trim().trim_end_matches('%').trim().parse::<f64>().ok(),
        _ => None,
    };
    let whole = number.and_then(|n| {
        if n.fract() == 0.0 {
            Some(n)
        } else if (0.0..=1.0).contains(&n) && ((n * 100.0).round() - n * 100.0).abs() < 1e-9 {
            // A cell formatted as a percentage holds 0.5 for 50%.
            Some((n * 100.0).round())
        } else {
            None
        }
    });
    match whole {
        Some(n) if (0.0..=100.0).contains(&n) => Ok(Some(n as u8)),
        _ => Err(Box::new(
            Problem::new(
                Code::BadValue,
                grid.place(cell),
                format!("percent complete is `{}`", value.shown()),
            )
            .value(value.shown())
            .label("expected a whole number from 0 to 100")
            .help("write how far through the milestone is, e.g. 60"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(value: Value) -> Grid {
        Grid {
            book: "r.xlsx".into(),
            sheet: Some("Milestones".into()),
            rows: vec![vec![value]],
            ..Grid::default()
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const A1: CellRef = CellRef { row: 0, col: 0 };

    #[test]
    fn dates_are_read_in_every_form_a_spreadsheet_gives() {
        let want = Some(date(2025, 12, 31));
        for value in [
            Value::Date(date(2025, 12, 31)),
            Value::Number(46022.0),
            Value::Text("2025-12-31".into()),
            Value::Text(" 31/12/2025 ".into()),
            Value::Text("31-12-2025".into()),
            Value::Text("31.12.2025".into()),
            Value::Text("31 Dec 2025".into()),
            Value::Text("31 December 2025".into()),
            Value::Text("31-Dec-2025".into()),
            Value::Text("2025-12-31 00:00:00".into()),
        ] {
            assert_eq!(read_date(&grid(value.clone()), A1), Ok(want), "{value:?}");
        }
        assert_eq!(read_date(&grid(Value::Text("  ".into())), A1), Ok(None));
        // Serial 61 is 1 March 1900 in the 1900 system.
        assert_eq!(serial_date(61.0), None, "outside the range taken as dates");
        assert_eq!(
            NaiveDate::from_ymd_opt(1899, 12, 30)
                .unwrap()
                .checked_add_days(Days::new(61)),
            Some(date(1900, 3, 1))
        );
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        let problem = |v: Value| read_date(&grid(v), A1).unwrap_err();
        let p = problem(Value::Text("31/12/25".into()));
        assert_eq!(p.code, Code::BadDate);
        assert_eq!(p.message, "`31/12/25` has a two-digit year");
        assert_eq!(
            p.help.as_deref(),
            Some("write the year in full, e.g. `31/12/2025`")
        );
        let p = problem(Value::Text("12/31/2025".into()));
        assert_eq!(p.message, "`12/31/2025` reads only as month/day/year");
        assert!(
            p.help
                .unwrap()
                .starts_with("dates are read day first: write 31/12/2025")
        );
        let p = problem(Value::Number(50.0));
        assert_eq!(p.message, "`50` is not a date");
        let p = problem(Value::DateTime("2025-12-31 09:30:00".into()));
        assert_eq!(p.message, "`2025-12-31 09:30:00` has a time of day");
        let p = problem(Value::Text("next March".into()));
        assert_eq!(p.place.to_string(), "r.xlsx!Milestones!A1");
        assert_eq!(p.value.as_deref(), Some("next March"));
    }

    #[test]
    fn formula_like_text_is_refused_and_errors_are_named() {
        let p = read_text(&grid(Value::Text("=HYPERLINK(\"x\")".into())), A1).unwrap_err();
        assert_eq!(p.code, Code::FormulaLikeText);
        let p = read_text(&grid(Value::Text("@SUM(A1)".into())), A1).unwrap_err();
        assert_eq!(p.code, Code::FormulaLikeText);
        // A leading minus or plus is ordinary text.
        assert_eq!(
            read_text(&grid(Value::Text("- two carers withdrew".into())), A1),
            Ok(Some("- two carers withdrew".into()))
        );
        let p = read_text(&grid(Value::Error("#REF!".into())), A1).unwrap_err();
        assert_eq!(p.code, Code::CellError);
        let mut g = grid(Value::Empty);
        g.uncomputed.push(A1);
        assert_eq!(
            read_text(&g, A1).unwrap_err().code,
            Code::FormulaNotComputed
        );
        assert_eq!(
            read_text(&grid(Value::Text("a\r\nb".into())), A1),
            Ok(Some("a\nb".into()))
        );
    }

    #[test]
    fn percents_are_whole_numbers_to_100() {
        for (value, want) in [
            (Value::Number(60.0), Some(60)),
            (Value::Number(0.6), Some(60)),
            (Value::Text("60%".into()), Some(60)),
            (Value::Text(" 100 ".into()), Some(100)),
            (Value::Empty, None),
        ] {
            assert_eq!(
                read_percent(&grid(value.clone()), A1),
                Ok(want),
                "{value:?}"
            );
        }
        for value in [
            Value::Number(140.0),
            Value::Number(12.5),
            Value::Text("most".into()),
            Value::Number(-5.0),
        ] {
            let p = read_percent(&grid(value.clone()), A1).unwrap_err();
            assert_eq!(p.code, Code::BadValue, "{value:?}");
        }
    }

    proptest::proptest! {
        /// Whatever is typed in a date cell, reading it gives a date with
        /// a full year or a problem at the cell; it never panics.
        #[test]
        fn any_text_reads_as_a_date_or_a_problem(typed in "\\PC{0,24}", n in proptest::num::f64::ANY) {
            match read_date(&grid(Value::Text(typed.clone())), A1) {
                Ok(Some(d)) => proptest::prop_assert!(d.year() >= 1000),
                Ok(None) => proptest::prop_assert!(typed.trim().is_empty()),
                Err(p) => proptest::prop_assert_eq!(p.code, Code::BadDate),
            }
            let _ = read_date(&grid(Value::Number(n)), A1);
            let _ = read_percent(&grid(Value::Number(n)), A1);
            let _ = read_percent(&grid(Value::Text(typed)), A1);
        }
    }
}

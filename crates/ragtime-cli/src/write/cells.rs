//! How typed cells and dates read as words, shared by the text writers so
//! that markdown, CSV and HTML say the same thing the same way.

use chrono::NaiveDate;
use ragtime_core::report::{Cell, Column, ILLUSTRATIVE_MARK, Narrative, Row, Trend};

/// How a date cell is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// `2025-06-30`: for files other programs read.
    Iso,
    /// `30 Jun 2025`: for people.
    Short,
}

/// "30 September 2025", for the as-at line.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A cell in words. Empty cells and "nothing to compare" are empty text;
/// a flagged rating says why it is flagged.
pub fn plain(cell: &Cell, dates: DateStyle) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => text.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Percent(p) => format!("{p}%"),
        Cell::Number { text, unit } => with_unit(text, unit.as_deref()),
        Cell::Date(d) => match dates {
            DateStyle::Iso => d.format("%Y-%m-%d").to_string(),
            DateStyle::Short => d.format("%-d %b %Y").to_string(),
        },
        Cell::Rag(rag) => match &rag.flag {
            Some(why) => format!("{} (flagged: {why})", rag.label),
            None => rag.label.clone(),
        },
        Cell::Status(status) => status.label().to_string(),
        Cell::Trend(Trend::None) => String::new(),
        Cell::Trend(trend) => trend.label().to_string(),
        Cell::Measured { date, .. } => {
            let date = date.map(|d| plain(&Cell::Date(d), dates));
            let reporting = reporting_words(cell);
            match (date, reporting) {
                (Some(date), Some(reporting)) => format!("{date}, {reporting}"),
                (date, reporting) => date.or(reporting).unwrap_or_default(),
            }
        }
        Cell::TargetDate { date, basis } => {
            format!("{} ({})", plain(&Cell::Date(*date), dates), basis.label())
        }
        Cell::Travel {
            quarter: Trend::None,
            year: Trend::None,
        } => String::new(),
        Cell::Travel { quarter, year } => format!("{} / {}", quarter.label(), year.label()),
    }
}

/// A measured date's judgement in words: "up to date", "out of date", or
/// `None` for a measure that is not judged.
pub fn up_to_date_words(up_to_date: Option<bool>) -> Option<&'static str> {
    up_to_date.map(|yes| if yes { "up to date" } else { "out of date" })
}

/// What a measured cell says beside its date: "quarterly: up to date",
/// "annual" (nothing measured yet), "up to date"; `None` for any other
/// cell, or when it says nothing.
pub fn reporting_words(cell: &Cell) -> Option<String> {
    let Cell::Measured {
        frequency,
        up_to_date,
        ..
    } = cell
    else {
        return None;
    };
    match (frequency, up_to_date_words(*up_to_date)) {
        (Some(f), Some(words)) => Some(format!("{f}: {words}")),
        (Some(f), None) => Some(f.to_string()),
        (None, words) => words.map(str::to_string),
    }
}

/// "92.0%", "104 homes": a percent sign sits on the number, other units
/// follow a space.
pub fn with_unit(text: &str, unit: Option<&str>) -> String {
    match unit {
        None | Some("") => text.to_string(),
        Some("%") => format!("{text}%"),
        Some(unit) => format!("{text} {unit}"),
    }
}

/// The row's cells matched to the columns: a short row is padded with empty
/// cells and extra cells are dropped, so no writer has to trust the lengths.
pub fn aligned<'a>(columns: &[Column], row: &'a Row) -> impl Iterator<Item = &'a Cell> {
    const EMPTY: &Cell = &Cell::Empty;
    (0..columns.len()).map(move |i| row.cells.get(i).unwrap_or(EMPTY))
}

/// The column a row's mark is shown in: its id, or else its first.
pub fn mark_column(columns: &[Column]) -> usize {
    columns.iter().position(|c| c.key == "id").unwrap_or(0)
}

/// A cell's text as a row shows it: in the mark column of a marked row,
/// with the row's mark after it.
pub fn with_mark(text: String, row: &Row, columns: &[Column], index: usize) -> String {
    match row.mark() {
        Some(mark) if index == mark_column(columns) => format!("{text} {mark}"),
        _ => text,
    }
}

/// The line above a narrative's text: its byline, with the illustrative
/// mark when it is marked.
pub fn narrative_byline(n: &Narrative) -> String {
    if n.illustrative {
        format!("{} {ILLUSTRATIVE_MARK}", n.byline())
    } else {
        n.byline()
    }
}

/// The sentence under an old narrative, if it is old.
pub fn narrative_age(n: &Narrative) -> Option<String> {
    n.old.as_ref().map(|old| format!("Old narrative: {old}."))
}

/// A narrative as plain paragraphs, for text output: the byline, the
/// text, whether it is old, and an empty one to leave a blank line.
pub fn narrative_paragraphs(n: &Narrative) -> Vec<String> {
    let mut out = vec![format!("{}:", narrative_byline(n))];
    out.push(normalise_newlines(n.text.trim()));
    out.extend(narrative_age(n));
    out.push(String::new());
    out
}

/// Text with `\r\n` and lone `\r` made into `\n`, so writers see one kind
/// of line break.
pub fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::Status;
    use ragtime_core::model::Frequency;
    use ragtime_core::report::{Colour, Percent, RagCell, TargetSource};

    #[test]
    fn line_breaks_are_one_kind() {
        assert_eq!(normalise_newlines("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
        assert_eq!(normalise_newlines("no breaks"), "no breaks");
        assert_eq!(normalise_newlines("one\ntwo"), "one\ntwo");
    }

    #[test]
    fn cells_read_as_words() {
        let date = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let cases = [
            (Cell::Empty, ""),
            (Cell::Count(12), "12"),
            (Cell::Percent(Percent::whole(45)), "45%"),
            (Cell::Percent(Percent::tenths(874)), "87.4%"),
            (Cell::Percent(Percent::tenths(1000)), "100.0%"),
            (
                Cell::Number {
                    text: "92.0".into(),
                    unit: Some("%".into()),
                },
                "92.0%",
            ),
            (
                Cell::Number {
                    text: "104".into(),
                    unit: Some("homes".into()),
                },
                "104 homes",
            ),
            (Cell::Status(Status::NotOnTarget), "not on target"),
            (Cell::Trend(Trend::Down), "down"),
            (Cell::Trend(Trend::None), ""),
            (
                Cell::Measured {
                    date: Some(date),
                    frequency: Some(Frequency::Quarterly),
                    up_to_date: Some(true),
                },
                "2025-06-30, quarterly: up to date",
            ),
            (
                Cell::Measured {
                    date: Some(date),
                    frequency: Some(Frequency::Annual),
                    up_to_date: Some(false),
                },
                "2025-06-30, annual: out of date",
            ),
            (
                Cell::Measured {
                    date: None,
                    frequency: Some(Frequency::SixMonthly),
                    up_to_date: None,
                },
                "six-monthly",
            ),
            (
                Cell::Measured {
                    date: Some(date),
                    frequency: None,
                    up_to_date: None,
                },
                "2025-06-30",
            ),
            (
                Cell::TargetDate {
                    date,
                    basis: TargetSource::Trajectory,
                },
                "2025-06-30 (trajectory)",
            ),
            (
                Cell::Travel {
                    quarter: Trend::Up,
                    year: Trend::New,
                },
                "up / new",
            ),
            (
                Cell::Travel {
                    quarter: Trend::None,
                    year: Trend::Down,
                },
                "- / down",
            ),
            (
                Cell::Travel {
                    quarter: Trend::None,
                    year: Trend::None,
                },
                "",
            ),
            (
                Cell::Rag(RagCell {
                    colour: Colour::Amber,
                    label: "Amber".into(),
                    flag: Some("owner says on target".into()),
                }),
                "Amber (flagged: owner says on target)",
            ),
        ];
        for (cell, words) in cases {
            assert_eq!(plain(&cell, DateStyle::Iso), words, "{cell:?}");
        }
        assert_eq!(plain(&Cell::Date(date), DateStyle::Iso), "2025-06-30");
        assert_eq!(plain(&Cell::Date(date), DateStyle::Short), "30 Jun 2025");
        assert_eq!(long_date(date), "30 June 2025");
    }
}

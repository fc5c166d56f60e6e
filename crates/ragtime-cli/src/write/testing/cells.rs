//! Small builders for the hand-built documents: dates, cells, columns,
//! rows, chart series and empty sections, so each document reads as data.

use chrono::NaiveDate;
use ragtime_core::report::*;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

pub fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

pub fn rag(colour: Colour) -> Cell {
    Cell::Rag(RagCell {
        colour,
        label: colour.name().to_string(),
        flag: None,
    })
}

pub fn flagged(colour: Colour, why: &str) -> Cell {
    Cell::Rag(RagCell {
        colour,
        label: colour.name().to_string(),
        flag: Some(why.to_string()),
    })
}

pub fn number(value: &str, unit: Option<&str>) -> Cell {
    Cell::Number {
        text: value.to_string(),
        unit: unit.map(str::to_string),
    }
}

pub fn col(key: &str, heading: &str, align: Align) -> Column {
    Column {
        key: key.to_string(),
        heading: heading.to_string(),
        align,
    }
}

pub fn row(kind: RowKind, cells: Vec<Cell>) -> Row {
    Row {
        kind,
        cells,
        illustrative: false,
    }
}

pub fn sparkline(
    id: &str,
    label: &str,
    unit: Option<&str>,
    better: ragtime_core::Direction,
    series: Vec<Series>,
) -> Sparkline {
    Sparkline {
        id: id.to_string(),
        label: label.to_string(),
        unit: unit.map(str::to_string),
        better,
        series,
    }
}

pub fn series(role: SeriesRole, label: &str, points: &[(i32, u32, u32, f64)]) -> Series {
    Series {
        role,
        label: label.to_string(),
        points: points
            .iter()
            .map(|&(y, m, d, value)| ChartPoint {
                date: date(y, m, d),
                value,
                text: format!("{value}"),
            })
            .collect(),
    }
}

pub fn seg(colour: Colour, label: &str, count: u64) -> Segment {
    Segment {
        colour,
        label: label.to_string(),
        count,
    }
}

pub fn section(id: &str, heading: &str) -> Section {
    Section {
        id: id.to_string(),
        heading: heading.to_string(),
        intro: Vec::new(),
        table: None,
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    }
}

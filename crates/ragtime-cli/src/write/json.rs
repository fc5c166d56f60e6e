//! JSON in a documented, versioned schema (`docs/json-schema.md`, with the
//! generated JSON Schema in `docs/report.schema.json`). Keys come out in a
//! fixed order: the order of the fields below, and row cells in column
//! order.
//!
//! The types here mirror the report document so that its JSON shape is
//! stated in one place and does not change when the core's types do;
//! [`DOCUMENT_VERSION`] says which shape a file has.

use std::collections::BTreeMap;
use std::io::{self, Write};

use ragtime_core::Status;
use ragtime_core::report::{
    Align, Cell, Chart, Colour, Column, DOCUMENT_VERSION, Document, Percent, Row, RowKind, Section,
    SeriesRole, Sparkline, Table, TargetSource, Trend,
};
use schemars::JsonSchema;
use serde::Serialize;
use serde::ser::SerializeMap;

use super::cells;

/// A report: titled sections of tables and charts, as at a date.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Report", title = "Ragtime report")]
pub struct DocumentJson<'a> {
    /// The version of this shape; raised when a key is renamed or removed
    /// (adding a key keeps the version).
    pub version: u32,
    /// Stable machine name of the report: `board`, `portfolio`, ...
    pub kind: &'a str,
    pub title: &'a str,
    /// The date the report is as at, `YYYY-MM-DD`.
    #[schemars(extend("format" = "date"))]
    pub as_at: String,
    /// The date of the latest update in the report's scope (the latest
    /// entry of a milestone's update log on or before the as-at date),
    /// `YYYY-MM-DD`; `null` when there is none, or the report does not
    /// say.
    #[schemars(extend("format" = "date"))]
    pub latest_update: Option<String>,
    /// Short facts shown under the title, in order.
    pub facts: Vec<FactJson<'a>>,
    pub sections: Vec<SectionJson<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Fact")]
pub struct FactJson<'a> {
    pub label: &'a str,
    pub value: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Section")]
pub struct SectionJson<'a> {
    /// Stable machine name, unique in the report; the CSV file name.
    pub id: &'a str,
    pub heading: &'a str,
    /// Paragraphs before the table.
    pub intro: &'a [String],
    pub table: Option<TableJson<'a>>,
    /// Paragraphs after the table.
    pub notes: &'a [String],
    pub chart: Option<ChartJson<'a>>,
    /// Lead officers' narratives on the items the table shows, in order:
    /// the strategy's first, then its priorities'.
    pub narratives: Vec<NarrativeJson<'a>>,
}

/// A lead officer's dated narrative on a strategy or a priority.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Narrative")]
pub struct NarrativeJson<'a> {
    /// The id of the strategy or priority it comments on.
    pub item: &'a str,
    /// The item's title.
    pub name: &'a str,
    /// The date it speaks as at, `YYYY-MM-DD`.
    #[schemars(extend("format" = "date"))]
    pub date: String,
    /// The owner id of who wrote it.
    pub by: &'a str,
    /// That owner's role.
    pub by_role: &'a str,
    pub text: &'a str,
    /// Marked `illustrative = true` in the plans: invented for an example,
    /// not taken from a source document.
    pub illustrative: bool,
    /// Why it is old, when it is older than the staleness window at the
    /// as-at date; `null` otherwise.
    pub old: Option<&'a str>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Table")]
pub struct TableJson<'a> {
    pub columns: Vec<ColumnJson<'a>>,
    pub rows: Vec<RowJson<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Column")]
pub struct ColumnJson<'a> {
    /// Stable machine name; the key of this column's cell in each row.
    pub key: &'a str,
    /// What people read.
    pub heading: &'a str,
    pub align: AlignJson,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Align")]
#[serde(rename_all = "snake_case")]
pub enum AlignJson {
    Left,
    Right,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Row")]
pub struct RowJson<'a> {
    pub kind: RowKindJson,
    /// The row's item is marked `illustrative = true` in the plans:
    /// invented for an example, not taken from a source document.
    pub illustrative: bool,
    /// One entry per column, keyed by the column's key, in column order;
    /// `null` for an empty cell.
    #[schemars(with = "BTreeMap<String, Option<CellJson<'static>>>")]
    pub cells: RowCells<'a>,
}

/// What a row is: an item, a group heading above items, or a total.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "RowKind")]
#[serde(rename_all = "snake_case")]
pub enum RowKindJson {
    Item,
    Group,
    Total,
}

/// A row's cells as a map from column key to cell, in column order.
pub struct RowCells<'a> {
    columns: &'a [Column],
    row: &'a Row,
}

impl Serialize for RowCells<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, cell) in self
            .columns
            .iter()
            .zip(cells::aligned(self.columns, self.row))
        {
            map.serialize_entry(&column.key, &CellJson::from_cell(cell))?;
        }
        map.end()
    }
}

/// One typed value: an object with one key naming its kind.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Cell")]
#[serde(rename_all = "snake_case")]
pub enum CellJson<'a> {
    Text(&'a str),
    Count(u64),
    /// A percentage, already rounded as the report's settings say: a whole
    /// number, or a number with one decimal place.
    Percent(PercentJson),
    /// A measured value as reported (a decimal string, kept as written so
    /// no precision is added or lost), with its unit.
    Number {
        value: &'a str,
        unit: Option<&'a str>,
    },
    /// `YYYY-MM-DD`.
    Date(String),
    Rag {
        colour: ColourJson,
        /// The rating in words, as shown.
        label: &'a str,
        /// Why the rating is flagged, if it is.
        flag: Option<&'a str>,
    },
    Status(StatusJson),
    Trend(TrendJson),
    /// How a measure's latest value stands: the date it was measured
    /// (`null`: nothing measured yet), how often the measure is reported
    /// (`null`: no frequency declared), and whether the value is recent
    /// enough for that frequency (`null`: not judged).
    Measured {
        #[schemars(extend("format" = "date"))]
        date: Option<String>,
        frequency: Option<&'static str>,
        up_to_date: Option<bool>,
    },
    /// The date a measure's target in force is set for, and where the
    /// target comes from.
    TargetDate {
        #[schemars(extend("format" = "date"))]
        date: String,
        basis: TargetSourceJson,
    },
    /// Direction of travel against the previous quarter end and against
    /// the same quarter last year.
    Travel {
        quarter: TrendJson,
        year: TrendJson,
    },
}

impl<'a> CellJson<'a> {
    fn from_cell(cell: &'a Cell) -> Option<Self> {
        Some(match cell {
            Cell::Empty => return None,
            Cell::Text(t) => CellJson::Text(t),
            Cell::Count(n) => CellJson::Count(*n),
            Cell::Percent(p) => CellJson::Percent(PercentJson(*p)),
            Cell::Number { text, unit } => CellJson::Number {
                value: text,
                unit: unit.as_deref(),
            },
            Cell::Date(d) => CellJson::Date(d.format("%Y-%m-%d").to_string()),
            Cell::Rag(r) => CellJson::Rag {
                colour: r.colour.into(),
                label: &r.label,
                flag: r.flag.as_deref(),
            },
            Cell::Status(s) => CellJson::Status((*s).into()),
            Cell::Trend(t) => CellJson::Trend((*t).into()),
            Cell::Measured {
                date,
                frequency,
                up_to_date,
            } => CellJson::Measured {
                date: date.map(|d| d.format("%Y-%m-%d").to_string()),
                frequency: frequency.map(|f| f.as_str()),
                up_to_date: *up_to_date,
            },
            Cell::TargetDate { date, basis } => CellJson::TargetDate {
                date: date.format("%Y-%m-%d").to_string(),
                basis: (*basis).into(),
            },
            Cell::Travel { quarter, year } => CellJson::Travel {
                quarter: (*quarter).into(),
                year: (*year).into(),
            },
        })
    }
}

/// A percentage as a JSON number: `87` when shown as a whole percent,
/// `87.4` when shown with one decimal place (`100.0` is written `100.0`).
pub struct PercentJson(Percent);

impl Serialize for PercentJson {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let tenths = self.0.in_tenths();
        if self.0.has_decimal() {
            // Tenths divided by ten: the shortest decimal that reads back
            // as the same number, so 874 is written 87.4.
            serializer.serialize_f64(f64::from(tenths) / 10.0)
        } else {
            serializer.serialize_u32(tenths / 10)
        }
    }
}

impl JsonSchema for PercentJson {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Percent".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "description": "A percentage: a whole number, or with one decimal place when the plan set's settings round to one."
        })
    }
}

/// A colour of the rating scale.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Colour")]
#[serde(rename_all = "kebab-case")]
pub enum ColourJson {
    Blue,
    Green,
    AmberGreen,
    Amber,
    AmberRed,
    Red,
    /// Not rated: not started, paused, cancelled, no data.
    Grey,
}

impl From<Colour> for ColourJson {
    fn from(c: Colour) -> Self {
        match c {
            Colour::Blue => ColourJson::Blue,
            Colour::Green => ColourJson::Green,
            Colour::AmberGreen => ColourJson::AmberGreen,
            Colour::Amber => ColourJson::Amber,
            Colour::AmberRed => ColourJson::AmberRed,
            Colour::Red => ColourJson::Red,
            Colour::Grey => ColourJson::Grey,
        }
    }
}

/// A milestone status, as written in plan files.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Status")]
#[serde(rename_all = "kebab-case")]
pub enum StatusJson {
    NotStarted,
    OnTarget,
    AtRisk,
    NotOnTarget,
    Paused,
    Complete,
    Cancelled,
}

impl From<Status> for StatusJson {
    fn from(s: Status) -> Self {
        match s {
            Status::NotStarted => StatusJson::NotStarted,
            Status::OnTarget => StatusJson::OnTarget,
            Status::AtRisk => StatusJson::AtRisk,
            Status::NotOnTarget => StatusJson::NotOnTarget,
            Status::Paused => StatusJson::Paused,
            Status::Complete => StatusJson::Complete,
            Status::Cancelled => StatusJson::Cancelled,
        }
    }
}

/// Direction of travel against an earlier period; `new` when not rated
/// then, `none` when there is nothing to compare.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Trend")]
#[serde(rename_all = "snake_case")]
pub enum TrendJson {
    Up,
    Down,
    Same,
    New,
    None,
}

impl From<Trend> for TrendJson {
    fn from(t: Trend) -> Self {
        match t {
            Trend::Up => TrendJson::Up,
            Trend::Down => TrendJson::Down,
            Trend::Same => TrendJson::Same,
            Trend::New => TrendJson::New,
            Trend::None => TrendJson::None,
        }
    }
}

/// Where a measure's target in force comes from: the next `interim`
/// target, the point on a declared `trajectory`, the `baseline` where a
/// trajectory starts, or the `final` target.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "TargetSource")]
#[serde(rename_all = "snake_case")]
pub enum TargetSourceJson {
    Interim,
    Trajectory,
    Baseline,
    Final,
}

impl From<TargetSource> for TargetSourceJson {
    fn from(t: TargetSource) -> Self {
        match t {
            TargetSource::Interim => TargetSourceJson::Interim,
            TargetSource::Trajectory => TargetSourceJson::Trajectory,
            TargetSource::Baseline => TargetSourceJson::Baseline,
            TargetSource::Final => TargetSourceJson::Final,
        }
    }
}

/// Chart data; the same figures are in the section's table.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Chart")]
#[serde(rename_all = "snake_case")]
pub enum ChartJson<'a> {
    /// One bar per label, split into coloured segments.
    StackedBars { bars: Vec<BarJson<'a>> },
    /// One small line chart per row of the table (a measure over time).
    Sparklines { lines: Vec<SparklineJson<'a>> },
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Sparkline")]
pub struct SparklineJson<'a> {
    /// The id of the table row it belongs to (the measure id).
    pub id: &'a str,
    /// What is measured.
    pub label: &'a str,
    pub unit: Option<&'a str>,
    /// `higher` or `lower`: which way is better.
    pub better: &'static str,
    /// Targets first, the values measured last.
    pub series: Vec<SeriesJson<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Series")]
pub struct SeriesJson<'a> {
    pub role: SeriesRoleJson,
    /// The series in words: "measured", "baseline", "target".
    pub label: &'a str,
    /// In date order.
    pub points: Vec<PointJson<'a>>,
}

/// `actual`: values measured up to the as-at date; `baseline`: where the
/// plan starts from; `target`: the value to reach (one point), or a
/// trajectory of interim targets (several).
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "SeriesRole")]
#[serde(rename_all = "snake_case")]
pub enum SeriesRoleJson {
    Actual,
    Baseline,
    Target,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Point")]
pub struct PointJson<'a> {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// A decimal string at the precision reported, as in number cells.
    pub value: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Bar")]
pub struct BarJson<'a> {
    pub label: &'a str,
    pub segments: Vec<SegmentJson<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Segment")]
pub struct SegmentJson<'a> {
    pub colour: ColourJson,
    /// What the segment counts: "complete", "on target", ...
    pub label: &'a str,
    pub count: u64,
}

impl<'a> DocumentJson<'a> {
    pub fn new(doc: &'a Document) -> Self {
        DocumentJson {
            version: DOCUMENT_VERSION,
            kind: &doc.kind,
            title: &doc.title,
            as_at: doc.as_at.format("%Y-%m-%d").to_string(),
            latest_update: doc
                .freshness
                .and_then(|f| f.latest_update)
                .map(|d| d.format("%Y-%m-%d").to_string()),
            facts: doc
                .facts
                .iter()
                .map(|(label, value)| FactJson { label, value })
                .collect(),
            sections: doc.sections.iter().map(section).collect(),
        }
    }
}

fn section(s: &Section) -> SectionJson<'_> {
    SectionJson {
        id: &s.id,
        heading: &s.heading,
        intro: &s.intro,
        table: s.table.as_ref().map(table),
        notes: &s.notes,
        chart: s.chart.as_ref().map(|c| match c {
            Chart::StackedBars { bars } => ChartJson::StackedBars {
                bars: bars
                    .iter()
                    .map(|b| BarJson {
                        label: &b.label,
                        segments: b
                            .segments
                            .iter()
                            .map(|s| SegmentJson {
                                colour: s.colour.into(),
                                label: &s.label,
                                count: s.count,
                            })
                            .collect(),
                    })
                    .collect(),
            },
            Chart::Sparklines { lines } => ChartJson::Sparklines {
                lines: lines.iter().map(sparkline).collect(),
            },
        }),
        narratives: s
            .narratives
            .iter()
            .map(|n| NarrativeJson {
                item: &n.item,
                name: &n.name,
                date: n.date.format("%Y-%m-%d").to_string(),
                by: &n.by_id,
                by_role: &n.by,
                text: &n.text,
                illustrative: n.illustrative,
                old: n.old.as_deref(),
            })
            .collect(),
    }
}

fn sparkline(l: &Sparkline) -> SparklineJson<'_> {
    SparklineJson {
        id: &l.id,
        label: &l.label,
        unit: l.unit.as_deref(),
        better: l.better.as_str(),
        series: l
            .series
            .iter()
            .map(|s| SeriesJson {
                role: match s.role {
                    SeriesRole::Actual => SeriesRoleJson::Actual,
                    SeriesRole::Baseline => SeriesRoleJson::Baseline,
                    SeriesRole::Target => SeriesRoleJson::Target,
                },
                label: &s.label,
                points: s
                    .points
                    .iter()
                    .map(|p| PointJson {
                        date: p.date.format("%Y-%m-%d").to_string(),
                        value: &p.text,
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn table(t: &Table) -> TableJson<'_> {
    TableJson {
        columns: t
            .columns
            .iter()
            .map(|c| ColumnJson {
                key: &c.key,
                heading: &c.heading,
                align: match c.align {
                    Align::Left => AlignJson::Left,
                    Align::Right => AlignJson::Right,
                },
            })
            .collect(),
        rows: t
            .rows
            .iter()
            .map(|r| RowJson {
                kind: match r.kind {
                    RowKind::Item => RowKindJson::Item,
                    RowKind::Group => RowKindJson::Group,
                    RowKind::Total => RowKindJson::Total,
                },
                illustrative: r.illustrative,
                cells: RowCells {
                    columns: &t.columns,
                    row: r,
                },
            })
            .collect(),
    }
}

/// Writes `doc` as pretty-printed JSON with a final newline.
pub fn write(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &DocumentJson::new(doc))?;
    writeln!(out)
}

/// The JSON Schema of what [`write`] writes, pretty-printed with a final
/// newline; committed as `docs/report.schema.json` and checked by a test.
#[cfg(test)]
pub fn schema() -> String {
    let schema = schemars::schema_for!(DocumentJson<'static>);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is always JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::testing;

    fn render(doc: &Document) -> String {
        let mut out = Vec::new();
        write(&mut out, doc).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn board_pack() {
        crate::snapshot!("write_json_board_pack", render(&testing::board_pack()));
    }

    #[test]
    fn hostile_text_round_trips() {
        let doc = testing::hostile();
        let text = render(&doc);
        crate::snapshot!("write_json_hostile", text);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["version"], DOCUMENT_VERSION);
        assert_eq!(value["title"], doc.title.as_str());
        let first = &value["sections"][0]["table"]["rows"][1]["cells"]["text"]["text"];
        assert_eq!(first, testing::SCRIPT);
    }

    #[test]
    fn keys_follow_the_columns() {
        let text = render(&testing::board_pack());
        let first_row = text.find("\"cells\"").unwrap();
        let strategy = text[first_row..].find("\"strategy\"").unwrap();
        let rating = text[first_row..].find("\"rating\"").unwrap();
        assert!(strategy < rating, "cells are not in column order");
    }

    /// `docs/report.schema.json` is what the code writes. To update it after
    /// changing the types above (and `DOCUMENT_VERSION`, if a key was renamed
    /// or removed), run this test with `RAGTIME_BLESS=1`.
    #[test]
    fn committed_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/report.schema.json");
        let current = schema();
        if std::env::var_os("RAGTIME_BLESS").is_some() {
            std::fs::write(path, &current).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == current,
            "docs/report.schema.json is out of date: run \
             `RAGTIME_BLESS=1 cargo nextest run -p ragtime-cli committed_schema_is_current` \
             and review the change"
        );
    }
}

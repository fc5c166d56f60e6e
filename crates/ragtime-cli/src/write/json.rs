//! JSON in a documented, versioned schema (`docs/json-schema.md`, with the
//! generated JSON Schema in `docs/report.schema.json`). Keys come out in a
//! fixed order: the order of the fields below, and row cells in column
//! order.
//!
//! The types here and in `json/` mirror the report document so that its
//! JSON shape is stated in one place and does not change when the core's
//! types do; [`DOCUMENT_VERSION`] says which shape a file has. Here: the
//! document, its sections, tables and rows; `cell.rs`: a typed cell and
//! the values in it; `chart.rs`: chart data.

mod cell;
mod chart;

use std::collections::BTreeMap;
use std::io::{self, Write};

use ragtime_core::report::{
    Align, Column, DOCUMENT_VERSION, Document, Row, RowKind, Section, Table,
};
use schemars::JsonSchema;
use serde::Serialize;
use serde::ser::SerializeMap;

use super::cells;
use cell::CellJson;
use chart::ChartJson;

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
        chart: s.chart.as_ref().map(chart::chart),
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

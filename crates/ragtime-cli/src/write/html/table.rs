//! A table's view for the page: each typed cell in words, or set on lines
//! of its own (a measured date over its frequency, directions of travel
//! one over another); ratings as pills with their flags; the trend charts
//! in a column of their own beside the measure's name; and each column's
//! share of the printed width, from [`fit`](super::fit). Its rows are
//! written as HTML in `table/rows.rs`.

mod rows;

use std::collections::BTreeMap;

use minijinja::Value;
use ragtime_core::report::{Align, Cell, Row, RowKind, Sparkline, Table, Trend};
use serde::Serialize;

use super::fit::{self, Content};
use super::sparkline::{self, SparklineView};
use super::{
    PRINT, SIDEWAYS_LEAST_PT, SIDEWAYS_PADDING_PT, SPARK_LINES, SPARK_WIDTH_PT, SparkSize,
    css_number, swatch,
};
use crate::write::cells::{self, DateStyle};

#[derive(Serialize)]
pub(super) struct TableView<'a> {
    columns: Vec<ColumnView<'a>>,
    /// The rows as HTML, written by [`rows`], escaped: split into
    /// `<tbody>`s, a new one at each group heading, so a group's heading
    /// cell can scope its rows.
    rows: Value,
    /// The height of the heading row in print, as CSS, when some heading
    /// is set sideways: `35.4pt`.
    sideways: Option<String>,
}

#[derive(Serialize)]
struct ColumnView<'a> {
    heading: &'a str,
    right: bool,
    /// Counts, figures without a unit, directions of travel and the trend
    /// charts: printed with the heading turned sideways, so the column is
    /// as narrow as its cells.
    sideways: bool,
    /// Its share of the printed table's width: `12.5%`.
    width: String,
}

struct RowView {
    kind: &'static str,
    cells: Vec<CellView>,
}

struct CellView {
    text: String,
    /// CSS classes: `r` right-aligned, `date` and `id` kept on one line.
    class: String,
    rag: Option<RagView>,
    /// Directions of travel, one a line: one in most tables, two (the
    /// previous quarter, then the same quarter last year) in a measure's.
    trends: Vec<TrendView>,
    spark: Option<Box<SparklineView>>,
    /// The row's illustrative mark, shown after this cell's text.
    mark: Option<&'static str>,
    /// A cell set on lines of its own, each kept whole: a measured date
    /// over its frequency and whether it is up to date, a target date over
    /// where the target comes from (shown instead of `text`), and the
    /// directions of travel as `fit` measures them (shown as `trends`).
    lines: Vec<String>,
    /// The text as `fit` measures it when it is not `text`: with the mark
    /// after it, which prints on the same line.
    measured: Option<String>,
}

impl CellView {
    /// The cell with the row's illustrative mark after its text.
    fn marked(self, mark: Option<&'static str>) -> CellView {
        match mark {
            Some(mark) => CellView {
                measured: Some(format!("{} {mark}", self.text)),
                mark: Some(mark),
                ..self
            },
            None => self,
        }
    }
}

struct RagView {
    name: &'static str,
    label: String,
    flag: Option<String>,
}

struct TrendView {
    /// Empty when there is nothing to compare.
    arrow: &'static str,
    label: &'static str,
    /// What it is compared with, for screen readers, where a cell holds
    /// two.
    against: Option<&'static str>,
}

impl TrendView {
    fn new(trend: Trend, against: Option<&'static str>) -> TrendView {
        let arrow = match trend {
            Trend::Up => "\u{2191}",
            Trend::Down => "\u{2193}",
            Trend::Same => "\u{2192}",
            Trend::New => "\u{2022}",
            Trend::None => "",
        };
        let label = match trend {
            Trend::None => "\u{2013}",
            other => other.label(),
        };
        TrendView {
            arrow,
            label,
            against,
        }
    }

    /// As `fit` measures it: the arrow, a space and the word.
    fn text(&self) -> String {
        if self.arrow.is_empty() {
            self.label.to_string()
        } else {
            format!("{}\u{a0}{}", self.arrow, self.label)
        }
    }
}

/// The heading of the column of trend charts, set sideways.
const TREND_HEADING: &str = "Trend";

/// The table's view; with `sparklines`, each row's trend chart (found by
/// the text of the row's first cell) is drawn in a column of its own,
/// after the row's first text that is not an id (the measure's name),
/// beside the words rather than under them, so the row is no taller.
pub(super) fn table<'a>(
    t: &'a Table,
    sparklines: Option<&'a [Sparkline]>,
    anchor: &str,
    spark: &SparkSize,
) -> TableView<'a> {
    let charts = sparklines.map(|lines| Charts {
        by_row: lines.iter().map(|l| (l.id.as_str(), l)).collect(),
        at: 1
            + (0..t.columns.len())
                .find(|&i| t.columns[i].align == Align::Left && t.columns[i].key != "id")
                .unwrap_or(0),
    });
    let mut bodies: Vec<Vec<RowView>> = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        if row.kind == RowKind::Group || bodies.is_empty() {
            bodies.push(Vec::new());
        }
        let marked = cells::mark_column(&t.columns);
        let mut cells: Vec<CellView> = cells::aligned(&t.columns, row)
            .zip(&t.columns)
            .enumerate()
            .map(|(i, (c, col))| {
                cell(c, col.align == Align::Right, col.key == "id")
                    .marked(row.mark().filter(|_| i == marked))
            })
            .collect();
        if let Some(charts) = &charts {
            let at = charts.at.min(cells.len());
            cells.insert(at, charts.cell(row, format!("{anchor}-trend{}", r + 1)));
        }
        let kind = match row.kind {
            RowKind::Item => "item",
            RowKind::Group => "group",
            RowKind::Total => "total",
        };
        bodies
            .last_mut()
            .expect("a body was pushed above")
            .push(RowView { kind, cells });
    }
    let mut columns: Vec<ColumnView<'a>> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| ColumnView {
            heading: &c.heading,
            right: c.align == Align::Right,
            sideways: t.rows.iter().all(|r| {
                matches!(
                    r.cells.get(i),
                    None | Some(
                        Cell::Empty
                            | Cell::Count(_)
                            | Cell::Percent(_)
                            | Cell::Trend(_)
                            | Cell::Travel { .. }
                            | Cell::Number { unit: None, .. }
                    )
                )
            }),
            width: String::new(),
        })
        .collect();
    if let Some(charts) = &charts {
        let at = charts.at.min(columns.len());
        columns.insert(
            at,
            ColumnView {
                heading: TREND_HEADING,
                right: false,
                sideways: true,
                width: String::new(),
            },
        );
    }
    let sideways = fit_columns(&mut columns, &bodies);
    TableView {
        columns,
        rows: Value::from_safe_string(rows::write(&bodies, spark)),
        sideways,
    }
}

/// Where a table's trend charts go, and which row each belongs to.
struct Charts<'a> {
    /// By the text of the row's first cell (the measure's id).
    by_row: BTreeMap<&'a str, &'a Sparkline>,
    /// The index of the charts' column among the table's.
    at: usize,
}

impl Charts<'_> {
    /// The row's cell in the charts' column: its chart, or nothing.
    fn cell(&self, row: &Row, key: String) -> CellView {
        let first = row.cells.first().map(|c| cells::plain(c, DateStyle::Iso));
        let line = first.as_deref().and_then(|id| self.by_row.get(id));
        CellView {
            class: "spark".to_string(),
            spark: line.map(|line| Box::new(sparkline::view(key, line))),
            ..cell(&Cell::Empty, false, false)
        }
    }
}

/// Sets each column's share of the printed width from what its cells say;
/// returns the height of the heading row in print, as CSS, when some
/// heading is set sideways.
fn fit_columns(columns: &mut [ColumnView<'_>], bodies: &[Vec<RowView>]) -> Option<String> {
    let headings: Vec<fit::Heading<'_>> = columns
        .iter()
        .map(|c| fit::Heading {
            text: c.heading,
            sideways: c.sideways,
        })
        .collect();
    let rows: Vec<Vec<Content<'_>>> = bodies
        .iter()
        .flatten()
        .map(|r| r.cells.iter().map(content).collect())
        .collect();
    let mut page = PRINT.fit_page();
    let sideways = fit::sideways_height(page.heading, &headings, SIDEWAYS_LEAST_PT);
    page.sideways_pt = sideways.unwrap_or(SIDEWAYS_LEAST_PT);
    let shares = fit::shares(&page, &headings, &rows);
    for (column, share) in columns.iter_mut().zip(shares) {
        column.width = format!("{:.1}%", share * 100.0);
    }
    sideways.map(|h| format!("{}pt", css_number(h + SIDEWAYS_PADDING_PT)))
}

fn content(c: &CellView) -> Content<'_> {
    if let Some(r) = &c.rag {
        Content::Rating {
            label: &r.label,
            flag: r.flag.as_deref(),
        }
    } else if !c.lines.is_empty() {
        Content::Lines(&c.lines)
    } else if c.spark.is_some() {
        Content::Chart {
            width_pt: SPARK_WIDTH_PT,
            lines: SPARK_LINES,
        }
    } else if c.class.contains("date") || c.class.contains("id") {
        Content::Line(c.measured.as_deref().unwrap_or(&c.text))
    } else {
        Content::Words(c.measured.as_deref().unwrap_or(&c.text))
    }
}

/// `id` marks an id column: ids are kept on one line, since one broken at
/// a hyphen reads as two.
fn cell(c: &Cell, right: bool, id: bool) -> CellView {
    let mut classes = Vec::new();
    if right {
        classes.push("r");
    }
    if id {
        classes.push("id");
    }
    if matches!(c, Cell::Date(_)) {
        classes.push("date");
    }
    let mut view = CellView {
        text: String::new(),
        class: classes.join(" "),
        rag: None,
        trends: Vec::new(),
        spark: None,
        mark: None,
        lines: Vec::new(),
        measured: None,
    };
    match c {
        Cell::Rag(r) => {
            view.rag = Some(RagView {
                name: swatch(r.colour).name,
                label: r.label.clone(),
                flag: r.flag.clone(),
            })
        }
        Cell::Trend(Trend::None) => view.text = "\u{2013}".to_string(),
        Cell::Trend(t) => view.trends = vec![TrendView::new(*t, None)],
        Cell::Travel {
            quarter: Trend::None,
            year: Trend::None,
        } => view.text = "\u{2013}".to_string(),
        Cell::Travel { quarter, year } => {
            view.trends = vec![
                TrendView::new(*quarter, Some("against the previous quarter")),
                TrendView::new(*year, Some("against the same quarter last year")),
            ]
        }
        Cell::Measured {
            date,
            frequency,
            up_to_date,
        } => {
            let date = date.map(|d| cells::plain(&Cell::Date(d), DateStyle::Short));
            view.lines = date
                .into_iter()
                .chain(frequency.map(|f| f.to_string()))
                .chain(cells::up_to_date_words(*up_to_date).map(str::to_string))
                .collect();
        }
        Cell::TargetDate { date, basis } => {
            view.lines = vec![
                cells::plain(&Cell::Date(*date), DateStyle::Short),
                basis.label().to_string(),
            ]
        }
        other => view.text = cells::normalise_newlines(&cells::plain(other, DateStyle::Short)),
    }
    if !view.trends.is_empty() {
        view.lines = view.trends.iter().map(TrendView::text).collect();
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::report::{Column, ILLUSTRATIVE_MARK};

    fn col(key: &str, heading: &str) -> Column {
        Column {
            key: key.to_string(),
            heading: heading.to_string(),
            align: Align::Left,
        }
    }

    /// The bug: the illustrative mark after an id was not measured, so a
    /// long marked id ("CPS-P2-C10-M3 *") ran into the column beside it.
    #[test]
    fn an_id_column_is_wide_enough_for_the_mark_after_it() {
        let id = "CPS-P2-C10-M3";
        let table = Table {
            columns: vec![col("id", "Id"), col("title", "Milestone")],
            rows: vec![Row {
                kind: RowKind::Item,
                cells: vec![
                    Cell::Text(id.to_string()),
                    Cell::Text("Data sharing agreement with GP practices ".repeat(4)),
                ],
                illustrative: true,
            }],
        };
        let view = super::table(&table, None, "s1", &crate::write::html::spark_size());
        let share: f64 = view.columns[0].width.trim_end_matches('%').parse().unwrap();
        let page = PRINT.fit_page();
        let needed = page.body.width(&format!("{id} {ILLUSTRATIVE_MARK}")) + page.padding_pt;
        assert!(
            share / 100.0 * page.width_pt >= needed - 0.5,
            "{share}% for {needed}pt"
        );
        let rows = view.rows.as_str().unwrap();
        assert!(
            rows.contains(&format!(
                "<th scope=\"row\" class=\"id\">{id} <span aria-hidden=\"true\">{ILLUSTRATIVE_MARK}</span>"
            )),
            "{rows}"
        );
    }
}

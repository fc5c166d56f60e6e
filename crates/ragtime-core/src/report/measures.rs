//! Measures: each indicator's latest value against its target and
//! tolerance, its rating, its direction of travel against the previous
//! quarter and the same quarter last year, and its comparators.

use super::cells::*;
use super::context::Context;
use super::doc::*;
use crate::model::*;
use crate::rating::number;
use crate::rollup::Scope;

/// The measures of `scope` as a whole document.
pub fn measures(ctx: &Context, scope: &Scope) -> Document {
    let mut facts = ctx.facts();
    facts.push((
        "Compared with".to_string(),
        format!(
            "{} (end of {}) and {} (end of {})",
            ctx.quarter.previous().end(),
            ctx.quarter.previous(),
            ctx.quarter.year_earlier().end(),
            ctx.quarter.year_earlier()
        ),
    ));
    Document {
        kind: "measures".to_string(),
        title: "Measures".to_string(),
        as_at: ctx.as_of,
        facts,
        sections: measures_sections(ctx, scope),
    }
}

/// One section per strategy with measures in scope, in plan order.
pub fn measures_sections(ctx: &Context, scope: &Scope) -> Vec<Section> {
    let model = ctx.model;
    let mut sections = Vec::new();
    for (s, strategy) in model.strategies.iter().enumerate() {
        let list: Vec<MeasureIx> = ctx.tree.measures[s]
            .iter()
            .copied()
            .filter(|&m| scope.has_measure(m))
            .collect();
        if list.is_empty() {
            continue;
        }
        sections.push(Section {
            id: format!("measures-{}", strategy.id),
            heading: format!("{} {}", strategy.id, strategy.title),
            intro: Vec::new(),
            table: Some(Table {
                columns: columns(),
                rows: list.iter().map(|&m| row(ctx, m)).collect(),
            }),
            notes: vec![note(ctx)],
            chart: Some(sparklines(ctx, &list)),
        });
    }
    if sections.is_empty() {
        sections.push(Section {
            id: "measures".to_string(),
            heading: "Measures".to_string(),
            intro: vec!["No measures in scope.".to_string()],
            table: None,
            notes: Vec::new(),
            chart: None,
        });
    }
    sections
}

fn columns() -> Vec<Column> {
    vec![
        col("id", "Id", Align::Left),
        col("measure", "Measure", Align::Left),
        col("latest", "Latest", Align::Right),
        col("measured", "Measured", Align::Left),
        col("target", "Target", Align::Right),
        col("target_date", "Target date", Align::Left),
        col("tolerance", "Tolerance", Align::Right),
        col("rag", "RAG", Align::Left),
        col("vs_previous", "vs previous quarter", Align::Left),
        col("vs_last_year", "vs last year", Align::Left),
        col("comparators", "Comparators", Align::Left),
    ]
}

fn row(ctx: &Context, ix: MeasureIx) -> Row {
    let m = ctx.model.measure(ix);
    let r = ctx.ratings.measure(ix);
    let value = |v: f64| Cell::Number {
        text: number(v),
        unit: m.unit.clone(),
    };
    let latest = r.latest.map(|i| &m.actual[i]);
    let comparators = m
        .comparators
        .iter()
        .map(|c| {
            let unit = m.unit.as_deref().map_or(String::new(), |u| {
                if u == "%" {
                    u.to_string()
                } else {
                    format!(" {u}")
                }
            });
            match c.date {
                Some(d) => format!("{} {}{unit} ({d})", c.name, number(c.value)),
                None => format!("{} {}{unit}", c.name, number(c.value)),
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    Row {
        kind: RowKind::Item,
        cells: vec![
            text(&m.id),
            text(&m.name),
            latest.map_or(Cell::Empty, |p| value(p.value)),
            latest.map_or(Cell::Empty, |p| Cell::Date(p.date)),
            m.target.as_ref().map_or(Cell::Empty, |t| value(t.value)),
            m.target
                .as_ref()
                .map_or(Cell::Empty, |t| Cell::Date(t.date)),
            m.tolerance.map_or(Cell::Empty, |t| value(t.abs())),
            Cell::Rag(RagCell {
                colour: r.rag.colour(),
                label: r.rag.label().to_string(),
                flag: None,
            }),
            Cell::Trend(r.vs_previous),
            Cell::Trend(r.vs_year_earlier),
            if comparators.is_empty() {
                Cell::Empty
            } else {
                text(comparators)
            },
        ],
    }
}

/// A sparkline per measure: the values measured on or before the as-at
/// date, with the baseline and the target when the plan gives them.
fn sparklines(ctx: &Context, list: &[MeasureIx]) -> Chart {
    let point = |p: &Point| ChartPoint {
        date: p.date,
        value: p.value,
        text: number(p.value),
    };
    let series = |role, label: &str, points: Vec<ChartPoint>| Series {
        role,
        label: label.to_string(),
        points,
    };
    let lines = list
        .iter()
        .map(|&ix| {
            let m = ctx.model.measure(ix);
            let shown = ctx.ratings.measure(ix).latest.map_or(0, |i| i + 1);
            let mut all = Vec::new();
            if let Some(t) = &m.target {
                all.push(series(SeriesRole::Target, "target", vec![point(t)]));
            }
            if let Some(b) = &m.baseline {
                all.push(series(SeriesRole::Baseline, "baseline", vec![point(b)]));
            }
            let measured: Vec<ChartPoint> = m.actual[..shown].iter().map(point).collect();
            if !measured.is_empty() {
                all.push(series(SeriesRole::Actual, "measured", measured));
            }
            Sparkline {
                id: m.id.clone(),
                label: m.name.clone(),
                unit: m.unit.clone(),
                better: m.direction,
                series: all,
            }
        })
        .collect();
    Chart::Sparklines { lines }
}

fn note(ctx: &Context) -> String {
    format!(
        "Latest is the last value measured on or before {}. Green: target met; Amber: short \
         of target by no more than the tolerance; Red: short by more. Travel compares the \
         latest value with the one in force at the end of {} and of {}: up = better, down = \
         worse (whichever way the measure counts as better), new = nothing to compare.",
        ctx.as_of,
        ctx.quarter.previous(),
        ctx.quarter.year_earlier()
    )
}

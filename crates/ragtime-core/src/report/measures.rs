//! Measures: each indicator's latest value against the target in force at
//! the as-at date (interim, on a trajectory, or final) and its tolerance,
//! whether that value is out of date for how often it is reported, its
//! rating, its direction of travel against the previous quarter and the
//! same quarter last year, and its comparators.

use super::cells::*;
use super::context::Context;
use super::doc::*;
use super::marks;
use crate::measure::TargetBasis;
use crate::model::*;
use crate::rating::{freshness_text, number};
use crate::rollup::Scope;

/// The measures of `scope` as a whole document.
pub fn measures(ctx: &Context, scope: &Scope) -> Document {
    let (mut facts, freshness) = ctx.facts_for(scope);
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
    let mut sections = measures_sections(ctx, scope);
    super::notes::say_once(&mut sections);
    Document {
        kind: "measures".to_string(),
        title: "Measures".to_string(),
        as_at: ctx.as_of,
        facts,
        sections,
        freshness: Some(freshness),
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
            narratives: Vec::new(),
        });
    }
    if sections.is_empty() {
        sections.push(Section {
            id: "measures".to_string(),
            heading: "Measures".to_string(),
            intro: vec!["No measures in scope.".to_string()],
            table: Some(Table {
                columns: columns(),
                rows: Vec::new(),
            }),
            notes: Vec::new(),
            chart: None,
            narratives: Vec::new(),
        });
    }
    sections.iter_mut().for_each(marks::legend);
    sections
}

/// One row per measure, compact enough to print: the unit said once, in
/// its own column, and the figures without it; the measured date, the
/// reporting frequency and whether the value is up to date in one cell;
/// the target's date and where it comes from, in a word (`ragtime
/// explain` gives the details), in one; both directions of travel in one.
fn columns() -> Vec<Column> {
    vec![
        col("id", "Id", Align::Left),
        col("measure", "Measure", Align::Left),
        col("unit", "Unit", Align::Left),
        col("latest", "Latest", Align::Right),
        col("measured", "Measured", Align::Left),
        col("target", "Target", Align::Right),
        col("target_date", "Target date", Align::Left),
        col("tolerance", "Tolerance", Align::Right),
        col("rag", "RAG", Align::Left),
        col("travel", "Travel (quarter / year)", Align::Left),
        col("comparators", "Comparators", Align::Left),
    ]
}

fn row(ctx: &Context, ix: MeasureIx) -> Row {
    let m = ctx.model.measure(ix);
    let r = ctx.ratings.measure(ix);
    // Figures without the unit, which the row says once.
    let value = |v: f64| Cell::Number {
        text: number(v),
        unit: None,
    };
    let latest = r.latest.map(|i| &m.actual[i]);
    let measured = match (latest, m.frequency) {
        (None, None) => Cell::Empty,
        (latest, frequency) => Cell::Measured {
            date: latest.map(|p| p.date),
            frequency,
            up_to_date: latest.and(frequency).map(|_| !r.is_out_of_date()),
        },
    };
    Row {
        kind: RowKind::Item,
        cells: vec![
            text(&m.id),
            text(&m.name),
            opt_text(m.unit.as_deref().filter(|u| !u.is_empty())),
            latest.map_or(Cell::Empty, |p| value(p.value)),
            measured,
            r.target.as_ref().map_or(Cell::Empty, |t| value(t.value)),
            r.target.as_ref().map_or(Cell::Empty, |t| Cell::TargetDate {
                date: t.date,
                basis: source(t.basis),
            }),
            m.tolerance.map_or(Cell::Empty, |t| value(t.abs())),
            Cell::Rag(RagCell {
                colour: r.rag.colour(),
                label: r.rag.label().to_string(),
                flag: freshness_text(m, r),
            }),
            Cell::Travel {
                quarter: r.vs_previous,
                year: r.vs_year_earlier,
            },
            comparators(m),
        ],
        illustrative: m.illustrative,
    }
}

/// The comparators, each with its date when it has one. A comparator in
/// the measure's own unit is given as a bare figure, as the row's other
/// figures are; one that counts another population (all pupils beside
/// children in care) says its own unit.
fn comparators(m: &Measure) -> Cell {
    let words: Vec<String> = m
        .comparators
        .iter()
        .map(|c| {
            let unit = match c.unit.as_deref() {
                Some(u) if Some(u) != m.unit.as_deref() && !u.is_empty() => {
                    if u == "%" {
                        u.to_string()
                    } else {
                        format!(" {u}")
                    }
                }
                _ => String::new(),
            };
            match c.date {
                Some(d) => format!("{} {}{unit} ({d})", c.name, number(c.value)),
                None => format!("{} {}{unit}", c.name, number(c.value)),
            }
        })
        .collect();
    if words.is_empty() {
        Cell::Empty
    } else {
        text(words.join("; "))
    }
}

/// A sparkline per measure: the values measured on or before the as-at
/// date, with the baseline and the targets (interim and final, along the
/// trajectory when one is declared) when the plan gives them.
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
            // The targets in date order: interim ones, then the final one;
            // a declared trajectory starts from the baseline.
            let mut targets: Vec<ChartPoint> = Vec::new();
            if m.trajectory.is_some() {
                targets.extend(m.baseline.iter().map(point));
            }
            targets.extend(m.interim.iter().map(point));
            targets.extend(m.target.iter().map(point));
            if !targets.is_empty() {
                let label = match (m.trajectory.is_some(), m.interim.is_empty()) {
                    (true, _) => "trajectory",
                    (false, true) => "target",
                    (false, false) => "targets",
                };
                all.push(series(SeriesRole::Target, label, targets));
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

/// Where the target in force comes from, in a word: the details (the
/// interim and final targets, the trajectory's ends) are in `ragtime
/// explain`, as the note under the table says.
fn source(basis: TargetBasis) -> TargetSource {
    match basis {
        TargetBasis::Final => TargetSource::Final,
        TargetBasis::Interim => TargetSource::Interim,
        TargetBasis::Baseline => TargetSource::Baseline,
        TargetBasis::Trajectory { .. } => TargetSource::Trajectory,
    }
}

fn note(ctx: &Context) -> String {
    format!(
        "Latest is the last value measured on or before {}; it, the target, the tolerance \
         and the comparators are in the row's unit unless they say another. Measured: the \
         latest value's date, how often the measure is reported, and whether the value is \
         up to date for that (monthly 31 days, quarterly 92, termly 153, six-monthly 184, \
         annual 366, each with {} days' grace); a measure with no reporting frequency is not \
         judged. Target is the target in force then, and Target date its date and where it \
         comes from: interim (the next interim target due), trajectory (the point on a \
         declared straight line between two dated targets, to two decimal places), \
         baseline (where such a line starts) or final (the final target); `ragtime explain \
         ID` lists a measure's targets and how the one in force was found. Green: target \
         met; Amber: short of target by no more than the tolerance; Red: short by more. A \
         rating on an out-of-date value is flagged, and an out-of-date Red does not turn \
         on-target milestones Amber. Travel compares the latest value with the one in force \
         at the end of {}, then of {}: up = better, down = worse (whichever way the measure \
         counts as better), same, new = nothing to compare.",
        ctx.as_of,
        ctx.settings.out_of_date_grace_days,
        ctx.quarter.previous(),
        ctx.quarter.year_earlier()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bug: the share of all pupils with an EHCP (4.0%) was shown as
    /// "4 % of children in care", in the unit of the measure beside it. A
    /// comparator that counts another population says so in its own unit;
    /// one in the measure's unit is a bare figure, as the row's others are.
    #[test]
    fn a_comparator_with_its_own_unit_keeps_it() {
        let plans = crate::testing::framed(
            "hos",
            "board",
            r#"
[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "board"
name = "Board"

[[measure]]
id = "S-M-EHCP"
strategy = "S"
name = "Children in care with an EHCP"
unit = "% of children in care"
direction = "higher"
actual = [{ date = 2024-06-30, value = 30.7 }]
comparators = [
  { name = "All pupils", value = 4.0, unit = "% of pupils", date = 2024-06-30 },
  { name = "Children in care nationally", value = 29.5 },
]
"#,
        );
        let ctx = Context::new(&plans, "2025-09-30".parse().unwrap()).unwrap();
        let doc = measures(&ctx, &Scope::portfolio(ctx.model));
        let table = doc.sections[0].table.as_ref().unwrap();
        let at = table
            .columns
            .iter()
            .position(|c| c.key == "comparators")
            .unwrap();
        assert_eq!(
            table.rows[0].cells[at],
            Cell::Text(
                "All pupils 4 % of pupils (2024-06-30); Children in care nationally 29.5"
                    .to_string()
            )
        );
    }
}

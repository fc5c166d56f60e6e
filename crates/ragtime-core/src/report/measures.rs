//! Measures: each indicator's latest value against the target in force at
//! the as-at date (interim, on a trajectory, or final) and its tolerance,
//! whether that value is out of date for how often it is reported, its
//! rating, its direction of travel against the previous quarter and the
//! same quarter last year, and its comparators.

use super::cells::*;
use super::context::Context;
use super::doc::*;
use super::marks;
use crate::measure::{PointKind, TargetBasis};
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
    Document {
        kind: "measures".to_string(),
        title: "Measures".to_string(),
        as_at: ctx.as_of,
        facts,
        sections: measures_sections(ctx, scope),
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

fn columns() -> Vec<Column> {
    vec![
        col("id", "Id", Align::Left),
        col("measure", "Measure", Align::Left),
        col("latest", "Latest", Align::Right),
        col("measured", "Measured", Align::Left),
        col("frequency", "Reported", Align::Left),
        col("up_to_date", "Up to date", Align::Left),
        col("target", "Target", Align::Right),
        col("target_date", "Target date", Align::Left),
        col("target_basis", "Target basis", Align::Left),
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
    let up_to_date = match (m.frequency, latest) {
        (Some(_), Some(_)) => text(if r.is_out_of_date() { "no" } else { "yes" }),
        _ => Cell::Empty,
    };
    let comparators = m
        .comparators
        .iter()
        .map(|c| {
            // A comparator may count another population than the measure
            // (all pupils beside children in care): its own unit wins.
            let unit = c.unit.as_deref().or(m.unit.as_deref());
            let unit = unit.map_or(String::new(), |u| {
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
            m.frequency.map_or(Cell::Empty, |f| text(f.as_str())),
            up_to_date,
            r.target.as_ref().map_or(Cell::Empty, |t| value(t.value)),
            r.target
                .as_ref()
                .map_or(Cell::Empty, |t| Cell::Date(t.date)),
            target_basis(m, r.target.as_ref().map(|t| t.basis)),
            m.tolerance.map_or(Cell::Empty, |t| value(t.abs())),
            Cell::Rag(RagCell {
                colour: r.rag.colour(),
                label: r.rag.label().to_string(),
                flag: freshness_text(m, r),
            }),
            Cell::Trend(r.vs_previous),
            Cell::Trend(r.vs_year_earlier),
            if comparators.is_empty() {
                Cell::Empty
            } else {
                text(comparators)
            },
        ],
        illustrative: m.illustrative,
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

/// Which target is in force: "final target", "interim target (final 25
/// by 2027-12-31)", "trajectory: 0 on 2024-12-31 to 8 on 2025-12-31 (final
/// 25 by 2027-12-31)". Values without their unit, which the Target column
/// shows.
fn target_basis(m: &Measure, basis: Option<TargetBasis>) -> Cell {
    let (Some(basis), Some(last)) = (basis, &m.target) else {
        return Cell::Empty;
    };
    let last = format!(" (final {} by {})", number(last.value), last.date);
    text(match basis {
        TargetBasis::Final => "final target".to_string(),
        TargetBasis::Interim => format!("interim target{last}"),
        TargetBasis::Baseline => format!("baseline, where the trajectory starts{last}"),
        TargetBasis::Trajectory { from, to } => format!(
            "trajectory: {} on {} to {} on {}{}",
            number(from.value),
            from.date,
            number(to.value),
            to.date,
            if to.kind == PointKind::Final {
                ""
            } else {
                &last
            }
        ),
    })
}

fn note(ctx: &Context) -> String {
    format!(
        "Latest is the last value measured on or before {}. Target is the target in force \
         then: the next interim target due, the point on a declared trajectory (a straight \
         line between two dated targets, to two decimal places), or the final target. Green: \
         target met; Amber: short of target by no more than the tolerance; Red: short by more. \
         Up to date: whether the latest value is recent enough for how often the measure is \
         reported (monthly 31 days, quarterly 92, termly 153, six-monthly 184, annual 366, \
         each with {} days' grace); a measure with no reporting frequency is not judged. A \
         rating on an out-of-date value is flagged, and an out-of-date Red does not turn \
         on-target milestones Amber. Travel compares the latest value with the one in force \
         at the end of {} and of {}: up = better, down = worse (whichever way the measure \
         counts as better), new = nothing to compare.",
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
    /// comparator that counts another population says so in its own unit.
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
                "All pupils 4 % of pupils (2024-06-30); \
                 Children in care nationally 29.5 % of children in care"
                    .to_string()
            )
        );
    }
}

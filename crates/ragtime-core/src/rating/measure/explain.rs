//! A measure's rating in words: where its target in force comes from, why
//! its latest value is flagged as out of date, and the facts and rule
//! behind the rating, one step per line, for `explain`.

use chrono::NaiveDate;

use super::{MeasureRag, MeasureRating};
use crate::measure::{Freshness, TargetBasis, TargetInForce, number, shortfall};
use crate::model::{Direction, Frequency, Measure, Point};
use crate::settings::Settings;

/// "%" sits on the number; other units follow a space.
pub(crate) fn unit_suffix(m: &Measure) -> String {
    match m.unit.as_deref() {
        None | Some("") => String::new(),
        Some("%") => "%".to_string(),
        Some(u) => format!(" {u}"),
    }
}

/// Where the target in force comes from, in words: "final target, by
/// 2027-12-31", "interim target, by 2025-12-31",
/// "trajectory from 0 on 2024-12-31 to 8 on 2025-12-31".
pub fn target_basis_text(t: &TargetInForce) -> String {
    match t.basis {
        TargetBasis::Final => format!("final target, by {}", t.date),
        TargetBasis::Interim => format!("interim target, by {}", t.date),
        TargetBasis::Baseline => format!("start of the trajectory (baseline of {})", t.date),
        TargetBasis::Trajectory { from, to } => format!(
            "trajectory from {} on {} to {} on {}",
            number(from.value),
            from.date,
            number(to.value),
            to.date
        ),
    }
}

/// Why a measure's rating is flagged for the freshness of its latest
/// value, in few words (the row beside it gives the value's date and the
/// reporting frequency), or `None` when there is nothing to say:
/// "out of date: 124 days old; quarterly allows 123".
pub fn freshness_text(m: &Measure, r: &MeasureRating) -> Option<String> {
    let frequency = m.frequency?;
    r.latest?;
    match r.freshness {
        Freshness::OutOfDate {
            age_days,
            allowed_days,
        } => Some(format!(
            "out of date: {age_days} days old; {frequency} allows {allowed_days}"
        )),
        Freshness::Current { .. } | Freshness::NotJudged | Freshness::NoValue => None,
    }
}

/// The facts and rule behind a measure's rating, one step per line.
pub fn explain_measure(
    m: &Measure,
    r: &MeasureRating,
    settings: &Settings,
    as_of: NaiveDate,
) -> Vec<String> {
    let unit = unit_suffix(m);
    let better = match m.direction {
        Direction::Higher => "higher is better",
        Direction::Lower => "lower is better",
    };
    let mut steps = Vec::new();
    let Some(i) = r.latest else {
        steps.push(format!("no value measured on or before {as_of}"));
        steps.push(format!("-> {} (rule: no data)", r.rag.label()));
        return steps;
    };
    let later = m.actual.len() - i - 1;
    steps.push(format!(
        "latest value as at {as_of}: {}{unit} (measured {}){}",
        number(m.actual[i].value),
        m.actual[i].date,
        match later {
            0 => String::new(),
            1 => "; 1 later value is ignored".to_string(),
            n => format!("; {n} later values are ignored"),
        }
    ));
    steps.push(match (m.frequency, r.freshness) {
        (Some(f), Freshness::Current { age_days, allowed_days })
        | (Some(f), Freshness::OutOfDate { age_days, allowed_days }) => format!(
            "reported {}: out of date when more than {allowed_days} days old ({} days and {} days' grace); the latest is {age_days} days old: {}",
            if f == Frequency::Annual { "annually" } else { f.as_str() },
            f.period_days(),
            settings.out_of_date_grace_days,
            if r.is_out_of_date() {
                "out of date"
            } else {
                "up to date"
            }
        ),
        _ => "no reporting frequency set: never judged out of date".to_string(),
    });
    let Some(t) = &r.target else {
        steps.push("no target set".to_string());
        steps.push(format!("-> {} (rule: no target)", r.rag.label()));
        return steps;
    };
    steps.extend(targets_set(m));
    steps.push(format!(
        "target in force as at {as_of}: {}{unit}, {}",
        number(t.value),
        in_force_text(t, as_of)
    ));
    let tolerance = m.tolerance.unwrap_or(0.0).abs();
    steps.push(format!("{better}; tolerance {}{unit}", number(tolerance)));
    let short = shortfall(m.direction, m.actual[i].value, t.value);
    let rule = match r.rag {
        MeasureRag::Green => "target met".to_string(),
        MeasureRag::Amber => format!("short by {}{unit}, within tolerance", number(short)),
        _ => format!("short by {}{unit}, outside tolerance", number(short)),
    };
    if r.is_out_of_date() {
        steps.push(if r.rag == MeasureRag::Red {
            "the rating stands on an out-of-date value and is flagged; being out of date, it does not turn on-target milestones Amber".to_string()
        } else {
            "the rating stands on an out-of-date value and is flagged".to_string()
        });
    }
    steps.push(format!("-> {} (rule: {rule})", r.rag.label()));
    for (what, earlier, travel) in [
        ("the previous quarter", r.previous, r.vs_previous),
        (
            "the same quarter last year",
            r.year_earlier,
            r.vs_year_earlier,
        ),
    ] {
        steps.push(match earlier {
            Some(e) => format!(
                "against {what}: {}{unit} (measured {}) -> {}",
                number(m.actual[e].value),
                m.actual[e].date,
                travel.label()
            ),
            None => format!("against {what}: no value to compare -> {}", travel.label()),
        });
    }
    steps
}

/// The measure's targets as set, when there is more than the final one:
/// "interim targets: 8 by 2025-12-31, 16 by 2026-12-31; final target: 25
/// by 2027-12-31; linear trajectory from the baseline, 0 on 2024-12-31".
fn targets_set(m: &Measure) -> Option<String> {
    if m.interim.is_empty() && m.trajectory.is_none() {
        return None;
    }
    let unit = unit_suffix(m);
    let by = |p: &Point| format!("{}{unit} by {}", number(p.value), p.date);
    let mut parts = Vec::new();
    if !m.interim.is_empty() {
        let list: Vec<String> = m.interim.iter().map(by).collect();
        parts.push(format!("interim targets: {}", list.join(", ")));
    }
    if let Some(t) = &m.target {
        parts.push(format!("final target: {}", by(t)));
    }
    if m.trajectory.is_some()
        && let Some(b) = &m.baseline
    {
        parts.push(format!(
            "linear trajectory from the baseline, {}{unit} on {}",
            number(b.value),
            b.date
        ));
    }
    Some(parts.join("; "))
}

/// "the final target, by 2027-12-31", or how a trajectory's value was
/// worked out.
fn in_force_text(t: &TargetInForce, as_of: NaiveDate) -> String {
    match t.basis {
        TargetBasis::Final => format!("the final target, by {}", t.date),
        TargetBasis::Interim => format!(
            "the interim target due {}, the next due on or after {as_of}",
            t.date
        ),
        TargetBasis::Baseline => format!("the baseline of {}: the trajectory starts there", t.date),
        TargetBasis::Trajectory { from, to } => {
            let span = (to.date - from.date).num_days();
            let along = (as_of - from.date).num_days();
            format!(
                "on the straight line from {} ({}, {}) to {} ({}, {}), {along} of {span} days along, to two decimal places",
                number(from.value),
                from.kind.name(),
                from.date,
                number(to.value),
                to.kind.name(),
                to.date
            )
        }
    }
}

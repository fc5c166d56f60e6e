//! A measure's rating as at a date: its latest value against the target in
//! force then (interim, on the trajectory, or final) and its tolerance,
//! whether that value is out of date, and its direction of travel.
//! `explain.rs` says it in words, one step per line, for `explain`.

mod explain;

use chrono::NaiveDate;

use super::{Colour, Trend};
use crate::measure::{Freshness, TargetInForce, shortfall, target_at};
use crate::model::{Direction, Measure, Point};
use crate::period::Quarter;
use crate::settings::Settings;

pub use explain::{explain_measure, freshness_text, target_basis_text};

/// A measure's rating against its target and tolerance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeasureRag {
    /// On or beyond target, in the direction that is better.
    Green,
    /// Short of target by no more than the tolerance.
    Amber,
    /// Short of target by more than the tolerance.
    Red,
    /// No value measured on or before the date.
    NoData,
    /// No target set.
    NoTarget,
}

impl MeasureRag {
    pub fn colour(self) -> Colour {
        match self {
            MeasureRag::Green => Colour::Green,
            MeasureRag::Amber => Colour::Amber,
            MeasureRag::Red => Colour::Red,
            MeasureRag::NoData | MeasureRag::NoTarget => Colour::Grey,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MeasureRag::Green => "Green",
            MeasureRag::Amber => "Amber",
            MeasureRag::Red => "Red",
            MeasureRag::NoData => "No data",
            MeasureRag::NoTarget => "No target",
        }
    }
}

/// A measure's rating as at a date, and its direction of travel.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureRating {
    pub rag: MeasureRag,
    /// Index into `actual` of the latest value on or before the date.
    pub latest: Option<usize>,
    /// The latest value at the end of the previous quarter.
    pub previous: Option<usize>,
    /// The latest value at the end of the same quarter a year before.
    pub year_earlier: Option<usize>,
    /// Better, worse or the same as at the end of the previous quarter.
    pub vs_previous: Trend,
    /// Better, worse or the same as at the end of the same quarter last year.
    pub vs_year_earlier: Trend,
    /// The target in force at the date, and where it comes from.
    pub target: Option<TargetInForce>,
    /// Whether the latest value is out of date for the reporting frequency.
    pub freshness: Freshness,
}

impl MeasureRating {
    /// The latest value is older than the reporting frequency allows.
    pub fn is_out_of_date(&self) -> bool {
        self.freshness.is_out_of_date()
    }

    /// Red on a value that is not out of date: evidence that contradicts a
    /// milestone marked on target (rule 6 in `docs/rag-rules.md`).
    pub fn is_red_evidence(&self) -> bool {
        self.rag == MeasureRag::Red && !self.is_out_of_date()
    }
}

/// The index of the latest value dated on or before `date`.
fn latest_on_or_before(series: &[Point], date: NaiveDate) -> Option<usize> {
    series.partition_point(|p| p.date <= date).checked_sub(1)
}

/// Rates a measure as at `as_of`: its latest value against the target in
/// force and the tolerance, whether that value is out of date, and its
/// direction of travel since the end of the previous quarter and of the
/// same quarter last year.
pub fn rate_measure(m: &Measure, settings: &Settings, as_of: NaiveDate) -> MeasureRating {
    let latest = latest_on_or_before(&m.actual, as_of);
    let target = target_at(m, as_of);
    let rag = match (latest, &target) {
        (None, _) => MeasureRag::NoData,
        (Some(_), None) => MeasureRag::NoTarget,
        (Some(i), Some(t)) => {
            let short = shortfall(m.direction, m.actual[i].value, t.value);
            let tolerance = m.tolerance.unwrap_or(0.0).abs();
            if short <= 0.0 {
                MeasureRag::Green
            } else if short <= tolerance {
                MeasureRag::Amber
            } else {
                MeasureRag::Red
            }
        }
    };
    let freshness = Freshness::judge(
        m.frequency,
        latest.map(|i| m.actual[i].date),
        as_of,
        settings.out_of_date_grace_days,
    );
    let (previous, year_earlier) = match Quarter::containing(as_of) {
        Ok(q) => (
            latest_on_or_before(&m.actual, q.previous().end()),
            latest_on_or_before(&m.actual, q.year_earlier().end()),
        ),
        Err(_) => (None, None),
    };
    let travel = |earlier: Option<usize>| match (latest, earlier) {
        (Some(now), Some(then)) => trend(m.direction, m.actual[then].value, m.actual[now].value),
        (Some(_), None) => Trend::New,
        (None, _) => Trend::None,
    };
    MeasureRating {
        rag,
        latest,
        previous,
        year_earlier,
        vs_previous: travel(previous),
        vs_year_earlier: travel(year_earlier),
        target,
        freshness,
    }
}

/// Up when the value moved the better way, down when the worse way.
fn trend(direction: Direction, then: f64, now: f64) -> Trend {
    let better = -shortfall(direction, now, then);
    if better > 0.0 {
        Trend::Up
    } else if better < 0.0 {
        Trend::Down
    } else {
        Trend::Same
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::TargetBasis;
    use crate::rating::testing::{MEASURE, d, plans};

    /// The one measure of `text`, in strategy `S` (2024 to 2027).
    fn measure_of(text: &str) -> Measure {
        plans(text).model.measures[0].clone()
    }

    fn rate_measure_text(text: &str, as_of: &str) -> MeasureRating {
        rate_measure(&measure_of(text), &Settings::default(), d(as_of))
    }

    #[test]
    fn measure_rated_from_target_tolerance_and_direction() {
        assert_eq!(
            rate_measure_text(MEASURE, "2025-07-01").rag,
            MeasureRag::Amber
        );
        assert_eq!(
            rate_measure_text(MEASURE, "2025-09-30").rag,
            MeasureRag::Red
        );
        assert_eq!(
            rate_measure_text(MEASURE, "2024-01-01").rag,
            MeasureRag::NoData
        );
        let lower = MEASURE.replace("higher", "lower");
        assert_eq!(
            rate_measure_text(&lower, "2025-09-30").rag,
            MeasureRag::Green
        );
        assert_eq!(
            rate_measure_text(&lower, "2025-07-01").rag,
            MeasureRag::Green
        );
        let no_target = MEASURE.replace("target = { date = 2027-03-31, value = 92 }", "");
        assert_eq!(
            rate_measure_text(&no_target, "2025-09-30").rag,
            MeasureRag::NoTarget
        );
    }

    #[test]
    fn measure_exactly_on_target_or_tolerance_edge() {
        let on = MEASURE.replace("value = 89", "value = 92");
        assert_eq!(rate_measure_text(&on, "2025-09-30").rag, MeasureRag::Green);
        let edge = MEASURE.replace("value = 89", "value = 90");
        assert_eq!(
            rate_measure_text(&edge, "2025-09-30").rag,
            MeasureRag::Amber
        );
    }

    #[test]
    fn measure_direction_of_travel() {
        let r = rate_measure_text(MEASURE, "2025-09-30");
        // 91 at the end of Q1, 80 a year before; now 89.
        assert_eq!((r.vs_previous, r.vs_year_earlier), (Trend::Down, Trend::Up));
        let lower = MEASURE.replace("higher", "lower");
        let r = rate_measure_text(&lower, "2025-09-30");
        assert_eq!((r.vs_previous, r.vs_year_earlier), (Trend::Up, Trend::Down));
        let r = rate_measure_text(MEASURE, "2024-12-31");
        assert_eq!(
            (r.vs_previous, r.vs_year_earlier),
            (Trend::Same, Trend::New)
        );
    }

    /// Young people learning to drive (CPS-M-7.6 in the shipped plans): 11
    /// as at 30 September 2025, against 25 by December 2027.
    const DRIVING: &str = r#"
[[measure]]
id = "DRIVE"
strategy = "S"
name = "Young people learning to drive"
unit = "young people"
direction = "higher"
baseline = { date = 2024-12-31, value = 0 }
target = { date = 2027-12-31, value = 25 }
tolerance = 3
actual = [
  { date = 2025-03-31, value = 6 },
  { date = 2025-06-30, value = 9 },
  { date = 2025-09-30, value = 11 },
]
"#;

    /// The bug: a measure was rated against its end-of-strategy target from
    /// the first day, so 11 of 25 two years early was Red.
    #[test]
    fn a_measure_is_rated_against_the_target_in_force_not_the_final_one() {
        let r = rate_measure_text(DRIVING, "2025-09-30");
        assert_eq!(r.rag, MeasureRag::Red);
        let interim = DRIVING.replace(
            "tolerance = 3",
            "tolerance = 3\ninterim = [{ date = 2025-12-31, value = 8 }, { date = 2026-12-31, value = 16 }]",
        );
        let r = rate_measure_text(&interim, "2025-09-30");
        let t = r.target.unwrap();
        assert_eq!((t.value, t.basis), (8.0, TargetBasis::Interim));
        assert_eq!(r.rag, MeasureRag::Green);
        // A year on, 13 against 16: short by 3, within tolerance.
        let later = interim.replace(
            "{ date = 2025-09-30, value = 11 },",
            "{ date = 2025-09-30, value = 11 },\n  { date = 2026-09-30, value = 13 },",
        );
        assert_eq!(
            rate_measure_text(&later, "2026-09-30").rag,
            MeasureRag::Amber
        );
    }

    #[test]
    fn a_trajectory_rates_against_the_line() {
        let linear = DRIVING.replace("tolerance = 3", "tolerance = 1\ntrajectory = \"linear\"");
        // 273 of 1095 days along from 0 to 25: 6.23.
        let r = rate_measure_text(&linear, "2025-09-30");
        assert_eq!(r.target.unwrap().value, 6.23);
        assert_eq!(r.rag, MeasureRag::Green);
        // 6 at the end of March, against 2.47 on the line: Green; 9 at the
        // end of June against 4.36: Green.
        assert_eq!(
            rate_measure_text(&linear, "2025-03-31").rag,
            MeasureRag::Green
        );
        let m = measure_of(&linear);
        let steps = explain_measure(
            &m,
            &rate_measure(&m, &Settings::default(), d("2025-09-30")),
            &Settings::default(),
            d("2025-09-30"),
        );
        assert!(
            steps.contains(&"target in force as at 2025-09-30: 6.23 young people, on the straight line from 0 (baseline, 2024-12-31) to 25 (final target, 2027-12-31), 273 of 1095 days along, to two decimal places".to_string()),
            "{steps:#?}"
        );
    }

    #[test]
    fn an_old_value_is_out_of_date_and_flagged_but_keeps_its_rating() {
        let quarterly =
            DRIVING.replace("tolerance = 3", "tolerance = 3\nfrequency = \"quarterly\"");
        let r = rate_measure_text(&quarterly, "2025-09-30");
        assert_eq!(
            r.freshness,
            Freshness::Current {
                age_days: 0,
                allowed_days: 123
            }
        );
        // No value since September 2025: out of date from February 2026
        // (more than 92 + 31 days).
        let r = rate_measure_text(&quarterly, "2026-02-01");
        assert!(r.is_out_of_date());
        assert_eq!(r.rag, MeasureRag::Red);
        assert!(!r.is_red_evidence());
        let m = measure_of(&quarterly);
        assert_eq!(
            freshness_text(&m, &r).unwrap(),
            "out of date: 124 days old; quarterly allows 123"
        );
    }
}

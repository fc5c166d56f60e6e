//! The target in force at a date: with interim targets, the next one due on
//! or after the date; with a declared trajectory, the value on the straight
//! line between the two dated points around the date; after every dated
//! target, the final one.

use chrono::NaiveDate;

use crate::model::{Measure, Trajectory};

/// What a dated target point is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PointKind {
    /// Where a trajectory starts.
    Baseline,
    Interim,
    Final,
}

impl PointKind {
    /// "baseline", "interim target", "final target".
    pub fn name(self) -> &'static str {
        match self {
            PointKind::Baseline => "baseline",
            PointKind::Interim => "interim target",
            PointKind::Final => "final target",
        }
    }
}

/// A dated point that sets a measure's targets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetPoint {
    pub date: NaiveDate,
    pub value: f64,
    pub kind: PointKind,
}

/// Where the target in force comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TargetBasis {
    /// The final target: the only dated target, or every other one's date
    /// has passed.
    Final,
    /// An interim target: the next due on or after the date.
    Interim,
    /// On or before the start of the trajectory: its baseline.
    Baseline,
    /// A point on the declared trajectory, on the straight line between
    /// two consecutive dated points.
    Trajectory { from: TargetPoint, to: TargetPoint },
}

/// The target a measure is rated against at a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetInForce {
    /// The value to reach; on a trajectory, rounded to two decimal places
    /// so that the value shown is the value rated against.
    pub value: f64,
    /// The date the target is set for: the interim, final or baseline
    /// point's own date, or for a point on a trajectory the date asked
    /// about.
    pub date: NaiveDate,
    pub basis: TargetBasis,
}

/// The dated points that set a measure's targets, in date order: with a
/// trajectory its baseline first, then the interim targets, then the final
/// target. Empty without a final target.
pub fn target_points(m: &Measure) -> Vec<TargetPoint> {
    let Some(last) = &m.target else {
        return Vec::new();
    };
    let mut points = Vec::with_capacity(m.interim.len() + 2);
    if m.trajectory.is_some()
        && let Some(b) = &m.baseline
    {
        points.push(TargetPoint {
            date: b.date,
            value: b.value,
            kind: PointKind::Baseline,
        });
    }
    points.extend(m.interim.iter().map(|p| TargetPoint {
        date: p.date,
        value: p.value,
        kind: PointKind::Interim,
    }));
    points.push(TargetPoint {
        date: last.date,
        value: last.value,
        kind: PointKind::Final,
    });
    points
}

/// The target in force at `date`, or `None` when the measure has no final
/// target. See `docs/rag-rules.md`, "Targets over time".
pub fn target_at(m: &Measure, date: NaiveDate) -> Option<TargetInForce> {
    let points = target_points(m);
    let last = *points.last()?;
    let at = |p: TargetPoint| TargetInForce {
        value: p.value,
        date: p.date,
        basis: match p.kind {
            PointKind::Baseline => TargetBasis::Baseline,
            PointKind::Interim => TargetBasis::Interim,
            PointKind::Final => TargetBasis::Final,
        },
    };
    // The first point dated on or after the date: for steps, the target in
    // force; for a trajectory, the end of the line the date is on.
    let next = points.partition_point(|p| p.date < date);
    let Some(&to) = points.get(next) else {
        return Some(at(last));
    };
    let linear = m.trajectory == Some(Trajectory::Linear) && to.kind != PointKind::Baseline;
    if !linear || to.date == date || next == 0 {
        return Some(at(to));
    }
    let from = points[next - 1];
    let span = (to.date - from.date).num_days() as f64;
    let along = (date - from.date).num_days() as f64;
    let value = from.value + (to.value - from.value) * along / span;
    Some(TargetInForce {
        value: (value * 100.0).round() / 100.0,
        date,
        basis: TargetBasis::Trajectory { from, to },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Point, StrategyIx};
    use crate::source::{FileId, Loc};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn point(date: &str, value: f64) -> Point {
        Point {
            date: d(date),
            value,
            note: None,
        }
    }

    /// Young people learning to drive: none at the end of 2024, 8 by the
    /// end of 2025, 16 by the end of 2026 and 25 by the end of 2027.
    fn measure(trajectory: Option<Trajectory>) -> Measure {
        Measure {
            id: "M".into(),
            strategy: StrategyIx(0),
            name: "Learning to drive".into(),
            unit: None,
            direction: Direction::Higher,
            owner: None,
            baseline: Some(point("2024-12-31", 0.0)),
            target: Some(point("2027-12-31", 25.0)),
            interim: vec![point("2025-12-31", 8.0), point("2026-12-31", 16.0)],
            trajectory,
            frequency: None,
            tolerance: None,
            actual: Vec::new(),
            comparators: Vec::new(),
            source: None,
            illustrative: false,
            loc: Loc::new(FileId(0), 0..0),
            target_loc: None,
            interim_locs: Vec::new(),
        }
    }

    fn value_and_basis(m: &Measure, date: &str) -> (f64, TargetBasis) {
        let t = target_at(m, d(date)).unwrap();
        (t.value, t.basis)
    }

    #[test]
    fn interim_targets_are_in_force_up_to_and_including_their_dates() {
        let m = measure(None);
        assert_eq!(
            value_and_basis(&m, "2025-01-01"),
            (8.0, TargetBasis::Interim)
        );
        assert_eq!(
            value_and_basis(&m, "2025-12-31"),
            (8.0, TargetBasis::Interim)
        );
        assert_eq!(
            value_and_basis(&m, "2026-01-01"),
            (16.0, TargetBasis::Interim)
        );
        assert_eq!(
            value_and_basis(&m, "2027-06-30"),
            (25.0, TargetBasis::Final)
        );
        // After the final target's date it stays in force.
        let t = target_at(&m, d("2029-01-01")).unwrap();
        assert_eq!(
            (t.value, t.date, t.basis),
            (25.0, d("2027-12-31"), TargetBasis::Final)
        );
    }

    #[test]
    fn a_single_target_is_in_force_throughout() {
        let mut m = measure(None);
        m.interim.clear();
        for date in ["2020-01-01", "2025-09-30", "2030-01-01"] {
            assert_eq!(value_and_basis(&m, date), (25.0, TargetBasis::Final));
        }
        m.target = None;
        assert_eq!(target_at(&m, d("2025-09-30")), None);
        assert!(target_points(&m).is_empty());
    }

    #[test]
    fn a_linear_trajectory_runs_straight_between_consecutive_points() {
        let m = measure(Some(Trajectory::Linear));
        // 273 of the 365 days from 2024-12-31 to 2025-12-31: 8 x 273 / 365.
        let t = target_at(&m, d("2025-09-30")).unwrap();
        assert_eq!(t.value, 5.98);
        assert_eq!(t.date, d("2025-09-30"));
        let TargetBasis::Trajectory { from, to } = t.basis else {
            panic!("{t:?}");
        };
        assert_eq!(
            (from.kind, to.kind),
            (PointKind::Baseline, PointKind::Interim)
        );
        // On a point's own date, that point's value.
        assert_eq!(
            value_and_basis(&m, "2025-12-31"),
            (8.0, TargetBasis::Interim)
        );
        // 1 July 2027, 182 of the 365 days to the end: 16 + 9 x 182 / 365.
        assert_eq!(value_and_basis(&m, "2027-07-01").0, 20.49);
        // On or before the baseline's date, the baseline; after the end,
        // the final target.
        assert_eq!(
            value_and_basis(&m, "2024-06-30"),
            (0.0, TargetBasis::Baseline)
        );
        assert_eq!(
            value_and_basis(&m, "2024-12-31"),
            (0.0, TargetBasis::Baseline)
        );
        assert_eq!(
            value_and_basis(&m, "2028-03-31"),
            (25.0, TargetBasis::Final)
        );
    }

    #[test]
    fn a_trajectory_without_interim_targets_is_one_line() {
        let mut m = measure(Some(Trajectory::Linear));
        m.interim.clear();
        // 365 of 1095 days: a third of the way to 25.
        assert_eq!(value_and_basis(&m, "2025-12-31").0, 8.33);
        let points: Vec<PointKind> = target_points(&m).iter().map(|p| p.kind).collect();
        assert_eq!(points, [PointKind::Baseline, PointKind::Final]);
    }

    #[test]
    fn a_falling_trajectory_falls() {
        let mut m = measure(Some(Trajectory::Linear));
        m.direction = Direction::Lower;
        m.baseline = Some(point("2024-12-31", 12.0));
        m.interim.clear();
        m.target = Some(point("2026-12-31", 6.0));
        // 365 of 730 days: halfway from 12 to 6.
        assert_eq!(value_and_basis(&m, "2025-12-31").0, 9.0);
    }

    #[test]
    fn without_a_baseline_a_trajectory_has_nowhere_to_start_and_steps() {
        // `check` refuses this (E0412); the model still gives an answer.
        let mut m = measure(Some(Trajectory::Linear));
        m.baseline = None;
        assert_eq!(
            value_and_basis(&m, "2025-09-30"),
            (8.0, TargetBasis::Interim)
        );
    }
}

//! Measures: direction, owner, reporting frequency, tolerance, the values
//! recorded and the comparators, and the targets read and checked together.

use toml::Spanned;

use crate::diag::{Code, Diagnostic};
use crate::measure::{DatedTarget, Targets, check_targets};
use crate::model::{
    Comparator, Direction, EntityRef, Frequency, Measure, MeasureIx, Point, Trajectory,
};
use crate::raw::{RawMeasure, RawPoint};
use crate::source::FileId;

use super::builder::Builder;
use super::prepare::Part;
use super::values::loc;

impl Builder<'_, '_> {
    pub(super) fn build_measures(&mut self) {
        let files = self.files;
        for Part { file, raw, .. } in files {
            let file = *file;
            for r in &raw.measures {
                let r = r.get_ref();
                let strategy = self.owning_strategy(file, raw, r.strategy.as_ref(), &r.id);
                let direction = self.word::<Direction>(
                    file,
                    &r.direction,
                    Code::BadValue,
                    "a direction",
                    Direction::words(),
                );
                let owner = match &r.owner {
                    Some(o) => self.owner(file, o),
                    None => None,
                };
                let targets = self.measure_targets(file, r, direction);
                let frequency = match &r.frequency {
                    Some(f) => self.word::<Frequency>(
                        file,
                        f,
                        Code::BadValue,
                        "a reporting frequency",
                        Frequency::words(),
                    ),
                    None => None,
                };
                let tolerance = match &r.tolerance {
                    Some(t) => self.finite(file, t, "tolerance"),
                    None => None,
                };
                if let (Some(t), Some(x)) = (&r.tolerance, tolerance)
                    && x < 0.0
                {
                    self.push(
                        Diagnostic::new(
                            Code::BadValue,
                            loc(file, t),
                            "tolerance cannot be negative",
                        )
                        .label("how far from target still counts as Amber"),
                    );
                }
                let mut actual: Vec<Point> = r
                    .actual
                    .iter()
                    .filter_map(|p| self.point(file, p))
                    .collect();
                actual.sort_by_key(|p| p.date);
                let mut comparators = Vec::new();
                for c in &r.comparators {
                    let c = c.get_ref();
                    let date = match &c.date {
                        Some(d) => self.date(file, d),
                        None => None,
                    };
                    if let Some(value) = self.finite(file, &c.value, "value") {
                        comparators.push(Comparator {
                            name: c.name.get_ref().clone(),
                            value,
                            date,
                            unit: c.unit.clone(),
                        });
                    }
                }
                let (Some(strategy), Some(direction)) = (strategy, direction) else {
                    continue;
                };
                let Targets {
                    baseline,
                    mut interim,
                    target,
                    trajectory,
                    ..
                } = targets;
                // The model promises date order; the finding already says
                // when the file did not keep it.
                interim.sort_by_key(|p| p.point.date);
                let ix = MeasureIx::from_usize(self.model.measures.len());
                if self.register(&r.id, EntityRef::Measure(ix), file) {
                    self.model.measures.push(Measure {
                        id: r.id.get_ref().clone(),
                        strategy,
                        name: r.name.get_ref().clone(),
                        unit: r.unit.clone(),
                        direction,
                        owner,
                        baseline: baseline.map(|b| b.point),
                        target_loc: target.as_ref().map(|t| t.date_loc.clone()),
                        target: target.map(|t| t.point),
                        interim_locs: interim.iter().map(|p| p.date_loc.clone()).collect(),
                        interim: interim.into_iter().map(|p| p.point).collect(),
                        trajectory: trajectory.and_then(|(t, _)| t),
                        frequency,
                        tolerance: tolerance.map(f64::abs),
                        actual,
                        comparators,
                        source: r.source.clone(),
                        illustrative: r.illustrative,
                        loc: loc(file, &r.id),
                    });
                }
            }
        }
    }

    /// A measure's baseline, interim targets, final target and trajectory,
    /// read and checked together.
    fn measure_targets<'r>(
        &mut self,
        file: FileId,
        r: &'r RawMeasure,
        direction: Option<Direction>,
    ) -> Targets<'r> {
        let baseline = r.baseline.as_ref().and_then(|p| self.dated(file, p));
        let target = r.target.as_ref().and_then(|p| self.dated(file, p));
        let interim = r
            .interim
            .iter()
            .filter_map(|p| self.dated(file, p))
            .collect();
        let trajectory = r.trajectory.as_ref().map(|t| {
            let word = self.word::<Trajectory>(
                file,
                t,
                Code::BadValue,
                "a trajectory",
                Trajectory::words(),
            );
            (word, loc(file, t))
        });
        let targets = Targets {
            id: r.id.get_ref(),
            direction,
            baseline,
            baseline_written: r.baseline.is_some(),
            interim,
            target,
            target_written: r.target.is_some(),
            trajectory,
        };
        check_targets(&targets, self.diags);
        targets
    }

    /// cannot be read.
    fn point(&mut self, file: FileId, p: &Spanned<RawPoint>) -> Option<Point> {
        let p = p.get_ref();
        let date = self.date(file, &p.date);
        let value = self.finite(file, &p.value, "value");
        Some(Point {
            date: date?,
            value: value?,
            note: p.note.clone(),
        })
    }

    /// A number that is a number: `nan` and infinities are refused, so no
    /// report ever shows "NaN" or "inf" or rates against one.
    fn finite(&mut self, file: FileId, v: &Spanned<f64>, key: &str) -> Option<f64> {
        let x = *v.get_ref();
        if x.is_finite() {
            return Some(x);
        }
        let what = if x.is_nan() {
            "`nan` (not a number)"
        } else {
            "infinite"
        };
        self.push(
            Diagnostic::new(
                Code::NotFinite,
                loc(file, v),
                format!("`{key}` is {what}: a measure's figures are plain numbers"),
            )
            .label("not a finite number")
            .help(format!(
                "write the figure as a number, e.g. `{key} = 25`; leave out a value not yet known"
            )),
        );
        None
    }

    /// A point with where its date and value are written, for the checks
    /// on a measure's targets.
    fn dated(&mut self, file: FileId, p: &Spanned<RawPoint>) -> Option<DatedTarget> {
        let point = self.point(file, p)?;
        Some(DatedTarget {
            point,
            date_loc: loc(file, &p.get_ref().date),
            value_loc: loc(file, &p.get_ref().value),
        })
    }
}

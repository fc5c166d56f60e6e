//! The checks on a measure's targets: dated targets in order after the
//! baseline and before the final target, a trajectory with a baseline to
//! start from, interim targets with a final target to lead to, targets
//! inside the strategy's period, and (a warning) targets that turn back.

use crate::diag::{Code, Diagnostic};
use crate::model::{Direction, Model, Point, Trajectory};
use crate::source::Loc;

use super::value::{number, shortfall};

/// A dated value as read, with where its date and value are written.
#[derive(Clone, Debug)]
pub(crate) struct DatedTarget {
    pub point: Point,
    pub date_loc: Loc,
    pub value_loc: Loc,
}

/// A measure's baseline and targets as read, for [`check_targets`].
#[derive(Clone, Debug)]
pub(crate) struct Targets<'a> {
    pub id: &'a str,
    pub direction: Option<Direction>,
    /// The baseline, if it could be read; `baseline_written` says whether
    /// the key is there at all.
    pub baseline: Option<DatedTarget>,
    pub baseline_written: bool,
    /// The interim targets that could be read, in file order.
    pub interim: Vec<DatedTarget>,
    pub target: Option<DatedTarget>,
    pub target_written: bool,
    /// The trajectory word, if written, and where.
    pub trajectory: Option<(Option<Trajectory>, Loc)>,
}

/// Findings about one measure's targets on their own (not against its
/// strategy's period: see [`targets_within_period`]).
pub(crate) fn check_targets(t: &Targets, diags: &mut Vec<Diagnostic>) {
    let add = "add the target to reach: `target = { date = 2027-12-31, value = 25 }`";
    if !t.target_written {
        if let Some(first) = t.interim.first() {
            diags.push(
                Diagnostic::new(
                    Code::InterimWithoutTarget,
                    first.date_loc.clone(),
                    format!("`{}` has interim targets but no final `target`", t.id),
                )
                .label("interim targets lead to a final target")
                .help(add),
            );
        } else if let Some((_, at)) = &t.trajectory {
            diags.push(
                Diagnostic::new(
                    Code::InterimWithoutTarget,
                    at.clone(),
                    format!("`{}` has a trajectory but no final `target`", t.id),
                )
                .label("a trajectory runs to a final target")
                .help(add),
            );
        }
    }
    if let Some((Some(Trajectory::Linear), at)) = &t.trajectory
        && !t.baseline_written
    {
        diags.push(
            Diagnostic::new(
                Code::TrajectoryWithoutBaseline,
                at.clone(),
                format!("`{}` has a trajectory but no baseline to start from", t.id),
            )
            .label("the line starts at the baseline")
            .help(
                "add the starting value, e.g. `baseline = { date = 2024-12-31, value = 0 }`, \
                 or remove `trajectory` to rate against each target in turn",
            ),
        );
    }
    order(t, diags);
    turning_back(t, diags);
}

/// Each interim target after the baseline and the one above it; the final
/// target after all of them.
fn order(t: &Targets, diags: &mut Vec<Diagnostic>) {
    let mut before: Option<(&DatedTarget, &str)> = t.baseline.as_ref().map(|b| (b, "baseline"));
    for p in &t.interim {
        if let Some((prev, what)) = before
            && p.point.date <= prev.point.date
        {
            let (when, help) = if what == "baseline" {
                (
                    format!("is not after the baseline, dated {}", prev.point.date),
                    "a target is set for after the baseline: fix the date of one of them",
                )
            } else {
                (
                    format!(
                        "is not after the interim target above it, dated {}",
                        prev.point.date
                    ),
                    "list interim targets in date order, each on its own date",
                )
            };
            diags.push(out_of_order(p, "interim target", when, prev, what, help));
        }
        before = Some((p, "interim target"));
    }
    let Some(last) = &t.target else {
        return;
    };
    // The final target comes after every other dated target, wherever the
    // file lists them.
    let latest = t
        .interim
        .iter()
        .max_by_key(|p| p.point.date)
        .map(|p| (p, "interim target"))
        .or(t.baseline.as_ref().map(|b| (b, "baseline")));
    if let Some((prev, what)) = latest
        && last.point.date <= prev.point.date
    {
        let (when, help) = if what == "baseline" {
            (
                format!("is not after the baseline, dated {}", prev.point.date),
                "a target is set for after the baseline: fix the date of one of them",
            )
        } else {
            (
                format!("is not after the interim target dated {}", prev.point.date),
                "interim targets come before the final target: fix the date, or make the last of them the final `target`",
            )
        };
        diags.push(out_of_order(last, "final target", when, prev, what, help));
    }
}

fn out_of_order(
    p: &DatedTarget,
    what: &str,
    when: String,
    prev: &DatedTarget,
    prev_what: &str,
    help: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::TargetOrder,
        p.date_loc.clone(),
        format!("{what} dated {} {when}", p.point.date),
    )
    .label("out of order")
    .secondary(prev.date_loc.clone(), prev_what)
    .help(help)
}

/// A target worse than the target before it, in the measure's direction:
/// most often a slip of the keyboard.
fn turning_back(t: &Targets, diags: &mut Vec<Diagnostic>) {
    let Some(direction) = t.direction else {
        return;
    };
    let targets: Vec<&DatedTarget> = t.interim.iter().chain(t.target.iter()).collect();
    for pair in targets.windows(2) {
        let (prev, p) = (pair[0], pair[1]);
        if p.point.date > prev.point.date
            && shortfall(direction, p.point.value, prev.point.value) > 0.0
        {
            let (worse, better) = match direction {
                Direction::Higher => ("lower", "higher is better"),
                Direction::Lower => ("higher", "lower is better"),
            };
            diags.push(
                Diagnostic::new(
                    Code::TargetTurnsBack,
                    p.value_loc.clone(),
                    format!(
                        "target {} by {} is {worse} than the target before it, {} by {} ({better})",
                        number(p.point.value),
                        p.point.date,
                        number(prev.point.value),
                        prev.point.date
                    ),
                )
                .label("worse than the target before")
                .secondary(prev.value_loc.clone(), "the target before")
                .help("check the figures; if the measure is expected to get worse first, say why in a `note`"),
            );
        }
    }
}

/// Every interim and final target inside its strategy's period.
pub(crate) fn targets_within_period(model: &Model, diags: &mut Vec<Diagnostic>) {
    for m in &model.measures {
        let s = model.strategy(m.strategy);
        // A reversed period (already reported) has no inside.
        if s.end < s.start {
            continue;
        }
        let dated = m
            .interim
            .iter()
            .zip(&m.interim_locs)
            .map(|(p, at)| (p, Some(at), "interim target"))
            .chain(
                m.target
                    .iter()
                    .map(|p| (p, m.target_loc.as_ref(), "target")),
            );
        for (p, at, what) in dated {
            if p.date < s.start || p.date > s.end {
                diags.push(
                    Diagnostic::new(
                        Code::TargetOutsidePeriod,
                        at.cloned().unwrap_or_else(|| m.loc.clone()),
                        format!(
                            "{what} dated {} is outside `{}` ({} to {})",
                            p.date, s.id, s.start, s.end
                        ),
                    )
                    .label(format!("{what} date"))
                    .secondary(s.loc.clone(), "strategy")
                    .help(
                        "set targets for dates inside the strategy's period, or extend the period",
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Code;
    use crate::testing::{found, plan_with};

    /// The base plan's measure with `keys` added.
    fn measure_with(keys: &str) -> crate::PlanSet {
        plan_with(
            "direction = \"higher\"\n",
            &format!("direction = \"higher\"\n{keys}\n"),
        )
    }

    fn codes(plans: &crate::PlanSet) -> Vec<Code> {
        plans.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn interim_targets_in_date_order_before_the_final_one_are_sound() {
        let plans = measure_with(
            "baseline = { date = 2024-12-31, value = 0 }\n\
             interim = [{ date = 2025-12-31, value = 8 }, { date = 2026-12-31, value = 16 }]\n\
             target = { date = 2027-12-31, value = 25 }\ntrajectory = \"linear\"\nfrequency = \"quarterly\"",
        );
        assert_eq!(found(&plans), Vec::<String>::new());
        let m = &plans.model.measures[0];
        assert_eq!(m.interim.len(), 2);
        assert_eq!(m.interim_locs.len(), 2);
        assert_eq!(m.trajectory, Some(crate::Trajectory::Linear));
        assert_eq!(m.frequency, Some(crate::Frequency::Quarterly));
    }

    #[test]
    fn targets_out_of_order_are_each_found() {
        let plans = measure_with(
            "baseline = { date = 2025-06-30, value = 0 }\n\
             interim = [{ date = 2025-03-31, value = 4 }, { date = 2026-12-31, value = 16 }, { date = 2025-12-31, value = 8 }]\n\
             target = { date = 2026-06-30, value = 25 }",
        );
        assert_eq!(
            codes(&plans),
            [Code::TargetOrder, Code::TargetOrder, Code::TargetOrder]
        );
        let messages: Vec<&str> = plans
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "interim target dated 2025-03-31 is not after the baseline, dated 2025-06-30",
                "interim target dated 2025-12-31 is not after the interim target above it, dated 2026-12-31",
                "final target dated 2026-06-30 is not after the interim target dated 2026-12-31",
            ]
        );
        // The model keeps them in date order all the same.
        let dates: Vec<String> = plans.model.measures[0]
            .interim
            .iter()
            .map(|p| p.date.to_string())
            .collect();
        assert_eq!(dates, ["2025-03-31", "2025-12-31", "2026-12-31"]);
    }

    #[test]
    fn two_targets_on_one_date_are_out_of_order() {
        let plans = measure_with(
            "interim = [{ date = 2025-12-31, value = 8 }]\ntarget = { date = 2025-12-31, value = 25 }",
        );
        assert_eq!(codes(&plans), [Code::TargetOrder]);
    }

    #[test]
    fn a_trajectory_needs_a_baseline_and_a_final_target() {
        let plans =
            measure_with("target = { date = 2027-12-31, value = 25 }\ntrajectory = \"linear\"");
        assert_eq!(codes(&plans), [Code::TrajectoryWithoutBaseline]);
        let plans =
            measure_with("baseline = { date = 2024-12-31, value = 0 }\ntrajectory = \"linear\"");
        assert_eq!(codes(&plans), [Code::InterimWithoutTarget]);
        let plans = measure_with("interim = [{ date = 2025-12-31, value = 8 }]");
        assert_eq!(codes(&plans), [Code::InterimWithoutTarget]);
        assert_eq!(
            plans.diagnostics[0].message,
            "`CPS-M1` has interim targets but no final `target`"
        );
    }

    #[test]
    fn unknown_words_get_a_suggestion() {
        let plans = measure_with(
            "frequency = \"annually\"\ntrajectory = \"straight\"\ntarget = { date = 2027-12-31, value = 25 }",
        );
        assert_eq!(codes(&plans), [Code::BadValue, Code::BadValue]);
        assert_eq!(
            plans.diagnostics[0].help.as_deref(),
            Some("did you mean `annual`?")
        );
    }

    #[test]
    fn targets_outside_the_strategy_are_found_at_their_dates() {
        // The strategy runs from 2025-01-01 to 2027-12-31.
        let plans = measure_with(
            "baseline = { date = 2023-03-31, value = 0 }\n\
             interim = [{ date = 2024-12-31, value = 8 }]\n\
             target = { date = 2028-01-01, value = 25 }",
        );
        assert_eq!(
            codes(&plans),
            [Code::TargetOutsidePeriod, Code::TargetOutsidePeriod]
        );
        // A baseline before the strategy starts is what baselines are.
        assert!(
            plans
                .diagnostics
                .iter()
                .all(|d| !d.message.contains("2023-03-31"))
        );
    }

    #[test]
    fn a_target_worse_than_the_one_before_is_a_warning() {
        let plans = measure_with(
            "interim = [{ date = 2025-12-31, value = 18 }, { date = 2026-12-31, value = 16 }]\n\
             target = { date = 2027-12-31, value = 25 }",
        );
        assert_eq!(codes(&plans), [Code::TargetTurnsBack]);
        assert_eq!(
            plans.diagnostics[0].message,
            "target 16 by 2026-12-31 is lower than the target before it, 18 by 2025-12-31 (higher is better)"
        );
        // Against the baseline, a lower target may mean "hold at about
        // this level": not a warning.
        let plans = measure_with(
            "baseline = { date = 2024-12-31, value = 22.1 }\ntarget = { date = 2027-12-31, value = 22 }",
        );
        assert_eq!(found(&plans), Vec::<String>::new());
    }
}

//! `check`'s W0505 findings: milestones whose owner's status contradicts
//! the evidence as at a date, pointed at the update that set the status.

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::model::*;
use crate::settings::Settings;

use super::rules::{Contradiction, Ratings};

/// `check` warnings (W0505) for every milestone whose owner's status
/// contradicts the evidence as at the date.
pub fn contradictions(model: &Model, ratings: &Ratings) -> Vec<Diagnostic> {
    contradictions_where(model, ratings, |_| true)
}

/// `check`'s W0505 findings as at `as_of`. A closed strategy whose period
/// ended before then is checked as at its end date: its final position is
/// what reports show of it.
pub fn contradictions_at(model: &Model, settings: &Settings, as_of: NaiveDate) -> Vec<Diagnostic> {
    let closed = |m: MilestoneIx, at: NaiveDate| {
        model
            .strategy(model.strategy_of_milestone(m))
            .is_closed_at(at)
    };
    let ratings = Ratings::compute(model, settings, as_of);
    let mut out = contradictions_where(model, &ratings, |m| !closed(m, as_of));
    for (i, s) in model.strategies.iter().enumerate() {
        if s.is_closed_at(as_of) {
            let me = StrategyIx::from_usize(i);
            let ratings = Ratings::compute(model, settings, s.end);
            out.extend(contradictions_where(model, &ratings, |m| {
                model.strategy_of_milestone(m) == me
            }));
        }
    }
    out
}

fn contradictions_where(
    model: &Model,
    ratings: &Ratings,
    keep: impl Fn(MilestoneIx) -> bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, r) in ratings.milestones.iter().enumerate() {
        let Some(c) = r.as_ref().and_then(|r| r.contradiction) else {
            continue;
        };
        if !keep(MilestoneIx::from_usize(i)) {
            continue;
        }
        let m = &model.milestones[i];
        let update = m
            .updates_as_of(ratings.as_of)
            .last()
            .expect("an on-target status comes from an update");
        let mut d = Diagnostic::new(
            Code::StatusContradicted,
            update.loc(m.file()),
            format!(
                "`{}` is {} as at {}",
                m.id,
                c.describe(model),
                ratings.as_of
            ),
        )
        .label("the update that set the status");
        let revised = m
            .updates_as_of(ratings.as_of)
            .iter()
            .rev()
            .find(|u| u.due.is_some());
        d = match (c, revised) {
            (Contradiction::Overdue { .. }, Some(u)) if u.span != update.span => d
                .secondary(u.loc(m.file()), "the update that revised the due date")
                .help("record the real status, or a revised `due` with a `reason`"),
            (Contradiction::Overdue { .. }, Some(_)) => {
                d.help("record the real status, or a revised `due` with a `reason`")
            }
            (Contradiction::Overdue { .. }, None) => d
                .secondary(m.due_loc(), "due date")
                .help("record the real status, or a revised `due` with a `reason`"),
            (Contradiction::MeasureRed { measure }, _) => d
                .secondary(model.measure(measure).loc.clone(), "Red measure")
                .help(
                    "record the real status, or say in the note why the measure does not affect it",
                ),
        };
        out.push(d);
    }
    out
}

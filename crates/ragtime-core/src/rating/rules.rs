//! The rules that rate a milestone as at a date, the first that applies
//! winning, with the facts they rest on and the contradictions between the
//! owner's status and the evidence; every milestone and measure of a plan
//! set rated as at one date.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::*;
use crate::settings::Settings;

use super::measure::{MeasureRating, rate_measure};
use super::scale::Rating;

/// The rule that decided a milestone's rating. The first that applies, in
/// this order, wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    Cancelled,
    Complete,
    /// Past its current due date and not complete.
    Overdue,
    /// The owner says not on target.
    NotOnTarget,
    /// The owner says at risk.
    AtRisk,
    /// Marked on target, but a measure of its commitment is Red.
    MeasureRed,
    /// Marked on target, but not updated within the staleness window.
    Stale,
    /// Not started, and due within the warning window.
    DueSoon,
    Paused,
    NotStarted,
    OnTarget,
}

impl Rule {
    /// The rule's name as explanations and reports show it.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Cancelled => "cancelled",
            Rule::Complete => "complete",
            Rule::Overdue => "overdue",
            Rule::NotOnTarget => "reported not on target",
            Rule::AtRisk => "reported at risk",
            Rule::Stale => "stale",
            Rule::DueSoon => "due soon, not started",
            Rule::MeasureRed => "measure Red",
            Rule::Paused => "paused",
            Rule::NotStarted => "not started, not yet due",
            Rule::OnTarget => "on target",
        }
    }
}

/// Where the owner's status says one thing and the evidence another. The
/// computed rating wins; reports mark the item and `check` warns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contradiction {
    /// Marked on target, but past its due date.
    Overdue { days: i64 },
    /// Marked on target, but a measure evidencing its commitment is Red.
    MeasureRed { measure: MeasureIx },
}

impl Contradiction {
    /// "marked on target, but overdue by 92 days".
    pub fn describe(self, model: &Model) -> String {
        match self {
            Contradiction::Overdue { days } => {
                format!("marked on target, but overdue by {}", days_text(days))
            }
            Contradiction::MeasureRed { measure } => format!(
                "marked on target, but measure `{}` is Red",
                model.measure(measure).id
            ),
        }
    }
}

/// "1 day", "92 days".
pub fn days_text(days: i64) -> String {
    if days == 1 {
        "1 day".to_string()
    } else {
        format!("{days} days")
    }
}

/// A milestone's rating as at a date, with the facts it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MilestoneRating {
    pub rating: Rating,
    pub rule: Rule,
    /// The owner's status as at the date (`not-started` with no update).
    pub status: Status,
    /// The date of the latest update on or before the date.
    pub last_update: Option<NaiveDate>,
    /// The due date in force at the date.
    pub due: NaiveDate,
    /// Days from the date to the due date: negative when overdue.
    pub days_to_due: i64,
    /// How many times the due date had been revised by the date.
    pub times_redated: usize,
    /// The first Red measure of its commitment, if any.
    pub red_measure: Option<MeasureIx>,
    pub contradiction: Option<Contradiction>,
}

impl MilestoneRating {
    /// Days past the due date, when it is past.
    pub fn days_overdue(&self) -> Option<i64> {
        (self.days_to_due < 0).then_some(-self.days_to_due)
    }
}

/// Every rating in a plan set as at one date.
#[derive(Clone, Debug, PartialEq)]
pub struct Ratings {
    pub as_of: NaiveDate,
    /// By milestone index; `None` for a milestone added after the date.
    pub milestones: Vec<Option<MilestoneRating>>,
    /// By measure index.
    pub measures: Vec<MeasureRating>,
}

impl Ratings {
    /// Rates every measure, then every milestone (which may depend on its
    /// commitment's measures), as at `as_of`. One pass over each, on every
    /// core: each rating depends on nothing but the model and the measures'
    /// ratings, and the results keep plan order.
    pub fn compute(model: &Model, settings: &Settings, as_of: NaiveDate) -> Ratings {
        let measures: Vec<MeasureRating> = model
            .measures
            .par_iter()
            .map(|m| rate_measure(m, settings, as_of))
            .collect();
        let milestones = model
            .milestones
            .par_iter()
            .map(|m| rate_milestone(model, settings, &measures, m, as_of))
            .collect();
        Ratings {
            as_of,
            milestones,
            measures,
        }
    }

    pub fn milestone(&self, ix: MilestoneIx) -> Option<&MilestoneRating> {
        self.milestones[ix.index()].as_ref()
    }

    pub fn measure(&self, ix: MeasureIx) -> &MeasureRating {
        &self.measures[ix.index()]
    }
}

/// Rates one milestone as at `as_of`; `None` if it was added after that.
/// `measures` are the measure ratings as at the same date.
pub fn rate_milestone(
    model: &Model,
    settings: &Settings,
    measures: &[MeasureRating],
    m: &Milestone,
    as_of: NaiveDate,
) -> Option<MilestoneRating> {
    if m.added > as_of {
        return None;
    }
    let updates = m.updates_as_of(as_of);
    let status = updates.last().map_or(Status::NotStarted, |u| u.status);
    let last_update = updates.last().map(|u| u.date);
    let due = m.due_as_of(as_of);
    let days_to_due = (due - as_of).num_days();
    let overdue = days_to_due < 0;
    let stale =
        days_since(last_update.unwrap_or(m.added), as_of) > i64::from(settings.stale_after_days);
    // A Red measure whose value is out of date is not evidence of how
    // things stand now: it does not turn the milestone Amber.
    let red_measure = model
        .commitment(m.commitment)
        .measures
        .iter()
        .copied()
        .find(|&x| measures[x.index()].is_red_evidence());

    let (rating, rule) = match status {
        Status::Cancelled => (Rating::Cancelled, Rule::Cancelled),
        Status::Complete => (Rating::Blue, Rule::Complete),
        _ if overdue => (Rating::Red, Rule::Overdue),
        Status::NotOnTarget => (Rating::Red, Rule::NotOnTarget),
        Status::AtRisk => (Rating::Amber, Rule::AtRisk),
        // Before staleness, so that the contradiction is flagged.
        Status::OnTarget if red_measure.is_some() => (Rating::Amber, Rule::MeasureRed),
        Status::OnTarget if stale => (Rating::Amber, Rule::Stale),
        Status::NotStarted if days_to_due <= i64::from(settings.warn_within_days) => {
            (Rating::Amber, Rule::DueSoon)
        }
        Status::Paused => (Rating::Paused, Rule::Paused),
        Status::NotStarted => (Rating::NotStarted, Rule::NotStarted),
        Status::OnTarget => (Rating::Green, Rule::OnTarget),
    };
    let contradiction = match (status, rule) {
        (Status::OnTarget, Rule::Overdue) => Some(Contradiction::Overdue { days: -days_to_due }),
        (Status::OnTarget, Rule::MeasureRed) => {
            red_measure.map(|measure| Contradiction::MeasureRed { measure })
        }
        _ => None,
    };
    Some(MilestoneRating {
        rating,
        rule,
        status,
        last_update,
        due,
        days_to_due,
        times_redated: m.times_redated_as_of(as_of),
        red_measure,
        contradiction,
    })
}

/// Days from `from` to `to`: how old an update is.
pub(super) fn days_since(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{
        MEASURE, d, milestone, on_target_with_a_quarterly_measure, plans, plans_with,
    };
    use super::*;

    fn rate(items: &str, as_of: &str) -> MilestoneRating {
        rate_with("", items, as_of)
    }

    fn rate_with(commitment: &str, items: &str, as_of: &str) -> MilestoneRating {
        let set = plans_with(commitment, items);
        let r = Ratings::compute(&set.model, &set.settings, d(as_of));
        r.milestone(MilestoneIx(0)).unwrap().clone()
    }

    #[test]
    fn complete_is_blue_even_when_late() {
        let r = rate(
            &milestone("2025-01-31", &[("2025-03-01", "complete")]),
            "2025-09-30",
        );
        assert_eq!((r.rating, r.rule), (Rating::Blue, Rule::Complete));
    }

    #[test]
    fn overdue_and_not_complete_is_red_whatever_the_status() {
        for status in ["on-target", "at-risk", "paused", "not-started"] {
            let r = rate(
                &milestone("2025-06-30", &[("2025-06-01", status)]),
                "2025-09-30",
            );
            assert_eq!((r.rating, r.rule), (Rating::Red, Rule::Overdue), "{status}");
            assert_eq!(r.days_overdue(), Some(92));
        }
    }

    #[test]
    fn due_on_the_as_at_date_is_not_overdue() {
        let r = rate(
            &milestone("2025-09-30", &[("2025-09-01", "on-target")]),
            "2025-09-30",
        );
        assert_eq!((r.rating, r.rule), (Rating::Green, Rule::OnTarget));
        assert_eq!(r.days_overdue(), None);
        let r = rate(
            &milestone("2025-09-30", &[("2025-09-01", "on-target")]),
            "2025-10-01",
        );
        assert_eq!((r.rating, r.days_overdue()), (Rating::Red, Some(1)));
    }

    #[test]
    fn overdue_on_target_is_flagged() {
        let r = rate(
            &milestone("2025-06-30", &[("2025-06-01", "on-target")]),
            "2025-09-30",
        );
        assert_eq!(r.contradiction, Some(Contradiction::Overdue { days: 92 }));
        let r = rate(
            &milestone("2025-06-30", &[("2025-06-01", "at-risk")]),
            "2025-09-30",
        );
        assert_eq!(r.contradiction, None);
    }

    #[test]
    fn reported_statuses_give_their_colours() {
        let cases = [
            ("not-on-target", Rating::Red, Rule::NotOnTarget),
            ("at-risk", Rating::Amber, Rule::AtRisk),
            ("paused", Rating::Paused, Rule::Paused),
            ("on-target", Rating::Green, Rule::OnTarget),
            ("cancelled", Rating::Cancelled, Rule::Cancelled),
        ];
        for (status, rating, rule) in cases {
            let r = rate(
                &milestone("2026-06-30", &[("2025-09-01", status)]),
                "2025-09-30",
            );
            assert_eq!((r.rating, r.rule), (rating, rule), "{status}");
        }
    }

    #[test]
    fn staleness_window_is_more_than_92_days() {
        let m = milestone("2026-06-30", &[("2025-06-30", "on-target")]);
        // 2025-06-30 to 2025-09-30 is 92 days: not stale yet.
        assert_eq!(rate(&m, "2025-09-30").rating, Rating::Green);
        let r = rate(&m, "2025-10-01");
        assert_eq!((r.rating, r.rule), (Rating::Amber, Rule::Stale));
    }

    #[test]
    fn staleness_counts_29_february() {
        // 2023-12-01 + 92 days is 2024-03-02 in a leap year.
        let m = milestone("2026-06-30", &[("2023-12-01", "on-target")]);
        assert_eq!(rate(&m, "2024-03-02").rating, Rating::Green);
        assert_eq!(rate(&m, "2024-03-03").rating, Rating::Amber);
    }

    #[test]
    fn due_on_29_february_is_overdue_on_1_march() {
        let m = milestone("2024-02-29", &[("2024-02-01", "on-target")]);
        assert_eq!(rate(&m, "2024-02-29").rating, Rating::Green);
        let r = rate(&m, "2024-03-01");
        assert_eq!((r.rating, r.days_overdue()), (Rating::Red, Some(1)));
    }

    #[test]
    fn not_started_turns_amber_inside_the_warning_window() {
        let m = milestone("2025-10-30", &[]);
        // 30 days before the due date.
        let r = rate(&m, "2025-09-30");
        assert_eq!((r.rating, r.rule), (Rating::Amber, Rule::DueSoon));
        let r = rate(&m, "2025-09-29");
        assert_eq!((r.rating, r.rule), (Rating::NotStarted, Rule::NotStarted));
    }

    #[test]
    fn not_started_is_never_stale() {
        let r = rate(&milestone("2027-06-30", &[]), "2025-09-30");
        assert_eq!(r.rating, Rating::NotStarted);
    }

    #[test]
    fn later_updates_are_ignored() {
        let m = milestone(
            "2026-06-30",
            &[("2025-06-30", "on-target"), ("2025-10-15", "not-on-target")],
        );
        let r = rate(&m, "2025-09-30");
        assert_eq!((r.rating, r.status), (Rating::Green, Status::OnTarget));
        assert_eq!(rate(&m, "2025-10-15").rating, Rating::Red);
    }

    #[test]
    fn milestones_added_later_are_left_out() {
        let set = plans(&milestone("2026-06-30", &[]).replace("2023-01-01", "2025-10-01"));
        let r = Ratings::compute(&set.model, &set.settings, d("2025-09-30"));
        assert!(r.milestone(MilestoneIx(0)).is_none());
    }

    #[test]
    fn the_revised_due_date_in_force_counts() {
        let m = milestone("2025-06-30", &[])
            + "[[milestone.update]]\ndate = 2025-07-01\nstatus = \"on-target\"\nby = \"lead\"\ndue = 2025-12-31\nreason = \"r\"\n";
        let r = rate(&m, "2025-09-30");
        assert_eq!(
            (r.rating, r.due, r.times_redated),
            (Rating::Green, d("2025-12-31"), 1)
        );
        // Before the revision, the baseline was in force.
        let r = rate(&m, "2025-06-30");
        assert_eq!((r.due, r.times_redated), (d("2025-06-30"), 0));
    }

    #[test]
    fn on_target_with_a_red_measure_is_amber_and_flagged() {
        let items = format!(
            "{}{MEASURE}",
            milestone("2026-06-30", &[("2025-09-01", "on-target")])
        );
        let link = "measures = [\"X\"]";
        let r = rate_with(link, &items, "2025-09-30");
        assert_eq!((r.rating, r.rule), (Rating::Amber, Rule::MeasureRed));
        assert_eq!(
            r.contradiction,
            Some(Contradiction::MeasureRed {
                measure: MeasureIx(0)
            })
        );
        // In Q1 the measure was Amber: no contradiction.
        let r = rate_with(
            link,
            &items.replace("2025-09-01", "2025-07-01"),
            "2025-07-02",
        );
        assert_eq!((r.rating, r.contradiction), (Rating::Green, None));
    }

    /// An out-of-date value is not evidence of how things stand now: a Red
    /// measure last measured long ago does not turn an on-target milestone
    /// Amber (but its rating in the measures report stands, flagged).
    #[test]
    fn an_out_of_date_red_measure_does_not_turn_on_target_amber() {
        let items = on_target_with_a_quarterly_measure();
        let link = "measures = [\"X\"]";
        // On 2026-01-31 the value of 2025-09-30 is 123 days old: current.
        let r = rate_with(link, &items, "2026-01-31");
        assert_eq!((r.rating, r.rule), (Rating::Amber, Rule::MeasureRed));
        // A day later it is out of date: the milestone's own status stands.
        let r = rate_with(link, &items, "2026-02-01");
        assert_eq!(
            (r.rating, r.rule, r.contradiction),
            (Rating::Green, Rule::OnTarget, None)
        );
    }
}

//! Ratings as at a date: each milestone's BRAG rating and each measure's
//! rating (rated in `measure/rating.rs`, re-exported here), with the facts
//! and the rule behind them, so that every colour in a report can be
//! explained step by step.
//!
//! A rating as at a date D uses only the updates and measured values dated on
//! or before D, and leaves out milestones added after D, so a report for an
//! earlier date comes out the same from today's files. The rules are stated
//! in `docs/rag-rules.md`; the unit tests below check each one.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diag::{Code, Diagnostic};
pub use crate::measure::rating::{
    MeasureRag, MeasureRating, explain_measure, freshness_text, number, rate_measure, shortfall,
    target_basis_text,
};
use crate::model::*;
use crate::report::Colour;
use crate::settings::{Scale, Settings};

/// A milestone's rating. Blue, Green, Amber and Red are colours; paused and
/// not-started items are shown as such (grey), and cancelled items are shown
/// apart and left out of every denominator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    /// Complete.
    Blue,
    /// On target, with recent evidence.
    Green,
    Amber,
    Red,
    Paused,
    /// Not started and not yet within the warning window of its due date.
    NotStarted,
    Cancelled,
}

impl Rating {
    /// Every rating, in the order tables list them.
    pub const ALL: [Rating; 7] = [
        Rating::Blue,
        Rating::Green,
        Rating::Amber,
        Rating::Red,
        Rating::Paused,
        Rating::NotStarted,
        Rating::Cancelled,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The BRAG name, or what a grey item is.
    pub fn name(self) -> &'static str {
        match self {
            Rating::Blue => "Blue",
            Rating::Green => "Green",
            Rating::Amber => "Amber",
            Rating::Red => "Red",
            Rating::Paused => "Paused",
            Rating::NotStarted => "Not started",
            Rating::Cancelled => "Cancelled",
        }
    }

    /// What a milestone with this rating counts as in the summary tables.
    pub fn meaning(self) -> &'static str {
        match self {
            Rating::Blue => "complete",
            Rating::Green => "on target",
            Rating::Amber => "at risk",
            Rating::Red => "not on target",
            Rating::Paused => "paused",
            Rating::NotStarted => "not started",
            Rating::Cancelled => "cancelled",
        }
    }

    /// Blue, Green, Amber or Red: the ratings that count in a percentage.
    pub fn is_rated(self) -> bool {
        matches!(
            self,
            Rating::Blue | Rating::Green | Rating::Amber | Rating::Red
        )
    }

    /// How bad a rating is, for "worse than" comparisons: Blue 0, Green 1,
    /// paused and not started 2, Amber 3, Red 4. Cancelled items are apart
    /// and have no place in this order.
    pub fn badness(self) -> Option<u8> {
        match self {
            Rating::Blue => Some(0),
            Rating::Green => Some(1),
            Rating::Paused | Rating::NotStarted => Some(2),
            Rating::Amber => Some(3),
            Rating::Red => Some(4),
            Rating::Cancelled => None,
        }
    }

    /// The colour on the scale in use (see `docs/rag-rules.md`): on the
    /// three-point and five-point scales a complete item is Green.
    pub fn colour(self, scale: Scale) -> Colour {
        match (self, scale) {
            (Rating::Blue, Scale::Brag) => Colour::Blue,
            (Rating::Blue | Rating::Green, _) => Colour::Green,
            (Rating::Amber, _) => Colour::Amber,
            (Rating::Red, _) => Colour::Red,
            (Rating::Paused | Rating::NotStarted | Rating::Cancelled, _) => Colour::Grey,
        }
    }

    /// The words shown with the colour: "Red", "Green (complete)", "Paused".
    pub fn label(self, scale: Scale) -> String {
        match (self, scale) {
            (Rating::Blue, Scale::Brag) => "Blue".to_string(),
            (Rating::Blue, _) => "Green (complete)".to_string(),
            (r, _) => r.name().to_string(),
        }
    }
}

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

fn days_since(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// The facts and rule behind a milestone's rating, one step per line, e.g.
/// "due 2025-06-30, as at 2025-09-30 overdue by 92 days, not complete".
pub fn explain_milestone(
    model: &Model,
    settings: &Settings,
    ratings: &Ratings,
    ix: MilestoneIx,
) -> Vec<String> {
    let m = model.milestone(ix);
    let as_of = ratings.as_of;
    let mut steps = Vec::new();
    let Some(r) = ratings.milestone(ix) else {
        steps.push(format!(
            "added to the plan on {}, after the as-at date {as_of}: not in the plan yet, so not rated",
            m.added
        ));
        return steps;
    };
    steps.push(format!(
        "added to the plan on {}, on or before the as-at date {as_of}",
        m.added
    ));
    let used = m.updates_as_of(as_of);
    let ignored = m.updates.len() - used.len();
    let ignored_text = match ignored {
        0 => String::new(),
        1 => "; 1 update dated after the as-at date is ignored".to_string(),
        n => format!("; {n} updates dated after the as-at date are ignored"),
    };
    match used.last() {
        Some(u) => steps.push(format!(
            "status as at {as_of}: {} (update of {} by `{}`){ignored_text}",
            u.status,
            u.date,
            model.owner(u.by).id
        )),
        None => steps.push(format!(
            "status as at {as_of}: not-started (no update yet){ignored_text}"
        )),
    }
    steps.push(match r.times_redated {
        0 => format!(
            "due date in force: {} (the baseline, never re-dated)",
            r.due
        ),
        n => format!(
            "due date in force: {} (baseline {}, re-dated {} {})",
            r.due,
            m.due,
            n,
            if n == 1 { "time" } else { "times" }
        ),
    });
    let complete = if r.status == Status::Complete {
        "complete"
    } else {
        "not complete"
    };
    steps.push(match r.days_to_due {
        d if d < 0 => format!(
            "due {}, as at {as_of} overdue by {}, {complete}",
            r.due,
            days_text(-d)
        ),
        0 => format!("due {}, as at {as_of} due that day, {complete}", r.due),
        d => format!(
            "due {}, as at {as_of} due in {}, {complete}",
            r.due,
            days_text(d)
        ),
    });
    let since = r.last_update.unwrap_or(m.added);
    let age = days_since(since, as_of);
    steps.push(format!(
        "last updated {} ({} before); stale after {} days: {}",
        r.last_update
            .map_or_else(|| format!("never (added {})", m.added), |d| d.to_string()),
        days_text(age),
        settings.stale_after_days,
        if age > i64::from(settings.stale_after_days) {
            "stale"
        } else {
            "not stale"
        }
    ));
    if r.status == Status::NotStarted {
        steps.push(format!(
            "warning window: Amber when not started within {} days of the due date",
            settings.warn_within_days
        ));
    }
    if let Some(x) = r.red_measure {
        steps.push(format!(
            "measure `{}` of commitment `{}` is Red as at {as_of}",
            model.measure(x).id,
            model.commitment(m.commitment).id
        ));
    }
    for &x in &model.commitment(m.commitment).measures {
        let mr = ratings.measure(x);
        if mr.rag == MeasureRag::Red && mr.is_out_of_date() {
            let latest = mr.latest.map(|i| model.measure(x).actual[i].date);
            steps.push(format!(
                "measure `{}` of commitment `{}` is Red as at {as_of}, but out of date (latest value of {}): not evidence against the milestone",
                model.measure(x).id,
                model.commitment(m.commitment).id,
                latest.map_or_else(|| "none".to_string(), |d| d.to_string())
            ));
        }
    }
    if let Some(c) = r.contradiction {
        steps.push(format!(
            "the owner's status contradicts the evidence ({}): the computed rating wins and is flagged",
            c.describe(model)
        ));
    }
    steps.push(format!(
        "-> {} (rule: {})",
        r.rating.label(settings.scale),
        r.rule.name()
    ));
    steps
}

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
            update.loc.clone(),
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
            (Contradiction::Overdue { .. }, Some(u)) if u.loc != update.loc => d
                .secondary(u.loc.clone(), "the update that revised the due date")
                .help("record the real status, or a revised `due` with a `reason`"),
            (Contradiction::Overdue { .. }, Some(_)) => {
                d.help("record the real status, or a revised `due` with a `reason`")
            }
            (Contradiction::Overdue { .. }, None) => d
                .secondary(m.due_loc.clone(), "due date")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Input, PlanSet, load};

    const REGISTRY: &str = r#"
[[owner]]
id = "lead"
role = "Head of Service"
org = "Council"

[[board]]
id = "board"
name = "Board"
"#;

    /// A plan set with one strategy, one commitment and the given milestones
    /// and measures (TOML text).
    fn plans(items: &str) -> PlanSet {
        plans_with("", items)
    }

    /// As [`plans`], with extra keys for the commitment.
    fn plans_with(commitment: &str, items: &str) -> PlanSet {
        let plan = format!(
            r#"
[strategy]
id = "S"
title = "Strategy"
start = 2020-01-01
end = 2030-12-31
owner = "lead"
boards = ["board"]

[[priority]]
id = "P"
title = "Priority"

[[commitment]]
id = "C"
priority = "P"
text = "We will"
owner = "lead"
due = 2030-01-01
{commitment}
{items}
"#
        );
        let set = load(vec![
            Input::new("registry.toml", REGISTRY),
            Input::new("plan.toml", plan),
        ]);
        let errors: Vec<_> = set
            .diagnostics
            .iter()
            .filter(|d| d.severity() == crate::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        set
    }

    fn milestone(due: &str, updates: &[(&str, &str)]) -> String {
        let mut s = format!(
            "[[milestone]]\nid = \"M\"\ncommitment = \"C\"\ntitle = \"T\"\nowner = \"lead\"\nadded = 2023-01-01\ndue = {due}\n"
        );
        for (date, status) in updates {
            s += &format!(
                "[[milestone.update]]\ndate = {date}\nstatus = \"{status}\"\nby = \"lead\"\nnote = \"n\"\n"
            );
        }
        s
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

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

    const MEASURE: &str = r#"
[[measure]]
id = "X"
name = "Share"
unit = "%"
direction = "higher"
target = { date = 2027-03-31, value = 92 }
tolerance = 2
actual = [
  { date = 2024-09-30, value = 80 },
  { date = 2025-06-30, value = 91 },
  { date = 2025-09-30, value = 89 },
]
"#;

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
        let items = format!(
            "{}{}",
            milestone("2026-06-30", &[("2026-01-10", "on-target")]),
            MEASURE.replace("tolerance = 2", "tolerance = 2\nfrequency = \"quarterly\"")
        );
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
        let set = plans_with(link, &items);
        let ratings = Ratings::compute(&set.model, &set.settings, d("2026-02-01"));
        let steps = explain_milestone(&set.model, &set.settings, &ratings, MilestoneIx(0));
        assert!(
            steps.contains(&"measure `X` of commitment `C` is Red as at 2026-02-01, but out of date (latest value of 2025-09-30): not evidence against the milestone".to_string()),
            "{steps:#?}"
        );
    }

    #[test]
    fn scale_mapping() {
        assert_eq!(Rating::Blue.colour(Scale::Brag), Colour::Blue);
        assert_eq!(Rating::Blue.colour(Scale::Rag), Colour::Green);
        assert_eq!(Rating::Blue.colour(Scale::FivePoint), Colour::Green);
        assert_eq!(Rating::Blue.label(Scale::Rag), "Green (complete)");
        assert_eq!(Rating::Paused.colour(Scale::Brag), Colour::Grey);
        assert_eq!(Rating::Amber.colour(Scale::FivePoint), Colour::Amber);
    }

    #[test]
    fn explanation_names_the_rule_and_the_data() {
        let set = plans(&milestone("2025-06-30", &[("2025-06-01", "on-target")]));
        let r = Ratings::compute(&set.model, &set.settings, d("2025-09-30"));
        let steps = explain_milestone(&set.model, &set.settings, &r, MilestoneIx(0));
        assert!(
            steps.contains(
                &"due 2025-06-30, as at 2025-09-30 overdue by 92 days, not complete".to_string()
            ),
            "{steps:#?}"
        );
        assert_eq!(steps.last().unwrap(), "-> Red (rule: overdue)");
    }
}

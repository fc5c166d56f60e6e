//! Rollups: milestone ratings counted up to commitments, priorities,
//! strategies, boards, owners, organisations and the whole portfolio, with
//! the percentage complete or on target and an overall colour by the
//! declared rule.
//!
//! Every figure comes from whole-number counts: each milestone in a rollup
//! is counted exactly once by rating and once by status, so the counts add
//! up to the total, and the one percentage is rounded as the settings say,
//! in whole-number arithmetic (see [`Counts::percent`] and
//! `docs/rag-rules.md`). A rollup is never worse than its worst milestone.

use chrono::NaiveDate;

use crate::graph::PlanGraph;
use crate::model::*;
use crate::rating::{MilestoneRating, Rating, Ratings};
use crate::report::{Colour, Percent};
use crate::settings::{PercentOf, RollupRule, Rounding, Scale, Settings};

/// Milestones counted by rating and by the owner's status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Counts {
    ratings: [u64; 7],
    statuses: [u64; 7],
    /// Milestones whose owner's status contradicts the evidence.
    flagged: u64,
}

impl Counts {
    /// Counts the given milestones' ratings; those not yet added are skipped.
    pub fn of(ratings: &Ratings, milestones: impl IntoIterator<Item = MilestoneIx>) -> Counts {
        let mut c = Counts::default();
        for m in milestones {
            if let Some(r) = ratings.milestone(m) {
                c.add(r);
            }
        }
        c
    }

    pub fn add(&mut self, r: &MilestoneRating) {
        self.ratings[r.rating.index()] += 1;
        self.statuses[r.status as usize] += 1;
        self.flagged += u64::from(r.contradiction.is_some());
    }

    /// Adds one milestone with a rating alone (status taken to agree), for
    /// tests and what-if sums.
    pub fn add_rating(&mut self, rating: Rating) {
        self.ratings[rating.index()] += 1;
        let status = match rating {
            Rating::Blue => Status::Complete,
            Rating::Green => Status::OnTarget,
            Rating::Amber => Status::AtRisk,
            Rating::Red => Status::NotOnTarget,
            Rating::Paused => Status::Paused,
            Rating::NotStarted => Status::NotStarted,
            Rating::Cancelled => Status::Cancelled,
        };
        self.statuses[status as usize] += 1;
    }

    pub fn merge(&mut self, other: &Counts) {
        for i in 0..7 {
            self.ratings[i] += other.ratings[i];
            self.statuses[i] += other.statuses[i];
        }
        self.flagged += other.flagged;
    }

    pub fn rating(&self, r: Rating) -> u64 {
        self.ratings[r.index()]
    }

    pub fn status(&self, s: Status) -> u64 {
        self.statuses[s as usize]
    }

    pub fn flagged(&self) -> u64 {
        self.flagged
    }

    /// Every milestone counted, cancelled included.
    pub fn total(&self) -> u64 {
        self.ratings.iter().sum()
    }

    /// Every milestone but the cancelled ones.
    pub fn live(&self) -> u64 {
        self.total() - self.rating(Rating::Cancelled)
    }

    /// Blue, Green, Amber and Red: the denominator of the percentage.
    /// Paused and not-started milestones are live but not rated.
    pub fn rated(&self) -> u64 {
        [Rating::Blue, Rating::Green, Rating::Amber, Rating::Red]
            .iter()
            .map(|&r| self.rating(r))
            .sum()
    }

    /// Blue and Green: complete or on target.
    pub fn complete_or_on_target(&self) -> u64 {
        self.rating(Rating::Blue) + self.rating(Rating::Green)
    }

    /// The milestones the percentage is a share of: the rated ones, or
    /// every live one, as the settings say.
    pub fn denominator(&self, of: PercentOf) -> u64 {
        match of {
            PercentOf::Rated => self.rated(),
            PercentOf::Live => self.live(),
        }
    }

    /// The percentage complete or on target, of the rated or of the live
    /// milestones, rounded as the settings say (down to a whole percent by
    /// default: 99.9% shows as 99%, and 100% means all). `None` when the
    /// denominator is zero. Computed in whole numbers, so it is exact; the
    /// thresholds compare the figure as shown (see [`overall`]), so the
    /// table and the colour never disagree.
    pub fn percent(&self, settings: &Settings) -> Option<Percent> {
        let of = self.denominator(settings.percent_of);
        (of > 0).then(|| share(self.complete_or_on_target(), of, settings.rounding))
    }
}

/// `part` of `whole` (not zero, and `part` at most `whole`) as a rounded
/// percentage, in whole-number arithmetic: halves round up.
fn share(part: u64, whole: u64, rounding: Rounding) -> Percent {
    let small = |x: u64| u32::try_from(x).expect("at most 1000");
    match rounding {
        Rounding::Down => Percent::whole(small(part * 100 / whole)),
        Rounding::Nearest => Percent::whole(small((part * 200 + whole) / (2 * whole))),
        Rounding::OneDecimal => Percent::tenths(small((part * 2000 + whole) / (2 * whole))),
    }
}

/// Why a rollup has its overall colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// No live milestone.
    NoMilestones,
    /// Live milestones, but all paused or not started.
    NotRated,
    /// Every live milestone is complete.
    AllComplete,
    Thresholds,
    WorstOf,
}

/// A rollup's overall rating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overall {
    pub colour: Colour,
    /// The colour in words, or "No milestones" / "Not rated" for grey.
    pub label: String,
    pub basis: Basis,
    /// When the thresholds gave a colour worse than the rollup's worst
    /// milestone allows: the colour they gave, before it was held.
    pub held_from: Option<Colour>,
}

/// The overall colour of `counts` by the rule and scale in `settings`.
///
/// Thresholds (BRAG and three-point): Green when at least `green-at-least`%
/// of rated milestones are Blue or Green and none is Red; Red when under
/// `red-below`%; Amber otherwise. The five-point scale splits these bands:
/// at least `green-at-least`% but with a Red is Amber/Green; the Amber band
/// is split at its midpoint into Amber (upper) and Amber/Red (lower). The
/// percentage compared is the one shown, rounded as the settings say.
/// Worst-of: the worst colour of any rated milestone. Either way a rollup
/// whose every live milestone is complete is Blue on the BRAG scale.
///
/// A rollup is never worse than its worst live milestone: with no Red
/// milestone, a colour worse than Amber (Red, Amber/Red) is held at Amber;
/// with no Amber or Red one either, a colour worse than Green is held at
/// Green. So Red needs a Red milestone, and Green is never shown with one.
pub fn overall(counts: &Counts, settings: &Settings) -> Overall {
    let grey = |label: &str, basis| Overall {
        colour: Colour::Grey,
        label: label.to_string(),
        basis,
        held_from: None,
    };
    if counts.live() == 0 {
        return grey("No milestones", Basis::NoMilestones);
    }
    if counts.rated() == 0 {
        return grey("Not rated", Basis::NotRated);
    }
    let coloured = |colour: Colour, basis| Overall {
        colour,
        label: colour.name().to_string(),
        basis,
        held_from: None,
    };
    if counts.rating(Rating::Blue) == counts.live() {
        let colour = if settings.scale == Scale::Brag {
            Colour::Blue
        } else {
            Colour::Green
        };
        return coloured(colour, Basis::AllComplete);
    }
    let red = counts.rating(Rating::Red) > 0;
    let colour = match settings.rollup {
        RollupRule::WorstOf => {
            let colour = if red {
                Colour::Red
            } else if counts.rating(Rating::Amber) > 0 {
                Colour::Amber
            } else {
                Colour::Green
            };
            return coloured(colour, Basis::WorstOf);
        }
        RollupRule::Thresholds => {
            let pct = counts
                .percent(settings)
                .expect("live and rated are not zero")
                .in_tenths();
            let green = u32::from(settings.green_at_least) * 10;
            let red_below = u32::from(settings.red_below) * 10;
            let five = settings.scale == Scale::FivePoint;
            if pct >= green && !red {
                Colour::Green
            } else if pct >= green {
                if five {
                    Colour::AmberGreen
                } else {
                    Colour::Amber
                }
            } else if pct < red_below {
                Colour::Red
            } else if five && pct < midpoint(settings) * 10 {
                Colour::AmberRed
            } else {
                Colour::Amber
            }
        }
    };
    let limit = worst_allowed(counts);
    if colour_rank(colour) > colour_rank(limit) {
        Overall {
            held_from: Some(colour),
            ..coloured(limit, Basis::Thresholds)
        }
    } else {
        coloured(colour, Basis::Thresholds)
    }
}

/// The worst colour a rollup with these milestones may have: Red with a
/// Red milestone, Amber with an Amber one and no Red, Green otherwise.
fn worst_allowed(counts: &Counts) -> Colour {
    if counts.rating(Rating::Red) > 0 {
        Colour::Red
    } else if counts.rating(Rating::Amber) > 0 {
        Colour::Amber
    } else {
        Colour::Green
    }
}

/// The five-point scale's split of the Amber band: (`red-below` +
/// `green-at-least`) / 2, rounded down.
pub fn midpoint(settings: &Settings) -> u32 {
    (u32::from(settings.red_below) + u32::from(settings.green_at_least)) / 2
}

/// How bad an overall colour is, for "worse than" and direction of travel:
/// Blue, Green, grey (nothing rated), Amber/Green, Amber, Amber/Red, Red.
pub fn colour_rank(colour: Colour) -> u8 {
    match colour {
        Colour::Blue => 0,
        Colour::Green => 1,
        Colour::Grey => 2,
        Colour::AmberGreen => 3,
        Colour::Amber => 4,
        Colour::AmberRed => 5,
        Colour::Red => 6,
    }
}

/// The counts and thresholds behind a rollup's colour, one step per line.
pub fn explain(counts: &Counts, settings: &Settings) -> Vec<String> {
    let c = |r| counts.rating(r);
    let mut steps = vec![
        format!(
            "{} {}: {} complete (Blue), {} on target (Green), {} at risk (Amber), {} not on target (Red), {} paused, {} not started, {} cancelled",
            counts.total(),
            if counts.total() == 1 {
                "milestone"
            } else {
                "milestones"
            },
            c(Rating::Blue),
            c(Rating::Green),
            c(Rating::Amber),
            c(Rating::Red),
            c(Rating::Paused),
            c(Rating::NotStarted),
            c(Rating::Cancelled)
        ),
        format!(
            "live (all but cancelled): {}; rated (live less paused and not started): {} + {} + {} + {} = {}",
            counts.live(),
            c(Rating::Blue),
            c(Rating::Green),
            c(Rating::Amber),
            c(Rating::Red),
            counts.rated()
        ),
    ];
    if counts.flagged() > 0 {
        steps.push(format!(
            "{} counted by the computed rating where the owner's status says otherwise (flagged)",
            counts.flagged()
        ));
    }
    if let Some(pct) = counts.percent(settings) {
        let of = match settings.percent_of {
            PercentOf::Rated => "rated",
            PercentOf::Live => "live",
        };
        steps.push(format!(
            "complete or on target: {} + {} = {} of {} {of} = {pct}%, {}",
            c(Rating::Blue),
            c(Rating::Green),
            counts.complete_or_on_target(),
            counts.denominator(settings.percent_of),
            rounding_words(settings.rounding)
        ));
    }
    let o = overall(counts, settings);
    let why = match o.basis {
        Basis::NoMilestones => "no live milestones".to_string(),
        Basis::NotRated => "every live milestone is paused or not started".to_string(),
        Basis::AllComplete => "every live milestone is complete".to_string(),
        Basis::WorstOf => "worst-of: the worst colour of any rated milestone".to_string(),
        Basis::Thresholds => {
            let mut text = format!(
                "thresholds: Green needs at least {}% and no Red; Red is under {}%",
                settings.green_at_least, settings.red_below
            );
            if settings.scale == Scale::FivePoint {
                text += &format!(
                    "; five-point: at least {}% with a Red is Amber/Green, under {}% is Amber/Red",
                    settings.green_at_least,
                    midpoint(settings)
                );
            }
            text += "; never worse than the worst milestone";
            text
        }
    };
    steps.push(format!("rule: {why}"));
    if let Some(from) = o.held_from {
        let under = match from {
            Colour::Red => settings.red_below.into(),
            Colour::AmberRed => midpoint(settings),
            _ => settings.green_at_least.into(),
        };
        let none = if o.colour == Colour::Amber {
            "Red"
        } else {
            "Amber or Red"
        };
        steps.push(format!(
            "under {under}%, but no milestone is {none}: held at {}",
            o.label
        ));
    }
    steps.push(format!("-> {}", o.label));
    steps
}

/// How the percentage was rounded, in words: "rounded down".
pub fn rounding_words(rounding: Rounding) -> &'static str {
    match rounding {
        Rounding::Down => "rounded down to a whole percent",
        Rounding::Nearest => "rounded to the nearest whole percent",
        Rounding::OneDecimal => "rounded to one decimal place",
    }
}

/// The plan's tree: for each strategy its priorities and measures, for each
/// priority its commitments, for each commitment its milestones, in plan
/// order. Built in one pass so reports never search.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    pub priorities: Vec<Vec<PriorityIx>>,
    pub measures: Vec<Vec<MeasureIx>>,
    pub commitments: Vec<Vec<CommitmentIx>>,
    pub milestones: Vec<Vec<MilestoneIx>>,
}

impl Tree {
    pub fn build(model: &Model) -> Tree {
        let mut t = Tree {
            priorities: vec![Vec::new(); model.strategies.len()],
            measures: vec![Vec::new(); model.strategies.len()],
            commitments: vec![Vec::new(); model.priorities.len()],
            milestones: vec![Vec::new(); model.commitments.len()],
        };
        for (i, p) in model.priorities.iter().enumerate() {
            t.priorities[p.strategy.index()].push(PriorityIx::from_usize(i));
        }
        for (i, m) in model.measures.iter().enumerate() {
            t.measures[m.strategy.index()].push(MeasureIx::from_usize(i));
        }
        for (i, c) in model.commitments.iter().enumerate() {
            t.commitments[c.priority.index()].push(CommitmentIx::from_usize(i));
        }
        for (i, m) in model.milestones.iter().enumerate() {
            t.milestones[m.commitment.index()].push(MilestoneIx::from_usize(i));
        }
        t
    }
}

/// What a report covers: whole strategies, and single commitments of other
/// strategies (a board may oversee one commitment of a strategy it does not
/// oversee as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    /// Strategies covered as a whole.
    whole: Vec<bool>,
    /// Commitments covered, those of whole strategies included.
    commitments: Vec<bool>,
    /// Measures of whole strategies, and those evidencing a covered commitment.
    measures: Vec<bool>,
}

impl Scope {
    /// Everything in the plan set.
    pub fn portfolio(model: &Model) -> Scope {
        Scope {
            whole: vec![true; model.strategies.len()],
            commitments: vec![true; model.commitments.len()],
            measures: vec![true; model.measures.len()],
        }
    }

    /// Whole strategies, and single commitments.
    pub fn new(model: &Model, strategies: &[StrategyIx], commitments: &[CommitmentIx]) -> Scope {
        let mut s = Scope {
            whole: vec![false; model.strategies.len()],
            commitments: vec![false; model.commitments.len()],
            measures: vec![false; model.measures.len()],
        };
        for &x in strategies {
            s.whole[x.index()] = true;
        }
        for (i, c) in model.commitments.iter().enumerate() {
            if s.whole[model.priority(c.priority).strategy.index()] {
                s.commitments[i] = true;
            }
        }
        for &c in commitments {
            s.commitments[c.index()] = true;
        }
        for (i, m) in model.measures.iter().enumerate() {
            s.measures[i] = s.whole[m.strategy.index()];
        }
        for (i, c) in model.commitments.iter().enumerate() {
            if s.commitments[i] {
                for &m in &c.measures {
                    s.measures[m.index()] = true;
                }
            }
        }
        s
    }

    /// Everything a board oversees, directly or through the boards that
    /// report to it.
    pub fn board(model: &Model, graph: &PlanGraph, board: BoardIx) -> Scope {
        let o = graph.oversight(model, board);
        Scope::new(model, &o.strategies, &o.commitments)
    }

    /// Takes out every strategy that is closed and whose period ended
    /// before `as_of` (see [`Strategy::is_closed_at`]), with its
    /// commitments and measures; returns those that were in scope, in plan
    /// order, to be shown in one line each at their final position.
    pub fn close_ended(&mut self, model: &Model, as_of: NaiveDate) -> Vec<StrategyIx> {
        let closed: Vec<bool> = model
            .strategies
            .iter()
            .map(|s| s.is_closed_at(as_of))
            .collect();
        let mut touched = vec![false; model.strategies.len()];
        for (i, c) in model.commitments.iter().enumerate() {
            let s = model.priority(c.priority).strategy.index();
            if closed[s] && self.commitments[i] {
                touched[s] = true;
                self.commitments[i] = false;
            }
        }
        for (i, m) in model.measures.iter().enumerate() {
            if closed[m.strategy.index()] {
                self.measures[i] = false;
            }
        }
        for (s, &c) in closed.iter().enumerate() {
            if c && self.whole[s] {
                touched[s] = true;
                self.whole[s] = false;
            }
        }
        touched
            .iter()
            .enumerate()
            .filter(|(_, t)| **t)
            .map(|(i, _)| StrategyIx::from_usize(i))
            .collect()
    }

    pub fn is_whole(&self, s: StrategyIx) -> bool {
        self.whole[s.index()]
    }

    pub fn has_commitment(&self, c: CommitmentIx) -> bool {
        self.commitments[c.index()]
    }

    pub fn has_milestone(&self, model: &Model, m: MilestoneIx) -> bool {
        self.has_commitment(model.milestone(m).commitment)
    }

    /// Whether any of a strategy is covered.
    pub fn touches(&self, tree: &Tree, s: StrategyIx) -> bool {
        self.is_whole(s)
            || tree.priorities[s.index()].iter().any(|p| {
                tree.commitments[p.index()]
                    .iter()
                    .any(|&c| self.has_commitment(c))
            })
    }

    /// A measure is covered when its strategy is, or when it evidences a
    /// covered commitment.
    pub fn has_measure(&self, m: MeasureIx) -> bool {
        self.measures[m.index()]
    }

    /// Every covered milestone, in plan order.
    pub fn milestones<'a>(&'a self, model: &'a Model) -> impl Iterator<Item = MilestoneIx> + 'a {
        model
            .milestones
            .iter()
            .enumerate()
            .filter(|(_, m)| self.has_commitment(m.commitment))
            .map(|(i, _)| MilestoneIx::from_usize(i))
    }
}

/// Counts for every commitment, priority and strategy, and the portfolio,
/// in one pass over the milestones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rollups {
    pub commitments: Vec<Counts>,
    pub priorities: Vec<Counts>,
    pub strategies: Vec<Counts>,
    pub portfolio: Counts,
}

impl Rollups {
    pub fn compute(model: &Model, ratings: &Ratings) -> Rollups {
        let mut r = Rollups {
            commitments: vec![Counts::default(); model.commitments.len()],
            priorities: vec![Counts::default(); model.priorities.len()],
            strategies: vec![Counts::default(); model.strategies.len()],
            portfolio: Counts::default(),
        };
        for (i, m) in model.milestones.iter().enumerate() {
            let Some(rating) = &ratings.milestones[i] else {
                continue;
            };
            let c = model.commitment(m.commitment);
            let p = model.priority(c.priority);
            r.commitments[m.commitment.index()].add(rating);
            r.priorities[c.priority.index()].add(rating);
            r.strategies[p.strategy.index()].add(rating);
            r.portfolio.add(rating);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proptests::any_settings;
    use proptest::prelude::{
        Strategy as Gen, any, prop_assert, prop_assert_eq, prop_assume, proptest,
    };

    fn counts(list: &[(Rating, u64)]) -> Counts {
        let mut c = Counts::default();
        for &(r, n) in list {
            for _ in 0..n {
                c.add_rating(r);
            }
        }
        c
    }

    fn with(scale: Scale, rollup: RollupRule) -> Settings {
        Settings {
            scale,
            rollup,
            ..Settings::default()
        }
    }

    fn pct(c: &Counts, s: &Settings) -> Option<String> {
        c.percent(s).map(|p| p.to_string())
    }

    fn convention(percent_of: PercentOf, rounding: Rounding) -> Settings {
        Settings {
            percent_of,
            rounding,
            ..Settings::default()
        }
    }

    #[test]
    fn percent_is_rounded_down_over_rated_milestones_by_default() {
        let s = Settings::default();
        // 2 of 3 is 66.67%: 66.
        let c = counts(&[
            (Rating::Blue, 1),
            (Rating::Green, 1),
            (Rating::Red, 1),
            (Rating::Paused, 4),
            (Rating::Cancelled, 2),
        ]);
        assert_eq!(pct(&c, &s).as_deref(), Some("66"));
        assert_eq!((c.total(), c.live(), c.rated()), (9, 7, 3));
        // 199 of 200 is 99.5%: 99, never 100 until all.
        let c = counts(&[(Rating::Green, 199), (Rating::Amber, 1)]);
        assert_eq!(pct(&c, &s).as_deref(), Some("99"));
        assert_eq!(Counts::default().percent(&s), None);
    }

    #[test]
    fn percent_of_live_milestones_counts_paused_and_not_started() {
        let s = convention(PercentOf::Live, Rounding::Down);
        // 2 of 7 live (the paused ones count, the cancelled do not).
        let c = counts(&[
            (Rating::Blue, 1),
            (Rating::Green, 1),
            (Rating::Red, 1),
            (Rating::Paused, 4),
            (Rating::Cancelled, 2),
        ]);
        assert_eq!(pct(&c, &s).as_deref(), Some("28"));
        // Nothing rated, but live: 0%, and the rollup still "Not rated".
        let c = counts(&[(Rating::NotStarted, 3)]);
        assert_eq!(pct(&c, &s).as_deref(), Some("0"));
        assert_eq!(overall(&c, &s).label, "Not rated");
        assert_eq!(counts(&[(Rating::Cancelled, 1)]).percent(&s), None);
    }

    /// The council's published figure: "174 milestones in progress ... 152
    /// or 87% had been completed or on track", every live milestone the
    /// denominator, to the nearest whole percent (152 / 174 = 87.36%).
    #[test]
    fn the_published_convention_is_expressible() {
        let s = convention(PercentOf::Live, Rounding::Nearest);
        let c = counts(&[
            (Rating::Blue, 100),
            (Rating::Green, 52),
            (Rating::Amber, 12),
            (Rating::Red, 4),
            (Rating::NotStarted, 6),
        ]);
        assert_eq!(c.live(), 174);
        assert_eq!(pct(&c, &s).as_deref(), Some("87"));
        let s = convention(PercentOf::Live, Rounding::OneDecimal);
        assert_eq!(pct(&c, &s).as_deref(), Some("87.4"));
    }

    #[test]
    fn rounding_to_the_nearest_takes_halves_up() {
        let nearest = convention(PercentOf::Rated, Rounding::Nearest);
        let tenth = convention(PercentOf::Rated, Rounding::OneDecimal);
        // 7 of 8 is 87.5%: 88 to the nearest whole, 87.5 to one decimal.
        let c = counts(&[(Rating::Green, 7), (Rating::Amber, 1)]);
        assert_eq!(pct(&c, &nearest).as_deref(), Some("88"));
        assert_eq!(pct(&c, &tenth).as_deref(), Some("87.5"));
        // 1 of 3 is 33.33%: 33 and 33.3; 2 of 3: 67 and 66.7.
        let c = counts(&[(Rating::Green, 1), (Rating::Amber, 2)]);
        assert_eq!(pct(&c, &nearest).as_deref(), Some("33"));
        assert_eq!(pct(&c, &tenth).as_deref(), Some("33.3"));
        let c = counts(&[(Rating::Green, 2), (Rating::Amber, 1)]);
        assert_eq!(pct(&c, &nearest).as_deref(), Some("67"));
        assert_eq!(pct(&c, &tenth).as_deref(), Some("66.7"));
        // All: 100 and 100.0; none: 0 and 0.0.
        let c = counts(&[(Rating::Green, 3)]);
        assert_eq!(pct(&c, &tenth).as_deref(), Some("100.0"));
        let c = counts(&[(Rating::Amber, 3)]);
        assert_eq!(pct(&c, &tenth).as_deref(), Some("0.0"));
    }

    /// The colour is decided from the figure as shown: under each rounding,
    /// a rollup shown at 90% is Green (with no Red), one shown at 89% or
    /// 89.9% is not.
    #[test]
    fn thresholds_compare_the_figure_as_shown() {
        // 179 of 200 is 89.5%.
        let c = counts(&[(Rating::Green, 179), (Rating::Amber, 21)]);
        let colour = |r| overall(&c, &convention(PercentOf::Rated, r)).colour;
        assert_eq!(colour(Rounding::Down), Colour::Amber); // 89%
        assert_eq!(colour(Rounding::Nearest), Colour::Green); // 90%
        assert_eq!(colour(Rounding::OneDecimal), Colour::Amber); // 89.5%
        // 1799 of 2000 is 89.95%: 90.0 to one decimal, so Green.
        let c = counts(&[(Rating::Green, 1799), (Rating::Amber, 201)]);
        let s = convention(PercentOf::Rated, Rounding::OneDecimal);
        assert_eq!(pct(&c, &s).as_deref(), Some("90.0"));
        assert_eq!(overall(&c, &s).colour, Colour::Green);
    }

    #[test]
    fn thresholds_at_their_edges() {
        let s = Settings::default();
        // Exactly 90% and no Red: Green.
        let c = counts(&[(Rating::Green, 9), (Rating::Amber, 1)]);
        assert_eq!(overall(&c, &s).colour, Colour::Green);
        // 90% with one Red: Amber.
        let c = counts(&[(Rating::Green, 9), (Rating::Red, 1)]);
        assert_eq!(overall(&c, &s).colour, Colour::Amber);
        // 89.9%: Amber.
        let c = counts(&[(Rating::Green, 899), (Rating::Amber, 101)]);
        assert_eq!(overall(&c, &s).colour, Colour::Amber);
        // Exactly 70%: Amber; 69% with a Red: Red.
        let c = counts(&[(Rating::Green, 7), (Rating::Red, 3)]);
        assert_eq!(overall(&c, &s).colour, Colour::Amber);
        let c = counts(&[(Rating::Green, 69), (Rating::Amber, 30), (Rating::Red, 1)]);
        assert_eq!(overall(&c, &s).colour, Colour::Red);
    }

    /// CPS-P1-C2 as at 2025/26 Q2: 2 complete and 1 at risk is 66%, under
    /// 70%, but nothing is off track: Amber, not Red.
    #[test]
    fn red_needs_a_red_milestone() {
        let s = Settings::default();
        let c = counts(&[(Rating::Blue, 2), (Rating::Amber, 1)]);
        let o = overall(&c, &s);
        assert_eq!((o.colour, o.held_from), (Colour::Amber, Some(Colour::Red)));
        assert_eq!(
            explain(&c, &s)[explain(&c, &s).len() - 2],
            "under 70%, but no milestone is Red: held at Amber"
        );
        // With a Red milestone the thresholds stand.
        let c = counts(&[(Rating::Blue, 2), (Rating::Red, 1)]);
        assert_eq!(overall(&c, &s).held_from, None);
        assert_eq!(overall(&c, &s).colour, Colour::Red);
        // Amber/Red on the five-point scale needs one too.
        let five = with(Scale::FivePoint, RollupRule::Thresholds);
        let c = counts(&[(Rating::Green, 75), (Rating::Amber, 25)]);
        let o = overall(&c, &five);
        assert_eq!(
            (o.colour, o.held_from),
            (Colour::Amber, Some(Colour::AmberRed))
        );
    }

    #[test]
    fn with_nothing_at_risk_a_rollup_is_held_at_green() {
        // Half complete and half not started, of all live milestones: 50%,
        // but nothing is Amber or Red.
        let s = convention(PercentOf::Live, Rounding::Down);
        let c = counts(&[(Rating::Blue, 5), (Rating::NotStarted, 5)]);
        let o = overall(&c, &s);
        assert_eq!((o.colour, o.held_from), (Colour::Green, Some(Colour::Red)));
        let steps = explain(&c, &s);
        assert!(
            steps.contains(
                &"under 70%, but no milestone is Amber or Red: held at Green".to_string()
            ),
            "{steps:#?}"
        );
    }

    #[test]
    fn grey_and_blue_rollups() {
        let s = Settings::default();
        assert_eq!(overall(&Counts::default(), &s).label, "No milestones");
        assert_eq!(
            overall(&counts(&[(Rating::Cancelled, 2)]), &s).label,
            "No milestones"
        );
        let c = counts(&[(Rating::Paused, 1), (Rating::NotStarted, 2)]);
        assert_eq!(overall(&c, &s).label, "Not rated");
        let c = counts(&[(Rating::Blue, 3), (Rating::Cancelled, 1)]);
        assert_eq!(overall(&c, &s).colour, Colour::Blue);
        assert_eq!(
            overall(&c, &with(Scale::Rag, RollupRule::Thresholds)).colour,
            Colour::Green
        );
        // Complete but for a paused one: Green, not Blue.
        let c = counts(&[(Rating::Blue, 3), (Rating::Paused, 1)]);
        assert_eq!(overall(&c, &s).colour, Colour::Green);
    }

    #[test]
    fn five_point_bands() {
        let s = with(Scale::FivePoint, RollupRule::Thresholds);
        let cases = [
            (&[(Rating::Green, 10)][..], Colour::Green),
            (
                &[(Rating::Green, 9), (Rating::Red, 1)][..],
                Colour::AmberGreen,
            ),
            (&[(Rating::Green, 8), (Rating::Red, 2)][..], Colour::Amber),
            (
                &[(Rating::Green, 79), (Rating::Red, 21)][..],
                Colour::AmberRed,
            ),
            (
                &[(Rating::Green, 7), (Rating::Red, 3)][..],
                Colour::AmberRed,
            ),
            (&[(Rating::Green, 6), (Rating::Red, 4)][..], Colour::Red),
        ];
        for (list, colour) in cases {
            assert_eq!(overall(&counts(list), &s).colour, colour, "{list:?}");
        }
    }

    #[test]
    fn worst_of() {
        let s = with(Scale::Brag, RollupRule::WorstOf);
        assert_eq!(
            overall(&counts(&[(Rating::Green, 99), (Rating::Red, 1)]), &s).colour,
            Colour::Red
        );
        assert_eq!(
            overall(&counts(&[(Rating::Green, 9), (Rating::Amber, 1)]), &s).colour,
            Colour::Amber
        );
        assert_eq!(
            overall(&counts(&[(Rating::Blue, 1), (Rating::Paused, 1)]), &s).colour,
            Colour::Green
        );
    }

    #[test]
    fn explanation_shows_counts_and_thresholds() {
        let c = counts(&[(Rating::Blue, 1), (Rating::Green, 2), (Rating::Amber, 1)]);
        let steps = explain(&c, &Settings::default());
        assert!(
            steps.contains(
                &"complete or on target: 1 + 2 = 3 of 4 rated = 75%, rounded down to a whole percent"
                    .to_string()
            ),
            "{steps:#?}"
        );
        assert_eq!(steps.last().unwrap(), "-> Amber");
    }

    fn any_rating() -> impl Gen<Value = Rating> {
        proptest::sample::select(Rating::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn counts_always_sum_to_the_total(list in proptest::collection::vec(any_rating(), 0..60)) {
            let mut c = Counts::default();
            for &r in &list {
                c.add_rating(r);
            }
            prop_assert_eq!(c.total(), list.len() as u64);
            prop_assert_eq!(Rating::ALL.iter().map(|&r| c.rating(r)).sum::<u64>(), c.total());
            prop_assert_eq!(Status::ALL.iter().map(|&s| c.status(s)).sum::<u64>(), c.total());
            prop_assert_eq!(c.live() + c.rating(Rating::Cancelled), c.total());
            prop_assert_eq!(
                c.rated() + c.rating(Rating::Paused) + c.rating(Rating::NotStarted),
                c.live()
            );
        }

        /// Replacing one milestone's rating with a worse one never gives a
        /// better overall colour or a higher percentage, on any scale, rule
        /// or thresholds.
        #[test]
        fn worsening_one_milestone_never_improves_a_rollup(
            list in proptest::collection::vec(any_rating(), 1..40),
            pick in any::<proptest::sample::Index>(),
            worse in any_rating(),
            settings in any_settings(),
        ) {
            let i = pick.index(list.len());
            let (Some(before), Some(after)) = (list[i].badness(), worse.badness()) else {
                return Ok(());
            };
            prop_assume!(after > before);
            let mut changed = list.clone();
            changed[i] = worse;
            let (mut a, mut b) = (Counts::default(), Counts::default());
            list.iter().for_each(|&r| a.add_rating(r));
            changed.iter().for_each(|&r| b.add_rating(r));
            let (oa, ob) = (overall(&a, &settings), overall(&b, &settings));
            prop_assert!(
                colour_rank(ob.colour) >= colour_rank(oa.colour),
                "{:?} -> {:?}: {:?} became {:?}", list, changed, oa, ob
            );
            if let (Some(pa), Some(pb)) = (a.percent(&settings), b.percent(&settings)) {
                prop_assert!(pb.in_tenths() <= pa.in_tenths());
            }
        }
    }
}

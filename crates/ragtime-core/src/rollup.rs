//! Rollups: milestone ratings counted up to commitments, priorities,
//! strategies, boards, owners, organisations and the whole portfolio, with
//! the percentage complete or on target and an overall colour by the
//! declared rule.
//!
//! Every figure comes from whole-number counts: each milestone in a rollup
//! is counted exactly once by rating and once by status, so the counts add
//! up to the total, and the one percentage is rounded down (see
//! [`Counts::percent`] and `docs/rag-rules.md`).

use crate::graph::PlanGraph;
use crate::model::*;
use crate::rating::{MilestoneRating, Rating, Ratings};
use crate::report::Colour;
use crate::settings::{RollupRule, Scale, Settings};

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

    /// The percentage of rated milestones that are complete or on target,
    /// rounded **down** to a whole percent (99.9% shows as 99%: 100% means
    /// all). `None` when nothing is rated. Rounding down means the shown
    /// figure reaches a whole-number threshold exactly when the exact
    /// fraction does, so the table and the rule never disagree.
    pub fn percent(&self) -> Option<u32> {
        let rated = self.rated();
        (rated > 0).then(|| {
            u32::try_from(self.complete_or_on_target() * 100 / rated).expect("at most 100")
        })
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
}

/// The overall colour of `counts` by the rule and scale in `settings`.
///
/// Thresholds (BRAG and three-point): Green when at least `green-at-least`%
/// of rated milestones are Blue or Green and none is Red; Red when under
/// `red-below`%; Amber otherwise. The five-point scale splits these bands:
/// at least `green-at-least`% but with a Red is Amber/Green; the Amber band
/// is split at its midpoint into Amber (upper) and Amber/Red (lower).
/// Worst-of: the worst colour of any rated milestone. Either way a rollup
/// whose every live milestone is complete is Blue on the BRAG scale.
pub fn overall(counts: &Counts, settings: &Settings) -> Overall {
    let grey = |label: &str, basis| Overall {
        colour: Colour::Grey,
        label: label.to_string(),
        basis,
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
    match settings.rollup {
        RollupRule::WorstOf => {
            let colour = if red {
                Colour::Red
            } else if counts.rating(Rating::Amber) > 0 {
                Colour::Amber
            } else {
                Colour::Green
            };
            coloured(colour, Basis::WorstOf)
        }
        RollupRule::Thresholds => {
            let pct = counts.percent().expect("rated is not zero");
            let green = u32::from(settings.green_at_least);
            let red_below = u32::from(settings.red_below);
            let five = settings.scale == Scale::FivePoint;
            let colour = if pct >= green && !red {
                Colour::Green
            } else if pct >= green {
                if five {
                    Colour::AmberGreen
                } else {
                    Colour::Amber
                }
            } else if pct < red_below {
                Colour::Red
            } else if five && pct < (red_below + green) / 2 {
                Colour::AmberRed
            } else {
                Colour::Amber
            };
            coloured(colour, Basis::Thresholds)
        }
    }
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
    if let Some(pct) = counts.percent() {
        steps.push(format!(
            "complete or on target: {} + {} = {} of {} = {}%, rounded down",
            c(Rating::Blue),
            c(Rating::Green),
            counts.complete_or_on_target(),
            counts.rated(),
            pct
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
                    (u32::from(settings.red_below) + u32::from(settings.green_at_least)) / 2
                );
            }
            text
        }
    };
    steps.push(format!("rule: {why}"));
    steps.push(format!("-> {}", o.label));
    steps
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

    #[test]
    fn percent_is_rounded_down_over_rated_milestones() {
        // 2 of 3 is 66.67%: 66.
        let c = counts(&[
            (Rating::Blue, 1),
            (Rating::Green, 1),
            (Rating::Red, 1),
            (Rating::Paused, 4),
            (Rating::Cancelled, 2),
        ]);
        assert_eq!(c.percent(), Some(66));
        assert_eq!((c.total(), c.live(), c.rated()), (9, 7, 3));
        // 199 of 200 is 99.5%: 99, never 100 until all.
        let c = counts(&[(Rating::Green, 199), (Rating::Amber, 1)]);
        assert_eq!(c.percent(), Some(99));
        assert_eq!(Counts::default().percent(), None);
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
        // Exactly 70%: Amber; 69%: Red.
        let c = counts(&[(Rating::Green, 7), (Rating::Amber, 3)]);
        assert_eq!(overall(&c, &s).colour, Colour::Amber);
        let c = counts(&[(Rating::Green, 69), (Rating::Amber, 31)]);
        assert_eq!(overall(&c, &s).colour, Colour::Red);
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
            (&[(Rating::Green, 8), (Rating::Amber, 2)][..], Colour::Amber),
            (
                &[(Rating::Green, 79), (Rating::Amber, 21)][..],
                Colour::AmberRed,
            ),
            (
                &[(Rating::Green, 7), (Rating::Amber, 3)][..],
                Colour::AmberRed,
            ),
            (&[(Rating::Green, 6), (Rating::Amber, 4)][..], Colour::Red),
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
            steps
                .contains(&"complete or on target: 1 + 2 = 3 of 4 = 75%, rounded down".to_string()),
            "{steps:#?}"
        );
        assert_eq!(steps.last().unwrap(), "-> Amber");
    }

    fn any_rating() -> impl Gen<Value = Rating> {
        proptest::sample::select(Rating::ALL.to_vec())
    }

    fn any_settings() -> impl Gen<Value = Settings> {
        (
            proptest::sample::select(vec![Scale::Brag, Scale::Rag, Scale::FivePoint]),
            proptest::sample::select(vec![RollupRule::Thresholds, RollupRule::WorstOf]),
            1u8..=100,
            0u8..=100,
        )
            .prop_map(|(scale, rollup, green, red)| Settings {
                scale,
                rollup,
                green_at_least: green,
                red_below: red.min(green),
                ..Settings::default()
            })
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
            if let (Some(pa), Some(pb)) = (a.percent(), b.percent()) {
                prop_assert!(pb <= pa);
            }
        }
    }
}

//! Milestones counted by rating and by the owner's status, and the one
//! percentage (complete or on target) rounded as the settings say, in
//! whole-number arithmetic, as a [`Percent`] reports show; the counts of
//! every commitment, priority and strategy in one pass.

use crate::model::*;
use crate::rating::{MilestoneRating, Rating, Ratings};
use crate::settings::{PercentOf, Rounding, Settings};

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
    /// thresholds compare the figure as shown (see
    /// [`overall`](super::overall)), so the table and the colour never
    /// disagree.
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

/// How the percentage was rounded, in words: "rounded down".
pub fn rounding_words(rounding: Rounding) -> &'static str {
    match rounding {
        Rounding::Down => "rounded down to a whole percent",
        Rounding::Nearest => "rounded to the nearest whole percent",
        Rounding::OneDecimal => "rounded to one decimal place",
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

/// Helpers for the rollup tests: counts from a list of ratings, the
/// percentage as shown, and settings with a percentage convention.
/// A percentage as reports show it, already rounded by the convention in
/// force: a whole number of tenths of a percent, shown with no decimal
/// place (`87`) or with one (`87.4`). Writers add the `%` sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent {
    tenths: u32,
    one_decimal: bool,
}

impl Percent {
    /// A whole percent, shown with no decimal place.
    pub fn whole(percent: u32) -> Percent {
        Percent {
            tenths: percent * 10,
            one_decimal: false,
        }
    }

    /// Tenths of a percent, shown with one decimal place: 874 is `87.4`.
    pub fn tenths(tenths: u32) -> Percent {
        Percent {
            tenths,
            one_decimal: true,
        }
    }

    /// The value in tenths of a percent, whatever it is shown with.
    pub fn in_tenths(self) -> u32 {
        self.tenths
    }

    /// Whether it is shown with one decimal place.
    pub fn has_decimal(self) -> bool {
        self.one_decimal
    }
}

/// `87` or `87.4`, without the `%` sign.
impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.one_decimal {
            write!(f, "{}.{}", self.tenths / 10, self.tenths % 10)
        } else {
            write!(f, "{}", self.tenths / 10)
        }
    }
}

#[cfg(test)]
pub(super) mod testing {
    use super::*;
    use proptest::prelude::Strategy as Gen;

    pub fn counts(list: &[(Rating, u64)]) -> Counts {
        let mut c = Counts::default();
        for &(r, n) in list {
            for _ in 0..n {
                c.add_rating(r);
            }
        }
        c
    }

    pub fn pct(c: &Counts, s: &Settings) -> Option<String> {
        c.percent(s).map(|p| p.to_string())
    }

    pub fn convention(percent_of: PercentOf, rounding: Rounding) -> Settings {
        Settings {
            percent_of,
            rounding,
            ..Settings::default()
        }
    }

    pub fn any_rating() -> impl Gen<Value = Rating> {
        proptest::sample::select(Rating::ALL.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use proptest::prelude::{prop_assert_eq, proptest};

    /// Nine milestones: three rated (one Red), four paused, two cancelled.
    const MIXED: &[(Rating, u64)] = &[
        (Rating::Blue, 1),
        (Rating::Green, 1),
        (Rating::Red, 1),
        (Rating::Paused, 4),
        (Rating::Cancelled, 2),
    ];

    #[test]
    fn percent_is_rounded_down_over_rated_milestones_by_default() {
        let s = Settings::default();
        // 2 of 3 is 66.67%: 66.
        let c = counts(MIXED);
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
        let c = counts(MIXED);
        assert_eq!(pct(&c, &s).as_deref(), Some("28"));
        // Nothing rated, but live: 0% (and the rollup still "Not rated":
        // see `overall.rs`).
        let c = counts(&[(Rating::NotStarted, 3)]);
        assert_eq!(pct(&c, &s).as_deref(), Some("0"));
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
    }
}

//! A rollup's overall colour by the declared rule (thresholds on the
//! percentage as shown, or worst-of), never worse than its worst milestone,
//! and the explanation of it, step by step.

use crate::rating::{Colour, Rating};
use crate::settings::{PercentOf, RollupRule, Scale, Settings};

use super::counts::{Counts, rounding_words};

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

#[cfg(test)]
mod tests {
    use super::super::counts::testing::{any_rating, convention, counts, pct};
    use super::*;
    use crate::proptests::any_settings;
    use crate::settings::Rounding;
    use proptest::prelude::{any, prop_assert, prop_assume, proptest};

    fn with(scale: Scale, rollup: RollupRule) -> Settings {
        Settings {
            scale,
            rollup,
            ..Settings::default()
        }
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
        // Nothing rated but live, with the percentage of live milestones:
        // 0%, and still "Not rated".
        let live = convention(PercentOf::Live, Rounding::Down);
        let c = counts(&[(Rating::NotStarted, 3)]);
        assert_eq!(pct(&c, &live).as_deref(), Some("0"));
        assert_eq!(overall(&c, &live).label, "Not rated");
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

    proptest! {
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

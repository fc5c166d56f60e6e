//! Property tests over whole generated plan sets: every rollup's counts add
//! up, no rollup is worse than its worst milestone, and a rating as at a
//! date ignores everything dated after it, whatever the settings.

use chrono::{Days, NaiveDate};
use proptest::prelude::{Just, Strategy as Gen, prop_assert, prop_assert_eq, proptest};
use proptest::{collection::vec, sample::select};

use crate::model::{Frequency, Status};
use crate::rating::{Rating, Ratings};
use crate::rollup::{Counts, Rollups, colour_rank, overall};
use crate::settings::{PercentOf, RollupRule, Rounding, Scale, Settings};
use crate::{Input, PlanSet, Severity, load};

/// Any scale, rollup rule, thresholds and percentage convention, with any
/// staleness and warning windows and out-of-date grace.
pub(crate) fn any_settings() -> impl Gen<Value = Settings> {
    (
        (
            select(vec![Scale::Brag, Scale::Rag, Scale::FivePoint]),
            select(vec![RollupRule::Thresholds, RollupRule::WorstOf]),
            1u8..=100,
            0u8..=100,
        ),
        (
            select(vec![PercentOf::Rated, PercentOf::Live]),
            select(vec![
                Rounding::Down,
                Rounding::Nearest,
                Rounding::OneDecimal,
            ]),
            1u32..400,
            1u32..100,
            0u32..100,
        ),
    )
        .prop_map(
            |((scale, rollup, green, red), (percent_of, rounding, stale, warn, grace))| Settings {
                scale,
                rollup,
                green_at_least: green,
                red_below: red.min(green),
                percent_of,
                rounding,
                stale_after_days: stale,
                warn_within_days: warn,
                out_of_date_grace_days: grace,
                ..Settings::default()
            },
        )
}

/// Days after 2020-01-01; plans run to the end of 2030.
fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Days::new(u64::from(n))
}

const SPAN: u32 = 4000;

#[derive(Clone, Debug)]
struct GenUpdate {
    gap: u32,
    status: Status,
    redate: Option<u32>,
}

#[derive(Clone, Debug)]
struct GenMilestone {
    added: u32,
    due: u32,
    updates: Vec<GenUpdate>,
}

/// A measure: its final target, interim targets as (gap, value), a
/// trajectory or not, a reporting frequency, and its values as (gap,
/// value).
#[derive(Clone, Debug)]
struct GenMeasure {
    target: f64,
    interim: Vec<(u32, f64)>,
    linear: bool,
    frequency: Option<Frequency>,
    actual: Vec<(u32, f64)>,
}

#[derive(Clone, Debug)]
struct GenCommitment {
    milestones: Vec<GenMilestone>,
    measure: Option<GenMeasure>,
}

fn update() -> impl Gen<Value = GenUpdate> {
    (
        0u32..200,
        select(Status::ALL.to_vec()),
        proptest::option::of(0u32..SPAN),
    )
        .prop_map(|(gap, status, redate)| GenUpdate {
            gap,
            status,
            redate,
        })
}

fn milestone() -> impl Gen<Value = GenMilestone> {
    (0u32..SPAN / 2, 0u32..SPAN, vec(update(), 0..5)).prop_map(|(added, due, updates)| {
        GenMilestone {
            added,
            due,
            updates,
        }
    })
}

fn measure() -> impl Gen<Value = GenMeasure> {
    (
        0.0f64..100.0,
        vec((1u32..700, 0.0f64..100.0), 0..4),
        proptest::bool::ANY,
        proptest::option::of(select(Frequency::ALL.to_vec())),
        vec((0u32..400, 0.0f64..100.0), 0..5),
    )
        .prop_map(|(target, interim, linear, frequency, actual)| GenMeasure {
            target,
            interim,
            linear,
            frequency,
            actual,
        })
}

fn commitment() -> impl Gen<Value = GenCommitment> {
    (vec(milestone(), 0..5), proptest::option::of(measure())).prop_map(|(milestones, measure)| {
        GenCommitment {
            milestones,
            measure,
        }
    })
}

/// Priorities of commitments of milestones.
fn plan() -> impl Gen<Value = Vec<Vec<GenCommitment>>> {
    vec(vec(commitment(), 0..4), 1..4)
}

/// The generated plan as TOML, loaded; panics if it is not sound, since the
/// generator only writes valid plans.
fn plans(priorities: &[Vec<GenCommitment>]) -> PlanSet {
    let mut t = String::from(
        "[[owner]]\nid = \"o\"\nrole = \"Lead\"\norg = \"Council\"\n\
         [[board]]\nid = \"b\"\nname = \"Board\"\n\
         [strategy]\nid = \"S\"\ntitle = \"S\"\nstart = 2020-01-01\nend = 2030-12-31\nowner = \"o\"\nboards = [\"b\"]\n",
    );
    for (p, commitments) in priorities.iter().enumerate() {
        t += &format!("[[priority]]\nid = \"P{p}\"\ntitle = \"P\"\n");
        for (c, gc) in commitments.iter().enumerate() {
            let cid = format!("P{p}-C{c}");
            let measures = if gc.measure.is_some() {
                format!("measures = [\"{cid}-X\"]\n")
            } else {
                String::new()
            };
            t += &format!(
                "[[commitment]]\nid = \"{cid}\"\npriority = \"P{p}\"\ntext = \"T\"\nowner = \"o\"\ndue = 2030-01-01\n{measures}"
            );
            for (m, gm) in gc.milestones.iter().enumerate() {
                t += &format!(
                    "[[milestone]]\nid = \"{cid}-M{m}\"\ncommitment = \"{cid}\"\ntitle = \"T\"\nowner = \"o\"\nadded = {}\ndue = {}\n",
                    day(gm.added),
                    day(gm.due)
                );
                let mut date = gm.added;
                let mut in_force = gm.due;
                for u in &gm.updates {
                    date += u.gap;
                    t += &format!(
                        "[[milestone.update]]\ndate = {}\nstatus = \"{}\"\nby = \"o\"\nnote = \"n\"\n",
                        day(date),
                        u.status
                    );
                    // A re-date to the date in force is an error (E0408).
                    if let Some(r) = u.redate.filter(|&r| r != in_force) {
                        t += &format!("due = {}\nreason = \"r\"\n", day(r));
                        in_force = r;
                    }
                }
            }
            if let Some(gm) = &gc.measure {
                t += &measure_toml(&format!("{cid}-X"), gm);
            }
        }
    }
    let set = load(vec![Input::new("plan.toml", t)]);
    let errors: Vec<_> = set
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    set
}

/// A generated measure as TOML: a baseline on the strategy's first day,
/// interim targets after it in date order, the final target after them.
fn measure_toml(id: &str, gm: &GenMeasure) -> String {
    let mut date = 0;
    let interim: Vec<String> = gm
        .interim
        .iter()
        .map(|(gap, v)| {
            date += gap;
            format!("{{ date = {}, value = {v} }}", day(date))
        })
        .collect();
    let mut date = 0;
    let actual: Vec<String> = gm
        .actual
        .iter()
        .map(|(gap, v)| {
            date += gap + 1;
            format!("{{ date = {}, value = {v} }}", day(date))
        })
        .collect();
    let mut t = format!(
        "[[measure]]\nid = \"{id}\"\nname = \"X\"\ndirection = \"higher\"\n\
         baseline = {{ date = {}, value = 0 }}\n\
         target = {{ date = 2030-12-31, value = {} }}\ntolerance = 5\n\
         interim = [{}]\nactual = [{}]\n",
        day(0),
        gm.target,
        interim.join(", "),
        actual.join(", ")
    );
    if gm.linear {
        t += "trajectory = \"linear\"\n";
    }
    if let Some(f) = gm.frequency {
        t += &format!("frequency = \"{f}\"\n");
    }
    t
}

fn sum<'a>(counts: impl IntoIterator<Item = &'a Counts>) -> u64 {
    counts.into_iter().map(Counts::total).sum()
}

proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Every rollup's counts, by rating and by status, add up to its total;
    /// commitments add up to priorities, priorities to the strategy, and the
    /// strategy to every milestone in the plan by the date.
    #[test]
    fn counts_always_sum_to_the_total(p in plan(), at in 0u32..SPAN) {
        let set = plans(&p);
        let as_of = day(at);
        let ratings = Ratings::compute(&set.model, &set.settings, as_of);
        let r = Rollups::compute(&set.model, &ratings);
        let in_plan = set.model.milestones.iter().filter(|m| m.added <= as_of).count() as u64;
        prop_assert_eq!(r.portfolio.total(), in_plan);
        prop_assert_eq!(sum(&r.commitments), in_plan);
        prop_assert_eq!(sum(&r.priorities), in_plan);
        prop_assert_eq!(sum(&r.strategies), in_plan);
        for c in r.commitments.iter().chain(&r.priorities).chain([&r.portfolio]) {
            let by_rating: u64 = crate::rating::Rating::ALL.iter().map(|&x| c.rating(x)).sum();
            let by_status: u64 = Status::ALL.iter().map(|&s| c.status(s)).sum();
            prop_assert_eq!(by_rating, c.total());
            prop_assert_eq!(by_status, c.total());
            prop_assert!(c.percent(&set.settings).is_none_or(|p| p.in_tenths() <= 1000));
        }
    }

    /// No rollup (commitment, priority, strategy, portfolio) is worse than
    /// its worst live milestone, or Green while one of them is Red, on any
    /// scale, rule, thresholds and percentage convention: Red (and
    /// Amber/Red) needs a Red milestone.
    #[test]
    fn no_rollup_is_worse_than_its_worst_milestone(
        p in plan(),
        at in 0u32..SPAN,
        settings in any_settings(),
    ) {
        let set = plans(&p);
        let ratings = Ratings::compute(&set.model, &settings, day(at));
        let r = Rollups::compute(&set.model, &ratings);
        for c in r.commitments.iter().chain(&r.priorities).chain(&r.strategies).chain([&r.portfolio]) {
            let o = overall(c, &settings);
            let worst = Rating::ALL
                .iter()
                .filter(|&&x| x != Rating::Cancelled && c.rating(x) > 0)
                .map(|&x| colour_rank(x.colour(settings.scale)))
                .max();
            let Some(worst) = worst else {
                prop_assert_eq!(o.label, "No milestones");
                continue;
            };
            prop_assert!(colour_rank(o.colour) <= worst, "{:?} for {:?}", o, c);
            if c.rating(Rating::Red) > 0 {
                prop_assert!(
                    !matches!(o.colour, crate::report::Colour::Green | crate::report::Colour::Blue),
                    "{:?} with a Red milestone", o
                );
            }
        }
    }

    /// A rating as at D is the same whether the updates and values dated
    /// after D are there, changed, or removed, whatever the settings.
    #[test]
    fn a_rating_as_at_d_ignores_every_update_after_d(
        p in plan(),
        at in 0u32..SPAN,
        later in select(Status::ALL.to_vec()),
        shift in Just(1000.0f64),
        settings in any_settings(),
    ) {
        let mut set = plans(&p);
        set.settings = settings;
        let as_of = day(at);
        let full = Ratings::compute(&set.model, &set.settings, as_of);

        let mut cut = set.model.clone();
        for m in &mut cut.milestones {
            m.updates.retain(|u| u.date <= as_of);
        }
        for m in &mut cut.measures {
            m.actual.retain(|x| x.date <= as_of);
        }
        prop_assert_eq!(&full, &Ratings::compute(&cut, &set.settings, as_of));

        let mut changed = set.model.clone();
        for m in &mut changed.milestones {
            for u in m.updates.iter_mut().filter(|u| u.date > as_of) {
                u.status = later;
                u.due = Some(as_of);
            }
        }
        for m in &mut changed.measures {
            for x in m.actual.iter_mut().filter(|x| x.date > as_of) {
                x.value += shift;
            }
        }
        prop_assert_eq!(&full, &Ratings::compute(&changed, &set.settings, as_of));
    }
}

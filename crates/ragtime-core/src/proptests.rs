//! Property tests over whole generated plan sets: every rollup's counts add
//! up, and a rating as at a date ignores everything dated after it.

use chrono::{Days, NaiveDate};
use proptest::prelude::{Just, Strategy as Gen, prop_assert, prop_assert_eq, proptest};
use proptest::{collection::vec, sample::select};

use crate::model::Status;
use crate::rating::Ratings;
use crate::rollup::{Counts, Rollups};
use crate::{Input, PlanSet, Severity, load};

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

#[derive(Clone, Debug)]
struct GenCommitment {
    milestones: Vec<GenMilestone>,
    /// A measure: target and (gap, value) points.
    measure: Option<(f64, Vec<(u32, f64)>)>,
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

fn commitment() -> impl Gen<Value = GenCommitment> {
    (
        vec(milestone(), 0..5),
        proptest::option::of((0.0f64..100.0, vec((0u32..400, 0.0f64..100.0), 0..5))),
    )
        .prop_map(|(milestones, measure)| GenCommitment {
            milestones,
            measure,
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
            if let Some((target, points)) = &gc.measure {
                let mut date = 0;
                let actual: Vec<String> = points
                    .iter()
                    .map(|(gap, v)| {
                        date += gap + 1;
                        format!("{{ date = {}, value = {v} }}", day(date))
                    })
                    .collect();
                t += &format!(
                    "[[measure]]\nid = \"{cid}-X\"\nname = \"X\"\ndirection = \"higher\"\ntarget = {{ date = 2030-01-01, value = {target} }}\ntolerance = 5\nactual = [{}]\n",
                    actual.join(", ")
                );
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
            prop_assert!(c.percent().is_none_or(|p| p <= 100));
        }
    }

    /// A rating as at D is the same whether the updates and values dated
    /// after D are there, changed, or removed.
    #[test]
    fn a_rating_as_at_d_ignores_every_update_after_d(
        p in plan(),
        at in 0u32..SPAN,
        later in select(Status::ALL.to_vec()),
        shift in Just(1000.0f64),
    ) {
        let set = plans(&p);
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

//! The figures the papers give, kept as they give them: baselines among the
//! measured values, statements measured in full, each figure with the
//! population it counts, and targets with the steps on the way to them.

use ragtime_core::EntityRef;

use super::{actuals, commitment, measure, shipped};

#[test]
fn baseline_figures_are_those_the_strategy_gives() {
    let plans = shipped();
    let baseline = |id: &str| {
        let b = measure(&plans, id).baseline.as_ref().expect("baseline");
        (b.date.to_string(), b.value)
    };
    let comparators = |id: &str| -> Vec<(String, f64)> {
        measure(&plans, id)
            .comparators
            .iter()
            .map(|c| (c.name.clone(), c.value))
            .collect()
    };
    // Care leavers in suitable accommodation, March 2023, against national
    // and statistical neighbours.
    assert_eq!(baseline("CPS-M-1.6"), ("2023-03-31".into(), 92.0));
    assert_eq!(
        comparators("CPS-M-1.6"),
        [
            ("National average".to_string(), 88.0),
            ("Statistical neighbours".to_string(), 89.6)
        ]
    );
    // Attainment 8: 22.1 in 2023 against a national 19.1.
    assert_eq!(baseline("CPS-M-3.4").1, 22.1);
    assert_eq!(comparators("CPS-M-3.4")[0].1, 19.1);
    // In touch, September 2024: 93% of 19-21 year olds, 87% of 18 year olds.
    assert_eq!(baseline("CPS-M-4.4"), ("2024-09-30".into(), 93.0));
    assert_eq!(baseline("CPS-M-7.4"), ("2024-09-30".into(), 87.0));
    // EET: 50% in March 2023.
    assert_eq!(baseline("CPS-M-7.5"), ("2023-03-31".into(), 50.0));
    // Children in care: 377 on 1 September 2024.
    assert_eq!(baseline("CPS-M-CIC"), ("2024-09-01".into(), 377.0));
    // SEN: 30.7% with an EHCP and 31.6% on SEN Support, against 4.0% and
    // 15.4% of all Herefordshire pupils.
    assert_eq!(baseline("CPS-M-EHCP").1, 30.7);
    assert_eq!(comparators("CPS-M-EHCP")[0].1, 4.0);
    assert_eq!(baseline("CPS-M-SENSUP").1, 31.6);
    assert_eq!(comparators("CPS-M-SENSUP")[0].1, 15.4);
    // Foster carers' homes up by 20%.
    let foster = measure(&plans, "CPS-M-FOSTER");
    assert_eq!(foster.target.as_ref().map(|t| t.value), Some(20.0));
    // Suspensions: below national, measured as the gap to national.
    let susp = measure(&plans, "CPS-M-SUSP");
    assert_eq!(susp.target.as_ref().map(|t| t.value), Some(0.0));
    // Domestic abuse: 1,294 referrals and 3,877 helpline calls "last year"
    // (October 2018), dated at the end of 2017/18.
    assert_eq!(baseline("DA-M-REF"), ("2018-03-31".into(), 1294.0));
    assert_eq!(baseline("DA-M-CALLS"), ("2018-03-31".into(), 3877.0));
}

/// Every shipped measure with a target more than a year after the start
/// of its strategy (or its baseline) has interim targets or a trajectory,
/// and every measure with a target says how often it is reported. The
/// papers set no interim target and no trajectory, and give a reporting
/// frequency for only a few measures: whatever else was invented is
/// marked illustrative.
#[test]
fn multi_year_targets_have_interim_targets_or_a_trajectory() {
    // IMP-M-45DAYS is in the quarterly performance report; the domestic
    // abuse figures are counted "in the year".
    let sourced_frequency = ["IMP-M-45DAYS", "DA-M-REF", "DA-M-CALLS"];
    let plans = shipped();
    let m = &plans.model;
    let mut missing = Vec::new();
    for x in &m.measures {
        let invented = !x.interim.is_empty()
            || x.trajectory.is_some()
            || (x.frequency.is_some() && !sourced_frequency.contains(&x.id.as_str()));
        if invented && !x.illustrative {
            missing.push(format!("{}: not marked illustrative", x.id));
        }
        let Some(target) = &x.target else {
            continue;
        };
        let s = m.strategy(x.strategy);
        let from = x.baseline.as_ref().map_or(s.start, |b| b.date.min(s.start));
        if (target.date - from).num_days() > 366 && x.interim.is_empty() && x.trajectory.is_none() {
            missing.push(format!("{}: no interim targets or trajectory", x.id));
        }
        if x.frequency.is_none() {
            missing.push(format!("{}: no reporting frequency", x.id));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// CPS-M-7.6 (young people learning to drive): 11 as at 30 September 2025
/// against 25 by December 2027 was Red; against its target for 2025 (8 by
/// the end of the year) it is Green.
#[test]
fn measures_are_rated_against_the_target_in_force() {
    let plans = shipped();
    let as_of = "2025-09-30".parse().unwrap();
    let ratings = ragtime_core::rating::Ratings::compute(&plans.model, &plans.settings, as_of);
    let Some(EntityRef::Measure(ix)) = plans.model.lookup("CPS-M-7.6") else {
        panic!("no CPS-M-7.6");
    };
    let r = ratings.measure(ix);
    assert_eq!(r.target.map(|t| t.value), Some(8.0));
    assert_eq!(r.rag, ragtime_core::rating::MeasureRag::Green);
}

/// The bug: CPS-M-EHCP and CPS-M-SENSUP had a baseline from the strategy
/// (30.7% and 31.6%) and no `actual`, so every report showed "No data"
/// where the paper gives a value; DA-M-MALE's baseline (4%) was a share of
/// all victims, not a value of the measure. A baseline is a value measured:
/// every shipped baseline is one of its measure's actual values.
#[test]
fn every_baseline_is_among_the_measured_values() {
    let plans = shipped();
    let unrecorded: Vec<&str> = plans
        .model
        .measures
        .iter()
        .filter(|x| {
            x.baseline.as_ref().is_some_and(|b| {
                !x.actual
                    .iter()
                    .any(|a| a.date == b.date && a.value == b.value)
            })
        })
        .map(|x| x.id.as_str())
        .collect();
    assert!(
        unrecorded.is_empty(),
        "baseline not in actual: {unrecorded:?}"
    );
}

/// What the strategy names in one statement is measured in full: social
/// workers and personal advisors (4.3), offending and being a victim of
/// crime (6.3), absence, changing schools and exclusions (3.3).
#[test]
fn narrowed_measures_say_what_the_strategy_says() {
    let plans = shipped();
    let name = |id: &str| measure(&plans, id).name.to_lowercase();
    assert!(name("CPS-M-4.3").starts_with("social workers change much less"));
    assert!(name("CPS-M-4.3-PA").starts_with("personal advisors change much less"));
    assert!(name("CPS-M-6.3").contains("as an offender"));
    assert!(name("CPS-M-6.3-VICTIM").contains("as a victim"));
    assert!(name("CPS-M-3.3").contains("absent"));
    assert!(name("CPS-M-3.3-MOVES").starts_with("changing schools less"));
    assert!(name("CPS-M-3.3-EXCL").contains("excluded"));
    for id in [
        "CPS-M-4.3-PA",
        "CPS-M-6.3-VICTIM",
        "CPS-M-3.3-MOVES",
        "CPS-M-3.3-EXCL",
    ] {
        let x = measure(&plans, id);
        assert!(x.illustrative, "{id}: the strategy gives no figure");
        assert!(!x.actual.is_empty(), "{id} has values");
    }
}

/// Figures the papers give that the plans missed: the children in stable
/// placements (over 2.5 years), 74 rising to 101 (Cabinet update, October
/// 2018), and contact with care leavers every eight weeks (the strategy's
/// June 2024 profile), each a measure with its source, on the commitment
/// it evidences.
#[test]
fn stable_placements_and_eight_weekly_contact_are_measured() {
    let plans = shipped();
    let stable = measure(&plans, "CPS-M-STABLE");
    assert_eq!(
        actuals(stable),
        [
            ("2017-10-18".to_string(), 74.0),
            ("2018-10-18".to_string(), 101.0)
        ]
    );
    assert_eq!(stable.unit.as_deref(), Some("children"));
    assert!(stable.name.contains("over 2.5 years"));
    assert!(stable.source.as_deref().unwrap().contains("from 74 to 101"));
    let contact = measure(&plans, "CPS-M-CONTACT");
    assert!(contact.name.contains("eight weeks"));
    assert!(
        contact
            .source
            .as_deref()
            .unwrap()
            .contains("every eight weeks")
    );
    assert_eq!(contact.target.as_ref().map(|t| t.value), Some(100.0));
    let evidences = |c: &str, x: &str| {
        commitment(&plans, c)
            .measures
            .iter()
            .any(|&ix| plans.model.measure(ix).id == x)
    };
    assert!(evidences("CPS-P1-C7", "CPS-M-STABLE"));
    assert!(evidences("CPS-P4-C3", "CPS-M-CONTACT"));
}

/// The SEN figures are shares of children in care; their comparators are
/// shares of all pupils, in their own unit. The male victims' 4% is a share
/// of all victims: the comparator of the service's share of men, not its
/// baseline.
#[test]
fn figures_keep_the_population_the_paper_gives() {
    let plans = shipped();
    for (id, value, all_pupils) in [("CPS-M-EHCP", 30.7, 4.0), ("CPS-M-SENSUP", 31.6, 15.4)] {
        let x = measure(&plans, id);
        assert_eq!(x.unit.as_deref(), Some("% of children in care"));
        assert_eq!(actuals(x), [("2024-06-30".to_string(), value)]);
        let c = &x.comparators[0];
        assert_eq!(
            (c.value, c.unit.as_deref()),
            (all_pupils, Some("% of pupils"))
        );
    }
    let male = measure(&plans, "DA-M-MALE");
    assert_eq!(male.unit.as_deref(), Some("% of people supported"));
    // The new service's figures only, from its first full year.
    assert!(
        male.actual
            .iter()
            .all(|p| p.date.to_string().as_str() >= "2020-03-31")
    );
    assert!(male.baseline.as_ref().is_some_and(|b| b.value != 4.0));
    let c = &male.comparators[0];
    assert_eq!((c.value, c.unit.as_deref()), (4.0, Some("% of victims")));
    // "last year", not a year the paper does not name.
    let Some(EntityRef::Strategy(da)) = plans.model.lookup("DA") else {
        panic!("no strategy DA");
    };
    let summary = plans.model.strategy(da).summary.clone().unwrap();
    assert!(summary.contains("Last year") && !summary.contains("2017/18"));
}

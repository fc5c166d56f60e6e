//! What the Cabinet minutes record, encoded as they give it: the scrutiny
//! recommendations and their responses, the delivery plan's milestones by
//! theme and status, and the money.

use ragtime_core::{EntityRef, Measure};

use super::shipped;

/// Counted by hand from seeds/001 (Cabinet minutes, 18 October 2018):
///
/// - Minute 22, corporate parenting annual update: resolution (b) approves
///   "the executive's response to the recommendation" (one) of the
///   Children and Young People Scrutiny Committee, at appendix 2; its
///   substance is the chair's feedback on mandatory training: 1.
/// - Minute 23, Autism Strategy: resolution (b) approves the response to
///   "the recommendations" (several) at appendix 4; the minutes state one
///   (public buildings) and say there were others, kept as one record: 2.
///
/// Total 3, all made by that committee and answered by Cabinet on 18
/// October 2018. The appendices are not in the papers, so no decision is
/// stated there: every response is marked illustrative.
#[test]
fn scrutiny_recommendations_are_those_the_minutes_record() {
    let plans = shipped();
    let m = &plans.model;
    let ids: Vec<&str> = m.recommendations.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["CYPSC-2018-CP-1", "CYPSC-2018-AUT-1", "CYPSC-2018-AUT-2"]
    );
    for r in &m.recommendations {
        assert_eq!(m.board(r.committee).id, "cyp-scrutiny", "{}", r.id);
        let resp = r.response.as_ref().expect("a response");
        assert_eq!(m.board(resp.by).id, "cabinet", "{}", r.id);
        assert_eq!(resp.date.to_string(), "2018-10-18", "{}", r.id);
        assert!(resp.illustrative, "{}: the decision is inferred", r.id);
        assert!(
            r.source
                .as_deref()
                .is_some_and(|s| s.contains("18 October 2018")),
            "{}",
            r.id
        );
    }
    // The building design recommendation in the minutes' words, delivered
    // by the commitment that restates it.
    let aut1 = &m.recommendations[1];
    assert!(aut1.text.starts_with(
        "New public buildings and revisions to existing public buildings should take into \
         account good practice in design, lighting and colour schemes"
    ));
    let delivered = |r: &ragtime_core::recommendations::Recommendation| -> Vec<String> {
        r.delivered_by
            .iter()
            .map(|d| m.id_of(d.entity()).to_string())
            .collect()
    };
    assert_eq!(delivered(aut1), ["AUT-P4-C1"]);
    assert_eq!(delivered(&m.recommendations[2]), ["AUT-P5-C3"]);
    // Nothing in the plans delivers councillors' training.
    assert!(
        m.recommendations[0]
            .text
            .contains("mandatory for all councillors")
    );
    assert!(m.recommendations[0].delivered_by.is_empty());
    // What the papers do not give is said, not invented.
    assert!(
        m.recommendations[2]
            .text
            .starts_with("Not in the papers held")
    );
}

/// Counted by hand from seeds/003, the minutes of Cabinet of 28 November
/// 2024:
///
/// - Minute 36 (Q2 performance report): four themes; milestones by theme
///   and status at Q2: People 55 (23 completed, 30 on target, 2 at risk),
///   Place 53 (13, 27, 10 at risk, 2 paused, 1 not on target), Growth 42
///   (10, 24, 3 at risk, 5 not on target), Transformation 24 (7, 17): 174.
///   Milestones the minutes name, counted one per thing named: People 14
///   (stop smoking advisors, the mental health agreement, plan and
///   projects, discharge pathways, service user consultation, the ageing
///   population, the rough sleepers' shelter, the holiday programme, the
///   schools maintenance and improvement programmes, Aylestone and
///   Brookfield schools, young people not in education, employment or
///   training), Place 20, Growth 7, Transformation 8: 49; the other 125
///   are illustrative. Indicators: 10 selected, 2 named and Red.
/// - Minute 35 (Q2 budget report): one revenue line (GBP 212.8m), one
///   capital line (GBP 160m revised to GBP 96.4m), one savings target
///   (GBP 19.5m); minute 34: one cap (GBP 368,000).
/// - Seeds/001, minute 20: the domestic abuse service's cap (GBP 1.3m);
///   seeds/000: the GBP 1.6m invested in children's services.
#[test]
fn the_delivery_plan_and_money_are_encoded_as_the_minutes_give_them() {
    let plans = shipped();
    let m = &plans.model;
    let Some(EntityRef::Strategy(dp)) = m.lookup("DP") else {
        panic!("no strategy DP");
    };
    assert!(m.strategy(dp).closed);
    let themes: Vec<&str> = m
        .priorities
        .iter()
        .filter(|p| p.strategy == dp)
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(themes, ["People", "Place", "Growth", "Transformation"]);
    let mut named = [0usize; 4];
    let mut total = [0usize; 4];
    for ms in &m.milestones {
        let p = m.commitment(ms.commitment).priority;
        if m.priority(p).strategy != dp {
            continue;
        }
        let theme = themes
            .iter()
            .position(|t| *t == m.priority(p).title)
            .unwrap();
        total[theme] += 1;
        if !ms.illustrative {
            assert!(ms.source.is_some(), "{} has no source", ms.id);
            named[theme] += 1;
        } else {
            assert!(ms.title.ends_with("(illustrative)"), "{}", ms.id);
        }
    }
    assert_eq!(total, [55, 53, 42, 24], "milestones by theme");
    assert_eq!(named, [14, 20, 7, 8], "milestones the minutes name");
    let indicators: Vec<&Measure> = m.measures.iter().filter(|x| x.strategy == dp).collect();
    assert_eq!(indicators.len(), 10, "indicators selected");
    let ratings =
        ragtime_core::rating::Ratings::compute(m, &plans.settings, "2024-09-30".parse().unwrap());
    let red: Vec<&str> = indicators
        .iter()
        .filter(|x| {
            let ix = match m.lookup(&x.id) {
                Some(EntityRef::Measure(ix)) => ix,
                _ => unreachable!(),
            };
            ratings.measure(ix).is_red_evidence()
        })
        .map(|x| x.id.as_str())
        .collect();
    assert_eq!(red, ["DP-M-45DAYS", "DP-M-AFFORD"], "the two Red at Q2");

    let f = &m.finance;
    let pence = |s: &str| s.parse::<ragtime_core::finance::Money>().unwrap();
    let budget = |id: &str| match m.lookup(id) {
        Some(EntityRef::Budget(b)) => m.budget(b),
        other => panic!("`{id}` is not a budget line: {other:?}"),
    };
    let year: ragtime_core::period::FinancialYear = "2024/25".parse().unwrap();
    let q2 = "2024-09-30".parse().unwrap();
    let revenue = budget("DP-REVENUE").position(year, q2);
    assert_eq!(revenue.budget, Some(pence("GBP 212.8m")));
    assert_eq!(revenue.outturn.map(|o| o.0), Some(pence("GBP 223m")));
    assert_eq!(revenue.after_action, Some(pence("GBP 214.8m")));
    let capital = budget("DP-CAPITAL");
    assert_eq!(
        capital.set_for(year).map(|y| y.amount),
        Some(pence("GBP 160m"))
    );
    assert_eq!(capital.budget_as_of(year, q2), Some(pence("GBP 96.4m")));
    let october = capital.position(year, "2024-10-31".parse().unwrap());
    assert_eq!(october.spent.map(|s| s.0), Some(pence("GBP 30.9m")));
    assert_eq!(october.committed, Some(pence("GBP 32.3m")));
    let savings = &f.savings[0];
    assert_eq!(savings.target, pence("GBP 19.5m"));
    let u = savings.update_as_of(q2).unwrap();
    assert_eq!(
        (u.delivered, u.on_target, u.at_risk),
        (pence("GBP 8.9m"), pence("GBP 5.6m"), pence("GBP 5m"))
    );
    let caps: Vec<(&str, ragtime_core::finance::Money)> =
        f.caps.iter().map(|c| (c.id.as_str(), c.limit)).collect();
    assert_eq!(
        caps,
        [
            ("DP-IT-CAP", pence("GBP 368,000")),
            ("DA-CAP", pence("GBP 1.3m"))
        ]
    );
    assert_eq!(f.caps.len(), 2);
    assert_eq!(
        budget("IMP-INVESTMENT-2018").years[0].amount,
        pence("GBP 1.6m")
    );
    // Every money record says where it comes from; made-up figures are
    // marked.
    assert!(f.budgets.iter().all(|b| b.source.is_some()));
    assert!(budget("DA-SERVICE").illustrative);
    assert!(!budget("DP-REVENUE").illustrative && !budget("DP-CAPITAL").illustrative);
}

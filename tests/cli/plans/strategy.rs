//! The Corporate Parenting Strategy in full: its priorities, objectives,
//! commitments and measures as the document prints them, its governance,
//! and its commitments as the Cabinet pack rates them.

use std::collections::BTreeMap;

use ragtime_core::{EntityRef, Measure};

use super::shipped;

/// Counted by hand from seeds/003 (Cabinet agenda pack, 19 December 2024),
/// the Corporate Parenting Strategy 2025-2027:
///
/// - Priorities: the seven priority outcomes listed under "Our vision".
/// - Objectives: the numbered items of the summary table "Our strategy for
///   our priorities ...": 4 + 5 + 5 + 4 + 3 + 3 + 3 = 27.
/// - Commitments, per priority:
///   1. Homes and housing: 7 "We will" bullets.
///   2. Health and wellbeing: 10 bullets (two begin "Meadows will").
///   3. Learning: 12 bullets; the careers adviser bullet holds a second,
///      separate commitment (sports and arts activities): 13.
///   4. Relationships: 10 bullets; the healthy sex and relationships bullet
///      holds three ("Help ...", "We will include ... Foster carers", "We
///      will also explore ... apps"): 12.
///   5. Listening: 6 "We Will" bullets, 3 items printed under "We have"
///      that are still to do ("Make sure the views ...", "We will make sure
///      all services ...", "Support children ... community"), and 3
///      strategy-wide commitments filed here (the Corporate Parenting Action
///      Plan bullet printed at the end of Independence's "How we will know",
///      "Engagement and co-production", "Being accountable"): 12.
///   6. Safe and protected: 4.
///   7. Independence: 4 "We will" bullets and 4 instructions printed under
///      "We have" after the stray "course.": 8.
///
///   Total 66. Not counted: Appendix 3 "The Promise", carers' promises to
///   the child rather than commitments of a priority.
/// - Measures ("How we will know we are making a difference"), per
///   priority: 7, 10, 6, 4 (the first Relationships bullet holds two
///   statements: adults, and friendships and romantic relationships), 4, 3,
///   and 8 (Independence's ninth bullet is the action plan commitment):
///   42. Their ids are `CPS-M-<priority>.<bullet>`.
/// - A statement that names several things has one measure for each, the
///   first with the statement's id and the others with a suffix: 3.3
///   ("changing schools less and are less likely to be excluded or be
///   absent": absence, `-MOVES`, `-EXCL`), 4.3 ("Social Workers and
///   Personal Advisors": social workers, `-PA`) and 6.3 ("either as a
///   victim of crime or as an offender": offenders, `-VICTIM`): 4 more.
/// - Eight more measures hold the other figures the papers give: children
///   in care, care leavers supported, EHCP, SEN Support, the 20% foster
///   homes increase, suspensions against national, contact with care
///   leavers every eight weeks (the June 2024 profile), and the children in
///   stable placements, 74 then 101 (the Cabinet update of October 2018).
const OBJECTIVES: [usize; 7] = [4, 5, 5, 4, 3, 3, 3];
const COMMITMENTS: [usize; 7] = [7, 10, 13, 12, 12, 4, 8];
const HOW_WE_WILL_KNOW: [usize; 7] = [7, 10, 6, 4, 4, 3, 8];
const PARTS: [&str; 4] = [
    "CPS-M-3.3-EXCL",
    "CPS-M-3.3-MOVES",
    "CPS-M-4.3-PA",
    "CPS-M-6.3-VICTIM",
];
const CONTEXT_MEASURES: [&str; 8] = [
    "CPS-M-CIC",
    "CPS-M-LEAVERS",
    "CPS-M-EHCP",
    "CPS-M-SENSUP",
    "CPS-M-FOSTER",
    "CPS-M-SUSP",
    "CPS-M-CONTACT",
    "CPS-M-STABLE",
];

#[test]
fn corporate_parenting_strategy_is_encoded_in_full() {
    let plans = shipped();
    let m = &plans.model;
    let Some(EntityRef::Strategy(cps)) = m.lookup("CPS") else {
        panic!("no strategy CPS");
    };

    let priorities: Vec<_> = (0..m.priorities.len())
        .filter(|&i| m.priorities[i].strategy == cps)
        .collect();
    assert_eq!(priorities.len(), 7, "priority outcomes");
    for (n, &p) in priorities.iter().enumerate() {
        let p = &m.priorities[p];
        assert_eq!(p.id, format!("CPS-P{}", n + 1));
        assert!(
            p.outcome.as_deref().is_some_and(|o| !o.is_empty()),
            "{} has no outcome statement",
            p.id
        );
    }

    let mut objectives: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for o in &m.objectives {
        let p = m.priority(o.priority);
        if p.strategy == cps {
            objectives
                .entry(p.id.clone())
                .or_default()
                .push(o.number.clone().unwrap_or_default());
        }
    }
    let mut commitments: BTreeMap<String, usize> = BTreeMap::new();
    for c in &m.commitments {
        let p = m.priority(c.priority);
        if p.strategy == cps {
            *commitments.entry(p.id.clone()).or_default() += 1;
        }
    }
    for n in 1..=7 {
        let pid = format!("CPS-P{n}");
        let numbers = objectives.get(&pid).cloned().unwrap_or_default();
        let want: Vec<String> = (1..=OBJECTIVES[n - 1])
            .map(|i| format!("{n}.{i}"))
            .collect();
        assert_eq!(
            numbers, want,
            "objectives of {pid}, as numbered in the summary table"
        );
        assert_eq!(
            commitments.get(&pid).copied().unwrap_or(0),
            COMMITMENTS[n - 1],
            "commitments of {pid}"
        );
    }
    assert_eq!(objectives.values().map(Vec::len).sum::<usize>(), 27);
    assert_eq!(commitments.values().sum::<usize>(), 66);

    let cps_measures: Vec<&Measure> = m.measures.iter().filter(|x| x.strategy == cps).collect();
    let mut bullets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut parts = Vec::new();
    let mut context = Vec::new();
    for x in &cps_measures {
        let rest =
            x.id.strip_prefix("CPS-M-")
                .expect("CPS measure ids start CPS-M-");
        match rest.split_once('.') {
            Some((_, b)) if b.contains('-') => parts.push(x.id.as_str()),
            Some((p, b)) => bullets
                .entry(p.parse().expect("priority number"))
                .or_default()
                .push(b.parse().expect("bullet number")),
            None => context.push(x.id.as_str()),
        }
    }
    for n in 1..=7 {
        let got = bullets.get(&n).cloned().unwrap_or_default();
        let want: Vec<usize> = (1..=HOW_WE_WILL_KNOW[n - 1]).collect();
        assert_eq!(got, want, "\"How we will know\" measures of priority {n}");
    }
    assert_eq!(bullets.values().map(Vec::len).sum::<usize>(), 42);
    parts.sort_unstable();
    assert_eq!(parts, PARTS);
    context.sort_unstable();
    let mut want = CONTEXT_MEASURES.to_vec();
    want.sort_unstable();
    assert_eq!(context, want);
}

#[test]
fn corporate_parenting_governance_matches_the_papers() {
    let plans = shipped();
    let m = &plans.model;
    let Some(EntityRef::Strategy(cps)) = m.lookup("CPS") else {
        panic!("no strategy CPS");
    };
    let s = m.strategy(cps);
    // Endorsed by Cabinet on 19 December 2024 as approved by the Board.
    let approved = s.approved.as_ref().expect("approving decision");
    assert_eq!(m.board(approved.by).id, "cabinet");
    assert_eq!(approved.on.to_string(), "2024-12-19");
    // "We will report to the Corporate Parenting Board". That the Board
    // reports to Cabinet is not in the papers: the board is marked
    // illustrative.
    let boards: Vec<&str> = s.boards.iter().map(|&b| m.board(b).id.as_str()).collect();
    assert_eq!(boards, ["cpb"]);
    let cpb = m.board(s.boards[0]);
    assert_eq!(
        cpb.reports_to.map(|b| m.board(b).id.as_str()),
        Some("cabinet")
    );
    assert!(cpb.illustrative);
    // The equality impact assessment's action: progress reports to the
    // Board, led by the Head of Service for Corporate Parenting.
    let Some(EntityRef::Commitment(report)) = m.lookup("CPS-P5-C12") else {
        panic!("no reporting commitment");
    };
    let report = m.commitment(report);
    assert_eq!(
        report.text,
        "We will report to the Corporate Parenting Board."
    );
    assert_eq!(
        m.owner(report.owner).role,
        "Head of Service for Corporate Parenting"
    );
}

/// The cells of every commitment row of the Cabinet pack as at 2025/26 Q2,
/// as its JSON gives them.
fn cabinet_commitments() -> Vec<serde_json::Value> {
    let run = crate::support::ragtime(&[
        "board",
        "cabinet",
        "--period",
        "2025/26-Q2",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["id"].as_str().unwrap().starts_with("progress-"))
        .flat_map(|s| s["table"]["rows"].as_array().unwrap().clone())
        .filter(|row| row["kind"] == "item")
        .map(|row| row["cells"].clone())
        .collect()
}

/// The bug: in the Cabinet pack as at 2025/26 Q2, 41 of 110 commitments
/// were Red, 26 of them with no Red milestone (CPS-P1-C2: 2 complete and 1
/// at risk is 66%, so Red). A rollup is now never worse than its worst
/// milestone: every Red commitment in the pack has a Red milestone.
#[test]
fn no_red_commitment_in_the_cabinet_pack_without_a_red_milestone() {
    let commitments = cabinet_commitments();
    assert_eq!(commitments.len(), 110, "commitments in the Cabinet pack");
    let red: Vec<&serde_json::Value> = commitments
        .iter()
        .filter(|c| c["rag"]["rag"]["label"] == "Red")
        .collect();
    assert!(!red.is_empty(), "the pack has Red commitments to check");
    let unfounded: Vec<&str> = red
        .iter()
        .filter(|c| c["not_on_target"]["count"].as_u64() == Some(0))
        .map(|c| c["id"]["text"].as_str().unwrap())
        .collect();
    assert!(
        unfounded.is_empty(),
        "Red with no Red milestone: {unfounded:?}"
    );
    // CPS-P1-C2 is held at Amber.
    let c2 = commitments
        .iter()
        .find(|c| c["id"]["text"] == "CPS-P1-C2")
        .unwrap();
    assert_eq!(c2["percent"]["percent"], 66);
    assert_eq!(c2["rag"]["rag"]["label"], "Amber");
}

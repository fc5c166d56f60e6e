//! Building the model: ids, references, values and the findings on each.

use crate::testing::{PLAN, REGISTRY, found, load_files, plan_with, text_at};
use crate::{Code, Status};

fn helps(plans: &crate::PlanSet) -> Vec<&str> {
    plans
        .diagnostics
        .iter()
        .map(|d| d.help.as_deref().unwrap_or(""))
        .collect()
}

/// The bug: a measure with `value = inf` as its target and `tolerance =
/// nan` passed `check`, and the measures report printed "NaN". Every
/// number in a measure must now be finite, and each that is not is
/// found at its place.
#[test]
fn inf_target_and_nan_tolerance_are_refused_not_printed_as_nan() {
    let plans = plan_with(
        "direction = \"higher\"\n",
        "direction = \"higher\"\ntarget = { date = 2027-12-31, value = inf }\ntolerance = nan\n\
         baseline = { date = 2024-12-31, value = -inf }\nactual = [{ date = 2025-03-31, value = nan }]\n\
         comparators = [{ name = \"National\", value = +inf }]\n",
    );
    assert_eq!(
        found(&plans),
        [
            "E0110 plan.toml:44:39",
            "E0110 plan.toml:45:13",
            "E0110 plan.toml:46:41",
            "E0110 plan.toml:47:40",
            "E0110 plan.toml:48:45",
        ]
    );
    assert!(plans.diagnostics.iter().all(|d| d.code == Code::NotFinite));
    assert_eq!(
        plans.diagnostics[1].message,
        "`tolerance` is `nan` (not a number): a measure's figures are plain numbers"
    );
    assert!(!plans.is_sound());
    // A number too large for the computer is infinite too.
    let plans = plan_with(
        "direction = \"higher\"\n",
        "direction = \"higher\"\ntarget = { date = 2027-12-31, value = 1e400 }\n",
    );
    assert_eq!(plans.diagnostics.len(), 1, "{:#?}", plans.diagnostics);
    assert!(matches!(
        plans.diagnostics[0].code,
        Code::NotFinite | Code::Syntax
    ));
}

/// Ids fold as `to_lowercase` folds them, copied or not.
#[test]
fn folded_ids_are_equal_and_hash_alike_when_their_lower_case_is() {
    use super::declare::Folded;
    use std::hash::BuildHasher;
    let hash = |s: &str| foldhash::fast::FixedState::with_seed(1).hash_one(Folded(s));
    let ids = [
        "CPS-P1",
        "cps-p1",
        "Cps-P1",
        "CPS-P2",
        "ÉTÉ",
        "été",
        "Été-1",
        "x".repeat(60).as_str(),
        "X".repeat(60).as_str(),
        "",
        "ǅ",
    ]
    .map(str::to_string);
    for a in &ids {
        for b in &ids {
            let same = a.to_lowercase() == b.to_lowercase();
            assert_eq!(Folded(a) == Folded(b), same, "{a:?} {b:?}");
            if same {
                assert_eq!(hash(a), hash(b), "{a:?} {b:?}");
            }
        }
    }
}

#[test]
fn an_id_written_twice_is_one_finding_and_not_an_unknown_reference() {
    // The measure takes the priority's id (case aside); the commitment
    // refers to it. Only the duplicate is news.
    let plan = PLAN
        .replacen("id = \"CPS-M1\"", "id = \"cps-p1\"", 1)
        .replacen("measures = [\"CPS-M1\"]", "measures = [\"cps-p1\"]", 1);
    let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &plan)]);
    assert_eq!(found(&plans), ["E0201 plan.toml:41:6"]);
    let d = &plans.diagnostics[0];
    assert_eq!(text_at(&plans, &d.secondary[0]), "\"CPS-P1\"");
    assert_eq!(d.secondary[0].text, "first used here, by a priority");
}

#[test]
fn an_id_used_twice_is_found_even_when_one_record_is_broken() {
    // The second milestone lacks its owner; its id is still checked.
    let second = "[[milestone]]\nid = \"CPS-P1-C1-M1\"\ncommitment = \"CPS-P1-C1\"\n\
                  title = \"Again\"\nadded = 2025-01-06\ndue = 2025-06-30\n";
    let plans = load_files(&[
        ("registry.toml", REGISTRY),
        ("plan.toml", PLAN),
        ("z.toml", second),
    ]);
    assert_eq!(found(&plans), ["E0103 z.toml:1:1", "E0201 z.toml:2:6"]);
    assert_eq!(
        plans.diagnostics[1].secondary[0].text,
        "first used here, by a milestone"
    );
}

#[test]
fn the_first_use_of_an_id_is_the_one_higher_up_the_file() {
    // A measure above the priority whose id it takes: the priority is
    // the second use, whatever the kinds.
    let plan = format!(
        "[[measure]]\nid = \"CPS-P1\"\nname = \"n\"\ndirection = \"higher\"\nstrategy = \"CPS\"\n\n{PLAN}"
    );
    let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &plan)]);
    let duplicate = plans
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DuplicateId)
        .unwrap();
    let (line, _) = plans
        .source(duplicate.file())
        .line_col(duplicate.primary.loc.span.start);
    assert_eq!(line, 16);
    assert_eq!(duplicate.secondary[0].text, "first used here, by a measure");
}

#[test]
fn a_reference_to_a_broken_item_is_not_reported_again() {
    // The measure lacks its name, so it is left out; the commitment's
    // reference to it is not also "unknown".
    let plans = plan_with("name = \"Foster carers' homes\"\n", "");
    assert_eq!(found(&plans), ["E0103 plan.toml:40:1"]);
}

#[test]
fn a_reference_to_the_wrong_kind_says_what_it_is() {
    let plans = plan_with(
        "text = \"We will increase our foster carers' homes by 20%.\"\nowner = \"hos-fostering\"",
        "text = \"We will increase our foster carers' homes by 20%.\"\nowner = \"cpb\"",
    );
    assert_eq!(found(&plans), ["E0203 plan.toml:17:9"]);
    let d = &plans.diagnostics[0];
    assert_eq!(d.message, "`cpb` is a board, not an owner");
    assert_eq!(text_at(&plans, &d.secondary[0]), "\"cpb\"");
    assert!(helps(&plans)[0].contains("`boards`"));
}

#[test]
fn unknown_references_suggest_only_likely_slips() {
    let plans = plan_with(
        "added = 2025-01-06",
        "depends-on = [\"CPS-P1-C1-M9\"]\nadded = 2025-01-06",
    );
    // The only milestone is the one that depends: not a suggestion.
    assert_eq!(found(&plans), ["E0202 plan.toml:25:15"]);
    assert_eq!(
        helps(&plans),
        ["add a `[[milestone]]` with this id, or fix the spelling"]
    );
    let plans = plan_with("owner = \"dcs\"", "owner = \"DCS\"");
    assert_eq!(helps(&plans), ["did you mean `dcs`?"]);
}

#[test]
fn the_update_log_is_kept_in_date_order_and_disorder_reported() {
    let plans = plan_with("date = 2025-06-30", "date = 2025-02-28");
    assert_eq!(found(&plans), ["E0403 plan.toml:34:10"]);
    let updates = &plans.model.milestones[0].updates;
    assert_eq!(updates[0].status, Status::AtRisk);
    assert_eq!(updates[1].status, Status::OnTarget);
}

#[test]
fn percent_complete_runs_from_0_to_100() {
    for (percent, ok) in [(0, true), (100, true), (101, false), (-1, false)] {
        let plans = plan_with(
            "status = \"at-risk\"",
            &format!("status = \"at-risk\"\n  percent = {percent}"),
        );
        let codes: Vec<Code> = plans.diagnostics.iter().map(|d| d.code).collect();
        let expected = if ok { vec![] } else { vec![Code::BadValue] };
        assert_eq!(codes, expected, "percent = {percent}");
    }
}

#[test]
fn a_revised_due_date_needs_a_reason_once() {
    let plans = plan_with("  reason = \"Panel dates moved\"\n", "");
    assert_eq!(found(&plans), ["E0407 plan.toml:37:9"]);
    let plans = plan_with("reason = \"Panel dates moved\"", "reason = \"  \"");
    assert_eq!(found(&plans), ["E0407 plan.toml:38:12"]);
}

#[test]
fn complete_and_cancelled_need_a_note() {
    let plans = plan_with("status = \"at-risk\"", "status = \"complete\"");
    assert_eq!(found(&plans), ["E0404 plan.toml:35:12"]);
    let plans = plan_with(
        "status = \"at-risk\"",
        "status = \"cancelled\"\n  note = \" \"",
    );
    assert_eq!(found(&plans), ["E0405 plan.toml:35:12"]);
    let plans = plan_with(
        "status = \"at-risk\"",
        "status = \"complete\"\n  note = \"Campaign launched.\"",
    );
    assert_eq!(found(&plans), Vec::<String>::new());
}

#[test]
fn bad_statuses_get_a_suggestion_or_a_word_about_colours() {
    let plans = plan_with("status = \"at-risk\"", "status = \"Complete\"");
    assert_eq!(helps(&plans), ["did you mean `complete`?"]);
    let plans = plan_with("status = \"at-risk\"", "status = \"Amber\"");
    assert!(helps(&plans)[0].starts_with("a status is not a colour"));
    let plans = plan_with("status = \"at-risk\"", "status = \"stuck\"");
    assert_eq!(helps(&plans), [""]);
}

#[test]
fn ids_are_short_and_plain() {
    let long = "M".repeat(super::MAX_ID_LEN + 1);
    for (id, ok) in [
        ("CPS-P1_a.2", true),
        ("CPS P1", false),
        ("-CPS", false),
        ("CPS/P1", false),
        (long.as_str(), false),
    ] {
        let plans = plan_with("id = \"CPS-P1-C1-M1\"", &format!("id = \"{id}\""));
        let codes: Vec<Code> = plans.diagnostics.iter().map(|d| d.code).collect();
        let expected = if ok { vec![] } else { vec![Code::BadId] };
        assert_eq!(codes, expected, "{id}");
    }
}

#[test]
fn dates_are_plain_dates() {
    let plans = plan_with("added = 2025-01-06", "added = 2025-01-06T10:00:00Z");
    assert_eq!(found(&plans), ["E0105 plan.toml:25:9"]);
    assert_eq!(helps(&plans), ["write `2025-01-06`"]);
    let plans = plan_with("added = 2025-01-06", "added = 10:00:00");
    assert_eq!(
        plans.diagnostics[0].message,
        "`10:00:00` is a time, not a date"
    );
}

#[test]
fn items_say_which_strategy_they_belong_to() {
    let priority = "[[priority]]\nid = \"CPS-P2\"\ntitle = \"Education\"\n";
    let plans = load_files(&[
        ("registry.toml", REGISTRY),
        ("plan.toml", PLAN),
        ("more.toml", priority),
    ]);
    assert_eq!(found(&plans), ["E0204 more.toml:2:6"]);
    let named = priority.replace("title", "strategy = \"CPS\"\ntitle");
    let plans = load_files(&[
        ("registry.toml", REGISTRY),
        ("plan.toml", PLAN),
        ("more.toml", &named),
    ]);
    assert_eq!(found(&plans), Vec::<String>::new());
    assert_eq!(plans.model.priorities.len(), 2);
    let misspelt = priority.replace("title", "strategy = \"CSP\"\ntitle");
    let plans = load_files(&[
        ("registry.toml", REGISTRY),
        ("plan.toml", PLAN),
        ("more.toml", &misspelt),
    ]);
    assert_eq!(found(&plans), ["E0202 more.toml:3:12"]);
}

#[test]
fn one_settings_table_in_the_whole_plan_set() {
    let plans = load_files(&[
        ("a.toml", "[settings]\nscale = \"rag\"\n"),
        ("registry.toml", REGISTRY),
        ("plan.toml", PLAN),
        ("z.toml", "[settings]\nscale = \"brag\"\n"),
    ]);
    assert_eq!(found(&plans), ["E0205 z.toml:1:1"]);
    let d = &plans.diagnostics[0];
    assert_eq!(plans.source(d.secondary[0].loc.file).name, "a.toml");
    // The first table is the one in force.
    assert_eq!(plans.settings.scale, crate::settings::Scale::Rag);
}

/// Owners and boards say where they come from, or that they are
/// illustrative, as commitments and milestones do; without either key
/// they are neither.
#[test]
fn owners_and_boards_keep_their_source_and_illustrative_mark() {
    let registry = REGISTRY
        .replacen(
            "org = \"Herefordshire Council\"\n",
            "org = \"Herefordshire Council\"\nsource = \"Report author\"\n",
            1,
        )
        .replacen(
            "reports-to = \"cabinet\"\n",
            "reports-to = \"cabinet\"\nillustrative = true\n",
            1,
        );
    let plans = load_files(&[("registry.toml", &registry), ("plan.toml", PLAN)]);
    assert_eq!(found(&plans), Vec::<String>::new());
    let m = &plans.model;
    let dcs = &m.owners[0];
    assert_eq!(dcs.source.as_deref(), Some("Report author"));
    assert!(!dcs.illustrative);
    assert!(m.owners[1].source.is_none() && !m.owners[1].illustrative);
    let (cabinet, cpb) = (&m.boards[0], &m.boards[1]);
    assert!(!cabinet.illustrative && cabinet.source.is_none());
    assert!(cpb.illustrative);
}

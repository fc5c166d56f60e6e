//! What each file reaches, checked on small plan sets with one slip each,
//! and a pack made past another file's errors against the pack made
//! without that file.

use std::collections::BTreeSet;

use super::*;
use crate::model::EntityRef;
use crate::testing::load_files;

const REGISTRY: &str = r#"
[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "ba"
name = "Board A"

[[board]]
id = "bb"
name = "Board B"
"#;

/// A strategy `id` overseen by `board`, with one priority, commitment
/// and milestone; `extra` goes at the end.
fn strategy(id: &str, board: &str, extra: &str) -> String {
    format!(
        r#"[strategy]
id = "{id}"
title = "Strategy {id}"
start = 2025-01-01
end = 2027-12-31
owner = "hos"
boards = ["{board}"]

[[priority]]
id = "{id}-P1"
title = "Priority"

[[commitment]]
id = "{id}-C1"
priority = "{id}-P1"
text = "We will."
owner = "hos"
due = 2026-03-31

[[milestone]]
id = "{id}-M1"
commitment = "{id}-C1"
title = "Milestone"
owner = "hos"
added = 2025-01-01
due = 2025-06-30
{extra}"#
    )
}

const BAD_STATUS: &str = r#"
  [[milestone.update]]
  date = 2025-03-31
  status = "on-trak"
  by = "hos"
"#;

/// Whether board `board`'s pack is held by the plan set's errors.
fn held(plans: &PlanSet, board: &str) -> bool {
    let Some(EntityRef::Board(b)) = plans.model.lookup(board) else {
        panic!("no board {board}");
    };
    let model = &plans.model;
    let draws = plans.reach.draws(
        model,
        &Tree::build(model),
        &Scope::board(model, &plans.graph, b),
        &plans.graph.oversight(model, b).boards,
    );
    let held = plans.errors_for(&draws);
    assert_eq!(
        held.inside.len() + held.outside.len(),
        plans.error_count(),
        "every error is counted once"
    );
    !held.inside.is_empty()
}

fn two(a_extra: &str, b_extra: &str) -> PlanSet {
    load_files(&[
        ("registry.toml", REGISTRY),
        ("a.toml", &strategy("A", "ba", a_extra)),
        ("b.toml", &strategy("B", "bb", b_extra)),
    ])
}

/// The bug: one bad status in one lead's file stopped every board's
/// pack, even the packs of boards that do not oversee that strategy.
#[test]
fn a_bad_status_holds_only_the_packs_of_its_own_strategy() {
    let plans = two("", BAD_STATUS);
    assert_eq!(plans.error_count(), 1);
    assert!(!held(&plans, "ba"));
    assert!(held(&plans, "bb"));
}

#[test]
fn registries_settings_and_unread_files_hold_every_pack() {
    let registry = REGISTRY.replacen(
        "org = \"Council\"",
        "org = \"Council\"\nsector = \"cuoncil\"",
        1,
    );
    let plans = load_files(&[
        ("registry.toml", &registry),
        ("a.toml", &strategy("A", "ba", "")),
    ]);
    assert!(held(&plans, "ba"));
    let plans = load_files(&[
        ("registry.toml", REGISTRY),
        ("a.toml", &strategy("A", "ba", "")),
        ("settings.toml", "[settings]\nscale = \"bragg\"\n"),
    ]);
    assert!(held(&plans, "ba"));
    assert_eq!(plans.reach.files[2].everywhere, Some(Everywhere::Settings));
    // A file that is not TOML may hold anything.
    let plans = two("", "oops = [\n");
    assert_eq!(plans.reach.files[2].everywhere, Some(Everywhere::Unread));
    assert!(held(&plans, "ba"));
}

#[test]
fn a_record_that_cannot_be_placed_holds_every_pack() {
    // Its commitment is unknown: it could be any strategy's.
    let lost = "\n[[milestone]]\nid = \"B-M2\"\ncommitment = \"B-C9\"\ntitle = \"t\"\nowner = \"hos\"\nadded = 2025-01-01\ndue = 2025-06-30\n";
    let plans = two("", lost);
    assert_eq!(plans.reach.files[2].everywhere, Some(Everywhere::Unplaced));
    assert!(held(&plans, "ba"));
    // Too broken to read (no owner), but it names its commitment.
    let broken = "\n[[milestone]]\nid = \"B-M2\"\ncommitment = \"B-C1\"\ntitle = \"t\"\nadded = 2025-01-01\ndue = 2025-06-30\n";
    let plans = two("", broken);
    assert_eq!(plans.error_count(), 1);
    assert_eq!(plans.reach.files[2].everywhere, None);
    assert!(!held(&plans, "ba"));
    assert!(held(&plans, "bb"));
    // A misspelt table name that names its commitment is placed too.
    let misspelt = broken.replace("[[milestone]]", "[[milstone]]");
    let plans = two("", &misspelt);
    assert!(!held(&plans, "ba"));
    assert!(held(&plans, "bb"));
}

#[test]
fn a_strategy_too_broken_to_build_still_holds_its_boards_packs() {
    // No owner: the strategy is left out of the model, so board B
    // oversees nothing there; its pack must not be made without it.
    let plans = load_files(&[
        ("registry.toml", REGISTRY),
        ("a.toml", &strategy("A", "ba", "")),
        (
            "b.toml",
            &strategy("B", "bb", "").replacen("owner = \"hos\"\nboards", "boards", 1),
        ),
    ]);
    assert!(plans.model.strategies.iter().all(|s| s.id != "B"));
    assert!(held(&plans, "bb"));
    assert!(!held(&plans, "ba"));
}

#[test]
fn a_broken_commitment_another_board_oversees_holds_that_boards_pack() {
    // B's commitment C2, overseen by board A too, has a bad owner.
    let extra = "\n[[commitment]]\nid = \"B-C2\"\npriority = \"B-P1\"\ntext = \"We will.\"\nowner = \"hso\"\nboards = [\"ba\"]\n";
    let plans = two("", extra);
    assert!(held(&plans, "ba"));
}

#[test]
fn a_measure_of_another_strategy_evidencing_a_commitment_in_scope_holds_the_pack() {
    // A's commitment is evidenced by a measure held in B's file, whose
    // target is out of order.
    let a = strategy("A", "ba", "").replacen(
        "due = 2026-03-31",
        "due = 2026-03-31\nmeasures = [\"B-M\"]",
        1,
    );
    let measure = "\n[[measure]]\nid = \"B-M\"\nname = \"m\"\ndirection = \"higher\"\nbaseline = { date = 2025-01-01, value = 1 }\ninterim = [{ date = 2028-01-01, value = 2 }]\ntarget = { date = 2027-01-01, value = 3 }\n";
    let plans = load_files(&[
        ("registry.toml", REGISTRY),
        ("a.toml", &a),
        ("b.toml", &strategy("B", "bb", measure)),
    ]);
    assert!(plans.error_count() > 0, "{:#?}", plans.diagnostics);
    assert!(held(&plans, "ba"));
    // An error in the same file, but on B's own milestone, would hold
    // A's pack too: the file holds the measure A uses.
    let plans = load_files(&[
        ("registry.toml", REGISTRY),
        ("a.toml", &a),
        (
            "b.toml",
            &strategy(
                "B",
                "bb",
                &format!(
                    "{BAD_STATUS}{}",
                    measure.replace("2028-01-01", "2026-01-01")
                ),
            ),
        ),
    ]);
    assert!(held(&plans, "ba"));
}

/// A recommendation file is drawn on by the packs of the committee
/// that made its recommendations; a pack showing a recommendation
/// draws on the strategies of what delivers it.
#[test]
fn recommendations_reach_their_committees_and_draw_on_what_delivers_them() {
    let rec = |delivered: &str, made: &str| {
        format!(
            "[[recommendation]]\nid = \"R1\"\ncommittee = \"ba\"\nmade = {made}\ntitle = \"t\"\n\
             text = \"t\"\ndelivered-by = [\"{delivered}\"]\n"
        )
    };
    let plans = |rec: &str, b_extra: &str| {
        load_files(&[
            ("registry.toml", REGISTRY),
            ("a.toml", &strategy("A", "ba", "")),
            ("b.toml", &strategy("B", "bb", b_extra)),
            ("recs.toml", rec),
        ])
    };
    // Its date in quotes, so it cannot be read: board A's pack waits,
    // board B's does not.
    let broken = plans(&rec("B-M1", "\"2025-03-01\""), "");
    assert_eq!(
        broken.reach.files[3].boards,
        BTreeSet::from(["ba".to_string()])
    );
    assert!(held(&broken, "ba"));
    assert!(!held(&broken, "bb"));
    // A sound recommendation delivered by B's milestone: a problem in
    // B's file holds board A's pack, whose tracker shows that delivery.
    let delivered = plans(&rec("B-M1", "2025-03-01"), BAD_STATUS);
    assert!(held(&delivered, "ba"));
    let elsewhere = plans(&rec("A-M1", "2025-03-01"), BAD_STATUS);
    assert!(!held(&elsewhere, "ba"));
}

/// Board A's pack as at the end of Q2 2025, if not held.
fn pack_a(plans: &PlanSet) -> Option<crate::report::Document> {
    if held(plans, "ba") {
        return None;
    }
    let Some(EntityRef::Board(b)) = plans.model.lookup("ba") else {
        panic!("no board A");
    };
    let ctx = crate::report::Context::new(plans, "2025-09-30".parse().unwrap()).unwrap();
    Some(crate::report::board_pack(&ctx, b, Default::default()).unwrap())
}

/// `text` with line `line` (modulo the number of lines) changed as a
/// lead might slip: the key or the value of a `key = value` line
/// replaced by `word`, or the line dropped.
fn slip(text: &str, line: usize, how: u8, word: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let n = line % lines.len();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i != n {
            out.push(l.to_string());
            continue;
        }
        match (l.split_once(" = "), how % 4) {
            (_, 3) | (None, _) => {}
            (Some((_, value)), 0) => out.push(format!("{word} = {value}")),
            (Some((key, _)), 1) => out.push(format!("{key} = \"{word}\"")),
            (Some((key, _)), _) => out.push(format!("{key} = 2025-13-{word}")),
        }
    }
    out.join("\n") + "\n"
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Whatever slip is made in strategy B's file, board A's pack is
    /// either held or exactly the pack made without that file: a pack
    /// made while another file has errors leaves nothing of its own
    /// out.
    #[test]
    fn a_pack_made_past_another_files_errors_is_the_pack_without_that_file(
        slips in proptest::collection::vec((0usize..100, 0u8..4, "[a-z]{1,8}"), 1..3),
    ) {
        let mut b = strategy("B", "bb", BAD_STATUS);
        for (line, how, word) in &slips {
            b = slip(&b, *line, *how, word);
        }
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("a.toml", &strategy("A", "ba", "")),
            ("b.toml", &b),
        ]);
        let without = load_files(&[
            ("registry.toml", REGISTRY),
            ("a.toml", &strategy("A", "ba", "")),
        ]);
        proptest::prop_assert!(without.is_sound());
        if let Some(pack) = pack_a(&plans) {
            proptest::prop_assert_eq!(Some(pack), pack_a(&without), "{}", b);
        }
    }
}

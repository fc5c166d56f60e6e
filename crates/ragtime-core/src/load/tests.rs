//! The loader's tests: findings for bad files, and the one-pass read
//! against the recovering read.

use super::*;
use crate::testing::{PLAN, REGISTRY, found, load_files, plan_with, text_at};
use crate::{Input, load};

fn messages(plans: &crate::PlanSet) -> Vec<&str> {
    plans
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect()
}

#[test]
fn every_bad_key_of_a_record_is_reported_and_the_record_still_read() {
    let plans = plan_with(
        "owner = \"hos-fostering\"\nadded",
        "owner = \"hos-fostering\"\nstauts = \"on-target\"\ncolour = \"green\"\n\
         illustrative = \"yes\"\nadded",
    );
    assert_eq!(
        messages(&plans),
        [
            "unknown key `stauts`",
            "unknown key `colour`",
            "expected `true` or `false`, found the text \"yes\"",
        ]
    );
    // Read without its bad keys, the milestone is in the model.
    assert_eq!(plans.model.milestones.len(), 1);
}

#[test]
fn a_milestone_key_that_belongs_in_the_update_log_says_so() {
    let plans = plan_with(
        "added = 2025-01-06",
        "statsu = \"at-risk\"\nadded = 2025-01-06",
    );
    let help = plans.diagnostics[0].help.as_deref().unwrap();
    assert!(help.contains("[[milestone.update]]"), "{help}");
}

#[test]
fn an_update_missing_a_key_is_dropped_and_its_milestone_kept() {
    let plans = plan_with(
        "  status = \"on-target\"\n  by = \"hos-fostering\"\n",
        "  status = \"on-target\"\n",
    );
    assert_eq!(
        messages(&plans),
        ["missing key `by` in `[[milestone.update]]` of `CPS-P1-C1-M1`"]
    );
    assert_eq!(
        text_at(&plans, &plans.diagnostics[0].primary),
        "[[milestone.update]]"
    );
    let milestone = &plans.model.milestones[0];
    assert_eq!(milestone.updates.len(), 1);
    assert_eq!(milestone.updates[0].status, crate::Status::AtRisk);
}

#[test]
fn a_required_key_with_a_bad_value_is_not_also_reported_missing() {
    let plans = plan_with("title = \"Launch", "title = 2025-01-01\nnote = \"Launch");
    assert_eq!(
        messages(&plans),
        [
            "expected text in quotes, found the date `2025-01-01`",
            "unknown key `note`",
        ]
    );
}

#[test]
fn a_missing_key_in_an_inline_table_names_the_table() {
    let plans = plan_with(
        "direction = \"higher\"",
        "direction = \"higher\"\nbaseline = { value = 100 }",
    );
    assert_eq!(
        messages(&plans),
        ["missing key `date` in `baseline` of `CPS-M1`"]
    );
}

#[test]
fn a_single_bracket_list_table_is_reported_and_read() {
    let plans = plan_with("[[milestone]]", "[milestone]");
    assert_eq!(found(&plans), ["E0102 plan.toml:20:1"]);
    assert_eq!(
        plans.diagnostics[0].help.as_deref(),
        Some("write `[[milestone]]` (double brackets) so the file can hold several")
    );
    assert_eq!(plans.model.milestones.len(), 1);
}

#[test]
fn a_child_table_with_no_parent_is_one_finding() {
    let update = "[[milestone.update]]\ndate = 2025-01-01\nstatus = \"on-target\"\nby = \"dcs\"\n";
    let plans = load_files(&[("a.toml", update)]);
    assert_eq!(
        messages(&plans),
        ["`[[milestone.update]]` has no `[[milestone]]` above it"]
    );
    let approved = "[strategy.approved]\nby = \"cabinet\"\non = 2024-12-19\n";
    let plans = load_files(&[("a.toml", approved)]);
    assert_eq!(
        messages(&plans),
        ["`[strategy.approved]` has no `[strategy]` above it"]
    );
    // The parent may come after its child: valid TOML, and read.
    let later = PLAN.replacen(
        "[strategy]",
        "[strategy.approved]\nby = \"cabinet\"\non = 2024-12-19\n\n[strategy]",
        1,
    );
    let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &later)]);
    assert_eq!(found(&plans), Vec::<String>::new());
    assert!(plans.model.strategies[0].approved.is_some());
}

#[test]
fn items_that_are_not_tables_are_explained() {
    let plans = load_files(&[(
        "a.toml",
        "strategy = \"CPS\"\nowner = [\"dcs\"]\nboard = 5\n",
    )]);
    assert_eq!(
        messages(&plans),
        [
            "`strategy` at the top of a file must be a `[strategy]` table, found string",
            "each `owner` must be a table, found string",
            "`board` must be a list of tables, found integer",
        ]
    );
}

#[test]
fn wrong_types_are_said_in_plain_words_with_the_fix() {
    for (old, new, message, help) in [
        (
            "boards = [\"cpb\"]",
            "boards = \"cpb\"",
            "expected a list in square brackets, found the text \"cpb\"",
            "write a list: `boards = [\"cpb\"]`",
        ),
        (
            "due = 2025-06-30",
            "due = \"2025-06-30\"",
            "expected a date, found the text \"2025-06-30\"",
            "write the date without quotes: `due = 2025-06-30`",
        ),
        (
            "status = \"at-risk\"",
            "status = \"at-risk\"\n  percent = 40.5",
            "expected a whole number, found the number 40.5",
            "write a whole number, e.g. `percent = 40`",
        ),
        (
            "direction = \"higher\"",
            "direction = \"higher\"\ntolerance = \"5\"",
            "expected a number, found the text \"5\"",
            "write the number without quotes: `tolerance = 5`",
        ),
        (
            "boards = [\"cpb\"]",
            "boards = [\"cpb\", 7]",
            "expected text in quotes, found the number 7",
            "put the text in double quotes: `\"7\"`",
        ),
    ] {
        let plans = plan_with(old, new);
        let d = &plans.diagnostics[0];
        assert_eq!((d.code, d.message.as_str()), (Code::WrongType, message));
        assert_eq!(d.help.as_deref(), Some(help), "{message}");
    }
}

#[test]
fn encodings_other_than_utf8_are_e0002() {
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend("id = 1\n".encode_utf16().flat_map(u16::to_le_bytes));
    let no_mark: Vec<u8> = "id = 1\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let latin1 = b"a = 1\nnote = \"caf\xe9\"\nb = 2\n".to_vec();
    let plans = load(vec![
        Input::new("utf16.toml", utf16),
        Input::new("no-mark.toml", no_mark),
        Input::new("latin1.toml", latin1),
    ]);
    assert_eq!(
        found(&plans),
        [
            "E0002 utf16.toml:1:1",
            "E0002 no-mark.toml:1:2",
            "E0002 latin1.toml:2:12",
        ]
    );
    assert_eq!(
        plans.diagnostics[0].message,
        "file is UTF-16 (little-endian) text, not UTF-8"
    );
    // The excerpt keeps the line where the text breaks, bad byte marked.
    assert_eq!(plans.sources[2].text, "a = 1\nnote = \"caf\u{FFFD}\"");
    assert_eq!(text_at(&plans, &plans.diagnostics[2].primary), "\u{FFFD}");
}

#[test]
fn files_over_the_cap_are_refused_unread() {
    let plans = load(vec![Input::new("big.toml", vec![b'#'; MAX_FILE_BYTES + 1])]);
    assert_eq!(found(&plans), ["E0004 big.toml:1:1"]);
    assert_eq!(plans.sources[0].text, "");
}

#[test]
fn empty_and_comment_only_files_are_e0003() {
    for text in ["", "\n\n", "# a comment\n"] {
        let plans = load_files(&[("a.toml", text)]);
        assert_eq!(found(&plans), ["E0003 a.toml:1:1"], "{text:?}");
    }
}

#[test]
fn the_base_plan_parses_without_findings() {
    let mut diags = Vec::new();
    assert!(parse(FileId(0), PLAN, &mut diags).is_some());
    assert!(parse(FileId(1), REGISTRY, &mut diags).is_some());
    assert!(diags.is_empty(), "{diags:#?}");
}

/// The one-pass read must give exactly what the `toml` crate gives,
/// spans included, or findings would point elsewhere on sound files; and
/// the record-by-record read gives the same again.
fn same_every_way(text: &str) {
    let fast = read_sound(text).expect("a sound file takes the one-pass read");
    let whole = toml::from_str::<SoundFile>(text)
        .ok()
        .and_then(SoundFile::into_raw)
        .expect("the toml crate reads it");
    assert_eq!(format!("{fast:#?}"), format!("{whole:#?}"));
    let mut diags = Vec::new();
    let slow = recover::parse_recovering(FileId(0), text, &mut diags).expect("readable");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(format!("{fast:#?}"), format!("{slow:#?}"));
}

/// Why the one-pass read refuses `text`.
fn refusal(text: &str) -> String {
    match de::from_str::<SoundFile>(text) {
        Ok(_) => "read".to_string(),
        Err(e) => e.0,
    }
}

#[test]
fn one_pass_read_matches_the_toml_crate_on_the_shipped_plans() {
    same_every_way(include_str!(
        "../../../../plans/corporate-parenting/p1-homes.toml"
    ));
    same_every_way(include_str!("../../../../plans/owners.toml"));
    same_every_way(include_str!("../../../../plans/recommendations.toml"));
    same_every_way(include_str!("../../../../plans/delivery-plan.toml"));
}

pub(super) const EVERY_KIND: &str = r#"
[settings]
scale = "rag"

[strategy]
id = "S"
title = "T"
start = 2025-01-01
end = 2026-01-01
owner = "o"
boards = ["b"]
approved = { by = "b", on = 2024-12-01, note = "n" }

[[owner]]
id = "o"
role = "r"
org = "g"

[[board]]
id = "b"
name = "B"
reports-to = "c"

[[priority]]
id = "S-P1"
title = "P"

[[objective]]
id = "S-P1-O1"
priority = "S-P1"
text = "O"

[[commitment]]
id = "S-P1-C1"
priority = "S-P1"
text = "We will"
owner = "o"
measures = ["S-M"]

[[milestone]]
id = "S-P1-C1-M1"
commitment = "S-P1-C1"
title = "M"
owner = "o"
added = 2025-01-01
due = 2025-06-01
depends-on = ["X"]

  [[milestone.update]]
  date = 2025-02-01
  status = "at-risk"
  by = "o"
  due = 2025-07-01
  reason = "r"
  percent = 10

[[measure]]
id = "S-M"
name = "N"
direction = "higher"
actual = [{ date = 2025-03-31, value = 1.5 }]
comparators = [{ name = "c", value = 2 }]

[[recommendation]]
id = "R1"
committee = "b"
made = 2025-02-01
received = 2025-02-03
title = "T"
text = "X"
delivered-by = ["S-P1-C1", "S-P1-C1-M1"]

  [recommendation.response]
  decision = "partly-accepted"
  date = 2025-03-01
  by = "c"
  text = "Reasons"
  owner = "o"
"#;

#[test]
fn one_pass_read_matches_the_toml_crate_on_every_kind() {
    same_every_way(EVERY_KIND);
}

#[test]
fn one_pass_read_matches_the_toml_crate_on_every_way_of_writing_values() {
    same_every_way(
        r#"
[[owner]]
"id" = 'o'
role = """
Head of \
  Fostering \u00e9"""
org = '''
Council'''
note = "tab\there"   # a comment
illustrative = true

[[measure]]
id = "M"
name = "N"
direction = "higher"
tolerance = 1_000.5e-3
baseline = { date = 2025-01-01, value = 0x10 }
actual = [
  { date = 2025-03-31, value = 1.5 },   # first
  { date = 2025-06-30, value = +inf },
  { date = 2025-09-30, value = 0o17 }, # trailing comma next
]
comparators = [ ]
"#,
    );
}

#[test]
fn files_with_problems_or_no_records_are_left_to_the_recovering_read() {
    assert!(read_sound("").is_none());
    assert!(read_sound("# nothing").is_none());
    assert_eq!(refusal("owner = []"), "read");
    assert!(read_sound("owner = []").is_none());
    assert!(read_sound("[[owner]]\nid = \"o\"\nrole = \"r\"\norg = \"g\"\nx = 1").is_none());
    assert!(read_sound("[milestone]\nid = \"m\"").is_none());
    assert!(read_sound("[oops]").is_none());
    assert_eq!(
        refusal("[[owner]]\nid = \"o\"\nid = \"p\""),
        "a key written twice"
    );
    assert_eq!(
        refusal("[[owner]]\nid = \"o\"\n[owner]\n"),
        "a key written twice"
    );
    assert_eq!(
        refusal("[[owner]]\nid = \"o\n"),
        "a value the parser cannot read"
    );
    assert_eq!(
        refusal("[[owner]]\nid = \"o\"\n[[owner]\n"),
        "the parser found a problem"
    );
}

#[test]
fn an_array_of_tables_may_be_written_in_several_runs() {
    // As the shipped plans are: each commitment followed by its milestones.
    let owner = |id: &str| format!("[[owner]]\nid = \"{id}\"\nrole = \"r\"\norg = \"g\"\n\n");
    let board = |id: &str| format!("[[board]]\nid = \"{id}\"\nname = \"B\"\n\n");
    same_every_way(
        &[
            owner("a"),
            board("x"),
            owner("b"),
            owner("c"),
            board("y"),
            owner("d"),
        ]
        .concat(),
    );
    same_every_way(include_str!(
        "../../../../plans/corporate-parenting/p2-health.toml"
    ));
}

#[test]
fn unusual_layouts_are_left_to_the_toml_crate() {
    // Each is valid TOML that the `toml` crate reads; the one-pass read
    // leaves it to that crate, which gives the records as before.
    let registry = "[[owner]]\nid = \"o\"\nrole = \"r\"\norg = \"g\"\n";
    for (text, why) in [
        (
            "[strategy]\nid = \"S\"\napproved.by = \"b\"\napproved.on = 2025-01-01\n",
            "a dotted key",
        ),
        (
            "[strategy.approved]\nby = \"b\"\non = 2025-01-01\n[strategy]\nid = \"S\"\n",
            "a table header that skips a level",
        ),
        (
            "[[owner]]\nid = 2025-01-01\n",
            "a date where a date is not asked for",
        ),
    ] {
        assert_eq!(refusal(text), why, "{text}");
    }
    let _ = registry;
}

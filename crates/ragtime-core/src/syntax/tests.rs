//! Syntax findings: what is news, where it is, and the help given.

use super::*;
use crate::load::parse;
use crate::testing::{found, load_files, plan_with, text_at};

fn messages(plans: &crate::PlanSet) -> Vec<&str> {
    plans
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect()
}

#[test]
fn only_the_first_syntax_error_on_a_line_is_shown() {
    let plans = load_files(&[("a.toml", "t = {x = 3 y = 4}\nu = 'ok' 'no'\n")]);
    assert_eq!(found(&plans), ["E0001 a.toml:1:10", "E0001 a.toml:2:10"]);
    // `3 y` is more likely a missing comma than text to quote.
    assert_eq!(plans.diagnostics[0].help, None);
}

#[test]
fn a_list_never_closed_is_one_finding_at_its_start() {
    // The parser would report nearly every line below it.
    let plans = plan_with("boards = [\"cpb\"]", "boards = [\"cpb\"");
    assert_eq!(found(&plans), ["E0001 plan.toml:7:10"]);
    assert_eq!(plans.diagnostics[0].message, "this `[` is never closed");
    // An error on the line where it opens is the news.
    let plans = load_files(&[("a.toml", "a = 1\nu = [1,{2]\nv = 'ok'\nw = 2\n")]);
    assert_eq!(found(&plans), ["E0001 a.toml:2:10"]);
}

#[test]
fn never_closed_skips_strings_comments_and_headers() {
    assert_eq!(never_closed("a = [1,\n 2]\n[b]\nc = { d = 1 }\n"), None);
    assert_eq!(never_closed("a = \"[\" # [\nb = '{'\n[[c]]\n"), None);
    assert_eq!(never_closed("a = \"\"\"\n[\n\"\"\"\nb = \"\\\"[\"\n"), None);
    assert_eq!(
        never_closed("x = 1\na = [1,\n[b]\nc = 2\n"),
        Some((10, '['))
    );
    assert_eq!(never_closed("a = { b = [1] \nc = 2"), Some((4, '{')));
    // An unclosed quote ends at its line.
    assert_eq!(never_closed("a = \"oops\n[b]\n"), None);
}

#[test]
fn unquoted_text_gets_the_quoted_fix() {
    let plans = plan_with("status = \"at-risk\"", "status = at-risk");
    let d = &plans.diagnostics[0];
    assert_eq!(d.message, "string values must be quoted");
    assert_eq!(
        d.help.as_deref(),
        Some("put text in double quotes: `status = \"at-risk\"`")
    );
}

#[test]
fn a_duplicate_key_points_at_both_places() {
    let plans = plan_with(
        "  by = \"hos-fostering\"\n  due",
        "  by = \"hos-fostering\"\n  status = \"on-target\"\n  due",
    );
    assert_eq!(found(&plans), ["E0001 plan.toml:37:3"]);
    let d = &plans.diagnostics[0];
    assert_eq!(d.message, "duplicate key `status`");
    let first = &d.secondary[0];
    assert_eq!(text_at(&plans, first), "status");
    assert_eq!(
        plans.source(first.loc.file).line_col(first.loc.span.start),
        (35, 3)
    );
}

#[test]
fn a_table_written_twice_is_one_finding_not_one_per_key() {
    let plans = plan_with(
        "[[priority]]",
        "[strategy]\nid = \"CPS-2\"\ntitle = \"Care Leavers\"\n\n[[priority]]",
    );
    assert_eq!(messages(&plans), ["duplicate key `strategy`"]);
    let d = &plans.diagnostics[0];
    assert_eq!(
        plans
            .source(d.file())
            .line_col(d.secondary[0].loc.span.start),
        (1, 2)
    );
    assert!(d.help.as_deref().unwrap().contains("its own file"));
    // The help names the whole header.
    let plans = plan_with(
        "  [[milestone.update]]\n  date = 2025-06-30",
        "  [milestone.update]\n  date = 2025-06-30",
    );
    assert_eq!(messages(&plans), ["duplicate key `update`"]);
    assert_eq!(
        plans.diagnostics[0].help.as_deref(),
        Some("write `[[milestone.update]]` (double brackets) on every item to make a list")
    );
}

#[test]
fn numbers_the_parser_let_through_are_syntax_errors() {
    let plans = plan_with(
        "status = \"at-risk\"",
        "status = \"at-risk\"\n  percent = 0b",
    );
    assert_eq!(found(&plans), ["E0001 plan.toml:36:13"]);
    assert_eq!(plans.diagnostics[0].message, "invalid integer `0b`");
    // Under a key nothing reads, too.
    let plans = load_files(&[("a.toml", "x = 1_0\u{0660}\n")]);
    assert_eq!(found(&plans), ["E0001 a.toml:1:5"]);
}

#[test]
fn unusual_but_valid_numbers_are_accepted() {
    let mut diags = Vec::new();
    let text = "a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\ne = nan\nf = -inf\ng = 6.02e23\n";
    assert!(parse(FileId(0), text, &mut diags).is_some());
    // Only the unknown top-level keys.
    assert!(
        diags.iter().all(|d| d.code == Code::UnknownKey),
        "{diags:#?}"
    );
}

#[test]
fn nesting_beyond_the_limit_is_too_deep() {
    let deep = format!("x = {}{}\n", "[".repeat(100), "]".repeat(100));
    let plans = load_files(&[("a.toml", &deep)]);
    assert_eq!(
        messages(&plans),
        ["lists or tables are nested deeper than the parser allows"]
    );
    // A long dotted key is reported without a place: find its line.
    let key = format!("a = 1\n\n{} = 1\n", vec!["k"; 100].join("."));
    let plans = load_files(&[("a.toml", &key)]);
    assert_eq!(found(&plans), ["E0005 a.toml:3:1"]);
}

#[test]
fn key_before_finds_the_key_of_a_value() {
    let text = "due = \"x\"\nbaseline = { date = 1 }\nboards = [\"a\", 7]\né = 1\n";
    let at = |needle: &str| text.find(needle).unwrap();
    assert_eq!(key_before(text, at("\"x\"")), Some("due"));
    assert_eq!(key_before(text, at("{ date")), Some("baseline"));
    assert_eq!(key_before(text, at("1 }")), Some("date"));
    assert_eq!(key_before(text, at("7]")), None);
    // A bare key outside ASCII is not a valid key anyway.
    assert_eq!(key_before(text, at("1\n")), None);
}

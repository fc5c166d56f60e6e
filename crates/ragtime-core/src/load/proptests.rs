//! The one-pass read against the way files were read before it, on plan
//! files edited at random: wherever the one pass takes a file, its records
//! equal the `toml` crate's, spans included, and its W0507 warnings the
//! recovering read's; whatever it refuses, [`super::parse`] gives exactly
//! what reading without it gives (records and findings).

use proptest::prelude::*;

use super::*;
use crate::diag;

/// Files to edit: every kind of record, every way of writing a value, and
/// shipped plan files (one with commitments and milestones interleaved), and
/// the money records: budget lines, savings and caps with their updates.
const BASES: &[&str] = &[
    super::tests::EVERY_KIND,
    include_str!("../../../../plans/corporate-parenting/p1-homes.toml"),
    include_str!("../../../../plans/owners.toml"),
    include_str!("../../../../plans/recommendations.toml"),
    r#"[[owner]]
"id" = 'o'
role = """
Head of \
  Fostering \u00e9"""
org = '''
Council'''
note = "tab\there"   # a comment
illustrative = true

[[narrative]]
item = "S"
date = 2025-09-30
by = "o"
text = "Progress was steady."

[[measure]]
id = "M"
name = "N"
direction = "higher"
tolerance = 1_000.5e-3
baseline = { date = 2025-01-01, value = 0x10 }
actual = [
  { date = 2025-03-31, value = 1.5 },   # first
  { date = 2025-06-30, value = +inf },
]
comparators = [ ]
"#,
    r#"[[budget]]
id = "DP-REVENUE"
for = "DP"
title = "Net revenue budget"
kind = "revenue"
owner = "director-finance"
years = [
  { year = "2024/25", amount = "GBP 212.8m", note = "Includes savings." },
]

  [[budget.update]]
  period = "2024/25-Q2"
  variance = "GBP 10.2m"
  variance-after-action = "GBP 2m"

  [[budget.update]]
  date = 2024-10-31
  spent = "GBP 30.9m"
  committed = "GBP 32.3m"

[[saving]]
id = "DP-SAVINGS"
for = "DP"
title = "Savings 2024/25"
year = "2024/25"
target = "GBP 19.5m"
owner = "director-finance"

  [[saving.update]]
  period = "2024/25-Q2"
  delivered = "GBP 8.9m"
  on-target = "GBP 5.6m"
  at-risk = "GBP 5m"

[[cap]]
id = "DP-IT-CAP"
for = "DP-P4"
title = "IT capital"
limit = "GBP 368,000"
start = 2024-11-28
end = 2025-03-31
approved = { by = "cabinet", on = 2024-11-28 }
"#,
];

/// Lines a service lead (or a slip) might put in a plan file.
const LINES: &[&str] = &[
    "[[milestone]]",
    "[[milestone.update]]",
    "[milestone]",
    "[strategy]",
    "[strategy.approved]",
    "[[owner]]",
    "[[commitment]]",
    "[[narrative]]",
    "[settings]",
    "[oops]",
    "id = \"X-1\"",
    "id = 'X-1'",
    "title = \"Launch\"",
    "status = \"on-target\"",
    "status = on-target",
    "note = \"line\\nbreak\"",
    "note = \"bell \\u0007 here\"",
    "note = \"\u{202e}reversed\"",
    "note = '''\nmulti\n'''",
    "percent = 40",
    "percent = 0x28",
    "percent = 4_0",
    "percent = 99999999999999999999",
    "percent = \"40\"",
    "value = 1e400",
    "value = nan",
    "due = 2025-06-30",
    "due = 2025-06-30T10:00:00",
    "due = 2025-02-30",
    "due = \"2025-06-30\"",
    "approved.by = \"cabinet\"",
    "approved = { by = \"cabinet\", on = 2024-12-19 }",
    "depends-on = [\"A\", 'B',]",
    "actual = [{ date = 2025-03-31, value = 1 }, { date = 2025-06-30, value = 2.5 }]",
    "\"quoted key\" = 1",
    "illustrative = true",
    "# a comment",
    "",
    "  ",
    "x = 1 # trailing",
    "id = \"X-1\" \r",
    "=",
    "[",
    "[[budget]]",
    "[[budget.update]]",
    "[[saving.update]]",
    "[[cap]]",
    "amount = \"GBP 1.5m\"",
    "limit = 368000",
    "years = [{ year = \"2025/26\", amount = \"GBP 2m\" }]",
];

/// One edit of a file's lines.
#[derive(Clone, Debug)]
enum Edit {
    /// Insert one of [`LINES`] before line `at`.
    Insert(usize, usize),
    Delete(usize),
    Duplicate(usize),
    /// Move the block of lines `at..at+len` before line `to`.
    Move(usize, usize, usize),
    /// Write the basic strings of a line as literal strings.
    Literal(usize),
    /// Add a comment at the end of a line.
    Comment(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), 0..LINES.len()).prop_map(|(a, l)| Edit::Insert(a, l)),
        1 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::Duplicate),
        2 => (any::<usize>(), 1usize..30, any::<usize>()).prop_map(|(a, n, t)| Edit::Move(a, n, t)),
        1 => any::<usize>().prop_map(Edit::Literal),
        1 => any::<usize>().prop_map(Edit::Comment),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for e in edits {
        let n = lines.len().max(1);
        match *e {
            Edit::Insert(at, l) => lines.insert(at % (n + 1).min(lines.len() + 1), LINES[l].into()),
            Edit::Delete(at) if !lines.is_empty() => {
                lines.remove(at % n);
            }
            Edit::Duplicate(at) if !lines.is_empty() => {
                let line = lines[at % n].clone();
                lines.insert(at % n, line);
            }
            Edit::Move(at, len, to) if !lines.is_empty() => {
                let start = at % n;
                let end = (start + len).min(lines.len());
                let block: Vec<String> = lines.drain(start..end).collect();
                let to = to % (lines.len() + 1);
                lines.splice(to..to, block);
            }
            Edit::Literal(at) if !lines.is_empty() => {
                let line = &mut lines[at % n];
                if !line.contains(['\'', '\\']) {
                    *line = line.replace('"', "'");
                }
            }
            Edit::Comment(at) if !lines.is_empty() => lines[at % n].push_str(" # noted"),
            _ => {}
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// How files were read before the one pass: the `toml` crate's read of a
/// whole file, else record by record; then the W0507 warnings.
fn before(file: FileId, text: &str) -> (Option<RawFile>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let raw = match toml::from_str::<SoundFile>(text)
        .ok()
        .and_then(SoundFile::into_raw)
    {
        Some(raw) => Some(raw),
        None => recover::parse_recovering(file, text, &mut diags),
    };
    if raw.is_some() {
        crate::text::unsafe_text(file, text, &mut diags);
    }
    diag::sort(&mut diags);
    (raw, diags)
}

fn now(file: FileId, text: &str) -> (Option<RawFile>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let raw = parse(file, text, &mut diags);
    diag::sort(&mut diags);
    (raw, diags)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_one_pass_read_gives_what_the_toml_crate_gives(
        base in 0..BASES.len(),
        edits in prop::collection::vec(edit(), 0..6),
    ) {
        let text = apply(BASES[base], &edits);
        let file = FileId(0);
        if let Ok(read) = de::from_str::<SoundFile>(&text)
            && let Some(fast) = read.value.into_raw()
        {
            // Taken in one pass: the toml crate reads it too, to the same
            // records and spans.
            let whole = toml::from_str::<SoundFile>(&text)
                .ok()
                .and_then(SoundFile::into_raw);
            prop_assert!(whole.is_some(), "the one pass took what the toml crate refuses:\n{text}");
            prop_assert_eq!(format!("{fast:#?}"), format!("{:#?}", whole.unwrap()));
        }
        // Taken or refused, the findings and records are as before.
        let (was, found_before) = before(file, &text);
        let (is, found_now) = now(file, &text);
        prop_assert_eq!(format!("{is:#?}"), format!("{was:#?}"), "{}", text);
        prop_assert_eq!(found_now, found_before, "{}", text);
    }
}

/// The edits do reach both ways: some edited files are taken in one pass
/// and some refused (a property over files all refused would say little).
#[test]
fn edited_files_are_both_taken_and_refused() {
    let taken = |text: &str| {
        de::from_str::<SoundFile>(text)
            .ok()
            .and_then(|r| r.value.into_raw())
            .is_some()
    };
    for (i, base) in BASES.iter().enumerate() {
        assert!(taken(&apply(base, &[])), "base {i} is taken as it is");
    }
    assert!(taken(&apply(
        BASES[0],
        &[Edit::Comment(3), Edit::Literal(5)]
    )));
    assert!(!taken(&apply(BASES[0], &[Edit::Insert(3, 30)])));
    assert!(!taken(&apply(BASES[1], &[Edit::Insert(0, 13)])));
}

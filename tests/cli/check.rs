//! `ragtime check`: the shipped plans are sound, and every diagnostic code
//! has a fixture whose human and short output is snapshotted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ragtime_core::Code;

use crate::snapshot;
use crate::support::{Run, fixture, ragtime, ragtime_in, root};

#[test]
fn shipped_plans_are_sound() {
    let run = ragtime(&["check"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(
        run.stdout.contains("ok: plan set is sound"),
        "{}",
        run.render()
    );
}

#[test]
fn missing_plans_folder_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = ragtime_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    let shown = run
        .render()
        .replace(
            &dir.path().canonicalize().unwrap().display().to_string(),
            "[TMP]",
        )
        .replace(&dir.path().display().to_string(), "[TMP]");
    snapshot!("check_missing_folder", shown);
}

/// The plan set every fixture starts from: sound, with no warnings.
#[test]
fn the_fixtures_base_is_sound() {
    let run = ragtime(&["--plans", "tests/fixtures/sound", "check"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_eq!(
        run.stdout,
        "ok: plan set is sound (2 files, 1 strategy, 1 commitment, 1 milestone)\n"
    );
}

/// The folders below `tests/fixtures/check/`, in name order.
fn catalogue() -> Vec<PathBuf> {
    let mut cases: Vec<_> = std::fs::read_dir(fixture("check"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    cases
}

/// The codes a `--format short` run printed, one per line.
fn codes(short: &Run) -> BTreeSet<String> {
    short
        .stdout
        .lines()
        .filter_map(|line| line.split(": ").nth(1)?.split(' ').next())
        .map(str::to_string)
        .collect()
}

/// Runs one plan set both ways and snapshots both; exit codes must agree.
/// Returns the short run. `plans` is relative to `dir`, so snapshots hold
/// no temporary paths.
/// Checked as at a fixed date, since whether a status contradicts the
/// evidence (W0505) depends on the date.
fn check_case(name: &str, dir: &Path, plans: &str) -> Run {
    let as_of = ["--as-of", "2025-09-30"];
    let human = ragtime_in(dir, &[&["--plans", plans, "check"][..], &as_of].concat());
    let short = ragtime_in(
        dir,
        &[
            &["--plans", plans, "check", "--format", "short"][..],
            &as_of,
        ]
        .concat(),
    );
    assert_eq!(human.code, short.code, "{name}: exit codes differ");
    let found = codes(&short);
    let expected_exit = if found.iter().any(|c| c.starts_with('E')) {
        1
    } else {
        0
    };
    assert_eq!(short.code, expected_exit, "{name}: {}", short.render());
    // Each case is named after a code it shows.
    let named = name.split('-').next().unwrap();
    assert!(found.contains(named), "{name} shows {found:?}, not {named}");
    snapshot!(format!("check_{name}_human"), human.render());
    snapshot!(format!("check_{name}_short"), short.render());
    short
}

/// Every folder below `tests/fixtures/check/` is a plan set with problems,
/// named after a code it shows.
#[test]
fn diagnostic_catalogue() {
    let cases = catalogue();
    assert!(!cases.is_empty());
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let rel = case
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        check_case(&name, &root(), &rel);
    }
}

/// A plan set that cannot be a committed file, written into a temp dir as
/// `plans/`: the sound base with one file replaced or added.
struct Generated {
    name: &'static str,
    dir: tempfile::TempDir,
}

fn base(file: &str) -> Vec<u8> {
    std::fs::read(fixture("sound").join(file)).unwrap()
}

fn generated(name: &'static str, files: &[(&str, Vec<u8>)]) -> Generated {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for file in ["registry.toml", "plan.toml"] {
        std::fs::write(plans.join(file), base(file)).unwrap();
    }
    for (file, bytes) in files {
        std::fs::write(plans.join(file), bytes).unwrap();
    }
    Generated { name, dir }
}

/// A symbolic link at `at` to `target`.
fn link(target: &str, at: &Path) {
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, at).unwrap();
    #[cfg(not(unix))]
    let _ = (target, at);
}

fn replace(file: &str, old: &str, new: &[u8]) -> Vec<u8> {
    let text = base(file);
    let at = text
        .windows(old.len())
        .position(|w| w == old.as_bytes())
        .unwrap_or_else(|| panic!("`{old}` is not in {file}"));
    [&text[..at], new, &text[at + old.len()..]].concat()
}

fn generated_cases() -> Vec<Generated> {
    let registry = String::from_utf8(base("registry.toml")).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(registry.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    // Padded with comments to just over the cap.
    let mut large = base("plan.toml");
    let line = b"# Notes from the Corporate Parenting Board, kept here for reference.\n";
    while large.len() <= ragtime_core::load::MAX_FILE_BYTES {
        large.extend_from_slice(line);
    }
    let deep_list = format!("actual = {}{}", "[".repeat(100), "]".repeat(100));
    let deep_key = format!(
        "illustrative = true\nnote.{} = \"x\"",
        vec!["detail"; 100].join(".")
    );
    // A link to a plan file that was moved away, and a link to the plans
    // folder from inside it.
    let dangling = generated("E0006-dangling-link", &[]);
    link("gone.toml", &dangling.dir.path().join("plans/owners.toml"));
    let looped = generated("W0508-link-loop", &[]);
    link(".", &looped.dir.path().join("plans/again"));
    vec![
        dangling,
        looped,
        // A note typed in a Windows-1252 editor: `é` as the single byte 0xE9.
        generated(
            "E0002-latin-1",
            &[(
                "plan.toml",
                replace(
                    "plan.toml",
                    "Two carers withdrew.",
                    b"Two carers withdrew; caf\xe9 event moved.",
                ),
            )],
        ),
        generated("E0002-utf-16", &[("registry.toml", utf16)]),
        generated("E0004-too-large", &[("plan.toml", large)]),
        generated(
            "E0005-nested-lists",
            &[(
                "plan.toml",
                replace(
                    "plan.toml",
                    "actual = [{ date = 2025-03-31, value = 104 }]",
                    deep_list.as_bytes(),
                ),
            )],
        ),
        generated(
            "E0005-long-dotted-key",
            &[(
                "plan.toml",
                replace(
                    "plan.toml",
                    "illustrative = true\n\n  [[milestone.update]]",
                    format!("{deep_key}\n\n  [[milestone.update]]").as_bytes(),
                ),
            )],
        ),
    ]
}

/// Cases that cannot be committed files: bytes that are not UTF-8, a file
/// over the size cap, nesting beyond the parser's limit.
#[test]
fn generated_catalogue() {
    for case in generated_cases() {
        check_case(case.name, case.dir.path(), "plans");
    }
}

/// The catalogue shows every code at least once, so a new code cannot be
/// added without a fixture.
#[test]
fn catalogue_covers_every_code() {
    let mut shown = BTreeSet::new();
    for case in catalogue() {
        let run = ragtime(&[
            "--plans",
            case.to_str().unwrap(),
            "check",
            "--format",
            "short",
            "--as-of",
            "2025-09-30",
        ]);
        shown.extend(codes(&run));
    }
    for case in generated_cases() {
        let run = ragtime_in(
            case.dir.path(),
            &[
                "--plans",
                "plans",
                "check",
                "--format",
                "short",
                "--as-of",
                "2025-09-30",
            ],
        );
        shown.extend(codes(&run));
    }
    // Spreadsheet codes are shown by the returns and import-plan tests.
    let all: BTreeSet<String> = Code::ALL
        .iter()
        .filter(|c| !c.is_spreadsheet())
        .map(|c| c.as_str().to_string())
        .collect();
    let missing: Vec<_> = all.difference(&shown).collect();
    assert!(missing.is_empty(), "no fixture shows {missing:?}");
    let unknown: Vec<_> = shown
        .difference(&all)
        .filter(|c| !Code::ALL.iter().any(|k| k.as_str() == c.as_str()))
        .collect();
    assert!(unknown.is_empty(), "codes not in Code::ALL: {unknown:?}");
}

/// The complete example in `docs/plan-format.md` is a sound plan set with
/// nothing to warn about, so a reader who copies it starts clean.
#[test]
fn the_plan_format_example_is_sound() {
    let doc = std::fs::read_to_string(root().join("docs/plan-format.md")).unwrap();
    let after = doc
        .split_once("## A complete example")
        .expect("the heading")
        .1;
    let example = after
        .split_once("```toml\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("a toml block")
        .0;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::write(dir.path().join("plans/example.toml"), example).unwrap();
    let run = ragtime_in(dir.path(), &["check", "--as-of", "2025-09-30"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_eq!(
        run.stdout,
        "ok: plan set is sound (1 file, 1 strategy, 1 commitment, 1 milestone, 1 narrative, 1 recommendation)\n"
    );
}

//! `ragtime check`: the shipped plans are sound, and every diagnostic code
//! has a fixture whose human and short output is snapshotted.

use crate::snapshot;
use crate::support::{fixture, ragtime, ragtime_in, root};

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
    snapshot!("check_missing_folder", run.render());
}

/// Every folder below `tests/fixtures/check/` is a plan set with problems,
/// named after the code it shows first. Checked as at a fixed date, since
/// whether a status contradicts the evidence (W0505) depends on the date.
#[test]
fn diagnostic_catalogue() {
    let base = fixture("check");
    let mut cases: Vec<_> = std::fs::read_dir(&base)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let rel = case
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let as_of = ["--as-of", "2025-09-30"];
        let human = ragtime(&[&["--plans", &rel, "check"][..], &as_of].concat());
        let short =
            ragtime(&[&["--plans", &rel, "check", "--format", "short"][..], &as_of].concat());
        assert_eq!(human.code, short.code, "{name}: exit codes differ");
        snapshot!(format!("check_{name}_human"), human.render());
        snapshot!(format!("check_{name}_short"), short.render());
    }
}

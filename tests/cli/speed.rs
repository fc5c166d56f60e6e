//! The benchmark's yardstick, checked: the Python script that `bench.py`
//! times beside `ragtime report` (crates/ragtime-bench/portfolio.py) prints
//! exactly what `ragtime report` prints, so the two are timed doing the
//! same work.

use std::path::Path;
use std::process::Command;

use crate::support::{ragtime_in, root};

/// What the script prints for the plans in `dir` as at `date`.
fn script(dir: &Path, date: &str) -> String {
    let out = Command::new("python3")
        .arg(root().join("crates/ragtime-bench/portfolio.py"))
        .args(["--plans", &dir.to_string_lossy(), "--as-of", date])
        .env_remove("COLUMNS")
        .output()
        .expect("python3 runs (.ci/install)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn same(dir: &Path, date: &str) {
    let report = ragtime_in(
        dir,
        &["report", "--plans", &dir.to_string_lossy(), "--as-of", date],
    );
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert_eq!(
        script(dir, date),
        report.stdout,
        "{} as at {date}",
        dir.display()
    );
}

#[test]
fn the_python_script_prints_what_ragtime_report_prints_on_the_shipped_plans() {
    // Quarter ends and a day that is not one, before, at and after the
    // delivery plan closed.
    for date in [
        "2024-12-31",
        "2025-03-31",
        "2025-09-30",
        "2025-11-15",
        "2026-03-31",
    ] {
        same(&root().join("plans"), date);
    }
}

#[test]
fn the_python_script_prints_what_ragtime_report_prints_on_a_generated_set() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = ragtime_bench::generate(&ragtime_bench::Options {
        milestones: 3000,
        seed: 7,
    });
    ragtime_bench::write(&files, dir.path()).expect("write");
    for date in ["2024-06-30", "2025-01-15", "2026-03-31"] {
        same(dir.path(), date);
    }
}

//! `ragtime update`: only the new entry's lines change, whatever the file's
//! style; invalid updates write nothing; parallel updates all land; a
//! killed update leaves the old file or the new one.
//!
//! The tests are in files by topic: what an update writes (`entry.rs`),
//! what stops one and what does not (`invalid.rs`), and updates at once,
//! killed midway or racing a hand edit (`kills.rs`); the plan sets and the
//! commands they run are here.

mod entry;
mod invalid;
mod kills;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Run, fixture, ragtime_in};

/// A temporary folder holding `plans/` with the shared registry and one
/// fixture plan file; returns the folder and the plan file's path.
fn plan_set(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for file in ["registry.toml", &format!("{name}.toml")] {
        std::fs::copy(fixture("update").join(file), plans.join(file)).unwrap();
    }
    let plan = plans.join(format!("{name}.toml"));
    (dir, plan)
}

fn update(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--plans", "plans", "update"];
    all.extend_from_slice(args);
    ragtime_in(dir, &all)
}

/// The binary with a clean environment, for tests that need to set
/// variables or hold on to the process.
fn command(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ragtime"));
    cmd.current_dir(dir)
        .env_clear()
        .env("NO_COLOR", "1")
        .env("TZ", "UTC");
    cmd
}

/// Carriage returns made visible, so CRLF survives into a snapshot.
fn visible(text: &str) -> String {
    text.replace('\r', "␍")
}

/// Every byte of `old` is still in `new`, in order: the change only added.
fn assert_only_added(old: &[u8], new: &[u8]) {
    use similar::{DiffOp, capture_diff_slices};
    for op in capture_diff_slices(similar::Algorithm::Myers, old, new) {
        assert!(
            matches!(op, DiffOp::Equal { .. } | DiffOp::Insert { .. }),
            "the update changed or removed old bytes: {op:?}"
        );
    }
}

const PROGRESS: &[&str] = &[
    "--status",
    "at-risk",
    "--note",
    "Two carers withdrew; campaign extended",
    "--corrective-action",
    "Second campaign in March",
    "--by",
    "hos-fostering",
    "--date",
    "2025-12-31",
];

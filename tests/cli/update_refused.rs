//! `ragtime update` without traps: what it refuses before writing, and how
//! it says so to the person typing the command (each message names the
//! option to change).

use std::path::{Path, PathBuf};

use crate::snapshot;
use crate::support::{Run, fixture, ragtime_in};

/// A temporary `plans/` with the update fixtures' registry and the
/// commented plan file.
fn plan_set() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for file in ["registry.toml", "comments.toml"] {
        std::fs::copy(fixture("update").join(file), plans.join(file)).unwrap();
    }
    // A second owner, who holds nothing, to update on someone's behalf.
    let registry = plans.join("registry.toml");
    let mut text = std::fs::read_to_string(&registry).unwrap();
    text.push_str(
        "\n[[owner]]\nid = \"perf-team\"\nrole = \"Performance Team\"\norg = \"Council\"\n",
    );
    std::fs::write(&registry, text).unwrap();
    let plan = plans.join("comments.toml");
    (dir, plan)
}

fn update(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["update"];
    all.extend_from_slice(args);
    ragtime_in(dir, &all)
}

/// Runs each case on a fresh copy; each must be refused as a usage error
/// (exit 2), write nothing, and say what to type instead.
fn refused(cases: &[(&str, &[&str])]) -> String {
    let mut shown = String::new();
    for (name, args) in cases {
        let (dir, plan) = plan_set();
        let old = std::fs::read(&plan).unwrap();
        let run = update(dir.path(), args);
        assert_eq!(run.code, 2, "{name}: {}", run.render());
        assert_eq!(std::fs::read(&plan).unwrap(), old, "{name} wrote");
        shown.push_str(&format!("## {name}\n{}\n", run.render()));
    }
    shown
}

const BY: [&str; 2] = ["--by", "hos-fostering"];

/// Regression: `--date 2027-03-01` was written, left out of reports as at
/// today, and blocked every later update with E0403.
#[test]
fn an_update_dated_after_today_is_refused() {
    let shown = refused(&[(
        "after_today",
        &[
            "CPS-P1-C1-M2",
            "--status",
            "on-target",
            "--by",
            "hos-fostering",
            "--date",
            "2999-03-01",
        ],
    )]);
    // The message names today, which moves: show it as [TODAY].
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    snapshot!(
        "update_refused_after_today",
        shown.replace(&today, "[TODAY]")
    );
}

/// Regression: a re-date to the due date already in force was written and
/// counted as drift; a re-date into the past went through unremarked.
#[test]
fn redates_must_move_the_date_and_not_into_the_past_unasked() {
    let m1 = |extra: &[&'static str]| -> Vec<&'static str> {
        let mut args = vec![
            "CPS-P1-C1-M1",
            "--by",
            "hos-fostering",
            "--date",
            "2025-12-31",
        ];
        args.extend_from_slice(extra);
        args
    };
    let same = m1(&["--due", "2025-09-30", "--reason", "Panel dates moved"]);
    let past = m1(&["--due", "2025-11-30", "--reason", "Panel met late"]);
    let shown = refused(&[("same_date", &same), ("into_the_past", &past)]);
    snapshot!("update_refused_redates", shown);

    // Confirmed, the past re-date is recorded.
    let (dir, plan) = plan_set();
    let mut confirmed = past.clone();
    confirmed.push("--past-due");
    let run = update(dir.path(), &confirmed);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(
        std::fs::read_to_string(plan)
            .unwrap()
            .contains("due = 2025-11-30")
    );
}

/// Regression: anyone could record progress on anyone's milestone.
#[test]
fn another_owners_milestone_needs_on_behalf_of() {
    let base = [
        "CPS-P1-C1-M2",
        "--status",
        "on-target",
        "--date",
        "2025-12-31",
        "--by",
        "perf-team",
    ];
    let wrong: Vec<&str> = base
        .iter()
        .copied()
        .chain(["--on-behalf-of", "dcs"])
        .collect();
    let shown = refused(&[
        ("not_the_owner", &base),
        ("on_behalf_of_someone_else", &wrong),
    ]);
    snapshot!("update_refused_other_owner", shown);

    let (dir, plan) = plan_set();
    let args: Vec<&str> = base
        .iter()
        .copied()
        .chain(["--on-behalf-of", "HOS-Fostering"])
        .collect();
    let run = update(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(
        std::fs::read_to_string(plan)
            .unwrap()
            .contains("by = \"perf-team\"")
    );
}

/// Regression: errors spoke of the file (`note = ...`, E0104) or of clap,
/// not of the options the person typed.
#[test]
fn errors_name_the_option_to_change() {
    let shown = refused(&[
        (
            "status_synonym",
            &[
                "CPS-P1-C1-M2",
                "--status",
                "done",
                "--note",
                "Done",
                "--by",
                "hos-fostering",
            ],
        ),
        (
            "status_typo",
            &[
                "CPS-P1-C1-M2",
                "--status",
                "on-targt",
                "--by",
                "hos-fostering",
            ],
        ),
        (
            "date_format",
            &[
                "CPS-P1-C1-M2",
                "--date",
                "30/09/2025",
                "--by",
                "hos-fostering",
            ],
        ),
        (
            "due_format",
            &[
                "CPS-P1-C1-M2",
                "--due",
                "next March",
                "--reason",
                "x",
                "--by",
                "hos-fostering",
            ],
        ),
        ("no_by", &["CPS-P1-C1-M2", "--status", "on-target"]),
        (
            "unknown_by",
            &[
                "CPS-P1-C1-M2",
                "--status",
                "on-target",
                "--by",
                "hos-fosterin",
            ],
        ),
        (
            "complete_without_note",
            &[
                "CPS-P1-C1-M2",
                "--status",
                "complete",
                "--by",
                "hos-fostering",
            ],
        ),
        (
            "cancelled_without_note",
            &[
                "CPS-P1-C1-M2",
                "--status",
                "cancelled",
                "--by",
                "hos-fostering",
            ],
        ),
    ]);
    snapshot!("update_refused_options", shown);
}

/// Regression: `--note "- campaign launched"` was taken for an option.
#[test]
fn a_note_may_start_with_a_dash() {
    let (dir, plan) = plan_set();
    let run = update(
        dir.path(),
        &[
            "CPS-P1-C1-M2",
            "--note",
            "- campaign launched",
            "--corrective-action",
            "-- see the minutes",
            "--date",
            "2025-12-31",
            BY[0],
            BY[1],
        ],
    );
    assert_eq!(run.code, 0, "{}", run.render());
    let text = std::fs::read_to_string(plan).unwrap();
    assert!(text.contains("note = \"- campaign launched\""), "{text}");
    assert!(text.contains("action = \"-- see the minutes\""), "{text}");
}

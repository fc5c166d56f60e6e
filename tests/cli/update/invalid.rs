//! What stops an update and what does not: an update that would make the
//! plan set invalid writes nothing and shows the problem as `check` does;
//! an error in someone else's file is mentioned, not blocking.

use super::{PROGRESS, plan_set, update};
use crate::snapshot;
use crate::support::ragtime_in;

/// Each of these would make the plan set invalid: nothing is written and
/// the problem is shown as `check` shows it.
#[test]
fn invalid_updates_write_nothing() {
    let cases: &[(&str, &[&str])] = &[
        (
            "before_previous",
            &["--status", "on-target", "--date", "2025-05-01"],
        ),
        (
            "outside_strategy",
            &["--due", "2028-06-30", "--reason", "Slipped"],
        ),
        ("percent_over_100", &["--percent", "120"]),
    ];
    for (name, extra) in cases {
        let (dir, plan) = plan_set("comments");
        let old = std::fs::read(&plan).unwrap();
        let mut args = vec!["CPS-P1-C1-M1"];
        args.extend_from_slice(extra);
        if !extra.contains(&"--by") {
            args.extend(["--by", "hos-fostering"]);
        }
        if !extra.contains(&"--date") {
            args.extend(["--date", "2025-12-31"]);
        }
        let run = update(dir.path(), &args);
        assert_eq!(run.code, 1, "{name}: {}", run.render());
        assert_eq!(std::fs::read(&plan).unwrap(), old, "{name} wrote");
        snapshot!(format!("update_invalid_{name}"), run.render());
    }
}

#[test]
fn a_dry_run_of_an_invalid_update_shows_the_diff_and_the_problem() {
    let (dir, plan) = plan_set("comments");
    let old = std::fs::read(&plan).unwrap();
    let run = update(
        dir.path(),
        &[
            "CPS-P1-C1-M1",
            "--percent",
            "120",
            "--by",
            "hos-fostering",
            "--date",
            "2025-12-31",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(std::fs::read(&plan).unwrap(), old);
    snapshot!("update_invalid_dry_run", run.render());
}

#[test]
fn unknown_ids_get_a_did_you_mean() {
    let (dir, _) = plan_set("comments");
    for (name, id) in [
        ("near_miss", "CPS-P1-C1-M3"),
        ("not_a_milestone", "CPS-P1-C1"),
    ] {
        let run = update(dir.path(), &[id, "--by", "hos-fostering"]);
        assert_eq!(run.code, 2, "{}", run.render());
        snapshot!(format!("update_unknown_{name}"), run.render());
    }
    // Ids are unique ignoring case, so a lower-case id finds its milestone.
    let run = update(
        dir.path(),
        &[
            "cps-p1-c1-m2",
            "--by",
            "hos-fostering",
            "--date",
            "2025-12-31",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.render());
}

#[test]
fn a_revised_date_needs_a_reason() {
    let (dir, _) = plan_set("comments");
    let run = update(
        dir.path(),
        &[
            "CPS-P1-C1-M1",
            "--due",
            "2026-06-30",
            "--by",
            "hos-fostering",
        ],
    );
    assert_eq!(run.code, 2);
    snapshot!("update_due_without_reason", run.render());
}

/// Only problems the update adds stop it: an error in someone else's file
/// is mentioned, not blocking.
#[test]
fn errors_elsewhere_do_not_block_an_update() {
    let (dir, plan) = plan_set("comments");
    std::fs::write(
        dir.path().join("plans/other.toml"),
        "[strategy]\nid = \"OTHER\"\ntitle = \"Another strategy\"\nstart = 2025-01-01\nend = 2026-12-31\nowner = \"nobody\"\nboards = [\"cpb\"]\n",
    )
    .unwrap();
    let old = std::fs::read(&plan).unwrap();
    let mut args = vec!["CPS-P1-C1-M1"];
    args.extend_from_slice(PROGRESS);
    let run = update(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_ne!(std::fs::read(&plan).unwrap(), old);
    snapshot!("update_errors_elsewhere", run.render());
    let check = ragtime_in(dir.path(), &["--plans", "plans", "check"]);
    assert_eq!(check.code, 1);
}

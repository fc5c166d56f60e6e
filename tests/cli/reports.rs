//! The report commands (`report`, `exceptions`, `measures`, `explain`) and
//! `check --as-of`: snapshots of every report at fixed as-at dates over the
//! fixtures in `tests/fixtures/reports/`, and over the shipped plans.
//!
//! The `mixed` fixture has a milestone for every rating rule (see the
//! comments in it); the others are edge cases: everything complete,
//! everything overdue, a due date of 29 February, a plan set with errors.

use crate::snapshot;
use crate::support::{Run, assert_fits, ragtime, ragtime_in, root};

/// Width of every table in these snapshots, so they do not depend on a
/// terminal.
const WIDTH: &str = "140";

/// Runs `ragtime --plans tests/fixtures/reports/CASE ARGS --width 140`.
fn run(case: &str, args: &[&str]) -> Run {
    let plans = format!("tests/fixtures/reports/{case}");
    let mut all = vec!["--plans", plans.as_str()];
    all.extend_from_slice(args);
    if args.contains(&"check") {
        return ragtime(&all);
    }
    all.extend(["--width", WIDTH]);
    fits(ragtime(&all))
}

/// `r`, once every line of its output is checked to fit the width.
fn fits(r: Run) -> Run {
    assert_fits(&r.stdout, WIDTH.parse().expect("a width"));
    r
}

/// Snapshots each `(name, args)` run over `case`, expecting exit code 0.
fn snapshot_all(case: &str, runs: &[(&str, &[&str])]) {
    for (name, args) in runs {
        let r = run(case, args);
        assert_eq!(r.code, 0, "{case} {name}:\n{}", r.render());
        snapshot!(format!("reports_{case}_{name}"), r.render());
    }
}

const Q2: &str = "2025-09-30";

#[test]
fn mixed_reports_as_at_the_quarter_end() {
    snapshot_all(
        "mixed",
        &[
            ("portfolio", &["report", "--as-of", Q2]),
            (
                "by_priority",
                &["report", "--by", "priority", "--as-of", Q2],
            ),
            ("by_owner", &["report", "--by", "owner", "--as-of", Q2]),
            ("by_board", &["report", "--by", "board", "--as-of", Q2]),
            (
                "by_organisation",
                &["report", "--by", "organisation", "--as-of", Q2],
            ),
            ("strategy", &["report", "CPS", "--as-of", Q2]),
            (
                "strategy_by_priority",
                &["report", "CPS", "--by", "priority", "--as-of", Q2],
            ),
            ("empty_strategy", &["report", "YJP", "--as-of", Q2]),
            ("exceptions", &["exceptions", "--as-of", Q2]),
            ("measures", &["measures", "--as-of", Q2]),
        ],
    );
}

#[test]
fn mixed_explanations() {
    snapshot_all(
        "mixed",
        &[
            // On target but overdue, no corrective action.
            (
                "explain_overdue",
                &["explain", "CPS-P1-C2-M2", "--as-of", Q2],
            ),
            // Re-dated three times.
            (
                "explain_redated",
                &["explain", "CPS-P1-C1-M2", "--as-of", Q2],
            ),
            // Due on the quarter boundary.
            (
                "explain_due_that_day",
                &["explain", "CPS-P1-C1-M1", "--as-of", Q2],
            ),
            // An update dated after the as-at date, ignored.
            (
                "explain_later_update",
                &["explain", "CPS-P3-C1-M2", "--as-of", Q2],
            ),
            // Added after the as-at date.
            (
                "explain_added_later",
                &["explain", "CPS-P3-C1-M3", "--as-of", Q2],
            ),
            ("explain_stale", &["explain", "CPS-P2-C1-M3", "--as-of", Q2]),
            (
                "explain_measure",
                &["explain", "CPS-M-ACCOM", "--as-of", Q2],
            ),
            (
                "explain_measure_no_data",
                &["explain", "CPS-M-HEALTH", "--as-of", Q2],
            ),
            (
                "explain_commitment",
                &["explain", "CPS-P1-C2", "--as-of", Q2],
            ),
            ("explain_priority", &["explain", "CPS-P2", "--as-of", Q2]),
            ("explain_strategy", &["explain", "CPS", "--as-of", Q2]),
            ("explain_board", &["explain", "hwb", "--as-of", Q2]),
            ("explain_owner", &["explain", "icb-lead", "--as-of", Q2]),
        ],
    );
}

/// The pack for an earlier quarter comes out of today's files as it was:
/// later updates and milestones are left out.
#[test]
fn mixed_reports_for_the_previous_quarter() {
    snapshot_all(
        "mixed",
        &[
            ("q1_portfolio", &["report", "--period", "2025/26-Q1"]),
            ("q1_exceptions", &["exceptions", "--period", "2025/26-Q1"]),
            (
                "after_q2_exceptions",
                &["exceptions", "--as-of", "2025-10-20"],
            ),
        ],
    );
}

#[test]
fn as_of_and_period_agree() {
    let by_date = run("mixed", &["report", "CPS", "--as-of", "2025-06-30"]);
    let by_period = run("mixed", &["report", "CPS", "--period", "2025/26 Q1"]);
    assert_eq!(by_date.code, 0, "{}", by_date.render());
    assert_eq!(by_date.stdout, by_period.stdout);
}

#[test]
fn check_warns_when_the_status_contradicts_the_evidence() {
    let r = run("mixed", &["check", "--as-of", Q2]);
    assert_eq!(r.code, 0, "{}", r.render());
    snapshot!("reports_mixed_check", r.render());
    // As at the end of Q1 the pilot was due that day, not overdue, and the
    // accommodation measure was Amber: no warning for either.
    // (Updates made since are dated after that date: W0506, not W0505.)
    let r = run(
        "mixed",
        &["check", "--as-of", "2025-06-30", "--format", "short"],
    );
    let contradicted = r
        .stdout
        .lines()
        .filter(|l| l.contains("W0505") && l.contains("CPS-P1-C2-M"));
    assert_eq!(contradicted.count(), 0, "{}", r.render());
}

#[test]
fn everything_complete() {
    snapshot_all(
        "all-complete",
        &[
            ("portfolio", &["report", "--as-of", Q2]),
            ("strategy", &["report", "IMP", "--as-of", Q2]),
            ("exceptions", &["exceptions", "--as-of", Q2]),
        ],
    );
}

#[test]
fn everything_overdue() {
    snapshot_all(
        "all-overdue",
        &[
            ("portfolio", &["report", "--as-of", Q2]),
            ("strategy", &["report", "IMP", "--as-of", Q2]),
            ("exceptions", &["exceptions", "--as-of", Q2]),
        ],
    );
}

#[test]
fn due_on_29_february() {
    snapshot_all(
        "leap-day",
        &[
            (
                "on_the_day",
                &["explain", "LEAP-P1-C1-M1", "--as-of", "2024-02-29"],
            ),
            (
                "the_day_after",
                &["explain", "LEAP-P1-C1-M1", "--as-of", "2024-03-01"],
            ),
            ("quarter_end", &["exceptions", "--period", "2023/24-Q4"]),
        ],
    );
}

#[test]
fn plans_with_errors_are_not_reported_on() {
    for cmd in ["report", "exceptions", "measures"] {
        let r = run("errors", &[cmd, "--as-of", Q2]);
        assert_eq!(r.code, 1, "{}", r.render());
        assert!(r.stdout.is_empty(), "{}", r.render());
        snapshot!(format!("reports_errors_{cmd}"), r.render());
    }
}

#[test]
fn unknown_ids_and_bad_dates_are_usage_errors() {
    let cases: &[(&str, &[&str])] = &[
        ("unknown_id", &["explain", "CPS-P1-C2-M9", "--as-of", Q2]),
        ("not_a_strategy", &["report", "CPS-P1", "--as-of", Q2]),
        ("unknown_strategy", &["exceptions", "CSP", "--as-of", Q2]),
        ("bad_period", &["report", "--period", "2025/27-Q2"]),
        ("bad_date", &["report", "--as-of", "2025-02-29"]),
        (
            "date_and_period",
            &["report", "--as-of", Q2, "--period", "2025/26-Q2"],
        ),
    ];
    for (name, args) in cases {
        let r = run("mixed", args);
        assert_eq!(r.code, 2, "{name}: {}", r.render());
        assert!(r.stdout.is_empty(), "{name}: {}", r.render());
        snapshot!(format!("reports_usage_{name}"), r.render());
    }
}

/// Colour is added in a terminal (forced here), never instead of words.
#[test]
fn colour_comes_with_words() {
    let r = run("mixed", &["--color", "always", "exceptions", "--as-of", Q2]);
    assert_eq!(r.code, 0, "{}", r.render());
    assert!(r.stdout.contains('\u{1b}'), "no colour: {}", r.render());
    for word in ["Red", "Amber"] {
        assert!(r.stdout.contains(word), "no `{word}`: {}", r.render());
    }
    // Piped and NO_COLOR (the test default): no escape codes at all.
    let plain = run("mixed", &["exceptions", "--as-of", Q2]);
    assert!(!plain.stdout.contains('\u{1b}'), "{}", plain.render());
}

/// The rating settings change the scale, the rollup rule and the
/// thresholds; the counts stay the same.
#[test]
fn scales_and_rules_from_settings() {
    let cases: &[(&str, &str, &str, &[&str])] = &[
        // Complete shows as Green on the three-point scale.
        ("rag", "all-complete", "scale = \"rag\"", &["report", "IMP"]),
        (
            "five_point",
            "mixed",
            "scale = \"five-point\"\ngreen-at-least = 60\nred-below = 30",
            &["report", "--by", "priority"],
        ),
        (
            "worst_of",
            "mixed",
            "rollup = \"worst-of\"",
            &["report", "CPS"],
        ),
        // The published convention: of every live milestone, to the
        // nearest whole percent (3 of 11 is 27.3%: 27%).
        (
            "percent_of_live_nearest",
            "mixed",
            "percent-of = \"live\"\npercent-rounding = \"nearest\"",
            &["report", "CPS"],
        ),
    ];
    for (name, case, settings, args) in cases {
        let dir = tempfile::tempdir().unwrap();
        let fixture = root().join("tests/fixtures/reports").join(case);
        for entry in std::fs::read_dir(&fixture).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
        std::fs::write(
            dir.path().join("settings.toml"),
            format!("[settings]\n{settings}\n"),
        )
        .unwrap();
        let mut all = vec!["--plans", "."];
        all.extend_from_slice(args);
        all.extend(["--as-of", Q2, "--width", WIDTH]);
        let r = fits(ragtime_in(dir.path(), &all));
        assert_eq!(r.code, 0, "{name}: {}", r.render());
        snapshot!(format!("reports_settings_{name}"), r.render());
    }
}

/// A percentage to one decimal place reaches every writer as the core
/// rounded it: 3 of the 11 live milestones of the mixed fixture is 27.3%.
#[test]
fn one_decimal_place_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/reports/mixed");
    for entry in std::fs::read_dir(&fixture).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        dir.path().join("settings.toml"),
        "[settings]\npercent-of = \"live\"\npercent-rounding = \"one-decimal\"\n",
    )
    .unwrap();
    let base = ["--plans", ".", "report", "--as-of", Q2, "--width", WIDTH];
    let formats: &[(&str, &[&str], &str)] = &[
        ("table", &[], "27.3%"),
        ("markdown", &["--format", "markdown"], "| 27.3% |"),
        ("csv", &["--format", "csv", "--table", "summary"], ",27.3%,"),
        ("json", &["--format", "json"], "\"percent\": 27.3"),
        ("html", &["--format", "html"], ">27.3%<"),
    ];
    for (name, args, shown) in formats {
        let r = ragtime_in(dir.path(), &[&base[..], args].concat());
        if *name == "table" {
            assert_fits(&r.stdout, WIDTH.parse().expect("a width"));
        }
        assert_eq!(r.code, 0, "{name}: {}", r.render());
        assert!(
            r.stdout.contains(shown),
            "{name} does not show {shown}:\n{}",
            r.stdout
        );
        // The note under the table names the convention (the terminal
        // table wraps it; CSV holds the table alone).
        if *name == "csv" {
            continue;
        }
        let words = r.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains(
                "all live milestones (paused and not started included), rounded to one decimal place"
            ),
            "{name}"
        );
    }
}

/// The shipped plans at the end of 2025/26 Q2. These follow whatever is in
/// `plans/`: when the plans change, re-run and re-read these snapshots.
#[test]
fn shipped_plans() {
    let runs: &[(&str, &[&str])] = &[
        ("portfolio", &["report"]),
        ("progress", &["report", "CPS"]),
        ("by_board", &["report", "--by", "board"]),
        ("exceptions", &["exceptions"]),
        ("measures", &["measures"]),
        // 2 complete and 1 at risk: 66%, held at Amber with no Red.
        ("explain_held_at_amber", &["explain", "CPS-P1-C2"]),
        // Rated against its target for 2025, not the one for 2027.
        ("explain_interim_target", &["explain", "CPS-M-7.6"]),
        // A straight line through interim targets.
        ("explain_trajectory", &["explain", "CPS-M-FOSTER"]),
        // Red against its trajectory, and its milestones marked on target.
        (
            "explain_measure_red_on_trajectory",
            &["explain", "CPS-M-1.4"],
        ),
        // Last measured in 2022: out of date, flagged, rating kept.
        ("explain_out_of_date", &["explain", "AUT-M-DIAG"]),
    ];
    for (name, args) in runs {
        let mut all = args.to_vec();
        all.extend(["--as-of", Q2, "--width", WIDTH]);
        let r = fits(ragtime(&all));
        assert_eq!(r.code, 0, "{}", r.render());
        snapshot!(format!("reports_shipped_{name}"), r.render());
    }
}

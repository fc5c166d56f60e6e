//! `ragtime recommendations` and part 7 of the board pack: the tracker in
//! every format over `tests/fixtures/recommendations/` (one recommendation
//! for every case, see the comments there), a board and its committees, an
//! earlier as-at date, `explain` of a recommendation, the shipped plans,
//! and the usage errors.

use std::path::Path;

use crate::snapshot;
use crate::support::{Run, assert_fits, ragtime};

const Q2: &str = "2025-09-30";
const FIXTURE: &str = "tests/fixtures/recommendations";
const WIDTH: &str = "140";

/// `ragtime --plans tests/fixtures/recommendations ARGS`.
fn fixture(args: &[&str]) -> Run {
    let mut all = vec!["--plans", FIXTURE];
    all.extend_from_slice(args);
    ragtime(&all)
}

/// The tracker as at the quarter end, with `args` after it.
fn tracker(args: &[&str]) -> Run {
    let mut all = vec!["recommendations", "--as-of", Q2];
    all.extend_from_slice(args);
    fixture(&all)
}

/// Every CSV file written into `dir`, in section order, each under its name.
fn csv_files(dir: &Path) -> String {
    let out = dir.to_string_lossy().into_owned();
    let run = tracker(&["--format", "csv", "-o", &out]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(run.stdout.is_empty(), "{}", run.render());
    let mut text = String::new();
    let mut written: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "awaiting.csv",
            "facts.csv",
            "recommendations.csv",
            "responses.csv",
            "summary.csv",
            "undelivered.csv"
        ]
    );
    for name in [
        "summary.csv",
        "recommendations.csv",
        "responses.csv",
        "awaiting.csv",
        "undelivered.csv",
    ] {
        let body = std::fs::read_to_string(dir.join(name)).unwrap();
        text += &format!("----- {name} -----\n{body}");
    }
    text
}

#[test]
fn the_tracker_in_every_format() {
    for (format, extra) in [
        ("table", &["--width", WIDTH][..]),
        ("markdown", &[][..]),
        ("json", &[][..]),
        ("html", &[][..]),
    ] {
        let mut args = vec!["--format", format];
        args.extend_from_slice(extra);
        let run = tracker(&args);
        assert_eq!(run.code, 0, "{format}: {}", run.render());
        assert!(run.stderr.is_empty(), "{}", run.render());
        if format == "table" {
            assert_fits(&run.stdout, WIDTH.parse().unwrap());
        }
        snapshot!(format!("recommendations_fixture_{format}"), run.stdout);
    }
    let dir = tempfile::tempdir().unwrap();
    snapshot!("recommendations_fixture_csv", csv_files(dir.path()));
}

/// The figures the fixture's comments promise, read from the JSON.
#[test]
fn the_tracker_counts_each_case_once() {
    let run = tracker(&["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let section = |id: &str| {
        doc["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    let column = |id: &str, key: &str| -> Vec<serde_json::Value> {
        section(id)["table"]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["cells"][key].clone())
            .collect()
    };
    let ids = |id: &str| -> Vec<String> {
        column(id, "id")
            .iter()
            .map(|c| c["text"].as_str().unwrap().to_string())
            .collect()
    };
    // Made after the as-at date: left out.
    assert!(!ids("recommendations").contains(&"CYPSC-10".to_string()));
    assert_eq!(ids("recommendations").len(), 10);
    // Answered after the as-at date: still awaited, and overdue.
    assert_eq!(ids("awaiting"), ["CYPSC-7", "CYPSC-8", "CYPSC-9"]);
    assert_eq!(
        column("awaiting", "days_overdue"),
        [
            serde_json::json!({ "count": 52 }),
            serde_json::json!({ "count": 11 }),
            serde_json::Value::Null
        ]
    );
    assert_eq!(ids("undelivered"), ["CYPSC-5", "CYPSC-6"]);
    // The totals row: 10 made, 5 accepted, 1 in part, 1 rejected, 3
    // awaited (2 overdue), 1 delivered, 2 accepted with nothing delivering.
    let total: Vec<u64> = section("summary")["table"]["rows"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["cells"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|c| c["count"].as_u64())
        .collect();
    assert_eq!(total, [10, 5, 1, 1, 3, 2, 1, 2]);
}

/// A committee's tracker holds its own recommendations; Cabinet's holds
/// those of every committee that reports to it; a board whose committees
/// made none has an empty tracker.
#[test]
fn a_board_and_the_committees_reporting_to_it() {
    for board in ["cyp-scrutiny", "adults-scrutiny", "cabinet", "cpb"] {
        let run = fixture(&[
            "recommendations",
            board,
            "--as-of",
            Q2,
            "--format",
            "markdown",
            "--table",
            "recommendations",
        ]);
        assert_eq!(run.code, 0, "{board}: {}", run.render());
        snapshot!(format!("recommendations_board_{board}"), run.render());
    }
}

/// The quarter before: fewer made, and those since answered still awaited.
#[test]
fn as_at_the_previous_quarter_end() {
    let run = fixture(&[
        "recommendations",
        "--period",
        "2025/26-Q1",
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("recommendations_fixture_q1", run.render());
}

/// Part 7 of the pack of the committee that made them, and of the board it
/// reports to; none in the pack of a board that made none.
#[test]
fn the_pack_has_a_part_for_them() {
    let run = fixture(&[
        "board",
        "cyp-scrutiny",
        "--as-of",
        Q2,
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("recommendations_pack_cyp_scrutiny", run.render());
    let part = |board: &str| -> Vec<String> {
        let run = fixture(&["board", board, "--as-of", Q2, "--format", "json"]);
        assert_eq!(run.code, 0, "{board}: {}", run.render());
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        doc["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["heading"].as_str().unwrap().to_string())
            .filter(|h| h.contains("Scrutiny recommendations"))
            .collect()
    };
    // With no money in these packs, the recommendations are part 7: the
    // parts are numbered with no gap (regression: Cabinet's pack went from
    // part 6 to part 8).
    let seventh = [
        "7. Scrutiny recommendations: Recommendations and delivery",
        "7. Scrutiny recommendations: The executive's responses",
        "7. Scrutiny recommendations: Awaiting the executive's response",
        "7. Scrutiny recommendations: Accepted, with nothing delivering them",
    ];
    assert_eq!(part("cyp-scrutiny"), seventh);
    assert_eq!(part("cabinet"), seventh);
    assert!(part("cpb").is_empty());
}

#[test]
fn explain_a_recommendation() {
    let run = fixture(&["explain", "CYPSC-2", "--as-of", Q2, "--width", WIDTH]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("recommendations_explain", run.render());
}

#[test]
fn usage_errors() {
    let cases: &[(&str, &[&str])] = &[
        ("misspelt_board", &["recommendations", "cyp-scrutny"]),
        ("not_a_board", &["recommendations", "CYPSC-1"]),
        (
            "date_and_period",
            &["recommendations", "--as-of", Q2, "--period", "2025/26-Q2"],
        ),
    ];
    for (name, args) in cases {
        let run = fixture(args);
        assert_eq!(run.code, 2, "{name}: {}", run.render());
        assert!(run.stdout.is_empty(), "{name}: {}", run.render());
        snapshot!(format!("recommendations_usage_{name}"), run.render());
    }
}

#[test]
fn plans_with_errors_are_not_reported_on() {
    let run = ragtime(&[
        "--plans",
        "tests/fixtures/check/E0701-every-recommendation-problem",
        "recommendations",
        "--as-of",
        Q2,
    ]);
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(run.stdout.is_empty(), "{}", run.render());
    snapshot!("recommendations_plans_with_errors", run.render());
}

/// The recommendations encoded from the Cabinet minutes of 18 October
/// 2018. These follow whatever is in `plans/`: when the plans change,
/// re-run and re-read this snapshot.
#[test]
fn shipped_plans() {
    let run = ragtime(&["recommendations", "--as-of", Q2, "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("recommendations_shipped", run.render());
}

/// In a pack with money too (Cabinet's, as at 2024/25 Q2, when the
/// delivery plan's budgets were live), money is part 7 and the
/// recommendations part 8.
#[test]
fn after_a_money_part_the_recommendations_are_part_8() {
    let run = ragtime(&[
        "board",
        "cabinet",
        "--as-of",
        "2024-09-30",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let parts: Vec<String> = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| {
            s["heading"]
                .as_str()?
                .split_once(": ")
                .map(|(p, _)| p.to_string())
        })
        .filter(|p| p.starts_with("7.") || p.starts_with("8."))
        .collect();
    let mut distinct = parts.clone();
    distinct.dedup();
    assert_eq!(distinct, ["7. Money", "8. Scrutiny recommendations"]);
}

//! `ragtime finance`: money in every format over `tests/fixtures/finance/`
//! (a budget line counted against a cap, a saving), the delivery plan's
//! Q2 2024/25 position from the shipped plans, the money part of a board
//! pack, a closed strategy reported at its end, and the minutes' table by
//! theme reproduced with the council's own percentage convention.

use crate::snapshot;
use crate::support::{Run, ragtime, ragtime_in, root};

const FIXTURE: &str = "tests/fixtures/finance";

fn fixture(args: &[&str]) -> Run {
    let mut all = vec!["--plans", FIXTURE];
    all.extend_from_slice(args);
    ragtime(&all)
}

/// The fixture's money as at 2025/26 Q2 in every format; csv one table at
/// a time, since each section is its own file.
#[test]
fn finance_in_every_format() {
    for (format, extra) in [
        ("table", &["--width", "100"][..]),
        ("markdown", &[][..]),
        ("json", &[][..]),
        ("html", &[][..]),
    ] {
        let mut args = vec!["finance", "--period", "2025/26-Q2", "--format", format];
        args.extend_from_slice(extra);
        let run = fixture(&args);
        assert_eq!(run.code, 0, "{format}: {}", run.render());
        snapshot!(format!("finance_fixture_{format}"), run.stdout);
    }
    let mut csv = String::new();
    for table in ["revenue", "budget-lines", "savings", "caps"] {
        let run = fixture(&[
            "finance",
            "--period",
            "2025/26-Q2",
            "--format",
            "csv",
            "--table",
            table,
        ]);
        assert_eq!(run.code, 0, "{table}: {}", run.render());
        csv += &format!("----- {table}.csv -----\n{}", run.stdout);
    }
    snapshot!("finance_fixture_csv", csv);
}

/// Only entries dated on or before the as-at date count: as at 2025/26 Q1
/// the forecast of Q1 is there; as at 2025-06-29 it is not.
#[test]
fn entries_after_the_as_at_date_do_not_count() {
    let json = |as_of: &str| -> serde_json::Value {
        let run = fixture(&[
            "finance",
            "--as-of",
            as_of,
            "--format",
            "json",
            "--table",
            "budget-lines",
        ]);
        assert_eq!(run.code, 0, "{}", run.render());
        serde_json::from_str(&run.stdout).unwrap()
    };
    let cell = |doc: &serde_json::Value, key: &str| {
        doc["sections"][0]["table"]["rows"][0]["cells"][key].clone()
    };
    let q1 = json("2025-06-30");
    assert_eq!(cell(&q1, "forecast_gbp_m")["number"]["value"], "0.470");
    assert_eq!(cell(&q1, "rag")["rag"]["label"], "Red");
    let before = json("2025-06-29");
    assert!(cell(&before, "forecast_gbp_m").is_null());
    assert_eq!(cell(&before, "rag")["rag"]["label"], "No forecast");
}

/// The delivery plan's money at Q2 2024/25, as the minutes give it: net
/// budget GBP 212.8m with a forecast overspend of GBP 10.2m (GBP 2m after
/// management action), the capital budget revised from GBP 160m to
/// GBP 96.4m, savings of GBP 19.5m by status.
#[test]
fn the_delivery_plan_money_at_q2() {
    let run = ragtime(&["finance", "DP", "--as-of", "2024-10-31", "--width", "120"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("finance_delivery_plan_q2", run.render());
    let run = ragtime(&[
        "finance",
        "DP",
        "--period",
        "2024/25-Q2",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let revenue = &doc["sections"][0]["table"]["rows"];
    let total = revenue.as_array().unwrap().last().unwrap();
    assert_eq!(total["cells"]["budget_gbp_m"]["number"]["value"], "212.8");
    assert_eq!(total["cells"]["forecast_gbp_m"]["number"]["value"], "223.0");
    assert_eq!(total["cells"]["variance_gbp_m"]["number"]["value"], "10.2");
    assert_eq!(
        total["cells"]["after_action_gbp_m"]["number"]["value"],
        "2.0"
    );
}

/// The money part of a pack, over the fixture.
#[test]
fn the_pack_has_a_money_part_when_there_is_money() {
    let run = fixture(&[
        "board",
        "cpb",
        "--period",
        "2025/26-Q2",
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    let money: Vec<&str> = run
        .stdout
        .split("\n## ")
        .filter(|s| s.starts_with("7. Money"))
        .collect();
    assert_eq!(money.len(), 4, "revenue, lines, savings, caps");
    snapshot!("finance_pack_section", money.join("\n## "));
    // The shipped Cabinet pack as at 2025/26 Q2 has no money in its
    // financial year: the delivery plan is closed.
    let run = ragtime(&[
        "board",
        "cabinet",
        "--period",
        "2025/26-Q2",
        "--format",
        "json",
    ]);
    assert!(!run.stdout.contains("7. Money"));
}

/// A closed strategy asked for by id after its end is reported in full as
/// at its end date, and says so.
#[test]
fn a_closed_strategy_is_reported_as_at_its_end() {
    let run = ragtime(&["report", "DP", "--as-of", "2025-09-30", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["as_at"], "2025-03-31");
    assert_eq!(doc["facts"][0]["label"], "Closed");
    assert_eq!(
        doc["facts"][0]["value"],
        "DP is closed and ended on 2025-03-31: reported as at its end, not as at 2025-09-30"
    );
    // Before its end, it is a strategy like any other.
    let run = ragtime(&["report", "DP", "--as-of", "2025-03-31", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_ne!(doc["facts"][0]["label"], "Closed");
    // Its milestones leave owners' lists and calendars after its end.
    let run = ragtime(&[
        "owner",
        "director-strategy-transformation",
        "--as-of",
        "2025-09-30",
    ]);
    assert!(!run.stdout.contains("DP-P4"), "{}", run.render());
    let run = ragtime(&[
        "owner",
        "director-strategy-transformation",
        "--as-of",
        "2024-09-30",
    ]);
    assert!(run.stdout.contains("DP-P4"), "{}", run.render());
    let run = ragtime(&["calendar", "--as-of", "2025-09-30"]);
    assert!(
        !run.stdout.contains("DP-P"),
        "a closed plan's dates are not on calendars"
    );
}

/// The minutes of 28 November 2024 (seeds/003, minute 36) give the
/// delivery plan's Q2 position by theme: People 55 milestones (23
/// completed, 30 on target, 2 at risk), Place 53 (13, 27, 10 at risk, 2
/// paused, 1 not on target), Growth 42 (10, 24, 3 at risk, 5 not on
/// target), Transformation 24 (7, 17); "174 milestones ... 152 or 87%".
/// With the council's convention (all live milestones, the nearest whole
/// percent), `ragtime report` reproduces the table by theme exactly, and
/// shows 151, what the themes add up to, where the minutes say 152: 87%
/// either way.
#[test]
fn the_minutes_table_by_theme_with_the_councils_convention() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    copy_dir(&root().join("plans"), &plans);
    let settings = std::fs::read_to_string(plans.join("settings.toml")).unwrap();
    let settings = settings
        .replace("percent-of = \"rated\"", "percent-of = \"live\"")
        .replace(
            "percent-rounding = \"down\"",
            "percent-rounding = \"nearest\"",
        );
    std::fs::write(plans.join("settings.toml"), settings).unwrap();
    let args = ["report", "DP", "--by", "priority", "--as-of", "2024-09-30"];
    let run = ragtime_in(dir.path(), &[&args[..], &["--format", "json"]].concat());
    assert_eq!(run.code, 0, "{}", run.render());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rows = doc["sections"][0]["table"]["rows"].as_array().unwrap();
    let table: Vec<(String, [u64; 7], u64)> = rows
        .iter()
        .map(|r| {
            let c = &r["cells"];
            let n = |k: &str| c[k]["count"].as_u64().unwrap();
            (
                c["name"]["text"].as_str().unwrap().to_string(),
                [
                    n("milestones"),
                    n("complete"),
                    n("on_target"),
                    n("at_risk"),
                    n("paused"),
                    n("not_on_target"),
                    n("not_started"),
                ],
                c["percent"]["percent"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = |name: &str, counts: [u64; 7], pct: u64| (name.to_string(), counts, pct);
    assert_eq!(
        table,
        [
            // theme, [milestones, completed, on target, at risk, paused,
            // not on target, not started], % completed or on target
            want("People", [55, 23, 30, 2, 0, 0, 0], 96),
            want("Place", [53, 13, 27, 10, 2, 1, 0], 75),
            want("Growth", [42, 10, 24, 3, 0, 5, 0], 81),
            want("Transformation", [24, 7, 17, 0, 0, 0, 0], 100),
            want("Total", [174, 53, 98, 15, 2, 6, 0], 87),
        ]
    );
    // 53 complete + 98 on target = 151 of 174.
    assert!(
        doc["sections"][0]["intro"][0]
            .as_str()
            .unwrap()
            .starts_with("174 live milestones as at 2024-09-30: 53 complete, 98 on target")
    );
    let run = ragtime_in(dir.path(), &[&args[..], &["--width", "120"]].concat());
    snapshot!("finance_minutes_table_by_theme", run.render());
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

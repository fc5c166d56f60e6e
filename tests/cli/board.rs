//! `ragtime board`: the board pack in every format for two boards over the
//! shipped plans (the Corporate Parenting Board, and Cabinet, which sees
//! what that board sees and the improvement plan it oversees itself), and
//! the edge cases over `tests/fixtures/board-pack/`: a board that oversees
//! nothing, a milestone re-dated three times, dates out of order, ids that
//! are not boards, and plans with errors.

use std::path::Path;

use crate::snapshot;
use crate::support::{Run, assert_fits, ragtime, ragtime_in};

const Q2: &str = "2025-09-30";
const FIXTURE: &str = "tests/fixtures/board-pack";
/// Wide enough that the shipped plans' long commitments wrap little.
const WIDTH: &str = "240";

/// `ragtime board BOARD --as-of 2025-09-30 ARGS` over the shipped plans.
fn shipped(board: &str, args: &[&str]) -> Run {
    let mut all = vec!["board", board, "--as-of", Q2];
    all.extend_from_slice(args);
    ragtime(&all)
}

/// `ragtime --plans tests/fixtures/board-pack board ARGS`.
fn fixture(args: &[&str]) -> Run {
    let mut all = vec!["--plans", FIXTURE, "board"];
    all.extend_from_slice(args);
    ragtime(&all)
}

/// Every CSV file the pack writes into a folder, in section order (as the
/// JSON lists the sections), then the facts and the narratives, each under
/// a heading with its name.
fn csv_files(run_in: impl Fn(&[&str]) -> Run, dir: &Path) -> String {
    let out = dir.to_string_lossy().into_owned();
    let run = run_in(&["--format", "csv", "-o", &out]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(run.stdout.is_empty(), "{}", run.render());
    let json = run_in(&["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let mut text = String::new();
    let mut expected = Vec::new();
    for s in doc["sections"].as_array().unwrap() {
        if s["table"].is_null() {
            continue;
        }
        let name = format!("{}.csv", s["id"].as_str().unwrap());
        let body = std::fs::read_to_string(dir.join(&name)).unwrap();
        text += &format!("----- {name} -----\n{body}");
        expected.push(name);
    }
    let narrated = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| !s["narratives"].as_array().unwrap().is_empty());
    for (name, present) in [("facts.csv", true), ("narratives.csv", narrated)] {
        if present {
            let body = std::fs::read_to_string(dir.join(name)).unwrap();
            text += &format!("----- {name} -----\n{body}");
            expected.push(name.to_string());
        }
    }
    let mut written: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    expected.sort();
    assert_eq!(written, expected, "one file per table, no other");
    text
}

/// The pack of each board over the shipped plans, in every format. These
/// follow whatever is in `plans/`: when the plans change, re-run and
/// re-read these snapshots.
#[test]
fn shipped_plans_in_every_format() {
    for board in ["cpb", "cabinet"] {
        for (format, extra) in [
            ("table", &["--width", WIDTH][..]),
            ("markdown", &[][..]),
            ("json", &[][..]),
            ("html", &[][..]),
        ] {
            let mut args = vec!["--format", format];
            args.extend_from_slice(extra);
            let run = shipped(board, &args);
            assert_eq!(run.code, 0, "{board} {format}: {}", run.render());
            assert!(run.stderr.is_empty(), "{}", run.render());
            if format == "table" {
                assert_fits(&run.stdout, WIDTH.parse().expect("a width"));
            }
            snapshot!(format!("board_shipped_{board}_{format}"), run.stdout);
        }
        let dir = tempfile::tempdir().unwrap();
        let csv = csv_files(|args| shipped(board, args), dir.path());
        snapshot!(format!("board_shipped_{board}_csv"), csv);
    }
}

/// Cabinet's pack holds everything in the Corporate Parenting Board's:
/// every milestone row of the smaller pack's exceptions is in the larger.
#[test]
fn cabinet_sees_what_the_corporate_parenting_board_sees() {
    let cpb = shipped("cpb", &["--format", "csv", "--table", "red"]);
    let cabinet = shipped("cabinet", &["--format", "csv", "--table", "red"]);
    assert_eq!(cpb.code, 0, "{}", cpb.render());
    assert_eq!(cabinet.code, 0, "{}", cabinet.render());
    for line in cpb.stdout.lines().skip(1) {
        assert!(cabinet.stdout.contains(line), "{line}");
    }
    assert!(cabinet.stdout.lines().count() > cpb.stdout.lines().count());
}

/// The fixture's pack in markdown, for each board: everything in one place
/// to read against the fixture's comments.
#[test]
fn fixture_packs() {
    for board in ["cpb", "cabinet", "hwb"] {
        let run = fixture(&[board, "--as-of", Q2, "--format", "markdown"]);
        assert_eq!(run.code, 0, "{board}: {}", run.render());
        snapshot!(format!("board_fixture_{board}"), run.render());
    }
}

/// A milestone re-dated twice before the last meeting and once since shows
/// in the changes with its drift: 2 before, 3 in all.
#[test]
fn a_milestone_re_dated_three_times_shows_its_drift() {
    let run = fixture(&[
        "cpb", "--as-of", Q2, "--format", "csv", "--table", "changes",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("board_fixture_changes_csv", run.render());
    assert!(
        run.stdout.contains(
            "item,re-dated,CPS-P1-C1-M1,Approve ten new fostering households,Head of Fostering,\
             2025-08-28,2025-08-31 to 2025-12-31: Two households asked to pause,2025-12-31,2,3,no\r\n"
        ),
        "{}",
        run.render()
    );
    // Since the start of the year all three re-datings are in the period.
    let run = fixture(&[
        "cpb",
        "--as-of",
        Q2,
        "--since",
        "2024-12-31",
        "--format",
        "csv",
        "--table",
        "changes",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(
        run.stdout.contains(
            "\"2025-03-31 to 2025-12-31, re-dated 3 times in the period: Assessor vacancy. \
             Panel moved to August. Two households asked to pause.\",2025-12-31,0,3,no\r\n"
        ),
        "{}",
        run.render()
    );
}

/// `--period` is the quarter end; `--since` and `--next` move the two
/// windows and are stated in the facts.
#[test]
fn meeting_dates() {
    let by_date = fixture(&["cpb", "--as-of", Q2, "--format", "json"]);
    let by_period = fixture(&["cpb", "--period", "2025/26-Q2", "--format", "json"]);
    assert_eq!(by_date.code, 0, "{}", by_date.render());
    assert_eq!(by_date.stdout, by_period.stdout);

    let run = fixture(&[
        "cpb",
        "--as-of",
        Q2,
        "--since",
        "2025-08-20",
        "--next",
        "2025-11-30",
        "--format",
        "markdown",
        "--table",
        "changes",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(
        run.stdout.contains(
            "- **Changes since:** 2025-08-20 (the last meeting)\n- **Next meeting:** 2025-11-30\n"
        ),
        "{}",
        run.render()
    );
    snapshot!("board_fixture_since_and_next", run.render());
    let due = fixture(&[
        "cpb",
        "--as-of",
        Q2,
        "--next",
        "2025-11-30",
        "--format",
        "csv",
        "--table",
        "due",
    ]);
    assert_eq!(due.code, 0, "{}", due.render());
    // Only the milestone due on 14 November is due by 30 November.
    assert_eq!(due.stdout.lines().count(), 2, "{}", due.render());
    assert!(due.stdout.contains("CPS-P2-C1-M3"), "{}", due.render());
}

#[test]
fn usage_errors() {
    let cases: &[(&str, &[&str])] = &[
        ("unknown_board", &["cbp", "--as-of", Q2]),
        ("misspelt_board", &["cabinett", "--as-of", Q2]),
        ("not_a_board", &["CPS", "--as-of", Q2]),
        (
            "since_after_as_of",
            &["cpb", "--as-of", Q2, "--since", "2025-10-01"],
        ),
        (
            "next_before_as_of",
            &["cpb", "--as-of", Q2, "--next", "2025-09-01"],
        ),
        (
            "bad_since",
            &["cpb", "--as-of", Q2, "--since", "2025-06-31"],
        ),
    ];
    for (name, args) in cases {
        let run = fixture(args);
        assert_eq!(run.code, 2, "{name}: {}", run.render());
        assert!(run.stdout.is_empty(), "{name}: {}", run.render());
        snapshot!(format!("board_usage_{name}"), run.render());
    }
}

/// Plans whose one file, holding the board, has errors: no pack.
#[test]
fn plans_with_errors_are_not_reported_on() {
    let run = ragtime(&[
        "--plans",
        "tests/fixtures/reports/errors",
        "board",
        "board",
        "--as-of",
        Q2,
    ]);
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(run.stdout.is_empty(), "{}", run.render());
    snapshot!("board_plans_with_errors", run.render());
}

/// The board-pack fixture copied into `plans/` in a temp dir, with each
/// `(file, old, new)` edit made: a plan set with problems in some files,
/// run with relative paths so the snapshots hold no temp dir.
fn fixture_with(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for f in [
        "registry.toml",
        "corporate-parenting.toml",
        "improvement.toml",
    ] {
        let mut text =
            std::fs::read_to_string(crate::support::fixture("board-pack").join(f)).unwrap();
        for &(_, old, new) in edits.iter().filter(|e| e.0 == f) {
            assert!(text.contains(old), "`{old}` is not in {f}");
            text = text.replacen(old, new, 1);
        }
        std::fs::write(plans.join(f), text).unwrap();
    }
    dir
}

/// The bug: a bad status in one lead's file stopped every board's pack,
/// even the pack of a board that does not oversee that strategy. The
/// Corporate Parenting Board does not oversee the improvement plan: its
/// pack is made, and the problem counted on standard error.
#[test]
fn a_pack_is_made_past_a_problem_in_a_file_it_does_not_draw_on() {
    let dir = fixture_with(&[(
        "improvement.toml",
        "status = \"complete\"",
        "status = \"compelte\"",
    )]);
    let run = ragtime_in(
        dir.path(),
        &[
            "--plans", "plans", "board", "cpb", "--as-of", Q2, "--format", "markdown",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.render());
    assert_eq!(
        run.stderr,
        "note: 1 problem in a file outside this pack (plans/improvement.toml): run `ragtime check` to see it\n"
    );
    // The same pack as from sound plans.
    let sound = fixture(&["cpb", "--as-of", Q2, "--format", "markdown"]);
    assert_eq!(run.stdout, sound.stdout);
    snapshot!("board_unrelated_error_made", run.render());

    // Cabinet oversees the improvement plan: its pack waits.
    let run = ragtime_in(
        dir.path(),
        &["--plans", "plans", "board", "cabinet", "--as-of", Q2],
    );
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(run.stdout.is_empty(), "{}", run.render());
    snapshot!("board_own_error_refused", run.render());
}

/// A problem in a file the pack draws on stops it, and the problems in
/// other files are counted; the registry is drawn on by every pack.
#[test]
fn a_pack_is_refused_for_a_problem_in_its_own_files() {
    let dir = fixture_with(&[
        (
            "corporate-parenting.toml",
            "status = \"not-on-target\"",
            "status = \"off-track\"",
        ),
        (
            "improvement.toml",
            "status = \"complete\"",
            "status = \"compelte\"",
        ),
    ]);
    let run = ragtime_in(
        dir.path(),
        &["--plans", "plans", "board", "cpb", "--as-of", Q2],
    );
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(run.stdout.is_empty(), "{}", run.render());
    snapshot!("board_own_file_error_refused", run.render());

    let dir = fixture_with(&[(
        "registry.toml",
        "meets = \"quarterly\"",
        "meets = \"quartely\"",
    )]);
    for board in ["cpb", "hwb"] {
        let run = ragtime_in(
            dir.path(),
            &["--plans", "plans", "board", board, "--as-of", Q2],
        );
        assert_eq!(run.code, 1, "{board}: {}", run.render());
        assert!(run.stderr.contains("E0107"), "{}", run.render());
        assert!(
            run.stderr
                .contains("plans/registry.toml holds owners or boards, which every report uses"),
            "{}",
            run.render()
        );
    }
}

/// A pack as at a date long after the plans' latest update is made, with
/// a warning on standard error saying how old the data is.
#[test]
fn a_pack_on_old_data_warns() {
    let run = fixture(&[
        "cpb",
        "--as-of",
        "2026-11-29",
        "--format",
        "csv",
        "--table",
        "summary",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("board_old_data_warns", run.render());
    // As at the quarter end the data is fresh: no warning.
    let run = fixture(&[
        "cpb", "--as-of", Q2, "--format", "csv", "--table", "summary",
    ]);
    assert!(run.stderr.is_empty(), "{}", run.render());
}

//! Terminal output fits where it is read (issue 10, where reports came out
//! 188 to 506 columns wide at `--width 80`): every report over the shipped
//! plans as at 2025-09-30, at 80 and 120 columns, with every line checked
//! against the width; and how the width is found when none is given.
//!
//! These follow whatever is in `plans/`: when the plans change, re-run and
//! re-read these snapshots.

use crate::snapshot;
use crate::support::{Run, assert_fits, ragtime, ragtime_with, root};

const Q2: &str = "2025-09-30";

/// Every report, by the name its snapshots take.
const REPORTS: &[(&str, &[&str])] = &[
    ("portfolio", &["report"]),
    ("progress", &["report", "CPS"]),
    ("by_priority", &["report", "--by", "priority"]),
    ("by_owner", &["report", "--by", "owner"]),
    ("by_board", &["report", "--by", "board"]),
    ("by_organisation", &["report", "--by", "organisation"]),
    ("exceptions", &["exceptions"]),
    ("measures", &["measures"]),
    ("explain_milestone", &["explain", "CPS-P3-C7-M1"]),
    ("explain_commitment", &["explain", "CPS-P1-C1"]),
    ("explain_measure", &["explain", "CPS-M-1.4"]),
    ("board_cpb", &["board", "cpb"]),
    ("board_cabinet", &["board", "cabinet"]),
    ("owner_one", &["owner", "hos-fostering"]),
    ("owner_all", &["owner"]),
    ("recommendations", &["recommendations"]),
    ("explain_recommendation", &["explain", "CYPSC-2018-AUT-1"]),
];

/// `ragtime ARGS --as-of 2025-09-30 --width WIDTH`, which must succeed.
fn at_width(args: &[&str], width: u16) -> Run {
    let width = width.to_string();
    let mut all = args.to_vec();
    all.extend(["--as-of", Q2, "--width", &width]);
    let run = ragtime(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.render());
    // The stale milestone explained, and the autism recommendation
    // delivered by milestones last updated in 2022, rest on old data and
    // say so.
    let stale = matches!(args, ["explain", "CPS-P3-C7-M1" | "CYPSC-2018-AUT-1"]);
    assert_eq!(
        run.stderr
            .starts_with("warning: the latest update in this report is "),
        stale,
        "{args:?}: {}",
        run.render()
    );
    assert_eq!(
        run.stderr.lines().count(),
        usize::from(stale),
        "{}",
        run.render()
    );
    run
}

#[test]
fn every_report_fits_80_and_120_columns() {
    for (name, args) in REPORTS {
        for width in [80, 120] {
            let run = at_width(args, width);
            assert_fits(&run.stdout, usize::from(width));
            snapshot!(format!("terminal_{name}_{width}"), run.stdout);
        }
    }
}

/// Regression: tables were ruled with box-drawing dashes and illustrative
/// ids marked with a dagger, three bytes each, so a report at `--width 80`
/// had lines of 240 bytes that a byte-counting tool or a terminal in
/// another code page shows over the width. What the writer adds is ASCII:
/// on the shipped plans (plain text but for a pound sign in money), every
/// line is as many bytes as columns.
#[test]
fn every_report_is_as_many_bytes_a_line_as_columns() {
    for (name, args) in REPORTS {
        for width in [80, 120] {
            let run = at_width(args, width);
            for line in run.stdout.lines().filter(|l| !l.contains('\u{a3}')) {
                assert!(
                    line.len() <= usize::from(width),
                    "{name} at {width}: {} bytes: {line}",
                    line.len()
                );
            }
        }
    }
}

/// The narrowest width taken, and one between: checked, not snapshotted.
#[test]
fn every_report_fits_40_and_100_columns() {
    for (_, args) in REPORTS {
        for width in [40, 100] {
            assert_fits(&at_width(args, width).stdout, usize::from(width));
        }
    }
}

/// `COLUMNS` is the width when no `--width` is given and the output is
/// not a terminal; `--width` wins over it; a value that is not a width is
/// ignored, and one under 40 is taken as 40.
#[test]
fn columns_gives_the_width_when_there_is_no_terminal() {
    let report = ["exceptions", "--as-of", Q2];
    let with = |columns: &str, extra: &[&str]| {
        let mut args = report.to_vec();
        args.extend_from_slice(extra);
        let run = ragtime_with(&root(), &args, &[("COLUMNS", columns)]);
        assert_eq!(run.code, 0, "{}", run.render());
        run.stdout
    };
    let width = |w: &str| with("", &["--width", w]);
    assert_eq!(with("80", &[]), width("80"));
    assert_eq!(with("80", &["--width", "120"]), width("120"));
    assert_eq!(with("12", &[]), width("40"));
    let none = ragtime(&report).stdout;
    for junk in ["", "0", "wide", "-80"] {
        assert_eq!(with(junk, &[]), none, "COLUMNS={junk:?}");
    }
}

/// With no width at all (piped, no `COLUMNS`), each table row is one line,
/// however long, for `grep`, scripts and `less -S`: the table has as many
/// lines as the CSV of the same section.
#[test]
fn with_no_width_each_row_is_one_line() {
    let table = ragtime(&["exceptions", "--as-of", Q2, "--table", "red"]);
    let csv = ragtime(&[
        "exceptions",
        "--as-of",
        Q2,
        "--table",
        "red",
        "--format",
        "csv",
    ]);
    assert_eq!(table.code, 0, "{}", table.render());
    let lines: Vec<&str> = table.stdout.lines().collect();
    // The table's rules: the longest lines of dashes (a section heading is
    // underlined with dashes too, at its own length).
    let dashes = |l: &str| !l.is_empty() && l.chars().all(|c| c == '-');
    let rule = lines.iter().filter(|l| dashes(l)).map(|l| l.len()).max();
    let rules: Vec<usize> = (0..lines.len())
        .filter(|&i| dashes(lines[i]) && Some(lines[i].len()) == rule)
        .collect();
    assert_eq!(rules.len(), 3, "{}", table.stdout);
    // Headings and rows, against the CSV's header and records.
    assert_eq!(rules[2] - rules[0] - 2, csv.stdout.lines().count());
    assert!(
        lines.iter().any(|l| l.len() > 200),
        "rows are not wrapped:\n{}",
        table.stdout
    );
}

/// The README shows real output at 80 columns: each example in it, past
/// its `$ ragtime ...` line, is what that command prints now (an example
/// starting `...` shows one part of it).
#[test]
fn the_readme_examples_are_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```\n$ ragtime ").skip(1) {
        let block = &block[..block.find("\n```").expect("a closed block")];
        let (command, shown) = block.split_once('\n').unwrap();
        if !command.contains("--width 80") {
            continue;
        }
        let args: Vec<&str> = command.split_whitespace().collect();
        let run = ragtime(&args);
        assert_eq!(run.code, 0, "{command}: {}", run.render());
        match shown.strip_prefix("...\n") {
            Some(tail) => assert!(
                run.stdout.contains(tail),
                "README shows for `{command}`:\n{tail}\nbut it prints:\n{}",
                run.stdout
            ),
            None => assert_eq!(run.stdout.trim_end(), shown, "README for `{command}`"),
        }
        checked += 1;
    }
    assert_eq!(checked, 2, "the README's examples at 80 columns");
}

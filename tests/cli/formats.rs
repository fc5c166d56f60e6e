//! Report output options, on the board pack of the fixture in
//! `tests/fixtures/board-pack/`: csv into a folder or one table, a section
//! chosen by id, formula-like notes made safe, and the usage errors.

use std::process::{Command, Stdio};

use crate::snapshot;
use crate::support::{Run, fixture, ragtime, root};

/// `ragtime --plans tests/fixtures/board-pack board cpb --as-of 2025-09-30 ARGS`.
fn pack(args: &[&str]) -> Run {
    let mut all = vec![
        "--plans",
        "tests/fixtures/board-pack",
        "board",
        "cpb",
        "--as-of",
        "2025-09-30",
    ];
    all.extend_from_slice(args);
    ragtime(&all)
}

#[test]
fn csv_folder_has_one_file_per_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pack");
    let out_arg = out.to_string_lossy().into_owned();
    let run = pack(&["--format", "csv", "-o", &out_arg]);
    assert_eq!(run.code, 0, "{}", run.render());
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "amber.csv",
            "changes.csv",
            "colour-mix.csv",
            "due.csv",
            "facts.csv",
            "measures-CPS.csv",
            "narratives.csv",
            "progress-CPS.csv",
            "red.csv",
            "summary.csv"
        ]
    );
}

#[test]
fn csv_one_table_to_stdout() {
    let run = pack(&["--format", "csv", "--table", "red"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("formats_csv_one_table", run.render());
}

/// Notes and actions starting with `=`, `+`, `-` or `@` open in a
/// spreadsheet as text: each is written with a `'` in front.
#[test]
fn formula_like_csv_cells_are_text() {
    let mut neutralised = Vec::new();
    for table in ["red", "amber", "changes"] {
        let run = pack(&["--format", "csv", "--table", table]);
        assert_eq!(run.code, 0, "{}", run.render());
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(run.stdout.as_bytes());
        for record in reader.records() {
            for field in record.unwrap().iter() {
                if field.starts_with('\'') {
                    neutralised.push(field.to_string());
                }
                let bare = field.starts_with(['=', '+', '@', '\t', '\r'])
                    || (field.starts_with('-') && field.parse::<f64>().is_err());
                assert!(!bare, "a spreadsheet would run {field:?}");
            }
        }
    }
    neutralised.sort();
    assert_eq!(
        neutralised,
        [
            "'+2 host families by December",
            "'-> commission a mobile dental service",
            "'=HYPERLINK(\"http://example.invalid\",\"tracker\")",
            "'@sufficiency: merged into the sufficiency strategy.",
        ]
    );
}

#[test]
fn markdown_one_section() {
    let run = pack(&["--format", "markdown", "--table", "due"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("formats_markdown_one_section", run.render());
}

#[test]
fn csv_needs_a_folder_or_a_table() {
    let run = pack(&["--format", "csv"]);
    assert_eq!(run.code, 2, "{}", run.render());
    snapshot!("formats_csv_needs_folder", run.render());
}

#[test]
fn unknown_section() {
    let run = pack(&["--format", "json", "--table", "exceptions"]);
    assert_eq!(run.code, 2, "{}", run.render());
    snapshot!("formats_unknown_section", run.render());
}

/// `ragtime board ... | head` is not an error in any format: output to a
/// reader that has gone away ends quietly with exit code 0. Regression
/// test: csv to a closed pipe used to fail with exit code 2.
#[test]
fn a_closed_pipe_is_not_an_error() {
    let plans = fixture("board-pack");
    for format in [
        &["--format", "table"][..],
        &["--format", "markdown"][..],
        &["--format", "csv", "--table", "changes"][..],
        &["--format", "json"][..],
        &["--format", "html"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ragtime"))
            .arg("--plans")
            .arg(&plans)
            .args(["board", "cpb", "--as-of", "2025-09-30"])
            .args(format)
            .current_dir(root())
            .env_clear()
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run ragtime");
        // Close the reading end before the pack is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("ragtime finishes");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format:?}: {stderr}");
        assert!(stderr.is_empty(), "{format:?}: {stderr}");
    }
}

/// The bug: `illustrative = true` reached no output, so invented data
/// looked like a council's own. The fixture's carer enquiry tracker is
/// illustrative: every format marks its row and says what the mark means,
/// and every format but a single CSV table states the latest update.
#[test]
fn illustrative_mark_and_latest_update_in_every_format() {
    let mut all = String::new();
    for format in ["table", "markdown", "json", "csv"] {
        let run = pack(&["--format", format, "--table", "red", "--width", "100"]);
        assert_eq!(run.code, 0, "{format}: {}", run.render());
        all += &format!("===== {format}\n{}", run.render());
    }
    snapshot!("formats_illustrative_and_latest_update", all);
    assert!(all.contains("CPS-P1-C1-M3 *"), "{all}");
    assert!(all.contains("\"illustrative\": true"), "{all}");
    assert!(all.contains(",yes\r\n"), "{all}");
    let html = pack(&["--format", "html", "--table", "red"]);
    assert_eq!(html.code, 0, "{}", html.render());
    for expected in [
        "CPS-P1-C1-M3 <span aria-hidden=\"true\">*</span><span class=\"vh\">(illustrative)</span>",
        "<p class=\"note\">* Illustrative: invented for the example, not from a source document.</p>",
        "<div><dt>Latest update</dt><dd>2025-09-15 (15 days before the as-at date)</dd></div>",
    ] {
        assert!(
            html.stdout.contains(expected),
            "{expected}\n{}",
            html.stdout
        );
    }
    // A folder of CSV files says what the pack is as at, and how fresh.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pack");
    let run = pack(&["--format", "csv", "-o", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.render());
    let facts = std::fs::read_to_string(out.join("facts.csv")).unwrap();
    assert!(
        facts.contains("As at,2025-09-30\r\n")
            && facts.contains("Latest update,2025-09-15 (15 days before the as-at date)\r\n"),
        "{facts}"
    );
}

/// Regression: an empty section (no Amber milestones) failed with
/// `--table amber` and was left out of `-o DIR` without a word. It is a
/// file with the header line alone.
#[test]
fn an_empty_section_is_a_header_only_csv() {
    let args = |extra: &[&str]| {
        let mut all = vec![
            "exceptions",
            "DA",
            "--as-of",
            "2025-09-30",
            "--format",
            "csv",
        ];
        all.extend_from_slice(extra);
        ragtime(&all)
    };
    let one = args(&["--table", "amber"]);
    assert_eq!(one.code, 0, "{}", one.render());
    assert_eq!(
        one.stdout,
        "row,id,milestone,owner,rag,why,due,days_overdue,redated,note,action,illustrative\r\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("exceptions");
    let run = args(&["-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.render());
    let amber = std::fs::read_to_string(out.join("amber.csv")).unwrap();
    assert_eq!(amber, one.stdout);
    assert!(out.join("red.csv").exists());
    // The other formats say there is nothing, as before.
    let table = ragtime(&[
        "exceptions",
        "DA",
        "--as-of",
        "2025-09-30",
        "--table",
        "amber",
    ]);
    snapshot!("formats_empty_section_table", table.render());
}

#[test]
fn bom_starts_each_csv_file_for_spreadsheets() {
    let plain = pack(&["--format", "csv", "--table", "summary"]);
    let marked = pack(&["--format", "csv", "--table", "summary", "--bom"]);
    assert!(!plain.stdout.starts_with('\u{feff}'));
    assert_eq!(marked.stdout, format!("\u{feff}{}", plain.stdout));
}

//! Report output options, on the built-in sample report: csv into a folder
//! or one table, a section chosen by id, and the usage errors.

use crate::snapshot;
use crate::support::ragtime;

#[test]
fn csv_folder_has_one_file_per_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pack");
    let out_arg = out.to_string_lossy().into_owned();
    let run = ragtime(&["sample-report", "--format", "csv", "-o", &out_arg]);
    assert_eq!(run.code, 0, "{}", run.render());
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "changes.csv",
            "colour-mix.csv",
            "due.csv",
            "exceptions.csv",
            "measures.csv",
            "progress.csv",
            "summary.csv"
        ]
    );
}

#[test]
fn csv_one_table_to_stdout() {
    let run = ragtime(&["sample-report", "--format", "csv", "--table", "exceptions"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("formats_csv_one_table", run.render());
}

#[test]
fn hostile_csv_cells_are_text() {
    let run = ragtime(&[
        "sample-report",
        "--hostile",
        "--format",
        "csv",
        "--table",
        "hostile",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(run.stdout.as_bytes());
    let mut formulas = 0;
    for record in reader.records() {
        for field in record.unwrap().iter() {
            if field.starts_with('\'') {
                formulas += 1;
            }
            let bare = field.starts_with(['=', '+', '@', '\t', '\r'])
                || (field.starts_with('-') && field.parse::<f64>().is_err());
            assert!(!bare, "a spreadsheet would run {field:?}");
        }
    }
    assert!(formulas >= 7, "only {formulas} cells neutralised");
}

#[test]
fn markdown_one_section() {
    let run = ragtime(&["sample-report", "--format", "markdown", "--table", "due"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("formats_markdown_one_section", run.render());
}

#[test]
fn csv_needs_a_folder_or_a_table() {
    let run = ragtime(&["sample-report", "--format", "csv"]);
    assert_eq!(run.code, 2, "{}", run.render());
    snapshot!("formats_csv_needs_folder", run.render());
}

#[test]
fn unknown_section() {
    let run = ragtime(&["sample-report", "--format", "json", "--table", "exception"]);
    assert_eq!(run.code, 2, "{}", run.render());
    snapshot!("formats_unknown_section", run.render());
}

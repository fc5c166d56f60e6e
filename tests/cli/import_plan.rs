//! `ragtime import-plan`: an action-plan workbook (title rows above the
//! headings, priorities in merged cells, dates as dates, a hidden sheet of
//! its own) made into a plan file that passes `check` once the owners it
//! lists are added; a file with bad rows refused, every row named.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::support::{Run, fixture, ragtime_in};

/// A copy of the shipped plans, the mapping and `bad.csv` in a temporary
/// folder.
fn setup() -> tempfile::TempDir {
    let dir = crate::returns::shipped_copy();
    for name in ["mapping.toml", "bad.csv"] {
        std::fs::copy(fixture("import-plan").join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// The action plan as a council keeps it.
fn action_plan(path: &Path) {
    let mut book = Workbook::new();
    let lookups = book.add_worksheet();
    lookups.set_name("Lookups").unwrap();
    lookups.write_string(0, 0, "Green").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Action plan").unwrap();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_string_with_format(0, 0, "SEND and inclusion action plan 2025/26", &bold)
        .unwrap();
    let headings = [
        "Ref",
        "Priority",
        "Objective / commitment",
        "Action",
        "Lead",
        "Target date",
        "RAG",
        "Progress update",
        "Mitigation",
    ];
    for (c, h) in headings.iter().enumerate() {
        sheet
            .write_string_with_format(2, c as u16, *h, &bold)
            .unwrap();
    }
    let rows: [[&str; 9]; 5] = [
        [
            "SEND-1",
            "Early identification",
            "We will identify needs earlier",
            "Train early years settings in the graduated approach",
            "Head of SEND",
            "2026-03-31",
            "Green",
            "Two cohorts trained.",
            "",
        ],
        [
            "SEND-2",
            "",
            "We will identify needs earlier",
            "Publish the refreshed local offer",
            "Head of Additional Needs",
            "2025-12-31",
            "Amber",
            "Web team capacity.",
            "Agency support booked",
        ],
        [
            "SEND-3",
            "Inclusion in schools",
            "We will reduce suspensions",
            "Inclusion toolkit for secondary schools",
            "Virtual School Head",
            "2026-06-30",
            "Complete",
            "Toolkit issued to all 14 schools.",
            "",
        ],
        [
            "SEND-4",
            "",
            "We will reduce suspensions",
            "Termly suspension reviews with headteachers",
            "Designated Safeguarding Lead (schools)",
            "2026-07-31",
            "Not yet started",
            "",
            "",
        ],
        [
            "SEND-5",
            "",
            "We will keep pupils in school",
            "Alternative provision directory",
            "Designated Safeguarding Lead (schools)",
            "2026-09-30",
            "Red",
            "Providers slow to respond: 4 of 11.",
            "Chase through the schools forum",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = 3 + r as u32;
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            if c == 5 {
                let d = ExcelDateTime::parse_from_str(v).unwrap();
                sheet
                    .write_datetime_with_format(r, c as u16, &d, &date)
                    .unwrap();
            } else {
                sheet.write_string(r, c as u16, *v).unwrap();
            }
        }
    }
    // Each priority's cell merged down its rows, as action plans do.
    let plain = Format::new();
    sheet
        .merge_range(3, 1, 4, 1, "Early identification", &plain)
        .unwrap();
    sheet
        .merge_range(5, 1, 7, 1, "Inclusion in schools", &plain)
        .unwrap();
    sheet.set_active(true);
    book.worksheet_from_index(0).unwrap().set_hidden(true);
    book.save(path).unwrap();
}

fn import(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["import-plan"];
    all.extend_from_slice(args);
    ragtime_in(dir, &all)
}

#[test]
fn an_action_plan_becomes_a_plan_file_that_checks() {
    let dir = setup();
    action_plan(&dir.path().join("action-plan.xlsx"));
    let run = import(dir.path(), &["action-plan.xlsx", "-m", "mapping.toml"]);
    assert_eq!(run.code, 0, "{}", run.render());
    crate::snapshot!("import_plan_workbook", run.render());
    let written = std::fs::read_to_string(dir.path().join("plans/send.toml")).unwrap();
    crate::snapshot!("import_plan_workbook_file", written);

    // Add the owner it lists, as the registry's keeper would, and the
    // plan set checks.
    let entry = run.stderr[run.stderr.find("# Designated").unwrap()..]
        .replace("org = \"\"", "org = \"Herefordshire schools\"");
    let owners = dir.path().join("plans/owners.toml");
    let mut text = std::fs::read_to_string(&owners).unwrap();
    text.push('\n');
    text.push_str(&entry);
    std::fs::write(&owners, text).unwrap();
    let check = ragtime_in(
        dir.path(),
        &["check", "--as-of", "2025-09-30", "--format", "short"],
    );
    assert_eq!(check.code, 0, "{}", check.render());
    assert!(!check.stdout.contains("send.toml"), "{}", check.render());

    // Never over a file already there.
    let again = import(dir.path(), &["action-plan.xlsx", "-m", "mapping.toml"]);
    assert_eq!(again.code, 2, "{}", again.render());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plans/send.toml")).unwrap(),
        written
    );
}

#[test]
fn rows_that_cannot_be_read_are_each_named_and_nothing_is_written() {
    let dir = setup();
    let run = import(dir.path(), &["bad.csv", "-m", "mapping.toml"]);
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(!dir.path().join("plans/send.toml").exists());
    crate::snapshot!("import_plan_bad_rows", run.render());
    let short = import(
        dir.path(),
        &["bad.csv", "-m", "mapping.toml", "--format", "short"],
    );
    crate::snapshot!("import_plan_bad_rows_short", short.render());
}

#[test]
fn a_bad_mapping_is_a_usage_error() {
    let dir = setup();
    let mapping = std::fs::read_to_string(dir.path().join("mapping.toml")).unwrap();
    std::fs::write(
        dir.path().join("typo.toml"),
        mapping.replace("Amber = \"at-risk\"", "Amber = \"at risk-ish\""),
    )
    .unwrap();
    let run = import(dir.path(), &["bad.csv", "-m", "typo.toml"]);
    assert_eq!(run.code, 2, "{}", run.render());
    crate::snapshot!("import_plan_bad_mapping", run.render());
}

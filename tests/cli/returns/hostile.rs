//! Hostile returns: each a workbook or file a spreadsheet program (or a
//! service lead) could really send back. Each gives a clear, located
//! problem; none panics; none writes anything (a warning alone writes
//! what is sound).

use std::path::Path;

use super::book::{self, Cell, Sheet, text};
use super::{import, made, make, shipped_copy, snapshot_of};
use crate::support::Run;

/// Makes hos-fostering's Q3 return in a copy of the shipped plans, lets
/// `change` fill it in, writes it as `name`, imports it and returns what
/// the import said, with whether any plan file changed.
fn returned(name: &str, change: impl FnOnce(&mut Vec<Sheet>)) -> (Run, bool) {
    let dir = shipped_copy();
    let run = make(dir.path(), "2025/26-Q3", &["--owner", "hos-fostering"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let mut sheets = book::read(&made(dir.path())[0]);
    change(&mut sheets);
    let path = dir.path().join("returns").join(name);
    book::write(&sheets, &path);
    book::forget_formula_results(&path);
    import_file(dir.path(), &format!("returns/{name}"))
}

/// Imports `file` (relative to `dir`), telling whether a plan changed.
fn import_file(dir: &Path, file: &str) -> (Run, bool) {
    let before = snapshot_of(dir);
    let run = import(dir, &[file]);
    (run, snapshot_of(dir) != before)
}

fn milestones(sheets: &mut [Sheet]) -> &mut Sheet {
    book::sheet(sheets, "Milestones")
}

/// The first and second milestone ids of the return.
fn ids(sheets: &mut [Sheet]) -> (String, String) {
    let ids = milestones(sheets).ids();
    (ids[0].clone(), ids[1].clone())
}

/// Asserts the import refused (exit 1, nothing written) and snapshots it.
fn refused(name: &str, (run, changed): (Run, bool)) {
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(!changed, "{name}: a plan file changed");
    assert!(!run.stderr.contains("panicked"), "{}", run.render());
    crate::snapshot!(format!("returns_hostile_{name}"), run.render());
}

#[test]
fn formulas_are_read_for_their_saved_result_never_run() {
    // A formula with a saved result is its result; `=HYPERLINK(...)`
    // typed as text is refused; a formula with no saved result is not
    // guessed at.
    refused(
        "formulas",
        returned("formulas.xlsx", |s| {
            let (a, b) = ids(s);
            let m = milestones(s);
            m.set(
                &a,
                "New status",
                Cell::Formula("LOWER(\"AT-RISK\")".into(), Some("at-risk".into())),
            );
            m.set(
                &a,
                "Note",
                text("=HYPERLINK(\"https://example.org/report\",\"report\")"),
            );
            m.set(
                &b,
                "Note",
                Cell::Formula("CONCATENATE(\"a\",\"b\")".into(), None),
            );
        }),
    );
}

#[test]
fn dates_as_text_and_serial_numbers_are_read_and_bad_ones_named() {
    let (run, changed) = returned("dates.xlsx", |s| {
        let (a, b) = ids(s);
        let m = milestones(s);
        m.set(&a, "Revised due date", text("31/07/2026"));
        m.set(&a, "Reason for new date", text("Panel moved"));
        m.set(&a, "New status", text("at-risk"));
        // 46203 is 30 June 2026 in the 1900 date system.
        m.set(&b, "Revised due date", Cell::Number(46203.0));
        m.set(&b, "Reason for new date", text("Budget round"));
        m.set(&b, "Update date", text("2025-12-31"));
    });
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(changed);
    refused(
        "dates",
        returned("dates.xlsx", |s| {
            let (a, b) = ids(s);
            let m = milestones(s);
            m.set(&a, "Revised due date", text("next March"));
            m.set(&a, "Reason for new date", text("Panel moved"));
            m.set(&b, "Revised due date", text("31/03/26"));
            m.set(&b, "Reason for new date", text("Budget round"));
            m.set(&b, "Update date", text("12/31/2025"));
        }),
    );
}

#[test]
fn merged_cells_are_refused() {
    refused(
        "merged",
        returned("merged.xlsx", |s| {
            let (a, _) = ids(s);
            let m = milestones(s);
            m.set(&a, "Note", text("One note for two milestones"));
            let (r, c) = (m.row(&a), m.column("Note"));
            m.merged.push((r, c, r + 1, c));
        }),
    );
}

#[test]
fn a_hidden_milestones_sheet_is_read_and_said() {
    let (run, changed) = returned("hidden.xlsx", |s| {
        let (a, _) = ids(s);
        let m = milestones(s);
        m.set(&a, "Note", text("Read from a hidden sheet"));
        m.hidden = true;
        // A workbook's first sheet is the one it opens on and cannot be
        // hidden: the notes sheet goes first.
        s.swap(0, 1);
        s.push(Sheet {
            name: "Working".into(),
            hidden: true,
            ..Sheet::default()
        });
    });
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(changed);
    crate::snapshot!("returns_hostile_hidden", run.render());
}

#[test]
fn missing_and_extra_columns_are_named() {
    refused(
        "columns",
        returned("columns.xlsx", |s| {
            let m = milestones(s);
            let reason = m.column("Reason for new date");
            m.delete_column(reason);
            m.cells.insert((book::HEADER, 20), text("My working"));
            m.cells.insert((book::HEADER, 21), text("NOTE"));
        }),
    );
}

#[test]
fn statuses_in_other_cases_are_read_and_misspelt_ones_named() {
    refused(
        "statuses",
        returned("statuses.xlsx", |s| {
            let ids = milestones(s).ids();
            let m = milestones(s);
            m.set(&ids[0], "New status", text(" On Target "));
            m.set(&ids[1], "New status", text("on traget"));
            m.set(&ids[2], "New status", text("Green"));
            m.set(&ids[3], "New status", text("complete"));
        }),
    );
}

#[test]
fn a_workbook_for_another_owner_is_refused() {
    refused(
        "other_owner",
        returned("other-owner.xlsx", |s| {
            let (a, _) = ids(s);
            milestones(s).set(&a, "Note", text("Progress"));
            book::sheet(s, "Record")
                .cells
                .insert((2, 1), text("virtual-school-head"));
        }),
    );
}

#[test]
fn rows_that_name_no_milestone_or_one_twice_are_refused() {
    refused(
        "rows",
        returned("rows.xlsx", |s| {
            let (a, b) = ids(s);
            let m = milestones(s);
            m.set(&a, "Note", text("First"));
            m.set(&b, "Note", text("Second"));
            m.set(&b, "Id", text(&a));
            let last = m.cells.keys().map(|(r, _)| *r).max().unwrap() + 1;
            m.cells.insert((last, 0), text("CPS-P1-C9-M9"));
            m.cells
                .insert((last, m.column("Note")), text("A milestone of my own"));
        }),
    );
}

#[test]
fn breaking_the_rules_of_an_update_is_refused_at_the_cell() {
    refused(
        "rules",
        returned("rules.xlsx", |s| {
            let ids = milestones(s).ids();
            let m = milestones(s);
            m.set(&ids[0], "New status", text("complete"));
            m.set(&ids[1], "New status", text("cancelled"));
            m.set(&ids[2], "Revised due date", text("30/06/2026"));
            m.set(&ids[3], "Percent complete", Cell::Number(140.0));
            m.set(&ids[4], "Note", text("Dated before the last update"));
            m.set(&ids[4], "Update date", text("01/01/2025"));
        }),
    );
}

#[test]
fn a_truncated_or_password_protected_file_is_refused() {
    let dir = shipped_copy();
    make(dir.path(), "2025/26-Q3", &["--owner", "hos-fostering"]);
    let whole = std::fs::read(&made(dir.path())[0]).unwrap();
    std::fs::write(
        dir.path().join("returns/cut.xlsx"),
        &whole[..whole.len() / 2],
    )
    .unwrap();
    refused("truncated", import_file(dir.path(), "returns/cut.xlsx"));

    // An encrypted workbook is a compound file holding the encrypted
    // package, as spreadsheet programs save one with a password.
    let path = dir.path().join("returns/locked.xlsx");
    let mut file = cfb::create(&path).unwrap();
    {
        use std::io::Write;
        let mut stream = file.create_stream("EncryptionInfo").unwrap();
        stream.write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0]).unwrap();
        let mut stream = file.create_stream("EncryptedPackage").unwrap();
        stream.write_all(&[0; 64]).unwrap();
    }
    file.flush().unwrap();
    drop(file);
    refused("password", import_file(dir.path(), "returns/locked.xlsx"));

    std::fs::write(
        dir.path().join("returns/latin1.csv"),
        b"Id,New status,Note\nCPS-P1-C4-M3,at-risk,caf\xe9\n",
    )
    .unwrap();
    refused("not_utf8", import_file(dir.path(), "returns/latin1.csv"));
}

/// A return made before other updates were recorded is applied only where
/// its milestone has not changed since; an entry already in the log is not
/// added again. Warnings, and the rest is recorded.
#[test]
fn an_old_return_is_applied_only_where_it_still_makes_sense() {
    let dir = shipped_copy();
    make(dir.path(), "2025/26-Q3", &["--owner", "hos-fostering"]);
    let path = made(dir.path())[0].clone();
    let mut sheets = book::read(&path);
    let (a, b) = ids(&mut sheets);
    let m = milestones(&mut sheets);
    m.set(&a, "Note", text("Written in the return"));
    m.set(&b, "Note", text("Also written in the return"));
    book::write(&sheets, &dir.path().join("returns/old.xlsx"));
    // Meanwhile the lead records an update on the first milestone.
    let run = crate::support::ragtime_in(
        dir.path(),
        &[
            "update",
            &a,
            "--status",
            "at-risk",
            "--note",
            "Recorded directly",
            "--by",
            "hos-fostering",
            "--date",
            "2025-11-14",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.render());
    let (run, changed) = import_file(dir.path(), "returns/old.xlsx");
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(changed);
    crate::snapshot!("returns_import_old_return", run.render());
    let (again, changed) = import_file(dir.path(), "returns/old.xlsx");
    assert_eq!(again.code, 0, "{}", again.render());
    assert!(!changed);
}

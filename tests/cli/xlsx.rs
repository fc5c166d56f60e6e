//! `--format xlsx`: the board pack as a workbook, read back with a second
//! reader (calamine) and compared cell by cell with the same pack as CSV,
//! so every table and every value is shown to be there.

use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use crate::support::{Run, ragtime};

/// `ragtime board cpb --period 2025/26-Q2 ARGS` on the shipped plans.
fn pack(args: &[&str]) -> Run {
    let mut all = vec!["board", "cpb", "--period", "2025/26-Q2"];
    all.extend_from_slice(args);
    ragtime(&all)
}

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).expect("the workbook opens in calamine")
}

/// The CSV writer's text of a cell (formula-like text has a `'` in front).
fn unneutralised(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => field,
    }
}

/// Whether a cell read from the workbook says what the CSV field says:
/// text the same, numbers the same figure (the CSV adds `%` or a unit),
/// dates the same day (the CSV adds what a measured date or a target date
/// says beside it, which the workbook shows through the cell's format).
fn same(cell: &Data, field: &str) -> bool {
    let field = unneutralised(field);
    match cell {
        Data::Empty => field.is_empty(),
        Data::String(s) => s == field,
        Data::Float(f) => {
            let figure = field.split([' ', '%']).next().unwrap_or("");
            figure.parse::<f64>().is_ok_and(|x| x == *f)
        }
        Data::Int(i) => field.split([' ', '%']).next() == Some(i.to_string().as_str()),
        Data::DateTime(d) => d.as_datetime().is_some_and(|d| {
            field.split([',', ' ']).next() == Some(&*d.date().format("%Y-%m-%d").to_string())
        }),
        other => panic!("unexpected cell {other:?}"),
    }
}

#[test]
fn the_board_pack_holds_every_table_and_value() {
    let dir = tempfile::tempdir().unwrap();
    let book_path = dir.path().join("cpb.xlsx");
    let csv_dir = dir.path().join("csv");
    let run = pack(&["--format", "xlsx", "-o", book_path.to_str().unwrap()]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    let run = pack(&["--format", "csv", "-o", csv_dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.render());
    let json = pack(&["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let sections = doc["sections"].as_array().unwrap();

    let mut book = open(&book_path);
    let names = book.sheet_names();
    assert_eq!(names[0], "Contents");
    assert_eq!(names.len(), sections.len() + 1, "{names:?}");
    let mut values = 0;
    for (section, name) in sections.iter().zip(&names[1..]) {
        let id = section["id"].as_str().unwrap();
        // The executive summary is prose, with no table to compare.
        if section["table"].is_null() {
            continue;
        }
        let range = book.worksheet_range(name).unwrap();
        // Every sheet says what it is and the date it is as at.
        assert_eq!(
            range.get_value((1, 0)),
            Some(&Data::String(section["heading"].as_str().unwrap().into()))
        );
        assert_eq!(range.get_value((2, 0)), Some(&Data::String("As at".into())));
        assert!(
            matches!(range.get_value((2, 1)), Some(Data::DateTime(d))
                if d.as_datetime().unwrap().date().to_string() == "2025-09-30"),
            "{name}: as at {:?}",
            range.get_value((2, 1))
        );
        let headings: Vec<&str> = section["table"]["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["heading"].as_str().unwrap())
            .collect();
        let header = (0..range.height() as u32)
            .find(|&r| {
                (0..headings.len() as u32).all(|c| {
                    range.get_value((r, c)) == Some(&Data::String(headings[c as usize].into()))
                })
            })
            .unwrap_or_else(|| panic!("{name}: no header row {headings:?}"));
        let mut csv = csv::Reader::from_path(csv_dir.join(format!("{id}.csv"))).unwrap();
        let mut rows = 0;
        for (i, record) in csv.records().enumerate() {
            let record = record.unwrap();
            let row = header + 1 + i as u32;
            // The CSV's first field says what the row is; the rest are cells.
            for (c, field) in record.iter().skip(1).enumerate() {
                let cell = range
                    .get_value((row, c as u32))
                    .cloned()
                    .unwrap_or(Data::Empty);
                assert!(
                    same(&cell, field),
                    "{name} row {row} column {c}: {cell:?} is not {field:?}"
                );
                values += 1;
            }
            rows += 1;
        }
        assert_eq!(
            rows,
            section["table"]["rows"].as_array().unwrap().len(),
            "{name}: rows"
        );
    }
    assert!(values > 1000, "only {values} values compared");
}

/// RAG cells are filled with the scale's colour and say the rating in
/// words.
#[test]
fn rag_cells_are_coloured_and_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cpb.xlsx");
    let run = pack(&["--format", "xlsx", "-o", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.render());
    let mut book = open(&path);
    let values = book.worksheet_range("summary").unwrap();
    let styles = book.worksheet_style("summary").unwrap();
    let mut seen = 0;
    for (row, col, cell) in values.used_cells() {
        let (row, col) = (row as u32, col as u32);
        let Data::String(text) = cell else { continue };
        let expected = match text.as_str() {
            "Amber" => 0xffbf47,
            "Red" => 0xb52a17,
            _ => continue,
        };
        let at = (
            values.start().unwrap().0 + row,
            values.start().unwrap().1 + col,
        );
        let fill = styles
            .get(at)
            .and_then(|s| s.fill.as_ref())
            .and_then(|f| f.get_color())
            .unwrap_or_else(|| panic!("{text} at {at:?} has no fill"));
        assert_eq!(fill.to_argb() & 0xffffff, expected, "{text} at {at:?}");
        seen += 1;
    }
    assert!(seen >= 2, "only {seen} RAG cells");
}

#[test]
fn the_same_pack_is_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.xlsx");
    let b = dir.path().join("b.xlsx");
    for path in [&a, &b] {
        let run = pack(&["--format", "xlsx", "-o", path.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.render());
    }
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

/// Every report takes `--format xlsx`.
#[test]
fn every_report_writes_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let reports: &[&[&str]] = &[
        &["report", "--as-of", "2025-09-30"],
        &["report", "CPS", "--as-of", "2025-09-30"],
        &["report", "--by", "owner", "--as-of", "2025-09-30"],
        &["exceptions", "--as-of", "2025-09-30"],
        &["measures", "--as-of", "2025-09-30"],
        &["explain", "CPS-P3-C7-M1", "--as-of", "2025-09-30"],
        &["owner", "hos-fostering", "--as-of", "2025-09-30"],
        &["owner", "--as-of", "2025-09-30"],
    ];
    for (i, args) in reports.iter().enumerate() {
        let path = dir.path().join(format!("{i}.xlsx"));
        let mut all = args.to_vec();
        all.extend(["--format", "xlsx", "-o", path.to_str().unwrap()]);
        let run = ragtime(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.render());
        let book = open(&path);
        assert!(
            book.sheet_names().len() >= 2,
            "{args:?}: {:?}",
            book.sheet_names()
        );
    }
}

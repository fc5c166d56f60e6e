//! `ragtime export`: the rated milestones as CSV and JSON Lines, and the
//! portfolio table computed from them by DuckDB with the query
//! `docs/benchmarks.md` shows.
//!
//! The query's result is compared with `ragtime report --format csv`, cell
//! by cell: for each strategy (by id) the live milestones, each rating's
//! count, the percentage as shown, the RAG and the cancelled count, and the
//! totals; the closed strategies likewise with the report's final
//! positions. A strategy with no milestone at all has no row to export:
//! the report shows it with zeros and "No milestones", and the query not
//! at all.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::snapshot;
use crate::support::{fixture, ragtime, ragtime_in, root};

#[test]
fn export_csv() {
    let dir = fixture("reports/mixed");
    let run = ragtime_in(&dir, &["export", "--plans", ".", "--as-of", "2025-09-30"]);
    snapshot!("export_csv", run.render());
}

#[test]
fn export_jsonl() {
    let dir = fixture("reports/mixed");
    let args = [
        "export",
        "--plans",
        ".",
        "--as-of",
        "2025-09-30",
        "--format",
        "jsonl",
    ];
    snapshot!("export_jsonl", ragtime_in(&dir, &args).render());
}

#[test]
fn export_refuses_plans_with_errors() {
    let run = ragtime(&[
        "export",
        "--plans",
        "tests/fixtures/reports/errors",
        "--as-of",
        "2025-09-30",
    ]);
    snapshot!("export_refuses_plans_with_errors", run.render());
}

#[test]
fn export_to_a_folder_that_is_not_there() {
    let run = ragtime(&[
        "export",
        "--as-of",
        "2025-09-30",
        "-o",
        "no-such-folder/milestones.csv",
    ]);
    snapshot!("export_to_a_folder_that_is_not_there", run.render());
}

#[test]
fn an_export_to_a_file_is_the_export_to_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("milestones.jsonl");
    let to_file = ragtime(&[
        "export",
        "--as-of",
        "2025-09-30",
        "--format",
        "jsonl",
        "-o",
        &path.to_string_lossy(),
    ]);
    assert_eq!(to_file.code, 0, "{}", to_file.stderr);
    assert_eq!(to_file.stdout, "");
    let to_stdout = ragtime(&["export", "--as-of", "2025-09-30", "--format", "jsonl"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), to_stdout.stdout);
    // Nothing is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
}

/// The first ```sql block of docs/benchmarks.md.
fn documented_query() -> String {
    let doc = std::fs::read_to_string(root().join("docs/benchmarks.md")).expect("docs");
    let start = doc
        .find("```sql\n")
        .expect("a sql block in docs/benchmarks.md")
        + 7;
    let end = start + doc[start..].find("```").expect("closed");
    doc[start..end].to_string()
}

/// The query's rows, run by DuckDB on `export`, as tab-separated lines.
fn duckdb(query: &str) -> Vec<Vec<String>> {
    let program = "import duckdb, sys\n\
                   for row in duckdb.sql(sys.stdin.read()).fetchall():\n    \
                       print('\\t'.join('' if v is None else str(v) for v in row))\n";
    let mut child = Command::new("python3")
        .args(["-c", program])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (.ci/install installs it with duckdb)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(query.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "duckdb (installed by .ci/install): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// A CSV table of `ragtime report` by its rows' ids (`Total` for the
/// totals row), with the columns the query computes; empty when the
/// report has no such table.
fn report_table(plans: &Path, date: &str, table: &str) -> BTreeMap<String, Vec<String>> {
    let run = ragtime_in(
        plans,
        &[
            "report", "--plans", ".", "--as-of", date, "--format", "csv", "--table", table,
        ],
    );
    if run.code != 0 {
        assert!(run.stderr.contains(table), "{}", run.stderr);
        return BTreeMap::new();
    }
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    // The columns the query computes, in its order.
    let keep: Vec<usize> = [
        "milestones",
        "complete",
        "on_target",
        "at_risk",
        "not_on_target",
        "paused",
        "not_started",
        "percent",
        "rag",
        "cancelled",
    ]
    .iter()
    .map(|name| headers.iter().position(|h| h == *name).expect(name))
    .collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let id = if &r[0] == "total" { "Total" } else { &r[1] };
            (
                id.to_string(),
                keep.iter().map(|&i| r[i].to_string()).collect(),
            )
        })
        .collect()
}

/// Exports the plans in `dir` as at `date` in both formats, runs the
/// documented query on each, and compares with the report's tables.
fn same_as_report(dir: &Path, date: &str) {
    let out = tempfile::tempdir().expect("temp dir");
    for (format, file, reader) in [
        ("csv", "export.csv", "read_csv"),
        ("jsonl", "export.jsonl", "read_json"),
    ] {
        let path = out.path().join(file);
        let run = ragtime_in(
            dir,
            &[
                "export",
                "--plans",
                ".",
                "--as-of",
                date,
                "--format",
                format,
                "-o",
                &path.to_string_lossy(),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let query = documented_query().replace(
            "read_csv('export.csv')",
            &format!("{reader}('{}')", path.display()),
        );
        let rows = duckdb(&query);
        for (closed, table) in [("False", "summary"), ("True", "closed")] {
            let mut want = report_table(dir, date, table);
            // No milestone, no row to export.
            want.retain(|_, cells| cells[0] != "0" || cells.last().is_some_and(|c| c != "0"));
            let got: BTreeMap<String, Vec<String>> = rows
                .iter()
                .filter(|r| r[0] == closed && !(closed == "True" && r[1] == "Total"))
                .map(|r| (r[1].clone(), r[2..].to_vec()))
                .collect();
            assert_eq!(
                got,
                want,
                "{format}, {table}, as at {date}, {}",
                dir.display()
            );
        }
    }
}

#[test]
fn duckdb_computes_the_portfolio_table_from_the_export_of_the_shipped_plans() {
    for date in ["2025-03-31", "2025-09-30", "2026-03-31"] {
        same_as_report(&root().join("plans"), date);
    }
}

#[test]
fn duckdb_computes_the_portfolio_table_from_the_export_of_a_generated_set() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = ragtime_bench::generate(&ragtime_bench::Options {
        milestones: 3000,
        seed: 11,
    });
    ragtime_bench::write(&files, dir.path()).expect("write");
    same_as_report(dir.path(), "2026-03-31");
}

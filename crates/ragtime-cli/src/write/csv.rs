//! CSV: one table per file, for spreadsheets. The header row holds the
//! columns' stable keys after a `row` column saying whether each row is an
//! item, a group heading or a total, so totals can be filtered out, and
//! before an `illustrative` column saying whether the row's item is
//! invented for an example. Any cell a spreadsheet would run as a formula
//! is made text. A folder of tables also holds `facts.csv` (the title, the
//! as-at date and the facts under the title) and, when there are any,
//! `narratives.csv`.
//!
//! A section with nothing to list is a file with the header line alone, so
//! a folder of CSV files always has the same files. With `--bom` each file
//! starts with a UTF-8 byte order mark, which spreadsheet programs need to
//! read accented letters right; it is off by default, since scripts and
//! other tools read the mark as part of the first column's name.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ragtime_core::report::{Document, RowKind, Section, Table};

use super::cells::{self, DateStyle};

/// The file with the title, the as-at date and the facts.
pub const FACTS_FILE: &str = "facts.csv";
/// The file with every narrative in the report.
pub const NARRATIVES_FILE: &str = "narratives.csv";

/// How CSV files are written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Start each file with a UTF-8 byte order mark.
    pub bom: bool,
}

/// Writes one section's table.
pub fn write_table(out: &mut dyn Write, table: &Table, options: Options) -> csv::Result<()> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let mut header = vec!["row".to_string()];
    header.extend(table.columns.iter().map(|c| neutralise(&c.key)));
    header.push("illustrative".to_string());
    w.write_record(&header)?;
    for row in &table.rows {
        let kind = match row.kind {
            RowKind::Item => "item",
            RowKind::Group => "group",
            RowKind::Total => "total",
        };
        let mut record = vec![kind.to_string()];
        record.extend(
            cells::aligned(&table.columns, row)
                .map(|c| neutralise(&cells::plain(c, DateStyle::Iso))),
        );
        record.push(if row.illustrative { "yes" } else { "no" }.to_string());
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

/// The sections that have a table, each with the file name it is written
/// to: `<section id>.csv`.
pub fn tables(doc: &Document) -> impl Iterator<Item = (String, &Section, &Table)> {
    doc.sections
        .iter()
        .filter_map(|s| s.table.as_ref().map(|t| (file_name(&s.id), s, t)))
}

/// Writes the title, the as-at date and the facts under the title, one
/// `label,value` row each.
pub fn write_facts(out: &mut dyn Write, doc: &Document, options: Options) -> csv::Result<()> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(["label", "value"])?;
    let as_at = doc.as_at.format("%Y-%m-%d").to_string();
    let rows = [("Title", doc.title.as_str()), ("As at", as_at.as_str())];
    for (label, value) in rows
        .into_iter()
        .chain(doc.facts.iter().map(|(l, v)| (l.as_str(), v.as_str())))
    {
        w.write_record([neutralise(label), neutralise(value)])?;
    }
    w.flush()?;
    Ok(())
}

/// Writes every narrative in `doc`, with the section it is shown in.
pub fn write_narratives(out: &mut dyn Write, doc: &Document, options: Options) -> csv::Result<()> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record([
        "section",
        "item",
        "name",
        "date",
        "by",
        "by_role",
        "text",
        "illustrative",
        "old",
    ])?;
    for s in &doc.sections {
        for n in &s.narratives {
            let date = n.date.format("%Y-%m-%d").to_string();
            let fields = [
                s.id.as_str(),
                &n.item,
                &n.name,
                &date,
                &n.by_id,
                &n.by,
                &n.text,
                if n.illustrative { "yes" } else { "no" },
                n.old.as_deref().unwrap_or(""),
            ];
            w.write_record(fields.iter().map(|f| neutralise(f)))?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes every table of `doc` into `dir` (made if missing), then the
/// facts and any narratives, returning the files written: the tables in
/// section order, then `facts.csv` and `narratives.csv`.
pub fn write_dir(dir: &Path, doc: &Document, options: Options) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let mut written = Vec::new();
    let mut write_file = |name: &str, write: &dyn Fn(&mut dyn Write) -> csv::Result<()>| {
        let path = dir.join(name);
        let mut file = std::io::BufWriter::new(
            std::fs::File::create(&path)
                .with_context(|| format!("cannot create `{}`", path.display()))?,
        );
        write(&mut file).with_context(|| format!("cannot write `{}`", path.display()))?;
        file.flush()
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        written.push(path);
        anyhow::Ok(())
    };
    for (name, _, table) in tables(doc) {
        write_file(&name, &|out| write_table(out, table, options))?;
    }
    write_file(FACTS_FILE, &|out| write_facts(out, doc, options))?;
    if doc.sections.iter().any(|s| !s.narratives.is_empty()) {
        write_file(NARRATIVES_FILE, &|out| write_narratives(out, doc, options))?;
    }
    Ok(written)
}

/// `<id>.csv`, with anything but letters, digits, `-`, `_` and inner `.`
/// replaced by `_`, so a section id can never name a file outside the
/// folder (`../x`) or a hidden one.
pub fn file_name(id: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    name = name.replace("..", "__");
    format!("{name}.csv")
}

/// Prefixes with `'` any cell that a spreadsheet would run as a formula:
/// one starting with `=`, `+`, `-`, `@`, a tab or a carriage return. A
/// plain number such as `-3.5` is left alone: spreadsheets read it as the
/// number it is, and nothing in it can run.
pub fn neutralise(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// `-12`, `-0.4`: an optional minus, digits, and at most one decimal point
/// between digits.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !frac.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::testing;

    fn render(table: &Table) -> String {
        let mut out = Vec::new();
        write_table(&mut out, table, Options::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn render_with(
        doc: &Document,
        write: fn(&mut dyn Write, &Document, Options) -> csv::Result<()>,
    ) -> String {
        let mut out = Vec::new();
        write(&mut out, doc, Options::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Every file a folder of the document holds, in the order written.
    fn all(doc: &Document) -> String {
        let mut text: String = tables(doc)
            .map(|(name, _, t)| format!("=== {name}\n{}", render(t)))
            .collect();
        text += &format!("=== {FACTS_FILE}\n{}", render_with(doc, write_facts));
        text += &format!(
            "=== {NARRATIVES_FILE}\n{}",
            render_with(doc, write_narratives)
        );
        text
    }

    #[test]
    fn board_pack() {
        crate::snapshot!("write_csv_board_pack", all(&testing::board_pack()));
    }

    #[test]
    fn hostile() {
        crate::snapshot!("write_csv_hostile", all(&testing::hostile()));
    }

    /// Read back as a spreadsheet would: no field may start with a
    /// character that makes it a formula, unless it is a plain number.
    #[test]
    fn formula_like_cells_come_out_as_text() {
        let doc = testing::hostile();
        let mut fields = 0;
        let files = tables(&doc).map(|(_, _, table)| render(table)).chain([
            render_with(&doc, write_facts),
            render_with(&doc, write_narratives),
        ]);
        for text in files {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(text.as_bytes());
            for record in reader.records() {
                for field in record.unwrap().iter() {
                    fields += 1;
                    assert!(
                        !field.starts_with(['=', '+', '-', '@', '\t', '\r'])
                            || is_plain_number(field),
                        "formula-like field {field:?}"
                    );
                }
            }
        }
        assert!(fields > 50, "only {fields} fields read");
        for (cell, safe) in [
            ("=1+1", "'=1+1"),
            ("+SUM(A1:A2)", "'+SUM(A1:A2)"),
            ("-2+3", "'-2+3"),
            ("@cmd", "'@cmd"),
            ("\tTabbed", "'\tTabbed"),
            ("\rCarriage", "'\rCarriage"),
            ("-3.5", "-3.5"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("plain", "plain"),
        ] {
            assert_eq!(neutralise(cell), safe, "{cell:?}");
        }
    }

    #[test]
    fn file_names_stay_in_the_folder() {
        assert_eq!(file_name("summary"), "summary.csv");
        assert_eq!(file_name("colour-mix"), "colour-mix.csv");
        assert_eq!(file_name("../../etc/passwd"), "_______etc_passwd.csv");
        assert_eq!(file_name(".hidden"), "_.hidden.csv");
        assert_eq!(file_name(""), "_.csv");
        assert_eq!(file_name("a/b\\c"), "a_b_c.csv");
    }

    #[test]
    fn write_dir_writes_one_file_per_table() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_dir(dir.path(), &testing::board_pack(), Options::default()).unwrap();
        let names: Vec<_> = written
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "summary.csv",
                "progress.csv",
                "exceptions.csv",
                "measures.csv",
                "changes.csv",
                "colour-mix.csv",
                "due.csv",
                "facts.csv",
                "narratives.csv"
            ]
        );
        let summary = std::fs::read_to_string(&written[0]).unwrap();
        assert!(summary.starts_with("row,strategy,milestones,"), "{summary}");
        let facts = std::fs::read_to_string(&written[7]).unwrap();
        assert!(facts.starts_with("label,value\r\nTitle,"), "{facts}");
    }
}

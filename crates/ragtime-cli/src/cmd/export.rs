//! `ragtime export`: the rated milestones as data (CSV or JSON Lines), one
//! row per milestone as at a date, for DuckDB, Spark or a data warehouse.
//!
//! Rows are made and written a batch at a time, each batch formatted on
//! every core and written in plan order, so memory beyond the plan set does
//! not grow with the output. To a file, the export is written whole or not
//! at all (through a temporary file in the same folder); to a terminal,
//! plan text is shown escaped, as every report shows it there.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use ragtime_core::MilestoneIx;
use ragtime_core::export::{COLUMNS, Export, Row};
use rayon::prelude::*;
use serde::Serialize;

use crate::Outcome;
use crate::cli::{Args, ExportArgs, ExportFormat};

/// Milestones made into rows and formatted together, then written.
const BATCH: usize = 1 << 16;
/// Milestones formatted by one task.
const CHUNK: usize = 1 << 11;

pub fn run(args: &Args, export: &ExportArgs) -> Result<Outcome> {
    let Some(plans) = super::load_sound(args)? else {
        return Ok(Outcome::Problems);
    };
    let as_of = match (export.period, export.as_of) {
        (Some(q), _) => q.end(),
        (None, Some(d)) => d,
        (None, None) => super::today(),
    };
    let rows = Export::new(&plans.model, &plans.settings, as_of);
    let escape = export.output.is_none() && std::io::stdout().is_terminal();
    match &export.output {
        Some(path) => write_file(path, |out| write(out, &rows, export.format, escape))?,
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            write(&mut out, &rows, export.format, escape)?;
            out.flush()?;
        }
    }
    // The process ends next: let it hand the memory back at once.
    std::mem::forget(rows);
    std::mem::forget(plans);
    Ok(Outcome::Ok)
}

/// Writes `path` whole: into a temporary file beside it, renamed over it
/// once written, so a reader never sees half an export.
fn write_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let shown = path.display();
    if !dir.is_dir() {
        anyhow::bail!(
            "cannot create `{shown}`: there is no folder `{}`",
            dir.display()
        );
    }
    let mut temp = tempfile::Builder::new();
    temp.prefix(".ragtime-export");
    // As a file created the usual way: readable by others unless the
    // umask says not (the temporary file would otherwise be private).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temp = temp
        .tempfile_in(dir)
        .map_err(|e| std::io::Error::from(e.kind()))
        .with_context(|| format!("cannot create `{shown}`"))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, temp);
    write(&mut out).with_context(|| format!("cannot write `{shown}`"))?;
    let temp = out
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("cannot write `{shown}`"))?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write `{shown}`"))?;
    Ok(())
}

/// Every row, in plan order, as `format`.
fn write(out: &mut dyn Write, rows: &Export<'_>, format: ExportFormat, escape: bool) -> Result<()> {
    if format == ExportFormat::Csv {
        writeln!(out, "{}", COLUMNS.join(","))?;
    }
    let n = rows.len();
    for start in (0..n).step_by(BATCH) {
        let end = (start + BATCH).min(n);
        let chunks: Vec<Vec<u8>> = (start..end)
            .into_par_iter()
            .step_by(CHUNK)
            .map(|from| chunk(rows, from..(from + CHUNK).min(end), format, escape))
            .collect::<Result<_>>()?;
        for bytes in chunks {
            out.write_all(&bytes)?;
        }
    }
    Ok(())
}

/// The rows of the milestones `range`, formatted.
fn chunk(
    rows: &Export<'_>,
    range: std::ops::Range<usize>,
    format: ExportFormat,
    escape: bool,
) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(range.len() * 256);
    match format {
        ExportFormat::Csv => {
            let mut csv = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut out);
            let mut boards = String::new();
            for i in range {
                if let Some(row) = rows.row(MilestoneIx(i as u32)) {
                    csv_record(&mut csv, &Record::of(&row, escape), &mut boards)?;
                }
            }
            csv.flush()?;
        }
        ExportFormat::Jsonl => {
            for i in range {
                if let Some(row) = rows.row(MilestoneIx(i as u32)) {
                    serde_json::to_writer(&mut out, &Record::of(&row, escape))?;
                    out.push(b'\n');
                }
            }
        }
    }
    Ok(out)
}

/// A row as written: texts (escaped for a terminal), dates as
/// `YYYY-MM-DD`, words for the status and rating. The fields are in the
/// order of [`COLUMNS`].
#[derive(Serialize)]
struct Record<'r> {
    as_at: Date,
    milestone: std::borrow::Cow<'r, str>,
    title: std::borrow::Cow<'r, str>,
    strategy: std::borrow::Cow<'r, str>,
    priority: std::borrow::Cow<'r, str>,
    commitment: std::borrow::Cow<'r, str>,
    owner: std::borrow::Cow<'r, str>,
    organisation: std::borrow::Cow<'r, str>,
    boards: Vec<std::borrow::Cow<'r, str>>,
    status: &'static str,
    rating: &'static str,
    flagged: bool,
    due: Date,
    baseline_due: Date,
    times_redated: usize,
    last_update: Option<Date>,
    added: Date,
    closed: bool,
    illustrative: bool,
}

impl<'r> Record<'r> {
    fn of(row: &Row<'r>, escape: bool) -> Record<'r> {
        let text = |t: &'r str| {
            if escape {
                crate::safe_text::escape(t)
            } else {
                std::borrow::Cow::Borrowed(t)
            }
        };
        Record {
            as_at: Date(row.as_at),
            milestone: text(row.milestone),
            title: text(row.title),
            strategy: text(row.strategy),
            priority: text(row.priority),
            commitment: text(row.commitment),
            owner: text(row.owner),
            organisation: text(row.organisation),
            boards: row.boards.iter().map(|b| text(b)).collect(),
            status: row.status.as_str(),
            rating: row.rating.name(),
            flagged: row.flagged,
            due: Date(row.due),
            baseline_due: Date(row.baseline_due),
            times_redated: row.times_redated,
            last_update: row.last_update.map(Date),
            added: Date(row.added),
            closed: row.closed,
            illustrative: row.illustrative,
        }
    }
}

/// Writes `r` as one CSV record: the boards joined with `;`, no date as
/// an empty cell.
fn csv_record<W: Write>(
    csv: &mut csv::Writer<W>,
    r: &Record<'_>,
    boards: &mut String,
) -> csv::Result<()> {
    boards.clear();
    for (n, b) in r.boards.iter().enumerate() {
        if n > 0 {
            boards.push(';');
        }
        boards.push_str(b);
    }
    let count = r.times_redated.to_string();
    csv.write_field(iso(r.as_at.0))?;
    for text in [
        &r.milestone,
        &r.title,
        &r.strategy,
        &r.priority,
        &r.commitment,
        &r.owner,
        &r.organisation,
    ] {
        csv.write_field(text.as_bytes())?;
    }
    csv.write_field(boards.as_bytes())?;
    csv.write_field(r.status)?;
    csv.write_field(r.rating)?;
    csv.write_field(if r.flagged { "true" } else { "false" })?;
    csv.write_field(iso(r.due.0))?;
    csv.write_field(iso(r.baseline_due.0))?;
    csv.write_field(&count)?;
    match &r.last_update {
        Some(d) => csv.write_field(iso(d.0))?,
        None => csv.write_field("")?,
    }
    csv.write_field(iso(r.added.0))?;
    csv.write_field(if r.closed { "true" } else { "false" })?;
    csv.write_field(if r.illustrative { "true" } else { "false" })?;
    csv.write_record(None::<&[u8]>)
}

/// A date as `YYYY-MM-DD` (TOML dates have four-digit years).
fn iso(d: NaiveDate) -> [u8; 10] {
    use chrono::Datelike;
    let (y, m, day) = (d.year().clamp(0, 9999) as u32, d.month(), d.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ]
}

/// A date written `YYYY-MM-DD`.
struct Date(NaiveDate);

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

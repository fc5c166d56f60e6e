//! Where output goes and how it looks there: colour choice, broken pipes,
//! standard output or a file, and a report in the format asked for.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};
use ragtime_core::report::Document;

use crate::cli::{ColorChoice, ReportOutput};
use crate::write::{self, Format};

/// Whether to colour output going to a stream: never when `NO_COLOR` is set
/// (to anything) or the stream is not a terminal, unless forced.
pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

pub fn stdout_color(choice: ColorChoice) -> bool {
    use_color(choice, std::io::stdout().is_terminal())
}

pub fn stderr_color(choice: ColorChoice) -> bool {
    use_color(choice, std::io::stderr().is_terminal())
}

/// The narrowest and widest terminal tables are laid out in; `--width`
/// takes the same range.
pub const WIDTHS: std::ops::RangeInclusive<u16> = 40..=1000;

/// The width terminal tables fit in: `--width`, else the terminal's when
/// standard output is one (and is written to), else the `COLUMNS`
/// environment variable, else none (every row on one line). A terminal or
/// `COLUMNS` outside [`WIDTHS`] is taken as the nearest end of it.
pub fn table_width(given: Option<u16>, to_stdout: bool) -> Option<u16> {
    let terminal = || {
        to_stdout
            .then(|| terminal_size::terminal_size_of(std::io::stdout()))
            .flatten()
            .map(|(w, _)| w.0)
    };
    let columns = || std::env::var_os("COLUMNS").and_then(|v| parse_columns(&v));
    given.or_else(|| {
        terminal()
            .or_else(columns)
            .map(|w| w.clamp(*WIDTHS.start(), *WIDTHS.end()))
    })
}

/// `COLUMNS` as a number of columns; anything but a positive whole number
/// is ignored.
fn parse_columns(value: &OsStr) -> Option<u16> {
    let n: u64 = value.to_str()?.trim().parse().ok()?;
    (n > 0).then(|| u16::try_from(n).unwrap_or(u16::MAX))
}

/// True when the error chain ends in a closed pipe. The csv writer wraps
/// the I/O error in its own, so that is looked into too.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(broken)
            || e.downcast_ref::<csv::Error>()
                .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if broken(io)))
    })
}

/// Runs `write` on the file at `path` (created or replaced), or on
/// standard output when there is no path.
pub fn to_file_or_stdout(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match path {
        Some(path) => {
            let file = File::create(path)
                .with_context(|| format!("cannot create `{}`", path.display()))?;
            let mut out = BufWriter::new(file);
            write(&mut out).with_context(|| format!("cannot write `{}`", path.display()))?;
            out.flush()
                .with_context(|| format!("cannot write `{}`", path.display()))
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            write(&mut out)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Writes a report document as `--format`, `--table`, `--output` and
/// `--width` say; `color` is for terminal tables on standard output.
pub fn write_document(doc: &Document, how: &ReportOutput, color: ColorChoice) -> Result<()> {
    let picked;
    let doc = match &how.table {
        Some(id) => {
            picked = only_section(doc, id)?;
            &picked
        }
        None => doc,
    };
    // A section with nothing to list keeps its columns for a CSV header;
    // the other formats show its intro alone.
    let shown;
    let doc = match how.format {
        Format::Csv => doc,
        _ => {
            shown = without_empty_tables(doc);
            shown.as_ref()
        }
    };
    // Plan text reaches terminals and markdown viewers only escaped; the
    // other formats quote it in their own way.
    let safe;
    let doc = match how.format {
        Format::Table | Format::Markdown => {
            safe = crate::safe_text::escaped(doc);
            safe.as_ref()
        }
        _ => doc,
    };
    let csv = write::csv::Options { bom: how.bom };
    match how.format {
        Format::Table => {
            let options = write::Options {
                color: how.output.is_none() && stdout_color(color),
                width: table_width(how.width, how.output.is_none()),
            };
            to_file_or_stdout(how.output.as_deref(), |out| {
                Ok(write::table(out, doc, &options)?)
            })
        }
        Format::Csv => match (&how.table, &how.output) {
            (Some(id), output) => {
                let (_, _, table) = write::csv::tables(doc)
                    .next()
                    .with_context(|| format!("section `{id}` has no table"))?;
                to_file_or_stdout(output.as_deref(), |out| {
                    write::csv::write_table(out, table, csv)?;
                    Ok(())
                })
            }
            (None, Some(dir)) => {
                write::csv::write_dir(dir, doc, csv)?;
                Ok(())
            }
            (None, None) => bail!(
                "csv writes one file per table: give `--output DIR` for all of them, \
                 or `--table SECTION` for one on standard output"
            ),
        },
        Format::Markdown => to_file_or_stdout(how.output.as_deref(), |out| {
            Ok(write::markdown::write(out, doc)?)
        }),
        Format::Json => to_file_or_stdout(how.output.as_deref(), |out| {
            Ok(write::json::write(out, doc)?)
        }),
        Format::Html => to_file_or_stdout(how.output.as_deref(), |out| {
            Ok(write::html::write(out, doc)?)
        }),
        Format::Xlsx => {
            let bytes = write::xlsx::write(doc).context("cannot make the workbook")?;
            write_binary(how.output.as_deref(), &bytes, "xlsx")
        }
    }
}

/// Writes a binary file whole: to `path` through a temporary file renamed
/// over it (so a failed write leaves what was there), or to standard
/// output when that is not a terminal.
pub fn write_binary(path: Option<&Path>, bytes: &[u8], what: &str) -> Result<()> {
    match path {
        Some(path) => write_whole(path, bytes),
        None if std::io::stdout().is_terminal() => bail!(
            "{what} is a binary format and is not written to a terminal: \
             give `--output FILE` (e.g. `-o report.{what}`), or redirect standard output"
        ),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside
/// it, flushed to disk, then renamed over it.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = temp_beside(path, bytes)?;
    temp.persist(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// As [`write_whole`], but never replaces a file: if `path` exists, even
/// one made a moment ago by something else, nothing is written.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = temp_beside(path, bytes)?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("`{}` is already there; it was not replaced", path.display())
        } else {
            anyhow::Error::new(e.error).context(format!("cannot write `{}`", path.display()))
        }
    })?;
    Ok(())
}

/// `bytes` in a temporary file in `path`'s folder, flushed to disk.
fn temp_beside(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ragtime-").suffix(".tmp");
    // A temporary file is private; the file it becomes is not. The mode is
    // what a plain create asks for, less the umask, as for any new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create `{}`", path.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(temp)
}

/// `doc` with the tables that have no rows left out, or `doc` itself when
/// it has none.
fn without_empty_tables(doc: &Document) -> std::borrow::Cow<'_, Document> {
    let empty =
        |s: &ragtime_core::report::Section| s.table.as_ref().is_some_and(|t| t.rows.is_empty());
    if !doc.sections.iter().any(empty) {
        return std::borrow::Cow::Borrowed(doc);
    }
    let mut doc = doc.clone();
    for s in &mut doc.sections {
        if empty(s) {
            s.table = None;
        }
    }
    std::borrow::Cow::Owned(doc)
}

/// The document cut down to the section with id `id`.
fn only_section(doc: &Document, id: &str) -> Result<Document> {
    match doc.sections.iter().find(|s| s.id == id) {
        Some(section) => Ok(Document {
            sections: vec![section.clone()],
            ..doc.clone()
        }),
        None => {
            let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
            bail!(
                "no section `{id}` in this report; its sections are: {}",
                ids.join(", ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_is_a_positive_whole_number() {
        assert_eq!(parse_columns(OsStr::new("80")), Some(80));
        assert_eq!(parse_columns(OsStr::new(" 132 ")), Some(132));
        assert_eq!(parse_columns(OsStr::new("99999")), Some(u16::MAX));
        for junk in ["", "0", "-80", "80x", "wide"] {
            assert_eq!(parse_columns(OsStr::new(junk)), None, "{junk:?}");
        }
    }

    #[test]
    fn a_width_given_wins() {
        assert_eq!(table_width(Some(100), true), Some(100));
        assert_eq!(table_width(Some(100), false), Some(100));
    }
}

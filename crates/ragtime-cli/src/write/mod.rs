//! Report writers: one per output format, each laying out a report
//! [`Document`] on any `io::Write` without computing anything; they only
//! choose how each typed cell is shown.
//!
//! To add a format: a module here, a variant of [`Format`], and its arm in
//! `output::write_document`.

pub mod cells;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
mod table;
#[cfg(test)]
pub mod testing;
pub mod xlsx;

use std::io::{self, Write};

use ragtime_core::report::Document;

/// The formats a report can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for the terminal, fitted to its width: coloured in a
    /// terminal, plain when piped or with NO_COLOR set; ratings always in
    /// words too.
    Table,
    /// Markdown with pipe tables, for papers kept in git.
    Markdown,
    /// One CSV table per section (`--output DIR`), or one with `--table`.
    Csv,
    /// JSON in the documented, versioned schema (docs/json-schema.md).
    Json,
    /// One self-contained HTML page, ready to print on A4 and to publish.
    Html,
    /// An Excel workbook: one sheet per table, RAG cells coloured, with
    /// filters (`--output FILE`; never written to a terminal).
    Xlsx,
}

/// How the terminal looks, decided by the caller.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Colour ratings (words are always written too).
    pub color: bool,
    /// Fit every line in this many columns of the screen; with none, every
    /// paragraph and table row is written on one line.
    pub width: Option<u16>,
}

/// Writes `doc` as terminal tables.
pub fn table(out: &mut dyn Write, doc: &Document, options: &Options) -> io::Result<()> {
    table::write(out, doc, options)
}

//! Report writers: one per output format, each laying out a
//! [`Document`] on any `io::Write` without computing anything.
//!
//! To add a format: a module here with a `write(out, doc, options)`
//! function, a variant of [`OutputFormat`], and its arm in [`write`].

mod table;

use std::io::{self, Write};

use clap::ValueEnum;
use ragtime_core::report::Document;

/// The formats reports can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Tables for the terminal: coloured in a terminal, plain when piped or
    /// with NO_COLOR set; ratings always in words too.
    Table,
}

/// How the terminal looks, decided by the caller.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Colour ratings (words are always written too).
    pub color: bool,
    /// Wrap tables and paragraphs to this many characters.
    pub width: Option<u16>,
    /// Output goes to a terminal, whose width tables may use when no width
    /// is given.
    pub terminal: bool,
}

/// Writes `doc` in `format`.
pub fn write(
    out: &mut dyn Write,
    doc: &Document,
    format: OutputFormat,
    options: &Options,
) -> io::Result<()> {
    match format {
        OutputFormat::Table => table::write(out, doc, options),
    }
}

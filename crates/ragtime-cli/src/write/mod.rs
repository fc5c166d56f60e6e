//! Writers: one per output format, each laying out a report
//! [`Document`](ragtime_core::report::Document) on any `std::io::Write`.
//! None computes a figure; they only choose how each typed cell is shown.

pub mod cells;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sample;

/// The formats a report can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown with pipe tables, for papers kept in git.
    Markdown,
    /// One CSV table per section (`--output DIR`), or one with `--table`.
    Csv,
    /// JSON in the documented, versioned schema (docs/json-schema.md).
    Json,
    /// One self-contained HTML page, ready to print on A4 and to publish.
    Html,
}

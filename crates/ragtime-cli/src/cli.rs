//! Command-line arguments (clap derive): the commands, their options and help.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::write::Format;

/// Ragtime: checks council strategy and action plan files and produces the
/// RAG progress reports boards read.
#[derive(Debug, Parser)]
#[command(name = "ragtime", version, about, long_about = None)]
pub struct Args {
    /// Folder (or single file) holding the plan files.
    #[arg(
        long,
        global = true,
        default_value = "plans",
        env = "RAGTIME_PLANS",
        value_name = "DIR"
    )]
    pub plans: PathBuf,

    /// When to use colour: auto means only in a terminal and without NO_COLOR.
    #[arg(long, global = true, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every plan file and list every problem found.
    Check(CheckArgs),
    /// Draw the governance picture: boards, who they report to, and the
    /// strategies each oversees.
    Graph(GraphArgs),
    /// Write milestone due dates as an iCalendar (.ics) file to subscribe to.
    Calendar(CalendarArgs),
    /// Write a made-up report, to check a format or a browser.
    #[command(hide = true)]
    SampleReport(SampleArgs),
}

/// Where and how a report document is written; shared by every report.
#[derive(Debug, clap::Args)]
pub struct ReportOutput {
    /// Output format.
    #[arg(long, default_value = "markdown")]
    pub format: Format,
    /// Write only this section's table (by its id, e.g. `exceptions`); with
    /// csv, the way to get one table on standard output.
    #[arg(long, value_name = "SECTION")]
    pub table: Option<String>,
    /// Write to this file instead of standard output; with csv and no
    /// `--table`, the folder to write one `<section>.csv` per table into.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// Diagram language.
    #[arg(long, default_value = "mermaid")]
    pub format: GraphFormat,
    /// Also show the owners of strategies, commitments and milestones.
    #[arg(long)]
    pub owners: bool,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Mermaid flowchart, drawn by forges in markdown files.
    Mermaid,
    /// The dot graph language, for a layout program to draw.
    Dot,
}

#[derive(Debug, clap::Args)]
pub struct CalendarArgs {
    /// Only milestones this owner (an owner id) delivers.
    #[arg(long, value_name = "OWNER")]
    pub owner: Option<String>,
    /// The date to take due dates and statuses as at (YYYY-MM-DD); today
    /// by default.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct SampleArgs {
    /// The document whose every text is hostile, instead of the board pack.
    #[arg(long)]
    pub hostile: bool,
    #[command(flatten)]
    pub output: ReportOutput,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// How to print problems: human (with excerpts) or short (one line each).
    #[arg(long, default_value = "human")]
    pub format: DiagnosticFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// Excerpts with the key underlined, like a compiler.
    Human,
    /// One `path:line:col: CODE message` line per problem.
    Short,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A date as `YYYY-MM-DD`, for `--as-of` and the like.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2025-09-30"))
}

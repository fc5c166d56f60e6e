//! Command-line arguments (clap derive): the commands, their options and help.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use ragtime_core::period::Quarter;

use crate::write::OutputFormat;

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
    /// The portfolio summary (one row per strategy, or --by ...), or with a
    /// STRATEGY id its progress priority by priority, commitment by
    /// commitment.
    Report(ReportArgs),
    /// Every Red and Amber milestone, with owner, note and corrective action.
    Exceptions(ScopedArgs),
    /// Every measure against its target, with direction of travel.
    Measures(ScopedArgs),
    /// The rule and the data behind an item's rating, step by step.
    ///
    /// An ID that no item has is a usage error (exit 2), with the nearest
    /// id suggested.
    Explain(ExplainArgs),
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// How to print problems: human (with excerpts) or short (one line each).
    #[arg(long, default_value = "human")]
    pub format: DiagnosticFormat,

    /// Check statuses against the evidence as at this date (YYYY-MM-DD);
    /// default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

/// The date a report is as at, and how it is written. Shared by every report.
#[derive(Debug, clap::Args)]
pub struct ReportOptions {
    /// Report as at this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "period")]
    pub as_of: Option<NaiveDate>,

    /// Report as at the end of this quarter of the financial year, e.g.
    /// 2025/26-Q2 (Q1 = April-June).
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<Quarter>,

    /// Output format.
    #[arg(long, default_value = "table", value_name = "FORMAT")]
    pub format: OutputFormat,

    /// Width of tables in characters; default the terminal's (none when
    /// output is not a terminal).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// A strategy id: report its progress instead of the portfolio summary.
    pub strategy: Option<String>,

    /// One summary row per strategy (the default), priority, owner, board or
    /// organisation.
    #[arg(long, value_name = "WHAT")]
    pub by: Option<By>,

    #[command(flatten)]
    pub options: ReportOptions,
}

#[derive(Debug, clap::Args)]
pub struct ScopedArgs {
    /// A strategy id: only this strategy (default: every strategy).
    pub strategy: Option<String>,

    #[command(flatten)]
    pub options: ReportOptions,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The id of any item: milestone, commitment, priority, objective,
    /// strategy, measure, board or owner.
    pub id: String,

    #[command(flatten)]
    pub options: ReportOptions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum By {
    Strategy,
    Priority,
    Owner,
    Board,
    Organisation,
}

/// A date as `YYYY-MM-DD`, in the years reports handle.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2025-09-30"))?;
    Quarter::containing(date).map_err(|e| e.to_string())?;
    Ok(date)
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

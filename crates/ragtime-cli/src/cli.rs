//! Command-line arguments (clap derive): the commands, their options and help.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use ragtime_core::period::Quarter;

use crate::write::Format;

/// Ragtime: checks council strategy and action plan files and produces the
/// RAG progress reports boards read.
#[derive(Debug, Parser)]
#[command(name = "ragtime", version, about, long_about = None)]
pub struct Args {
    /// Folder holding the plan files. Default: the first `plans` folder in
    /// the current folder or a folder above it. A file names the plan set
    /// around it (or is one on its own).
    #[arg(long, global = true, env = "RAGTIME_PLANS", value_name = "DIR")]
    pub plans: Option<PathBuf>,

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
    /// A board's pack: everything the board oversees, directly and through
    /// the boards that report to it: headline, progress, exceptions,
    /// measures, changes since the last meeting, what is due before the
    /// next, and money and scrutiny recommendations when there are any.
    ///
    /// The last meeting defaults to the quarter end before the as-at date;
    /// the next to the as-at date plus the board's `meets` cadence, or the
    /// next quarter end for a board with none (docs/board-pack.md).
    Board(BoardArgs),
    /// Every Red and Amber milestone, with owner, note and corrective action.
    Exceptions(ScopedArgs),
    /// Every measure against its target, with direction of travel.
    Measures(ScopedArgs),
    /// Scrutiny recommendations: each with the executive's response and its
    /// delivery status; responses awaited and overdue; accepted ones with
    /// nothing delivering them.
    ///
    /// With BOARD, only those made by that board and the boards that report
    /// to it (as its pack shows them).
    Recommendations(RecommendationsArgs),
    /// Money for the financial year of the as-at date: budget, forecast,
    /// actual and variance by strategy and priority with a RAG on the
    /// variance, every budget line, savings by status, and caps with what
    /// is counted against them.
    Finance(ScopedArgs),
    /// The rule and the data behind an item's rating, step by step.
    ///
    /// An ID that no item has is a usage error (exit 2), with the nearest
    /// id suggested.
    Explain(ExplainArgs),
    /// Record progress on a milestone: append a dated entry to its update log.
    ///
    /// Only the new entry is added; the rest of the file (comments, layout)
    /// stays exactly as it was. The plan set is checked again with the
    /// change, and nothing is written if the update would add a problem.
    Update(UpdateArgs),
    /// A service lead's own list: open milestones, what is overdue, what is
    /// due soon and what needs an update. Without OWNER, every owner's counts.
    Owner(OwnerArgs),
    /// Print the JSON Schema of plan files, for editors that complete and
    /// check keys while typing.
    Schema,
    /// Draw the governance picture: boards, who they report to, and the
    /// strategies each oversees.
    Graph(GraphArgs),
    /// Write milestone due dates as an iCalendar (.ics) file to subscribe to.
    Calendar(CalendarArgs),
    /// Write the rated milestones as data, one row per milestone as at a
    /// date (ids up the tree, owner, organisation, boards, status, rating,
    /// due date in force, times re-dated, whether illustrative), as CSV or
    /// JSON Lines for DuckDB, Spark or a data warehouse.
    ///
    /// Rows are written as they are made, so memory does not grow with the
    /// output. Values are written exactly as in the plans: for a
    /// spreadsheet, use `ragtime report --format csv`, whose cells are made
    /// safe to open (docs/export.md).
    Export(ExportArgs),
    /// Print the shell completion script for SHELL, e.g.
    /// `ragtime completions bash > ~/.local/share/bash-completion/completions/ragtime`.
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `ragtime man > ~/.local/share/man/man1/ragtime.1`.
    Man,
    /// Quarterly returns by spreadsheet: a workbook per owner to fill in
    /// (`make`), and reading the filled returns into the update logs
    /// (`import`). See docs/returns.md.
    #[command(subcommand)]
    Returns(ReturnsCommand),
    /// Make a plan file from an existing action-plan spreadsheet or CSV
    /// (one row per milestone), read as a mapping file says. Owners the
    /// registry does not have are listed to add; an existing file is never
    /// replaced. See docs/returns.md.
    ImportPlan(ImportPlanArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportPlanArgs {
    /// The spreadsheet (.xlsx) or CSV file.
    pub file: PathBuf,

    /// The mapping: the strategy, which heading holds what, and the
    /// spreadsheet's words for statuses and owners (TOML).
    #[arg(long, short = 'm', value_name = "MAPPING")]
    pub mapping: PathBuf,

    /// The sheet to read (default: the mapping's `sheet`, or the first
    /// visible sheet).
    #[arg(long, value_name = "SHEET")]
    pub sheet: Option<String>,

    /// The plan file to write (default: the mapping's `file`, or
    /// `<strategy id>.toml`, in the plans folder).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print the plan file and write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// How to print problems: human (with the cell's value) or short (one
    /// `book!sheet!cell: CODE message` line each).
    #[arg(long, default_value = "human")]
    pub format: DiagnosticFormat,
}

#[derive(Debug, Subcommand)]
pub enum ReturnsCommand {
    /// Write one workbook per owner: their live milestones, with columns
    /// to fill in (status, note, percent, revised date and reason,
    /// corrective action, update date). Existing files are never replaced.
    Make(ReturnsMakeArgs),
    /// Read filled returns (workbooks, or CSV files with the same columns)
    /// into the update logs. Every row of every file is checked first; any
    /// error and nothing is written. An update already recorded is not
    /// recorded again.
    Import(ReturnsImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ReturnsImportArgs {
    /// The filled returns.
    #[arg(required = true, value_name = "FILES")]
    pub files: Vec<PathBuf>,

    /// Print the changes to the plan files as a diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// How to print problems: human (with the cell's value) or short (one
    /// `book!sheet!cell: CODE message` line each).
    #[arg(long, default_value = "human")]
    pub format: DiagnosticFormat,
}

#[derive(Debug, clap::Args)]
pub struct ReturnsMakeArgs {
    /// The quarter the return is for, e.g. 2025/26-Q3 (Q1 = April-June).
    #[arg(long, value_name = "PERIOD")]
    pub period: Quarter,

    /// Only this owner's return (an owner id).
    #[arg(long, value_name = "OWNER")]
    pub owner: Option<String>,

    /// The folder to write the workbooks into (made if missing).
    #[arg(long, short = 'o', value_name = "DIR", default_value = "returns")]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// The milestone's id, e.g. CPS-P1-C1-M1 (case does not matter).
    pub id: String,

    /// The status now: not-started, on-target, at-risk, not-on-target,
    /// paused, complete or cancelled. Without it, the current status is
    /// repeated (to record a new due date, or that nothing changed).
    #[arg(long)]
    pub status: Option<String>,

    /// What happened: for complete, what was delivered; for cancelled, why.
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,

    /// The corrective action, for a milestone off track.
    #[arg(long, value_name = "ACTION", allow_hyphen_values = true)]
    pub corrective_action: Option<String>,

    /// Owner id of whoever makes the update; set RAGTIME_OWNER to give it once.
    #[arg(long, env = "RAGTIME_OWNER", value_name = "OWNER")]
    pub by: Option<String>,

    /// Record the update for the milestone's owner, OWNER, when --by is
    /// someone else (a performance officer copying in a return).
    #[arg(long, value_name = "OWNER")]
    pub on_behalf_of: Option<String>,

    /// A revised due date (YYYY-MM-DD), with --reason.
    #[arg(long, value_name = "DATE", requires = "reason", value_parser = parse_date)]
    pub due: Option<NaiveDate>,

    /// Why the due date moved.
    #[arg(long, requires = "due", allow_hyphen_values = true)]
    pub reason: Option<String>,

    /// Confirms a revised due date before the update's date: the milestone
    /// is overdue the day it is re-dated (e.g. to record when it is now
    /// expected, late).
    #[arg(long, requires = "due")]
    pub past_due: bool,

    /// Percent complete, 0 to 100.
    #[arg(long, allow_negative_numbers = true)]
    pub percent: Option<i64>,

    /// The update's date, YYYY-MM-DD (default: today); never after today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,

    /// Print the change as a diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, clap::Args)]
pub struct OwnerArgs {
    /// The owner's id, e.g. hos-fostering. Without it, every owner's counts.
    pub owner: Option<String>,

    /// How many days ahead counts as due soon.
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    pub within: u32,

    /// The date the list is as at, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,

    #[command(flatten)]
    pub output: ReportOutput,
}

/// Where and how a report document is written; shared by every report.
#[derive(Debug, clap::Args)]
pub struct ReportOutput {
    /// Output format.
    #[arg(long, default_value = "table", value_name = "FORMAT")]
    pub format: Format,
    /// Fit table output in this many columns (40 to 1000); default the
    /// terminal's, else the COLUMNS variable, else every row on one line.
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
    /// Write only this section's table (by its id, e.g. `exceptions`); with
    /// csv, the way to get one table on standard output.
    #[arg(long, value_name = "SECTION")]
    pub table: Option<String>,
    /// Write to this file instead of standard output; with csv and no
    /// `--table`, the folder to write one `<section>.csv` per table into.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// With csv: start each file with a UTF-8 byte order mark, which
    /// spreadsheet programs need to read accented letters right.
    #[arg(long)]
    pub bom: bool,
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
    /// Add a reminder (an alarm) this many days before each due date.
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(0..=366))]
    pub remind: Option<u32>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// csv (a header line, then one line per milestone) or jsonl (one JSON
    /// object per line).
    #[arg(long, default_value = "csv", value_name = "FORMAT")]
    pub format: ExportFormat,
    /// Rate as at this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "period")]
    pub as_of: Option<NaiveDate>,
    /// Rate as at the end of this quarter of the financial year, e.g.
    /// 2025/26-Q2 (Q1 = April-June).
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<Quarter>,
    /// Write to this file (whole, or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header line (RFC 4180).
    Csv,
    /// JSON Lines: one object per milestone, one per line.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Plan files or folders to check, in the context of the whole plan set
    /// they belong to; only their problems are shown. Default: every file.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
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

    #[command(flatten)]
    pub output: ReportOutput,
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
pub struct BoardArgs {
    /// The board's id, e.g. cpb (see the boards registry, plans/boards.toml).
    pub board: String,

    /// The date of the last meeting (YYYY-MM-DD): changes after it are
    /// listed. Default: the quarter end before the as-at date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,

    /// The date of the next meeting (YYYY-MM-DD): what is due up to it is
    /// listed. Default: the as-at date plus the board's cadence, or the next
    /// quarter end.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub next: Option<NaiveDate>,

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
pub struct RecommendationsArgs {
    /// A board's id, e.g. cyp-scrutiny: only the recommendations it and the
    /// boards reporting to it made (default: every committee's).
    pub board: Option<String>,

    #[command(flatten)]
    pub options: ReportOptions,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The id of any item: milestone, commitment, priority, objective,
    /// strategy, measure, board, owner, recommendation, budget line, saving
    /// or cap.
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

/// A date as `YYYY-MM-DD`, in the years reports handle.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        let shape = s.trim().split('-').map(str::len).collect::<Vec<_>>() == [4, 2, 2];
        match ragtime_core::hints::iso_date(s) {
            Some(iso) => {
                format!("`{s}` is not a date as ragtime reads them: write it year first, `{iso}`")
            }
            None if shape => format!("`{s}` is not a day of the calendar"),
            None => format!("`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2025-09-30"),
        }
    })?;
    Quarter::containing(date).map_err(|e| e.to_string())?;
    Ok(date)
}

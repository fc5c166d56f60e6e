//! Command-line arguments (clap derive): the commands, their options and help.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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

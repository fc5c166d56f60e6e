//! One module per command; `run` dispatches.

mod check;
mod report;

use anyhow::Result;
use chrono::NaiveDate;

use crate::Outcome;
use crate::cli::{Args, Command};

pub fn run(args: Args) -> Result<Outcome> {
    match &args.command {
        Command::Check(check) => check::run(&args, check),
        Command::Report(_)
        | Command::Exceptions(_)
        | Command::Measures(_)
        | Command::Explain(_) => report::run(&args),
    }
}

/// Reads and loads the plan set named by `--plans`.
pub fn load(args: &Args) -> Result<ragtime_core::PlanSet> {
    let inputs = crate::files::read_plans(&args.plans)?;
    Ok(ragtime_core::load(inputs))
}

/// Today's date where the user is: the default as-at date. The core never
/// reads the clock; only this does.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

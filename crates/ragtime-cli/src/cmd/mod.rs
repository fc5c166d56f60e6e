//! One module per command; `run` dispatches.

mod check;

use anyhow::Result;

use crate::Outcome;
use crate::cli::{Args, Command};

pub fn run(args: Args) -> Result<Outcome> {
    match &args.command {
        Command::Check(check) => check::run(&args, check),
    }
}

/// Reads and loads the plan set named by `--plans`.
pub fn load(args: &Args) -> Result<ragtime_core::PlanSet> {
    let inputs = crate::files::read_plans(&args.plans)?;
    Ok(ragtime_core::load(inputs))
}

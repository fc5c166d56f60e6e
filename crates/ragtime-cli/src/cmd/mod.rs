//! One module per command; `run` dispatches.

mod check;
mod owner;
mod schema;
mod update;

use anyhow::Result;

use crate::Outcome;
use crate::cli::{Args, Command};

pub fn run(args: Args) -> Result<Outcome> {
    match &args.command {
        Command::Check(check) => check::run(&args, check),
        Command::Update(update) => update::run(&args, update),
        Command::Owner(owner) => owner::run(&args, owner),
        Command::Schema => schema::run(),
    }
}

/// Reads and loads the plan set named by `--plans`.
pub fn load(args: &Args) -> Result<ragtime_core::PlanSet> {
    let inputs = crate::files::read_plans(&args.plans)?;
    Ok(ragtime_core::load(inputs))
}

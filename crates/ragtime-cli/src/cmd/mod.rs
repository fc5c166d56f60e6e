//! One module per command; `run` dispatches.

mod board;
mod calendar;
mod check;
mod graph;
mod ids;
mod import_plan;
mod owner;
mod recommendations;
mod report;
mod returns;
mod schema;
mod shell;
mod update;

use anyhow::Result;
use chrono::NaiveDate;

use crate::Outcome;
use std::io::Write;

use crate::cli::{Args, Command};

pub fn run(args: Args) -> Result<Outcome> {
    match &args.command {
        Command::Check(check) => check::run(&args, check),
        Command::Board(board) => board::run(&args, board),
        Command::Recommendations(r) => recommendations::run(&args, r),
        Command::Report(_)
        | Command::Exceptions(_)
        | Command::Measures(_)
        | Command::Finance(_)
        | Command::Explain(_) => report::run(&args),
        Command::Update(update) => update::run(&args, update),
        Command::Owner(owner) => owner::run(&args, owner),
        Command::Schema => schema::run(),
        Command::Graph(graph) => graph::run(&args, graph),
        Command::Calendar(calendar) => calendar::run(&args, calendar),
        Command::Returns(command) => returns::run(&args, command),
        Command::ImportPlan(import) => import_plan::run(&args, import),
        Command::Completions { shell } => shell::completions(*shell),
        Command::Man => shell::man(),
    }
}

/// A loaded plan set and the path of each of its files, to read again a
/// file whose text was let go when a finding in it is shown.
pub struct Loaded {
    pub plans: ragtime_core::PlanSet,
    pub paths: Vec<std::path::PathBuf>,
}

/// Reads and loads the plan set named by `--plans` (or `RAGTIME_PLANS`),
/// or found walking up from the current folder.
pub fn load(args: &Args) -> Result<Loaded> {
    load_at(&crate::files::locate(args.plans.as_deref(), None)?)
}

/// Reads and loads the plan set at `located`. The texts of files in which
/// reading finds no problem are let go (on a large plan set they take as
/// much memory as the model), and read again only to show a finding in
/// one.
pub fn load_at(located: &crate::files::Located) -> Result<Loaded> {
    let entries = crate::files::discover(&located.root)?;
    let inputs = crate::files::read(&entries);
    let plans = ragtime_core::load_with(inputs, ragtime_core::stages::Texts::Release);
    Ok(Loaded {
        plans,
        paths: crate::files::paths(&entries),
    })
}

/// Loads the plan set for a report. If it has errors, shows them on
/// standard error and returns `None`: reports are made only from sound
/// plans.
pub fn load_sound(args: &Args) -> Result<Option<ragtime_core::PlanSet>> {
    let Loaded { plans, paths } = load(args)?;
    if plans.is_sound() {
        return Ok(Some(plans));
    }
    let printer =
        crate::diagnostics::Printer::new(&plans, &paths, crate::output::stderr_color(args.color));
    let errors = || {
        plans
            .diagnostics
            .iter()
            .filter(|d| d.severity() == ragtime_core::Severity::Error)
    };
    printer.fetch(errors())?;
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in errors() {
        writeln!(err, "{}\n", printer.human(d))?;
    }
    writeln!(err, "{}", crate::diagnostics::summary(&plans))?;
    writeln!(
        err,
        "no output: fix the plans first (`ragtime check` lists the problems)"
    )?;
    Ok(None)
}

/// Today's date where the user is: the default as-at date. The core never
/// reads the clock; only this does.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

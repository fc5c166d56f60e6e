//! One module per command; `run` dispatches.

mod board;
mod calendar;
mod check;
mod export;
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
use ragtime_core::reach::{Draws, Everywhere};
use ragtime_core::{Diagnostic, FileId, PlanSet};
use rayon::prelude::*;

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
        Command::Export(export) => export::run(&args, export),
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
    // Each file is read as the loader comes to it, on its pool, and its
    // text let go once read: the plan set is never in memory whole.
    let inputs = entries.par_iter().map(crate::files::read_one);
    let plans = ragtime_core::load_from(inputs, ragtime_core::stages::Texts::Release);
    Ok(Loaded {
        plans,
        paths: crate::files::paths(&entries),
    })
}

/// Loads the plan set for an output over the whole plan set. If it has
/// errors, shows them on standard error and returns `None`: such outputs
/// are made only from sound plans.
pub fn load_sound(args: &Args) -> Result<Option<ragtime_core::PlanSet>> {
    load_for(args, "this output", |_| Ok(None))
}

/// Loads the plan set for a report that draws on what `draws` says
/// (`None`: the whole plan set), asked only when the plans have errors.
///
/// The report is made when the files it draws on are sound (see
/// `ragtime_core::reach`): problems only in other files are counted on
/// standard error ("1 problem in a file outside this pack ...") and the
/// report goes ahead. Problems in its own files are shown as `check`
/// shows them, with the count of the others, and `None` is returned. When
/// `draws` fails (an id no item has) and some file could not be read (the
/// id may be in it), the problems are shown, then why; with every file
/// read, it is the usage error it would be with sound plans. `draws`
/// gives `None` (the whole plan set) for an id written on a record left
/// out for its errors.
/// `what` names the output in messages: "this pack", "this report".
pub fn load_for(
    args: &Args,
    what: &str,
    draws: impl FnOnce(&PlanSet) -> Result<Option<Draws>>,
) -> Result<Option<PlanSet>> {
    let Loaded { plans, paths } = load(args)?;
    if plans.is_sound() {
        return Ok(Some(plans));
    }
    let mut scoped = None;
    let (shown, outside, why) = match draws(&plans) {
        Ok(Some(draws)) => {
            let held = plans.errors_for(&draws);
            if held.inside.is_empty() {
                let note = outside_note(&plans, &held.outside, what);
                eprintln!("note: {note}");
                return Ok(Some(plans));
            }
            let held = (held.inside, held.outside, None);
            scoped = Some(draws);
            held
        }
        Ok(None) => (errors(&plans), Vec::new(), None),
        // Every file was read and the id is not written anywhere: a usage
        // error, as with sound plans.
        Err(e)
            if !plans
                .reach
                .files
                .iter()
                .any(|f| f.everywhere == Some(Everywhere::Unread)) =>
        {
            return Err(e);
        }
        Err(e) => (errors(&plans), Vec::new(), Some(e)),
    };
    let printer =
        crate::diagnostics::Printer::new(&plans, &paths, crate::output::stderr_color(args.color));
    printer.fetch(shown.iter().copied())?;
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in &shown {
        writeln!(err, "{}\n", printer.human(d))?;
    }
    writeln!(err, "{}", crate::diagnostics::summary(&plans))?;
    if !outside.is_empty() {
        writeln!(err, "{}", outside_note(&plans, &outside, what))?;
    }
    if let Some(draws) = &scoped {
        // Say why a file that holds none of the report's own items holds
        // it up.
        let mut files: Vec<FileId> = shown.iter().map(|d| d.file()).collect();
        files.sort_unstable();
        files.dedup();
        for f in files {
            if let Some(every) = plans.reach.only_everywhere(f, draws) {
                writeln!(err, "{} {}", plans.source(f).name, every.reason())?;
            }
        }
    }
    if let Some(why) = why {
        writeln!(
            err,
            "no output: {why:#}; it may be in a file that could not be read"
        )?;
    } else {
        writeln!(
            err,
            "no output: fix the problems in the files {what} draws on first (`ragtime check` lists every problem)"
        )?;
    }
    Ok(None)
}

fn errors(plans: &PlanSet) -> Vec<&Diagnostic> {
    plans
        .diagnostics
        .iter()
        .filter(|d| d.severity() == ragtime_core::Severity::Error)
        .collect()
}

/// "1 problem in a file outside this pack (plans/autism.toml): run
/// `ragtime check` to see it".
fn outside_note(plans: &PlanSet, outside: &[&Diagnostic], what: &str) -> String {
    let mut files: Vec<&str> = outside
        .iter()
        .map(|d| plans.source(d.file()).name.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    const NAMED: usize = 3;
    let mut names = files
        .iter()
        .take(NAMED)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if files.len() > NAMED {
        names.push_str(&format!(" and {} more", files.len() - NAMED));
    }
    let n = outside.len();
    format!(
        "{n} {} in {} outside {what} ({names}): run `ragtime check` to see {}",
        if n == 1 { "problem" } else { "problems" },
        if files.len() == 1 {
            "a file".to_string()
        } else {
            format!("{} files", files.len())
        },
        if n == 1 { "it" } else { "them" },
    )
}

/// Writes a report as `how` says, then warns on standard error when it
/// rests on old data: its scope's latest update is further before the
/// as-at date than the staleness window (the report is still made).
pub fn write_report(
    doc: &ragtime_core::report::Document,
    how: &crate::cli::ReportOutput,
    color: crate::cli::ColorChoice,
) -> Result<()> {
    crate::output::write_document(doc, how, color)?;
    if let Some(warning) = doc.stale_warning() {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

/// Today's date where the user is: the default as-at date. The core never
/// reads the clock; only this does.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

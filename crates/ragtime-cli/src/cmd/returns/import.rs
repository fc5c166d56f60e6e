//! `ragtime returns import FILES...`: filled returns (workbooks, or CSV
//! files with the same columns) read into the update logs.
//!
//! Every file is read and every row checked before anything is written:
//! the rules a new entry meets (as `update`), then the plan set with every
//! entry added (as `check`), each problem shown at its cell. Any error in
//! any file and nothing is written. Otherwise the plan files that change
//! are locked, read again and the import made again on what they hold
//! now; each is then replaced whole, as `update` replaces one. An entry
//! already in a log is not added again, so importing a return twice, or
//! again after an interruption, records each update once.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use ragtime_core::returns::apply::{self, Applied, Plan, Return};
use ragtime_core::returns::{MILESTONES_SHEET, RECORD_SHEET, read, record};
use ragtime_core::sheet::{Place, Problem, origin};
use ragtime_core::{Code, Diagnostic, Input, PlanSet};

use crate::Outcome;
use crate::cli::{Args, DiagnosticFormat, ReturnsImportArgs};
use crate::{diagnostics, files, output, problems, save, sheets};

pub fn run(args: &Args, import: &ReturnsImportArgs) -> Result<Outcome> {
    let today = super::super::today();
    let mut found = Vec::new();
    let returns = read_returns(&import.files, &mut found)?;
    let located = files::locate(args.plans.as_deref(), None)?;
    let entries = files::discover(&located.root)?;
    let paths = files::paths(&entries);

    let first = Import::make(files::read(&entries), &returns, today)?;
    found.extend(first.plan.problems.iter().cloned());
    found.extend(first.located.iter().cloned());
    let errors = found.iter().filter(|p| p.is_error()).count() + first.elsewhere.len();
    show(args, import.format, &found, &first)?;
    if errors > 0 {
        eprintln!(
            "nothing written: {} in the returns; put {} right and import again \
             (nothing was recorded from any file)",
            count(errors, "problem", "problems"),
            if errors == 1 { "it" } else { "them" }
        );
        return Ok(Outcome::Problems);
    }
    if first.applied.texts.is_empty() {
        if first.plan.left == 0 {
            eprintln!(
                "nothing to record: no row of the {} has anything filled in",
                count(import.files.len(), "file", "files")
            );
        } else {
            eprintln!(
                "nothing to record from {}{}",
                count(import.files.len(), "file", "files"),
                left(&first.plan)
            );
        }
        return Ok(Outcome::Ok);
    }
    if import.dry_run {
        let mut out = std::io::stdout().lock();
        for (file, text) in &first.applied.texts {
            let source = first.before.source(*file);
            write!(out, "{}", diff(&source.text, text, &source.name))?;
        }
        out.flush()?;
        eprintln!(
            "dry run, nothing written: would record {} in {}{}",
            count(first.plan.planned.len(), "update", "updates"),
            count(first.applied.texts.len(), "plan file", "plan files"),
            left(&first.plan)
        );
        return Ok(Outcome::Ok);
    }

    // Lock the files to change (in path order, so two imports never wait
    // on each other), then read everything again and make the import
    // again on what the files hold now.
    let targets: BTreeSet<PathBuf> = first
        .applied
        .texts
        .iter()
        .map(|(f, _)| paths[f.index()].clone())
        .collect();
    let mut locks = Vec::new();
    for path in &targets {
        locks.push(save::lock(&fs_path(path)?, &files::display_name(path))?);
    }
    save::checkpoint("locked");
    let inputs = files::read(&entries);
    let now = Import::make(inputs.clone(), &returns, today)?;
    let now_targets: BTreeSet<PathBuf> = now
        .applied
        .texts
        .iter()
        .map(|(f, _)| paths[f.index()].clone())
        .collect();
    let same = now_targets == targets
        && now.plan.planned == first.plan.planned
        && now.located.is_empty()
        && now.elsewhere.is_empty();
    if !same {
        bail!(
            "the plans changed while the returns were being checked; nothing was written: \
             run the command again"
        );
    }
    for (file, text) in &now.applied.texts {
        let path = &paths[file.index()];
        let name = now.before.source(*file).name.clone();
        save::replace(
            &fs_path(path)?,
            &name,
            &inputs[file.index()].bytes,
            text.as_bytes(),
            &locks[targets.iter().position(|t| t == path).unwrap_or(0)],
        )?;
    }
    drop(locks);
    let mut out = std::io::stdout().lock();
    for (file, _) in &now.applied.texts {
        let n = now
            .plan
            .planned
            .iter()
            .filter(|p| now.before.model.milestone(p.milestone).loc.file == *file)
            .count();
        writeln!(
            out,
            "{}: {}",
            now.before.source(*file).name,
            count(n, "update", "updates")
        )?;
    }
    writeln!(
        out,
        "recorded {} from {} in {}{}",
        count(now.plan.planned.len(), "update", "updates"),
        count(import.files.len(), "return", "returns"),
        count(now.applied.texts.len(), "plan file", "plan files"),
        left(&now.plan)
    )?;
    out.flush()?;
    Ok(Outcome::Ok)
}

/// One import made on the plan files as read: the entries, the texts with
/// them, and the problems the plan checks find in them.
struct Import {
    before: PlanSet,
    plan: Plan,
    applied: Applied,
    after: PlanSet,
    /// The plan checks' findings in the new entries, at their cells.
    located: Vec<Problem>,
    /// Findings the new entries bring elsewhere in the plans.
    elsewhere: Vec<usize>,
}

impl Import {
    fn make(inputs: Vec<Input>, returns: &[Return], today: NaiveDate) -> Result<Import> {
        let before = ragtime_core::load(inputs.clone());
        let plan = apply::plan(&before, returns, today);
        let applied = match apply::apply(&before, &plan.planned) {
            Ok(a) => a,
            Err((place, err)) => bail!("cannot record the update from {place}: {err}"),
        };
        let mut changed = inputs;
        for (file, text) in &applied.texts {
            changed[file.index()].bytes = text.clone().into_bytes();
        }
        let after = ragtime_core::load(changed);
        let mut located = Vec::new();
        let mut elsewhere = Vec::new();
        for d in ragtime_core::new_errors(&before, &after) {
            match origin::locate(&after, d, &applied.origins) {
                Some(p) => located.push(p),
                None => elsewhere.push(index_of(&after, d)),
            }
        }
        Ok(Import {
            before,
            plan,
            applied,
            after,
            located,
            elsewhere,
        })
    }
}

fn index_of(plans: &PlanSet, d: &Diagnostic) -> usize {
    plans
        .diagnostics
        .iter()
        .position(|x| std::ptr::eq(x, d))
        .unwrap_or(0)
}

/// Reads every file given into a return; what cannot be read goes into
/// `problems`.
fn read_returns(files_given: &[PathBuf], problems: &mut Vec<Problem>) -> Result<Vec<Return>> {
    let mut returns = Vec::new();
    for path in files_given {
        let name = files::display_name(path);
        let bytes = std::fs::read(path).with_context(|| format!("cannot read `{name}`"))?;
        let book = match sheets::read(&name, bytes) {
            Ok(book) => book,
            Err(p) => {
                problems.push(*p);
                continue;
            }
        };
        let csv = book.sheets.len() == 1 && book.sheets[0].sheet.is_none();
        let grid = if csv {
            &book.sheets[0]
        } else {
            match book.sheet(MILESTONES_SHEET) {
                Some(g) => g,
                None => {
                    let names: Vec<String> = book
                        .sheets
                        .iter()
                        .filter_map(|g| g.sheet.as_ref().map(|s| format!("`{s}`")))
                        .collect();
                    problems.push(
                        Problem::new(
                            Code::MissingSheet,
                            Place::book(name.clone()),
                            format!("the workbook has no `{MILESTONES_SHEET}` sheet"),
                        )
                        .help(format!(
                            "its sheets are {}; a return's rows are on the sheet `{MILESTONES_SHEET}` (rename it back if it was renamed)",
                            names.join(", ")
                        )),
                    );
                    continue;
                }
            }
        };
        let record = match book.sheet(RECORD_SHEET).map(record::read_record) {
            None => None,
            Some(Ok(r)) => Some(r),
            Some(Err(p)) => {
                problems.push(*p);
                continue;
            }
        };
        let sheet = read::read_rows(grid);
        problems.extend(sheet.problems);
        let has_last_update = sheet
            .rows
            .first()
            .is_some_and(|r| r.has(ragtime_core::returns::Column::LastUpdate));
        returns.push(Return {
            book: name,
            record,
            rows: sheet.rows,
            has_last_update,
        });
    }
    Ok(returns)
}

/// Shows the problems at cells, then the plan findings elsewhere.
fn show(args: &Args, format: DiagnosticFormat, found: &[Problem], import: &Import) -> Result<()> {
    let color = output::stderr_color(args.color);
    let mut sorted = found.to_vec();
    ragtime_core::sheet::sort(&mut sorted);
    let mut err = std::io::stderr().lock();
    for p in &sorted {
        match format {
            DiagnosticFormat::Short => writeln!(err, "{}", problems::short(p))?,
            DiagnosticFormat::Human => writeln!(err, "{}\n", problems::human(p, color))?,
        }
    }
    let printer = diagnostics::Printer::new(&import.after, &[], color);
    for &i in &import.elsewhere {
        let d = &import.after.diagnostics[i];
        match format {
            DiagnosticFormat::Short => writeln!(err, "{}", printer.short(d))?,
            DiagnosticFormat::Human => writeln!(err, "{}\n", printer.human(d))?,
        }
    }
    Ok(())
}

/// `; 3 rows left (see the warnings)`.
fn left(plan: &Plan) -> String {
    match plan.left {
        0 => String::new(),
        n => format!("; {} left (see the warnings)", count(n, "row", "rows")),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The real file behind a plan path, so a symbolic link is replaced at its
/// target.
fn fs_path(path: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(path).with_context(|| format!("cannot find `{}`", path.display()))
}

/// A unified diff of one file's change.
fn diff(old: &str, new: &str, name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

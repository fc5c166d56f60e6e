//! `ragtime update`: appends a dated entry to a milestone's update log,
//! checks the plan set again with the change, and writes the file atomically
//! under a lock (or, with `--dry-run`, prints the diff).
//!
//! Only problems the update itself would add stop it. A plan set that
//! already has errors elsewhere (someone else's file, an unknown owner in
//! another strategy) does not stop a service lead recording progress; those
//! errors are mentioned, and `ragtime check` still fails on them.

mod request;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use ragtime_core::edit::{self, NewUpdate};
use ragtime_core::{Code, Diagnostic, EntityRef, Kind, MilestoneIx, PlanSet, Severity, Status};

use crate::Outcome;
use crate::cli::{Args, UpdateArgs};
use crate::{diagnostics, files, save};

pub fn run(args: &Args, up: &UpdateArgs) -> Result<Outcome> {
    // What can be told from the command alone is told first.
    let by = request::by(up)?;
    let status = up.status.as_deref().map(request::status).transpose()?;
    let date = request::date(up, super::today())?;
    if let Some(status) = status {
        request::note(status, up)?;
    }
    let located = files::locate(args.plans.as_deref(), None)?;
    let entries = files::discover(&located.root)?;
    let paths = files::paths(&entries);

    // Find the file first, then lock it and read everything again: an
    // update that finished while this one waited must be seen.
    let first = ragtime_core::load(files::read(&entries));
    let target = &paths[file_of(&first, resolve(&first, &up.id)?).index()];
    let lock = if up.dry_run {
        None
    } else {
        Some(save::lock(&fs_path(target)?, &files::display_name(target))?)
    };
    save::checkpoint("locked");
    let inputs = files::read(&entries);
    let before = ragtime_core::load(inputs.clone());
    let ix = resolve(&before, &up.id)?;
    let file = file_of(&before, ix);
    if &paths[file.index()] != target {
        bail!(
            "`{}` moved to `{}` while this update waited; run the command again",
            up.id,
            before.source(file).name
        );
    }
    let path = &paths[file.index()];
    let name = before.source(file).name.clone();
    let old_text = before.source(file).text.clone();
    let milestone = before.model.milestone(ix);
    // `--by` as the registry spells it: an owner id, matched as ids are.
    let by = match super::ids::resolve(&before.model, &by, Some(Kind::Owner)) {
        Ok(owner) => before.model.id_of(owner).to_string(),
        Err(err) => bail!("{err} (given with `--by` or RAGTIME_OWNER)"),
    };
    request::owner(&before.model, milestone, &by, up)?;
    request::due(milestone, up, date)?;
    let current = milestone
        .updates
        .last()
        .map_or(Status::NotStarted, |u| u.status);
    // Repeating `complete` or `cancelled` needs a note as giving it does.
    let status = status.unwrap_or(current);
    request::note(status, up)?;
    let entry = NewUpdate {
        date,
        status: status.as_str().to_string(),
        by,
        note: up.note.clone(),
        percent: up.percent,
        due: up.due,
        reason: up.reason.clone(),
        action: up.corrective_action.clone(),
    };
    let edit = edit::append_update(&old_text, &milestone.id, &entry)
        .with_context(|| format!("cannot update `{name}`"))?;

    let mut changed = inputs.clone();
    changed[file.index()].bytes = edit.text.clone().into_bytes();
    let after = ragtime_core::load(changed);
    let added = new_errors(&before, &after);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if up.dry_run {
        write!(out, "{}", diff(&old_text, &edit.text, &name))?;
        out.flush()?;
    }
    if !added.is_empty() {
        let color = crate::output::stderr_color(args.color);
        // Loaded with every text kept: nothing to read again.
        let printer = diagnostics::Printer::new(&after, &[], color);
        let mut err = std::io::stderr().lock();
        for d in &added {
            writeln!(err, "{}\n", printer.human(d))?;
        }
        writeln!(
            err,
            "nothing written: this update would add {} to the plan set",
            count(added.len(), "problem", "problems")
        )?;
        return Ok(Outcome::Problems);
    }
    if before.error_count() > 0 {
        eprintln!(
            "note: the plan set already has {} that this update does not change; run `ragtime check` to see them",
            count(before.error_count(), "error", "errors")
        );
    }
    let summary = summary(&before, ix, &entry, current);
    if up.dry_run {
        eprintln!("dry run, nothing written: would record {summary}");
        return Ok(Outcome::Ok);
    }
    let lock = lock.expect("locked unless dry run");
    save::replace(
        &fs_path(path)?,
        &name,
        &inputs[file.index()].bytes,
        edit.text.as_bytes(),
        &lock,
    )?;
    drop(lock);
    writeln!(out, "updated `{}` in {name}: {summary}", milestone.id)?;
    out.flush()?;
    Ok(Outcome::Ok)
}

/// The real file behind a plan path, so a symbolic link is replaced at its
/// target rather than turned into a plain file.
fn fs_path(path: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(path).with_context(|| format!("cannot find `{}`", path.display()))
}

fn file_of(plans: &PlanSet, ix: MilestoneIx) -> ragtime_core::FileId {
    plans.model.milestone(ix).loc.file
}

/// The milestone named on the command line, matched as every command
/// matches ids (ignoring case), with the nearest milestone ids when there
/// is none.
fn resolve(plans: &PlanSet, id: &str) -> Result<MilestoneIx> {
    match super::ids::resolve(&plans.model, id, Some(Kind::Milestone)) {
        Ok(EntityRef::Milestone(ix)) => Ok(ix),
        Ok(_) => unreachable!("resolve checks the kind"),
        Err(err) => match plans.error_count() {
            0 => Err(err),
            n => bail!(
                "{err} (the plan set has {}, so some milestones may not have been read: run `ragtime check`)",
                count(n, "error", "errors")
            ),
        },
    }
}

/// The errors in `after` that `before` did not have. Findings are matched by
/// file, code and message, not position: the lines below the new entry
/// move down, and their findings with them.
fn new_errors<'a>(before: &PlanSet, after: &'a PlanSet) -> Vec<&'a Diagnostic> {
    type Key = (String, Code, String);
    let key = |p: &PlanSet, d: &Diagnostic| -> Key {
        (p.source(d.file()).name.clone(), d.code, d.message.clone())
    };
    let mut old: BTreeMap<Key, usize> = BTreeMap::new();
    for d in before
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
    {
        *old.entry(key(before, d)).or_default() += 1;
    }
    after
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .filter(|d| match old.get_mut(&key(after, d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// `status at-risk (was on-target), dated 2026-03-31, by hos-fostering;
/// due 2026-06-30 (was 2026-03-31)`.
fn summary(plans: &PlanSet, ix: MilestoneIx, entry: &NewUpdate, current: Status) -> String {
    let m = plans.model.milestone(ix);
    let status = if entry.status == current.as_str() {
        format!("status {} (unchanged)", entry.status)
    } else {
        format!("status {} (was {current})", entry.status)
    };
    let mut s = format!("{status}, dated {}, by {}", entry.date, entry.by);
    if let Some(due) = entry.due {
        let was = m.updates.iter().rev().find_map(|u| u.due).unwrap_or(m.due);
        s.push_str(&format!("; due {} (was {})", fmt_date(due), fmt_date(was)));
    }
    s
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A unified diff of the change, `--- a/FILE` / `+++ b/FILE`.
fn diff(old: &str, new: &str, name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

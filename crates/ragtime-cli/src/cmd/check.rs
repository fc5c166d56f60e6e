//! `ragtime check [PATH...]`: every problem in the plan set, then a
//! one-line summary.
//!
//! With PATHs (files or folders), the whole plan set they belong to is read
//! and checked, so registries and ids in other files resolve, and only the
//! problems in the named files are shown; the exit code is theirs.
//!
//! A sound plan set is also checked against the evidence as at `--as-of`
//! (default today): a milestone marked on target that is overdue, or whose
//! commitment has a Red measure (W0505), an update dated after that date
//! (W0506), a narrative dated after it (W0515), a cap that the budget
//! lines counted against it exceed (W0601), and a recommendation made or
//! answered after it (W0701), are warned about. A closed strategy whose
//! period has ended is checked for W0505 as at its end date.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::Outcome;
use crate::cli::{Args, CheckArgs, DiagnosticFormat};
use crate::diagnostics;
use crate::files::{self, Located};

pub fn run(args: &Args, check: &CheckArgs) -> Result<Outcome> {
    let located = locate(args, &check.paths)?;
    let super::Loaded { mut plans, paths } = super::load_at(&located)?;
    if plans.is_sound() {
        let as_of = check.as_of.unwrap_or_else(super::today);
        let found = ragtime_core::rating::contradictions_at(&plans.model, &plans.settings, as_of);
        plans.diagnostics.extend(found);
        plans
            .diagnostics
            .extend(ragtime_core::finance::checks::over_caps(
                &plans.model,
                as_of,
            ));
        plans
            .diagnostics
            .extend(ragtime_core::dated::future_updates(&plans.model, as_of));
        plans
            .diagnostics
            .extend(ragtime_core::recommendations::dated_after(
                &plans.model,
                as_of,
            ));
        plans
            .diagnostics
            .extend(ragtime_core::narrative::after_date(&plans.model, as_of));
        ragtime_core::diag::sort(&mut plans.diagnostics);
    }
    let elsewhere = focus(&mut plans, &paths, &located.focus);
    let color = crate::output::stdout_color(args.color);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    diagnostics::write_all(&mut out, &plans, &paths, check.format, color)?;
    if check.format == DiagnosticFormat::Human {
        match &elsewhere {
            None => writeln!(out, "{}", diagnostics::summary(&plans))?,
            Some(others) => writeln!(
                out,
                "{}",
                diagnostics::focused_summary(&plans, &located.focus, *others)
            )?,
        }
    }
    out.flush()?;
    let outcome = if plans.is_sound() {
        Outcome::Ok
    } else {
        Outcome::Problems
    };
    // The process ends next: let it hand the memory back at once rather
    // than free a large plan set item by item.
    std::mem::forget(plans);
    Ok(outcome)
}

/// The plan set to check: `--plans` (or `RAGTIME_PLANS`) if given, else
/// the one the first PATH is in (found walking up from it), else the
/// folder the first PATH is or is in; with no PATH, the one the current
/// folder is in. Every PATH must be inside it.
fn locate(args: &Args, paths: &[PathBuf]) -> Result<Located> {
    let Some(first) = paths.first() else {
        return files::locate(args.plans.as_deref(), None);
    };
    for path in paths {
        if !path.exists() {
            bail!(
                "cannot check `{}`: no such file or folder",
                files::display_name(path)
            );
        }
    }
    let mut located = match &args.plans {
        Some(named) => files::locate(Some(named), None)?,
        // A path in no `plans` folder is checked with the plan files
        // beside it: the folder it is (or is in) is the plan set, so the
        // registries there resolve its ids.
        None => files::locate(None, Some(first)).or_else(|_| {
            let folder = if first.is_dir() {
                first.clone()
            } else {
                match first.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                }
            };
            files::locate(Some(&folder), None)
        })?,
    };
    for path in paths {
        if !files::inside(path, &located.root) {
            bail!(
                "`{}` is not in the plan set at `{}`; name its plan set with `--plans DIR`",
                files::display_name(path),
                files::display_name(&located.root)
            );
        }
    }
    located.focus = paths.to_vec();
    Ok(located)
}

/// Keeps only the findings in the files named (`focus`; all when none),
/// returning how many errors were left out, or `None` with no focus.
fn focus(plans: &mut ragtime_core::PlanSet, paths: &[PathBuf], focus: &[PathBuf]) -> Option<usize> {
    if focus.is_empty() {
        return None;
    }
    let wanted: Vec<PathBuf> = focus.iter().map(|p| canonical(p)).collect();
    let in_focus: Vec<bool> = paths
        .iter()
        .map(|p| {
            let p = canonical(p);
            wanted.iter().any(|w| p.starts_with(w))
        })
        .collect();
    let before = plans.error_count();
    plans.diagnostics.retain(|d| in_focus[d.file().index()]);
    Some(before - plans.error_count())
}

/// The real path, or the path as given when it has none (a dangling link).
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| std::path::absolute(path).unwrap_or_default())
}

//! `ragtime check`: every problem in the plan set, then a one-line summary.
//!
//! A sound plan set is also checked against the evidence as at `--as-of`
//! (default today): a milestone marked on target that is overdue, or whose
//! commitment has a Red measure, is warned about (W0505), and so is a
//! narrative dated after that date (W0515).

use std::io::Write;

use anyhow::Result;

use crate::Outcome;
use crate::cli::{Args, CheckArgs, DiagnosticFormat};
use crate::diagnostics;

pub fn run(args: &Args, check: &CheckArgs) -> Result<Outcome> {
    let super::Loaded { mut plans, paths } = super::load(args)?;
    if plans.is_sound() {
        let as_of = check.as_of.unwrap_or_else(super::today);
        let ratings = ragtime_core::rating::Ratings::compute(&plans.model, &plans.settings, as_of);
        plans
            .diagnostics
            .extend(ragtime_core::rating::contradictions(&plans.model, &ratings));
        plans
            .diagnostics
            .extend(ragtime_core::narrative::after_date(&plans.model, as_of));
        ragtime_core::diag::sort(&mut plans.diagnostics);
    }
    let color = crate::output::stdout_color(args.color);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    diagnostics::write_all(&mut out, &plans, &paths, check.format, color)?;
    if check.format == DiagnosticFormat::Human {
        writeln!(out, "{}", diagnostics::summary(&plans))?;
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

//! `ragtime check`: every problem in the plan set, then a one-line summary.

use std::io::Write;

use anyhow::Result;

use crate::Outcome;
use crate::cli::{Args, CheckArgs, DiagnosticFormat};
use crate::diagnostics;

pub fn run(args: &Args, check: &CheckArgs) -> Result<Outcome> {
    let plans = super::load(args)?;
    let color = crate::output::stdout_color(args.color);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    diagnostics::write_all(&mut out, &plans, check.format, color)?;
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

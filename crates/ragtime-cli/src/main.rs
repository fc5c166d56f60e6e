//! The `ragtime` command: finds and reads plan files, runs the core, renders
//! findings and reports, and owns exit codes.
//!
//! Exit codes: 0 the plan set is sound (warnings allowed) or the report was
//! written; 1 problems were found in the plans (reports are then not made);
//! 2 usage or I/O error (a bad option, an id no item has, no such folder).

/// Asserts a snapshot stored in the top-level `snapshots/` folder, like the
/// integration tests' macro of the same name.
#[cfg(test)]
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $value:expr) => {{
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/../../snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!($name, $value));
    }};
}

mod cli;
mod cmd;
mod diagnostics;
mod diagram;
mod files;
mod ics;
mod output;
mod problems;
mod safe_text;
mod save;
mod sheets;
mod write;

use std::process::ExitCode;

use clap::Parser;

/// The allocator. Loading a large plan set makes millions of small strings
/// on every core, and mimalloc does that markedly faster than the system
/// allocator (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What a command found, for the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Done; the plans are sound.
    Ok,
    /// The plans have problems (shown already).
    Problems,
}

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cmd::run(args) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(err) => {
            if output::is_broken_pipe(&err) {
                // `ragtime report | head` is not an error.
                return ExitCode::SUCCESS;
            }
            if err.downcast_ref::<save::ChangedUnderneath>().is_some() {
                // A refused update, like one that would add a problem.
                eprintln!("error: {err:#}");
                return ExitCode::from(1);
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

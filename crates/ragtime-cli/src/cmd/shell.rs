//! `ragtime completions SHELL` and `ragtime man`: the shell completion
//! script and the manual page, both made from the command-line definition
//! so they never fall behind it.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::Outcome;
use crate::cli::Args;

pub fn completions(shell: clap_complete::Shell) -> Result<Outcome> {
    // Made in memory first: the generator cannot report a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "ragtime", &mut script);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(Outcome::Ok)
}

pub fn man() -> Result<Outcome> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(Args::command()).render(&mut out)?;
    out.flush()?;
    Ok(Outcome::Ok)
}

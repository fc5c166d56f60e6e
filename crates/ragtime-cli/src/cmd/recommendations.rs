//! `ragtime recommendations [BOARD]`: the scrutiny recommendations tracker
//! as at a date, for every committee or for one board and the boards that
//! report to it.
//!
//! Plans with errors are not reported on (exit 1, problems on stderr); an
//! id that is not a board is a usage error (exit 2).

use anyhow::Result;
use ragtime_core::recommendations;
use ragtime_core::report::Context;

use crate::Outcome;
use crate::cli::{Args, RecommendationsArgs};
use crate::output;

pub fn run(args: &Args, r: &RecommendationsArgs) -> Result<Outcome> {
    let Some(plans) = super::load_sound(args)? else {
        return Ok(Outcome::Problems);
    };
    let board = match &r.board {
        Some(id) => Some(super::board::lookup_board(&plans, id)?),
        None => None,
    };
    let ctx = Context::new(&plans, super::report::as_of(&r.options))?;
    let doc = recommendations::recommendations(&ctx, board);
    output::write_document(&doc, &r.options.output, args.color)?;
    Ok(Outcome::Ok)
}

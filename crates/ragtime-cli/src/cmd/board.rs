//! `ragtime board BOARD`: the board pack, everything a board oversees
//! directly and through the boards that report to it, as one document in
//! the format asked for.
//!
//! Plans with errors are not reported on (exit 1, problems on stderr). An
//! id that is not a board, or dates out of order (`--since` after the as-at
//! date, `--next` before it), are usage errors (exit 2).

use anyhow::Result;
use ragtime_core::report::{self, Context, PackDates};
use ragtime_core::{BoardIx, EntityRef, Kind, PlanSet};

use crate::Outcome;
use crate::cli::{Args, BoardArgs};
use crate::output;

pub fn run(args: &Args, board: &BoardArgs) -> Result<Outcome> {
    let Some(plans) = super::load_sound(args)? else {
        return Ok(Outcome::Problems);
    };
    let ix = lookup_board(&plans, &board.board)?;
    let ctx = Context::new(&plans, super::report::as_of(&board.options))?;
    let dates = PackDates {
        since: board.since,
        next: board.next,
    };
    let doc = report::board_pack(&ctx, ix, dates)?;
    output::write_document(&doc, &board.options.output, args.color)?;
    Ok(Outcome::Ok)
}

/// The board with id `id` (ignoring case); anything else is a usage
/// error with the nearest board ids.
pub(super) fn lookup_board(plans: &PlanSet, id: &str) -> Result<BoardIx> {
    match super::ids::resolve(&plans.model, id, Some(Kind::Board))? {
        EntityRef::Board(b) => Ok(b),
        _ => unreachable!("resolve checks the kind"),
    }
}

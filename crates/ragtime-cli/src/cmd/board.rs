//! `ragtime board BOARD`: the board pack, everything a board oversees
//! directly and through the boards that report to it, as one document in
//! the format asked for.
//!
//! A pack is not made while a file it draws on has errors (exit 1,
//! problems on stderr); errors only in files it does not draw on (the
//! strategies it does not oversee) are counted on stderr and the pack is
//! made. An id that is not a board, or dates out of order (`--since` after
//! the as-at date, `--next` before it), are usage errors (exit 2).

use anyhow::Result;
use ragtime_core::report::{self, Context, PackDates};
use ragtime_core::rollup::{Scope, Tree};
use ragtime_core::{BoardIx, EntityRef, Kind, PlanSet};

use crate::Outcome;
use crate::cli::{Args, BoardArgs};

pub fn run(args: &Args, board: &BoardArgs) -> Result<Outcome> {
    let draws = |plans: &PlanSet| {
        let model = &plans.model;
        if model.lookup(&board.board).is_none() && model.is_declared(&board.board) {
            // A board record left out for its errors.
            return Ok(None);
        }
        let b = lookup_board(plans, &board.board)?;
        Ok(Some(plans.reach.draws(
            model,
            &Tree::build(model),
            &Scope::board(model, &plans.graph, b),
            &plans.graph.oversight(model, b).boards,
        )))
    };
    let Some(plans) = super::load_for(args, "this pack", draws)? else {
        return Ok(Outcome::Problems);
    };
    let ix = lookup_board(&plans, &board.board)?;
    let ctx = Context::new(&plans, super::report::as_of(&board.options))?;
    let dates = PackDates {
        since: board.since,
        next: board.next,
    };
    let doc = report::board_pack(&ctx, ix, dates)?;
    super::write_report(&doc, &board.options.output, args.color)?;
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

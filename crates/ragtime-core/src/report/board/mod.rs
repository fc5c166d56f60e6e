//! The board pack: everything a board oversees, directly and through the
//! boards that report to it, as one document in up to eight parts: (1) the headline
//! counts per strategy with the colour mix over the last four quarter ends,
//! (2) progress by priority and commitment, (3) exceptions, (4) measures,
//! (5) changes since the last meeting and (6) what is due before the next;
//! then, numbered on from 7, budgets, savings and caps when there is money
//! in the board's scope this financial year (`crate::finance`), and the
//! recommendations tracker when the board or a board reporting to it has
//! made scrutiny recommendations (`crate::recommendations`). A closed strategy whose period has ended is
//! one line of part 1, at its final position.
//!
//! Parts 1 to 4 are the portfolio, progress, exceptions and measures
//! sections over [`Scope::board`]; the pack only numbers their headings. The
//! two meeting dates default by the rules in [`board_pack`] and
//! [`next_meeting`], which `docs/board-pack.md` states.
//!
//! `meetings.rs` has the meeting dates; `parts.rs` numbers the parts, with
//! part 1's colour mix in `colour_mix.rs` and part 6 in `due.rs`;
//! `facts.rs` states the board, what it oversees and the dates compared.

mod colour_mix;
mod due;
mod facts;
mod meetings;
mod parts;
#[cfg(test)]
mod tests;

use super::context::Context;
use super::doc::*;
use crate::model::*;
use crate::rollup::Scope;

pub use colour_mix::last_four_quarter_ends;
pub use meetings::{PackDates, PackError, next_meeting};

/// The board pack of `board` as at the context's date.
///
/// The last meeting, when not given, is the last quarter end before the
/// as-at date (30 June for a pack as at 30 September, 30 September for one
/// as at 20 October); the next is [`next_meeting`]. Changes are listed after
/// the last meeting and up to the as-at date, so it may not be later; what
/// is due is listed from the as-at date to the next meeting, so that may not
/// be earlier.
pub fn board_pack(ctx: &Context, board: BoardIx, dates: PackDates) -> Result<Document, PackError> {
    let model = ctx.model;
    let b = model.board(board);
    let (since, next) = dates.resolve(ctx, b.meets)?;
    let oversight = ctx.graph.oversight(model, board);
    let mut scope = Scope::board(model, ctx.graph, board);
    let closed = scope.close_ended(model, ctx.as_of);
    let mut sections = parts::sections(ctx, board, &oversight, &scope, &closed, since, next);
    if b.illustrative {
        // The mark is on the board fact; the legend opens the pack.
        super::marks::legend_for_fact(&mut sections[0]);
    }
    let freshness = ctx.freshness(&scope);
    let facts = facts::facts(ctx, board, &oversight, &freshness, dates, since, next);
    super::notes::say_once(&mut sections);
    Ok(Document {
        kind: "board".to_string(),
        title: format!("{}: progress report", b.name),
        as_at: ctx.as_of,
        facts,
        sections,
        freshness: Some(freshness),
    })
}

//! From raw records to the typed model: ids checked and resolved, words and
//! dates parsed, each problem reported at its span.
//!
//! Ids are registered first across every file, so a reference to an item in
//! another file (or to one that is itself broken) resolves or is reported
//! once. An item whose required reference cannot be resolved is left out of
//! the model; the findings already stop any report.
//!
//! Milestones, by far the most numerous records, are built in two steps.
//! [`prepare`] runs on each file as soon as it is parsed, on the rayon pool:
//! it reads every value that needs no other item (dates, statuses, percents,
//! the checks on each update), moves the text into model form and lets the
//! raw records go, so raw records never pile up for the whole plan set.
//! What refers to other items is kept as references (the id, written once
//! per file, and where it is written) and resolved by [`build`], in file
//! order, once every id is declared.
//!
//! This module runs the stages in order; the [`Builder`] they share is in
//! `builder.rs`, ids are declared in `declare.rs` and looked up in
//! `resolve.rs`, and each kind of record is built in a file of its own.
//! Money and recommendations are built in their own folders, on the same
//! builder, last.

pub(crate) mod builder;
mod commitments;
mod declare;
mod measures;
mod milestones;
mod owners;
mod prepare;
mod priorities;
mod resolve;
mod strategies;
#[cfg(test)]
mod tests;
mod values;

pub use declare::MAX_ID_LEN;
pub(crate) use declare::valid_id;
pub use prepare::Part;
pub(crate) use prepare::prepare;
pub(crate) use values::date;

use crate::diag::Diagnostic;
use crate::model::Model;

use builder::Builder;

/// Builds the model. The prepared milestones are taken out of `parts` as
/// they are built, their text moved rather than copied.
///
/// `beside` runs on the parts as read (milestones included) on another
/// core while the ids are declared and the items other than milestones
/// are built, which only read them too.
pub(crate) fn build<R: Send>(
    parts: &mut [Part],
    diags: &mut Vec<Diagnostic>,
    beside: impl FnOnce(&[Part]) -> R + Send,
) -> (Model, R) {
    let (model, ids) = sized_for(parts);
    let mut b = Builder::new(&*parts, diags, model);
    let files = b.files;
    let (side, ()) = rayon::join(
        || beside(files),
        || {
            b.declare_all(ids);
            b.build_owners_and_boards();
            b.build_strategies();
            b.build_priorities_and_objectives();
            b.build_measures();
            b.build_commitments();
        },
    );
    let mut b = b.over(&[]);
    b.build_milestones(parts);
    // Recommendations name commitments and milestones: built last.
    // Money names strategies, priorities, commitments and milestones:
    // built last.
    let mut b = b.over(parts);
    crate::recommendations::model::build(&mut b);
    crate::finance::model::build(&mut b);
    let Builder {
        candidates, model, ..
    } = b;
    rayon::spawn(move || drop(candidates));
    (model, side)
}

/// An empty model with room for the records of `parts`, and the number of
/// ids they declare. The id maps and the largest arenas are sized once, so
/// that a big plan set is not rehashed and copied over and over as it grows.
fn sized_for(parts: &[Part]) -> (Model, usize) {
    let count = |f: fn(&Part) -> usize| parts.iter().map(f).sum::<usize>();
    let ids = count(|p| {
        let r = &p.raw;
        r.owners.len()
            + r.boards.len()
            + usize::from(r.strategy.is_some())
            + r.priorities.len()
            + r.objectives.len()
            + r.commitments.len()
            + p.milestones.len()
            + r.measures.len()
            + r.recommendations.len()
            + r.budgets.len()
            + r.savings.len()
            + r.caps.len()
            + r.broken_ids.len()
    });
    let mut model = Model::default();
    model.owners.reserve(count(|p| p.raw.owners.len()));
    model.boards.reserve(count(|p| p.raw.boards.len()));
    model
        .strategies
        .reserve(count(|p| usize::from(p.raw.strategy.is_some())));
    model.priorities.reserve(count(|p| p.raw.priorities.len()));
    model.objectives.reserve(count(|p| p.raw.objectives.len()));
    model.measures.reserve(count(|p| p.raw.measures.len()));
    model
        .commitments
        .reserve(count(|p| p.raw.commitments.len()));
    model.milestones.reserve(count(|p| p.milestones.len()));
    model.ids.reserve(ids);
    (model, ids)
}

//! The portfolio summary: one row per strategy (or priority, owner, board or
//! organisation) with milestones counted by rating, the percentage complete
//! or on target, the overall rating, and a totals row.

use std::collections::BTreeMap;

use super::cells::*;
use super::context::Context;
use super::doc::*;
use super::marks;
use crate::model::*;
use crate::rating::Rating;
use crate::rollup::{Counts, Scope, overall};

/// What the summary has one row for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Breakdown {
    #[default]
    Strategy,
    Priority,
    /// The milestone's owner.
    Owner,
    /// Each board, with everything it oversees directly or through the
    /// boards that report to it; rows overlap.
    Board,
    /// The organisation of the milestone's owner.
    Organisation,
}

impl Breakdown {
    fn noun(self) -> &'static str {
        match self {
            Breakdown::Strategy => "strategy",
            Breakdown::Priority => "priority",
            Breakdown::Owner => "owner",
            Breakdown::Board => "board",
            Breakdown::Organisation => "organisation",
        }
    }
}

/// The portfolio summary of `scope` as a whole document.
pub fn portfolio(ctx: &Context, scope: &Scope, by: Breakdown) -> Document {
    let (facts, freshness) = ctx.facts_for(scope);
    Document {
        kind: "portfolio".to_string(),
        title: match by {
            Breakdown::Strategy => "Portfolio summary".to_string(),
            _ => format!("Portfolio summary by {}", by.noun()),
        },
        as_at: ctx.as_of,
        facts,
        sections: vec![portfolio_section(ctx, scope, by)],
        freshness: Some(freshness),
    }
}

struct Line {
    id: Option<String>,
    name: String,
    counts: Counts,
    /// The row's owner or board is marked `illustrative = true`.
    illustrative: bool,
}

/// The summary table of `scope`, one row per `by`, with a totals row.
pub fn portfolio_section(ctx: &Context, scope: &Scope, by: Breakdown) -> Section {
    let model = ctx.model;
    let total = Counts::of(&ctx.ratings, scope.milestones(model));
    let lines = match by {
        Breakdown::Strategy => by_strategy(ctx, scope),
        Breakdown::Priority => by_priority(ctx, scope),
        Breakdown::Owner => by_owner(ctx, scope),
        Breakdown::Board => by_board(ctx, scope),
        Breakdown::Organisation => by_organisation(ctx, scope),
    };
    let mut columns = vec![
        col("id", "Id", Align::Left),
        col("name", &capitalise(by.noun()), Align::Left),
        col("milestones", "Milestones", Align::Right),
    ];
    columns.extend(count_columns());
    columns.extend([
        col("percent", "%", Align::Right),
        col("rag", "RAG", Align::Left),
        col("cancelled", "Cancelled", Align::Right),
    ]);
    let row = |kind, id: Option<String>, name: String, c: &Counts| {
        let mut cells = vec![
            id.map_or(Cell::Empty, Cell::Text),
            Cell::Text(name),
            Cell::Count(c.live()),
        ];
        cells.extend(count_cells(c));
        cells.extend([
            percent_cell(c, ctx.settings),
            overall_cell(&overall(c, ctx.settings)),
            Cell::Count(c.rating(Rating::Cancelled)),
        ]);
        Row {
            kind,
            cells,
            illustrative: false,
        }
    };
    let mut rows: Vec<Row> = lines
        .iter()
        .map(|l| Row {
            illustrative: l.illustrative,
            ..row(RowKind::Item, l.id.clone(), l.name.clone(), &l.counts)
        })
        .collect();
    rows.push(row(RowKind::Total, None, "Total".to_string(), &total));

    let bars = lines
        .iter()
        .map(|l| Bar {
            label: l.id.clone().unwrap_or_else(|| l.name.clone()),
            segments: COUNTED
                .iter()
                .map(|&r| Segment {
                    colour: r.colour(ctx.settings.scale),
                    label: r.meaning().to_string(),
                    count: l.counts.rating(r),
                })
                .collect(),
        })
        .collect();

    let mut notes = vec![counting_note(ctx.settings)];
    if by == Breakdown::Board {
        notes.push(
            "A milestone counts under every board that oversees it, directly or through a \
             board that reports to it, so rows overlap; the total counts each milestone once."
                .to_string(),
        );
    }
    notes.extend(flagged_note(&total));
    notes.extend(marks::count_note(
        model,
        &ctx.ratings,
        scope.milestones(model),
    ));
    let mut section = Section {
        id: "summary".to_string(),
        heading: format!("Milestones by {}", by.noun()),
        intro: vec![format!(
            "{} live {} as at {}: {} complete, {} on target, {} at risk, {} not on target, {} paused, {} not started; {} cancelled.",
            total.live(),
            if total.live() == 1 {
                "milestone"
            } else {
                "milestones"
            },
            ctx.as_of,
            total.rating(Rating::Blue),
            total.rating(Rating::Green),
            total.rating(Rating::Amber),
            total.rating(Rating::Red),
            total.rating(Rating::Paused),
            total.rating(Rating::NotStarted),
            total.rating(Rating::Cancelled),
        )],
        table: Some(Table { columns, rows }),
        notes,
        chart: Some(Chart::StackedBars { bars }),
        narratives: Vec::new(),
    };
    marks::legend(&mut section);
    section
}

fn capitalise(s: &str) -> String {
    let mut s = s.to_string();
    s[..1].make_ascii_uppercase();
    s
}

/// Counts of the scope's milestones grouped by `key` (an index below `n`).
fn grouped(
    ctx: &Context,
    scope: &Scope,
    n: usize,
    key: impl Fn(&Milestone) -> usize,
) -> Vec<Counts> {
    let mut out = vec![Counts::default(); n];
    for m in scope.milestones(ctx.model) {
        if let Some(r) = ctx.ratings.milestone(m) {
            out[key(ctx.model.milestone(m))].add(r);
        }
    }
    out
}

fn by_strategy(ctx: &Context, scope: &Scope) -> Vec<Line> {
    let model = ctx.model;
    let counts = grouped(ctx, scope, model.strategies.len(), |m| {
        model
            .priority(model.commitment(m.commitment).priority)
            .strategy
            .index()
    });
    model
        .strategies
        .iter()
        .enumerate()
        .filter(|(i, _)| scope.touches(&ctx.tree, StrategyIx::from_usize(*i)))
        .map(|(i, s)| Line {
            illustrative: false,
            id: Some(s.id.clone()),
            name: s.title.clone(),
            counts: counts[i].clone(),
        })
        .collect()
}

fn by_priority(ctx: &Context, scope: &Scope) -> Vec<Line> {
    let model = ctx.model;
    let counts = grouped(ctx, scope, model.priorities.len(), |m| {
        model.commitment(m.commitment).priority.index()
    });
    model
        .priorities
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            scope.is_whole(p.strategy)
                || ctx.tree.commitments[*i]
                    .iter()
                    .any(|&c| scope.has_commitment(c))
        })
        .map(|(i, p)| Line {
            illustrative: false,
            id: Some(p.id.clone()),
            name: p.title.clone(),
            counts: counts[i].clone(),
        })
        .collect()
}

fn by_owner(ctx: &Context, scope: &Scope) -> Vec<Line> {
    let model = ctx.model;
    let counts = grouped(ctx, scope, model.owners.len(), |m| m.owner.index());
    model
        .owners
        .iter()
        .enumerate()
        .filter(|(i, _)| counts[*i].total() > 0)
        .map(|(i, o)| Line {
            illustrative: o.illustrative,
            id: Some(o.id.clone()),
            name: o.role.clone(),
            counts: counts[i].clone(),
        })
        .collect()
}

fn by_organisation(ctx: &Context, scope: &Scope) -> Vec<Line> {
    let model = ctx.model;
    let mut orgs: BTreeMap<&str, Counts> = BTreeMap::new();
    for m in scope.milestones(model) {
        if let Some(r) = ctx.ratings.milestone(m) {
            let org = model.owner(model.milestone(m).owner).org.as_str();
            orgs.entry(org).or_default().add(r);
        }
    }
    orgs.into_iter()
        .map(|(org, counts)| Line {
            illustrative: false,
            id: None,
            name: org.to_string(),
            counts,
        })
        .collect()
}

/// One row per board that oversees any of `scope`, counting the scope's
/// milestones under that board.
///
/// A board oversees whole strategies and single commitments; its counts are
/// summed from the per-commitment rollups (each milestone is in one
/// commitment), so the work per board is the size of its oversight, not of
/// the plan set.
fn by_board(ctx: &Context, scope: &Scope) -> Vec<Line> {
    let model = ctx.model;
    // What of each strategy the scope covers.
    let mut in_scope = vec![Counts::default(); model.strategies.len()];
    let mut touched = vec![false; model.strategies.len()];
    for (s, slot) in touched.iter_mut().enumerate() {
        *slot = scope.touches(&ctx.tree, StrategyIx::from_usize(s));
    }
    for (i, c) in model.commitments.iter().enumerate() {
        if scope.has_commitment(CommitmentIx::from_usize(i)) {
            in_scope[model.priority(c.priority).strategy.index()]
                .merge(&ctx.rollups.commitments[i]);
        }
    }
    let mut lines = Vec::new();
    for (i, b) in model.boards.iter().enumerate() {
        let oversight = ctx.graph.oversight(model, BoardIx::from_usize(i));
        let strategy_of = |c: CommitmentIx| model.priority(model.commitment(c).priority).strategy;
        let covered = oversight.strategies.iter().any(|s| touched[s.index()])
            || oversight
                .commitments
                .iter()
                .any(|&c| touched[strategy_of(c).index()]);
        if !covered {
            continue;
        }
        let mut counts = Counts::default();
        for s in &oversight.strategies {
            counts.merge(&in_scope[s.index()]);
        }
        for &c in &oversight.commitments {
            if scope.has_commitment(c) {
                counts.merge(&ctx.rollups.commitments[c.index()]);
            }
        }
        lines.push(Line {
            illustrative: b.illustrative,
            id: Some(b.id.clone()),
            name: b.name.clone(),
            counts,
        });
    }
    lines
}

//! The facts that head a pack: the board, whom it reports to and who
//! reports to it, what it oversees, the period and latest update, the dates
//! compared and the meetings, then the rules.

use chrono::NaiveDate;

use super::meetings::{PackDates, cadence_text};
use crate::Oversight;
use crate::model::*;
use crate::report::context::Context;
use crate::report::doc::Freshness;

/// The pack's facts, in the order a board reads them; `since` and `next`
/// are the meetings in force, `dates` says which of them were given.
pub(super) fn facts(
    ctx: &Context,
    board: BoardIx,
    oversight: &Oversight,
    freshness: &Freshness,
    dates: PackDates,
    since: NaiveDate,
    next: NaiveDate,
) -> Vec<(String, String)> {
    let model = ctx.model;
    let b = model.board(board);
    let mut facts = vec![(
        "Board".to_string(),
        crate::report::marks::mark_if(format!("{} ({})", b.name, b.id), b.illustrative),
    )];
    if let Some(to) = b.reports_to {
        facts.push(("Reports to".to_string(), model.board(to).name.clone()));
    }
    let below: Vec<&str> = oversight
        .boards
        .iter()
        .filter(|&&x| x != board)
        .map(|&x| model.board(x).name.as_str())
        .collect();
    if !below.is_empty() {
        facts.push(("Boards reporting to it".to_string(), below.join(", ")));
    }
    facts.push((
        "Oversees".to_string(),
        oversees(ctx, &oversight.strategies, &oversight.commitments),
    ));
    // The period first, with the dates the pack compares; then the rules.
    let (period, rules): (Vec<_>, Vec<_>) = ctx
        .facts()
        .into_iter()
        .partition(|(label, _)| label == "Period");
    facts.extend(period);
    facts.push(freshness.fact(ctx.as_of));
    facts.push((
        "Compared with".to_string(),
        format!(
            "{} (end of {})",
            ctx.previous_date(),
            ctx.quarter.previous()
        ),
    ));
    facts.push((
        "Changes since".to_string(),
        match dates.since {
            Some(d) => format!("{d} (the last meeting)"),
            None => format!("{since} (the previous quarter end)"),
        },
    ));
    facts.push((
        "Next meeting".to_string(),
        match dates.next {
            Some(d) => d.to_string(),
            None => format!("{next} ({})", cadence_text(b.meets)),
        },
    ));
    facts.extend(rules);
    facts
}

/// "CPS Corporate Parenting Strategy 2025-2027; IMP (commitments IMP-P3-C1,
/// IMP-P4-C1)", in plan order.
fn oversees(ctx: &Context, strategies: &[StrategyIx], commitments: &[CommitmentIx]) -> String {
    let model = ctx.model;
    let mut parts = Vec::new();
    for (i, s) in model.strategies.iter().enumerate() {
        let ix = StrategyIx::from_usize(i);
        if strategies.contains(&ix) {
            let closed = if s.is_closed_at(ctx.as_of) {
                " (closed)"
            } else {
                ""
            };
            parts.push(format!("{} {}{closed}", s.id, s.title));
            continue;
        }
        let some: Vec<&str> = commitments
            .iter()
            .filter(|&&c| model.priority(model.commitment(c).priority).strategy == ix)
            .map(|&c| model.commitment(c).id.as_str())
            .collect();
        if !some.is_empty() {
            parts.push(format!(
                "{} {} (commitment{} {} only)",
                s.id,
                s.title,
                if some.len() == 1 { "" } else { "s" },
                some.join(", ")
            ));
        }
    }
    if parts.is_empty() {
        "nothing".to_string()
    } else {
        parts.join("; ")
    }
}

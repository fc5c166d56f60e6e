//! The pack's parts in order, numbered: the executive summary, (1) the
//! headline with the colour mix and closed strategies, (2) progress,
//! (3) exceptions, (4) measures, (5) changes since the last meeting,
//! (6) what is due before the next, then money and recommendations when
//! there are any, numbered on from 7 with no gap. Parts 1 to 4 and money
//! are the sections the other reports build, over the board's scope; the
//! pack only numbers their headings.

use chrono::NaiveDate;

use super::colour_mix::colour_mix_section;
use super::due::due_section;
use crate::Oversight;
use crate::model::*;
use crate::report::changes::changes_section;
use crate::report::context::Context;
use crate::report::doc::*;
use crate::report::exceptions::exceptions_sections;
use crate::report::measures::measures_sections;
use crate::report::portfolio::{Breakdown, portfolio_section};
use crate::report::progress::progress_sections;
use crate::report::summary::executive_summary;
use crate::rollup::Scope;

/// Every part of the pack of `board`, over its `scope` (with the
/// `closed` strategies taken out), for changes after `since` and what is
/// due up to `next`.
pub(super) fn sections(
    ctx: &Context,
    board: BoardIx,
    oversight: &Oversight,
    scope: &Scope,
    closed: &[StrategyIx],
    since: NaiveDate,
    next: NaiveDate,
) -> Vec<Section> {
    let b = ctx.model.board(board);
    let mut sections = vec![executive_summary(ctx, scope, since)];
    let mut summary = portfolio_section(ctx, scope, Breakdown::Strategy);
    summary.heading = "1. Headline: milestones by strategy".to_string();
    if oversight.strategies.is_empty() && oversight.commitments.is_empty() {
        summary.intro.insert(
            0,
            format!(
                "The {} oversees no strategy or commitment, directly or through a board that \
                 reports to it.",
                b.name
            ),
        );
    }
    if matches!(&summary.chart, Some(Chart::StackedBars { bars }) if bars.is_empty()) {
        summary.chart = None;
    }
    sections.push(summary);
    sections.push(colour_mix_section(ctx, scope));
    if !closed.is_empty() {
        let mut section = crate::report::closed_section(ctx, closed);
        section.heading = format!("1. Headline: {}", section.heading);
        sections.push(section);
    }

    let progress = progress_sections(ctx, scope);
    if progress.is_empty() {
        sections.push(Section {
            id: "progress".to_string(),
            heading: "2. Progress by priority and commitment".to_string(),
            intro: vec!["Nothing overseen: no priorities or commitments to show.".to_string()],
            table: None,
            notes: Vec::new(),
            chart: None,
            narratives: Vec::new(),
        });
    }
    sections.extend(progress.into_iter().map(|mut s| {
        s.heading = format!("2. Progress: {}", s.heading);
        s
    }));
    sections.extend(exceptions_sections(ctx, scope).into_iter().map(|mut s| {
        s.heading = match s.id.as_str() {
            "red" => "3. Exceptions: Red (not on target)".to_string(),
            _ => "3. Exceptions: Amber (at risk)".to_string(),
        };
        s
    }));
    sections.extend(measures_sections(ctx, scope).into_iter().map(|mut s| {
        s.heading = if s.table.as_ref().is_some_and(|t| !t.rows.is_empty()) {
            format!("4. Measures: {}", s.heading)
        } else {
            "4. Measures".to_string()
        };
        s
    }));
    let mut changes = changes_section(ctx, scope, since);
    changes.heading = format!("5. {}", changes.heading);
    sections.push(changes);
    sections.push(due_section(ctx, scope, next));
    // Money, when there is any in the board's scope this financial year,
    // and recommendations, when the board's committees have made any: the
    // parts a pack has are numbered on from 7, with no gap.
    let money = crate::finance::report::finance_sections(ctx, scope);
    let recommendations = crate::recommendations::pack_sections(ctx, board);
    let mut part = 7;
    for extra in [money, recommendations] {
        if extra.is_empty() {
            continue;
        }
        sections.extend(extra.into_iter().map(|mut s| {
            s.heading = match s.heading.strip_prefix("Scrutiny recommendations: ") {
                Some(rest) => format!("{part}. Scrutiny recommendations: {rest}"),
                None => format!("{part}. Money: {}", s.heading),
            };
            s
        }));
        part += 1;
    }
    sections
}

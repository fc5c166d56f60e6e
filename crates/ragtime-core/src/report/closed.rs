//! Closed strategies: once a strategy is closed and its period has ended,
//! summaries and packs show it in one line, its final position as at its
//! end date, instead of rating its milestones against a date its plan no
//! longer runs to. `ragtime report ID` still shows it in full, as at its
//! end.

use chrono::NaiveDate;

use super::cells::*;
use super::context::Context;
use super::doc::*;
use crate::model::*;
use crate::rating::Rating;
use crate::rollup::{Counts, Scope, overall};

/// The section listing `closed` (strategies taken out of a scope by
/// [`Scope::close_ended`]), each with its milestones as at its end date.
pub fn closed_section(ctx: &Context, closed: &[StrategyIx]) -> Section {
    let model = ctx.model;
    let mut columns = vec![
        col("id", "Id", Align::Left),
        col("name", "Strategy", Align::Left),
        col("ended", "Ended", Align::Left),
        col("milestones", "Milestones", Align::Right),
    ];
    columns.extend(count_columns());
    columns.extend([
        col("percent", "%", Align::Right),
        col("rag", "RAG", Align::Left),
        col("cancelled", "Cancelled", Align::Right),
    ]);
    let mut rows = Vec::new();
    let (mut illustrative, mut counted) = (0, 0);
    for &s in closed {
        let strategy = model.strategy(s);
        let Some((counts, settings)) = final_counts(ctx, s, strategy.end) else {
            continue;
        };
        if let Ok(then) = ctx.at(strategy.end) {
            let (i, c) = super::marks::illustrative_share(
                model,
                &then.ratings,
                Scope::new(model, &[s], &[]).milestones(model),
            );
            illustrative += i;
            counted += c;
        }
        let mut cells = vec![
            text(&strategy.id),
            text(&strategy.title),
            Cell::Date(strategy.end),
            Cell::Count(counts.live()),
        ];
        cells.extend(count_cells(&counts));
        cells.extend([
            percent_cell(&counts, settings),
            overall_cell(&overall(&counts, settings)),
            Cell::Count(counts.rating(Rating::Cancelled)),
        ]);
        rows.push(Row {
            kind: RowKind::Item,
            cells,
            illustrative: false,
        });
    }
    Section {
        id: "closed".to_string(),
        heading: "Closed strategies: final position".to_string(),
        intro: vec![format!(
            "{} closed and ended before {}: each is shown once, its milestones rated as at its end date, and counted in no total above. `ragtime report ID` shows one in full, as at its end.",
            if rows.len() == 1 {
                "This strategy is".to_string()
            } else {
                format!("These {} strategies are", rows.len())
            },
            ctx.as_of
        )],
        table: Some(Table { columns, rows }),
        notes: super::marks::share_note(illustrative, counted)
            .into_iter()
            .collect(),
        chart: None,
        narratives: Vec::new(),
    }
}

/// A strategy's milestones counted as at `end`.
fn final_counts<'c>(
    ctx: &'c Context,
    s: StrategyIx,
    end: NaiveDate,
) -> Option<(Counts, &'c crate::settings::Settings)> {
    let then = ctx.at(end).ok()?;
    let scope = Scope::new(ctx.model, &[s], &[]);
    Some((
        Counts::of(&then.ratings, scope.milestones(ctx.model)),
        ctx.settings,
    ))
}

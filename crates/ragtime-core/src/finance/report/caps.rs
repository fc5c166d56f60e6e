//! Caps in a report: each cap in force with what is expected and spent
//! against it, the headroom and the cap RAG, and a cap's `explain`.

use crate::model::*;
use crate::report::Context;
use crate::report::cells::{col, plural, text};
use crate::report::doc::*;
use crate::settings::Rounding;

use super::table::{Val, diff, money_col, money_table, share};

/// The caps in force in the year, with what is counted against each.
pub(super) fn section(ctx: &Context, caps: &[CapIx]) -> Section {
    let model = ctx.model;
    let s = ctx.settings;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("cap", "Cap", Align::Left),
        col("for", "For", Align::Left),
        col("from", "From", Align::Left),
        col("to", "To", Align::Left),
        money_col("limit_gbp_m", "Cap £m"),
        money_col("expected_gbp_m", "Expected £m"),
        money_col("spent_gbp_m", "Spent £m"),
        money_col("headroom_gbp_m", "Headroom £m"),
        col("used", "% used", Align::Right),
        col("rag", "RAG", Align::Left),
    ];
    let rows = caps
        .iter()
        .map(|&c| {
            let cap = model.cap(c);
            let p = model.finance.cap_position(c, ctx.as_of);
            let expected = p.expected.unwrap_or_default();
            let colour = if expected > cap.limit {
                Colour::Red
            } else if i128::from(expected.pence()) * 100
                >= i128::from(s.cap_amber_from) * i128::from(cap.limit.pence())
            {
                Colour::Amber
            } else {
                Colour::Green
            };
            (
                RowKind::Item,
                vec![
                    Val::Cell(text(&cap.id)),
                    Val::Cell(text(&cap.title)),
                    Val::Cell(text(model.id_of(cap.item))),
                    Val::Cell(Cell::Date(cap.start)),
                    Val::Cell(Cell::Date(cap.end)),
                    Val::Money(Some(cap.limit)),
                    Val::Money(p.expected),
                    Val::Money(p.spent),
                    Val::Money(diff(cap.limit, expected)),
                    Val::Cell(
                        share(expected, cap.limit, Rounding::Down)
                            .map_or(Cell::Empty, Cell::Percent),
                    ),
                    Val::Cell(Cell::Rag(RagCell {
                        colour,
                        label: colour.name().to_string(),
                        flag: None,
                    })),
                ],
            )
        })
        .collect();
    Section {
        id: "caps".to_string(),
        heading: "Caps and what is counted against them".to_string(),
        intro: vec![
            "Each cap in force in the year, with the budget lines counted against it: for each of their years within the cap's term, the latest forecast outturn, or the budget when no forecast has been made."
                .to_string(),
        ],
        table: Some(money_table(columns, rows)),
        notes: vec![format!(
            "Headroom: the cap less what is expected; negative when over. % used is rounded down. RAG: Red over the cap, Amber from {}% of it, otherwise Green.",
            s.cap_amber_from
        )],
        chart: None,
        narratives: Vec::new(),
    }
}

/// How cap `c` stands as at the context's date, step by step.
pub(super) fn explain(ctx: &Context, c: CapIx) -> (String, Vec<String>) {
    let model = ctx.model;
    let as_of = ctx.as_of;
    let cap = model.cap(c);
    let p = model.finance.cap_position(c, as_of);
    let mut steps = vec![format!(
        "cap of {} from {} to {}",
        cap.limit, cap.start, cap.end
    )];
    if let Some(d) = &cap.approved {
        steps.push(format!("set by {} on {}", model.board(d.by).name, d.on));
    }
    steps.push(format!(
        "{} counted against it",
        plural(p.lines.len(), "budget line", "budget lines")
    ));
    if let Some(e) = p.expected {
        steps.push(format!("expected over the term as at {as_of}: {e}"));
        steps.push(if e > cap.limit {
            format!(
                "-> Red: over the cap by {}",
                diff(e, cap.limit).unwrap_or_default()
            )
        } else {
            format!("headroom: {}", diff(cap.limit, e).unwrap_or_default())
        });
    }
    (format!("Cap {}: {}", cap.id, cap.title), steps)
}

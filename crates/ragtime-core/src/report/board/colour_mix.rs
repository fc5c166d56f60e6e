//! Part 1's colour mix: the board's milestones by rating at each of the
//! last four quarter ends, each rated by the same rules as at that date.

use chrono::NaiveDate;

use crate::period::Quarter;
use crate::rating::{Rating, Ratings};
use crate::report::cells::*;
use crate::report::context::Context;
use crate::report::doc::*;
use crate::rollup::{Counts, Scope, overall};

/// The last four quarter ends on or before `as_of`, oldest first.
pub fn last_four_quarter_ends(as_of: NaiveDate) -> Vec<(Quarter, NaiveDate)> {
    let Ok(mut q) = Quarter::containing(as_of) else {
        return Vec::new();
    };
    if as_of < q.end() {
        q = q.previous();
    }
    let mut ends = Vec::with_capacity(4);
    for _ in 0..4 {
        ends.push((q, q.end()));
        q = q.previous();
    }
    ends.reverse();
    ends
}

/// The scope's milestones by rating at each of the last four quarter ends,
/// rated by the same rules as at each date: a table and a chart.
pub(super) fn colour_mix_section(ctx: &Context, scope: &Scope) -> Section {
    let model = ctx.model;
    let mut columns = vec![
        col("quarter", "Quarter", Align::Left),
        col("as_at", "As at", Align::Left),
        col("milestones", "Milestones", Align::Right),
    ];
    columns.extend(count_columns());
    columns.extend([
        col("percent", "%", Align::Right),
        col("rag", "RAG", Align::Left),
        col("cancelled", "Cancelled", Align::Right),
    ]);
    let ends = last_four_quarter_ends(ctx.as_of);
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for &(q, end) in &ends {
        let ratings = Ratings::compute(model, ctx.settings, end);
        let counts = Counts::of(&ratings, scope.milestones(model));
        let mut cells = vec![
            text(q.to_string()),
            Cell::Date(end),
            Cell::Count(counts.live()),
        ];
        cells.extend(count_cells(&counts));
        cells.extend([
            percent_cell(&counts, ctx.settings),
            overall_cell(&overall(&counts, ctx.settings)),
            Cell::Count(counts.rating(Rating::Cancelled)),
        ]);
        rows.push(Row {
            kind: RowKind::Item,
            cells,
            illustrative: false,
        });
        bars.push(Bar {
            label: format!("{q} (as at {end})"),
            segments: COUNTED
                .iter()
                .map(|&r| Segment {
                    colour: r.colour(ctx.settings.scale),
                    label: r.meaning().to_string(),
                    count: counts.rating(r),
                })
                .collect(),
        });
    }
    let mut intro = vec![
        "The board's milestones by rating at each of the last four quarter ends, each rated \
         by the same rules from the plans as they stood at that date: milestones added later \
         are not counted, and only updates made by then count."
            .to_string(),
    ];
    if let Some(&(_, last)) = ends.last()
        && last < ctx.as_of
    {
        intro.push(format!(
            "The as-at date {} is not a quarter end; the headline above gives the position \
             at that date.",
            ctx.as_of
        ));
    }
    Section {
        id: "colour-mix".to_string(),
        heading: "1. Headline: colour mix over the last four quarters".to_string(),
        intro,
        table: Some(Table { columns, rows }),
        notes: Vec::new(),
        chart: Some(Chart::StackedBars { bars }),
        narratives: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn four_quarter_ends_up_to_the_as_at_date() {
        let ends: Vec<NaiveDate> = last_four_quarter_ends(d("2025-09-30"))
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        assert_eq!(
            ends,
            ["2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30"].map(d)
        );
        let ends: Vec<String> = last_four_quarter_ends(d("2025-10-20"))
            .into_iter()
            .map(|(q, _)| q.to_string())
            .collect();
        assert_eq!(
            ends,
            ["2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2"]
        );
    }
}

//! Measures against target, with trend charts: one with a baseline and a
//! target, one with a trajectory of targets.

use ragtime_core::report::Align::{Left, Right};
use ragtime_core::report::RowKind::Item;
use ragtime_core::report::*;

use super::super::cells::*;

/// Measures against target, with trend charts for two of them.
pub fn measures() -> Section {
    let mut measures = section("measures", "Measures against target");
    measures.table = Some(Table {
        columns: vec![
            col("measure", "Measure", Left),
            col("latest", "Latest", Right),
            col("target", "Target", Right),
            col("national", "National average", Right),
            col("trend", "Direction of travel", Left),
            col("rating", "Rating", Left),
        ],
        rows: vec![
            row(
                Item,
                vec![
                    text("Care leavers in suitable accommodation"),
                    number("90.5", Some("%")),
                    number("92.0", Some("%")),
                    number("88.0", Some("%")),
                    Cell::Trend(Trend::Up),
                    rag(Colour::Amber),
                ],
            ),
            row(
                Item,
                vec![
                    text("Foster carers' homes"),
                    number("104", Some("homes")),
                    number("120", Some("homes")),
                    Cell::Empty,
                    Cell::Trend(Trend::Same),
                    rag(Colour::Red),
                ],
            ),
            row(
                Item,
                vec![
                    text("Change in suspension rate against national"),
                    number("-0.4", None),
                    number("0.0", None),
                    number("0.0", None),
                    Cell::Trend(Trend::Up),
                    rag(Colour::Green),
                ],
            ),
        ],
    });

    // Trend charts for two of the three rows, found by their first cell:
    // one with a baseline and a target, one with a trajectory of targets.
    measures.chart = Some(Chart::Sparklines {
        lines: vec![
            sparkline(
                "Care leavers in suitable accommodation",
                Some("%"),
                ragtime_core::Direction::Higher,
                vec![
                    series(SeriesRole::Target, "target", &[(2027, 3, 31, 92.0)]),
                    series(SeriesRole::Baseline, "baseline", &[(2023, 3, 31, 92.0)]),
                    series(
                        SeriesRole::Actual,
                        "measured",
                        &[
                            (2024, 9, 30, 89.0),
                            (2025, 3, 31, 90.0),
                            (2025, 9, 30, 90.5),
                        ],
                    ),
                ],
            ),
            sparkline(
                "Foster carers' homes",
                Some("homes"),
                ragtime_core::Direction::Higher,
                vec![
                    series(
                        SeriesRole::Target,
                        "target",
                        &[(2026, 3, 31, 110.0), (2027, 3, 31, 120.0)],
                    ),
                    series(SeriesRole::Actual, "measured", &[(2025, 9, 30, 104.0)]),
                ],
            ),
        ],
    });
    measures
}

//! Measures against target, with trend charts: one with a baseline and a
//! target, one with a trajectory of targets.

use ragtime_core::report::Align::{Left, Right};
use ragtime_core::report::RowKind::Item;
use ragtime_core::report::*;

use super::super::cells::*;

/// Measures against target, with trend charts for two of them.
pub fn measures() -> Section {
    let mut measures = section("measures", "Measures against target");
    // As the measures report lays them out: the unit once, figures bare,
    // the measured date with its frequency and freshness, the target's date
    // with its source, both directions of travel in one cell.
    let measured = |date, frequency, up_to_date| Cell::Measured {
        date,
        frequency,
        up_to_date,
    };
    measures.table = Some(Table {
        columns: vec![
            col("id", "Id", Left),
            col("measure", "Measure", Left),
            col("unit", "Unit", Left),
            col("latest", "Latest", Right),
            col("measured", "Measured", Left),
            col("target", "Target", Right),
            col("target_date", "Target date", Left),
            col("national", "National average", Right),
            col("rating", "Rating", Left),
            col("travel", "Travel (quarter / year)", Left),
        ],
        rows: vec![
            row(
                Item,
                vec![
                    text("CPS-M-1.6"),
                    text("Care leavers in suitable accommodation"),
                    text("%"),
                    number("90.5", None),
                    measured(
                        Some(date(2025, 9, 30)),
                        Some(ragtime_core::Frequency::Quarterly),
                        Some(true),
                    ),
                    number("92.0", None),
                    Cell::TargetDate {
                        date: date(2025, 9, 30),
                        basis: TargetSource::Trajectory,
                    },
                    number("88.0", None),
                    rag(Colour::Amber),
                    Cell::Travel {
                        quarter: Trend::Up,
                        year: Trend::New,
                    },
                ],
            ),
            row(
                Item,
                vec![
                    text("CPS-M-1.1"),
                    text("Foster carers' homes"),
                    text("homes"),
                    number("104", None),
                    measured(
                        Some(date(2024, 3, 31)),
                        Some(ragtime_core::Frequency::Annual),
                        Some(false),
                    ),
                    number("110", None),
                    Cell::TargetDate {
                        date: date(2026, 3, 31),
                        basis: TargetSource::Interim,
                    },
                    Cell::Empty,
                    flagged(Colour::Red, "out of date: 548 days old; annual allows 397"),
                    Cell::Travel {
                        quarter: Trend::Same,
                        year: Trend::Down,
                    },
                ],
            ),
            row(
                Item,
                vec![
                    text("CPS-M-4.2"),
                    text("Change in suspension rate against national"),
                    text("percentage points"),
                    Cell::Empty,
                    measured(None, Some(ragtime_core::Frequency::Termly), None),
                    number("0.0", None),
                    Cell::TargetDate {
                        date: date(2027, 3, 31),
                        basis: TargetSource::Final,
                    },
                    number("0.0", None),
                    rag(Colour::Grey),
                    Cell::Travel {
                        quarter: Trend::None,
                        year: Trend::None,
                    },
                ],
            ),
        ],
    });

    // Trend charts for two of the three rows, found by their first cell:
    // one with a baseline and a target, one with a trajectory of targets.
    measures.chart = Some(Chart::Sparklines {
        lines: vec![
            sparkline(
                "CPS-M-1.6",
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
                "CPS-M-1.1",
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

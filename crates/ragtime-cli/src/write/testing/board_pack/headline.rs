//! The headline: milestones by status for each strategy, and the colour
//! mix over the last four quarters, each as a table and bars.

use ragtime_core::report::Align::{Left, Right};
use ragtime_core::report::RowKind::{Item, Total};
use ragtime_core::report::*;

use super::super::cells::*;

/// Milestones by status for each strategy, with a chart of the mix.
pub fn summary() -> Section {
    let mut summary = section("summary", "Headline");
    summary.intro.push(
        "Milestones by status for each strategy the board oversees, with the share complete or on target."
            .to_string(),
    );
    summary.table = Some(Table {
        columns: vec![
            col("strategy", "Strategy", Left),
            col("milestones", "Milestones", Right),
            col("complete", "Complete", Right),
            col("on_target", "On target", Right),
            col("at_risk", "At risk", Right),
            col("not_on_target", "Not on target", Right),
            col("not_started", "Not started", Right),
            col("complete_or_on_target", "Complete or on target", Right),
            col("rating", "Rating", Left),
        ],
        rows: vec![
            row(
                Item,
                vec![
                    text("Corporate Parenting Strategy 2025-2027"),
                    Cell::Count(24),
                    Cell::Count(6),
                    Cell::Count(11),
                    Cell::Count(4),
                    Cell::Count(1),
                    Cell::Count(2),
                    Cell::Percent(Percent::whole(71)),
                    rag(Colour::Amber),
                ],
            ),
            row(
                Item,
                vec![
                    text("Care Leavers' Local Offer"),
                    Cell::Count(9),
                    Cell::Count(3),
                    Cell::Count(5),
                    Cell::Count(1),
                    Cell::Count(0),
                    Cell::Count(0),
                    Cell::Percent(Percent::whole(89)),
                    rag(Colour::Green),
                ],
            ),
            row(
                Total,
                vec![
                    text("Total"),
                    Cell::Count(33),
                    Cell::Count(9),
                    Cell::Count(16),
                    Cell::Count(5),
                    Cell::Count(1),
                    Cell::Count(2),
                    Cell::Percent(Percent::whole(76)),
                    rag(Colour::Amber),
                ],
            ),
        ],
    });
    summary.chart = Some(Chart::StackedBars {
        bars: vec![
            mix("Corporate Parenting Strategy 2025-2027", [6, 11, 4, 1, 2]),
            mix("Care Leavers' Local Offer", [3, 5, 1, 0, 0]),
        ],
    });
    summary
}

/// The colour mix over the last four quarters, as a table and bars.
pub fn colours() -> Section {
    let mut colours = section("colour-mix", "Colour mix over the last four quarters");
    colours.table = Some(Table {
        columns: vec![
            col("quarter", "Quarter", Left),
            col("blue", "Blue", Right),
            col("green", "Green", Right),
            col("amber", "Amber", Right),
            col("red", "Red", Right),
            col("grey", "Grey", Right),
        ],
        rows: vec![
            row(Item, quarter("2024/25 Q3", [1, 12, 6, 2, 12])),
            row(Item, quarter("2024/25 Q4", [3, 14, 6, 2, 8])),
            row(Item, quarter("2025/26 Q1", [6, 15, 5, 2, 5])),
            row(Item, quarter("2025/26 Q2", [9, 16, 5, 1, 2])),
        ],
    });
    colours.chart = Some(Chart::StackedBars {
        bars: vec![
            colour_mix("2024/25 Q3", [1, 12, 6, 2, 12]),
            colour_mix("2024/25 Q4", [3, 14, 6, 2, 8]),
            colour_mix("2025/26 Q1", [6, 15, 5, 2, 5]),
            colour_mix("2025/26 Q2", [9, 16, 5, 1, 2]),
        ],
    });
    colours
}

/// The status mix of one bar: complete, on target, at risk, not on target,
/// not started.
fn mix(label: &str, counts: [u64; 5]) -> Bar {
    Bar {
        label: label.to_string(),
        segments: vec![
            seg(Colour::Blue, "complete", counts[0]),
            seg(Colour::Green, "on target", counts[1]),
            seg(Colour::Amber, "at risk", counts[2]),
            seg(Colour::Red, "not on target", counts[3]),
            seg(Colour::Grey, "not started", counts[4]),
        ],
    }
}

fn quarter(label: &str, counts: [u64; 5]) -> Vec<Cell> {
    let mut cells = vec![text(label)];
    cells.extend(counts.map(Cell::Count));
    cells
}

fn colour_mix(label: &str, counts: [u64; 5]) -> Bar {
    let colours = [
        Colour::Blue,
        Colour::Green,
        Colour::Amber,
        Colour::Red,
        Colour::Grey,
    ];
    Bar {
        label: label.to_string(),
        segments: colours
            .iter()
            .zip(counts)
            .map(|(&c, n)| seg(c, c.name(), n))
            .collect(),
    }
}

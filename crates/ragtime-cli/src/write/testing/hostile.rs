//! A document whose every piece of text is hostile (markup, formulas,
//! pipes, quotes, line breaks, unicode), with every cell kind, every
//! colour, a group and a total row, charts, and a section id that is not a
//! safe file name.

use ragtime_core::Status;
use ragtime_core::report::Align::{Left, Right};
use ragtime_core::report::*;

use super::cells::*;

/// Text that a careless writer would run, break or mis-render.
pub const SCRIPT: &str = "<script>alert(1)</script>";

/// Hostile texts, each put in every place a writer shows text.
const NASTY: [&str; 14] = [
    SCRIPT,
    "a | b || c",
    "=1+1",
    "+SUM(A1:A2)",
    "-2+3",
    "@cmd",
    "\tTabbed",
    "\rCarriage",
    "\"double\" and 'single' quotes",
    "line one\nline two\r\nline three",
    "Café – naïve ✓ 日本語 🙂",
    "*bold* _em_ `code` [link](https://example.invalid) # not a heading",
    "& &amp; \\ back\\slash ; , $x$ ~strike~",
    "]]> <!-- --> </svg></style></td>",
];

/// A document whose every piece of text is hostile, with every cell kind,
/// every colour, a group and a total row, and a chart.
pub fn hostile() -> Document {
    Document {
        kind: "hostile".to_string(),
        title: format!("Report {SCRIPT} & \"friends\""),
        as_at: date(2025, 9, 30),
        facts: vec![
            ("Period".to_string(), "=HYPERLINK(\"x\")".to_string()),
            (format!("Fact {SCRIPT}"), "a | b\nc".to_string()),
        ],
        sections: vec![
            hostile_section(),
            kinds(),
            traversal(),
            trends(),
            section("no-table", "A section with no table"),
        ],
        freshness: None,
    }
}

/// Hostile text in the heading, intro, columns, rows, notes, narratives
/// and bars.
fn hostile_section() -> Section {
    let rows = rows();
    let mut s = section("hostile", &format!("Heading {SCRIPT} | =1+1"));
    s.intro = NASTY.iter().map(|n| n.to_string()).collect();
    s.intro
        .push("- a list?\n# a heading?\n1. a number?\n> a quote?".to_string());
    s.table = Some(Table {
        columns: vec![
            col("text", &format!("Text {SCRIPT}"), Left),
            col("=value", "Value | unit", Right),
            col("rating", "Rating \"quoted\"", Left),
        ],
        rows,
    });
    s.notes.push(format!("A note with {SCRIPT} in it."));
    s.narratives = NASTY
        .iter()
        .enumerate()
        .map(|(i, n)| Narrative {
            item: format!("ID {n}"),
            name: format!("Name {n}"),
            date: date(2025, 9, 30),
            by_id: format!("by {n}"),
            by: format!("Role {n}"),
            text: format!("{n}\n- a list?\n# a heading?\n> a quote?"),
            illustrative: i % 2 == 1,
            old: (i % 3 == 0).then(|| format!("old {n}")),
        })
        .collect();
    s.chart = Some(Chart::StackedBars {
        bars: vec![
            Bar {
                label: SCRIPT.to_string(),
                segments: vec![
                    seg(Colour::Red, "</desc><script>x</script>", 2),
                    seg(Colour::Green, "\"on\" & 'target'", 3),
                ],
            },
            Bar {
                label: "Nothing counted".to_string(),
                segments: vec![seg(Colour::Grey, "none", 0)],
            },
        ],
    });
    s
}

/// A group row, a row for each hostile text, every colour, status and
/// trend at least once, a row longer than the columns and a total shorter.
fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    rows.push(Row {
        kind: RowKind::Group,
        cells: vec![text(&format!("Group {SCRIPT}")), Cell::Empty, Cell::Empty],
        illustrative: false,
    });
    for (i, n) in NASTY.iter().enumerate() {
        rows.push(Row {
            kind: RowKind::Item,
            cells: vec![
                text(n),
                number("-3.5", Some(n)),
                flagged(Colour::AmberRed, n),
            ],
            // Every other row carries the illustrative mark after its text.
            illustrative: i % 2 == 0,
        });
    }
    // Every colour, every status and every trend at least once, and a row
    // longer and one shorter than the columns.
    for (i, colour) in [
        Colour::Blue,
        Colour::Green,
        Colour::AmberGreen,
        Colour::Amber,
        Colour::AmberRed,
        Colour::Red,
        Colour::Grey,
    ]
    .into_iter()
    .enumerate()
    {
        let trend = [Trend::Up, Trend::Down, Trend::Same, Trend::New, Trend::None][i % 5];
        rows.push(Row {
            kind: RowKind::Item,
            cells: vec![
                Cell::Status(Status::ALL[i % Status::ALL.len()]),
                Cell::Trend(trend),
                rag(colour),
            ],
            illustrative: false,
        });
    }
    rows.push(Row {
        kind: RowKind::Item,
        cells: vec![
            text("one cell too many"),
            Cell::Count(1),
            Cell::Empty,
            text("dropped"),
        ],
        illustrative: false,
    });
    rows.push(Row {
        kind: RowKind::Total,
        cells: vec![text("Total =SUM(A1)")],
        illustrative: false,
    });
    rows
}

/// A section whose id would climb out of a folder.
fn traversal() -> Section {
    let mut traversal = section(
        "../../etc/passwd",
        "A section id that is not a safe file name",
    );
    traversal.table = Some(Table {
        columns: vec![col("n", "N", Right)],
        rows: vec![Row {
            kind: RowKind::Item,
            cells: vec![Cell::Count(1)],
            illustrative: false,
        }],
    });
    traversal
}

/// A trend chart whose every word is hostile, found by a hostile id.
fn trends() -> Section {
    let mut trends = section("trends", "Trend charts");
    trends.table = Some(Table {
        columns: vec![col("id", "Id", Left)],
        rows: vec![Row {
            kind: RowKind::Item,
            cells: vec![text(SCRIPT)],
            illustrative: false,
        }],
    });
    trends.chart = Some(Chart::Sparklines {
        lines: vec![Sparkline {
            id: SCRIPT.to_string(),
            label: "]]> <!-- --> </svg></style></td>".to_string(),
            unit: Some("</desc><script>x</script>".to_string()),
            better: ragtime_core::Direction::Lower,
            series: vec![series(
                SeriesRole::Actual,
                "\"measured\" & 'so'",
                &[(2025, 3, 31, 1.0), (2025, 9, 30, 2.0)],
            )],
        }],
    });
    trends
}

/// One cell of every kind in one row.
fn kinds() -> Section {
    let every_kind = vec![
        Cell::Empty,
        text("text"),
        Cell::Count(7),
        Cell::Percent(Percent::whole(100)),
        number("1,234.5", Some("%")),
        Cell::Date(date(2026, 1, 2)),
        rag(Colour::AmberGreen),
        Cell::Status(Status::Cancelled),
        Cell::Trend(Trend::Up),
        Cell::Measured {
            date: Some(date(2025, 6, 30)),
            frequency: Some(ragtime_core::Frequency::SixMonthly),
            up_to_date: Some(false),
        },
        Cell::TargetDate {
            date: date(2026, 3, 31),
            basis: TargetSource::Baseline,
        },
        Cell::Travel {
            quarter: Trend::Down,
            year: Trend::Same,
        },
    ];
    let mut kinds = section("kinds", "One cell of every kind");
    kinds.table = Some(Table {
        columns: [
            "empty",
            "text",
            "count",
            "percent",
            "number",
            "date",
            "rag",
            "status",
            "trend",
            "measured",
            "target_date",
            "travel",
        ]
        .iter()
        .map(|k| col(k, k, Left))
        .collect(),
        rows: vec![Row {
            kind: RowKind::Item,
            cells: every_kind,
            illustrative: false,
        }],
    });
    kinds
}

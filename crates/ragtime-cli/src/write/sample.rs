//! Hand-built documents for checking the writers: a made-up but realistic
//! board pack using every kind of cell, row and chart, and a document whose
//! every piece of text is hostile (markup, formulas, pipes, quotes, line
//! breaks, unicode). Only the writers' unit tests use them; the binary's
//! tests use real board packs.

use chrono::NaiveDate;
use ragtime_core::Status;
use ragtime_core::report::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn rag(colour: Colour) -> Cell {
    Cell::Rag(RagCell {
        colour,
        label: colour.name().to_string(),
        flag: None,
    })
}

fn flagged(colour: Colour, why: &str) -> Cell {
    Cell::Rag(RagCell {
        colour,
        label: colour.name().to_string(),
        flag: Some(why.to_string()),
    })
}

fn number(value: &str, unit: Option<&str>) -> Cell {
    Cell::Number {
        text: value.to_string(),
        unit: unit.map(str::to_string),
    }
}

fn col(key: &str, heading: &str, align: Align) -> Column {
    Column {
        key: key.to_string(),
        heading: heading.to_string(),
        align,
    }
}

fn row(kind: RowKind, cells: Vec<Cell>) -> Row {
    Row {
        kind,
        cells,
        illustrative: false,
    }
}

fn sparkline(
    id: &str,
    label: &str,
    unit: Option<&str>,
    better: ragtime_core::Direction,
    series: Vec<Series>,
) -> Sparkline {
    Sparkline {
        id: id.to_string(),
        label: label.to_string(),
        unit: unit.map(str::to_string),
        better,
        series,
    }
}

fn series(role: SeriesRole, label: &str, points: &[(i32, u32, u32, f64)]) -> Series {
    Series {
        role,
        label: label.to_string(),
        points: points
            .iter()
            .map(|&(y, m, d, value)| ChartPoint {
                date: date(y, m, d),
                value,
                text: format!("{value}"),
            })
            .collect(),
    }
}

fn seg(colour: Colour, label: &str, count: u64) -> Segment {
    Segment {
        colour,
        label: label.to_string(),
        count,
    }
}

fn section(id: &str, heading: &str) -> Section {
    Section {
        id: id.to_string(),
        heading: heading.to_string(),
        intro: Vec::new(),
        table: None,
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    }
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

/// A made-up Corporate Parenting Board pack as at 30 September 2025.
pub fn board_pack() -> Document {
    use Align::{Left, Right};
    use RowKind::{Group, Item, Total};

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

    let mut progress = section("progress", "Progress by priority and commitment");
    progress.table = Some(Table {
        columns: vec![
            col("item", "Priority or commitment", Left),
            col("owner", "Owner", Left),
            col("rating", "Rating", Left),
            col("trend", "Since last quarter", Left),
            col("due", "Due", Left),
        ],
        rows: vec![
            row(
                Group,
                vec![
                    text("1. Homes and housing"),
                    Cell::Empty,
                    rag(Colour::Amber),
                    Cell::Trend(Trend::Down),
                    Cell::Empty,
                ],
            ),
            row(
                Item,
                vec![
                    text("We will increase our foster carers' homes by 20%."),
                    text("Head of Fostering"),
                    rag(Colour::Amber),
                    Cell::Trend(Trend::Down),
                    Cell::Date(date(2027, 3, 31)),
                ],
            ),
            row(
                Item,
                vec![
                    text("We will open two new children's homes in the county."),
                    text("Head of Commissioning"),
                    flagged(
                        Colour::Red,
                        "the owner reports on target but the due date has passed",
                    ),
                    Cell::Trend(Trend::New),
                    Cell::Date(date(2025, 9, 1)),
                ],
            ),
            row(
                Group,
                vec![
                    text("2. Health and wellbeing"),
                    Cell::Empty,
                    rag(Colour::Green),
                    Cell::Trend(Trend::Up),
                    Cell::Empty,
                ],
            ),
            row(
                Item,
                vec![
                    text(
                        "We will complete every initial health assessment within 20 working days.",
                    ),
                    text("Designated Nurse for Children in Care"),
                    rag(Colour::Green),
                    Cell::Trend(Trend::Up),
                    Cell::Date(date(2026, 3, 31)),
                ],
            ),
            row(
                Item,
                vec![
                    text("We will offer every care leaver a health passport."),
                    text("Head of Service for Care Leavers"),
                    rag(Colour::Blue),
                    Cell::Trend(Trend::Same),
                    Cell::Date(date(2025, 6, 30)),
                ],
            ),
            row(
                Item,
                vec![
                    text("We will review dental access with the NHS."),
                    text("Designated Nurse for Children in Care"),
                    rag(Colour::Grey),
                    Cell::Trend(Trend::None),
                    Cell::Empty,
                ],
            ),
        ],
    });
    progress.notes.push(
        "A flagged rating differs from what the owner reported; the reason is given.".to_string(),
    );
    progress.narratives = vec![
        Narrative {
            item: "CPS".to_string(),
            name: "Corporate Parenting Strategy 2025-2027".to_string(),
            date: date(2025, 9, 30),
            by_id: "dcs".to_string(),
            by: "Director of Children's Services".to_string(),
            text: "Recruitment of foster carers is behind plan.\nThe second campaign starts in October."
                .to_string(),
            illustrative: true,
            old: None,
        },
        Narrative {
            item: "CPS-P2".to_string(),
            name: "Health and wellbeing".to_string(),
            date: date(2025, 3, 31),
            by_id: "designated-nurse".to_string(),
            by: "Designated Nurse for Children in Care".to_string(),
            text: "Health assessments are on time.".to_string(),
            illustrative: false,
            old: Some(
                "written 183 days before the as-at date; older than the 92-day staleness window"
                    .to_string(),
            ),
        },
    ];
    progress.notes.push(ILLUSTRATIVE_LEGEND.to_string());

    let mut exceptions = section("exceptions", "Exceptions: red and amber");
    exceptions.intro.push(
        "Every milestone rated Red or Amber, with the owner's note and the corrective action."
            .to_string(),
    );
    exceptions.table = Some(Table {
        columns: vec![
            col("milestone", "Milestone", Left),
            col("owner", "Owner", Left),
            col("status", "Status", Left),
            col("rating", "Rating", Left),
            col("note", "Note", Left),
            col("action", "Corrective action", Left),
            col("due", "Due", Left),
        ],
        rows: vec![
            row(
                Item,
                vec![
                    text("CPS-P1-C2-M1 Open the first new children's home"),
                    text("Head of Commissioning"),
                    Cell::Status(Status::NotOnTarget),
                    rag(Colour::Red),
                    text("Registration delayed by the regulator's inspection backlog."),
                    text("Interim placements agreed with a neighbouring authority."),
                    Cell::Date(date(2025, 9, 1)),
                ],
            ),
            Row {
                illustrative: true,
                ..row(
                    Item,
                    vec![
                        text("CPS-P1-C1-M1 Launch the foster carer recruitment campaign"),
                        text("Head of Fostering"),
                        Cell::Status(Status::AtRisk),
                        rag(Colour::Amber),
                        text("Two carers withdrew."),
                        text("Second campaign in September."),
                        Cell::Date(date(2025, 9, 30)),
                    ],
                )
            },
        ],
    });
    exceptions.notes.push(ILLUSTRATIVE_LEGEND.to_string());

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

    let mut changes = section("changes", "Changes since the last meeting");
    changes
        .intro
        .push("Plan changes since 30 June 2025.".to_string());
    changes.table = Some(Table {
        columns: vec![
            col("change", "Change", Left),
            col("milestone", "Milestone", Left),
            col("detail", "Detail", Left),
            col("times_redated", "Times re-dated", Right),
        ],
        rows: vec![
            row(
                Item,
                vec![
                    text("re-dated"),
                    text("CPS-P1-C1-M1 Launch the foster carer recruitment campaign"),
                    text("30 Jun 2025 to 30 Sep 2025: panel dates moved."),
                    Cell::Count(1),
                ],
            ),
            row(
                Item,
                vec![
                    text("completed"),
                    text("CPS-P2-C2-M1 Health passports issued"),
                    text("All 142 care leavers offered a passport."),
                    Cell::Count(0),
                ],
            ),
            row(
                Item,
                vec![
                    text("added"),
                    text("CPS-P2-C3-M1 Dental access review"),
                    Cell::Empty,
                    Cell::Count(0),
                ],
            ),
        ],
    });

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

    let mut due = section("due", "Due before the next meeting");
    due.table = Some(Table {
        columns: vec![
            col("milestone", "Milestone", Left),
            col("owner", "Owner", Left),
            col("due", "Due", Left),
            col("status", "Status", Left),
        ],
        rows: vec![
            row(
                Item,
                vec![
                    text("CPS-P3-C1-M2 Virtual school annual report to the board"),
                    text("Virtual School Head"),
                    Cell::Date(date(2025, 11, 28)),
                    Cell::Status(Status::OnTarget),
                ],
            ),
            row(
                Item,
                vec![
                    text("CPS-P4-C1-M1 Life-story work offer agreed"),
                    text("Head of Service for Corporate Parenting"),
                    Cell::Date(date(2025, 12, 19)),
                    Cell::Status(Status::NotStarted),
                ],
            ),
            row(
                Item,
                vec![
                    text("CPS-P6-C2-M1 Missing-from-care protocol refreshed"),
                    text("Detective Inspector, Exploitation Team"),
                    Cell::Date(date(2025, 12, 31)),
                    Cell::Status(Status::Paused),
                ],
            ),
        ],
    });

    Document {
        kind: "board".to_string(),
        title: "Corporate Parenting Board: progress report".to_string(),
        as_at: date(2025, 9, 30),
        facts: vec![
            ("Board".to_string(), "Corporate Parenting Board".to_string()),
            ("Period".to_string(), "2025/26 Q2".to_string()),
            (
                "Latest update".to_string(),
                "2025-09-26 (4 days before the as-at date)".to_string(),
            ),
            ("Changes since".to_string(), "30 June 2025".to_string()),
        ],
        sections: vec![
            summary, progress, exceptions, measures, changes, colours, due,
        ],
        freshness: Some(Freshness {
            latest_update: Some(date(2025, 9, 26)),
            open_work: true,
            stale_after_days: 92,
        }),
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

/// Text that a careless writer would run, break or mis-render.
pub const SCRIPT: &str = "<script>alert(1)</script>";

/// A document whose every piece of text is hostile, with every cell kind,
/// every colour, a group and a total row, and a chart.
pub fn hostile() -> Document {
    use Align::{Left, Right};
    let nasty = [
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
    let mut rows = Vec::new();
    rows.push(Row {
        kind: RowKind::Group,
        cells: vec![text(&format!("Group {SCRIPT}")), Cell::Empty, Cell::Empty],
        illustrative: false,
    });
    for (i, n) in nasty.iter().enumerate() {
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

    let mut s = section("hostile", &format!("Heading {SCRIPT} | =1+1"));
    s.intro = nasty.iter().map(|n| n.to_string()).collect();
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
    s.narratives = nasty
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
    // A trend chart whose every word is hostile, found by a hostile id.
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
    let empty = section("no-table", "A section with no table");
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

    Document {
        kind: "hostile".to_string(),
        title: format!("Report {SCRIPT} & \"friends\""),
        as_at: date(2025, 9, 30),
        facts: vec![
            ("Period".to_string(), "=HYPERLINK(\"x\")".to_string()),
            (format!("Fact {SCRIPT}"), "a | b\nc".to_string()),
        ],
        sections: vec![s, kinds, traversal, trends, empty],
        freshness: None,
    }
}

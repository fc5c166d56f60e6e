//! Progress by priority and commitment (a flagged rating, narratives, an
//! illustrative row) and the exceptions, Red and Amber.

use ragtime_core::Status;
use ragtime_core::report::Align::Left;
use ragtime_core::report::RowKind::{Group, Item};
use ragtime_core::report::*;

use super::super::cells::*;

/// Ratings by priority and commitment, a flagged rating, narratives.
pub fn progress() -> Section {
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
    progress
}

/// Red and amber milestones, one of them illustrative.
pub fn exceptions() -> Section {
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
    exceptions
}

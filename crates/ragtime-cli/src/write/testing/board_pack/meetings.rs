//! Between the meetings: the plan changes since the last one, and what is
//! due before the next.

use ragtime_core::Status;
use ragtime_core::report::Align::{Left, Right};
use ragtime_core::report::RowKind::Item;
use ragtime_core::report::*;

use super::super::cells::*;

/// Plan changes since the last meeting.
pub fn changes() -> Section {
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
    changes
}

/// What is due before the next meeting.
pub fn due() -> Section {
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
    due
}

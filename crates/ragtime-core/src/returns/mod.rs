//! Quarterly returns: the spreadsheet each service lead fills in before a
//! reporting deadline, and reading it back as update-log entries.
//!
//! A return runs through the same stages as a plan file:
//!
//! - [`make`]: the plan set and a quarter in, one [`ReturnBook`] per owner
//!   out: their live milestones with what is known of each, and the
//!   record of what the return was made from. The CLI lays it out as a
//!   workbook.
//! - [`read`]: the filled sheet (typed cells, from the CLI) in, one
//!   [`read::Row`] per milestone with something filled in, with a located
//!   problem for every cell that cannot be read.
//! - [`apply`]: the rows against the plan set: which entries to add to
//!   which milestone's log, and which rows to leave, and why (already
//!   recorded; the milestone changed since the return was made).
//!
//! Whether an entry breaks a rule (a status that is not a status, a
//! completion with no note, a revised date with no reason, dates out of
//! order, ...) is decided by the plan checks themselves: the entries are
//! added to the plan files' texts and the plan set is checked, as
//! `ragtime update` does, and each finding in a new entry is placed back
//! at the cell it came from.

pub mod apply;
pub mod make;
pub mod read;
pub mod record;

pub use make::{ReturnBook, ReturnRow, make};

/// The sheet service leads fill in.
pub const MILESTONES_SHEET: &str = "Milestones";
/// The sheet that says how to fill it in.
pub const NOTES_SHEET: &str = "How to fill in";
/// The hidden, protected sheet that records what the return was made from.
pub const RECORD_SHEET: &str = "Record";
/// The record's first cell, naming what the workbook is.
pub const RECORD_TITLE: &str = "ragtime quarterly return";
/// The version of the record's layout.
pub const RECORD_FORMAT: u32 = 1;

/// The columns of the milestones sheet, in order: first what the return
/// says (locked), then what the lead fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Id,
    Milestone,
    Strategy,
    StatusNow,
    DueNow,
    LastUpdate,
    LastNote,
    NewStatus,
    Note,
    Percent,
    RevisedDue,
    Reason,
    Action,
    UpdateDate,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::Id,
        Column::Milestone,
        Column::Strategy,
        Column::StatusNow,
        Column::DueNow,
        Column::LastUpdate,
        Column::LastNote,
        Column::NewStatus,
        Column::Note,
        Column::Percent,
        Column::RevisedDue,
        Column::Reason,
        Column::Action,
        Column::UpdateDate,
    ];

    /// The heading written in the sheet, and looked for when it is read
    /// (ignoring case, spaces and punctuation).
    pub fn heading(self) -> &'static str {
        match self {
            Column::Id => "Id",
            Column::Milestone => "Milestone",
            Column::Strategy => "Strategy",
            Column::StatusNow => "Status now",
            Column::DueNow => "Due date now",
            Column::LastUpdate => "Last update",
            Column::LastNote => "Last note",
            Column::NewStatus => "New status",
            Column::Note => "Note",
            Column::Percent => "Percent complete",
            Column::RevisedDue => "Revised due date",
            Column::Reason => "Reason for new date",
            Column::Action => "Corrective action",
            Column::UpdateDate => "Update date",
        }
    }

    /// Filled in by the lead; the others are locked.
    pub fn is_filled_in(self) -> bool {
        self >= Column::NewStatus
    }

    /// Needed to read a return: the id, and every column filled in, so a
    /// deleted column is never mistaken for blanks.
    pub fn is_required(self) -> bool {
        self == Column::Id || self.is_filled_in()
    }

    /// What to write in the column, for the notes sheet.
    pub fn guidance(self) -> &'static str {
        match self {
            Column::Id => "The milestone's id. Do not change it.",
            Column::Milestone => "What will be delivered.",
            Column::Strategy => "The strategy the milestone belongs to.",
            Column::StatusNow => "The status last recorded.",
            Column::DueNow => "The due date in force (the last revised date, or the baseline).",
            Column::LastUpdate => "When the last update was recorded.",
            Column::LastNote => "The last note recorded.",
            Column::NewStatus => {
                "Pick from the list: not-started, on-target, at-risk, not-on-target, paused, \
                 complete or cancelled. Leave it blank to keep the status now."
            }
            Column::Note => {
                "What happened this quarter. Needed for complete (what was delivered) and \
                 cancelled (why)."
            }
            Column::Percent => "How far through the milestone is, a whole number from 0 to 100.",
            Column::RevisedDue => "A new due date, only if the date has moved (with a reason).",
            Column::Reason => "Why the due date moved. Needed with a revised due date.",
            Column::Action => "What is being done to bring the milestone back on track.",
            Column::UpdateDate => {
                "The date of this update; the quarter's last day unless you change it."
            }
        }
    }
}

/// The file name for an owner's return: `2025-26-Q3-hos-fostering.xlsx`.
/// Owner ids hold only letters, digits, `-`, `_` and `.` (the plan checks
/// see to it); anything else is replaced by `_`, and the period in front
/// keeps the name clear of names some systems reserve (`CON`, `NUL`).
pub fn file_name(period: crate::period::Quarter, owner: &str, extension: &str) -> String {
    let safe: String = owner
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "{}-{:02}-Q{}-{safe}.{extension}",
        period.year(),
        (period.year() + 1).rem_euclid(100),
        period.number()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_everywhere() {
        let q3: crate::period::Quarter = "2025/26-Q3".parse().unwrap();
        assert_eq!(
            file_name(q3, "hos-fostering", "xlsx"),
            "2025-26-Q3-hos-fostering.xlsx"
        );
        assert_eq!(file_name(q3, "con", "xlsx"), "2025-26-Q3-con.xlsx");
        assert_eq!(
            file_name(q3, "a/../b.c", "xlsx"),
            "2025-26-Q3-a____b_c.xlsx"
        );
    }

    #[test]
    fn headings_are_distinct_when_compared_loosely() {
        let mut keys: Vec<String> = Column::ALL
            .iter()
            .map(|c| crate::sheet::heading_key(c.heading()))
            .collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Column::ALL.len());
    }
}

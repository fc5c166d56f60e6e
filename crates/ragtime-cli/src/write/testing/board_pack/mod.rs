//! A made-up but realistic Corporate Parenting Board pack as at 30
//! September 2025, using every kind of cell, row and chart, a file per
//! kind of part: the headline and colour mix (`headline.rs`), progress and
//! exceptions (`progress.rs`), measures with trend charts (`measures.rs`),
//! and the changes since the last meeting and what is due before the next
//! (`meetings.rs`).

mod headline;
mod measures;
mod meetings;
mod progress;

use ragtime_core::report::*;

use super::cells::date;

/// A made-up Corporate Parenting Board pack as at 30 September 2025.
pub fn board_pack() -> Document {
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
            headline::summary(),
            progress::progress(),
            progress::exceptions(),
            measures::measures(),
            meetings::changes(),
            headline::colours(),
            meetings::due(),
        ],
        freshness: Some(Freshness {
            latest_update: Some(date(2025, 9, 26)),
            open_work: true,
            stale_after_days: 92,
        }),
    }
}

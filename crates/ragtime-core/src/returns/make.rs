//! Making the returns: each owner's live milestones for a quarter, with
//! what the log says of each, and the record of what was known.

use chrono::NaiveDate;

use crate::PlanSet;
use crate::model::{Milestone, OwnerIx, Status};
use crate::period::Quarter;

/// One owner's return for one quarter.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnBook {
    /// The owner's id.
    pub owner: String,
    /// The owner's role and organisation, for the sheet's title.
    pub role: String,
    pub org: String,
    pub period: Quarter,
    /// In plan order.
    pub rows: Vec<ReturnRow>,
}

/// One milestone in a return: what the lead is told, and what the record
/// keeps of its log.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnRow {
    pub id: String,
    pub title: String,
    /// `CPS Corporate Parenting Strategy 2025-2027`.
    pub strategy: String,
    pub status_now: Status,
    pub due_now: NaiveDate,
    pub last_update: Option<NaiveDate>,
    pub last_note: Option<String>,
    /// How many entries its log had when the return was made: an import
    /// that finds more knows the milestone changed since.
    pub log_entries: usize,
}

/// Whether a milestone is asked about in a quarter's return: added by the
/// quarter's end, and neither complete nor cancelled by its last update
/// (and, see [`make`], not in a closed strategy whose period is over).
fn is_live(m: &Milestone, period: Quarter) -> bool {
    let status = m.updates.last().map_or(Status::NotStarted, |u| u.status);
    m.added <= period.end() && !matches!(status, Status::Complete | Status::Cancelled)
}

/// The returns for `period`: one per owner with live milestones (or only
/// `owner`'s), owners in registry order. The whole log counts, whatever
/// its dates, so a return made late still shows the latest status.
pub fn make(plans: &PlanSet, period: Quarter, owner: Option<OwnerIx>) -> Vec<ReturnBook> {
    let model = &plans.model;
    let mut books: Vec<ReturnBook> = model
        .owners
        .iter()
        .enumerate()
        .filter(|(i, _)| owner.is_none_or(|o| o.index() == *i))
        .map(|(_, o)| ReturnBook {
            owner: o.id.clone(),
            role: o.role.clone(),
            org: o.org.clone(),
            period,
            rows: Vec::new(),
        })
        .collect();
    let book_of = |ix: OwnerIx| match owner {
        Some(only) => (only == ix).then_some(0),
        None => Some(ix.index()),
    };
    for (i, m) in model.milestones.iter().enumerate() {
        let Some(b) = book_of(m.owner) else { continue };
        let strategy = model.strategy(model.strategy_of_milestone(crate::MilestoneIx(i as u32)));
        // A closed strategy whose period is over reports its final
        // position: nothing more is asked of it.
        if !is_live(m, period) || strategy.is_closed_at(period.end()) {
            continue;
        }
        let last = m.updates.last();
        books[b].rows.push(ReturnRow {
            id: m.id.clone(),
            title: m.title.clone(),
            strategy: format!("{} {}", strategy.id, strategy.title),
            status_now: last.map_or(Status::NotStarted, |u| u.status),
            due_now: m.updates.iter().rev().find_map(|u| u.due).unwrap_or(m.due),
            last_update: last.map(|u| u.date),
            last_note: m.updates.iter().rev().find_map(|u| {
                u.note()
                    .filter(|n| !n.trim().is_empty())
                    .map(str::to_string)
            }),
            log_entries: m.updates.len(),
        });
    }
    books.retain(|b| !b.rows.is_empty());
    books
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::framed;

    const PLANS: &str = r#"[[owner]]
id = "lead"
role = "Head of Service"
org = "Council"

[[owner]]
id = "other"
role = "Team Manager"
org = "Council"

[[board]]
id = "b"
name = "Board"

[[milestone]]
id = "M1"
commitment = "S-C1"
title = "Open and on target"
owner = "lead"
added = 2025-01-06
due = 2025-06-30

  [[milestone.update]]
  date = 2025-03-31
  status = "on-target"
  by = "lead"
  note = "Started."

  [[milestone.update]]
  date = 2025-06-30
  status = "at-risk"
  by = "lead"
  due = 2025-12-31
  reason = "Moved."

[[milestone]]
id = "M2"
commitment = "S-C1"
title = "Done"
owner = "lead"
added = 2025-01-06
due = 2025-06-30

  [[milestone.update]]
  date = 2025-06-30
  status = "complete"
  by = "lead"
  note = "Delivered."

[[milestone]]
id = "M3"
commitment = "S-C1"
title = "Added after the quarter"
owner = "lead"
added = 2026-01-05
due = 2026-06-30

[[milestone]]
id = "M4"
commitment = "S-C1"
title = "Someone else's"
owner = "other"
added = 2025-01-06
due = 2025-12-31
"#;

    #[test]
    fn a_return_holds_each_owners_live_milestones() {
        let plans = framed("lead", "b", PLANS);
        let q3: Quarter = "2025/26-Q3".parse().unwrap();
        let books = make(&plans, q3, None);
        let ids: Vec<(&str, Vec<&str>)> = books
            .iter()
            .map(|b| {
                (
                    b.owner.as_str(),
                    b.rows.iter().map(|r| r.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(ids, [("lead", vec!["M1"]), ("other", vec!["M4"])]);
        let m1 = &books[0].rows[0];
        assert_eq!(m1.status_now, Status::AtRisk);
        assert_eq!(m1.due_now.to_string(), "2025-12-31");
        assert_eq!(m1.last_update.unwrap().to_string(), "2025-06-30");
        assert_eq!(m1.last_note.as_deref(), Some("Started."));
        assert_eq!(m1.log_entries, 2);
        assert_eq!(m1.strategy, "S Strategy");

        let other = plans
            .model
            .owners
            .iter()
            .position(|o| o.id == "other")
            .unwrap();
        let only = make(&plans, q3, Some(OwnerIx(other as u32)));
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].owner, "other");
        // A quarter after M3 was added asks about it too.
        let q4: Quarter = "2025/26-Q4".parse().unwrap();
        assert_eq!(make(&plans, q4, None)[0].rows.len(), 2);
    }
}

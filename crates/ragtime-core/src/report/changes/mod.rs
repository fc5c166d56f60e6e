//! Changes to the plan since a date, for a board's "changes since the last
//! meeting": milestones added, completed, cancelled, re-dated (with how often
//! each had been re-dated before: drift) and newly Red.
//!
//! A change since S, in a report as at A, is one recorded after S and on or
//! before A: the `added` date, or an entry of the update log. Ratings are
//! compared as at S and as at A by the same rules, so the list for a past
//! meeting comes out the same from today's files.
//!
//! Here: the list of [`changes`]; `section.rs`: the list as a section
//! ([`changes_section`]).

mod section;

use chrono::{Days, NaiveDate};

use crate::model::*;
use crate::rating::{Rating, Ratings, Rule};
use crate::rollup::Scope;

pub use section::changes_section;

/// What happened to a milestone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Put on the plan.
    Added,
    /// Now complete, and not complete at the start.
    Completed,
    /// Now cancelled, and not cancelled at the start.
    Cancelled,
    /// Its due date was revised.
    Redated,
    /// Red now, and not Red at the start (or not on the plan then).
    NewlyRed,
}

impl ChangeKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [ChangeKind; 5] = [
        ChangeKind::Added,
        ChangeKind::Completed,
        ChangeKind::Cancelled,
        ChangeKind::Redated,
        ChangeKind::NewlyRed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Completed => "completed",
            ChangeKind::Cancelled => "cancelled",
            ChangeKind::Redated => "re-dated",
            ChangeKind::NewlyRed => "newly Red",
        }
    }
}

/// One change to one milestone between two dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub milestone: MilestoneIx,
    /// When: the date it was added; the date of the update that completed,
    /// cancelled or (last) re-dated it; for newly Red, the date of the update
    /// that reported it not on target, or the first day past its due date.
    pub date: NaiveDate,
    /// Re-dated: the due date in force at the start (the baseline, if added
    /// since) and the one in force now.
    pub moved: Option<(NaiveDate, NaiveDate)>,
    /// How many times the due date was revised in the period.
    pub redated_in_period: usize,
    /// How many times it had been revised on or before the start: the drift
    /// before this period.
    pub redated_before: usize,
    /// The rating at the start; `None` when not on the plan then.
    pub was: Option<Rating>,
}

/// Every change to the milestones in `scope` after `then.as_of` and on or
/// before `now.as_of`, by kind (in [`ChangeKind::ALL`] order) and then in
/// plan order. A milestone appears once for each kind of change it had.
/// Nothing changes in a period that ends before it starts.
pub fn changes(model: &Model, scope: &Scope, then: &Ratings, now: &Ratings) -> Vec<Change> {
    let (since, as_of) = (then.as_of, now.as_of);
    let mut found = Vec::new();
    if since > as_of {
        return found;
    }
    for ix in scope.milestones(model) {
        let Some(r) = now.milestone(ix) else {
            continue;
        };
        let m = model.milestone(ix);
        let before = then.milestone(ix);
        let was = before.map(|b| b.rating);
        let in_period: Vec<&Update> = m
            .updates_as_of(as_of)
            .iter()
            .filter(|u| u.date > since)
            .collect();
        let redates: Vec<&Update> = in_period
            .iter()
            .copied()
            .filter(|u| u.due.is_some())
            .collect();
        let change = |kind, date| Change {
            kind,
            milestone: ix,
            date,
            moved: None,
            redated_in_period: redates.len(),
            redated_before: m.times_redated_as_of(since),
            was,
        };
        if before.is_none() {
            found.push(change(ChangeKind::Added, m.added));
        }
        for (kind, status, rating) in [
            (ChangeKind::Completed, Status::Complete, Rating::Blue),
            (ChangeKind::Cancelled, Status::Cancelled, Rating::Cancelled),
        ] {
            if r.rating == rating && was != Some(rating) {
                let date = became(m, status, since, as_of).map_or(as_of, |u| u.date);
                found.push(change(kind, date));
            }
        }
        if let Some(last) = redates.last() {
            let mut c = change(ChangeKind::Redated, last.date);
            c.moved = Some((m.due_as_of(since), r.due));
            found.push(c);
        }
        if r.rating == Rating::Red && was != Some(Rating::Red) {
            let date = match r.rule {
                Rule::NotOnTarget => became(m, Status::NotOnTarget, since, as_of).map(|u| u.date),
                _ => r.due.checked_add_days(Days::new(1)),
            };
            let start = since.checked_add_days(Days::new(1)).unwrap_or(since);
            found.push(change(
                ChangeKind::NewlyRed,
                date.map_or(start, |d| d.max(start)),
            ));
        }
    }
    found.sort_by_key(|c| (c.kind, c.milestone));
    found
}

/// The last update after `since` and on or before `as_of` that set the
/// status to `status` from another.
fn became(m: &Milestone, status: Status, since: NaiveDate, as_of: NaiveDate) -> Option<&Update> {
    let mut previous = m.status_as_of(since);
    let mut found = None;
    for u in m.updates_as_of(as_of).iter().filter(|u| u.date > since) {
        if u.status == status && previous != status {
            found = Some(u);
        }
        previous = u.status;
    }
    found
}

#[cfg(test)]
mod tests;

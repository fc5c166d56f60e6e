//! How fresh a report's data is: the date of the latest update in its
//! scope, stated among the facts of every report, and the warning the
//! command gives when the as-at date is further past it than the staleness
//! window (a report run as at today on plans last updated a year ago).
//!
//! An update is an entry of a milestone's update log dated on or before the
//! as-at date (see [`Freshness`]).

use chrono::NaiveDate;

use super::doc::{Document, Freshness};
use crate::model::{MilestoneIx, Model, Status};
use crate::settings::Settings;

impl Freshness {
    /// The freshness of `milestones` as at `as_at` (those added after it
    /// are not counted).
    pub fn of(
        model: &Model,
        settings: &Settings,
        as_at: NaiveDate,
        milestones: impl IntoIterator<Item = MilestoneIx>,
    ) -> Freshness {
        let mut latest_update = None;
        let mut open_work = false;
        for ix in milestones {
            let m = model.milestone(ix);
            if m.added > as_at {
                continue;
            }
            let updates = m.updates_as_of(as_at);
            latest_update = latest_update.max(updates.last().map(|u| u.date));
            let status = updates.last().map_or(Status::NotStarted, |u| u.status);
            open_work |= !matches!(status, Status::Complete | Status::Cancelled);
        }
        Freshness {
            latest_update,
            open_work,
            stale_after_days: settings.stale_after_days,
        }
    }

    /// Days from the latest update to `as_at`.
    pub fn days_before(&self, as_at: NaiveDate) -> Option<i64> {
        self.latest_update.map(|d| (as_at - d).num_days())
    }

    /// Whether the report rests on old data: some work is still open and
    /// the latest update (if any) is more than the staleness window before
    /// the as-at date.
    pub fn is_stale(&self, as_at: NaiveDate) -> bool {
        self.open_work
            && self
                .days_before(as_at)
                .is_none_or(|days| days > i64::from(self.stale_after_days))
    }

    /// The fact stated under the title: ("Latest update", "2025-09-26 (4
    /// days before the as-at date)").
    pub fn fact(&self, as_at: NaiveDate) -> (String, String) {
        let value = match (self.latest_update, self.days_before(as_at)) {
            (Some(date), Some(days)) => {
                let when = match days {
                    0 => "the as-at date itself".to_string(),
                    1 => "1 day before the as-at date".to_string(),
                    n => format!("{n} days before the as-at date"),
                };
                if self.is_stale(as_at) {
                    format!(
                        "{date} ({when}; older than the {}-day staleness window)",
                        self.stale_after_days
                    )
                } else {
                    format!("{date} ({when})")
                }
            }
            _ => "none on or before the as-at date".to_string(),
        };
        ("Latest update".to_string(), value)
    }

    /// What the command says on standard error when the report rests on
    /// old data; `what` names the report ("this pack", "this report").
    pub fn warning(&self, as_at: NaiveDate, what: &str) -> Option<String> {
        if !self.is_stale(as_at) {
            return None;
        }
        let said = match (self.latest_update, self.days_before(as_at)) {
            (Some(date), Some(days)) => format!(
                "the latest update in {what} is {date}, {days} days before the as-at date {as_at}"
            ),
            _ => {
                format!("no milestone in {what} has an update on or before the as-at date {as_at}")
            }
        };
        Some(format!(
            "{said}, more than the {}-day staleness window: its ratings rest on old data \
             (give `--as-of` or `--period` to report as at an earlier date)",
            self.stale_after_days
        ))
    }
}

impl Document {
    /// The warning about old data for this document, if it is stale.
    pub fn stale_warning(&self) -> Option<String> {
        let what = if self.kind == "board" {
            "this pack"
        } else {
            "this report"
        };
        self.freshness?.warning(self.as_at, what)
    }
}

/// `facts` with the freshness fact put after the "Period" fact (first when
/// there is none).
pub(crate) fn with_fact(
    mut facts: Vec<(String, String)>,
    freshness: &Freshness,
    as_at: NaiveDate,
) -> Vec<(String, String)> {
    let at = facts
        .iter()
        .position(|(label, _)| label == "Period")
        .map_or(0, |i| i + 1);
    facts.insert(at, freshness.fact(as_at));
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn fresh(latest: Option<&str>, open_work: bool) -> Freshness {
        Freshness {
            latest_update: latest.map(d),
            open_work,
            stale_after_days: 92,
        }
    }

    #[test]
    fn stale_only_past_the_window_and_with_work_open() {
        let as_at = d("2025-09-30");
        assert!(!fresh(Some("2025-06-30"), true).is_stale(as_at)); // 92 days
        assert!(fresh(Some("2025-06-29"), true).is_stale(as_at)); // 93 days
        assert!(!fresh(Some("2020-01-01"), false).is_stale(as_at));
        assert!(fresh(None, true).is_stale(as_at));
        assert!(!fresh(None, false).is_stale(as_at));
    }

    #[test]
    fn the_fact_and_the_warning_in_words() {
        let as_at = d("2026-11-29");
        let f = fresh(Some("2025-09-30"), true);
        assert_eq!(
            f.fact(as_at).1,
            "2025-09-30 (425 days before the as-at date; older than the 92-day staleness window)"
        );
        assert_eq!(
            f.warning(as_at, "this pack").unwrap(),
            "the latest update in this pack is 2025-09-30, 425 days before the as-at date \
             2026-11-29, more than the 92-day staleness window: its ratings rest on old data \
             (give `--as-of` or `--period` to report as at an earlier date)"
        );
        assert_eq!(
            fresh(Some("2025-09-30"), true).fact(d("2025-09-30")).1,
            "2025-09-30 (the as-at date itself)"
        );
        assert_eq!(
            fresh(None, true).fact(as_at).1,
            "none on or before the as-at date"
        );
        assert!(
            fresh(Some("2025-09-29"), true)
                .warning(d("2025-09-30"), "x")
                .is_none()
        );
    }

    #[test]
    fn the_fact_goes_after_the_period() {
        let f = fresh(Some("2025-09-30"), true);
        let facts = vec![
            ("Board".to_string(), "b".to_string()),
            ("Period".to_string(), "p".to_string()),
            ("Scale".to_string(), "s".to_string()),
        ];
        let labels: Vec<String> = with_fact(facts, &f, d("2025-09-30"))
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(labels, ["Board", "Period", "Latest update", "Scale"]);
    }
}

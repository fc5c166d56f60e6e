//! Where each recommendation stands as at a date: the ratings stage of the
//! recommendations pipeline. A response counts from its date; one still
//! awaited is overdue from the day after its window closes; delivery is
//! rolled up from the milestones that deliver it by the rollup rule, as
//! any commitment's is.

use chrono::NaiveDate;

use super::model::{Acceptance, Recommendation};
use crate::rating::{Ratings, days_text};
use crate::rollup::{Basis, Counts, Overall, Tree, overall};
use crate::settings::Settings;

/// Where a recommendation stands as at a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The executive's decision, given on or before the date.
    Responded(Acceptance),
    /// No response yet; the last day it is in time, if there is one.
    Awaiting { due: Option<NaiveDate> },
}

impl Standing {
    pub fn of(r: &Recommendation, as_of: NaiveDate, settings: &Settings) -> Standing {
        match r.response_as_of(as_of) {
            Some(resp) => Standing::Responded(resp.acceptance),
            None => Standing::Awaiting {
                due: r.response_due(settings.response_within_months),
            },
        }
    }

    /// Days past the last day of the window, for a response still awaited.
    pub fn overdue_days(self, as_of: NaiveDate) -> Option<i64> {
        match self {
            Standing::Awaiting { due: Some(due) } if as_of > due => Some((as_of - due).num_days()),
            _ => None,
        }
    }

    /// "accepted", "partly accepted", "awaiting, overdue by 12 days".
    pub fn words(self, as_of: NaiveDate) -> String {
        match self {
            Standing::Responded(a) => a.label().to_string(),
            Standing::Awaiting { .. } => match self.overdue_days(as_of) {
                Some(days) => format!("awaiting, overdue by {}", days_text(days)),
                None => "awaiting".to_string(),
            },
        }
    }

    /// Accepted in whole or in part by the date.
    pub fn accepted(self) -> bool {
        matches!(self, Standing::Responded(a) if a.is_accepted())
    }
}

/// The delivery of one recommendation as at the ratings' date: its
/// milestones counted by rating, and the overall rating by the rollup rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub counts: Counts,
    pub overall: Overall,
}

impl Delivery {
    pub fn of(r: &Recommendation, tree: &Tree, ratings: &Ratings, settings: &Settings) -> Delivery {
        let counts = Counts::of(ratings, r.delivering_milestones(tree));
        let overall = overall(&counts, settings);
        Delivery { counts, overall }
    }

    /// Every live milestone delivering it is complete.
    pub fn delivered(&self) -> bool {
        self.overall.basis == Basis::AllComplete
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::framed;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_response_counts_from_its_date_and_the_window_closes_after_its_last_day() {
        let plans = framed(
            "o",
            "b",
            r#"
[[owner]]
id = "o"
role = "Head of Service"
org = "Council"

[[board]]
id = "b"
name = "Board"

[[board]]
id = "scrutiny"
name = "Scrutiny"
reports-to = "b"

[[milestone]]
id = "S-M1"
commitment = "S-C1"
title = "M"
owner = "o"
added = 2024-01-01
due = 2026-01-01

[[recommendation]]
id = "R1"
committee = "scrutiny"
made = 2025-12-31
title = "T"
text = "X"

  [recommendation.response]
  decision = "partly-accepted"
  date = 2026-03-02
  by = "b"
  text = "Reasons."
"#,
        );
        let r = &plans.model.recommendations[0];
        let settings = Settings::default();
        let at = |date: &str| Standing::of(r, d(date), &settings);
        // Two months beginning with 31 December end with February.
        let due = Some(d("2026-02-28"));
        assert_eq!(at("2026-02-28"), Standing::Awaiting { due });
        assert_eq!(at("2026-02-28").overdue_days(d("2026-02-28")), None);
        assert_eq!(at("2026-03-01").overdue_days(d("2026-03-01")), Some(1));
        assert_eq!(
            at("2026-03-01").words(d("2026-03-01")),
            "awaiting, overdue by 1 day"
        );
        assert_eq!(
            at("2026-03-02"),
            Standing::Responded(Acceptance::PartlyAccepted)
        );
        assert!(at("2026-03-02").accepted());
        // A longer window moves the last day.
        let three = Settings {
            response_within_months: 3,
            ..Settings::default()
        };
        assert_eq!(
            Standing::of(r, d("2026-01-15"), &three),
            Standing::Awaiting {
                due: Some(d("2026-03-30"))
            }
        );
    }
}

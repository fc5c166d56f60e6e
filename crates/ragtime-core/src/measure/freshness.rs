//! Whether a measure's latest value is out of date: older than its
//! reporting frequency allows, with a grace period for the figure to come
//! in.

use chrono::NaiveDate;

use crate::model::Frequency;

/// How recent a measure's latest value is, for its reporting frequency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// No reporting frequency is declared: nothing to judge by.
    NotJudged,
    /// No value measured yet.
    NoValue,
    /// The latest value is `age_days` old, at most `allowed_days`.
    Current { age_days: i64, allowed_days: i64 },
    /// The latest value is `age_days` old, more than `allowed_days`: the
    /// value for at least one whole reporting period is missing.
    OutOfDate { age_days: i64, allowed_days: i64 },
}

impl Freshness {
    /// Judges a value dated `latest` as at `as_of`: out of date when it is
    /// more than the frequency's longest period plus `grace_days` old.
    pub fn judge(
        frequency: Option<Frequency>,
        latest: Option<NaiveDate>,
        as_of: NaiveDate,
        grace_days: u32,
    ) -> Freshness {
        let Some(frequency) = frequency else {
            return Freshness::NotJudged;
        };
        let Some(latest) = latest else {
            return Freshness::NoValue;
        };
        let age_days = (as_of - latest).num_days();
        let allowed_days = i64::from(frequency.period_days()) + i64::from(grace_days);
        if age_days > allowed_days {
            Freshness::OutOfDate {
                age_days,
                allowed_days,
            }
        } else {
            Freshness::Current {
                age_days,
                allowed_days,
            }
        }
    }

    pub fn is_out_of_date(self) -> bool {
        matches!(self, Freshness::OutOfDate { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn judge(frequency: Frequency, latest: &str, as_of: &str, grace: u32) -> Freshness {
        Freshness::judge(Some(frequency), Some(d(latest)), d(as_of), grace)
    }

    #[test]
    fn out_of_date_is_strictly_more_than_the_period_and_the_grace() {
        // 30 June to 31 October is 123 days: 92 + 31, still current.
        assert_eq!(
            judge(Frequency::Quarterly, "2025-06-30", "2025-10-31", 31),
            Freshness::Current {
                age_days: 123,
                allowed_days: 123
            }
        );
        assert!(judge(Frequency::Quarterly, "2025-06-30", "2025-11-01", 31).is_out_of_date());
        // The quarter before last is out of date at a quarter end.
        assert!(judge(Frequency::Quarterly, "2025-03-31", "2025-09-30", 31).is_out_of_date());
        // Without grace, a quarter's value is current on the next quarter
        // end and out of date the day after.
        assert!(!judge(Frequency::Quarterly, "2025-06-30", "2025-09-30", 0).is_out_of_date());
        assert!(judge(Frequency::Quarterly, "2025-06-30", "2025-10-01", 0).is_out_of_date());
    }

    #[test]
    fn each_frequency_allows_its_longest_period() {
        let cases = [
            // 31 + 31 days.
            (Frequency::Monthly, "2025-08-31", "2025-11-01", "2025-11-02"),
            // 153 + 31 days.
            (Frequency::Termly, "2025-07-31", "2026-01-31", "2026-02-01"),
            // 184 + 31 days.
            (
                Frequency::SixMonthly,
                "2025-03-31",
                "2025-11-01",
                "2025-11-02",
            ),
            // 366 + 31 days.
            (Frequency::Annual, "2024-03-31", "2025-05-02", "2025-05-03"),
        ];
        for (frequency, latest, last_current, first_out) in cases {
            assert!(
                !judge(frequency, latest, last_current, 31).is_out_of_date(),
                "{frequency} {last_current}"
            );
            assert!(
                judge(frequency, latest, first_out, 31).is_out_of_date(),
                "{frequency} {first_out}"
            );
        }
    }

    #[test]
    fn no_frequency_or_no_value_is_not_judged_out_of_date() {
        let as_of = d("2025-09-30");
        assert_eq!(
            Freshness::judge(None, Some(d("2019-03-31")), as_of, 31),
            Freshness::NotJudged
        );
        assert_eq!(
            Freshness::judge(Some(Frequency::Annual), None, as_of, 31),
            Freshness::NoValue
        );
    }
}

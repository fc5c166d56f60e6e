//! The two meeting dates of a pack: the last meeting (changes are listed
//! after it) and the next (what is due is listed up to it), given or taken
//! by default, and what is wrong with them.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::model::Cadence;
use crate::period::Quarter;
use crate::report::Context;

/// What is wrong with the dates asked for a pack.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PackError {
    #[error(
        "the last meeting ({since}) is after the as-at date {as_of}; changes are listed from the last meeting up to the as-at date, so give a date on or before it"
    )]
    SinceAfterAsAt { since: NaiveDate, as_of: NaiveDate },
    #[error(
        "the next meeting ({next}) is before the as-at date {as_of}; what is due is listed from the as-at date up to the next meeting, so give a date on or after it"
    )]
    NextBeforeAsAt { next: NaiveDate, as_of: NaiveDate },
    #[error("no next meeting date can be worked out after {as_of}")]
    NoNextMeeting { as_of: NaiveDate },
}

/// The two meeting dates of a pack; `None` takes the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PackDates {
    /// The last meeting: changes are listed after this date.
    pub since: Option<NaiveDate>,
    /// The next meeting: what is due up to this date is listed.
    pub next: Option<NaiveDate>,
}

impl PackDates {
    /// The last and the next meeting: as given, or the last quarter end
    /// before the as-at date and [`next_meeting`] by the board's cadence.
    /// The last may not be after the as-at date, nor the next before it.
    pub(super) fn resolve(
        self,
        ctx: &Context,
        meets: Option<Cadence>,
    ) -> Result<(NaiveDate, NaiveDate), PackError> {
        let as_of = ctx.as_of;
        let since = self.since.unwrap_or_else(|| ctx.previous_date());
        if since > as_of {
            return Err(PackError::SinceAfterAsAt { since, as_of });
        }
        let next = match self.next {
            Some(next) => next,
            None => next_meeting(meets, as_of).ok_or(PackError::NoNextMeeting { as_of })?,
        };
        if next < as_of {
            return Err(PackError::NextBeforeAsAt { next, as_of });
        }
        Ok((since, next))
    }
}

/// The next meeting, when not given: the as-at date plus the board's
/// cadence (monthly one month, six-weekly 42 days, bimonthly two months,
/// quarterly three, termly four, twice-yearly six, annually twelve); a month
/// on from the last day of a month is the last day of that month (30
/// September plus three months is 31 December). A board with no cadence, or
/// one that meets as needed, takes the next quarter end after the as-at date.
pub fn next_meeting(meets: Option<Cadence>, as_of: NaiveDate) -> Option<NaiveDate> {
    let months = |n: u32| {
        let next_day = as_of.checked_add_days(Days::new(1))?;
        if next_day.month0() != as_of.month0() {
            // The last day of a month: keep to month ends.
            next_day
                .checked_add_months(Months::new(n))?
                .checked_sub_days(Days::new(1))
        } else {
            as_of.checked_add_months(Months::new(n))
        }
    };
    match meets {
        Some(Cadence::Monthly) => months(1),
        Some(Cadence::SixWeekly) => as_of.checked_add_days(Days::new(42)),
        Some(Cadence::Bimonthly) => months(2),
        Some(Cadence::Quarterly) => months(3),
        Some(Cadence::Termly) => months(4),
        Some(Cadence::TwiceYearly) => months(6),
        Some(Cadence::Annually) => months(12),
        Some(Cadence::AsNeeded) | None => {
            let q = Quarter::containing(as_of).ok()?;
            Some(if as_of < q.end() {
                q.end()
            } else {
                q.next().end()
            })
        }
    }
}

pub(super) fn cadence_text(meets: Option<Cadence>) -> &'static str {
    match meets {
        Some(Cadence::Monthly) => "meets monthly: one month after the as-at date",
        Some(Cadence::SixWeekly) => "meets six-weekly: 42 days after the as-at date",
        Some(Cadence::Bimonthly) => "meets every two months: two months after the as-at date",
        Some(Cadence::Quarterly) => "meets quarterly: three months after the as-at date",
        Some(Cadence::Termly) => "meets termly: four months after the as-at date",
        Some(Cadence::TwiceYearly) => "meets twice a year: six months after the as-at date",
        Some(Cadence::Annually) => "meets annually: a year after the as-at date",
        Some(Cadence::AsNeeded) => "meets as needed: the next quarter end",
        None => "no meeting cadence set: the next quarter end",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_next_meeting_follows_the_cadence() {
        let cases = [
            (Some(Cadence::Monthly), "2025-09-30", "2025-10-31"),
            (Some(Cadence::Monthly), "2025-09-15", "2025-10-15"),
            (Some(Cadence::Monthly), "2026-01-31", "2026-02-28"),
            (Some(Cadence::SixWeekly), "2025-09-30", "2025-11-11"),
            (Some(Cadence::Bimonthly), "2025-09-30", "2025-11-30"),
            (Some(Cadence::Quarterly), "2025-09-30", "2025-12-31"),
            (Some(Cadence::Quarterly), "2025-11-30", "2026-02-28"),
            (Some(Cadence::Quarterly), "2025-10-20", "2026-01-20"),
            (Some(Cadence::Termly), "2025-09-30", "2026-01-31"),
            (Some(Cadence::TwiceYearly), "2025-09-30", "2026-03-31"),
            (Some(Cadence::Annually), "2024-02-29", "2025-02-28"),
            (Some(Cadence::AsNeeded), "2025-09-30", "2025-12-31"),
            (None, "2025-09-30", "2025-12-31"),
            (None, "2025-10-20", "2025-12-31"),
            (None, "2026-03-31", "2026-06-30"),
        ];
        for (meets, as_of, next) in cases {
            assert_eq!(
                next_meeting(meets, d(as_of)),
                Some(d(next)),
                "{meets:?} from {as_of}"
            );
        }
    }
}

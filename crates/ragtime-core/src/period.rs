//! UK public-sector reporting periods: the financial year (1 April to 31
//! March, written `2025/26`) and its quarters (`2025/26-Q2`), with the
//! comparisons boards make: the previous quarter and the same quarter last
//! year.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// Earliest and latest calendar year a financial year may start in. Keeping
/// to four-digit years means every quarter, its neighbours and their dates
/// exist, so nothing below can fail.
pub const MIN_YEAR: i32 = 1000;
pub const MAX_YEAR: i32 = 9998;

/// What is wrong with a period or date given by the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    #[error("`{0}` is not a period: write the financial year and quarter, like `2025/26-Q2`")]
    Format(String),
    #[error(
        "`{input}`: a financial year ends the year after it starts (did you mean `{start}/{expected:02}`?)"
    )]
    Years {
        input: String,
        start: i32,
        expected: i32,
    },
    #[error(
        "`{input}`: there is no quarter `{quarter}`; quarters are Q1 (April-June) to Q4 (January-March)"
    )]
    Quarter { input: String, quarter: String },
    #[error("`{0}` is outside the years {MIN_YEAR} to {MAX_YEAR}")]
    OutOfRange(String),
    #[error(
        "`{0}` is not a financial year: write the year it starts and the year it ends, like `2025/26`"
    )]
    YearFormat(String),
}

/// One quarter of a UK financial year: Q1 = April-June, Q2 = July-September,
/// Q3 = October-December, Q4 = January-March of the next calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The calendar year the financial year starts in (2025 for 2025/26).
    year: i32,
    /// 1 to 4.
    q: u8,
}

impl Quarter {
    /// Quarter `q` (1 to 4) of the financial year starting in April of `year`.
    pub fn new(year: i32, q: u8) -> Result<Quarter, PeriodError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(PeriodError::OutOfRange(fy_label(year)));
        }
        if !(1..=4).contains(&q) {
            return Err(PeriodError::Quarter {
                input: format!("{}-Q{q}", fy_label(year)),
                quarter: format!("Q{q}"),
            });
        }
        Ok(Quarter { year, q })
    }

    /// The quarter a date falls in.
    pub fn containing(date: NaiveDate) -> Result<Quarter, PeriodError> {
        let (year, q) = match date.month() {
            1..=3 => (date.year() - 1, 4),
            m => (date.year(), ((m - 4) / 3 + 1) as u8),
        };
        Quarter::new(year, q).map_err(|_| PeriodError::OutOfRange(date.to_string()))
    }

    /// The calendar year the financial year starts in.
    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 to 4.
    pub fn number(self) -> u8 {
        self.q
    }

    /// The first day of the quarter.
    pub fn start(self) -> NaiveDate {
        let (year, month) = match self.q {
            4 => (self.year + 1, 1),
            q => (self.year, 4 + 3 * (u32::from(q) - 1)),
        };
        date(year, month, 1)
    }

    /// The last day of the quarter: 30 June, 30 September, 31 December or
    /// 31 March. Reports are usually "as at" this date.
    pub fn end(self) -> NaiveDate {
        match self.q {
            1 => date(self.year, 6, 30),
            2 => date(self.year, 9, 30),
            3 => date(self.year, 12, 31),
            _ => date(self.year + 1, 3, 31),
        }
    }

    /// The quarter before, across a year end (Q1 2025/26 -> Q4 2024/25).
    /// The year may step below [`MIN_YEAR`]; the dates still exist.
    pub fn previous(self) -> Quarter {
        match self.q {
            1 => Quarter {
                year: self.year - 1,
                q: 4,
            },
            q => Quarter {
                year: self.year,
                q: q - 1,
            },
        }
    }

    /// The quarter after, across a year end (Q4 2025/26 -> Q1 2026/27).
    /// The year may step above [`MAX_YEAR`]; the dates still exist.
    pub fn next(self) -> Quarter {
        match self.q {
            4 => Quarter {
                year: self.year + 1,
                q: 1,
            },
            q => Quarter {
                year: self.year,
                q: q + 1,
            },
        }
    }

    /// The same quarter of the financial year before.
    pub fn year_earlier(self) -> Quarter {
        Quarter {
            year: self.year - 1,
            q: self.q,
        }
    }

    /// True when `date` falls in this quarter.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }
}

/// A UK financial year, 1 April to 31 March, written `2025/26`: what
/// budgets and savings are set for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear {
    /// The calendar year it starts in (2025 for 2025/26).
    year: i32,
}

impl FinancialYear {
    /// The financial year starting in April of `year`.
    pub fn new(year: i32) -> Result<FinancialYear, PeriodError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(PeriodError::OutOfRange(fy_label(year)));
        }
        Ok(FinancialYear { year })
    }

    /// The financial year a date falls in.
    pub fn containing(date: NaiveDate) -> Result<FinancialYear, PeriodError> {
        Quarter::containing(date).map(Quarter::financial_year)
    }

    /// The calendar year it starts in.
    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 April.
    pub fn start(self) -> NaiveDate {
        date(self.year, 4, 1)
    }

    /// 31 March of the next calendar year.
    pub fn end(self) -> NaiveDate {
        date(self.year + 1, 3, 31)
    }

    /// True when `date` falls in this year.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// True when any day of the year falls from `from` to `to`.
    pub fn overlaps(self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start() <= to && from <= self.end()
    }
}

impl Quarter {
    /// The financial year the quarter belongs to.
    pub fn financial_year(self) -> FinancialYear {
        FinancialYear { year: self.year }
    }
}

impl fmt::Display for FinancialYear {
    /// `2025/26`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fy_label(self.year))
    }
}

impl FromStr for FinancialYear {
    type Err = PeriodError;

    /// Reads `2025/26`; also `2025/2026`.
    fn from_str(s: &str) -> Result<FinancialYear, PeriodError> {
        let input = s.trim();
        let format = || PeriodError::YearFormat(input.to_string());
        let (start, end) = input.split_once('/').ok_or_else(format)?;
        let (start, end) = (start.trim(), end.trim());
        if start.len() != 4 || !start.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format());
        }
        if !matches!(end.len(), 2 | 4) || !end.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format());
        }
        let start: i32 = start.parse().map_err(|_| format())?;
        let end: i32 = end.parse().map_err(|_| format())?;
        let expected = start + 1;
        let follows = if end >= 100 {
            end == expected
        } else {
            end == expected.rem_euclid(100)
        };
        if !follows {
            return Err(PeriodError::Years {
                input: input.to_string(),
                start,
                expected: expected.rem_euclid(100),
            });
        }
        FinancialYear::new(start).map_err(|_| PeriodError::OutOfRange(input.to_string()))
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("quarter dates exist for every year in range")
}

/// `2025/26`.
fn fy_label(year: i32) -> String {
    format!("{year}/{:02}", (year + 1).rem_euclid(100))
}

impl fmt::Display for Quarter {
    /// `2025/26 Q2`: how reports name a quarter.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} Q{}", fy_label(self.year), self.q)
    }
}

impl FromStr for Quarter {
    type Err = PeriodError;

    /// Reads `2025/26-Q2`; also `2025/26 Q2`, `2025/2026-Q2` and a lower-case
    /// `q`, since all are seen in council papers.
    fn from_str(s: &str) -> Result<Quarter, PeriodError> {
        let input = s.trim();
        let format = || PeriodError::Format(input.to_string());
        let (fy, quarter) = input
            .split_once(['-', ' '])
            .map(|(a, b)| (a.trim(), b.trim()))
            .ok_or_else(format)?;
        let (start, end) = fy.split_once('/').ok_or_else(format)?;
        if start.len() != 4 || !start.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format());
        }
        if !matches!(end.len(), 2 | 4) || !end.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format());
        }
        let start: i32 = start.parse().map_err(|_| format())?;
        let end: i32 = end.parse().map_err(|_| format())?;
        let expected = start + 1;
        let follows = if end >= 100 {
            end == expected
        } else {
            end == expected.rem_euclid(100)
        };
        if !follows {
            return Err(PeriodError::Years {
                input: input.to_string(),
                start,
                expected: expected.rem_euclid(100),
            });
        }
        let q = quarter
            .strip_prefix(['Q', 'q'])
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=4).contains(n))
            .ok_or_else(|| PeriodError::Quarter {
                input: input.to_string(),
                quarter: quarter.to_string(),
            })?;
        Quarter::new(start, q).map_err(|_| PeriodError::OutOfRange(input.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn q(s: &str) -> Quarter {
        s.parse().unwrap()
    }

    #[test]
    fn parses_the_written_forms() {
        assert_eq!(q("2025/26-Q2"), Quarter::new(2025, 2).unwrap());
        assert_eq!(q("2025/26 Q2"), Quarter::new(2025, 2).unwrap());
        assert_eq!(q(" 2025/2026-q2 "), Quarter::new(2025, 2).unwrap());
        assert_eq!(q("1999/00-Q4"), Quarter::new(1999, 4).unwrap());
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        assert!(matches!(
            "2025-Q2".parse::<Quarter>(),
            Err(PeriodError::Format(_))
        ));
        assert!(matches!(
            "Q2".parse::<Quarter>(),
            Err(PeriodError::Format(_))
        ));
        assert!(matches!(
            "25/26-Q2".parse::<Quarter>(),
            Err(PeriodError::Format(_))
        ));
        assert_eq!(
            "2025/27-Q2".parse::<Quarter>(),
            Err(PeriodError::Years {
                input: "2025/27-Q2".into(),
                start: 2025,
                expected: 26
            })
        );
        assert!(matches!(
            "2025/26-Q5".parse::<Quarter>(),
            Err(PeriodError::Quarter { .. })
        ));
        assert!(matches!(
            "2025/26-Q0".parse::<Quarter>(),
            Err(PeriodError::Quarter { .. })
        ));
        assert!(matches!(
            "9999/00-Q1".parse::<Quarter>(),
            Err(PeriodError::OutOfRange(_))
        ));
    }

    #[test]
    fn quarter_dates_follow_the_financial_year() {
        assert_eq!(
            (q("2025/26-Q1").start(), q("2025/26-Q1").end()),
            (d("2025-04-01"), d("2025-06-30"))
        );
        assert_eq!(
            (q("2025/26-Q2").start(), q("2025/26-Q2").end()),
            (d("2025-07-01"), d("2025-09-30"))
        );
        assert_eq!(
            (q("2025/26-Q3").start(), q("2025/26-Q3").end()),
            (d("2025-10-01"), d("2025-12-31"))
        );
        assert_eq!(
            (q("2025/26-Q4").start(), q("2025/26-Q4").end()),
            (d("2026-01-01"), d("2026-03-31"))
        );
    }

    #[test]
    fn quarter_boundaries_belong_to_the_right_quarter() {
        assert_eq!(
            Quarter::containing(d("2025-03-31")).unwrap(),
            q("2024/25-Q4")
        );
        assert_eq!(
            Quarter::containing(d("2025-04-01")).unwrap(),
            q("2025/26-Q1")
        );
        assert_eq!(
            Quarter::containing(d("2025-06-30")).unwrap(),
            q("2025/26-Q1")
        );
        assert_eq!(
            Quarter::containing(d("2025-07-01")).unwrap(),
            q("2025/26-Q2")
        );
        assert_eq!(
            Quarter::containing(d("2025-12-31")).unwrap(),
            q("2025/26-Q3")
        );
        assert_eq!(
            Quarter::containing(d("2026-01-01")).unwrap(),
            q("2025/26-Q4")
        );
    }

    #[test]
    fn leap_day_falls_in_q4_of_the_year_before() {
        let leap = Quarter::containing(d("2024-02-29")).unwrap();
        assert_eq!(leap, q("2023/24-Q4"));
        assert_eq!(leap.end(), d("2024-03-31"));
        assert!(leap.contains(d("2024-02-29")));
    }

    #[test]
    fn previous_next_and_year_earlier_cross_year_ends() {
        assert_eq!(q("2025/26-Q1").previous(), q("2024/25-Q4"));
        assert_eq!(q("2025/26-Q2").previous(), q("2025/26-Q1"));
        assert_eq!(q("2025/26-Q4").previous(), q("2025/26-Q3"));
        assert_eq!(q("2025/26-Q3").next(), q("2025/26-Q4"));
        assert_eq!(q("2025/26-Q4").next(), q("2026/27-Q1"));
        assert_eq!(q("2025/26-Q4").next().previous(), q("2025/26-Q4"));
        assert_eq!(
            Quarter::new(MAX_YEAR, 4).unwrap().next().end(),
            d("9999-06-30")
        );
        assert_eq!(q("2025/26-Q2").year_earlier(), q("2024/25-Q2"));
        assert_eq!(q("2025/26-Q2").year_earlier().end(), d("2024-09-30"));
    }

    #[test]
    fn displays_as_reports_name_it() {
        assert_eq!(q("2025/26-Q2").to_string(), "2025/26 Q2");
        assert_eq!(q("1999/00-Q1").to_string(), "1999/00 Q1");
    }

    #[test]
    fn financial_years_read_and_bound() {
        let fy: FinancialYear = "2024/25".parse().unwrap();
        assert_eq!(fy, "2024/2025".parse().unwrap());
        assert_eq!((fy.start(), fy.end()), (d("2024-04-01"), d("2025-03-31")));
        assert_eq!(fy.to_string(), "2024/25");
        assert_eq!(FinancialYear::containing(d("2025-03-31")).unwrap(), fy);
        assert_eq!(q("2024/25-Q4").financial_year(), fy);
        assert!(fy.overlaps(d("2025-01-01"), d("2027-12-31")));
        assert!(!fy.overlaps(d("2025-04-01"), d("2027-12-31")));
        assert!(matches!(
            "2024-25".parse::<FinancialYear>(),
            Err(PeriodError::YearFormat(_))
        ));
        assert!(matches!(
            "2024/26".parse::<FinancialYear>(),
            Err(PeriodError::Years { .. })
        ));
        assert!(matches!(
            "24/25".parse::<FinancialYear>(),
            Err(PeriodError::YearFormat(_))
        ));
    }

    #[test]
    fn dates_outside_the_range_are_errors_not_panics() {
        assert!(Quarter::containing(NaiveDate::MAX).is_err());
        assert!(Quarter::containing(NaiveDate::MIN).is_err());
    }
}

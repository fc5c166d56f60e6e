//! Exact amounts of money: whole pence in an `i64`, read from text written
//! the way council papers quote it (`GBP 1.3m`, `GBP 368,000`, `£2.5k`) and
//! written back the same way. No amount ever passes through a float: the
//! digits are read as digits and scaled by whole powers of ten.

use std::fmt;
use std::str::FromStr;

/// An amount of money in pence, exact. Negative only for a difference (a
/// variance, an underspend); the records say where that is allowed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

/// What is wrong with an amount as written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    #[error("no currency: write `GBP` (or `£`) before the figure")]
    NoCurrency,
    #[error(
        "`{0}` is not a figure: write digits, with commas between thousands if you like, and `m` or `k` after"
    )]
    NotAFigure(String),
    #[error("a fraction of a penny: money is exact to the penny")]
    FractionOfAPenny,
    #[error("too large to be an amount of money")]
    TooLarge,
}

/// Pence in a pound, a thousand pounds, a million, a billion.
const POUND: i64 = 100;

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_pence(pence: i64) -> Money {
        Money(pence)
    }

    pub fn from_pounds(pounds: i64) -> Option<Money> {
        pounds.checked_mul(POUND).map(Money)
    }

    pub fn pence(self) -> i64 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// The sum of `amounts`, or `None` if it does not fit.
    pub fn sum(amounts: impl IntoIterator<Item = Money>) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// The amount in millions of pounds as an exact decimal with at least
    /// `min_decimals` places and as many more as it needs (at most eight,
    /// a penny being 0.00000001 million): `212.8`, `0.368`, `-2.0`.
    pub fn millions(self, min_decimals: usize) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let pence = self.0.unsigned_abs();
        let per_million = 100_000_000u64;
        let whole = pence / per_million;
        let fraction = format!("{:08}", pence % per_million);
        let needed = fraction.trim_end_matches('0').len();
        let places = needed.max(min_decimals).min(8);
        if places == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{}", &fraction[..places])
        }
    }

    /// How many decimal places [`Money::millions`] needs to be exact.
    pub fn decimals_in_millions(self) -> usize {
        let fraction = format!("{:08}", self.0.unsigned_abs() % 100_000_000);
        fraction.trim_end_matches('0').len()
    }
}

/// `1,300,000`: whole pounds with commas between thousands.
fn grouped(pounds: u64) -> String {
    let digits = pounds.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Money {
    /// The amount as it would be written in a plan file, exact: `GBP 1.3m`
    /// for whole thousands of a million or more, else `GBP 368,000` or
    /// `GBP 1,234.56`; a minus sign in front when negative.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let pence = self.0.unsigned_abs();
        let pounds = pence / 100;
        if pence.is_multiple_of(100) && pounds >= 1_000_000 && pounds.is_multiple_of(1000) {
            return write!(f, "{sign}GBP {}m", Money(pence as i64).millions(0));
        }
        if pence.is_multiple_of(100) {
            write!(f, "{sign}GBP {}", grouped(pounds))
        } else {
            write!(f, "{sign}GBP {}.{:02}", grouped(pounds), pence % 100)
        }
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    /// Reads `GBP 1.3m`, `GBP 1,300,000`, `£1.3m`, `GBP 368k`, `GBP 12.50`,
    /// `-GBP 2m` or `GBP -2m`. The suffix `k` is thousands, `m` millions
    /// and `bn` billions; case and the spaces around the currency and the
    /// suffix do not count.
    fn from_str(s: &str) -> Result<Money, MoneyError> {
        let mut rest = s.trim();
        let mut negative = false;
        if let Some(r) = rest.strip_prefix('-') {
            negative = true;
            rest = r.trim_start();
        }
        rest = if let Some(r) = rest.strip_prefix('£') {
            r
        } else if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case("GBP") {
            &rest[3..]
        } else {
            return Err(MoneyError::NoCurrency);
        };
        rest = rest.trim_start();
        if !negative && let Some(r) = rest.strip_prefix('-') {
            negative = true;
            rest = r.trim_start();
        }
        let lower = rest.to_ascii_lowercase();
        let (figure, scale) = if let Some(f) = lower.strip_suffix("bn") {
            (f, 1_000_000_000)
        } else if let Some(f) = lower.strip_suffix('m') {
            (f, 1_000_000)
        } else if let Some(f) = lower.strip_suffix('k') {
            (f, 1_000)
        } else {
            (lower.as_str(), 1)
        };
        let figure = figure.trim_end();
        let bad = || MoneyError::NotAFigure(figure.to_string());
        let (whole, fraction) = match figure.split_once('.') {
            Some((w, f)) => (w, f),
            None => (figure, ""),
        };
        if whole.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        if figure.contains('.') && fraction.is_empty() {
            return Err(bad());
        }
        let digits = thousands(whole).ok_or_else(bad)?;
        // The figure is `digits.fraction` pounds times `scale`: in pence,
        // (digits * 10^f + fraction) * scale * 100 / 10^f, which must be a
        // whole number.
        let places = u32::try_from(fraction.len()).map_err(|_| MoneyError::TooLarge)?;
        let tens = 10i128
            .checked_pow(places)
            .ok_or(MoneyError::FractionOfAPenny)?;
        let whole_part: i128 = digits.parse().map_err(|_| MoneyError::TooLarge)?;
        let fraction_part: i128 = if fraction.is_empty() {
            0
        } else {
            fraction.parse().map_err(|_| MoneyError::FractionOfAPenny)?
        };
        let numerator = whole_part
            .checked_mul(tens)
            .and_then(|w| w.checked_add(fraction_part))
            .and_then(|n| n.checked_mul(i128::from(scale) * 100))
            .ok_or(MoneyError::TooLarge)?;
        if numerator % tens != 0 {
            return Err(MoneyError::FractionOfAPenny);
        }
        let pence = numerator / tens;
        let pence = if negative { -pence } else { pence };
        i64::try_from(pence)
            .map(Money)
            .map_err(|_| MoneyError::TooLarge)
    }
}

/// The digits of a whole number written with or without commas between
/// thousands (`1,300,000` or `1300000`, not `13,00,000`).
fn thousands(whole: &str) -> Option<String> {
    if !whole.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    if whole.contains(',') {
        let groups: Vec<&str> = whole.split(',').collect();
        let first = groups[0];
        if first.is_empty() || first.len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    Some(whole.replace(',', ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(s: &str) -> i64 {
        s.parse::<Money>().unwrap().pence()
    }

    #[test]
    fn amounts_read_as_papers_write_them() {
        assert_eq!(m("GBP 1.3m"), 130_000_000);
        assert_eq!(m("£1.3m"), 130_000_000);
        assert_eq!(m("GBP 212.8m"), 21_280_000_000);
        assert_eq!(m("gbp 368,000"), 36_800_000);
        assert_eq!(m("GBP 368k"), 36_800_000);
        assert_eq!(m("GBP 12.50"), 1_250);
        assert_eq!(m("GBP 1.23456789m"), 123_456_789);
        assert_eq!(m("GBP 0.5bn"), 50_000_000_000);
        assert_eq!(m("GBP 1.3 m"), 130_000_000);
        assert_eq!(m("-GBP 2m"), -200_000_000);
        assert_eq!(m("GBP -2m"), -200_000_000);
        assert_eq!(m("GBP 0"), 0);
    }

    #[test]
    fn what_is_not_money_is_refused_with_the_reason() {
        assert_eq!("1.3m".parse::<Money>(), Err(MoneyError::NoCurrency));
        assert_eq!("USD 5".parse::<Money>(), Err(MoneyError::NoCurrency));
        assert!(matches!(
            "GBP 1.3x".parse::<Money>(),
            Err(MoneyError::NotAFigure(_))
        ));
        assert!(matches!(
            "GBP 13,00,000".parse::<Money>(),
            Err(MoneyError::NotAFigure(_))
        ));
        assert!(matches!(
            "GBP 1.".parse::<Money>(),
            Err(MoneyError::NotAFigure(_))
        ));
        assert!(matches!(
            "GBP".parse::<Money>(),
            Err(MoneyError::NotAFigure(_))
        ));
        assert_eq!(
            "GBP 1.005".parse::<Money>(),
            Err(MoneyError::FractionOfAPenny)
        );
        assert_eq!(
            "GBP 1.234567891m".parse::<Money>(),
            Err(MoneyError::FractionOfAPenny)
        );
        assert_eq!(
            "GBP 99999999999999999999".parse::<Money>(),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(
            "GBP 0.1234567890123456789012345678901234567890".parse::<Money>(),
            Err(MoneyError::FractionOfAPenny)
        );
    }

    #[test]
    fn amounts_are_shown_exactly() {
        assert_eq!(Money::from_pence(130_000_000).to_string(), "GBP 1.3m");
        assert_eq!(Money::from_pence(36_800_000).to_string(), "GBP 368,000");
        assert_eq!(Money::from_pence(123_456).to_string(), "GBP 1,234.56");
        assert_eq!(Money::from_pence(-200_000_000).to_string(), "-GBP 2m");
        assert_eq!(Money::from_pence(21_280_000_000).millions(1), "212.8");
        assert_eq!(Money::from_pence(36_800_000).millions(1), "0.368");
        assert_eq!(Money::from_pence(-200_000_000).millions(1), "-2.0");
        assert_eq!(Money::from_pence(1).millions(0), "0.00000001");
    }

    proptest! {
        /// Any amount written out reads back as the same amount, in both
        /// forms: no figure is rounded on the way.
        #[test]
        fn written_amounts_read_back_exactly(pence in -(1i64 << 52)..(1i64 << 52)) {
            let money = Money::from_pence(pence);
            prop_assert_eq!(money.to_string().parse::<Money>(), Ok(money));
            let millions = format!("GBP {}m", money.millions(0));
            prop_assert_eq!(millions.parse::<Money>(), Ok(money));
        }

        /// Commas between thousands change nothing.
        #[test]
        fn commas_change_nothing(pounds in 0u64..1_000_000_000_000) {
            let plain: Money = format!("GBP {pounds}").parse().unwrap();
            let commas: Money = format!("GBP {}", grouped(pounds)).parse().unwrap();
            prop_assert_eq!(plain, commas);
        }
    }
}

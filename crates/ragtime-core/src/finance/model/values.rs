//! Values the money records share, read from the raw records with a
//! finding for each problem: amounts (exact, never from a number), financial
//! years, quarters, the date of a log entry, and log entries in date order.

use chrono::NaiveDate;
use toml::Spanned;

use crate::build::builder::Builder;
use crate::diag::{Code, Diagnostic};
use crate::model::*;
use crate::period::{FinancialYear, Quarter};
use crate::raw::SpannedStr;
use crate::source::{FileId, Loc};

use super::super::money::{Money, MoneyError};
use super::super::raw::*;

pub(super) fn at<T>(file: FileId, s: &Spanned<T>) -> Loc {
    Loc::new(file, s.span())
}

/// The kinds of item money can be set for.
pub(super) const FUNDABLE: [Kind; 4] = [
    Kind::Strategy,
    Kind::Priority,
    Kind::Commitment,
    Kind::Milestone,
];

/// A finding (E0611) when an entry is dated before the one above it.
pub(super) fn in_order(
    b: &mut Builder<'_, '_>,
    previous: &mut Option<(NaiveDate, Loc)>,
    date: NaiveDate,
    here: &Loc,
) {
    if let Some((prev, prev_loc)) = previous.as_ref()
        && date < *prev
    {
        b.push(
            Diagnostic::new(
                Code::MoneyUpdateOrder,
                here.clone(),
                format!("entry dated {date} comes after one dated {prev}"),
            )
            .label("out of order")
            .secondary(prev_loc.clone(), "the entry above")
            .help("the log is in date order, oldest first: move this entry up, or fix its date"),
        );
    }
    *previous = Some((date, here.clone()));
}

/// The date of a log entry: the end of its `period`, or its `date`;
/// exactly one must be given.
pub(super) fn entry_date(
    b: &mut Builder<'_, '_>,
    file: FileId,
    here: &Loc,
    period: Option<&SpannedStr>,
    date: Option<&crate::raw::SpannedDate>,
) -> Option<(NaiveDate, Option<Quarter>)> {
    match (period, date) {
        (Some(p), None) => {
            let q = quarter(b, file, p)?;
            Some((q.end(), Some(q)))
        }
        (None, Some(d)) => {
            let d = b.date(file, d)?;
            // Figures are for a financial year: the date must have one.
            FinancialYear::containing(d).ok()?;
            Some((d, None))
        }
        (Some(p), Some(d)) => {
            b.push(
                Diagnostic::new(
                    Code::PeriodOrDate,
                    at(file, d),
                    "an entry with both a `period` and a `date`",
                )
                .label("second")
                .secondary(at(file, p), "first")
                .help("keep `period` for a quarter's figures, or `date` for figures taken on another day"),
            );
            None
        }
        (None, None) => {
            b.push(
                Diagnostic::new(
                    Code::PeriodOrDate,
                    here.clone(),
                    "an entry with no `period` and no `date`",
                )
                .label("when are these figures for?")
                .help(
                    "add `period = \"2024/25-Q2\"` for a quarter's figures, or `date = 2024-10-31`",
                ),
            );
            None
        }
    }
}

fn quarter(b: &mut Builder<'_, '_>, file: FileId, p: &SpannedStr) -> Option<Quarter> {
    match p.get_ref().parse::<Quarter>() {
        Ok(q) => Some(q),
        Err(e) => {
            b.push(
                Diagnostic::new(Code::BadQuarter, at(file, p), e.to_string())
                    .label("not a quarter of a financial year")
                    .help("write the financial year and quarter: `period = \"2024/25-Q2\"` (Q1 is April to June)"),
            );
            None
        }
    }
}

pub(super) fn financial_year(
    b: &mut Builder<'_, '_>,
    file: FileId,
    y: &SpannedStr,
) -> Option<FinancialYear> {
    match y.get_ref().parse::<FinancialYear>() {
        Ok(fy) => Some(fy),
        Err(e) => {
            b.push(
                Diagnostic::new(Code::BadYear, at(file, y), e.to_string())
                    .label("not a financial year")
                    .help("write the year it starts and the year it ends: `year = \"2024/25\"` (1 April 2024 to 31 March 2025)"),
            );
            None
        }
    }
}

/// Whether an amount may be below zero.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Sign {
    NotNegative,
    /// A variance: an underspend is negative.
    Any,
}

pub(super) fn opt_amount(
    b: &mut Builder<'_, '_>,
    file: FileId,
    a: Option<&SpannedAmount>,
    key: &str,
    sign: Sign,
) -> Option<Money> {
    a.and_then(|a| amount(b, file, a, key, sign))
}

/// What to write instead of a number: a large one with commas between
/// thousands, a small one either as pounds or as millions.
fn number_help(key: &str, written: &str) -> String {
    let whole = written.split('.').next().unwrap_or(written);
    let plain = written.trim_start_matches('-');
    if whole.trim_start_matches('-').len() > 3 && !written.contains(['e', 'E']) {
        let pounds = plain
            .parse::<u64>()
            .ok()
            .and_then(|p| Money::from_pounds(p as i64));
        return match pounds {
            Some(m) => format!(
                "write the amount in quotes with its currency, so no figure is rounded: `{key} = \"{m}\"`"
            ),
            None => format!(
                "write the amount in quotes with its currency, so no figure is rounded: `{key} = \"GBP {written}\"`"
            ),
        };
    }
    format!(
        "write the amount in quotes with its currency, so no figure is rounded: `{key} = \"GBP {plain}m\"` for £{plain} million, or `{key} = \"GBP {plain}\"` for £{plain}"
    )
}

/// An amount read exactly, with a finding for a number, for text that is
/// not money and for a negative amount where none is allowed.
pub(super) fn amount(
    b: &mut Builder<'_, '_>,
    file: FileId,
    a: &SpannedAmount,
    key: &str,
    sign: Sign,
) -> Option<Money> {
    let here = at(file, a);
    let text = match a.get_ref() {
        RawAmount::Number(written) => {
            b.push(
                Diagnostic::new(
                    Code::MoneyAsNumber,
                    here,
                    format!("`{key}` is the number {written}: money is text with its currency"),
                )
                .label("a number, not an amount of money")
                .help(number_help(key, written)),
            );
            return None;
        }
        RawAmount::Text(text) => text,
    };
    let money = match text.parse::<Money>() {
        Ok(m) => m,
        Err(e) => {
            let help = match e {
                MoneyError::NoCurrency => format!("write `{key} = \"GBP {}\"`", text.trim()),
                MoneyError::FractionOfAPenny => {
                    "round the figure to the penny, or write it in pounds: `GBP 1,234.56`"
                        .to_string()
                }
                _ => "write an amount such as `GBP 1.3m`, `GBP 368,000` or `GBP 2.5k`".to_string(),
            };
            b.push(
                Diagnostic::new(
                    Code::BadAmount,
                    here,
                    format!("`{text}` is not an amount of money: {e}"),
                )
                .label("not money as plans write it")
                .help(help),
            );
            return None;
        }
    };
    if sign == Sign::NotNegative && money.is_negative() {
        b.push(
            Diagnostic::new(
                Code::NegativeAmount,
                here,
                format!("`{key}` is negative ({money})"),
            )
            .label("only a variance may be below zero")
            .help(if key == "outturn" || key == "outturn-after-action" {
                "an underspend is a forecast below the budget: write the outturn, or a negative `variance`".to_string()
            } else {
                format!("write the {key} as a positive amount")
            }),
        );
        return None;
    }
    Some(money)
}

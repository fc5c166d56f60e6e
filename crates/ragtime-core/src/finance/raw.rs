//! Raw money records: serde structs that mirror `[[budget]]`, `[[saving]]`
//! and `[[cap]]` exactly, with spans. Amounts, years and quarters are kept
//! as written; `model/` reads them and reports what is wrong.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::raw::{RawDecision, SpannedDate, SpannedStr};

/// An amount as written. Money is text with its currency (`"GBP 1.3m"`); a
/// TOML number is read only so that it can be refused with a help line
/// saying what to write: its figure is kept as the parser showed it, never
/// used as an amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawAmount {
    Text(String),
    /// A TOML integer or float, as the parser wrote it back.
    Number(String),
}

impl<'de> Deserialize<'de> for RawAmount {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawAmount;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an amount of money as text, like \"GBP 1.3m\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawAmount, E> {
                Ok(RawAmount::Text(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<RawAmount, E> {
                Ok(RawAmount::Text(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawAmount, E> {
                Ok(RawAmount::Number(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawAmount, E> {
                Ok(RawAmount::Number(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<RawAmount, E> {
                Ok(RawAmount::Number(format!("{v}")))
            }
        }
        d.deserialize_any(Visitor)
    }
}

pub type SpannedAmount = Spanned<RawAmount>;

/// One year's budget of a budget line: `{ year = "2024/25", amount = "GBP 212.8m" }`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "BudgetYear")]
pub struct RawBudgetYear {
    /// The financial year, `2024/25`.
    #[schemars(with = "crate::schema::YearText")]
    pub year: SpannedStr,
    /// The budget set for the year.
    #[schemars(with = "crate::schema::MoneyText")]
    pub amount: SpannedAmount,
    #[serde(default)]
    pub note: Option<String>,
}

/// One entry of a budget line's log: `[[budget.update]]`, the figures
/// finance reported for a quarter (or on a date).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "BudgetUpdate")]
pub struct RawBudgetUpdate {
    /// The quarter the figures are for, `2024/25-Q2`: dated at its end.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::QuarterText>")]
    pub period: Option<SpannedStr>,
    /// Or the date the figures are as at, when not a quarter end.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::TomlDate>")]
    pub date: Option<SpannedDate>,
    /// A revised budget for the year, in force from this entry on; needs a
    /// `reason`.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub budget: Option<SpannedAmount>,
    /// Why the budget was revised.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub reason: Option<SpannedStr>,
    /// The forecast outturn for the year.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub outturn: Option<SpannedAmount>,
    /// Or the forecast as a variance against the budget in force:
    /// overspend positive, underspend negative.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub variance: Option<SpannedAmount>,
    /// The forecast outturn after management action.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub outturn_after_action: Option<SpannedAmount>,
    /// Or the variance after management action.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub variance_after_action: Option<SpannedAmount>,
    /// Spent in the year so far.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub spent: Option<SpannedAmount>,
    /// Committed and not yet spent (orders placed).
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub committed: Option<SpannedAmount>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `[[budget]]`: money set aside for a strategy, priority, commitment or
/// milestone, year by year, with what finance reports against it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Budget")]
pub struct RawBudget {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    /// The id of the strategy, priority, commitment or milestone it funds.
    #[schemars(with = "String")]
    pub r#for: SpannedStr,
    #[schemars(with = "String")]
    pub title: SpannedStr,
    /// `revenue` or `capital`.
    #[schemars(with = "crate::schema::BudgetKindWord")]
    pub kind: SpannedStr,
    /// The budget holder's owner id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<SpannedStr>,
    /// The id of a `[[cap]]` the line counts against.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub cap: Option<SpannedStr>,
    /// The budget for each financial year.
    #[serde(default)]
    #[schemars(with = "Vec<RawBudgetYear>")]
    pub years: Vec<Spanned<RawBudgetYear>>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub note: Option<String>,
    /// The log, oldest first: `[[budget.update]]` entries.
    #[serde(default)]
    #[schemars(with = "Vec<RawBudgetUpdate>")]
    pub update: Vec<Spanned<RawBudgetUpdate>>,
}

/// One entry of a saving's log: `[[saving.update]]`, how much of the target
/// is delivered, on target, at risk or unachievable.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "SavingUpdate")]
pub struct RawSavingUpdate {
    /// The quarter the figures are for, `2024/25-Q2`: dated at its end.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::QuarterText>")]
    pub period: Option<SpannedStr>,
    /// Or the date the figures are as at.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::TomlDate>")]
    pub date: Option<SpannedDate>,
    /// Delivered so far.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub delivered: Option<SpannedAmount>,
    /// On target, or in progress.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub on_target: Option<SpannedAmount>,
    /// At risk.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub at_risk: Option<SpannedAmount>,
    /// Assessed as unachievable this year.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::MoneyText>")]
    pub unachievable: Option<SpannedAmount>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `[[saving]]`: a savings target for a financial year.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Saving")]
pub struct RawSaving {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    /// The id of the strategy, priority, commitment or milestone it belongs to.
    #[schemars(with = "String")]
    pub r#for: SpannedStr,
    #[schemars(with = "String")]
    pub title: SpannedStr,
    /// The financial year, `2024/25`.
    #[schemars(with = "crate::schema::YearText")]
    pub year: SpannedStr,
    /// The savings target for the year.
    #[schemars(with = "crate::schema::MoneyText")]
    pub target: SpannedAmount,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<SpannedStr>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub note: Option<String>,
    /// The log, oldest first: `[[saving.update]]` entries.
    #[serde(default)]
    #[schemars(with = "Vec<RawSavingUpdate>")]
    pub update: Vec<Spanned<RawSavingUpdate>>,
}

/// `[[cap]]`: a most that may be spent over a term (a contract's maximum
/// value, a delegated spending limit).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Cap")]
pub struct RawCap {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    /// The id of the strategy, priority, commitment or milestone it limits.
    #[schemars(with = "String")]
    pub r#for: SpannedStr,
    #[schemars(with = "String")]
    pub title: SpannedStr,
    /// The most that may be spent over the term.
    #[schemars(with = "crate::schema::MoneyText")]
    pub limit: SpannedAmount,
    /// The term's first and last days.
    #[schemars(with = "crate::schema::TomlDate")]
    pub start: SpannedDate,
    #[schemars(with = "crate::schema::TomlDate")]
    pub end: SpannedDate,
    /// The decision that set it: `{ by = "cabinet", on = 2018-10-18 }`.
    #[serde(default)]
    #[schemars(with = "Option<RawDecision>")]
    pub approved: Option<Spanned<RawDecision>>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub note: Option<String>,
}

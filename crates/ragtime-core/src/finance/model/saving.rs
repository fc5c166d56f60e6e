//! Savings: a target for a financial year, split in each entry of its log
//! into delivered, on target, at risk and unachievable.

use chrono::NaiveDate;

use crate::build::builder::Builder;
use crate::model::*;
use crate::period::{FinancialYear, Quarter};
use crate::source::{FileId, Loc};

use super::super::money::Money;
use super::super::raw::*;
use super::values::{FUNDABLE, Sign, amount, at, entry_date, financial_year, in_order, opt_amount};

/// One entry of a saving's log: the target split by how it stands.
#[derive(Clone, Debug)]
pub struct SavingUpdate {
    pub date: NaiveDate,
    pub period: Option<Quarter>,
    pub delivered: Money,
    pub on_target: Money,
    pub at_risk: Money,
    pub unachievable: Money,
    pub note: Option<String>,
    pub loc: Loc,
    pub date_loc: Loc,
}

impl SavingUpdate {
    /// Everything the entry accounts for.
    pub fn assessed(&self) -> Option<Money> {
        Money::sum([
            self.delivered,
            self.on_target,
            self.at_risk,
            self.unachievable,
        ])
    }
}

/// `[[saving]]`: a savings target for a financial year.
#[derive(Clone, Debug)]
pub struct Saving {
    pub id: String,
    pub item: EntityRef,
    pub title: String,
    pub year: FinancialYear,
    pub target: Money,
    pub owner: Option<OwnerIx>,
    /// In date order (checked).
    pub updates: Vec<SavingUpdate>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
    pub year_loc: Loc,
    pub target_loc: Loc,
}

impl Saving {
    /// The latest entry on or before `date`.
    pub fn update_as_of(&self, date: NaiveDate) -> Option<&SavingUpdate> {
        self.updates.iter().rev().find(|u| u.date <= date)
    }
}

/// A `[[saving]]` read, its log in date order; `None` when a part it
/// cannot do without is missing (already reported).
pub(super) fn build(b: &mut Builder<'_, '_>, file: FileId, r: &RawSaving) -> Option<Saving> {
    let item = b.lookup_one_of(file, &r.r#for, &FUNDABLE);
    let year = financial_year(b, file, &r.year);
    let target = amount(b, file, &r.target, "target", Sign::NotNegative);
    let owner = r.owner.as_ref().and_then(|o| b.owner(file, o));
    let mut updates = Vec::new();
    let mut previous: Option<(NaiveDate, Loc)> = None;
    for u in &r.update {
        let here = at(file, u);
        let u = u.get_ref();
        let when = entry_date(b, file, &here, u.period.as_ref(), u.date.as_ref());
        let mut part = |a: &Option<SpannedAmount>, what: &str| {
            opt_amount(b, file, a.as_ref(), what, Sign::NotNegative)
        };
        let delivered = part(&u.delivered, "delivered");
        let on_target = part(&u.on_target, "on-target");
        let at_risk = part(&u.at_risk, "at-risk");
        let unachievable = part(&u.unachievable, "unachievable");
        let Some((date, period)) = when else {
            continue;
        };
        let date_loc = u
            .period
            .as_ref()
            .map(|p| at(file, p))
            .or_else(|| u.date.as_ref().map(|d| at(file, d)))
            .unwrap_or_else(|| here.clone());
        in_order(b, &mut previous, date, &date_loc);
        updates.push(SavingUpdate {
            date,
            period,
            delivered: delivered.unwrap_or_default(),
            on_target: on_target.unwrap_or_default(),
            at_risk: at_risk.unwrap_or_default(),
            unachievable: unachievable.unwrap_or_default(),
            note: u.note.clone(),
            loc: here,
            date_loc,
        });
    }
    updates.sort_by_key(|u| u.date);
    Some(Saving {
        id: r.id.get_ref().clone(),
        item: item?,
        title: r.title.get_ref().clone(),
        year: year?,
        target: target?,
        owner,
        updates,
        source: r.source.clone(),
        illustrative: r.illustrative,
        note: r.note.clone(),
        loc: at(file, &r.id),
        year_loc: at(file, &r.year),
        target_loc: at(file, &r.target),
    })
}

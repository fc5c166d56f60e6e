//! Caps: the most that may be spent over a term, and what the budget lines
//! that name a cap add up to as at a date.

use chrono::NaiveDate;

use crate::build::builder::Builder;
use crate::diag::{Code, Diagnostic};
use crate::model::*;
use crate::period::FinancialYear;
use crate::source::{FileId, Loc};

use super::super::money::Money;
use super::super::raw::*;
use super::budget::Budget;
use super::values::{FUNDABLE, Sign, amount, at};

/// `[[cap]]`: the most that may be spent over a term.
#[derive(Clone, Debug)]
pub struct Cap {
    pub id: String,
    pub item: EntityRef,
    pub title: String,
    pub limit: Money,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub approved: Option<Decision>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
    pub limit_loc: Loc,
}

impl Cap {
    /// The date from which the cap is known: its approval, or its start.
    pub fn known_from(&self) -> NaiveDate {
        self.approved
            .as_ref()
            .map_or(self.start, |d| d.on.min(self.start))
    }
}

/// What is counted against a cap as at a date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CapPosition {
    /// For each year of each line counted against it, within the term: the
    /// latest forecast outturn, or the budget in force when there is no
    /// forecast yet. `None` if the sum does not fit.
    pub expected: Option<Money>,
    /// The latest spend of each of those years, added up.
    pub spent: Option<Money>,
    /// The budget lines counted against it, in plan order.
    pub lines: Vec<BudgetIx>,
}

impl Cap {
    /// What the `budgets` that name this cap (`ix`) add up to as at
    /// `as_of`: only entries dated on or before it count.
    pub(super) fn position(&self, ix: CapIx, budgets: &[Budget], as_of: NaiveDate) -> CapPosition {
        let lines: Vec<BudgetIx> = budgets
            .iter()
            .enumerate()
            .filter(|(_, b)| b.cap == Some(ix))
            .map(|(i, _)| BudgetIx::from_usize(i))
            .collect();
        let mut expected = Some(Money::ZERO);
        let mut spent = Some(Money::ZERO);
        for &l in &lines {
            let line = &budgets[l.index()];
            let mut years: Vec<FinancialYear> = line.years.iter().map(|y| y.year).collect();
            years.extend(line.updates.iter().map(|u| u.year));
            years.sort_unstable();
            years.dedup();
            for year in years
                .into_iter()
                .filter(|y| y.overlaps(self.start, self.end))
            {
                let p = line.position(year, as_of);
                let estimate = p.outturn.map(|(o, _)| o).or(p.budget);
                if let Some(e) = estimate {
                    expected = expected.and_then(|x| x.checked_add(e));
                }
                if let Some((s, _)) = p.spent {
                    spent = spent.and_then(|x| x.checked_add(s));
                }
            }
        }
        CapPosition {
            expected,
            spent,
            lines,
        }
    }
}

/// A `[[cap]]` read, its term checked; `None` when a part it cannot do
/// without is missing (already reported).
pub(super) fn build(b: &mut Builder<'_, '_>, file: FileId, r: &RawCap) -> Option<Cap> {
    let item = b.lookup_one_of(file, &r.r#for, &FUNDABLE);
    let limit = amount(b, file, &r.limit, "limit", Sign::NotNegative);
    let start = b.date(file, &r.start);
    let end = b.date(file, &r.end);
    let approved = match &r.approved {
        Some(a) => {
            let a = a.get_ref();
            let by = b.board(file, &a.by);
            let on = b.date(file, &a.on);
            by.zip(on).map(|(by, on)| Decision { by, on })
        }
        None => None,
    };
    let (start, end) = (start?, end?);
    if end < start {
        b.push(
            Diagnostic::new(
                Code::CapTermReversed,
                at(file, &r.end),
                format!(
                    "cap `{}` ends on {end}, before it starts on {start}",
                    r.id.get_ref()
                ),
            )
            .label("end of the term")
            .secondary(at(file, &r.start), "start of the term")
            .help("swap the dates, or correct the one that is wrong"),
        );
    }
    Some(Cap {
        id: r.id.get_ref().clone(),
        item: item?,
        title: r.title.get_ref().clone(),
        limit: limit?,
        start,
        end,
        approved,
        source: r.source.clone(),
        illustrative: r.illustrative,
        note: r.note.clone(),
        loc: at(file, &r.id),
        limit_loc: at(file, &r.limit),
    })
}

//! Budget lines: money for an item year by year, with a log of revised
//! budgets, forecasts (a variance turned into an outturn against the budget
//! in force), spend and commitments; where a line stands as at a date.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use toml::Spanned;

use crate::build::builder::Builder;
use crate::diag::{Code, Diagnostic};
use crate::model::*;
use crate::period::{FinancialYear, Quarter};
use crate::source::{FileId, Loc};

use super::super::money::Money;
use super::super::raw::*;
use super::values::{FUNDABLE, Sign, amount, at, entry_date, financial_year, in_order, opt_amount};

word_enum! {
    /// Revenue (day-to-day spending, set each year) or capital (spending on
    /// assets, re-profiled between years).
    BudgetKind {
        Revenue = "revenue",
        Capital = "capital",
    }
}

/// The budget set for one financial year.
#[derive(Clone, Debug)]
pub struct BudgetYear {
    pub year: FinancialYear,
    pub amount: Money,
    pub note: Option<String>,
    /// The `{ year = ..., amount = ... }` entry.
    pub loc: Loc,
    pub year_loc: Loc,
}

/// One entry of a budget line's log.
#[derive(Clone, Debug)]
pub struct BudgetUpdate {
    /// The end of `period`, or the date written.
    pub date: NaiveDate,
    pub period: Option<Quarter>,
    /// The financial year the figures are for: the one `date` falls in.
    pub year: FinancialYear,
    /// A revised budget for the year, with its reason.
    pub budget: Option<Money>,
    pub reason: Option<String>,
    /// The forecast outturn for the year, and after management action.
    pub outturn: Option<Money>,
    pub after_action: Option<Money>,
    /// Spent in the year so far, and committed on top.
    pub spent: Option<Money>,
    pub committed: Option<Money>,
    pub note: Option<String>,
    /// The `[[budget.update]]` header.
    pub loc: Loc,
    pub date_loc: Loc,
}

/// `[[budget]]`: money for an item, year by year.
#[derive(Clone, Debug)]
pub struct Budget {
    pub id: String,
    /// The strategy, priority, commitment or milestone it funds.
    pub item: EntityRef,
    pub title: String,
    pub kind: BudgetKind,
    pub owner: Option<OwnerIx>,
    pub cap: Option<CapIx>,
    /// In year order.
    pub years: Vec<BudgetYear>,
    /// In date order (checked).
    pub updates: Vec<BudgetUpdate>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
}

/// What a budget line stands at for one year, as at a date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// The budget in force: the latest revision, or the year's budget.
    pub budget: Option<Money>,
    /// The latest forecast outturn, and the date of the entry giving it.
    pub outturn: Option<(Money, NaiveDate)>,
    /// The latest forecast after management action, from the same entry as
    /// the outturn.
    pub after_action: Option<Money>,
    /// The latest spend and commitments, and the date of the entry.
    pub spent: Option<(Money, NaiveDate)>,
    pub committed: Option<Money>,
    /// How many times the year's budget had been revised by the date.
    pub revisions: usize,
    /// The latest revision's reason.
    pub reason: Option<String>,
    /// The latest note of an entry for the year.
    pub note: Option<String>,
}

impl Budget {
    /// The budget set for `year`, before any revision.
    pub fn set_for(&self, year: FinancialYear) -> Option<&BudgetYear> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The entries for `year` dated on or before `date`, oldest first.
    pub fn updates_for(
        &self,
        year: FinancialYear,
        date: NaiveDate,
    ) -> impl DoubleEndedIterator<Item = &BudgetUpdate> + '_ {
        self.updates
            .iter()
            .filter(move |u| u.year == year && u.date <= date)
    }

    /// The budget in force for `year` on `date`.
    pub fn budget_as_of(&self, year: FinancialYear, date: NaiveDate) -> Option<Money> {
        self.updates_for(year, date)
            .rev()
            .find_map(|u| u.budget)
            .or_else(|| self.set_for(year).map(|y| y.amount))
    }

    /// Where the line stands for `year` as at `date`: only entries dated on
    /// or before it count.
    pub fn position(&self, year: FinancialYear, date: NaiveDate) -> Position {
        let mut p = Position {
            budget: self.budget_as_of(year, date),
            ..Position::default()
        };
        for u in self.updates_for(year, date) {
            if u.budget.is_some() {
                p.revisions += 1;
                p.reason.clone_from(&u.reason);
            }
            if let Some(o) = u.outturn {
                p.outturn = Some((o, u.date));
                p.after_action = u.after_action;
            }
            if let Some(s) = u.spent {
                p.spent = Some((s, u.date));
                p.committed = u.committed;
            }
            if u.note.is_some() {
                p.note.clone_from(&u.note);
            }
        }
        p
    }

    /// True when the line has a budget or any entry for `year`.
    pub fn covers(&self, year: FinancialYear) -> bool {
        self.set_for(year).is_some() || self.updates.iter().any(|u| u.year == year)
    }
}

/// A `[[budget]]` read, its years and log checked; `None` when a part it
/// cannot do without is missing (already reported).
pub(super) fn build(b: &mut Builder<'_, '_>, file: FileId, r: &RawBudget) -> Option<Budget> {
    let item = b.lookup_one_of(file, &r.r#for, &FUNDABLE);
    let kind = b.word::<BudgetKind>(
        file,
        &r.kind,
        Code::BadValue,
        "a kind of budget",
        BudgetKind::words(),
    );
    let owner = r.owner.as_ref().and_then(|o| b.owner(file, o));
    // `Err` for a cap named that is not in the model (already reported).
    let cap = match r
        .cap
        .as_ref()
        .map(|c| b.lookup_one_of(file, c, &[Kind::Cap]))
    {
        Some(Some(EntityRef::Cap(c))) => Ok(Some(c)),
        Some(_) => Err(()),
        None => Ok(None),
    };
    let mut years: Vec<BudgetYear> = Vec::new();
    // A year written but not read (already reported): figures for it, or
    // for any year if the year itself is unread, are not also reported as
    // having no budget.
    let mut unread: Option<Vec<FinancialYear>> = Some(Vec::new());
    for y in &r.years {
        let here = at(file, y);
        let y = y.get_ref();
        let year = financial_year(b, file, &y.year);
        let money = amount(b, file, &y.amount, "amount", Sign::NotNegative);
        let (Some(year), Some(money)) = (year, money) else {
            match (year, unread.as_mut()) {
                (Some(year), Some(list)) => list.push(year),
                _ => unread = None,
            }
            continue;
        };
        if let Some(first) = years.iter().find(|x| x.year == year) {
            let first = first.year_loc.clone();
            b.push(
                Diagnostic::new(
                    Code::DuplicateYear,
                    at(file, &y.year),
                    format!("`{}` has two budgets for {year}", r.id.get_ref()),
                )
                .label("second budget for the year")
                .secondary(first, "first")
                .help("keep one budget per year; a change during the year is a `budget` in a `[[budget.update]]`, with its `reason`"),
            );
            continue;
        }
        years.push(BudgetYear {
            year,
            amount: money,
            note: y.note.clone(),
            loc: here,
            year_loc: at(file, &y.year),
        });
    }
    years.sort_by_key(|y| y.year);
    let mut updates = Vec::new();
    let mut previous: Option<(NaiveDate, Loc)> = None;
    for u in &r.update {
        let Some(update) = budget_update(b, file, r, u, &years, &updates, unread.as_deref()) else {
            continue;
        };
        in_order(b, &mut previous, update.date, &update.date_loc);
        updates.push(update);
    }
    updates.sort_by_key(|u| u.date);
    Some(Budget {
        id: r.id.get_ref().clone(),
        item: item?,
        title: r.title.get_ref().clone(),
        kind: kind?,
        owner,
        cap: cap.ok()?,
        years,
        updates,
        source: r.source.clone(),
        illustrative: r.illustrative,
        note: r.note.clone(),
        loc: at(file, &r.id),
    })
}

/// One `[[budget.update]]`: its date, and its figures with every variance
/// turned into an outturn.
fn budget_update(
    b: &mut Builder<'_, '_>,
    file: FileId,
    r: &RawBudget,
    u: &Spanned<RawBudgetUpdate>,
    years: &[BudgetYear],
    earlier: &[BudgetUpdate],
    unread: Option<&[FinancialYear]>,
) -> Option<BudgetUpdate> {
    let here = at(file, u);
    let u = u.get_ref();
    let when = entry_date(b, file, &here, u.period.as_ref(), u.date.as_ref());
    let revised = opt_amount(b, file, u.budget.as_ref(), "budget", Sign::NotNegative);
    let outturn = opt_amount(b, file, u.outturn.as_ref(), "outturn", Sign::NotNegative);
    let variance = opt_amount(b, file, u.variance.as_ref(), "variance", Sign::Any);
    let after_outturn = opt_amount(
        b,
        file,
        u.outturn_after_action.as_ref(),
        "outturn-after-action",
        Sign::NotNegative,
    );
    let after_variance = opt_amount(
        b,
        file,
        u.variance_after_action.as_ref(),
        "variance-after-action",
        Sign::Any,
    );
    let spent = opt_amount(b, file, u.spent.as_ref(), "spent", Sign::NotNegative);
    let committed = opt_amount(
        b,
        file,
        u.committed.as_ref(),
        "committed",
        Sign::NotNegative,
    );
    written_once_with_reasons(b, file, u);
    let (date, period) = when?;
    let Ok(year) = FinancialYear::containing(date) else {
        return None;
    };
    // The budget in force on the entry's date, for variances and for the
    // check that figures have a budget to be measured against.
    let in_force = earlier
        .iter()
        .rev()
        .filter(|e| e.year == year && e.date <= date)
        .find_map(|e| e.budget)
        .or_else(|| years.iter().find(|y| y.year == year).map(|y| y.amount));
    let figures = [
        (&u.outturn, "a forecast"),
        (&u.variance, "a forecast"),
        (&u.outturn_after_action, "a forecast"),
        (&u.variance_after_action, "a forecast"),
        (&u.spent, "an actual"),
        (&u.committed, "a commitment"),
    ];
    let known = unread.is_some_and(|list| !list.contains(&year));
    if in_force.is_none()
        && u.budget.is_none()
        && known
        && let Some((first, what)) = figures
            .iter()
            .find_map(|(f, w)| f.as_ref().map(|f| (f, *w)))
    {
        b.push(
                Diagnostic::new(
                    Code::FigureWithoutBudget,
                    at(file, first),
                    format!("{what} for {year}, for which `{}` has no budget", r.id.get_ref()),
                )
                .label(format!("{year} has no budget to measure this against"))
                .help(format!(
                    "add `{{ year = \"{year}\", amount = \"GBP ...\" }}` to the line's `years`, or date the entry in a year that has a budget"
                )),
            );
    }
    let base = revised.or(in_force);
    let as_outturn = |outturn: Option<Money>, variance: Option<Money>| {
        outturn.or_else(|| variance.and_then(|v| base.and_then(|b| b.checked_add(v))))
    };
    Some(BudgetUpdate {
        date,
        period,
        year,
        budget: revised,
        reason: u.reason.as_ref().map(|r| r.get_ref().clone()),
        outturn: as_outturn(outturn, variance),
        after_action: as_outturn(after_outturn, after_variance),
        spent,
        committed,
        note: u.note.clone(),
        loc: here,
        date_loc: u
            .period
            .as_ref()
            .map(|p| at(file, p))
            .or_else(|| u.date.as_ref().map(|d| at(file, d)))
            .unwrap_or_else(|| Loc::new(file, 0..0)),
    })
}

/// Findings on how an entry is written: a forecast given both as an outturn
/// and as a variance (E0607), a revised budget with no reason (E0612).
fn written_once_with_reasons(b: &mut Builder<'_, '_>, file: FileId, u: &RawBudgetUpdate) {
    for (a, b_, what) in [
        (&u.outturn, &u.variance, "the forecast"),
        (
            &u.outturn_after_action,
            &u.variance_after_action,
            "the forecast after management action",
        ),
    ] {
        if let (Some(x), Some(y)) = (a, b_) {
            b.push(
                Diagnostic::new(
                    Code::FigureTwice,
                    at(file, y),
                    format!("{what} is given twice, as an outturn and as a variance"),
                )
                .label("second form")
                .secondary(at(file, x), "first form")
                .help("keep one: the outturn, or the variance against the budget (overspend positive)"),
            );
        }
    }
    match (&u.budget, &u.reason) {
        (Some(v), None) => b.push(
            Diagnostic::new(
                Code::BudgetWithoutReason,
                at(file, v),
                "revised budget has no `reason`",
            )
            .label("revised here")
            .help("add `reason = \"...\"`: boards ask why a budget moved"),
        ),
        (Some(v), Some(why)) if why.get_ref().trim().is_empty() => b.push(
            Diagnostic::new(
                Code::BudgetWithoutReason,
                at(file, why),
                "the reason for a revised budget is empty",
            )
            .label("empty")
            .secondary(at(file, v), "revised budget")
            .help("say why the budget moved: boards ask"),
        ),
        _ => {}
    }
}

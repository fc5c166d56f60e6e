//! Money in the model: budget lines, savings and caps with their items,
//! owners and caps resolved, amounts read exactly and dates set; built from
//! the raw records once every other item is in the model.
//!
//! Each log entry is dated: a `period` (a quarter, dated at its end) or a
//! `date`. A forecast written as a variance is turned into an outturn
//! against the budget in force for its year on its date, so the model holds
//! one form of each figure.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use toml::Spanned;

use crate::build::Builder;
use crate::diag::{Code, Diagnostic};
use crate::model::*;
use crate::period::{FinancialYear, Quarter};
use crate::raw::SpannedStr;
use crate::source::{FileId, Loc};

use super::money::{Money, MoneyError};
use super::raw::*;

word_enum! {
    /// Revenue (day-to-day spending, set each year) or capital (spending on
    /// assets, re-profiled between years).
    BudgetKind {
        Revenue = "revenue",
        Capital = "capital",
    }
}

/// Every money record of a plan set, in plan order.
#[derive(Clone, Debug, Default)]
pub struct Finance {
    pub budgets: Vec<Budget>,
    pub savings: Vec<Saving>,
    pub caps: Vec<Cap>,
}

impl Finance {
    pub fn is_empty(&self) -> bool {
        self.budgets.is_empty() && self.savings.is_empty() && self.caps.is_empty()
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

/// Builds every money record: caps first, since budget lines name them.
pub(crate) fn build(b: &mut Builder<'_, '_>) {
    let files = b.files;
    for part in files {
        let file = part.file;
        for r in &part.raw.caps {
            let r = r.get_ref();
            if let Some(cap) = build_cap(b, file, r) {
                let ix = CapIx::from_usize(b.model.finance.caps.len());
                if b.register(&r.id, EntityRef::Cap(ix), file) {
                    b.model.finance.caps.push(cap);
                }
            }
        }
    }
    for part in files {
        let file = part.file;
        for r in &part.raw.budgets {
            let r = r.get_ref();
            if let Some(budget) = build_budget(b, file, r) {
                let ix = BudgetIx::from_usize(b.model.finance.budgets.len());
                if b.register(&r.id, EntityRef::Budget(ix), file) {
                    b.model.finance.budgets.push(budget);
                }
            }
        }
        for r in &part.raw.savings {
            let r = r.get_ref();
            if let Some(saving) = build_saving(b, file, r) {
                let ix = SavingIx::from_usize(b.model.finance.savings.len());
                if b.register(&r.id, EntityRef::Saving(ix), file) {
                    b.model.finance.savings.push(saving);
                }
            }
        }
    }
}

fn at<T>(file: FileId, s: &Spanned<T>) -> Loc {
    Loc::new(file, s.span())
}

/// The kinds of item money can be set for.
const FUNDABLE: [Kind; 4] = [
    Kind::Strategy,
    Kind::Priority,
    Kind::Commitment,
    Kind::Milestone,
];

fn build_cap(b: &mut Builder<'_, '_>, file: FileId, r: &RawCap) -> Option<Cap> {
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

fn build_budget(b: &mut Builder<'_, '_>, file: FileId, r: &RawBudget) -> Option<Budget> {
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

/// A finding (E0611) when an entry is dated before the one above it.
fn in_order(
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

fn build_saving(b: &mut Builder<'_, '_>, file: FileId, r: &RawSaving) -> Option<Saving> {
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

/// The date of a log entry: the end of its `period`, or its `date`;
/// exactly one must be given.
fn entry_date(
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

fn financial_year(b: &mut Builder<'_, '_>, file: FileId, y: &SpannedStr) -> Option<FinancialYear> {
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
enum Sign {
    NotNegative,
    /// A variance: an underspend is negative.
    Any,
}

fn opt_amount(
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
fn amount(
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

impl Finance {
    /// What the budget lines counted against `cap` add up to as at `as_of`:
    /// only entries dated on or before it count.
    pub fn cap_position(&self, cap: CapIx, as_of: NaiveDate) -> CapPosition {
        let c = &self.caps[cap.index()];
        let lines: Vec<BudgetIx> = self
            .budgets
            .iter()
            .enumerate()
            .filter(|(_, b)| b.cap == Some(cap))
            .map(|(i, _)| BudgetIx::from_usize(i))
            .collect();
        let mut expected = Some(Money::ZERO);
        let mut spent = Some(Money::ZERO);
        for &l in &lines {
            let line = &self.budgets[l.index()];
            let mut years: Vec<FinancialYear> = line.years.iter().map(|y| y.year).collect();
            years.extend(line.updates.iter().map(|u| u.year));
            years.sort_unstable();
            years.dedup();
            for year in years.into_iter().filter(|y| y.overlaps(c.start, c.end)) {
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

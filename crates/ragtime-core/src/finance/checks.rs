//! Money checks that need the whole model: years against the strategy's
//! period and the cap's term, savings that add up to more than their
//! target, and (as at a date, for `check`) caps that are exceeded.

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::model::*;
use crate::period::FinancialYear;
use crate::source::Loc;

use super::model::Finance;

/// The checks run with every load.
pub(crate) fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    years_in_period(model, diags);
    years_in_cap(model, diags);
    savings_within_target(model, diags);
}

/// The strategy an item belongs to, if its period can be checked against
/// (a reversed period is already reported and has no inside).
fn period_of(model: &Model, item: EntityRef) -> Option<&Strategy> {
    let s = model.strategy(model.strategy_of(item)?);
    (s.start <= s.end).then_some(s)
}

fn outside(s: &Strategy, year: FinancialYear, loc: Loc, what: &str) -> Diagnostic {
    Diagnostic::new(
        Code::YearOutsidePeriod,
        loc,
        format!(
            "{what} for {year}, which has no day in `{}` ({} to {})",
            s.id, s.start, s.end
        ),
    )
    .label(format!(
        "{year} runs from {} to {}",
        year.start(),
        year.end()
    ))
    .secondary(s.loc.clone(), "strategy")
    .help("set money for the years of the strategy's period, or extend the period")
}

fn years_in_period(model: &Model, diags: &mut Vec<Diagnostic>) {
    for b in &model.finance.budgets {
        let Some(s) = period_of(model, b.item) else {
            continue;
        };
        for y in &b.years {
            if !y.year.overlaps(s.start, s.end) {
                diags.push(outside(s, y.year, y.year_loc.clone(), "a budget"));
            }
        }
        for u in &b.updates {
            // An entry for a year with no budget is already reported
            // (E0609) unless it revises the budget.
            if !u.year.overlaps(s.start, s.end) && b.set_for(u.year).is_none() {
                diags.push(outside(s, u.year, u.date_loc.clone(), "an entry"));
            }
        }
    }
    for x in &model.finance.savings {
        if let Some(s) = period_of(model, x.item)
            && !x.year.overlaps(s.start, s.end)
        {
            diags.push(outside(s, x.year, x.year_loc.clone(), "a saving"));
        }
    }
}

fn years_in_cap(model: &Model, diags: &mut Vec<Diagnostic>) {
    for b in &model.finance.budgets {
        let Some(cap) = b.cap else { continue };
        let c = model.cap(cap);
        if c.end < c.start {
            continue;
        }
        for y in &b.years {
            if !y.year.overlaps(c.start, c.end) {
                diags.push(
                    Diagnostic::new(
                        Code::YearOutsideCap,
                        y.year_loc.clone(),
                        format!(
                            "`{}` counts against cap `{}` ({} to {}), but {} is outside its term",
                            b.id, c.id, c.start, c.end, y.year
                        ),
                    )
                    .label("not counted against the cap")
                    .secondary(c.loc.clone(), "cap")
                    .help("put the year's money on a line of its own, not counted against the cap, or correct the cap's term"),
                );
            }
        }
    }
}

fn savings_within_target(model: &Model, diags: &mut Vec<Diagnostic>) {
    for x in &model.finance.savings {
        for u in &x.updates {
            let Some(assessed) = u.assessed() else {
                continue;
            };
            if assessed > x.target {
                diags.push(
                    Diagnostic::new(
                        Code::SavingsOverTarget,
                        u.loc.clone(),
                        format!(
                            "`{}`: delivered, on target, at risk and unachievable add up to {assessed}, more than the target of {}",
                            x.id, x.target
                        ),
                    )
                    .label("these amounts")
                    .secondary(x.target_loc.clone(), "target")
                    .help("each pound of the target is counted once, under one heading; correct the amounts, or the target"),
                );
            }
        }
    }
}

/// `check` warnings (W0601) for every cap that what is counted against it
/// exceeds, as at `as_of`. Not an error: an overspend is news the board
/// must see, so it must not stop the pack that shows it.
pub fn over_caps(model: &Model, as_of: NaiveDate) -> Vec<Diagnostic> {
    let finance: &Finance = &model.finance;
    let mut out = Vec::new();
    for (i, c) in finance.caps.iter().enumerate() {
        if c.known_from() > as_of {
            continue;
        }
        let p = finance.cap_position(CapIx::from_usize(i), as_of);
        let Some(expected) = p.expected else { continue };
        if expected <= c.limit {
            continue;
        }
        let over = expected.checked_sub(c.limit).unwrap_or_default();
        let mut d = Diagnostic::new(
            Code::OverCap,
            c.limit_loc.clone(),
            format!(
                "cap `{}` of {} is exceeded by {over} as at {as_of}: the lines counted against it expect {expected}",
                c.id, c.limit
            ),
        )
        .label("the cap")
        .help("spending above a cap needs its own approval: record the decision, or bring the forecasts back within it");
        for &l in p.lines.iter().take(6) {
            d = d.secondary(model.budget(l).loc.clone(), "counted against it");
        }
        out.push(d);
    }
    out
}

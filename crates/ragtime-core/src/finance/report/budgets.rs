//! Budget lines in a report: revenue and capital budgets added up by
//! strategy and priority, every line with its forecast and variance, the
//! variance RAG by the settings' tolerances, and a line's `explain`.

use crate::model::*;
use crate::period::FinancialYear;
use crate::report::Context;
use crate::report::cells::{col, plural, text};
use crate::report::doc::*;
use crate::settings::Settings;

use super::super::model::{Budget, BudgetKind, Position};
use super::super::money::Money;
use super::table::{Val, diff, money_col, money_table};

pub(super) fn variance_rule(s: &Settings) -> String {
    format!(
        "on the forecast before management action: Green up to {}% over budget (an underspend is Green), Red more than {}% over, otherwise Amber",
        s.overspend_green_within, s.overspend_red_above
    )
}

/// The RAG of a forecast against a budget, by the settings' tolerances;
/// compared exactly, in whole pence.
pub fn variance_rag(budget: Money, forecast: Money, settings: &Settings) -> RagCell {
    let over = i128::from(forecast.pence()) - i128::from(budget.pence());
    let budget = i128::from(budget.pence());
    let colour = if over * 100 <= i128::from(settings.overspend_green_within) * budget {
        Colour::Green
    } else if over * 100 > i128::from(settings.overspend_red_above) * budget {
        Colour::Red
    } else {
        Colour::Amber
    };
    RagCell {
        colour,
        label: colour.name().to_string(),
        flag: None,
    }
}

pub(super) fn variance_cell(budget: Money, forecast: Option<Money>, settings: &Settings) -> Cell {
    match forecast {
        Some(f) => Cell::Rag(variance_rag(budget, f, settings)),
        None => Cell::Rag(RagCell {
            colour: Colour::Grey,
            label: "No forecast".to_string(),
            flag: None,
        }),
    }
}

/// The strategy and priority an item rolls up to (no priority for money
/// set for a strategy as a whole).
fn place(model: &Model, item: EntityRef) -> Option<(StrategyIx, Option<PriorityIx>)> {
    let p = match item {
        EntityRef::Strategy(s) => return Some((s, None)),
        EntityRef::Priority(p) => p,
        EntityRef::Commitment(c) => model.commitment(c).priority,
        EntityRef::Milestone(m) => model.commitment(model.milestone(m).commitment).priority,
        _ => return None,
    };
    Some((model.priority(p).strategy, Some(p)))
}

/// Budget, forecast, after action, spent and committed, added up; a line
/// with no forecast yet counts at its budget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Sums {
    budget: Money,
    forecast: Money,
    after_action: Money,
    spent: Money,
    committed: Money,
    /// Lines with no forecast, counted at their budget.
    unforecast: usize,
    /// Whether any line gave a forecast after action, or a spend: if none
    /// did, the sums say nothing.
    after_known: bool,
    spent_known: bool,
    overflow: bool,
}

impl Sums {
    fn add(&mut self, p: &Position) {
        let budget = p.budget.unwrap_or_default();
        let forecast = p.outturn.map_or(budget, |(o, _)| o);
        if p.outturn.is_none() {
            self.unforecast += 1;
        }
        self.after_known |= p.after_action.is_some();
        self.spent_known |= p.spent.is_some();
        let after = p.after_action.unwrap_or(forecast);
        let mut add = |into: &mut Money, x: Money| match into.checked_add(x) {
            Some(v) => *into = v,
            None => self.overflow = true,
        };
        let (mut b, mut f, mut a, mut s, mut c) = (
            self.budget,
            self.forecast,
            self.after_action,
            self.spent,
            self.committed,
        );
        add(&mut b, budget);
        add(&mut f, forecast);
        add(&mut a, after);
        add(&mut s, p.spent.map_or(Money::ZERO, |(x, _)| x));
        add(&mut c, p.committed.unwrap_or_default());
        (
            self.budget,
            self.forecast,
            self.after_action,
            self.spent,
            self.committed,
        ) = (b, f, a, s, c);
    }
}

fn merge(into: &mut Sums, other: &Sums) {
    let add = |a: Money, b: Money, overflow: &mut bool| {
        a.checked_add(b).unwrap_or_else(|| {
            *overflow = true;
            a
        })
    };
    let mut overflow = into.overflow || other.overflow;
    into.budget = add(into.budget, other.budget, &mut overflow);
    into.forecast = add(into.forecast, other.forecast, &mut overflow);
    into.after_action = add(into.after_action, other.after_action, &mut overflow);
    into.spent = add(into.spent, other.spent, &mut overflow);
    into.committed = add(into.committed, other.committed, &mut overflow);
    into.unforecast += other.unforecast;
    into.after_known |= other.after_known;
    into.spent_known |= other.spent_known;
    into.overflow = overflow;
}

fn kind_word(kind: BudgetKind) -> &'static str {
    match kind {
        BudgetKind::Revenue => "revenue",
        BudgetKind::Capital => "capital",
    }
}

pub(super) fn by_strategy_section(
    ctx: &Context,
    kind: BudgetKind,
    lines: &[BudgetIx],
    year: FinancialYear,
) -> Section {
    let model = ctx.model;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("name", "Strategy or priority", Align::Left),
        money_col("budget_gbp_m", "Budget £m"),
        money_col("forecast_gbp_m", "Forecast £m"),
        money_col("variance_gbp_m", "Variance £m"),
        money_col("after_action_gbp_m", "After action £m"),
        money_col("spent_gbp_m", "Spent £m"),
        col("rag", "RAG", Align::Left),
    ];
    let row = |kind, id: Cell, name: String, s: &Sums| {
        (
            kind,
            vec![
                Val::Cell(id),
                Val::Cell(text(name)),
                Val::Money(Some(s.budget)),
                Val::Money(Some(s.forecast)),
                Val::Money(diff(s.forecast, s.budget)),
                Val::Money(diff(s.after_action, s.budget).filter(|_| s.after_known)),
                Val::Money(Some(s.spent).filter(|_| s.spent_known)),
                Val::Cell(Cell::Rag(variance_rag(s.budget, s.forecast, ctx.settings))),
            ],
        )
    };
    let mut rows = Vec::new();
    let mut total = Sums::default();
    for (si, strategy) in model.strategies.iter().enumerate() {
        let s_ix = StrategyIx::from_usize(si);
        let mine: Vec<(Option<PriorityIx>, Position)> = lines
            .iter()
            .filter_map(|&l| {
                let b = model.budget(l);
                let (s, p) = place(model, b.item)?;
                (s == s_ix).then(|| (p, b.position(year, ctx.as_of)))
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        let mut whole = Sums::default();
        mine.iter().for_each(|(_, p)| whole.add(p));
        rows.push(row(
            RowKind::Group,
            text(&strategy.id),
            strategy.title.clone(),
            &whole,
        ));
        let mut at_strategy = Sums::default();
        let mut any_at_strategy = false;
        for (_, p) in mine.iter().filter(|(p, _)| p.is_none()) {
            at_strategy.add(p);
            any_at_strategy = true;
        }
        if any_at_strategy {
            rows.push(row(
                RowKind::Item,
                Cell::Empty,
                "Whole strategy (not set for a priority)".to_string(),
                &at_strategy,
            ));
        }
        for &p in &ctx.tree.priorities[si] {
            let mut sums = Sums::default();
            let mut any = false;
            for (_, pos) in mine.iter().filter(|(x, _)| *x == Some(p)) {
                sums.add(pos);
                any = true;
            }
            if any {
                let pr = model.priority(p);
                rows.push(row(RowKind::Item, text(&pr.id), pr.title.clone(), &sums));
            }
        }
        merge(&mut total, &whole);
    }
    rows.push(row(
        RowKind::Total,
        Cell::Empty,
        "Total".to_string(),
        &total,
    ));
    let what = match kind {
        BudgetKind::Revenue => "Revenue",
        BudgetKind::Capital => "Capital",
    };
    let mut notes = vec![format!(
        "Budget: the budget in force (the latest revision, or the year's budget). Forecast: the latest forecast outturn for the year. Variance: forecast less budget, overspend positive; after action: the forecast after management action, less budget (a line with no figure after action counts at its forecast). Spent: spent in the year so far, as last reported. RAG {}.",
        variance_rule(ctx.settings)
    )];
    if total.unforecast > 0 {
        notes.push(format!(
            "{} with no forecast yet {} counted at {} budget (no variance).",
            plural(total.unforecast, "line", "lines"),
            if total.unforecast == 1 { "is" } else { "are" },
            if total.unforecast == 1 {
                "its"
            } else {
                "their"
            }
        ));
    }
    Section {
        id: what.to_lowercase(),
        heading: format!("{what} budgets {year}, by strategy and priority"),
        intro: vec![format!(
            "{}: budget £{}m, forecast £{}m, variance £{}m.",
            plural(lines.len(), "budget line", "budget lines"),
            total.budget.millions(1),
            total.forecast.millions(1),
            diff(total.forecast, total.budget)
                .unwrap_or_default()
                .millions(1)
        )],
        table: Some(money_table(columns, rows)),
        notes,
        chart: None,
        narratives: Vec::new(),
    }
}

pub(super) fn lines_section(ctx: &Context, lines: &[BudgetIx], year: FinancialYear) -> Section {
    let model = ctx.model;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("line", "Budget line", Align::Left),
        col("for", "For", Align::Left),
        col("kind", "Kind", Align::Left),
        money_col("budget_gbp_m", "Budget £m"),
        money_col("forecast_gbp_m", "Forecast £m"),
        money_col("variance_gbp_m", "Variance £m"),
        money_col("after_action_gbp_m", "After action £m"),
        money_col("spent_gbp_m", "Spent £m"),
        money_col("committed_gbp_m", "Committed £m"),
        col("forecast_at", "Forecast at", Align::Left),
        col("rag", "RAG", Align::Left),
        col("note", "Note", Align::Left),
    ];
    let rows = lines
        .iter()
        .map(|&l| {
            let b: &Budget = model.budget(l);
            let p = b.position(year, ctx.as_of);
            let budget = p.budget.unwrap_or_default();
            let forecast = p.outturn.map(|(o, _)| o);
            let mut note = Vec::new();
            if p.revisions > 0 {
                let set = b.set_for(year).map(|y| y.amount);
                note.push(match (set, &p.reason) {
                    (Some(set), Some(why)) => format!("revised from £{}m: {why}", set.millions(1)),
                    (None, Some(why)) => format!("revised: {why}"),
                    (_, None) => "revised".to_string(),
                });
            }
            if let Some(n) = &p.note {
                note.push(n.clone());
            }
            if b.illustrative {
                note.push("illustrative figures".to_string());
            }
            (
                RowKind::Item,
                vec![
                    Val::Cell(text(&b.id)),
                    Val::Cell(text(&b.title)),
                    Val::Cell(text(model.id_of(b.item))),
                    Val::Cell(text(kind_word(b.kind))),
                    Val::Money(p.budget),
                    Val::Money(forecast),
                    Val::Money(forecast.and_then(|f| diff(f, budget))),
                    Val::Money(p.after_action.and_then(|a| diff(a, budget))),
                    Val::Money(p.spent.map(|(s, _)| s)),
                    Val::Money(p.committed),
                    Val::Cell(p.outturn.map_or(Cell::Empty, |(_, d)| Cell::Date(d))),
                    Val::Cell(variance_cell(budget, forecast, ctx.settings)),
                    Val::Cell(if note.is_empty() {
                        Cell::Empty
                    } else {
                        text(note.join("; "))
                    }),
                ],
            )
        })
        .collect();
    Section {
        id: "budget-lines".to_string(),
        heading: format!("Budget lines {year}"),
        intro: vec![format!(
            "Every budget line in scope with money for {year}, as at {}: only entries dated on or before it count.",
            ctx.as_of
        )],
        table: Some(money_table(columns, rows)),
        notes: vec![
            "Variance and after action are against the budget in force. Forecast at: the date of the entry giving the forecast. Committed: orders placed and not yet spent."
                .to_string(),
        ],
        chart: None,
        narratives: Vec::new(),
    }
}

/// How budget line `l` stands for `year` as at the context's date, step
/// by step.
pub(super) fn explain(ctx: &Context, l: BudgetIx, year: FinancialYear) -> (String, Vec<String>) {
    let model = ctx.model;
    let as_of = ctx.as_of;
    let b = model.budget(l);
    let p = b.position(year, as_of);
    let mut steps = vec![format!(
        "{} budget line for {} ({})",
        kind_word(b.kind),
        model.id_of(b.item),
        year
    )];
    match (b.set_for(year), p.budget) {
        (None, None) => steps.push(format!("no budget for {year}")),
        (set, Some(now)) => {
            if let Some(set) = set {
                steps.push(format!("budget set for {year}: {}", set.amount));
            }
            if p.revisions > 0 {
                steps.push(format!(
                    "revised {} by {as_of}; in force: {now}{}",
                    plural(p.revisions, "time", "times"),
                    p.reason
                        .as_deref()
                        .map_or(String::new(), |r| format!(" ({r})"))
                ));
            }
        }
        (Some(_), None) => {}
    }
    let budget = p.budget.unwrap_or_default();
    match p.outturn {
        None => steps.push(format!("no forecast for {year} on or before {as_of}")),
        Some((o, d)) => {
            steps.push(format!("latest forecast outturn, entry of {d}: {o}"));
            steps.push(format!(
                "variance: {} (forecast less budget, overspend positive)",
                diff(o, budget).unwrap_or_default()
            ));
            if let Some(a) = p.after_action {
                steps.push(format!(
                    "after management action: {a}, a variance of {}",
                    diff(a, budget).unwrap_or_default()
                ));
            }
        }
    }
    if let Some((s, d)) = p.spent {
        steps.push(format!("spent by {d}: {s}"));
    }
    let rag = variance_cell(budget, p.outturn.map(|(o, _)| o), ctx.settings);
    let label = match rag {
        Cell::Rag(r) => r.label,
        _ => String::new(),
    };
    steps.push(format!("-> {label} ({})", variance_rule(ctx.settings)));
    (format!("Budget line {}: {}", b.id, b.title), steps)
}

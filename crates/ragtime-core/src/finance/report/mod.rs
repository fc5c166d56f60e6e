//! Money as report data: the `ragtime finance` document and the board
//! pack's money sections, over a [`Context`] and a [`Scope`].
//!
//! Everything is for the financial year of the as-at date, and only log
//! entries dated on or before it count. Amounts are shown in millions of
//! pounds, exactly: each table takes as many decimal places as its most
//! precise amount needs (at least one), so no figure is rounded.
//!
//! By record: `budgets.rs` (revenue and capital budgets by strategy and
//! priority, every budget line, the variance RAG), `savings.rs` (each
//! saving's target by status) and `caps.rs` (what is counted against each
//! cap), each with its part of `explain`; `table.rs` lays out their money
//! tables.

mod budgets;
mod caps;
mod savings;
mod table;

use crate::model::*;
use crate::period::FinancialYear;
use crate::report::{Context, doc::*};
use crate::rollup::Scope;

use super::model::BudgetKind;

pub use budgets::variance_rag;
pub use table::share;

/// The finance report of `scope` as a whole document.
pub fn finance(ctx: &Context, scope: &Scope) -> Document {
    let mut facts = ctx.facts();
    facts.retain(|(label, _)| label == "Period");
    facts.extend(money_facts(ctx));
    let mut sections = finance_sections(ctx, scope);
    if sections.is_empty() {
        sections.push(Section {
            id: "budgets".to_string(),
            heading: format!("Money, {}", year_of(ctx)),
            intro: vec![format!(
                "No budget, saving or cap in scope for {}, the financial year of the as-at date.",
                year_of(ctx)
            )],
            table: None,
            notes: Vec::new(),
            chart: None,
            narratives: Vec::new(),
        });
    }
    Document {
        kind: "finance".to_string(),
        title: "Finance: budgets, savings and caps".to_string(),
        as_at: ctx.as_of,
        facts,
        sections,
        freshness: None,
    }
}

/// The financial year reported: the one the as-at date falls in.
fn year_of(ctx: &Context) -> FinancialYear {
    ctx.quarter.financial_year()
}

/// The facts a money report states: the year, the units and the rules.
pub fn money_facts(ctx: &Context) -> Vec<(String, String)> {
    let s = ctx.settings;
    vec![
        ("Financial year".to_string(), year_of(ctx).to_string()),
        (
            "Amounts".to_string(),
            "GBP, in millions (£m), exact to the penny".to_string(),
        ),
        ("Variance RAG".to_string(), budgets::variance_rule(s)),
        (
            "Cap RAG".to_string(),
            format!(
                "Red over the cap; Amber from {}% of it; otherwise Green",
                s.cap_amber_from
            ),
        ),
    ]
}

/// The money sections of `scope`: revenue and capital budgets by strategy
/// and priority, every budget line, savings by status and caps. Only those
/// with something to show; none when there is no money in scope.
pub fn finance_sections(ctx: &Context, scope: &Scope) -> Vec<Section> {
    let year = year_of(ctx);
    let lines = lines_in_scope(ctx, scope, year);
    let mut sections = Vec::new();
    for kind in BudgetKind::ALL {
        let of_kind: Vec<BudgetIx> = lines
            .iter()
            .copied()
            .filter(|&l| ctx.model.budget(l).kind == *kind)
            .collect();
        if !of_kind.is_empty() {
            sections.push(budgets::by_strategy_section(ctx, *kind, &of_kind, year));
        }
    }
    if !lines.is_empty() {
        sections.push(budgets::lines_section(ctx, &lines, year));
    }
    let savings: Vec<SavingIx> = (0..ctx.model.finance.savings.len())
        .map(SavingIx::from_usize)
        .filter(|&x| {
            let s = ctx.model.saving(x);
            s.year == year && in_scope(ctx, scope, s.item)
        })
        .collect();
    if !savings.is_empty() {
        sections.push(savings::section(ctx, &savings, year));
    }
    let caps: Vec<CapIx> = (0..ctx.model.finance.caps.len())
        .map(CapIx::from_usize)
        .filter(|&c| {
            let cap = ctx.model.cap(c);
            cap.known_from() <= ctx.as_of
                && cap.end >= year.start()
                && in_scope(ctx, scope, cap.item)
        })
        .collect();
    if !caps.is_empty() {
        sections.push(caps::section(ctx, &caps));
    }
    for s in &mut sections {
        crate::report::marks::mark_money(ctx.model, s);
    }
    sections
}

/// Whether money set for `item` belongs to `scope`: money for a strategy
/// or a priority only when the whole strategy is in scope.
pub fn in_scope(ctx: &Context, scope: &Scope, item: EntityRef) -> bool {
    let model = ctx.model;
    match item {
        EntityRef::Strategy(s) => scope.is_whole(s),
        EntityRef::Priority(p) => scope.is_whole(model.priority(p).strategy),
        EntityRef::Commitment(c) => scope.has_commitment(c),
        EntityRef::Milestone(m) => scope.has_milestone(model, m),
        _ => false,
    }
}

fn lines_in_scope(ctx: &Context, scope: &Scope, year: FinancialYear) -> Vec<BudgetIx> {
    (0..ctx.model.finance.budgets.len())
        .map(BudgetIx::from_usize)
        .filter(|&l| {
            let b = ctx.model.budget(l);
            b.covers(year) && in_scope(ctx, scope, b.item)
        })
        .collect()
}

/// How a money record stands as at the context's date, step by step, for
/// `ragtime explain`.
pub fn explain(ctx: &Context, item: EntityRef) -> (String, Vec<String>) {
    match item {
        EntityRef::Budget(l) => budgets::explain(ctx, l, year_of(ctx)),
        EntityRef::Saving(x) => savings::explain(ctx, x),
        EntityRef::Cap(c) => caps::explain(ctx, c),
        _ => (String::new(), Vec::new()),
    }
}

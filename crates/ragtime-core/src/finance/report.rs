//! Money as report data: the `ragtime finance` document and the board
//! pack's money sections, over a [`Context`] and a [`Scope`].
//!
//! Everything is for the financial year of the as-at date, and only log
//! entries dated on or before it count. Amounts are shown in millions of
//! pounds, exactly: each table takes as many decimal places as its most
//! precise amount needs (at least one), so no figure is rounded.

use crate::model::*;
use crate::period::FinancialYear;
use crate::report::cells::{col, text};
use crate::report::{Context, doc::*};
use crate::rollup::Scope;
use crate::settings::{Rounding, Settings};

use super::model::{Budget, BudgetKind, Position};
use super::money::Money;

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
        ("Variance RAG".to_string(), variance_rule(s)),
        (
            "Cap RAG".to_string(),
            format!(
                "Red over the cap; Amber from {}% of it; otherwise Green",
                s.cap_amber_from
            ),
        ),
    ]
}

fn variance_rule(s: &Settings) -> String {
    format!(
        "on the forecast before management action: Green up to {}% over budget (an underspend is Green), Red more than {}% over, otherwise Amber",
        s.overspend_green_within, s.overspend_red_above
    )
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
            sections.push(by_strategy_section(ctx, *kind, &of_kind, year));
        }
    }
    if !lines.is_empty() {
        sections.push(lines_section(ctx, &lines, year));
    }
    let savings: Vec<SavingIx> = (0..ctx.model.finance.savings.len())
        .map(SavingIx::from_usize)
        .filter(|&x| {
            let s = ctx.model.saving(x);
            s.year == year && in_scope(ctx, scope, s.item)
        })
        .collect();
    if !savings.is_empty() {
        sections.push(savings_section(ctx, &savings, year));
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
        sections.push(caps_section(ctx, &caps));
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

/// A value of a money table before the decimal places are chosen.
enum Val {
    Cell(Cell),
    Money(Option<Money>),
}

/// Rows of values into table rows, every amount with the same number of
/// decimal places: enough for the most precise, at least one.
fn money_table(columns: Vec<Column>, rows: Vec<(RowKind, Vec<Val>)>) -> Table {
    let decimals = rows
        .iter()
        .flat_map(|(_, vals)| vals)
        .filter_map(|v| match v {
            Val::Money(Some(m)) => Some(m.decimals_in_millions()),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let rows = rows
        .into_iter()
        .map(|(kind, vals)| Row {
            kind,
            cells: vals
                .into_iter()
                .map(|v| match v {
                    Val::Cell(c) => c,
                    Val::Money(None) => Cell::Empty,
                    Val::Money(Some(m)) => Cell::Number {
                        text: m.millions(decimals),
                        unit: None,
                    },
                })
                .collect(),
            illustrative: false,
        })
        .collect();
    Table { columns, rows }
}

fn money_col(key: &str, heading: &str) -> Column {
    col(key, heading, Align::Right)
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

fn variance_cell(budget: Money, forecast: Option<Money>, settings: &Settings) -> Cell {
    match forecast {
        Some(f) => Cell::Rag(variance_rag(budget, f, settings)),
        None => Cell::Rag(RagCell {
            colour: Colour::Grey,
            label: "No forecast".to_string(),
            flag: None,
        }),
    }
}

fn diff(a: Money, b: Money) -> Option<Money> {
    a.checked_sub(b)
}

fn by_strategy_section(
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

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn kind_word(kind: BudgetKind) -> &'static str {
    match kind {
        BudgetKind::Revenue => "revenue",
        BudgetKind::Capital => "capital",
    }
}

fn lines_section(ctx: &Context, lines: &[BudgetIx], year: FinancialYear) -> Section {
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

/// `part` of `whole` as a percentage rounded as the settings say, in whole
/// numbers (halves up); `None` for a whole of zero.
pub fn share(part: Money, whole: Money, rounding: Rounding) -> Option<Percent> {
    let (part, whole) = (i128::from(part.pence()), i128::from(whole.pence()));
    if whole <= 0 || part < 0 {
        return None;
    }
    let small = |x: i128| u32::try_from(x).ok();
    match rounding {
        Rounding::Down => small(part * 100 / whole).map(Percent::whole),
        Rounding::Nearest => small((part * 200 + whole) / (2 * whole)).map(Percent::whole),
        Rounding::OneDecimal => small((part * 2000 + whole) / (2 * whole)).map(Percent::tenths),
    }
}

fn savings_section(ctx: &Context, savings: &[SavingIx], year: FinancialYear) -> Section {
    let model = ctx.model;
    let rounding = ctx.settings.rounding;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("status", "Saving or status", Align::Left),
        money_col("amount_gbp_m", "£m"),
        col("share", "% of target", Align::Right),
        col("as_at", "As at", Align::Left),
    ];
    let mut rows = Vec::new();
    let mut intro = Vec::new();
    let statuses = [
        "Delivered",
        "On target",
        "At risk",
        "Unachievable",
        "Not yet assessed",
    ];
    let mut totals = [Money::ZERO; 5];
    let mut total_target = Money::ZERO;
    for &x in savings {
        let s = model.saving(x);
        let u = s.update_as_of(ctx.as_of);
        let parts = match u {
            Some(u) => [u.delivered, u.on_target, u.at_risk, u.unachievable],
            None => [Money::ZERO; 4],
        };
        let assessed = Money::sum(parts).unwrap_or_default();
        let rest = s
            .target
            .checked_sub(assessed)
            .unwrap_or_default()
            .max(Money::ZERO);
        let amounts = [parts[0], parts[1], parts[2], parts[3], rest];
        rows.push((
            RowKind::Group,
            vec![
                Val::Cell(text(&s.id)),
                Val::Cell(text(format!("{} (target)", s.title))),
                Val::Money(Some(s.target)),
                Val::Cell(Cell::Empty),
                Val::Cell(u.map_or(Cell::Empty, |u| Cell::Date(u.date))),
            ],
        ));
        let mut words = Vec::new();
        for (i, (label, amount)) in statuses.iter().zip(amounts).enumerate() {
            if amount == Money::ZERO && i >= 3 {
                continue;
            }
            let pct = share(amount, s.target, rounding);
            words.push(format!(
                "£{}m{} {}",
                amount.millions(1),
                pct.map_or(String::new(), |p| format!(" ({p}%)")),
                label.to_lowercase()
            ));
            rows.push((
                RowKind::Item,
                vec![
                    Val::Cell(Cell::Empty),
                    Val::Cell(text(*label)),
                    Val::Money(Some(amount)),
                    Val::Cell(pct.map_or(Cell::Empty, Cell::Percent)),
                    Val::Cell(Cell::Empty),
                ],
            ));
            totals[i] = totals[i].checked_add(amount).unwrap_or(totals[i]);
        }
        total_target = total_target.checked_add(s.target).unwrap_or(total_target);
        intro.push(format!(
            "{}: target £{}m; {}.",
            s.id,
            s.target.millions(1),
            words.join(", ")
        ));
        if let Some(note) = u.and_then(|u| u.note.as_deref()) {
            intro.push(format!("{}: {note}", s.id));
        }
    }
    if savings.len() > 1 {
        rows.push((
            RowKind::Total,
            vec![
                Val::Cell(Cell::Empty),
                Val::Cell(text("Total target")),
                Val::Money(Some(total_target)),
                Val::Cell(Cell::Empty),
                Val::Cell(Cell::Empty),
            ],
        ));
        for (label, amount) in statuses.iter().zip(totals) {
            rows.push((
                RowKind::Total,
                vec![
                    Val::Cell(Cell::Empty),
                    Val::Cell(text(*label)),
                    Val::Money(Some(amount)),
                    Val::Cell(
                        share(amount, total_target, rounding).map_or(Cell::Empty, Cell::Percent),
                    ),
                    Val::Cell(Cell::Empty),
                ],
            ));
        }
    }
    Section {
        id: "savings".to_string(),
        heading: format!("Savings {year}, by status"),
        intro,
        table: Some(money_table(columns, rows)),
        notes: vec![format!(
            "Each saving's target split as its latest entry on or before the as-at date reports it; what no entry accounts for is not yet assessed. Shares of the target are {}, each on its own, so they may not add to 100.",
            crate::rollup::rounding_words(rounding)
        )],
        chart: None,
        narratives: Vec::new(),
    }
}

fn caps_section(ctx: &Context, caps: &[CapIx]) -> Section {
    let model = ctx.model;
    let s = ctx.settings;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("cap", "Cap", Align::Left),
        col("for", "For", Align::Left),
        col("from", "From", Align::Left),
        col("to", "To", Align::Left),
        money_col("limit_gbp_m", "Cap £m"),
        money_col("expected_gbp_m", "Expected £m"),
        money_col("spent_gbp_m", "Spent £m"),
        money_col("headroom_gbp_m", "Headroom £m"),
        col("used", "% used", Align::Right),
        col("rag", "RAG", Align::Left),
    ];
    let rows = caps
        .iter()
        .map(|&c| {
            let cap = model.cap(c);
            let p = model.finance.cap_position(c, ctx.as_of);
            let expected = p.expected.unwrap_or_default();
            let colour = if expected > cap.limit {
                Colour::Red
            } else if i128::from(expected.pence()) * 100
                >= i128::from(s.cap_amber_from) * i128::from(cap.limit.pence())
            {
                Colour::Amber
            } else {
                Colour::Green
            };
            (
                RowKind::Item,
                vec![
                    Val::Cell(text(&cap.id)),
                    Val::Cell(text(&cap.title)),
                    Val::Cell(text(model.id_of(cap.item))),
                    Val::Cell(Cell::Date(cap.start)),
                    Val::Cell(Cell::Date(cap.end)),
                    Val::Money(Some(cap.limit)),
                    Val::Money(p.expected),
                    Val::Money(p.spent),
                    Val::Money(diff(cap.limit, expected)),
                    Val::Cell(
                        share(expected, cap.limit, Rounding::Down)
                            .map_or(Cell::Empty, Cell::Percent),
                    ),
                    Val::Cell(Cell::Rag(RagCell {
                        colour,
                        label: colour.name().to_string(),
                        flag: None,
                    })),
                ],
            )
        })
        .collect();
    Section {
        id: "caps".to_string(),
        heading: "Caps and what is counted against them".to_string(),
        intro: vec![
            "Each cap in force in the year, with the budget lines counted against it: for each of their years within the cap's term, the latest forecast outturn, or the budget when no forecast has been made."
                .to_string(),
        ],
        table: Some(money_table(columns, rows)),
        notes: vec![format!(
            "Headroom: the cap less what is expected; negative when over. % used is rounded down. RAG: Red over the cap, Amber from {}% of it, otherwise Green.",
            s.cap_amber_from
        )],
        chart: None,
        narratives: Vec::new(),
    }
}

/// How a money record stands as at the context's date, step by step, for
/// `ragtime explain`.
pub fn explain(ctx: &Context, item: EntityRef) -> (String, Vec<String>) {
    let model = ctx.model;
    let year = year_of(ctx);
    let as_of = ctx.as_of;
    match item {
        EntityRef::Budget(l) => {
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
        EntityRef::Saving(x) => {
            let s = model.saving(x);
            let mut steps = vec![format!("target for {}: {}", s.year, s.target)];
            match s.update_as_of(as_of) {
                None => steps.push(format!("no entry on or before {as_of}: not yet assessed")),
                Some(u) => {
                    steps.push(format!(
                        "entry of {}: delivered {}, on target {}, at risk {}, unachievable {}",
                        u.date, u.delivered, u.on_target, u.at_risk, u.unachievable
                    ));
                    if let Some(n) = &u.note {
                        steps.push(format!("note: {n}"));
                    }
                }
            }
            (format!("Saving {}: {}", s.id, s.title), steps)
        }
        EntityRef::Cap(c) => {
            let cap = model.cap(c);
            let p = model.finance.cap_position(c, as_of);
            let mut steps = vec![format!(
                "cap of {} from {} to {}",
                cap.limit, cap.start, cap.end
            )];
            if let Some(d) = &cap.approved {
                steps.push(format!("set by {} on {}", model.board(d.by).name, d.on));
            }
            steps.push(format!(
                "{} counted against it",
                plural(p.lines.len(), "budget line", "budget lines")
            ));
            if let Some(e) = p.expected {
                steps.push(format!("expected over the term as at {as_of}: {e}"));
                steps.push(if e > cap.limit {
                    format!(
                        "-> Red: over the cap by {}",
                        diff(e, cap.limit).unwrap_or_default()
                    )
                } else {
                    format!("headroom: {}", diff(cap.limit, e).unwrap_or_default())
                });
            }
            (format!("Cap {}: {}", cap.id, cap.title), steps)
        }
        _ => (String::new(), Vec::new()),
    }
}

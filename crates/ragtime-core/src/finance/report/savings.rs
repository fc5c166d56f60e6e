//! Savings in a report: each saving's target split by how it stands, as
//! amounts and shares of the target, totals when there are several, and a
//! saving's `explain`.

use crate::model::*;
use crate::period::FinancialYear;
use crate::report::Context;
use crate::report::cells::{col, text};
use crate::report::doc::*;

use super::super::money::Money;
use super::table::{Val, money_col, money_table, share};

/// The savings in scope for `year`, by status.
pub(super) fn section(ctx: &Context, savings: &[SavingIx], year: FinancialYear) -> Section {
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

/// How saving `x` stands as at the context's date, step by step.
pub(super) fn explain(ctx: &Context, x: SavingIx) -> (String, Vec<String>) {
    let model = ctx.model;
    let as_of = ctx.as_of;
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

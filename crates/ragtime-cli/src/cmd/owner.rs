//! `ragtime owner`: a service lead's own list (open milestones, overdue, due
//! soon, needing an update), or every owner's counts.
//!
//! The report is built in the core as a `Document`; the small table printer
//! here is temporary until the shared terminal writer is available.

use std::io::Write;

use anyhow::{Result, bail};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use ragtime_core::report::owner::{OwnerOptions, owner_list, owners_summary};
use ragtime_core::report::{Align, Cell, Document};
use ragtime_core::{EntityRef, PlanSet};

use crate::Outcome;
use crate::cli::{Args, OwnerArgs};

pub fn run(args: &Args, owner: &OwnerArgs) -> Result<Outcome> {
    let plans = super::load(args)?;
    if !plans.is_sound() {
        eprintln!(
            "error: the plan set has problems, so the list would be incomplete; run `ragtime check` to see them"
        );
        return Ok(Outcome::Problems);
    }
    let opts = OwnerOptions {
        as_of: owner
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        within_days: owner.within,
    };
    let doc = match &owner.owner {
        Some(id) => owner_list(&plans, resolve(&plans, id)?, &opts),
        None => owners_summary(&plans, &opts),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(render(&doc).as_bytes())?;
    out.flush()?;
    Ok(Outcome::Ok)
}

fn resolve(plans: &PlanSet, id: &str) -> Result<ragtime_core::OwnerIx> {
    let model = &plans.model;
    match model.lookup(id) {
        Some(EntityRef::Owner(ix)) => Ok(ix),
        Some(other) => bail!("`{id}` is {}, not an owner", other.kind().with_article()),
        None => {
            let mut ids: Vec<&str> = model.owners.iter().map(|o| o.id.as_str()).collect();
            ids.sort_unstable();
            match ragtime_core::diag::did_you_mean(id, ids.iter().copied()) {
                Some(best) => bail!("no owner has the id `{id}`; did you mean `{best}`?"),
                None => bail!("no owner has the id `{id}`; `ragtime owner` lists them"),
            }
        }
    }
}

/// The document as plain text: title, as-at date, facts, then each section
/// with its table. Temporary: to be replaced by the shared terminal writer.
fn render(doc: &Document) -> String {
    let mut s = format!("{}\nAs at {}\n", doc.title, doc.as_at.format("%Y-%m-%d"));
    for (k, v) in &doc.facts {
        s.push_str(&format!("{k}: {v}\n"));
    }
    for section in &doc.sections {
        s.push_str(&format!("\n{}\n", section.heading));
        for p in &section.intro {
            s.push_str(&format!("{p}\n"));
        }
        if let Some(t) = &section.table {
            let mut table = Table::new();
            table
                .load_style(presets::ASCII_MARKDOWN)
                .force_no_tty()
                .set_content_arrangement(ContentArrangement::Disabled)
                .set_header(t.columns.iter().map(|c| c.heading.as_str()));
            for (i, c) in t.columns.iter().enumerate() {
                if let Some(col) = table.column_mut(i) {
                    col.set_cell_alignment(match c.align {
                        Align::Left => CellAlignment::Left,
                        Align::Right => CellAlignment::Right,
                    });
                }
            }
            for row in &t.rows {
                table.add_row(row.cells.iter().map(cell));
            }
            s.push_str(&format!("{table}\n"));
        }
        for p in &section.notes {
            s.push_str(&format!("{p}\n"));
        }
    }
    s
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Percent(p) => format!("{p}%"),
        Cell::Number { text, unit } => match unit {
            Some(u) => format!("{text} {u}"),
            None => text.clone(),
        },
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Rag(r) => r.label.clone(),
        Cell::Status(s) => s.label().to_string(),
        Cell::Trend(t) => t.label().to_string(),
    }
}

//! The report commands (`report`, `exceptions`, `measures`, `explain`): load
//! and check the plans, rate them as at the date asked for, build the report
//! document and write it.
//!
//! A plan set with errors is not reported on: its problems go to stderr as
//! `check` shows them, and the exit code is 1. An id on the command line that
//! no item has is a usage error (exit 2), with the nearest id suggested.

use anyhow::Result;
use chrono::NaiveDate;
use ragtime_core::report::{self, Breakdown, Context, Document};
use ragtime_core::rollup::Scope;
use ragtime_core::{EntityRef, Kind, PlanSet};

use crate::Outcome;
use crate::cli::{Args, By, Command, ReportOptions};
use crate::output;

pub fn run(args: &Args) -> Result<Outcome> {
    let Some(plans) = super::load_sound(args)? else {
        return Ok(Outcome::Problems);
    };
    let (doc, options) = match &args.command {
        Command::Report(r) => {
            let ctx = context(&plans, &r.options)?;
            let by = r.by.map(breakdown);
            let doc = match (&r.strategy, by) {
                (None, by) => report::portfolio(
                    &ctx,
                    &Scope::portfolio(&plans.model),
                    by.unwrap_or_default(),
                ),
                (Some(id), None) => report::progress(&ctx, &strategy_scope(&plans, id)?),
                (Some(id), Some(by)) => report::portfolio(&ctx, &strategy_scope(&plans, id)?, by),
            };
            (doc, &r.options)
        }
        Command::Exceptions(r) => {
            let ctx = context(&plans, &r.options)?;
            let scope = scope(&plans, r.strategy.as_deref())?;
            (report::exceptions(&ctx, &scope), &r.options)
        }
        Command::Measures(r) => {
            let ctx = context(&plans, &r.options)?;
            let scope = scope(&plans, r.strategy.as_deref())?;
            (report::measures(&ctx, &scope), &r.options)
        }
        Command::Explain(r) => {
            let ctx = context(&plans, &r.options)?;
            let item = lookup(&plans, &r.id)?;
            (report::explain(&ctx, item), &r.options)
        }
        // `cmd::run` sends only the report commands here.
        _ => unreachable!("not a report command"),
    };
    emit(args, &doc, options)?;
    // The process ends next: let it hand the memory back at once rather
    // than free a large plan set and report item by item.
    std::mem::forget(doc);
    std::mem::forget(plans);
    Ok(Outcome::Ok)
}

/// The date a report is as at: `--period`'s quarter end, `--as-of`, or today.
pub fn as_of(options: &ReportOptions) -> NaiveDate {
    match (options.period, options.as_of) {
        (Some(q), _) => q.end(),
        (None, Some(d)) => d,
        (None, None) => super::today(),
    }
}

fn context<'a>(plans: &'a PlanSet, options: &ReportOptions) -> Result<Context<'a>> {
    Ok(Context::new(plans, as_of(options))?)
}

fn breakdown(by: By) -> Breakdown {
    match by {
        By::Strategy => Breakdown::Strategy,
        By::Priority => Breakdown::Priority,
        By::Owner => Breakdown::Owner,
        By::Board => Breakdown::Board,
        By::Organisation => Breakdown::Organisation,
    }
}

/// Any item by id (ignoring case); an unknown id is a usage error with
/// the nearest ids.
fn lookup(plans: &PlanSet, id: &str) -> Result<EntityRef> {
    super::ids::resolve(&plans.model, id, None)
}

fn strategy_scope(plans: &PlanSet, id: &str) -> Result<Scope> {
    match super::ids::resolve(&plans.model, id, Some(Kind::Strategy))? {
        EntityRef::Strategy(s) => Ok(Scope::new(&plans.model, &[s], &[])),
        _ => unreachable!("resolve checks the kind"),
    }
}

fn scope(plans: &PlanSet, strategy: Option<&str>) -> Result<Scope> {
    match strategy {
        Some(id) => strategy_scope(plans, id),
        None => Ok(Scope::portfolio(&plans.model)),
    }
}

fn emit(args: &Args, doc: &Document, options: &ReportOptions) -> Result<()> {
    output::write_document(doc, &options.output, args.color)
}

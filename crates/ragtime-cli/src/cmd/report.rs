//! The report commands (`report`, `exceptions`, `measures`, `explain`): load
//! and check the plans, rate them as at the date asked for, build the report
//! document and write it.
//!
//! A report is not made while a file it draws on has errors: the problems
//! go to stderr as `check` shows them, and the exit code is 1. Errors only
//! in files it does not draw on (another strategy's) are counted on stderr
//! and the report is made; a report over the whole plan set draws on every
//! file. An id on the command line that no item has is a usage error (exit
//! 2), with the nearest id suggested.

use anyhow::Result;
use chrono::NaiveDate;
use ragtime_core::reach::Draws;
use ragtime_core::report::{self, Breakdown, Context, Document};
use ragtime_core::rollup::{Scope, Tree};
use ragtime_core::{BoardIx, EntityRef, Kind, Model, PlanSet, PriorityIx, StrategyIx};

use crate::Outcome;
use crate::cli::{Args, By, Command, ReportOptions};

pub fn run(args: &Args) -> Result<Outcome> {
    let Some(plans) = super::load_for(args, "this report", |plans| draws(plans, &args.command))?
    else {
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

/// What the report asked for draws on: its strategy, or the item's for
/// `explain`; `None` for a report over the whole plan set.
fn draws(plans: &PlanSet, command: &Command) -> Result<Option<Draws>> {
    let model = &plans.model;
    let reach = |scope: &Scope, boards: &[BoardIx]| {
        Some(plans.reach.draws(model, &Tree::build(model), scope, boards))
    };
    // An id on a record left out for its errors: the whole plan set's
    // problems are shown.
    let broken = |id: &str| model.lookup(id).is_none() && model.is_declared(id);
    let strategy = match command {
        Command::Report(r) => r.strategy.as_deref(),
        Command::Exceptions(r) | Command::Measures(r) => r.strategy.as_deref(),
        Command::Explain(r) if broken(&r.id) => return Ok(None),
        Command::Explain(r) => {
            return Ok(match lookup(plans, &r.id)? {
                EntityRef::Owner(_) => None,
                EntityRef::Board(b) => reach(
                    &Scope::board(model, &plans.graph, b),
                    &plans.graph.oversight(model, b).boards,
                ),
                EntityRef::Measure(m) => {
                    let mut strategies = vec![model.measure(m).strategy];
                    strategies.extend(
                        model
                            .commitments
                            .iter()
                            .filter(|c| c.measures.contains(&m))
                            .map(|c| model.priority(c.priority).strategy),
                    );
                    reach(&Scope::new(model, &strategies, &[]), &[])
                }
                item => {
                    strategy_of(model, item).and_then(|s| reach(&Scope::new(model, &[s], &[]), &[]))
                }
            });
        }
        _ => None,
    };
    match strategy {
        Some(id) if broken(id) => Ok(None),
        Some(id) => Ok(reach(&strategy_scope(plans, id)?, &[])),
        None => Ok(None),
    }
}

/// The strategy an item is in (a strategy is in itself); owners, boards
/// and recommendations are in none (explaining one draws on every file).
fn strategy_of(model: &Model, item: EntityRef) -> Option<StrategyIx> {
    let of_priority = |p: PriorityIx| model.priority(p).strategy;
    Some(match item {
        EntityRef::Strategy(s) => s,
        EntityRef::Priority(p) => of_priority(p),
        EntityRef::Objective(o) => of_priority(model.objective(o).priority),
        EntityRef::Commitment(c) => of_priority(model.commitment(c).priority),
        EntityRef::Milestone(m) => model.strategy_of_milestone(m),
        EntityRef::Measure(m) => model.measure(m).strategy,
        EntityRef::Owner(_) | EntityRef::Board(_) | EntityRef::Recommendation(_) => return None,
    })
}

fn scope(plans: &PlanSet, strategy: Option<&str>) -> Result<Scope> {
    match strategy {
        Some(id) => strategy_scope(plans, id),
        None => Ok(Scope::portfolio(&plans.model)),
    }
}

fn emit(args: &Args, doc: &Document, options: &ReportOptions) -> Result<()> {
    super::write_report(doc, &options.output, args.color)
}

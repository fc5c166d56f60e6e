//! The report commands (`report`, `exceptions`, `measures`, `finance`,
//! `explain`): load and check the plans, rate them as at the date asked
//! for, build the report document and write it.
//!
//! A strategy that is closed and whose period ended before the as-at date
//! is left out of the portfolio (the summary lists it in one line, at its
//! final position); asked for by id, it is reported in full as at its end
//! date, and the facts say so.
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
use ragtime_core::{BoardIx, EntityRef, Kind, PlanSet};

use crate::Outcome;
use crate::cli::{Args, By, Command, ReportOptions};

pub fn run(args: &Args) -> Result<Outcome> {
    let Some(plans) = super::load_for(args, "this report", |plans| draws(plans, &args.command))?
    else {
        return Ok(Outcome::Problems);
    };
    let (doc, options) = match &args.command {
        Command::Report(r) => {
            let by = r.by.map(breakdown);
            let doc = match &r.strategy {
                None => {
                    let ctx = context(&plans, &r.options)?;
                    let mut scope = Scope::portfolio(&plans.model);
                    let closed = scope.close_ended(&plans.model, ctx.as_of);
                    let mut doc = report::portfolio(&ctx, &scope, by.unwrap_or_default());
                    if !closed.is_empty() {
                        doc.sections.push(report::closed_section(&ctx, &closed));
                    }
                    doc
                }
                Some(id) => {
                    let (scope, ctx) = strategy_scope(&plans, id, &r.options)?;
                    let doc = match by {
                        None => report::progress(&ctx, &scope),
                        Some(by) => report::portfolio(&ctx, &scope, by),
                    };
                    closed_facts(doc, &plans, &scope, &r.options)
                }
            };
            (doc, &r.options)
        }
        Command::Exceptions(r) => {
            let (scope, ctx) = scope(&plans, r.strategy.as_deref(), &r.options)?;
            let doc = report::exceptions(&ctx, &scope);
            (closed_facts(doc, &plans, &scope, &r.options), &r.options)
        }
        Command::Measures(r) => {
            let (scope, ctx) = scope(&plans, r.strategy.as_deref(), &r.options)?;
            let doc = report::measures(&ctx, &scope);
            (closed_facts(doc, &plans, &scope, &r.options), &r.options)
        }
        Command::Finance(r) => {
            let (scope, ctx) = scope(&plans, r.strategy.as_deref(), &r.options)?;
            let doc = ragtime_core::finance::report::finance(&ctx, &scope);
            (closed_facts(doc, &plans, &scope, &r.options), &r.options)
        }
        Command::Explain(r) => {
            let item = lookup(&plans, &r.id)?;
            let asked = as_of(&r.options);
            let closed = plans
                .model
                .strategy_of(item)
                .map(|s| plans.model.strategy(s))
                .filter(|s| s.is_closed_at(asked));
            let ctx = Context::new(&plans, closed.map_or(asked, |s| s.end))?;
            let mut doc = report::explain(&ctx, item);
            if let Some(s) = closed {
                doc.facts.insert(0, closed_fact(s, asked));
            }
            (doc, &r.options)
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

/// One strategy's scope, and the context to report it in: as at the date
/// asked for, or, for a strategy closed and ended before it, as at its end.
fn strategy_scope<'a>(
    plans: &'a PlanSet,
    id: &str,
    options: &ReportOptions,
) -> Result<(Scope, Context<'a>)> {
    match super::ids::resolve(&plans.model, id, Some(Kind::Strategy))? {
        EntityRef::Strategy(s) => {
            let strategy = plans.model.strategy(s);
            let asked = as_of(options);
            let date = if strategy.is_closed_at(asked) {
                strategy.end
            } else {
                asked
            };
            Ok((
                Scope::new(&plans.model, &[s], &[]),
                Context::new(plans, date)?,
            ))
        }
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
        Command::Exceptions(r) | Command::Measures(r) | Command::Finance(r) => {
            r.strategy.as_deref()
        }
        Command::Explain(r) if broken(&r.id) => return Ok(None),
        Command::Explain(r) => {
            return Ok(match lookup(plans, &r.id)? {
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
                // Owners and recommendations are in no strategy: explaining
                // one draws on every file.
                item => model
                    .strategy_of(item)
                    .and_then(|s| reach(&Scope::new(model, &[s], &[]), &[])),
            });
        }
        _ => None,
    };
    match strategy {
        Some(id) if broken(id) => Ok(None),
        Some(id) => match super::ids::resolve(model, id, Some(Kind::Strategy))? {
            EntityRef::Strategy(s) => Ok(reach(&Scope::new(model, &[s], &[]), &[])),
            _ => unreachable!("resolve checks the kind"),
        },
        None => Ok(None),
    }
}

/// The scope of a report over one strategy or the whole portfolio, and
/// its context; the portfolio leaves out strategies closed and ended.
fn scope<'a>(
    plans: &'a PlanSet,
    strategy: Option<&str>,
    options: &ReportOptions,
) -> Result<(Scope, Context<'a>)> {
    match strategy {
        Some(id) => strategy_scope(plans, id, options),
        None => {
            let ctx = context(plans, options)?;
            let mut scope = Scope::portfolio(&plans.model);
            scope.close_ended(&plans.model, ctx.as_of);
            Ok((scope, ctx))
        }
    }
}

/// The fact saying that a closed strategy is reported as at its end.
fn closed_fact(s: &ragtime_core::Strategy, asked: NaiveDate) -> (String, String) {
    (
        "Closed".to_string(),
        format!(
            "{} is closed and ended on {}: reported as at its end, not as at {asked}",
            s.id, s.end
        ),
    )
}

/// `doc` with the closed fact first, when its one strategy was reported as
/// at its end.
fn closed_facts(
    mut doc: Document,
    plans: &PlanSet,
    scope: &Scope,
    options: &ReportOptions,
) -> Document {
    let asked = as_of(options);
    for s in &plans.model.strategies {
        if let Some(ix) = plans.model.lookup(&s.id)
            && let EntityRef::Strategy(ix) = ix
            && scope.is_whole(ix)
            && s.is_closed_at(asked)
        {
            doc.facts.insert(0, closed_fact(s, asked));
        }
    }
    doc
}

fn emit(args: &Args, doc: &Document, options: &ReportOptions) -> Result<()> {
    super::write_report(doc, &options.output, args.color)
}

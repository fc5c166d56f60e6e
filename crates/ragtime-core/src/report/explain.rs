//! Explain: the rule and the data behind any item's rating, step by step.
//! For a milestone, the update log and the rule that decided; for a measure,
//! its series against target; for anything that rolls up (commitment,
//! priority, objective, strategy, board, owner, and the delivery of a
//! recommendation), the counts and thresholds, and every milestone counted.

use super::cells::*;
use super::context::Context;
use super::doc::*;
use crate::measure::{TargetBasis, TargetInForce, target_at, target_points};
use crate::model::*;
use crate::rating::{explain_measure, explain_milestone, number};
use crate::rollup::{self, Counts, Scope};

/// The explanation of one item's rating as at the context's date.
pub fn explain(ctx: &Context, item: EntityRef) -> Document {
    let model = ctx.model;
    let id = model.id_of(item).to_string();
    let (what, sections) = match item {
        EntityRef::Milestone(m) => (describe_milestone(ctx, m), milestone(ctx, m)),
        EntityRef::Measure(m) => (
            format!("Measure {id}: {}", model.measure(m).name),
            measure(ctx, m),
        ),
        EntityRef::Commitment(c) => (
            format!("Commitment {id}: {}", model.commitment(c).text),
            rollup_sections(ctx, ctx.tree.milestones[c.index()].clone()),
        ),
        EntityRef::Priority(p) => (
            format!("Priority {id}: {}", model.priority(p).title),
            rollup_sections(
                ctx,
                ctx.tree.commitments[p.index()]
                    .iter()
                    .flat_map(|c| ctx.tree.milestones[c.index()].iter().copied())
                    .collect(),
            ),
        ),
        EntityRef::Objective(o) => (
            format!("Objective {id}: {}", model.objective(o).text),
            rollup_sections(
                ctx,
                model
                    .commitments
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.objectives.contains(&o))
                    .flat_map(|(c, _)| ctx.tree.milestones[c].iter().copied())
                    .collect(),
            ),
        ),
        EntityRef::Strategy(s) => (
            format!("Strategy {id}: {}", model.strategy(s).title),
            rollup_sections(
                ctx,
                Scope::new(model, &[s], &[]).milestones(model).collect(),
            ),
        ),
        EntityRef::Board(b) => (
            format!(
                "Board {id}: {}, with everything it oversees directly or through the boards that report to it",
                model.board(b).name
            ),
            rollup_sections(
                ctx,
                Scope::board(model, ctx.graph, b)
                    .milestones(model)
                    .collect(),
            ),
        ),
        EntityRef::Owner(o) => (
            format!(
                "Owner {id}: {}, the milestones it owns",
                model.owner(o).role
            ),
            rollup_sections(ctx, ctx.graph.holdings(o).milestones),
        ),
        EntityRef::Recommendation(r) => (
            crate::recommendations::report::describe(ctx, r),
            rollup_sections(
                ctx,
                model.recommendation(r).delivering_milestones(&ctx.tree),
            ),
        ),
        EntityRef::Budget(_) | EntityRef::Saving(_) | EntityRef::Cap(_) => {
            let (what, steps) = crate::finance::report::explain(ctx, item);
            (what, vec![steps_section(steps)])
        }
    };
    let mut sections = sections;
    if let Some(first) = sections.first_mut() {
        if is_illustrative(model, item) {
            first.intro.insert(0, ILLUSTRATIVE_LEGEND.to_string());
        }
        first.intro.insert(0, what);
    }
    // Money has no update log of milestones: its explanation states no
    // latest update.
    let freshness = milestones_behind(ctx, item)
        .map(|list| Freshness::of(model, ctx.settings, ctx.as_of, list));
    let facts = match &freshness {
        Some(f) => super::freshness::with_fact(ctx.facts(), f, ctx.as_of),
        None => ctx.facts(),
    };
    Document {
        kind: "explain".to_string(),
        title: format!("Explain {id}{}", mark(model, item)),
        as_at: ctx.as_of,
        facts,
        sections,
        freshness,
    }
}

/// Whether the item itself is marked `illustrative = true`.
fn is_illustrative(model: &Model, item: EntityRef) -> bool {
    match item {
        EntityRef::Milestone(m) => model.milestone(m).illustrative,
        EntityRef::Commitment(c) => model.commitment(c).illustrative,
        EntityRef::Measure(m) => model.measure(m).illustrative,
        EntityRef::Owner(o) => model.owner(o).illustrative,
        EntityRef::Board(b) => model.board(b).illustrative,
        EntityRef::Recommendation(r) => {
            let r = model.recommendation(r);
            r.illustrative || r.response.as_ref().is_some_and(|x| x.illustrative)
        }
        EntityRef::Budget(b) => model.budget(b).illustrative,
        EntityRef::Saving(s) => model.saving(s).illustrative,
        EntityRef::Cap(c) => model.cap(c).illustrative,
        _ => false,
    }
}

/// " *" after the id of an illustrative item, for the title.
fn mark(model: &Model, item: EntityRef) -> String {
    if is_illustrative(model, item) {
        format!(" {ILLUSTRATIVE_MARK}")
    } else {
        String::new()
    }
}

/// The milestones whose updates an explanation rests on: the milestone
/// itself, those of the commitments a measure evidences, or every
/// milestone counted in a rollup; none for money.
fn milestones_behind(ctx: &Context, item: EntityRef) -> Option<Vec<MilestoneIx>> {
    let model = ctx.model;
    let of_commitments = |keep: &dyn Fn(&Commitment) -> bool| -> Vec<MilestoneIx> {
        model
            .commitments
            .iter()
            .enumerate()
            .filter(|(_, c)| keep(c))
            .flat_map(|(c, _)| ctx.tree.milestones[c].iter().copied())
            .collect()
    };
    Some(match item {
        EntityRef::Milestone(m) => vec![m],
        EntityRef::Measure(m) => of_commitments(&|c| c.measures.contains(&m)),
        EntityRef::Commitment(c) => ctx.tree.milestones[c.index()].clone(),
        EntityRef::Priority(p) => of_commitments(&|c| c.priority == p),
        EntityRef::Objective(o) => of_commitments(&|c| c.objectives.contains(&o)),
        EntityRef::Strategy(s) => Scope::new(model, &[s], &[]).milestones(model).collect(),
        EntityRef::Board(b) => Scope::board(model, ctx.graph, b)
            .milestones(model)
            .collect(),
        EntityRef::Owner(o) => ctx.graph.holdings(o).milestones,
        EntityRef::Recommendation(r) => model.recommendation(r).delivering_milestones(&ctx.tree),
        EntityRef::Budget(_) | EntityRef::Saving(_) | EntityRef::Cap(_) => return None,
    })
}

fn describe_milestone(ctx: &Context, ix: MilestoneIx) -> String {
    let model = ctx.model;
    let m = model.milestone(ix);
    let c = model.commitment(m.commitment);
    format!(
        "Milestone {}: {}. Commitment {}: {} Owner: {}.",
        m.id,
        m.title,
        c.id,
        c.text,
        model.owner(m.owner).role
    )
}

fn steps_section(steps: Vec<String>) -> Section {
    Section {
        id: "rating".to_string(),
        heading: "How the rating was reached".to_string(),
        intro: Vec::new(),
        table: Some(Table {
            columns: vec![
                col("step", "Step", Align::Right),
                col("text", "What", Align::Left),
            ],
            rows: steps
                .into_iter()
                .enumerate()
                .map(|(i, s)| Row {
                    kind: RowKind::Item,
                    cells: vec![Cell::Count(i as u64 + 1), Cell::Text(s)],
                    illustrative: false,
                })
                .collect(),
        }),
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    }
}

fn counted(date: chrono::NaiveDate, as_of: chrono::NaiveDate) -> Cell {
    text(if date <= as_of {
        "yes"
    } else {
        "no: after the as-at date"
    })
}

fn milestone(ctx: &Context, ix: MilestoneIx) -> Vec<Section> {
    let model = ctx.model;
    let m = model.milestone(ix);
    let steps = explain_milestone(model, ctx.settings, &ctx.ratings, ix);
    let rows = m
        .updates
        .iter()
        .map(|u| Row {
            kind: RowKind::Item,
            cells: vec![
                Cell::Date(u.date),
                Cell::Status(u.status),
                text(&model.owner(u.by).id),
                u.due.map_or(Cell::Empty, Cell::Date),
                opt_text(u.reason()),
                opt_text(u.note()),
                opt_text(u.action()),
                counted(u.date, ctx.as_of),
            ],
            illustrative: false,
        })
        .collect::<Vec<_>>();
    let updates = Section {
        id: "updates".to_string(),
        heading: "Update log".to_string(),
        intro: vec![format!(
            "Added {}; baseline due date {}.{}",
            m.added,
            m.due,
            if rows.is_empty() { " No updates." } else { "" }
        )],
        table: (!rows.is_empty()).then(|| Table {
            columns: vec![
                col("date", "Date", Align::Left),
                col("status", "Status", Align::Left),
                col("by", "By", Align::Left),
                col("due", "Revised due", Align::Left),
                col("reason", "Reason", Align::Left),
                col("note", "Note", Align::Left),
                col("action", "Corrective action", Align::Left),
                col("counted", "Counted", Align::Left),
            ],
            rows,
        }),
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    };
    vec![steps_section(steps), updates]
}

fn measure(ctx: &Context, ix: MeasureIx) -> Vec<Section> {
    let m = ctx.model.measure(ix);
    let steps = explain_measure(m, ctx.ratings.measure(ix), ctx.settings, ctx.as_of);
    let value = |v: f64| Cell::Number {
        text: number(v),
        unit: m.unit.clone(),
    };
    let rows: Vec<Row> = m
        .actual
        .iter()
        .map(|p| Row {
            kind: RowKind::Item,
            cells: vec![
                Cell::Date(p.date),
                value(p.value),
                opt_text(p.note.as_deref()),
                counted(p.date, ctx.as_of),
            ],
            illustrative: false,
        })
        .collect();
    let series = Section {
        id: "series".to_string(),
        heading: "Measured values".to_string(),
        intro: if rows.is_empty() {
            vec!["No values measured yet.".to_string()]
        } else {
            Vec::new()
        },
        table: (!rows.is_empty()).then(|| Table {
            columns: vec![
                col("date", "Date", Align::Left),
                col("value", "Value", Align::Right),
                col("note", "Note", Align::Left),
                col("counted", "Counted", Align::Left),
            ],
            rows,
        }),
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    };
    let mut sections = vec![steps_section(steps)];
    sections.extend(targets_section(ctx, m));
    sections.push(series);
    sections
}

/// The dated points a measure's targets are set by, and which is in force
/// at the as-at date.
fn targets_section(ctx: &Context, m: &Measure) -> Option<Section> {
    let points = target_points(m);
    if points.is_empty() {
        return None;
    }
    let in_force = target_at(m, ctx.as_of);
    let rows = points
        .iter()
        .map(|p| {
            let used = match in_force {
                Some(TargetInForce {
                    basis: TargetBasis::Trajectory { from, .. },
                    ..
                }) if *p == from => "the line from here",
                Some(TargetInForce {
                    basis: TargetBasis::Trajectory { to, .. },
                    ..
                }) if *p == to => "the line to here",
                Some(TargetInForce {
                    basis: TargetBasis::Trajectory { .. },
                    ..
                }) => "",
                Some(t) if t.date == p.date => "yes",
                _ => "",
            };
            Row {
                kind: RowKind::Item,
                cells: vec![
                    Cell::Date(p.date),
                    Cell::Number {
                        text: number(p.value),
                        unit: m.unit.clone(),
                    },
                    text(p.kind.name()),
                    text(used),
                ],
                illustrative: false,
            }
        })
        .collect();
    Some(Section {
        id: "targets".to_string(),
        heading: "Targets".to_string(),
        intro: Vec::new(),
        table: Some(Table {
            columns: vec![
                col("date", "Date", Align::Left),
                col("value", "Value", Align::Right),
                col("kind", "Kind", Align::Left),
                col("in_force", "In force", Align::Left),
            ],
            rows,
        }),
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    })
}

fn rollup_sections(ctx: &Context, milestones: Vec<MilestoneIx>) -> Vec<Section> {
    let model = ctx.model;
    let counts = Counts::of(&ctx.ratings, milestones.iter().copied());
    let steps = rollup::explain(&counts, ctx.settings);
    let rows: Vec<Row> = milestones
        .iter()
        .filter_map(|&ix| ctx.ratings.milestone(ix).map(|r| (ix, r)))
        .map(|(ix, r)| {
            let m = model.milestone(ix);
            Row {
                kind: RowKind::Item,
                cells: vec![
                    text(&m.id),
                    text(&m.title),
                    Cell::Status(r.status),
                    milestone_rag(ctx, r, Vec::new()),
                    text(r.rule.name()),
                    Cell::Date(r.due),
                ],
                illustrative: m.illustrative,
            }
        })
        .collect();
    let not_yet = milestones.len() - rows.len();
    let mut notes = Vec::new();
    match not_yet {
        0 => {}
        1 => notes.push(format!(
            "1 more milestone, added to the plan after {}, is not counted.",
            ctx.as_of
        )),
        n => notes.push(format!(
            "{n} more milestones, added to the plan after {}, are not counted.",
            ctx.as_of
        )),
    }
    let mut list = Section {
        id: "milestones".to_string(),
        heading: "Milestones counted".to_string(),
        intro: if rows.is_empty() {
            vec!["No milestones.".to_string()]
        } else {
            Vec::new()
        },
        table: (!rows.is_empty()).then(|| Table {
            columns: vec![
                col("id", "Id", Align::Left),
                col("milestone", "Milestone", Align::Left),
                col("status", "Owner's status", Align::Left),
                col("rag", "Rating", Align::Left),
                col("rule", "Rule", Align::Left),
                col("due", "Due", Align::Left),
            ],
            rows,
        }),
        notes,
        chart: None,
        narratives: Vec::new(),
    };
    super::marks::legend(&mut list);
    vec![steps_section(steps), list]
}

//! Strategy progress: priority by priority, commitment by commitment, the
//! overall rating, milestone counts, direction of travel since the previous
//! quarter, the owner and the next milestone due.

use super::cells::*;
use super::context::Context;
use super::doc::*;
use super::marks;
use crate::model::*;
use crate::rollup::Scope;

/// The progress report of every strategy `scope` touches.
pub fn progress(ctx: &Context, scope: &Scope) -> Document {
    let mut sections = progress_sections(ctx, scope);
    super::notes::say_once(&mut sections);
    let title = match sections.as_slice() {
        [only] => format!("Progress: {}", only.heading),
        _ => "Progress by strategy".to_string(),
    };
    let (mut facts, freshness) = ctx.facts_for(scope);
    facts.push((
        "Compared with".to_string(),
        format!(
            "{} (end of {})",
            ctx.previous_date(),
            ctx.quarter.previous()
        ),
    ));
    Document {
        kind: "progress".to_string(),
        title,
        as_at: ctx.as_of,
        facts,
        sections,
        freshness: Some(freshness),
    }
}

/// One section per strategy that `scope` touches, in plan order.
pub fn progress_sections(ctx: &Context, scope: &Scope) -> Vec<Section> {
    (0..ctx.model.strategies.len())
        .map(StrategyIx::from_usize)
        .filter(|&s| scope.touches(&ctx.tree, s))
        .map(|s| strategy_section(ctx, scope, s))
        .collect()
}

fn strategy_section(ctx: &Context, scope: &Scope, s: StrategyIx) -> Section {
    let model = ctx.model;
    let tree = &ctx.tree;
    let strategy = model.strategy(s);
    let mut columns = vec![
        col("id", "Id", Align::Left),
        col("item", "Priority / commitment", Align::Left),
        col("owner", "Owner", Align::Left),
        col("rag", "RAG", Align::Left),
        col("travel", "Travel", Align::Left),
    ];
    columns.extend(count_columns());
    columns.extend([
        col("percent", "%", Align::Right),
        col("next_due", "Next due", Align::Left),
    ]);
    let row =
        |kind, (id, illustrative): (&str, bool), item: &str, owner: Option<&str>, g: &Group| {
            let mut cells = vec![
                text(id),
                text(item),
                opt_text(owner),
                overall_cell(&g.overall(ctx)),
                Cell::Trend(g.travel(ctx)),
            ];
            cells.extend(count_cells(&g.now));
            cells.extend([
                percent_cell(&g.now, ctx.settings),
                g.next_due.map_or(Cell::Empty, Cell::Date),
            ]);
            Row {
                kind,
                cells,
                illustrative,
            }
        };

    let mut rows = Vec::new();
    let mut all = Vec::new();
    let mut shown = Vec::new();
    for &p in &tree.priorities[s.index()] {
        let commitments: Vec<CommitmentIx> = tree.commitments[p.index()]
            .iter()
            .copied()
            .filter(|&c| scope.has_commitment(c))
            .collect();
        if commitments.is_empty() && !scope.is_whole(s) {
            continue;
        }
        let milestones: Vec<MilestoneIx> = commitments
            .iter()
            .flat_map(|c| tree.milestones[c.index()].iter().copied())
            .collect();
        let priority = model.priority(p);
        shown.push(p);
        rows.push(row(
            RowKind::Group,
            (&priority.id, false),
            &priority.title,
            None,
            &Group::of(ctx, milestones.iter().copied()),
        ));
        for c in commitments {
            let commitment = model.commitment(c);
            rows.push(row(
                RowKind::Item,
                (&commitment.id, commitment.illustrative),
                &commitment.text,
                Some(&model.owner(commitment.owner).role),
                &Group::of(ctx, tree.milestones[c.index()].iter().copied()),
            ));
        }
        all.extend(milestones);
    }
    let total = Group::of(ctx, all.iter().copied());
    rows.push(row(RowKind::Total, ("", false), "Total", None, &total));

    let mut intro = vec![format!(
        "Accountable owner: {}. Overseen by: {}.",
        model.owner(strategy.owner).role,
        if strategy.boards.is_empty() {
            "no board".to_string()
        } else {
            strategy
                .boards
                .iter()
                .map(|&b| model.board(b).name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    )];
    if !scope.is_whole(s) {
        intro.push("Only the commitments in scope are shown.".to_string());
    }
    if tree.priorities[s.index()].is_empty() {
        intro.push("This strategy has no priorities yet.".to_string());
    }
    let mut notes = vec![
        counting_note(ctx.settings),
        format!(
            "Travel compares the overall rating with that as at {} (end of {}): up = better, \
             down = worse, same, new = not rated then. Next due is the earliest due date, on or \
             after {}, of a milestone not yet complete.",
            ctx.previous_date(),
            ctx.quarter.previous(),
            ctx.as_of
        ),
    ];
    notes.extend(flagged_note(&total.now));
    notes.extend(marks::count_note(model, &ctx.ratings, all.iter().copied()));
    let mut section = Section {
        id: format!("progress-{}", strategy.id),
        heading: format!("{} {}", strategy.id, strategy.title),
        intro,
        table: Some(Table { columns, rows }),
        notes,
        chart: None,
        narratives: crate::narrative::narratives_shown(model, ctx.settings, ctx.as_of, s, &shown),
    };
    marks::legend(&mut section);
    section
}

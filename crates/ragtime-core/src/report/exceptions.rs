//! Exceptions: every Red and Amber milestone, with its owner, due date, days
//! overdue, how often it was re-dated, the latest note and the corrective
//! action. A Red milestone with no corrective action is flagged.

use super::cells::*;
use super::context::Context;
use super::doc::*;
use super::marks;
use crate::rating::{Rating, Rule, days_text};
use crate::rollup::Scope;

/// The exceptions of `scope` as a whole document.
pub fn exceptions(ctx: &Context, scope: &Scope) -> Document {
    let (facts, freshness) = ctx.facts_for(scope);
    Document {
        kind: "exceptions".to_string(),
        title: "Exceptions".to_string(),
        as_at: ctx.as_of,
        facts,
        sections: exceptions_sections(ctx, scope),
        freshness: Some(freshness),
    }
}

/// Two sections, Red then Amber, each in plan order.
pub fn exceptions_sections(ctx: &Context, scope: &Scope) -> Vec<Section> {
    [Rating::Red, Rating::Amber]
        .iter()
        .map(|&rating| {
            let mut s = section(ctx, scope, rating);
            marks::legend(&mut s);
            s
        })
        .collect()
}

fn section(ctx: &Context, scope: &Scope, rating: Rating) -> Section {
    let model = ctx.model;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("milestone", "Milestone", Align::Left),
        col("owner", "Owner", Align::Left),
        col("rag", "RAG", Align::Left),
        col("why", "Why", Align::Left),
        col("due", "Due", Align::Left),
        col("days_overdue", "Days overdue", Align::Right),
        col("redated", "Times re-dated", Align::Right),
        col("note", "Latest note", Align::Left),
        col("action", "Corrective action", Align::Left),
    ];
    let mut rows = Vec::new();
    let mut missing_action = 0;
    for ix in scope.milestones(model) {
        let Some(r) = ctx.ratings.milestone(ix) else {
            continue;
        };
        if r.rating != rating {
            continue;
        }
        let m = model.milestone(ix);
        let action = latest_action(m, ctx.as_of);
        let mut flags = Vec::new();
        if rating == Rating::Red && action.is_none() {
            missing_action += 1;
            flags.push("no corrective action".to_string());
        }
        let why = match r.rule {
            Rule::Overdue => format!("overdue by {}", days_text(-r.days_to_due)),
            Rule::Stale => format!(
                "stale: last updated {}",
                r.last_update
                    .map_or_else(|| "never".to_string(), |d| d.to_string())
            ),
            Rule::DueSoon => format!("not started, due in {}", days_text(r.days_to_due)),
            Rule::MeasureRed => format!(
                "measure {} is Red",
                r.red_measure.map_or("", |x| model.measure(x).id.as_str())
            ),
            rule => rule.name().to_string(),
        };
        rows.push(Row {
            kind: RowKind::Item,
            cells: vec![
                text(&m.id),
                text(&m.title),
                text(&model.owner(m.owner).role),
                milestone_rag(ctx, r, flags),
                text(why),
                Cell::Date(r.due),
                r.days_overdue()
                    .map_or(Cell::Empty, |d| Cell::Count(d.unsigned_abs())),
                Cell::Count(r.times_redated as u64),
                opt_text(latest_note(m, ctx.as_of)),
                action.map_or_else(|| text("none recorded"), text),
            ],
            illustrative: m.illustrative,
        });
    }
    let (id, heading, what) = match rating {
        Rating::Red => ("red", "Red: not on target", "Red"),
        _ => ("amber", "Amber: at risk", "Amber"),
    };
    let count = rows.len();
    let intro = vec![match count {
        0 => format!("No {what} milestones as at {}.", ctx.as_of),
        1 => format!("1 {what} milestone as at {}.", ctx.as_of),
        n => format!("{n} {what} milestones as at {}.", ctx.as_of),
    }];
    let mut notes = Vec::new();
    if rating == Rating::Red {
        notes.push(
            "Red: marked not on target, or past its current due date and not complete.".to_string(),
        );
        match missing_action {
            0 => {}
            1 => notes.push("1 Red milestone has no corrective action recorded.".to_string()),
            n => notes.push(format!(
                "{n} Red milestones have no corrective action recorded."
            )),
        }
    } else {
        notes.push(
            "Amber: marked at risk; or marked on target with no update within the staleness \
             window or with a Red measure; or not started and due within the warning window."
                .to_string(),
        );
    }
    Section {
        id: id.to_string(),
        heading: heading.to_string(),
        intro,
        table: Some(Table { columns, rows }),
        notes,
        chart: None,
        narratives: Vec::new(),
    }
}

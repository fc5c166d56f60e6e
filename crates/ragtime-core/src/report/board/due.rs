//! Part 6: what is due before the next meeting.

use chrono::NaiveDate;

use crate::model::*;
use crate::rating::Rating;
use crate::report::cells::*;
use crate::report::context::Context;
use crate::report::doc::*;
use crate::rollup::Scope;

/// The scope's open milestones (not complete or cancelled) due on or after
/// the as-at date and on or before `until`, by due date then plan order.
pub(super) fn due_section(ctx: &Context, scope: &Scope, until: NaiveDate) -> Section {
    let model = ctx.model;
    let mut due: Vec<(NaiveDate, MilestoneIx)> = scope
        .milestones(model)
        .filter_map(|ix| {
            let r = ctx.ratings.milestone(ix)?;
            let open = !matches!(r.rating, Rating::Blue | Rating::Cancelled);
            (open && r.due >= ctx.as_of && r.due <= until).then_some((r.due, ix))
        })
        .collect();
    due.sort();
    let columns = vec![
        col("id", "Id", Align::Left),
        col("milestone", "Milestone", Align::Left),
        col("owner", "Owner", Align::Left),
        col("due", "Due", Align::Left),
        col("status", "Status", Align::Left),
        col("rag", "RAG", Align::Left),
        col("redated", "Times re-dated", Align::Right),
    ];
    let rows: Vec<Row> = due
        .iter()
        .filter_map(|&(date, ix)| {
            let r = ctx.ratings.milestone(ix)?;
            let m = model.milestone(ix);
            Some(Row {
                kind: RowKind::Item,
                cells: vec![
                    text(&m.id),
                    text(&m.title),
                    text(&model.owner(m.owner).role),
                    Cell::Date(date),
                    Cell::Status(r.status),
                    milestone_rag(ctx, r, Vec::new()),
                    Cell::Count(r.times_redated as u64),
                ],
                illustrative: m.illustrative,
            })
        })
        .collect();
    let intro = match rows.len() {
        0 => format!(
            "No milestone still open is due from {} to {until}, the next meeting.",
            ctx.as_of
        ),
        1 => format!(
            "1 milestone still open is due from {} to {until}, the next meeting.",
            ctx.as_of
        ),
        n => format!(
            "{n} milestones still open are due from {} to {until}, the next meeting.",
            ctx.as_of
        ),
    };
    let mut section = Section {
        id: "due".to_string(),
        heading: "6. Due before the next meeting".to_string(),
        intro: vec![intro],
        table: Some(Table { columns, rows }),
        notes: vec![
            "Open means not complete and not cancelled; the due date is the one in force at the \
             as-at date. Milestones already past their due date are Red and listed in the \
             exceptions."
                .to_string(),
        ],
        chart: None,
        narratives: Vec::new(),
    };
    crate::report::marks::legend(&mut section);
    section
}

//! The changes since a date as a report section: a row per change with
//! the words that say what happened, and the counts in its introduction.

use chrono::NaiveDate;

use super::{Change, ChangeKind, became, changes};
use crate::model::*;
use crate::rating::{Ratings, Rule, days_text};
use crate::report::cells::*;
use crate::report::context::Context;
use crate::report::doc::*;
use crate::rollup::Scope;

/// The changes to `scope` since `since`, as at the context's date, as one
/// section with the id `changes`.
pub fn changes_section(ctx: &Context, scope: &Scope, since: NaiveDate) -> Section {
    let model = ctx.model;
    let then = Ratings::compute(model, ctx.settings, since);
    let list = changes(model, scope, &then, &ctx.ratings);
    let columns = vec![
        col("change", "Change", Align::Left),
        col("id", "Id", Align::Left),
        col("milestone", "Milestone", Align::Left),
        col("owner", "Owner", Align::Left),
        col("date", "Date", Align::Left),
        col("detail", "Detail", Align::Left),
        col("due", "Due now", Align::Left),
        col("redated_before", "Re-dated before", Align::Right),
        col("times_redated", "Times re-dated", Align::Right),
    ];
    let rows: Vec<Row> = list
        .iter()
        .filter_map(|c| {
            let r = ctx.ratings.milestone(c.milestone)?;
            let m = model.milestone(c.milestone);
            Some(Row {
                kind: RowKind::Item,
                cells: vec![
                    text(c.kind.label()),
                    text(&m.id),
                    text(&m.title),
                    text(&model.owner(m.owner).role),
                    Cell::Date(c.date),
                    text(detail(ctx, c, m, since)),
                    Cell::Date(r.due),
                    Cell::Count(c.redated_before as u64),
                    Cell::Count(r.times_redated as u64),
                ],
                illustrative: m.illustrative,
            })
        })
        .collect();
    let count = |kind| list.iter().filter(|c| c.kind == kind).count();
    let intro = if rows.is_empty() {
        format!(
            "No milestone was added, completed, cancelled, re-dated or newly Red after {since} \
             and on or before {}.",
            ctx.as_of
        )
    } else {
        let added = count(ChangeKind::Added);
        format!(
            "Changes recorded after {since} and on or before {}: {added} {} added, {} completed, \
             {} cancelled, {} re-dated, {} newly Red.",
            ctx.as_of,
            if added == 1 {
                "milestone"
            } else {
                "milestones"
            },
            count(ChangeKind::Completed),
            count(ChangeKind::Cancelled),
            count(ChangeKind::Redated),
            count(ChangeKind::NewlyRed),
        )
    };
    let notes = vec![
        format!(
            "Added: put on the plan in the period. Completed, cancelled: so now, and not so as at \
             {since}. Re-dated: its due date was revised in the period; Detail gives the dates \
             and the reasons. Newly Red: Red now, and not Red as at {since} (or not on the plan \
             then). A milestone appears once for each kind of change."
        ),
        format!(
            "Re-dated before: how often the due date had been revised on or before {since}; \
             with Times re-dated (in all, as at {}) it shows drift, a date moved again and again.",
            ctx.as_of
        ),
    ];
    let mut section = Section {
        id: "changes".to_string(),
        heading: "Changes since the last meeting".to_string(),
        intro: vec![intro],
        table: Some(Table { columns, rows }),
        notes,
        chart: None,
        narratives: Vec::new(),
    };
    crate::report::marks::legend(&mut section);
    section
}

/// The words in the Detail column.
pub(super) fn detail(ctx: &Context, c: &Change, m: &Milestone, since: NaiveDate) -> String {
    let as_of = ctx.as_of;
    let update_note = |status| {
        became(m, status, since, as_of)
            .and_then(|u| u.note())
            .map(str::trim)
            .filter(|n| !n.is_empty())
    };
    match c.kind {
        ChangeKind::Added => {
            let status = m.status_as_of(as_of);
            format!("status now: {}", status.label())
        }
        ChangeKind::Completed => update_note(Status::Complete)
            .unwrap_or("no note recorded")
            .to_string(),
        ChangeKind::Cancelled => update_note(Status::Cancelled)
            .unwrap_or("no reason recorded")
            .to_string(),
        ChangeKind::Redated => {
            let (from, to) = c.moved.unwrap_or((m.due, m.due));
            let mut text = format!("{from} to {to}");
            match c.redated_in_period {
                0 | 1 => {}
                2 => text += ", re-dated twice in the period",
                n => text += &format!(", re-dated {n} times in the period"),
            }
            let reasons: Vec<&str> = m
                .updates_as_of(as_of)
                .iter()
                .filter(|u| u.date > since && u.due.is_some())
                .filter_map(|u| u.reason().map(str::trim))
                .filter(|r| !r.is_empty())
                .collect();
            if let [only] = reasons.as_slice() {
                text += ": ";
                text += only;
            } else if !reasons.is_empty() {
                // Several reasons read as sentences, each closed once.
                text += ": ";
                let sentences: Vec<String> = reasons
                    .iter()
                    .map(|r| {
                        if r.ends_with(['.', '!', '?']) {
                            r.to_string()
                        } else {
                            format!("{r}.")
                        }
                    })
                    .collect();
                text += &sentences.join(" ");
            }
            text
        }
        ChangeKind::NewlyRed => {
            let r = ctx.ratings.milestone(c.milestone);
            let why = match r {
                Some(r) if r.rule == Rule::Overdue => {
                    format!("overdue by {}", days_text(-r.days_to_due))
                }
                Some(r) => r.rule.name().to_string(),
                None => String::new(),
            };
            let was = match c.was {
                Some(rating) => format!("was {}", rating.label(ctx.settings.scale)),
                None => "not on the plan then".to_string(),
            };
            format!("{why}; {was}")
        }
    }
}

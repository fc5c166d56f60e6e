//! The illustrative mark: items marked `illustrative = true` in the plans
//! carry it in every report, so invented example data never passes for a
//! council's own. Rows are marked where they are built (each builder knows
//! its row's item); this module adds the legend under a marked table and
//! says how much of a count is illustrative.

use super::doc::*;
use crate::model::{EntityRef, MilestoneIx, Model};
use crate::rating::Ratings;

/// Adds the legend to `section`'s notes when a row or a narrative in it is
/// marked, once.
pub(crate) fn legend(section: &mut Section) {
    let marked = section
        .table
        .as_ref()
        .is_some_and(|t| t.rows.iter().any(|r| r.illustrative))
        || section.narratives.iter().any(|n| n.illustrative);
    if marked && !section.notes.iter().any(|n| n == ILLUSTRATIVE_LEGEND) {
        section.notes.push(ILLUSTRATIVE_LEGEND.to_string());
    }
}

/// Marks the rows of `section` whose `id` cell names a budget line, saving
/// or cap marked `illustrative = true` (money tables are built from
/// values, not items), and adds the legend if any is.
pub(crate) fn mark_money(model: &Model, section: &mut Section) {
    let Some(table) = section.table.as_mut() else {
        return;
    };
    let Some(at) = table.columns.iter().position(|c| c.key == "id") else {
        return;
    };
    for row in &mut table.rows {
        if let Some(Cell::Text(id)) = row.cells.get(at) {
            row.illustrative |= match model.lookup(id) {
                Some(EntityRef::Budget(b)) => model.budget(b).illustrative,
                Some(EntityRef::Saving(s)) => model.saving(s).illustrative,
                Some(EntityRef::Cap(c)) => model.cap(c).illustrative,
                _ => false,
            };
        }
    }
    legend(section);
}

/// `text` with the illustrative mark after it when `illustrative`: for a
/// fact naming an owner or board marked so.
pub(crate) fn mark_if(text: String, illustrative: bool) -> String {
    if illustrative {
        format!("{text} {ILLUSTRATIVE_MARK}")
    } else {
        text
    }
}

/// Adds the legend to `section`'s notes, once, for a mark shown elsewhere
/// (in a fact).
pub(crate) fn legend_for_fact(section: &mut Section) {
    if !section.notes.iter().any(|n| n == ILLUSTRATIVE_LEGEND) {
        section.notes.push(ILLUSTRATIVE_LEGEND.to_string());
    }
}

/// How many of the milestones counted (those on the plan at the ratings'
/// date, cancelled included) are illustrative, and of how many.
pub(crate) fn illustrative_share(
    model: &Model,
    ratings: &Ratings,
    milestones: impl IntoIterator<Item = MilestoneIx>,
) -> (u64, u64) {
    let mut counted = 0;
    let mut illustrative = 0;
    for m in milestones {
        if ratings.milestone(m).is_some() {
            counted += 1;
            illustrative += u64::from(model.milestone(m).illustrative);
        }
    }
    (illustrative, counted)
}

/// The note under a table of counts saying how many of the milestones it
/// counts are illustrative; `None` when none is.
pub(crate) fn count_note(
    model: &Model,
    ratings: &Ratings,
    milestones: impl IntoIterator<Item = MilestoneIx>,
) -> Option<String> {
    let (illustrative, counted) = illustrative_share(model, ratings, milestones);
    share_note(illustrative, counted)
}

/// The note saying `illustrative` of the `counted` milestones are
/// illustrative; `None` when none is.
pub(crate) fn share_note(illustrative: u64, counted: u64) -> Option<String> {
    match (illustrative, counted) {
        (0, _) => None,
        (i, c) if i == c => Some(format!(
            "Illustrative: {} counted here {} invented for the example.",
            if c == 1 {
                "the 1 milestone".to_string()
            } else {
                format!("all {c} milestones")
            },
            if c == 1 { "is" } else { "are" }
        )),
        (i, c) => Some(format!(
            "Illustrative: {i} of the {c} milestones counted here {} invented for the example.",
            if i == 1 { "is" } else { "are" }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(rows: &[bool]) -> Section {
        Section {
            id: "s".into(),
            heading: "S".into(),
            intro: Vec::new(),
            table: Some(Table {
                columns: Vec::new(),
                rows: rows
                    .iter()
                    .map(|&i| Row {
                        kind: RowKind::Item,
                        cells: Vec::new(),
                        illustrative: i,
                    })
                    .collect(),
            }),
            notes: Vec::new(),
            chart: None,
            narratives: Vec::new(),
        }
    }

    const PLANS: &str = r#"
[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "b"
name = "Board"

[[milestone]]
id = "S-M1"
commitment = "S-C1"
title = "Invented, and overdue"
owner = "hos"
added = 2025-01-01
due = 2025-03-31
illustrative = true

[[milestone]]
id = "S-M2"
commitment = "S-C1"
title = "Real, and overdue"
owner = "hos"
added = 2025-01-01
due = 2025-03-31
"#;

    /// The bug: `illustrative = true` reached no output, so invented
    /// example data looked exactly like a council's own.
    #[test]
    fn an_illustrative_milestone_is_marked_and_explained_where_it_is_listed() {
        let plans = crate::testing::framed("hos", "b", PLANS);
        let ctx = crate::report::Context::new(&plans, "2025-09-30".parse().unwrap()).unwrap();
        let scope = crate::rollup::Scope::portfolio(&plans.model);
        let doc = crate::report::exceptions(&ctx, &scope);
        let red = &doc.sections[0];
        let marked: Vec<(String, bool)> = red
            .table
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .map(|r| (format!("{:?}", r.cells[0]), r.illustrative))
            .collect();
        assert_eq!(
            marked,
            [
                ("Text(\"S-M1\")".to_string(), true),
                ("Text(\"S-M2\")".to_string(), false)
            ]
        );
        assert_eq!(red.notes.last().unwrap(), ILLUSTRATIVE_LEGEND);
        // The Amber section lists nothing marked: no legend there.
        assert!(
            !doc.sections[1]
                .notes
                .iter()
                .any(|n| n == ILLUSTRATIVE_LEGEND)
        );
        // The summary says how much of what it counts is invented.
        let summary = crate::report::portfolio(&ctx, &scope, Default::default());
        assert!(
            summary.sections[0].notes.iter().any(|n| n
                == "Illustrative: 1 of the 2 milestones counted here is invented for the example."),
            "{:#?}",
            summary.sections[0].notes
        );
    }

    #[test]
    fn the_legend_is_added_once_and_only_under_a_marked_table() {
        let mut plain = section(&[false, false]);
        legend(&mut plain);
        assert!(plain.notes.is_empty());
        let mut marked = section(&[false, true]);
        legend(&mut marked);
        legend(&mut marked);
        assert_eq!(marked.notes, [ILLUSTRATIVE_LEGEND]);
    }
}

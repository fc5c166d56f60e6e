//! What `check` finds wrong with narratives once the whole plan set is
//! built: two on one item for one date, one dated before its strategy
//! starts, one too long to read beside a table; and, against the date
//! checked, one dated after it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::model::{Narrative, NarrativeItem};
use crate::diag::{Code, Diagnostic};
use crate::model::Model;

/// The most words a narrative may have before `check` warns: about what a
/// board reads beside one table.
pub const MAX_WORDS: usize = 200;

/// The checks that need only the model (run with the other whole-model
/// checks).
pub(crate) fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    let mut first: HashMap<(NarrativeItem, NaiveDate), &Narrative> = HashMap::new();
    for n in &model.narratives {
        let (id, _) = n.item.id_and_title(model);
        match first.get(&(n.item, n.date)) {
            Some(earlier) => diags.push(
                Diagnostic::new(
                    Code::DuplicateNarrative,
                    n.date_loc.clone(),
                    format!("a second narrative on `{id}` dated {}", n.date),
                )
                .label("same item, same date")
                .secondary(earlier.date_loc.clone(), "the first")
                .help("keep one narrative per item and date: merge the two, or correct a date"),
            ),
            None => {
                first.insert((n.item, n.date), n);
            }
        }
        let strategy = model.strategy(n.item.strategy(model));
        if strategy.start <= strategy.end && n.date < strategy.start {
            diags.push(
                Diagnostic::new(
                    Code::NarrativeBeforeStart,
                    n.date_loc.clone(),
                    format!(
                        "narrative dated {}, before `{}` starts on {}",
                        n.date, strategy.id, strategy.start
                    ),
                )
                .label("narrative date")
                .secondary(strategy.loc.clone(), "strategy")
                .help("date the narrative as at the end of the period it covers"),
            );
        }
        let words = n.text.split_whitespace().count();
        if words > MAX_WORDS {
            diags.push(
                Diagnostic::new(
                    Code::LongNarrative,
                    n.text_loc.clone(),
                    format!("the narrative on `{id}` has {words} words, over {MAX_WORDS}"),
                )
                .label("long")
                .help("keep it to what changed in the period and what happens next: the board reads it beside the table"),
            );
        }
    }
}

/// A warning for each narrative dated after `as_of`: reports as at that
/// date leave it out. `check` runs this against its `--as-of` (today by
/// default), as it does the contradicted statuses.
pub fn after_date(model: &Model, as_of: NaiveDate) -> Vec<Diagnostic> {
    model
        .narratives
        .iter()
        .filter(|n| n.date > as_of)
        .map(|n| {
            let (id, _) = n.item.id_and_title(model);
            Diagnostic::new(
                Code::NarrativeAfterDate,
                n.date_loc.clone(),
                format!(
                    "the narrative on `{id}` is dated {}, after the date checked ({as_of})",
                    n.date
                ),
            )
            .label("after the date checked")
            .help(format!(
                "reports as at {as_of} leave it out; if it is about the period to {as_of}, date it {as_of}"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::{found, framed};

    fn with(narratives: &str) -> crate::PlanSet {
        crate::load(vec![
            crate::Input::new("frame.toml", crate::testing::strategy_frame("hos", "b")),
            crate::Input::new("plans.toml", format!("{REGISTRY}{narratives}")),
        ])
    }

    const REGISTRY: &str = r#"
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
title = "A milestone"
owner = "hos"
added = 2024-01-01
due = 2025-06-30
"#;

    fn narrative(item: &str, date: &str, text: &str) -> String {
        format!(
            "\n[[narrative]]\nitem = \"{item}\"\ndate = {date}\nby = \"hos\"\ntext = \"{text}\"\n"
        )
    }

    #[test]
    fn a_sound_narrative_is_in_the_model() {
        let plans = framed(
            "hos",
            "b",
            &format!("{REGISTRY}{}", narrative("S-P1", "2025-06-30", "On track.")),
        );
        assert_eq!(plans.model.narratives.len(), 1);
        assert_eq!(plans.model.narratives[0].text, "On track.");
    }

    #[test]
    fn two_on_one_item_and_date_are_e0117() {
        let plans = with(&format!(
            "{}{}{}",
            narrative("S", "2025-06-30", "One."),
            narrative("S", "2025-06-30", "Two."),
            narrative("S-P1", "2025-06-30", "Another item."),
        ));
        assert_eq!(found(&plans), ["E0117 plans.toml:27:8"]);
    }

    #[test]
    fn one_dated_before_its_strategy_is_e0415() {
        let plans = with(&narrative("S-P1", "2023-12-31", "Early."));
        assert_eq!(found(&plans), ["E0415 plans.toml:21:8"]);
    }

    #[test]
    fn empty_text_unknown_and_wrong_items_are_each_found() {
        let plans = with(&format!(
            "{}{}{}",
            narrative("S-C1", "2025-06-30", "On a commitment."),
            narrative("S-P9", "2025-06-30", "Unknown."),
            narrative("S", "2025-06-30", "  "),
        ));
        assert_eq!(
            found(&plans),
            [
                "E0116 plans.toml:20:8",
                "E0202 plans.toml:26:8",
                "E0115 plans.toml:35:8"
            ]
        );
        assert_eq!(
            plans.diagnostics[1].help.as_deref(),
            Some("did you mean `S-P1`?")
        );
    }

    #[test]
    fn long_ones_are_warned_about() {
        let long = vec!["word"; super::MAX_WORDS + 1].join(" ");
        let plans = with(&narrative("S", "2025-06-30", &long));
        assert_eq!(found(&plans), ["W0516 plans.toml:23:8"]);
        let just = vec!["word"; super::MAX_WORDS].join(" ");
        let plans = with(&narrative("S", "2025-06-30", &just));
        assert_eq!(found(&plans), Vec::<String>::new());
    }

    #[test]
    fn one_after_the_date_checked_is_warned_about_then() {
        let plans = with(&narrative("S", "2025-10-07", "Written after the quarter."));
        let at = |d: &str| super::after_date(&plans.model, d.parse().unwrap()).len();
        assert_eq!(at("2025-09-30"), 1);
        assert_eq!(at("2025-10-07"), 0);
    }
}

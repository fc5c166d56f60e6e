//! Which narratives a report as at a date shows, and how: for each item,
//! the latest dated on or before the as-at date, marked old when it is
//! older than the staleness window.

use chrono::NaiveDate;

use super::model::{Narrative, NarrativeItem};
use crate::model::{Model, PriorityIx, StrategyIx};
use crate::report::doc;
use crate::settings::Settings;

/// The narrative on `item` in force at `as_of`: the latest dated on or
/// before it (of two on one date, which `check` refuses, the later in
/// the files).
pub fn shown_as_at(model: &Model, item: NarrativeItem, as_of: NaiveDate) -> Option<&Narrative> {
    model
        .narratives
        .iter()
        .filter(|n| n.item == item && n.date <= as_of)
        .max_by_key(|n| n.date)
}

/// The narratives shown beside a strategy's table as at `as_of`: the
/// strategy's, then those of `priorities` in the order given.
pub fn narratives_shown(
    model: &Model,
    settings: &Settings,
    as_of: NaiveDate,
    strategy: StrategyIx,
    priorities: &[PriorityIx],
) -> Vec<doc::Narrative> {
    std::iter::once(NarrativeItem::Strategy(strategy))
        .chain(priorities.iter().map(|&p| NarrativeItem::Priority(p)))
        .filter_map(|item| shown_as_at(model, item, as_of))
        .map(|n| shown(model, settings, as_of, n))
        .collect()
}

fn shown(model: &Model, settings: &Settings, as_of: NaiveDate, n: &Narrative) -> doc::Narrative {
    let (id, title) = n.item.id_and_title(model);
    let owner = model.owner(n.by);
    let age = (as_of - n.date).num_days();
    let window = settings.stale_after_days;
    doc::Narrative {
        item: id.to_string(),
        name: title.to_string(),
        date: n.date,
        by_id: owner.id.clone(),
        by: owner.role.clone(),
        text: n.text.trim().to_string(),
        illustrative: n.illustrative,
        old: (age > i64::from(window)).then(|| {
            format!(
                "written as at {}, {age} days before the as-at date; older than the {window}-day \
                 staleness window",
                n.date
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityRef;

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
title = "A milestone"
owner = "hos"
added = 2024-01-01
due = 2025-06-30

[[narrative]]
item = "S"
date = 2025-03-31
by = "hos"
text = "Q4."
illustrative = true

[[narrative]]
item = "S"
date = 2025-06-30
by = "hos"
text = "  Q1.  "

[[narrative]]
item = "S-P1"
date = 2024-12-31
by = "hos"
text = "Old news."
"#;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_latest_on_or_before_the_date_is_shown_and_an_old_one_marked() {
        let plans = crate::testing::framed("hos", "b", PLANS);
        let model = &plans.model;
        let Some(EntityRef::Priority(p)) = model.lookup("S-P1") else {
            panic!("no priority");
        };
        let s = model.priority(p).strategy;
        let at = |date: &str| narratives_shown(model, &plans.settings, d(date), s, &[p]);
        let texts = |date: &str| -> Vec<String> { at(date).into_iter().map(|n| n.text).collect() };
        assert_eq!(texts("2024-12-30"), Vec::<String>::new());
        assert_eq!(texts("2025-03-31"), ["Q4.", "Old news."]);
        assert_eq!(texts("2025-06-29"), ["Q4.", "Old news."]);
        assert_eq!(texts("2025-06-30"), ["Q1.", "Old news."]);
        let shown = at("2025-06-30");
        assert!(!shown[0].illustrative);
        assert_eq!(shown[0].old, None);
        assert_eq!(
            shown[1].old.as_deref(),
            Some(
                "written as at 2024-12-31, 181 days before the as-at date; older than the 92-day staleness window"
            )
        );
        assert!(at("2025-04-01")[0].illustrative);
        // 92 days is within the window; 93 is not.
        assert!(at("2025-09-30")[0].old.is_none());
        assert!(at("2025-10-01")[0].old.is_some());
    }
}

//! The facts and the rule behind a milestone's rating, one step per line,
//! for `ragtime explain`.

use crate::model::*;
use crate::settings::Settings;

use super::measure::MeasureRag;
use super::rules::{Ratings, days_since, days_text};

/// The facts and rule behind a milestone's rating, one step per line, e.g.
/// "due 2025-06-30, as at 2025-09-30 overdue by 92 days, not complete".
pub fn explain_milestone(
    model: &Model,
    settings: &Settings,
    ratings: &Ratings,
    ix: MilestoneIx,
) -> Vec<String> {
    let m = model.milestone(ix);
    let as_of = ratings.as_of;
    let mut steps = Vec::new();
    let Some(r) = ratings.milestone(ix) else {
        steps.push(format!(
            "added to the plan on {}, after the as-at date {as_of}: not in the plan yet, so not rated",
            m.added
        ));
        return steps;
    };
    steps.push(format!(
        "added to the plan on {}, on or before the as-at date {as_of}",
        m.added
    ));
    let used = m.updates_as_of(as_of);
    let ignored = m.updates.len() - used.len();
    let ignored_text = match ignored {
        0 => String::new(),
        1 => "; 1 update dated after the as-at date is ignored".to_string(),
        n => format!("; {n} updates dated after the as-at date are ignored"),
    };
    match used.last() {
        Some(u) => steps.push(format!(
            "status as at {as_of}: {} (update of {} by `{}`){ignored_text}",
            u.status,
            u.date,
            model.owner(u.by).id
        )),
        None => steps.push(format!(
            "status as at {as_of}: not-started (no update yet){ignored_text}"
        )),
    }
    steps.push(match r.times_redated {
        0 => format!(
            "due date in force: {} (the baseline, never re-dated)",
            r.due
        ),
        n => format!(
            "due date in force: {} (baseline {}, re-dated {} {})",
            r.due,
            m.due,
            n,
            if n == 1 { "time" } else { "times" }
        ),
    });
    let complete = if r.status == Status::Complete {
        "complete"
    } else {
        "not complete"
    };
    steps.push(match r.days_to_due {
        d if d < 0 => format!(
            "due {}, as at {as_of} overdue by {}, {complete}",
            r.due,
            days_text(-d)
        ),
        0 => format!("due {}, as at {as_of} due that day, {complete}", r.due),
        d => format!(
            "due {}, as at {as_of} due in {}, {complete}",
            r.due,
            days_text(d)
        ),
    });
    let since = r.last_update.unwrap_or(m.added);
    let age = days_since(since, as_of);
    steps.push(format!(
        "last updated {} ({} before); stale after {} days: {}",
        r.last_update
            .map_or_else(|| format!("never (added {})", m.added), |d| d.to_string()),
        days_text(age),
        settings.stale_after_days,
        if age > i64::from(settings.stale_after_days) {
            "stale"
        } else {
            "not stale"
        }
    ));
    if r.status == Status::NotStarted {
        steps.push(format!(
            "warning window: Amber when not started within {} days of the due date",
            settings.warn_within_days
        ));
    }
    if let Some(x) = r.red_measure {
        steps.push(format!(
            "measure `{}` of commitment `{}` is Red as at {as_of}",
            model.measure(x).id,
            model.commitment(m.commitment).id
        ));
    }
    for &x in &model.commitment(m.commitment).measures {
        let mr = ratings.measure(x);
        if mr.rag == MeasureRag::Red && mr.is_out_of_date() {
            let latest = mr.latest.map(|i| model.measure(x).actual[i].date);
            steps.push(format!(
                "measure `{}` of commitment `{}` is Red as at {as_of}, but out of date (latest value of {}): not evidence against the milestone",
                model.measure(x).id,
                model.commitment(m.commitment).id,
                latest.map_or_else(|| "none".to_string(), |d| d.to_string())
            ));
        }
    }
    if let Some(c) = r.contradiction {
        steps.push(format!(
            "the owner's status contradicts the evidence ({}): the computed rating wins and is flagged",
            c.describe(model)
        ));
    }
    steps.push(format!(
        "-> {} (rule: {})",
        r.rating.label(settings.scale),
        r.rule.name()
    ));
    steps
}

#[cfg(test)]
mod tests {
    use super::super::testing::{
        d, milestone, on_target_with_a_quarterly_measure, plans, plans_with,
    };
    use super::*;

    #[test]
    fn explanation_names_the_rule_and_the_data() {
        let set = plans(&milestone("2025-06-30", &[("2025-06-01", "on-target")]));
        let r = Ratings::compute(&set.model, &set.settings, d("2025-09-30"));
        let steps = explain_milestone(&set.model, &set.settings, &r, MilestoneIx(0));
        assert!(
            steps.contains(
                &"due 2025-06-30, as at 2025-09-30 overdue by 92 days, not complete".to_string()
            ),
            "{steps:#?}"
        );
        assert_eq!(steps.last().unwrap(), "-> Red (rule: overdue)");
    }

    /// An out-of-date value is not evidence of how things stand now: the
    /// explanation says why a Red measure did not turn the milestone Amber.
    #[test]
    fn an_out_of_date_red_measure_is_explained_as_no_evidence() {
        let items = on_target_with_a_quarterly_measure();
        let set = plans_with("measures = [\"X\"]", &items);
        let ratings = Ratings::compute(&set.model, &set.settings, d("2026-02-01"));
        let steps = explain_milestone(&set.model, &set.settings, &ratings, MilestoneIx(0));
        assert!(
            steps.contains(&"measure `X` of commitment `S-C1` is Red as at 2026-02-01, but out of date (latest value of 2025-09-30): not evidence against the milestone".to_string()),
            "{steps:#?}"
        );
    }
}

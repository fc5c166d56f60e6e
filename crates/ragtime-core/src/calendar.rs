//! Milestone due dates as at a date, for calendars owners subscribe to.
//!
//! Which milestones belong on a calendar is a rule about the plans, so it
//! lives here; the CLI writes the entries as iCalendar.

use chrono::NaiveDate;

use crate::model::*;

/// One milestone still to be delivered, with its due date in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueDate {
    pub milestone: MilestoneIx,
    /// The current due date as at the date asked for.
    pub due: NaiveDate,
    /// How often the due date had been revised by then.
    pub times_redated: usize,
    pub status: Status,
}

/// The milestones on the plan at `as_of` and not yet complete or cancelled,
/// of strategies not closed before it, optionally only those `owner` delivers, ordered by due date then id.
pub fn due_dates(model: &Model, as_of: NaiveDate, owner: Option<OwnerIx>) -> Vec<DueDate> {
    let mut dates: Vec<DueDate> = model
        .milestones
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            m.added <= as_of
                && owner.is_none_or(|o| m.owner == o)
                // A closed strategy's plan no longer runs: no dates to keep.
                && !model
                    .strategy(model.strategy_of_milestone(MilestoneIx::from_usize(*i)))
                    .is_closed_at(as_of)
        })
        .filter_map(|(i, m)| {
            let status = m.status_as_of(as_of);
            let done = matches!(status, Status::Complete | Status::Cancelled);
            (!done).then(|| DueDate {
                milestone: MilestoneIx::from_usize(i),
                due: m.due_as_of(as_of),
                times_redated: m.times_redated_as_of(as_of),
                status,
            })
        })
        .collect();
    dates.sort_by(|a, b| {
        (a.due, &model.milestone(a.milestone).id).cmp(&(b.due, &model.milestone(b.milestone).id))
    });
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLANS: &str = r#"
[[owner]]
id = "dcs"
role = "Director"
org = "Council"

[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "cpb"
name = "Board"


[[milestone]]
id = "S-M1"
commitment = "S-C1"
title = "Re-dated twice"
owner = "hos"
added = 2025-01-06
due = 2025-06-30
  [[milestone.update]]
  date = 2025-05-01
  status = "at-risk"
  by = "hos"
  due = 2025-08-31
  reason = "Late start"
  [[milestone.update]]
  date = 2025-08-01
  status = "at-risk"
  by = "hos"
  due = 2025-12-31
  reason = "Later still"

[[milestone]]
id = "S-M2"
commitment = "S-C1"
title = "Completed in July"
owner = "dcs"
added = 2025-01-06
due = 2025-07-31
  [[milestone.update]]
  date = 2025-07-15
  status = "complete"
  by = "dcs"
  note = "Done."

[[milestone]]
id = "S-M3"
commitment = "S-C1"
title = "Added in October"
owner = "dcs"
added = 2025-10-01
due = 2025-11-30
"#;

    fn plans() -> crate::PlanSet {
        crate::testing::framed("dcs", "cpb", PLANS)
    }

    fn ids(plans: &crate::PlanSet, dates: &[DueDate]) -> Vec<String> {
        dates
            .iter()
            .map(|d| plans.model.milestone(d.milestone).id.clone())
            .collect()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn due_dates_are_those_in_force_at_the_date() {
        let plans = plans();
        let june = due_dates(&plans.model, date("2025-06-30"), None);
        assert_eq!(ids(&plans, &june), ["S-M2", "S-M1"]);
        assert_eq!(june[1].due, date("2025-08-31"));
        assert_eq!(june[1].times_redated, 1);

        // By September S-M2 is complete and S-M1 has moved again; S-M3 is
        // not yet on the plan.
        let sept = due_dates(&plans.model, date("2025-09-30"), None);
        assert_eq!(ids(&plans, &sept), ["S-M1"]);
        assert_eq!(sept[0].due, date("2025-12-31"));
        assert_eq!(sept[0].times_redated, 2);
        assert_eq!(sept[0].status, Status::AtRisk);

        let oct = due_dates(&plans.model, date("2025-10-31"), None);
        assert_eq!(ids(&plans, &oct), ["S-M3", "S-M1"]);
    }

    #[test]
    fn one_owner_sees_only_their_milestones() {
        let plans = plans();
        let hos = match plans.model.lookup("hos") {
            Some(EntityRef::Owner(o)) => o,
            other => panic!("hos is {other:?}"),
        };
        let dates = due_dates(&plans.model, date("2025-10-31"), Some(hos));
        assert_eq!(ids(&plans, &dates), ["S-M1"]);
    }
}

//! Checks of the update log against the calendar: an update dated after
//! the date checked (W0506, from `check --as-of`), and a revised due date
//! that is the one already in force (E0408), which is no re-date at all
//! but would count as one (drift) in every report.

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::model::Model;

/// `check` warnings (W0506) for every update dated after `as_of`: reports
/// as at that date do not show it, and `ragtime update` cannot record
/// anything dated before it.
pub fn future_updates(model: &Model, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in &model.milestones {
        for u in m.updates.iter().filter(|u| u.date > as_of) {
            out.push(
                Diagnostic::new(
                    Code::FutureUpdate,
                    u.date_loc(m.file()),
                    format!(
                        "update of `{}` is dated {}, after {as_of}, the date checked",
                        m.id, u.date
                    ),
                )
                .label("after the date checked")
                .help(
                    "date an update the day the progress was made; reports as at an earlier \
                     date leave it out, and later updates must not be dated before it",
                ),
            );
        }
    }
    out
}

/// Errors (E0408) for every revised due date equal to the due date already
/// in force when it was given.
pub(crate) fn same_date_redates(model: &Model, diags: &mut Vec<Diagnostic>) {
    for m in &model.milestones {
        let mut in_force = m.due;
        for u in &m.updates {
            let Some(due) = u.due else { continue };
            if due == in_force {
                let at = u.due_loc(m.file()).unwrap_or_else(|| u.loc(m.file()));
                diags.push(
                    Diagnostic::new(
                        Code::RedatedToSameDate,
                        at,
                        format!("`{}` is already due on {due}: this is not a new due date", m.id),
                    )
                    .label("the due date in force")
                    .help("remove `due` and `reason` from this update; a re-date counts as drift in reports"),
                );
            }
            in_force = due;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{found, plan_with};

    /// Regression: re-dating a milestone to the date already in force was
    /// written, and counted as drift in every report.
    #[test]
    fn a_redate_to_the_date_in_force_is_an_error() {
        let plans = plan_with("due = 2025-09-30", "due = 2025-06-30");
        assert_eq!(found(&plans), ["E0408 plan.toml:37:9"]);
        assert_eq!(
            plans.diagnostics[0].message,
            "`CPS-P1-C1-M1` is already due on 2025-06-30: this is not a new due date"
        );
    }

    /// Regression: an update dated after today was written, invisible in
    /// reports as at today, and blocked every later update.
    #[test]
    fn updates_after_the_date_checked_are_warned_about() {
        let plans = plan_with("date = 2025-06-30", "date = 2025-10-01");
        assert_eq!(found(&plans), Vec::<String>::new());
        let day = |d| NaiveDate::from_ymd_opt(2025, 9, d).unwrap();
        let warned = future_updates(&plans.model, day(30));
        assert_eq!(warned.len(), 1);
        assert_eq!(warned[0].code, Code::FutureUpdate);
        assert_eq!(
            warned[0].message,
            "update of `CPS-P1-C1-M1` is dated 2025-10-01, after 2025-09-30, the date checked"
        );
        let as_at_the_update = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
        assert!(future_updates(&plans.model, as_at_the_update).is_empty());
    }
}

//! Findings about recommendations that need the whole model: dates in the
//! wrong order, a rejection without reasons or with items delivering it, a
//! committee answering itself; and, as at a date, records dated after it.
//!
//! A response with no decision, unknown committees and delivering items are
//! found while building (`model.rs`), where the record is read.

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::model::Model;

use super::model::{Acceptance, Recommendation};

/// Every finding about the recommendations of a built model.
pub(crate) fn check(model: &Model, diags: &mut Vec<Diagnostic>) {
    for r in &model.recommendations {
        received_before_made(r, diags);
        let Some(resp) = &r.response else { continue };
        let start = r.window_start();
        if resp.date < start {
            let (what, at) = match (r.received, &r.received_loc) {
                (Some(received), Some(at)) if received > r.made => ("received", at),
                _ => ("made", &r.made_loc),
            };
            diags.push(
                Diagnostic::new(
                    Code::ResponseBeforeRecommendation,
                    resp.date_loc.clone(),
                    format!(
                        "the response to `{}` is dated {}, before the recommendation was {what} on {start}",
                        r.id, resp.date
                    ),
                )
                .label("response date")
                .secondary(at.clone(), format!("{what} on this date"))
                .help("fix the response's `date`, or the recommendation's date"),
            );
        }
        let no_reasons = resp.text.as_deref().is_none_or(|t| t.trim().is_empty());
        if resp.acceptance != Acceptance::Accepted && no_reasons {
            let d = Diagnostic::new(
                Code::ResponseWithoutReasons,
                resp.text_loc
                    .clone()
                    .unwrap_or_else(|| resp.acceptance_loc.clone()),
                format!(
                    "the response to `{}` is `{}` with no reasons",
                    r.id, resp.acceptance
                ),
            )
            .label(if resp.text_loc.is_some() {
                "empty"
            } else {
                "no `text` in this response"
            })
            .help(
                "add `text = \"...\"` giving the executive's reasons: a recommendation \
                 is rejected, or accepted in part, with reasons",
            );
            diags.push(d);
        }
        if resp.acceptance == Acceptance::Rejected && !r.delivered_by.is_empty() {
            let mut d = Diagnostic::new(
                Code::RejectedButDelivered,
                r.delivered_by_locs[0].clone(),
                format!(
                    "`{}` was rejected, but {} listed as delivering it",
                    r.id,
                    match r.delivered_by.len() {
                        1 => "an item is".to_string(),
                        n => format!("{n} items are"),
                    }
                ),
            )
            .label("delivers a rejected recommendation")
            .secondary(resp.acceptance_loc.clone(), "rejected here");
            for at in &r.delivered_by_locs[1..] {
                d = d.secondary(at.clone(), "also listed");
            }
            diags.push(d.help(
                "remove `delivered-by`, or record the decision as `partly-accepted` \
                 if part of it is being delivered",
            ));
        }
        if resp.by == r.committee {
            diags.push(
                Diagnostic::new(
                    Code::ResponseByCommittee,
                    resp.by_loc.clone(),
                    format!(
                        "the response to `{}` is by `{}`, the committee that made it",
                        r.id,
                        model.board(resp.by).id
                    ),
                )
                .label("the committee itself")
                .secondary(r.committee_loc.clone(), "made by this committee")
                .help("`by` is the executive body that responded, e.g. `cabinet`"),
            );
        }
    }
}

fn received_before_made(r: &Recommendation, diags: &mut Vec<Diagnostic>) {
    if let (Some(received), Some(at)) = (r.received, &r.received_loc)
        && received < r.made
    {
        diags.push(
            Diagnostic::new(
                Code::ReceivedBeforeMade,
                at.clone(),
                format!(
                    "`{}` was received on {received}, before the committee made it on {}",
                    r.id, r.made
                ),
            )
            .label("received")
            .secondary(r.made_loc.clone(), "made")
            .help("`received` is the day the executive received it: on or after `made`"),
        );
    }
}

/// `check` warnings (W0701) for recommendations made, and responses given,
/// after `as_of`: in a check as at today, a date in the future is a slip;
/// reports as at an earlier date leave them out.
pub fn dated_after(model: &Model, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in &model.recommendations {
        if r.made > as_of {
            out.push(
                Diagnostic::new(
                    Code::DatedAfterAsAt,
                    r.made_loc.clone(),
                    format!(
                        "`{}` is dated {}, after the date checked ({as_of})",
                        r.id, r.made
                    ),
                )
                .label("made after the date checked")
                .help(
                    "fix the date if it is a slip; reports as at an earlier date leave \
                     the recommendation out",
                ),
            );
        }
        if let Some(resp) = &r.response
            && resp.date > as_of
        {
            out.push(
                Diagnostic::new(
                    Code::DatedAfterAsAt,
                    resp.date_loc.clone(),
                    format!(
                        "the response to `{}` is dated {}, after the date checked ({as_of})",
                        r.id, resp.date
                    ),
                )
                .label("given after the date checked")
                .help(
                    "fix the date if it is a slip; as at an earlier date the \
                     recommendation is reported as awaiting a response",
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::{PLAN, REGISTRY, found, load_files, text_at};
    use crate::{Code, PlanSet};

    /// A scrutiny committee reporting to Cabinet, and one recommendation
    /// with `rest` (its keys after `text`, and its response).
    fn with(rest: &str) -> PlanSet {
        let recs = format!(
            r#"[[board]]
id = "scrutiny"
name = "Scrutiny Committee"
reports-to = "cabinet"

[[recommendation]]
id = "R1"
committee = "scrutiny"
made = 2025-04-10
title = "Recruit more foster carers"
text = "The council should recruit more foster carers."
{rest}"#
        );
        load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("recs.toml", &recs),
        ])
    }

    const ACCEPTED: &str = r#"delivered-by = ["CPS-P1-C1", "CPS-P1-C1-M1"]

  [recommendation.response]
  decision = "accepted"
  date = 2025-05-22
  by = "cabinet"
"#;

    #[test]
    fn a_sound_recommendation_has_no_findings_and_resolves_what_delivers_it() {
        let plans = with(ACCEPTED);
        assert_eq!(found(&plans), Vec::<String>::new());
        let r = &plans.model.recommendations[0];
        assert_eq!(r.delivered_by.len(), 2);
        assert_eq!(
            r.response.as_ref().map(|x| x.acceptance),
            Some(super::Acceptance::Accepted)
        );
        // The committee oversees nothing, but makes a recommendation: it
        // is used (no W0504).
    }

    #[test]
    fn a_response_before_the_recommendation_points_at_both_dates() {
        let plans = with(&ACCEPTED.replace("2025-05-22", "2025-04-01"));
        assert_eq!(found(&plans), ["E0701 recs.toml:16:10"]);
        let d = &plans.diagnostics[0];
        assert_eq!(text_at(&plans, &d.secondary[0]), "2025-04-10");
        assert!(
            d.message
                .ends_with("before the recommendation was made on 2025-04-10")
        );
        // Received later than made: the response must follow receipt.
        let plans = with(&format!(
            "received = 2025-06-01\n{}",
            ACCEPTED.replace("2025-05-22", "2025-05-30")
        ));
        assert_eq!(found(&plans), ["E0701 recs.toml:17:10"]);
        assert!(
            plans.diagnostics[0]
                .message
                .ends_with("before the recommendation was received on 2025-06-01")
        );
    }

    #[test]
    fn a_response_needs_a_decision() {
        let plans = with(&ACCEPTED.replace("  decision = \"accepted\"\n", ""));
        assert_eq!(found(&plans), ["E0702 recs.toml:14:3"]);
        assert_eq!(
            text_at(&plans, &plans.diagnostics[0].primary),
            "[recommendation.response]"
        );
        let plans = with(&ACCEPTED.replace("\"accepted\"", "\"Accepted\""));
        assert_eq!(found(&plans), ["E0107 recs.toml:15:14"]);
        assert_eq!(
            plans.diagnostics[0].help.as_deref(),
            Some("did you mean `accepted`?")
        );
    }

    #[test]
    fn rejecting_or_accepting_in_part_needs_reasons() {
        let rejected = "[recommendation.response]\ndecision = \"rejected\"\n\
                        date = 2025-05-22\nby = \"cabinet\"\n";
        let plans = with(rejected);
        assert_eq!(found(&plans), ["E0703 recs.toml:13:12"]);
        let partly = rejected.replace("rejected", "partly-accepted") + "text = \"  \"\n";
        let plans = with(&partly);
        assert_eq!(found(&plans), ["E0703 recs.toml:16:8"]);
        assert_eq!(plans.diagnostics[0].primary.text, "empty");
        let reasons = rejected.to_string() + "text = \"Already in the recruitment plan.\"\n";
        assert_eq!(found(&with(&reasons)), Vec::<String>::new());
    }

    #[test]
    fn a_rejected_recommendation_is_not_delivered() {
        let plans = with(&ACCEPTED.replace("\"accepted\"", "\"rejected\"").replace(
            "by = \"cabinet\"",
            "by = \"cabinet\"\n  text = \"No budget.\"",
        ));
        assert_eq!(found(&plans), ["E0704 recs.toml:12:17"]);
        let d = &plans.diagnostics[0];
        assert_eq!(d.secondary.len(), 2);
        assert_eq!(text_at(&plans, &d.secondary[1]), "\"CPS-P1-C1-M1\"");
    }

    #[test]
    fn a_committee_does_not_answer_itself() {
        let plans = with(&ACCEPTED.replace("by = \"cabinet\"", "by = \"scrutiny\""));
        assert_eq!(found(&plans), ["E0705 recs.toml:17:8"]);
    }

    #[test]
    fn received_is_not_before_made() {
        let plans = with(&format!("received = 2025-04-01\n{ACCEPTED}"));
        assert_eq!(found(&plans), ["E0706 recs.toml:12:12"]);
    }

    #[test]
    fn references_are_resolved_with_findings_that_name_both_kinds() {
        let plans = with(&ACCEPTED.replace("\"CPS-P1-C1-M1\"", "\"CPS-P1-C1-M2\""));
        assert_eq!(found(&plans), ["E0202 recs.toml:12:30"]);
        let d = &plans.diagnostics[0];
        assert_eq!(
            d.message,
            "no commitment or milestone has the id `CPS-P1-C1-M2`"
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `CPS-P1-C1-M1`?"));
        let plans = with(&ACCEPTED.replace("\"CPS-P1-C1-M1\"", "\"CPS-M1\""));
        assert_eq!(found(&plans), ["E0203 recs.toml:12:30"]);
        assert_eq!(
            plans.diagnostics[0].message,
            "`CPS-M1` is a measure, not a commitment or a milestone"
        );
    }

    #[test]
    fn an_unknown_committee_leaves_the_recommendation_out() {
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            (
                "recs.toml",
                "[[recommendation]]\nid = \"R1\"\ncommittee = \"scrutny\"\n\
                 made = 2025-04-10\ntitle = \"T\"\ntext = \"X\"\n",
            ),
        ]);
        assert_eq!(found(&plans), ["E0202 recs.toml:3:13"]);
        assert!(plans.model.recommendations.is_empty());
    }

    #[test]
    fn an_item_named_twice_delivers_once() {
        let plans = with(&ACCEPTED.replace("\"CPS-P1-C1-M1\"", "\"CPS-P1-C1\""));
        assert_eq!(found(&plans), Vec::<String>::new());
        assert_eq!(plans.model.recommendations[0].delivered_by.len(), 1);
    }

    #[test]
    fn dates_after_the_date_checked_are_warned_about() {
        let plans = with(ACCEPTED);
        let d = |s: &str| s.parse().unwrap();
        assert!(super::dated_after(&plans.model, d("2025-05-22")).is_empty());
        let later = super::dated_after(&plans.model, d("2025-05-21"));
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].code, Code::DatedAfterAsAt);
        assert_eq!(text_at(&plans, &later[0].primary.clone()), "2025-05-22");
        assert_eq!(super::dated_after(&plans.model, d("2025-04-09")).len(), 2);
    }
}

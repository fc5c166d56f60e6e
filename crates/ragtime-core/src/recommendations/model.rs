//! Recommendations in the model: the committee and the executive's response
//! resolved to boards, the delivering items to commitments and milestones,
//! dates read; built from the raw records once every other item is in the
//! model, and linked into the plan graph.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::build::builder::Builder;
use crate::diag::{Code, Diagnostic};
use crate::graph::{Edge, PlanGraph};
use crate::model::*;
use crate::rollup::Tree;
use crate::source::Loc;

use super::raw::{RawRecommendation, RawResponse};

word_enum! {
    /// What the executive decided about a recommendation.
    Acceptance {
        Accepted = "accepted",
        PartlyAccepted = "partly-accepted",
        Rejected = "rejected",
    }
}

impl Acceptance {
    /// Words for tables: "accepted", "partly accepted".
    pub fn label(self) -> &'static str {
        match self {
            Acceptance::Accepted => "accepted",
            Acceptance::PartlyAccepted => "partly accepted",
            Acceptance::Rejected => "rejected",
        }
    }

    /// Accepted in whole or in part: something is to be delivered.
    pub fn is_accepted(self) -> bool {
        self != Acceptance::Rejected
    }
}

/// An item named as delivering a recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deliverer {
    Commitment(CommitmentIx),
    Milestone(MilestoneIx),
}

impl Deliverer {
    pub fn entity(self) -> EntityRef {
        match self {
            Deliverer::Commitment(c) => EntityRef::Commitment(c),
            Deliverer::Milestone(m) => EntityRef::Milestone(m),
        }
    }
}

/// The executive's response to a recommendation.
#[derive(Clone, Debug)]
pub struct Response {
    pub acceptance: Acceptance,
    pub date: NaiveDate,
    /// The executive body that gave it.
    pub by: BoardIx,
    /// The response, with its reasons.
    pub text: Option<String>,
    /// The action agreed.
    pub action: Option<String>,
    /// Who owns the action agreed.
    pub owner: Option<OwnerIx>,
    pub source: Option<String>,
    pub illustrative: bool,
    /// The `[recommendation.response]` header.
    pub loc: Loc,
    pub date_loc: Loc,
    pub by_loc: Loc,
    pub acceptance_loc: Loc,
    /// Its `text`, if written.
    pub text_loc: Option<Loc>,
}

/// A recommendation a committee made to the executive, and the response.
#[derive(Clone, Debug)]
pub struct Recommendation {
    pub id: String,
    /// The committee that made it.
    pub committee: BoardIx,
    pub made: NaiveDate,
    /// When the executive received it, if later than `made`: the response
    /// window begins with this day.
    pub received: Option<NaiveDate>,
    pub title: String,
    pub text: String,
    /// In the order written, each once.
    pub delivered_by: Vec<Deliverer>,
    pub response: Option<Response>,
    pub note: Option<String>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub loc: Loc,
    pub committee_loc: Loc,
    pub made_loc: Loc,
    pub received_loc: Option<Loc>,
    /// Where each of `delivered_by` is written.
    pub delivered_by_locs: Vec<Loc>,
}

impl Recommendation {
    /// The response as at `date`: none if it was given later.
    pub fn response_as_of(&self, date: NaiveDate) -> Option<&Response> {
        self.response.as_ref().filter(|r| r.date <= date)
    }

    /// The day the response window starts: the day the executive received
    /// it, or the day it was made.
    pub fn window_start(&self) -> NaiveDate {
        self.received.unwrap_or(self.made).max(self.made)
    }

    /// The last day on which the response is in time, `months` after the
    /// window starts (see [`last_day_within`]).
    pub fn response_due(&self, months: u32) -> Option<NaiveDate> {
        last_day_within(self.window_start(), months)
    }

    /// Every milestone delivering it, in plan order, each once: those named
    /// and those of the commitments named.
    pub fn delivering_milestones(&self, tree: &Tree) -> Vec<MilestoneIx> {
        let mut out: Vec<MilestoneIx> = Vec::new();
        for d in &self.delivered_by {
            match *d {
                Deliverer::Milestone(m) => out.push(m),
                Deliverer::Commitment(c) => out.extend(&tree.milestones[c.index()]),
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The last day of a period of `months` months beginning with `start` (the
/// day itself counts): the day before the same date `months` later, or the
/// last day of that month when it has no such date. Received on 18 April,
/// a two-month response is due by 17 June; received on 31 December, by the
/// end of February.
pub fn last_day_within(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    let same = start.checked_add_months(Months::new(months))?;
    if same.day() == start.day() {
        same.checked_sub_days(Days::new(1))
    } else {
        // chrono keeps to the month's last day when the date is missing.
        Some(same)
    }
}

/// Builds every recommendation, file by file. Runs after the milestones are
/// built, since a recommendation may name one.
pub(crate) fn build(b: &mut Builder<'_, '_>) {
    let files = b.files;
    for part in files {
        let file = part.file;
        for r in &part.raw.recommendations {
            let r = r.get_ref();
            if let Some(rec) = build_one(b, file, r) {
                let ix = RecommendationIx::from_usize(b.model.recommendations.len());
                if b.register(&r.id, EntityRef::Recommendation(ix), file) {
                    b.model.recommendations.push(rec);
                }
            }
        }
    }
}

fn build_one(
    b: &mut Builder<'_, '_>,
    file: crate::source::FileId,
    r: &RawRecommendation,
) -> Option<Recommendation> {
    let committee = b.board(file, &r.committee);
    let made = b.date(file, &r.made);
    let received = r.received.as_ref().and_then(|d| b.date(file, d));
    let mut delivered_by = Vec::new();
    let mut delivered_by_locs = Vec::new();
    for name in &r.delivered_by {
        let found = b.lookup_one_of(file, name, &[Kind::Commitment, Kind::Milestone]);
        let d = match found {
            Some(EntityRef::Commitment(c)) => Deliverer::Commitment(c),
            Some(EntityRef::Milestone(m)) => Deliverer::Milestone(m),
            _ => continue,
        };
        // Named twice: counted once; nothing is lost.
        if !delivered_by.contains(&d) {
            delivered_by.push(d);
            delivered_by_locs.push(at(file, name));
        }
    }
    let response = r
        .response
        .as_ref()
        .and_then(|resp| build_response(b, file, &r.id, resp));
    Some(Recommendation {
        id: r.id.get_ref().clone(),
        committee: committee?,
        made: made?,
        received,
        title: r.title.get_ref().clone(),
        text: r.text.get_ref().clone(),
        delivered_by,
        response,
        note: r.note.clone(),
        source: r.source.clone(),
        illustrative: r.illustrative,
        loc: at(file, &r.id),
        committee_loc: at(file, &r.committee),
        made_loc: at(file, &r.made),
        received_loc: r.received.as_ref().map(|d| at(file, d)),
        delivered_by_locs,
    })
}

fn build_response(
    b: &mut Builder<'_, '_>,
    file: crate::source::FileId,
    id: &toml::Spanned<String>,
    resp: &toml::Spanned<RawResponse>,
) -> Option<Response> {
    let here = Loc::new(file, resp.span());
    let r = resp.get_ref();
    let date = b.date(file, &r.date);
    let by = b.board(file, &r.by);
    let owner = r.owner.as_ref().and_then(|o| b.owner(file, o));
    let acceptance = match &r.decision {
        Some(word) => b.word::<Acceptance>(
            file,
            word,
            Code::BadValue,
            "a decision",
            Acceptance::words(),
        ),
        None => {
            b.push(
                Diagnostic::new(
                    Code::ResponseWithoutDecision,
                    here.clone(),
                    format!("the response to `{}` has no decision", id.get_ref()),
                )
                .label("no `decision` in this response")
                .help(
                    "add `decision = \"accepted\"`, `\"partly-accepted\"` or `\"rejected\"`: \
                     the executive accepts, accepts in part or rejects each recommendation",
                ),
            );
            None
        }
    };
    Some(Response {
        acceptance: acceptance?,
        date: date?,
        by: by?,
        text: r.text.as_ref().map(|t| t.get_ref().clone()),
        action: r.action.clone(),
        owner,
        source: r.source.clone(),
        illustrative: r.illustrative,
        acceptance_loc: r.decision.as_ref().map_or(here.clone(), |d| at(file, d)),
        loc: here,
        date_loc: at(file, &r.date),
        by_loc: at(file, &r.by),
        text_loc: r.text.as_ref().map(|d| at(file, d)),
    })
}

fn at<T>(file: crate::source::FileId, value: &toml::Spanned<T>) -> Loc {
    Loc::new(file, value.span())
}

/// The plan graph's edges of each recommendation: made by its committee,
/// responded to by the executive body, delivered by commitments and
/// milestones; the owner of the action agreed owns it.
pub(crate) fn add_edges(g: &mut PlanGraph, model: &Model) {
    for (i, r) in model.recommendations.iter().enumerate() {
        let me = EntityRef::Recommendation(RecommendationIx::from_usize(i));
        g.edge(me, EntityRef::Board(r.committee), Edge::MadeBy);
        if let Some(resp) = &r.response {
            g.edge(me, EntityRef::Board(resp.by), Edge::RespondedBy);
            if let Some(o) = resp.owner {
                g.edge(me, EntityRef::Owner(o), Edge::OwnedBy);
            }
        }
        for d in &r.delivered_by {
            g.edge(me, d.entity(), Edge::DeliveredBy);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::{prop_assert, proptest};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_window_begins_with_the_day_received() {
        for (start, months, last) in [
            ("2018-04-18", 2, "2018-06-17"),
            ("2018-04-30", 2, "2018-06-29"),
            ("2025-12-31", 2, "2026-02-28"),
            ("2023-12-30", 2, "2024-02-29"),
            ("2023-12-29", 2, "2024-02-28"),
            ("2025-01-01", 1, "2025-01-31"),
            ("2025-08-31", 1, "2025-09-30"),
            ("2025-01-31", 1, "2025-02-28"),
        ] {
            assert_eq!(
                last_day_within(d(start), months),
                Some(d(last)),
                "{start} + {months} months"
            );
        }
    }

    proptest! {
        /// A response window of whole months begins with its first day
        /// and ends before the same date that many months on.
        #[test]
        fn the_window_is_whole_months(start in 0u32..20_000, months in 1u32..=24) {
            let start = d("2000-01-01") + chrono::Days::new(u64::from(start));
            let last = last_day_within(start, months).unwrap();
            prop_assert!(last >= start);
            // It ends on the day before the same date `months` on, or on
            // that month's last day when it has no such date.
            let same = start.checked_add_months(chrono::Months::new(months)).unwrap();
            prop_assert!(last <= same);
            prop_assert!(same <= last + chrono::Days::new(1));
            // A later start never has an earlier end.
            let next = last_day_within(start + chrono::Days::new(1), months).unwrap();
            prop_assert!(next >= last);
        }
    }
}

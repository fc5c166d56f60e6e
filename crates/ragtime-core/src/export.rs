//! The rated milestones as rows for data tools (`ragtime export`): one row
//! per milestone as at a date, with the ids up its tree, its owner and
//! organisation, the boards that oversee it, its status and rating, the
//! due date in force and how often it was re-dated.
//!
//! A row is made when it is asked for ([`Export::row`]), from the model and
//! the measures' ratings, so a caller can write millions of rows in
//! batches without holding them. The rules are the reports' (see
//! [`crate::rating`]): a milestone added after the date has no row, and a
//! strategy closed and ended before the date has its milestones rated as
//! at its end, as the portfolio summary shows its final position.

use chrono::NaiveDate;

use crate::model::*;
use crate::rating::{MeasureRating, Rating, rate_measure, rate_milestone};
use crate::settings::Settings;

/// One milestone as at a date. Texts are borrowed from the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<'m> {
    /// The date it is rated as at: the date asked for, or its strategy's
    /// end when that strategy is closed and ended before then.
    pub as_at: NaiveDate,
    pub milestone: &'m str,
    pub title: &'m str,
    pub strategy: &'m str,
    pub priority: &'m str,
    pub commitment: &'m str,
    /// The owner's id, and the organisation the owner belongs to.
    pub owner: &'m str,
    pub organisation: &'m str,
    /// The boards that oversee it directly: its strategy's, then its
    /// commitment's own, each once.
    pub boards: Vec<&'m str>,
    /// The owner's status as at the date (`not-started` with no update).
    pub status: Status,
    pub rating: Rating,
    /// The owner's status is contradicted by the evidence (marked on
    /// target, but overdue or with a Red measure); the rating is the
    /// computed one.
    pub flagged: bool,
    /// The due date in force, and the baseline.
    pub due: NaiveDate,
    pub baseline_due: NaiveDate,
    pub times_redated: usize,
    pub last_update: Option<NaiveDate>,
    pub added: NaiveDate,
    /// Its strategy is closed and ended before the date asked for.
    pub closed: bool,
    /// Marked `illustrative = true` in the plans: invented for the
    /// example, not taken from a source document.
    pub illustrative: bool,
}

/// The names of a row's fields, in order: the header of a CSV export and
/// the keys of a JSON Lines one.
pub const COLUMNS: [&str; 19] = [
    "as_at",
    "milestone",
    "title",
    "strategy",
    "priority",
    "commitment",
    "owner",
    "organisation",
    "boards",
    "status",
    "rating",
    "flagged",
    "due",
    "baseline_due",
    "times_redated",
    "last_update",
    "added",
    "closed",
    "illustrative",
];

/// The measures rated as at the dates rows are rated at.
pub struct Export<'a> {
    model: &'a Model,
    settings: &'a Settings,
    as_of: NaiveDate,
    measures: Vec<MeasureRating>,
    /// For each strategy closed and ended before the date: the measures
    /// rated as at its end.
    closed: Vec<Option<Vec<MeasureRating>>>,
}

impl<'a> Export<'a> {
    /// Rates the measures as at `as_of` (and as at the end of each closed
    /// strategy); milestones are rated row by row.
    pub fn new(model: &'a Model, settings: &'a Settings, as_of: NaiveDate) -> Export<'a> {
        let rate_all = |date| {
            model
                .measures
                .iter()
                .map(|m| rate_measure(m, settings, date))
                .collect()
        };
        Export {
            model,
            settings,
            as_of,
            measures: rate_all(as_of),
            closed: model
                .strategies
                .iter()
                .map(|s| s.is_closed_at(as_of).then(|| rate_all(s.end)))
                .collect(),
        }
    }

    /// How many milestones there are (rows, and those with none).
    pub fn len(&self) -> usize {
        self.model.milestones.len()
    }

    pub fn is_empty(&self) -> bool {
        self.model.milestones.is_empty()
    }

    /// The row of milestone `ix`, or `None` when it was added after the
    /// date it is rated at.
    pub fn row(&self, ix: MilestoneIx) -> Option<Row<'a>> {
        let model = self.model;
        let m = model.milestone(ix);
        let commitment = model.commitment(m.commitment);
        let priority = model.priority(commitment.priority);
        let strategy = model.strategy(priority.strategy);
        let (as_at, measures) = match &self.closed[priority.strategy.index()] {
            Some(measures) => (strategy.end, measures),
            None => (self.as_of, &self.measures),
        };
        let r = rate_milestone(model, self.settings, measures, m, as_at)?;
        let owner = model.owner(m.owner);
        let mut boards: Vec<&str> = Vec::new();
        for &b in strategy.boards.iter().chain(&commitment.boards) {
            let id = model.board(b).id.as_str();
            if !boards.contains(&id) {
                boards.push(id);
            }
        }
        Some(Row {
            as_at,
            milestone: &m.id,
            title: &m.title,
            strategy: &strategy.id,
            priority: &priority.id,
            commitment: &commitment.id,
            owner: &owner.id,
            organisation: &owner.org,
            boards,
            status: r.status,
            rating: r.rating,
            flagged: r.contradiction.is_some(),
            due: r.due,
            baseline_due: m.due,
            times_redated: r.times_redated,
            last_update: r.last_update,
            added: m.added,
            closed: self.closed[priority.strategy.index()].is_some(),
            illustrative: m.illustrative,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Context;
    use crate::rollup::{Counts, Scope};
    use crate::testing::{PLAN, REGISTRY, load_files};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_row_says_what_the_reports_say() {
        let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", PLAN)]);
        let export = Export::new(&plans.model, &plans.settings, d("2025-09-30"));
        let row = export.row(MilestoneIx(0)).expect("added before");
        assert_eq!(
            row,
            Row {
                as_at: d("2025-09-30"),
                milestone: "CPS-P1-C1-M1",
                title: "Launch the recruitment campaign",
                strategy: "CPS",
                priority: "CPS-P1",
                commitment: "CPS-P1-C1",
                owner: "hos-fostering",
                organisation: "Herefordshire Council",
                boards: vec!["cpb"],
                status: Status::AtRisk,
                rating: Rating::Amber,
                flagged: false,
                due: d("2025-09-30"),
                baseline_due: d("2025-06-30"),
                times_redated: 1,
                last_update: Some(d("2025-06-30")),
                added: d("2025-01-06"),
                closed: false,
                illustrative: false,
            }
        );
        // Before it was added to the plan, it has no row.
        let before = Export::new(&plans.model, &plans.settings, d("2025-01-01"));
        assert_eq!(before.row(MilestoneIx(0)), None);
    }

    /// Regression: the export had no `illustrative` column, so invented
    /// example milestones passed for real ones in a warehouse.
    #[test]
    fn a_row_says_whether_the_milestone_is_illustrative() {
        let plans = crate::testing::framed(
            "o",
            "b",
            "[[owner]]\nid = \"o\"\nrole = \"r\"\norg = \"g\"\n\n[[board]]\nid = \"b\"\nname = \"B\"\n\n\
             [[milestone]]\nid = \"M1\"\ncommitment = \"S-C1\"\ntitle = \"t\"\nowner = \"o\"\nadded = 2024-01-01\ndue = 2024-06-30\nillustrative = true\n\n\
             [[milestone]]\nid = \"M2\"\ncommitment = \"S-C1\"\ntitle = \"t\"\nowner = \"o\"\nadded = 2024-01-01\ndue = 2026-06-30\n",
        );
        let export = Export::new(&plans.model, &plans.settings, d("2024-03-31"));
        let marks: Vec<(&str, bool)> = (0..export.len())
            .filter_map(|i| export.row(MilestoneIx::from_usize(i)))
            .map(|row| (row.milestone, row.illustrative))
            .collect();
        assert_eq!(marks, [("M1", true), ("M2", false)]);
    }

    /// The rows count up to the portfolio summary's figures.
    #[test]
    fn rows_count_as_the_portfolio_does() {
        let plans = crate::testing::framed(
            "o",
            "b",
            "[[owner]]\nid = \"o\"\nrole = \"r\"\norg = \"g\"\n\n[[board]]\nid = \"b\"\nname = \"B\"\n\n\
             [[milestone]]\nid = \"M1\"\ncommitment = \"S-C1\"\ntitle = \"t\"\nowner = \"o\"\nadded = 2024-01-01\ndue = 2024-06-30\n\n\
             [[milestone]]\nid = \"M2\"\ncommitment = \"S-C1\"\ntitle = \"t\"\nowner = \"o\"\nadded = 2024-01-01\ndue = 2026-06-30\n\
             [[milestone.update]]\ndate = 2024-03-01\nstatus = \"on-target\"\nby = \"o\"\n",
        );
        for date in ["2024-03-31", "2024-09-30", "2025-03-31"] {
            let date = d(date);
            let ctx = Context::new(&plans, date).unwrap();
            let scope = Scope::portfolio(&plans.model);
            let want = Counts::of(&ctx.ratings, scope.milestones(&plans.model));
            let export = Export::new(&plans.model, &plans.settings, date);
            let rows: Vec<Row<'_>> = (0..export.len())
                .filter_map(|i| export.row(MilestoneIx::from_usize(i)))
                .collect();
            for r in Rating::ALL {
                let n = rows.iter().filter(|row| row.rating == r).count() as u64;
                assert_eq!(n, want.rating(r), "{date} {r:?}");
            }
            let flagged = rows.iter().filter(|row| row.flagged).count() as u64;
            assert_eq!(flagged, want.flagged(), "{date}");
        }
    }
}

//! The plan set rated as at one date: what every report builder reads.

use std::cell::OnceCell;

use chrono::NaiveDate;

use crate::PlanSet;
use crate::graph::PlanGraph;
use crate::model::Model;
use crate::period::{PeriodError, Quarter};
use crate::rating::Ratings;
use crate::report::doc::Freshness;
use crate::rollup::{Rollups, Scope, Tree};
use crate::settings::{RollupRule, Scale, Settings};

/// A plan set, its ratings and rollups as at `as_of`, and (computed when
/// first asked for) the same as at the end of the previous quarter, for
/// direction of travel.
pub struct Context<'a> {
    pub model: &'a Model,
    pub graph: &'a PlanGraph,
    pub settings: &'a Settings,
    pub as_of: NaiveDate,
    /// The quarter the as-at date falls in.
    pub quarter: Quarter,
    pub tree: Tree,
    pub ratings: Ratings,
    pub rollups: Rollups,
    previous: OnceCell<(Ratings, Rollups)>,
}

impl<'a> Context<'a> {
    /// Rates `plans` as at `as_of`. Fails only for a date outside the years
    /// reports handle.
    pub fn new(plans: &'a PlanSet, as_of: NaiveDate) -> Result<Context<'a>, PeriodError> {
        Context::of(&plans.model, &plans.graph, &plans.settings, as_of)
    }

    /// The same plan set rated as at another date: a closed strategy's
    /// final position is reported as at its end date.
    pub fn at(&self, as_of: NaiveDate) -> Result<Context<'a>, PeriodError> {
        Context::of(self.model, self.graph, self.settings, as_of)
    }

    fn of(
        model: &'a Model,
        graph: &'a PlanGraph,
        settings: &'a Settings,
        as_of: NaiveDate,
    ) -> Result<Context<'a>, PeriodError> {
        let quarter = Quarter::containing(as_of)?;
        let ratings = Ratings::compute(model, settings, as_of);
        let rollups = Rollups::compute(model, &ratings);
        Ok(Context {
            model,
            graph,
            settings,
            as_of,
            quarter,
            tree: Tree::build(model),
            ratings,
            rollups,
            previous: OnceCell::new(),
        })
    }

    /// The end of the quarter before the one the as-at date falls in: what
    /// direction of travel compares with.
    pub fn previous_date(&self) -> NaiveDate {
        self.quarter.previous().end()
    }

    /// Ratings and rollups as at [`Context::previous_date`].
    pub fn previous(&self) -> &(Ratings, Rollups) {
        self.previous.get_or_init(|| {
            let ratings = Ratings::compute(self.model, self.settings, self.previous_date());
            let rollups = Rollups::compute(self.model, &ratings);
            (ratings, rollups)
        })
    }

    /// How fresh the data in `scope` is as at the date.
    pub fn freshness(&self, scope: &Scope) -> Freshness {
        Freshness::of(
            self.model,
            self.settings,
            self.as_of,
            scope.milestones(self.model),
        )
    }

    /// [`Context::facts`] with the latest update in `scope` after the
    /// period, and that freshness, for a report over `scope`.
    pub(crate) fn facts_for(&self, scope: &Scope) -> (Vec<(String, String)>, Freshness) {
        let freshness = self.freshness(scope);
        (
            super::freshness::with_fact(self.facts(), &freshness, self.as_of),
            freshness,
        )
    }

    /// The facts every report states under its title, after the as-at date
    /// (which every writer prints from `Document::as_at`).
    pub fn facts(&self) -> Vec<(String, String)> {
        let period = if self.as_of == self.quarter.end() {
            format!("{} (quarter end)", self.quarter)
        } else {
            format!("{} (to {})", self.quarter, self.quarter.end())
        };
        vec![
            ("Period".to_string(), period),
            (
                "Scale".to_string(),
                scale_text(self.settings.scale).to_string(),
            ),
            ("Rollup rule".to_string(), rule_text(self.settings)),
        ]
    }
}

pub(crate) fn scale_text(scale: Scale) -> &'static str {
    match scale {
        Scale::Brag => "BRAG (Blue = complete, Green, Amber, Red)",
        Scale::Rag => "RAG, three-point (complete shows as Green)",
        Scale::FivePoint => "five-point (Green, Amber/Green, Amber, Amber/Red, Red)",
    }
}

pub(crate) fn rule_text(s: &Settings) -> String {
    match s.rollup {
        RollupRule::WorstOf => "worst-of: the worst rating of any milestone".to_string(),
        RollupRule::Thresholds if s.scale == Scale::FivePoint => format!(
            "thresholds: Green at least {g}% complete or on target and no Red; Amber/Green at least {g}% with a Red; Amber from {m}%; Amber/Red from {r}% and Red under {r}%, with a Red milestone",
            g = s.green_at_least,
            m = crate::rollup::midpoint(s),
            r = s.red_below
        ),
        RollupRule::Thresholds => format!(
            "thresholds: Green at least {}% complete or on target and no Red; Red under {}% with a Red milestone; otherwise Amber",
            s.green_at_least, s.red_below
        ),
    }
}

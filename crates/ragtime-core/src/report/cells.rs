//! Columns and cells shared by the report builders, so every table counts
//! and labels ratings the same way.

use chrono::NaiveDate;

use super::context::Context;
use super::doc::*;
use crate::model::*;
use crate::rating::{MilestoneRating, Rating, Ratings};
use crate::rollup::{Counts, Overall, colour_rank, overall, rounding_words};
use crate::settings::{PercentOf, RollupRule, Settings};

pub(crate) fn col(key: &str, heading: &str, align: Align) -> Column {
    Column {
        key: key.to_string(),
        heading: heading.to_string(),
        align,
    }
}

pub(crate) fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

pub(crate) fn opt_text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, text)
}

/// A count and its noun: "1 budget line", "3 budget lines".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The ratings counted in tables, in column order. Cancelled is apart.
pub(crate) const COUNTED: [Rating; 6] = [
    Rating::Blue,
    Rating::Green,
    Rating::Amber,
    Rating::Red,
    Rating::Paused,
    Rating::NotStarted,
];

fn count_key(r: Rating) -> &'static str {
    match r {
        Rating::Blue => "complete",
        Rating::Green => "on_target",
        Rating::Amber => "at_risk",
        Rating::Red => "not_on_target",
        Rating::Paused => "paused",
        Rating::NotStarted => "not_started",
        Rating::Cancelled => "cancelled",
    }
}

fn count_heading(r: Rating) -> String {
    let mut h = r.meaning().to_string();
    h[..1].make_ascii_uppercase();
    h
}

/// One column per counted rating: Complete, On target, At risk, Not on
/// target, Paused, Not started.
pub(crate) fn count_columns() -> Vec<Column> {
    COUNTED
        .iter()
        .map(|&r| col(count_key(r), &count_heading(r), Align::Right))
        .collect()
}

pub(crate) fn count_cells(c: &Counts) -> Vec<Cell> {
    COUNTED.iter().map(|&r| Cell::Count(c.rating(r))).collect()
}

pub(crate) fn percent_cell(c: &Counts, settings: &Settings) -> Cell {
    c.percent(settings).map_or(Cell::Empty, Cell::Percent)
}

pub(crate) fn overall_cell(o: &Overall) -> Cell {
    Cell::Rag(RagCell {
        colour: o.colour,
        label: o.label.clone(),
        flag: None,
    })
}

/// A milestone's rating, flagged when the owner's status contradicts it or
/// when it is Red with no corrective action.
pub(crate) fn milestone_rag(ctx: &Context, r: &MilestoneRating, flags: Vec<String>) -> Cell {
    let mut all = Vec::new();
    if let Some(c) = r.contradiction {
        all.push(c.describe(ctx.model));
    }
    all.extend(flags);
    Cell::Rag(RagCell {
        colour: r.rating.colour(ctx.settings.scale),
        label: r.rating.label(ctx.settings.scale),
        flag: (!all.is_empty()).then(|| all.join("; ")),
    })
}

/// Direction of travel between two rollups: up when the overall rating is
/// better now, new when nothing was rated then.
pub(crate) fn travel(then: &Overall, now: &Overall) -> Trend {
    use crate::report::Colour::Grey;
    match (then.colour, now.colour) {
        (_, Grey) => Trend::None,
        (Grey, _) => Trend::New,
        (a, b) => match colour_rank(b).cmp(&colour_rank(a)) {
            std::cmp::Ordering::Less => Trend::Up,
            std::cmp::Ordering::Greater => Trend::Down,
            std::cmp::Ordering::Equal => Trend::Same,
        },
    }
}

/// Counts, percentage, overall rating and direction of travel of a group of
/// milestones, now and at the end of the previous quarter.
pub(crate) struct Group {
    pub now: Counts,
    pub then: Counts,
    /// The earliest due date on or after the as-at date of any milestone
    /// still open.
    pub next_due: Option<NaiveDate>,
}

impl Group {
    pub fn of(ctx: &Context, milestones: impl IntoIterator<Item = MilestoneIx> + Clone) -> Group {
        let (then, _) = ctx.previous();
        Group {
            now: Counts::of(&ctx.ratings, milestones.clone()),
            then: Counts::of(then, milestones.clone()),
            next_due: next_due(&ctx.ratings, milestones),
        }
    }

    pub fn overall(&self, ctx: &Context) -> Overall {
        overall(&self.now, ctx.settings)
    }

    pub fn travel(&self, ctx: &Context) -> Trend {
        travel(
            &overall(&self.then, ctx.settings),
            &overall(&self.now, ctx.settings),
        )
    }
}

fn next_due(
    ratings: &Ratings,
    milestones: impl IntoIterator<Item = MilestoneIx>,
) -> Option<NaiveDate> {
    milestones
        .into_iter()
        .filter_map(|m| ratings.milestone(m))
        .filter(|r| !matches!(r.rating, Rating::Blue | Rating::Cancelled) && r.due >= ratings.as_of)
        .map(|r| r.due)
        .min()
}

/// The note in force: the latest non-empty note on or before the date.
pub(crate) fn latest_note(m: &Milestone, as_of: NaiveDate) -> Option<&str> {
    m.updates_as_of(as_of)
        .iter()
        .rev()
        .find_map(|u| u.note().filter(|n| !n.trim().is_empty()))
}

/// The corrective action in force: the latest non-empty one on or before
/// the date.
pub(crate) fn latest_action(m: &Milestone, as_of: NaiveDate) -> Option<&str> {
    m.updates_as_of(as_of)
        .iter()
        .rev()
        .find_map(|u| u.action().filter(|n| !n.trim().is_empty()))
}

/// The paragraph under a counts table saying how it was counted, with the
/// percentage convention and the rollup rule in force.
pub(crate) fn counting_note(settings: &Settings) -> String {
    let denominator = match settings.percent_of {
        PercentOf::Rated => "(complete + on target + at risk + not on target)",
        PercentOf::Live => "all live milestones (paused and not started included)",
    };
    let mut note = format!(
        "Each milestone counts once, by its rating as at the date: complete = Blue, \
         on target = Green, at risk = Amber (including not updated within the staleness \
         window, and not started close to its due date), not on target = Red (including \
         past its due date). Paused and not-started milestones are not rated; cancelled \
         ones are shown apart. % = (complete + on target) / {denominator}, {}.",
        rounding_words(settings.rounding)
    );
    if settings.rollup == RollupRule::Thresholds {
        note.push_str(
            " The RAG compares the % as shown with the thresholds, and is never worse than \
             the worst milestone: without a Red milestone it is at worst Amber",
        );
        note.push_str(match settings.percent_of {
            PercentOf::Rated => ".",
            PercentOf::Live => ", and without an Amber one, at worst Green.",
        });
    }
    note
}

/// The paragraph saying how many milestones are rated against their
/// owner's status, if any.
pub(crate) fn flagged_note(c: &Counts) -> Option<String> {
    match c.flagged() {
        0 => None,
        1 => Some(
            "1 milestone is marked on target by its owner but the evidence says otherwise; \
             it is counted by its computed rating and listed in the exceptions."
                .to_string(),
        ),
        n => Some(format!(
            "{n} milestones are marked on target by their owners but the evidence says \
             otherwise; they are counted by their computed ratings and listed in the exceptions."
        )),
    }
}

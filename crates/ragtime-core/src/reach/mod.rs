//! What each plan file contributes to, so that a report is made when the
//! files its own scope draws on are sound: a typo in one lead's file does
//! not hold up the pack of a board that does not oversee it, and a problem
//! in a file the pack does draw on still stops it.
//!
//! A file reaches **every** report when it could not be read (it may hold
//! anything), when it holds owners, boards or the settings (every report
//! uses them), or when it holds a record whose strategy cannot be worked
//! out (a milestone whose commitment is unknown could belong to any
//! strategy). Otherwise it reaches the strategies its records belong to
//! (money by what it is `for`), the boards its strategies, commitments and
//! recommendations name, and the measures it holds. Records are placed from what is written in them, whether or not
//! they made it into the model: a record too broken to build still says
//! where it belongs, so a report is not made while one of its own records
//! is missing.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Severity};
use crate::model::{BoardIx, MeasureIx, StrategyIx};
use crate::rollup::{Scope, Tree};
use crate::source::FileId;
use crate::{Model, PlanSet};

/// Why a file reaches every report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Everywhere {
    /// It could not be read as TOML (or as text): it may hold anything.
    Unread,
    /// It holds owners or boards, which every report uses.
    Registry,
    /// It holds the settings, which every report uses.
    Settings,
    /// It holds a record whose strategy cannot be worked out.
    Unplaced,
}

impl Everywhere {
    /// Why, in words: "could not be read, so it may hold anything".
    pub fn reason(self) -> &'static str {
        match self {
            Everywhere::Unread => "could not be read, so it may hold anything",
            Everywhere::Registry => "holds owners or boards, which every report uses",
            Everywhere::Settings => "holds the settings, which every report uses",
            Everywhere::Unplaced => {
                "holds a record whose strategy cannot be worked out, which may belong anywhere"
            }
        }
    }
}

/// What one file contributes to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileReach {
    /// Set when the file reaches every report.
    pub everywhere: Option<Everywhere>,
    /// The ids of the strategies its records belong to.
    pub strategies: BTreeSet<String>,
    /// The ids of the boards its strategies and commitments name.
    pub boards: BTreeSet<String>,
    /// The ids of the measures it holds.
    pub measures: BTreeSet<String>,
}

/// What a report draws on: the ids of its strategies (whole or in part),
/// of the boards whose oversight it shows, and of the measures it uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draws {
    pub strategies: BTreeSet<String>,
    pub boards: BTreeSet<String>,
    pub measures: BTreeSet<String>,
}

/// What every file of a plan set contributes to.
#[derive(Clone, Debug, Default)]
pub struct Reach {
    /// By file, in the plan set's file order.
    pub files: Vec<FileReach>,
    /// For each strategy id, the measure ids its commitments name (as
    /// written, whether or not those commitments were built).
    evidence: BTreeMap<String, BTreeSet<String>>,
    /// For each board id, the strategies of the items delivering the
    /// recommendations it made or answered: a pack's tracker shows how far
    /// each is delivered.
    delivery: BTreeMap<String, BTreeSet<String>>,
}

mod place;
#[cfg(test)]
mod tests;

impl Reach {
    /// What a report over `scope` draws on, with the boards whose oversight
    /// it shows: the strategies it touches and those delivering the
    /// recommendations of those boards, and every measure it uses (those in
    /// scope, and those named by the commitments of its strategies).
    pub fn draws(&self, model: &Model, tree: &Tree, scope: &Scope, boards: &[BoardIx]) -> Draws {
        let strategies: BTreeSet<String> = (0..model.strategies.len())
            .map(StrategyIx::from_usize)
            .filter(|&s| scope.touches(tree, s))
            .map(|s| model.strategy(s).id.clone())
            .collect();
        let mut measures: BTreeSet<String> = (0..model.measures.len())
            .map(MeasureIx::from_usize)
            .filter(|&m| scope.has_measure(m))
            .map(|m| model.measure(m).id.clone())
            .collect();
        let boards: BTreeSet<String> = boards.iter().map(|&b| model.board(b).id.clone()).collect();
        let mut strategies = strategies;
        for b in &boards {
            strategies.extend(self.delivery.get(b).into_iter().flatten().cloned());
        }
        for s in &strategies {
            measures.extend(self.evidence.get(s).into_iter().flatten().cloned());
        }
        Draws {
            strategies,
            boards,
            measures,
        }
    }

    /// Whether `file` contributes to a report that draws on `draws`.
    pub fn reaches(&self, file: FileId, draws: &Draws) -> bool {
        let Some(r) = self.files.get(file.index()) else {
            return true;
        };
        r.everywhere.is_some() || Self::shares(r, draws)
    }

    /// Why `file` is drawn on by every report, when that is the only
    /// reason a report that draws on `draws` draws on it: to explain why
    /// a file that holds none of its strategies holds it up.
    pub fn only_everywhere(&self, file: FileId, draws: &Draws) -> Option<Everywhere> {
        let r = self.files.get(file.index())?;
        r.everywhere.filter(|_| !Self::shares(r, draws))
    }

    fn shares(r: &FileReach, draws: &Draws) -> bool {
        r.strategies.iter().any(|s| draws.strategies.contains(s))
            || r.boards.iter().any(|b| draws.boards.contains(b))
            || r.measures.iter().any(|m| draws.measures.contains(m))
    }
}

/// The errors of a plan set, split by whether they are in a file a report
/// draws on.
#[derive(Clone, Debug, Default)]
pub struct Held<'a> {
    /// Errors in the files the report draws on: it is not made.
    pub inside: Vec<&'a Diagnostic>,
    /// Errors only in other files: the report is made, and they are counted.
    pub outside: Vec<&'a Diagnostic>,
}

impl PlanSet {
    /// This plan set's errors for a report that draws on `draws`. An error
    /// is inside when any place it points at (its own, or a place that
    /// explains it) is in a file the report draws on.
    pub fn errors_for(&self, draws: &Draws) -> Held<'_> {
        let mut held = Held::default();
        for d in self
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
        {
            let inside = std::iter::once(&d.primary)
                .chain(&d.secondary)
                .any(|l| self.reach.reaches(l.loc.file, draws));
            if inside {
                held.inside.push(d);
            } else {
                held.outside.push(d);
            }
        }
        held
    }
}

//! What a report covers: the whole portfolio, some strategies and single
//! commitments, or everything a board oversees; closed strategies whose
//! period has ended are taken out to be shown at their final position.

use chrono::NaiveDate;

use crate::graph::PlanGraph;
use crate::model::*;

use super::tree::Tree;

/// What a report covers: whole strategies, and single commitments of other
/// strategies (a board may oversee one commitment of a strategy it does not
/// oversee as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    /// Strategies covered as a whole.
    whole: Vec<bool>,
    /// Commitments covered, those of whole strategies included.
    commitments: Vec<bool>,
    /// Measures of whole strategies, and those evidencing a covered commitment.
    measures: Vec<bool>,
}

impl Scope {
    /// Everything in the plan set.
    pub fn portfolio(model: &Model) -> Scope {
        Scope {
            whole: vec![true; model.strategies.len()],
            commitments: vec![true; model.commitments.len()],
            measures: vec![true; model.measures.len()],
        }
    }

    /// Whole strategies, and single commitments.
    pub fn new(model: &Model, strategies: &[StrategyIx], commitments: &[CommitmentIx]) -> Scope {
        let mut s = Scope {
            whole: vec![false; model.strategies.len()],
            commitments: vec![false; model.commitments.len()],
            measures: vec![false; model.measures.len()],
        };
        for &x in strategies {
            s.whole[x.index()] = true;
        }
        for (i, c) in model.commitments.iter().enumerate() {
            if s.whole[model.priority(c.priority).strategy.index()] {
                s.commitments[i] = true;
            }
        }
        for &c in commitments {
            s.commitments[c.index()] = true;
        }
        for (i, m) in model.measures.iter().enumerate() {
            s.measures[i] = s.whole[m.strategy.index()];
        }
        for (i, c) in model.commitments.iter().enumerate() {
            if s.commitments[i] {
                for &m in &c.measures {
                    s.measures[m.index()] = true;
                }
            }
        }
        s
    }

    /// Everything a board oversees, directly or through the boards that
    /// report to it.
    pub fn board(model: &Model, graph: &PlanGraph, board: BoardIx) -> Scope {
        let o = graph.oversight(model, board);
        Scope::new(model, &o.strategies, &o.commitments)
    }

    /// Takes out every strategy that is closed and whose period ended
    /// before `as_of` (see [`Strategy::is_closed_at`]), with its
    /// commitments and measures; returns those that were in scope, in plan
    /// order, to be shown in one line each at their final position.
    pub fn close_ended(&mut self, model: &Model, as_of: NaiveDate) -> Vec<StrategyIx> {
        let closed: Vec<bool> = model
            .strategies
            .iter()
            .map(|s| s.is_closed_at(as_of))
            .collect();
        let mut touched = vec![false; model.strategies.len()];
        for (i, c) in model.commitments.iter().enumerate() {
            let s = model.priority(c.priority).strategy.index();
            if closed[s] && self.commitments[i] {
                touched[s] = true;
                self.commitments[i] = false;
            }
        }
        for (i, m) in model.measures.iter().enumerate() {
            if closed[m.strategy.index()] {
                self.measures[i] = false;
            }
        }
        for (s, &c) in closed.iter().enumerate() {
            if c && self.whole[s] {
                touched[s] = true;
                self.whole[s] = false;
            }
        }
        touched
            .iter()
            .enumerate()
            .filter(|(_, t)| **t)
            .map(|(i, _)| StrategyIx::from_usize(i))
            .collect()
    }

    pub fn is_whole(&self, s: StrategyIx) -> bool {
        self.whole[s.index()]
    }

    pub fn has_commitment(&self, c: CommitmentIx) -> bool {
        self.commitments[c.index()]
    }

    pub fn has_milestone(&self, model: &Model, m: MilestoneIx) -> bool {
        self.has_commitment(model.milestone(m).commitment)
    }

    /// Whether any of a strategy is covered.
    pub fn touches(&self, tree: &Tree, s: StrategyIx) -> bool {
        self.is_whole(s)
            || tree.priorities[s.index()].iter().any(|p| {
                tree.commitments[p.index()]
                    .iter()
                    .any(|&c| self.has_commitment(c))
            })
    }

    /// A measure is covered when its strategy is, or when it evidences a
    /// covered commitment.
    pub fn has_measure(&self, m: MeasureIx) -> bool {
        self.measures[m.index()]
    }

    /// Every covered milestone, in plan order.
    pub fn milestones<'a>(&'a self, model: &'a Model) -> impl Iterator<Item = MilestoneIx> + 'a {
        model
            .milestones
            .iter()
            .enumerate()
            .filter(|(_, m)| self.has_commitment(m.commitment))
            .map(|(i, _)| MilestoneIx::from_usize(i))
    }
}

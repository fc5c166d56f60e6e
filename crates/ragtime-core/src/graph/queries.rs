//! What the reports ask of the plan graph: the boards reporting into a
//! board, what a board oversees, what an owner holds, what a milestone
//! depends on.

use std::collections::BTreeSet;

use petgraph::Direction::{Incoming, Outgoing};

use super::{Edge, Holdings, Oversight, PlanGraph};
use crate::model::*;

impl PlanGraph {
    /// The board and every board that reports to it, directly or not, by index.
    pub fn boards_reporting_into(&self, board: BoardIx) -> Vec<BoardIx> {
        let mut seen = BTreeSet::from([board]);
        let mut stack = vec![board];
        while let Some(b) = stack.pop() {
            for r in self.neighbours(EntityRef::Board(b), Edge::ReportsTo, Incoming) {
                if let EntityRef::Board(r) = r
                    && seen.insert(r)
                {
                    stack.push(r);
                }
            }
        }
        seen.into_iter().collect()
    }

    /// Everything a board oversees directly or through the boards that report to it.
    pub fn oversight(&self, model: &Model, board: BoardIx) -> Oversight {
        let boards = self.boards_reporting_into(board);
        let mut strategies = BTreeSet::new();
        let mut commitments = BTreeSet::new();
        for &b in &boards {
            for item in self.neighbours(EntityRef::Board(b), Edge::OverseenBy, Incoming) {
                match item {
                    EntityRef::Strategy(s) => {
                        strategies.insert(s);
                    }
                    EntityRef::Commitment(c) => {
                        commitments.insert(c);
                    }
                    _ => {}
                }
            }
        }
        commitments.retain(|c| {
            !strategies.contains(&model.priority(model.commitment(*c).priority).strategy)
        });
        Oversight {
            boards,
            strategies: strategies.into_iter().collect(),
            commitments: commitments.into_iter().collect(),
        }
    }

    /// Everything an owner is named as owner of.
    pub fn holdings(&self, owner: OwnerIx) -> Holdings {
        let mut h = Holdings::default();
        for item in self.neighbours(EntityRef::Owner(owner), Edge::OwnedBy, Incoming) {
            match item {
                EntityRef::Strategy(i) => h.strategies.push(i),
                EntityRef::Commitment(i) => h.commitments.push(i),
                EntityRef::Milestone(i) => h.milestones.push(i),
                EntityRef::Measure(i) => h.measures.push(i),
                _ => {}
            }
        }
        h.strategies.sort_unstable();
        h.commitments.sort_unstable();
        h.milestones.sort_unstable();
        h.measures.sort_unstable();
        h
    }

    /// Every milestone that `milestone` depends on, directly or not.
    pub fn dependencies(&self, milestone: MilestoneIx) -> Vec<MilestoneIx> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![milestone];
        while let Some(m) = stack.pop() {
            for d in self.neighbours(EntityRef::Milestone(m), Edge::DependsOn, Outgoing) {
                if let EntityRef::Milestone(d) = d
                    && d != milestone
                    && seen.insert(d)
                {
                    stack.push(d);
                }
            }
        }
        seen.into_iter().collect()
    }
}

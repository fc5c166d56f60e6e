//! The plan's tree, in plan order: what each strategy, priority and
//! commitment holds, built once so that reports never search.

use crate::model::*;

/// The plan's tree: for each strategy its priorities and measures, for each
/// priority its commitments, for each commitment its milestones, in plan
/// order. Built in one pass so reports never search.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    pub priorities: Vec<Vec<PriorityIx>>,
    pub measures: Vec<Vec<MeasureIx>>,
    pub commitments: Vec<Vec<CommitmentIx>>,
    pub milestones: Vec<Vec<MilestoneIx>>,
}

impl Tree {
    pub fn build(model: &Model) -> Tree {
        let mut t = Tree {
            priorities: vec![Vec::new(); model.strategies.len()],
            measures: vec![Vec::new(); model.strategies.len()],
            commitments: vec![Vec::new(); model.priorities.len()],
            milestones: vec![Vec::new(); model.commitments.len()],
        };
        for (i, p) in model.priorities.iter().enumerate() {
            t.priorities[p.strategy.index()].push(PriorityIx::from_usize(i));
        }
        for (i, m) in model.measures.iter().enumerate() {
            t.measures[m.strategy.index()].push(MeasureIx::from_usize(i));
        }
        for (i, c) in model.commitments.iter().enumerate() {
            t.commitments[c.priority.index()].push(CommitmentIx::from_usize(i));
        }
        for (i, m) in model.milestones.iter().enumerate() {
            t.milestones[m.commitment.index()].push(MilestoneIx::from_usize(i));
        }
        t
    }
}

//! The plan graph: every entity as a node, typed edges between them, and the
//! queries reports need (what a board oversees, what an owner holds, what a
//! milestone depends on).
//!
//! Here: the edges' kinds and the graph's nodes; `build.rs`: the graph
//! from the model; `queries.rs`: oversight, holdings and dependencies;
//! `cycles.rs`: circles in the edges of one kind.

mod build;
mod cycles;
mod queries;

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::model::*;

/// What an edge means. Edges point from the item to what it relates to:
/// strategy -contains-> priority, milestone -owned by-> owner, board
/// -reports to-> board, milestone -depends on-> milestone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Edge {
    Contains,
    OwnedBy,
    OverseenBy,
    ReportsTo,
    DependsOn,
    EvidencedBy,
    Serves,
    ApprovedBy,
    UpdatedBy,
    /// A recommendation -made by-> the committee.
    MadeBy,
    /// A recommendation -responded to by-> the executive body.
    RespondedBy,
    /// A recommendation -delivered by-> a commitment or milestone.
    DeliveredBy,
    /// A budget line or saving -> the item it funds; a cap -> the item it
    /// limits.
    Funds,
    /// A budget line -> the cap it is counted against.
    CountsAgainst,
}

/// Everything a board oversees, directly or through the boards that report
/// to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Oversight {
    /// The board and every board that reports to it, directly or not.
    pub boards: Vec<BoardIx>,
    /// Strategies overseen by any of those boards.
    pub strategies: Vec<StrategyIx>,
    /// Commitments overseen by any of those boards in strategies not already
    /// overseen as a whole.
    pub commitments: Vec<CommitmentIx>,
}

/// Everything an owner holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holdings {
    pub strategies: Vec<StrategyIx>,
    pub commitments: Vec<CommitmentIx>,
    pub milestones: Vec<MilestoneIx>,
    pub measures: Vec<MeasureIx>,
}

#[derive(Clone, Debug, Default)]
pub struct PlanGraph {
    graph: DiGraph<EntityRef, Edge>,
    /// Node index of the first entity of each kind; entities are added kind
    /// by kind, so `offset[kind] + index` is the node.
    offset: [u32; Kind::COUNT],
}

fn kind_slot(kind: Kind) -> usize {
    kind as usize
}

impl PlanGraph {
    /// The petgraph graph, for algorithms not wrapped here.
    pub fn inner(&self) -> &DiGraph<EntityRef, Edge> {
        &self.graph
    }

    pub fn node(&self, entity: EntityRef) -> NodeIndex {
        let (kind, i) = match entity {
            EntityRef::Owner(i) => (Kind::Owner, i.0),
            EntityRef::Board(i) => (Kind::Board, i.0),
            EntityRef::Strategy(i) => (Kind::Strategy, i.0),
            EntityRef::Priority(i) => (Kind::Priority, i.0),
            EntityRef::Objective(i) => (Kind::Objective, i.0),
            EntityRef::Commitment(i) => (Kind::Commitment, i.0),
            EntityRef::Milestone(i) => (Kind::Milestone, i.0),
            EntityRef::Measure(i) => (Kind::Measure, i.0),
            EntityRef::Recommendation(i) => (Kind::Recommendation, i.0),
            EntityRef::Budget(i) => (Kind::Budget, i.0),
            EntityRef::Saving(i) => (Kind::Saving, i.0),
            EntityRef::Cap(i) => (Kind::Cap, i.0),
        };
        NodeIndex::new((self.offset[kind_slot(kind)] + i) as usize)
    }

    fn neighbours(
        &self,
        entity: EntityRef,
        edge: Edge,
        dir: petgraph::Direction,
    ) -> impl Iterator<Item = EntityRef> + '_ {
        self.graph
            .edges_directed(self.node(entity), dir)
            .filter(move |e| *e.weight() == edge)
            .map(move |e| {
                let other = if dir == Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                self.graph[other]
            })
    }

    /// How many edges of a kind reach `entity` (how many items use an owner, ...).
    pub fn count_incoming(&self, entity: EntityRef, edge: Edge) -> usize {
        self.neighbours(entity, edge, Incoming).count()
    }
}

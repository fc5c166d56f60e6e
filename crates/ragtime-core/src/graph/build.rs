//! Building the plan graph from the model: a node for every entity, kind
//! by kind, and the edges each record states.

use petgraph::graph::DiGraph;

use super::{Edge, PlanGraph, kind_slot};
use crate::model::*;

impl PlanGraph {
    pub fn build(model: &Model) -> Self {
        let mut graph = DiGraph::with_capacity(
            model.owners.len()
                + model.boards.len()
                + model.strategies.len()
                + model.priorities.len()
                + model.objectives.len()
                + model.commitments.len()
                + model.milestones.len()
                + model.measures.len()
                + model.recommendations.len()
                + model.finance.budgets.len()
                + model.finance.savings.len()
                + model.finance.caps.len(),
            model.milestones.len() * 3,
        );
        let mut offset = [0u32; Kind::COUNT];
        macro_rules! add_nodes {
            ($kind:ident, $vec:expr, $ix:ident) => {
                offset[kind_slot(Kind::$kind)] = graph.node_count() as u32;
                for i in 0..$vec.len() {
                    graph.add_node(EntityRef::$kind($ix::from_usize(i)));
                }
            };
        }
        add_nodes!(Owner, model.owners, OwnerIx);
        add_nodes!(Board, model.boards, BoardIx);
        add_nodes!(Strategy, model.strategies, StrategyIx);
        add_nodes!(Priority, model.priorities, PriorityIx);
        add_nodes!(Objective, model.objectives, ObjectiveIx);
        add_nodes!(Commitment, model.commitments, CommitmentIx);
        add_nodes!(Milestone, model.milestones, MilestoneIx);
        add_nodes!(Measure, model.measures, MeasureIx);
        add_nodes!(Recommendation, model.recommendations, RecommendationIx);
        add_nodes!(Budget, model.finance.budgets, BudgetIx);
        add_nodes!(Saving, model.finance.savings, SavingIx);
        add_nodes!(Cap, model.finance.caps, CapIx);
        let mut g = PlanGraph { graph, offset };

        for (i, b) in model.boards.iter().enumerate() {
            if let Some(to) = b.reports_to {
                g.edge(
                    EntityRef::Board(BoardIx::from_usize(i)),
                    EntityRef::Board(to),
                    Edge::ReportsTo,
                );
            }
        }
        for (i, s) in model.strategies.iter().enumerate() {
            let me = EntityRef::Strategy(StrategyIx::from_usize(i));
            g.edge(me, EntityRef::Owner(s.owner), Edge::OwnedBy);
            for &b in &s.boards {
                g.edge(me, EntityRef::Board(b), Edge::OverseenBy);
            }
            if let Some(d) = &s.approved {
                g.edge(me, EntityRef::Board(d.by), Edge::ApprovedBy);
            }
        }
        for (i, p) in model.priorities.iter().enumerate() {
            g.edge(
                EntityRef::Strategy(p.strategy),
                EntityRef::Priority(PriorityIx::from_usize(i)),
                Edge::Contains,
            );
        }
        for (i, o) in model.objectives.iter().enumerate() {
            g.edge(
                EntityRef::Priority(o.priority),
                EntityRef::Objective(ObjectiveIx::from_usize(i)),
                Edge::Contains,
            );
        }
        for (i, c) in model.commitments.iter().enumerate() {
            let me = EntityRef::Commitment(CommitmentIx::from_usize(i));
            g.edge(EntityRef::Priority(c.priority), me, Edge::Contains);
            g.edge(me, EntityRef::Owner(c.owner), Edge::OwnedBy);
            for &o in &c.objectives {
                g.edge(me, EntityRef::Objective(o), Edge::Serves);
            }
            for &m in &c.measures {
                g.edge(me, EntityRef::Measure(m), Edge::EvidencedBy);
            }
            for &b in &c.boards {
                g.edge(me, EntityRef::Board(b), Edge::OverseenBy);
            }
        }
        for (i, m) in model.milestones.iter().enumerate() {
            let me = EntityRef::Milestone(MilestoneIx::from_usize(i));
            g.edge(EntityRef::Commitment(m.commitment), me, Edge::Contains);
            g.edge(me, EntityRef::Owner(m.owner), Edge::OwnedBy);
            for &d in &m.depends_on {
                g.edge(me, EntityRef::Milestone(d), Edge::DependsOn);
            }
            let mut authors: Vec<OwnerIx> = m.updates.iter().map(|u| u.by).collect();
            authors.sort_unstable();
            authors.dedup();
            for a in authors {
                g.edge(me, EntityRef::Owner(a), Edge::UpdatedBy);
            }
        }
        for (i, m) in model.measures.iter().enumerate() {
            let me = EntityRef::Measure(MeasureIx::from_usize(i));
            g.edge(EntityRef::Strategy(m.strategy), me, Edge::Contains);
            if let Some(o) = m.owner {
                g.edge(me, EntityRef::Owner(o), Edge::OwnedBy);
            }
        }
        crate::recommendations::model::add_edges(&mut g, model);
        g.money_edges(model);
        g
    }

    /// Budget lines and savings fund their items, caps limit theirs, and
    /// budget holders and approving boards are named.
    fn money_edges(&mut self, model: &Model) {
        for (i, b) in model.finance.budgets.iter().enumerate() {
            let me = EntityRef::Budget(BudgetIx::from_usize(i));
            self.edge(me, b.item, Edge::Funds);
            if let Some(c) = b.cap {
                self.edge(me, EntityRef::Cap(c), Edge::CountsAgainst);
            }
            if let Some(o) = b.owner {
                self.edge(me, EntityRef::Owner(o), Edge::OwnedBy);
            }
        }
        for (i, x) in model.finance.savings.iter().enumerate() {
            let me = EntityRef::Saving(SavingIx::from_usize(i));
            self.edge(me, x.item, Edge::Funds);
            if let Some(o) = x.owner {
                self.edge(me, EntityRef::Owner(o), Edge::OwnedBy);
            }
        }
        for (i, c) in model.finance.caps.iter().enumerate() {
            let me = EntityRef::Cap(CapIx::from_usize(i));
            self.edge(me, c.item, Edge::Funds);
            if let Some(d) = &c.approved {
                self.edge(me, EntityRef::Board(d.by), Edge::ApprovedBy);
            }
        }
    }

    pub(crate) fn edge(&mut self, from: EntityRef, to: EntityRef, edge: Edge) {
        let (a, b) = (self.node(from), self.node(to));
        self.graph.add_edge(a, b, edge);
    }
}

//! The plan graph: every entity as a node, typed edges between them, and the
//! queries reports need (what a board oversees, what an owner holds, what a
//! milestone depends on).

use std::collections::{BTreeSet, HashSet};

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

    /// Every circle in the edges of one kind, each as the entities in the
    /// order the edges go, starting from the one that comes first.
    pub fn cycles(&self, edge: Edge) -> Vec<Vec<EntityRef>> {
        let filtered = petgraph::visit::EdgeFiltered::from_fn(&self.graph, |e| *e.weight() == edge);
        let mut cycles = Vec::new();
        // Every node is a component of its own unless it is on a circle:
        // the callback form hands each over without gathering them all, and
        // only a real circle is looked at further.
        petgraph::algo::TarjanScc::new().run(&filtered, |scc: &[NodeIndex]| {
            let start = *scc.iter().min().expect("components are never empty");
            if scc.len() == 1
                && !self
                    .graph
                    .edges_connecting(start, start)
                    .any(|e| *e.weight() == edge)
            {
                return;
            }
            let members: HashSet<NodeIndex> = scc.iter().copied().collect();
            cycles.push(self.path_back(start, &members, edge));
        });
        cycles.sort();
        cycles
    }

    /// A path from `start` back to itself through `members` (breadth first,
    /// so the shortest circle is named).
    fn path_back(
        &self,
        start: NodeIndex,
        members: &HashSet<NodeIndex>,
        edge: Edge,
    ) -> Vec<EntityRef> {
        let mut parent = std::collections::HashMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            for e in self
                .graph
                .edges_directed(n, Outgoing)
                .filter(|e| *e.weight() == edge)
            {
                let t = e.target();
                if t == start {
                    let mut path = vec![self.graph[n]];
                    let mut cur = n;
                    while cur != start {
                        cur = parent[&cur];
                        path.push(self.graph[cur]);
                    }
                    path.reverse();
                    return path;
                }
                if members.contains(&t) && !parent.contains_key(&t) {
                    parent.insert(t, n);
                    queue.push_back(t);
                }
            }
        }
        vec![self.graph[start]]
    }
}

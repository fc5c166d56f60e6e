//! Circles in the plan graph's edges of one kind (dependencies, reporting
//! lines), each named by its shortest path round.

use std::collections::HashSet;

use petgraph::Direction::Outgoing;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::{Edge, PlanGraph};
use crate::model::*;

impl PlanGraph {
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

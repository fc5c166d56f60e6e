//! The governance picture: boards and who they report to, the strategies
//! each oversees (whole or in part), and optionally the owners who answer
//! for them. Data only; the CLI draws it as mermaid or dot.
//!
//! Everything is in plan order (the order the files list items, files in
//! path order) so the same plans always give the same diagram.

use std::collections::{BTreeMap, BTreeSet};

use crate::PlanGraph;
use crate::model::*;

/// What to put in the picture beyond boards and strategies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GovernanceOptions {
    /// Add the owners of strategies, commitments and milestones.
    pub owners: bool,
}

/// The governance picture of a plan set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Governance {
    /// Every board, in plan order.
    pub boards: Vec<BoardNode>,
    /// Every strategy, in plan order.
    pub strategies: Vec<StrategyNode>,
    /// Owners named by any strategy, commitment or milestone, in plan order;
    /// empty unless asked for.
    pub owners: Vec<OwnerNode>,
    /// Board to board, in board order.
    pub reports_to: Vec<ReportsTo>,
    /// Board to strategy, in strategy order then board order.
    pub oversees: Vec<Oversees>,
    /// Owner to strategy, in strategy order then owner order; empty unless
    /// owners were asked for.
    pub answers_for: Vec<AnswersFor>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardNode {
    pub id: String,
    pub name: String,
    pub chair: Option<String>,
    pub meets: Option<Cadence>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrategyNode {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerNode {
    pub id: String,
    pub role: String,
    pub org: String,
}

/// `from` reports to `to` (board ids).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportsTo {
    pub from: String,
    pub to: String,
}

/// A board oversees a strategy: the whole of it, or only some of its
/// commitments (named by id, in plan order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Oversees {
    pub board: String,
    pub strategy: String,
    /// Empty when the board oversees the whole strategy.
    pub commitments: Vec<String>,
}

/// An owner's part in a strategy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswersFor {
    pub owner: String,
    pub strategy: String,
    /// The owner is the strategy's accountable owner.
    pub accountable: bool,
    /// How many of the strategy's commitments the owner leads.
    pub commitments: usize,
    /// How many of the strategy's milestones the owner delivers.
    pub milestones: usize,
}

impl Governance {
    /// The picture of `model`.
    pub fn build(model: &Model, graph: &PlanGraph, options: GovernanceOptions) -> Governance {
        let boards = model
            .boards
            .iter()
            .map(|b| BoardNode {
                id: b.id.clone(),
                name: b.name.clone(),
                chair: b.chair.clone(),
                meets: b.meets,
            })
            .collect();
        let strategies = model
            .strategies
            .iter()
            .map(|s| StrategyNode {
                id: s.id.clone(),
                title: s.title.clone(),
            })
            .collect();
        let reports_to = model
            .boards
            .iter()
            .filter_map(|b| {
                b.reports_to.map(|to| ReportsTo {
                    from: b.id.clone(),
                    to: model.board(to).id.clone(),
                })
            })
            .collect();

        let mut oversees = Vec::new();
        for (si, strategy) in model.strategies.iter().enumerate() {
            let si = StrategyIx::from_usize(si);
            for (bi, board) in model.boards.iter().enumerate() {
                let bi = BoardIx::from_usize(bi);
                if strategy.boards.contains(&bi) {
                    oversees.push(Oversees {
                        board: board.id.clone(),
                        strategy: strategy.id.clone(),
                        commitments: Vec::new(),
                    });
                    continue;
                }
                let commitments: Vec<String> = model
                    .commitments
                    .iter()
                    .filter(|c| model.priority(c.priority).strategy == si && c.boards.contains(&bi))
                    .map(|c| c.id.clone())
                    .collect();
                if !commitments.is_empty() {
                    oversees.push(Oversees {
                        board: board.id.clone(),
                        strategy: strategy.id.clone(),
                        commitments,
                    });
                }
            }
        }

        let (owners, answers_for) = if options.owners {
            owner_parts(model, graph)
        } else {
            (Vec::new(), Vec::new())
        };

        Governance {
            boards,
            strategies,
            owners,
            reports_to,
            oversees,
            answers_for,
        }
    }
}

/// Every owner with a part in some strategy, and each owner's part.
fn owner_parts(model: &Model, graph: &PlanGraph) -> (Vec<OwnerNode>, Vec<AnswersFor>) {
    // Keyed by (strategy, owner) so the parts come out in strategy order,
    // then owner order; filled from each owner's holdings so that every
    // item is counted once.
    let mut parts: BTreeMap<(StrategyIx, OwnerIx), (bool, usize, usize)> = BTreeMap::new();
    for (oi, _) in model.owners.iter().enumerate() {
        let oi = OwnerIx::from_usize(oi);
        let held = graph.holdings(oi);
        for s in held.strategies {
            parts.entry((s, oi)).or_default().0 = true;
        }
        for c in held.commitments {
            let s = model.priority(model.commitment(c).priority).strategy;
            parts.entry((s, oi)).or_default().1 += 1;
        }
        for m in held.milestones {
            let s = model.strategy_of_milestone(m);
            parts.entry((s, oi)).or_default().2 += 1;
        }
    }
    let used: BTreeSet<OwnerIx> = parts.keys().map(|&(_, o)| o).collect();
    let owners = used
        .into_iter()
        .map(|o| {
            let o = model.owner(o);
            OwnerNode {
                id: o.id.clone(),
                role: o.role.clone(),
                org: o.org.clone(),
            }
        })
        .collect();
    let answers_for = parts
        .into_iter()
        .map(
            |((s, o), (accountable, commitments, milestones))| AnswersFor {
                owner: model.owner(o).id.clone(),
                strategy: model.strategy(s).id.clone(),
                accountable,
                commitments,
                milestones,
            },
        )
        .collect();
    (owners, answers_for)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Input, load};

    const PLANS: &str = r#"
[[owner]]
id = "dcs"
role = "Director of Children's Services"
org = "Council"

[[owner]]
id = "hos"
role = "Head of Fostering"
org = "Council"

[[owner]]
id = "icb"
role = "Designated Nurse"
org = "NHS"

[[owner]]
id = "spare"
role = "Nobody"
org = "Council"

[[board]]
id = "cabinet"
name = "Cabinet"

[[board]]
id = "cpb"
name = "Corporate Parenting Board"
reports-to = "cabinet"

[[board]]
id = "hwb"
name = "Health and Wellbeing Board"

[strategy]
id = "CPS"
title = "Corporate Parenting Strategy"
start = 2025-01-01
end = 2027-12-31
owner = "dcs"
boards = ["cpb"]

[[priority]]
id = "CPS-P1"
title = "Homes"

[[commitment]]
id = "CPS-P1-C1"
priority = "CPS-P1"
text = "We will find homes."
owner = "hos"
due = 2026-03-31

[[commitment]]
id = "CPS-P1-C2"
priority = "CPS-P1"
text = "We will check health."
owner = "icb"
boards = ["hwb"]
due = 2026-03-31

[[milestone]]
id = "CPS-P1-C1-M1"
commitment = "CPS-P1-C1"
title = "Campaign"
owner = "hos"
added = 2025-01-06
due = 2025-06-30

[[milestone]]
id = "CPS-P1-C2-M1"
commitment = "CPS-P1-C2"
title = "Checks"
owner = "hos"
added = 2025-01-06
due = 2025-06-30
"#;

    fn picture(owners: bool) -> Governance {
        let plans = load(vec![Input::new("plans.toml", PLANS)]);
        assert_eq!(plans.error_count(), 0, "{:#?}", plans.diagnostics);
        Governance::build(&plans.model, &plans.graph, GovernanceOptions { owners })
    }

    #[test]
    fn boards_report_and_oversee_in_plan_order() {
        let g = picture(false);
        let ids: Vec<_> = g.boards.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["cabinet", "cpb", "hwb"]);
        assert_eq!(
            g.reports_to,
            [ReportsTo {
                from: "cpb".into(),
                to: "cabinet".into()
            }]
        );
        assert_eq!(
            g.oversees,
            [
                Oversees {
                    board: "cpb".into(),
                    strategy: "CPS".into(),
                    commitments: vec![],
                },
                Oversees {
                    board: "hwb".into(),
                    strategy: "CPS".into(),
                    commitments: vec!["CPS-P1-C2".into()],
                },
            ]
        );
        assert!(g.owners.is_empty());
        assert!(g.answers_for.is_empty());
    }

    #[test]
    fn owners_are_counted_once_per_strategy() {
        let g = picture(true);
        let ids: Vec<_> = g.owners.iter().map(|o| o.id.as_str()).collect();
        // `spare` holds nothing, so it is not drawn.
        assert_eq!(ids, ["dcs", "hos", "icb"]);
        let part = |id: &str| {
            let a = g.answers_for.iter().find(|a| a.owner == id).unwrap();
            (a.accountable, a.commitments, a.milestones)
        };
        assert_eq!(part("dcs"), (true, 0, 0));
        assert_eq!(part("hos"), (false, 1, 2));
        assert_eq!(part("icb"), (false, 1, 0));
    }
}

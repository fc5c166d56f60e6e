//! Checks that need the whole model: cycles, dates against periods, and the
//! warnings that flag weak plans (not SMART, unused owners and boards).

use crate::diag::{Code, Diagnostic};
use crate::graph::{Edge, PlanGraph};
use crate::model::*;

pub(crate) fn validate(model: &Model, graph: &PlanGraph, diags: &mut Vec<Diagnostic>) {
    cycles(model, graph, diags);
    dates(model, diags);
    crate::dated::same_date_redates(model, diags);
    crate::measure::targets_within_period(model, diags);
    crate::narrative::check(model, diags);
    crate::recommendations::checks::check(model, diags);
    crate::finance::checks::check(model, diags);
    warnings(model, graph, diags);
}

/// How many members of a circle a finding names.
const MAX_CIRCLE_SHOWN: usize = 12;

fn cycles(model: &Model, graph: &PlanGraph, diags: &mut Vec<Diagnostic>) {
    for (edge, code, what, verb) in [
        (
            Edge::DependsOn,
            Code::DependencyCycle,
            "milestones",
            "depends on",
        ),
        (Edge::ReportsTo, Code::BoardCycle, "boards", "reports to"),
    ] {
        for cycle in graph.cycles(edge) {
            let names: Vec<&str> = cycle.iter().map(|&e| model.id_of(e)).collect();
            // A long circle is named by its first links: the whole of one
            // would be a wall of ids, and an excerpt of every line.
            let shown = cycle.len().min(MAX_CIRCLE_SHOWN);
            let mut links: Vec<String> = names[..shown].iter().map(|n| format!("`{n}`")).collect();
            if cycle.len() > shown {
                links.push(format!("({} more)", cycle.len() - shown));
            }
            links.push(format!("`{}`", names[0]));
            let circle = links.join(" -> ");
            let mut d = Diagnostic::new(
                code,
                model.loc_of(cycle[0]).clone(),
                format!("{what} form a circle: {circle}"),
            )
            .label(if cycle.len() == 1 {
                format!("{} {verb} itself", names[0])
            } else {
                format!("{} {verb} itself in the end", names[0])
            });
            for &other in &cycle[1..shown] {
                d = d.secondary(model.loc_of(other).clone(), "part of the circle");
            }
            d = d.help(format!(
                "remove one `{}` link to break the circle",
                if edge == Edge::DependsOn {
                    "depends-on"
                } else {
                    "reports-to"
                }
            ));
            diags.push(d);
        }
    }
}

fn dates(model: &Model, diags: &mut Vec<Diagnostic>) {
    // A reversed period (already reported) has no inside: checking dates
    // against it would flag every one.
    let reversed = |s: &Strategy| s.end < s.start;
    for c in &model.commitments {
        let s = model.strategy(model.priority(c.priority).strategy);
        if let Some(due) = c.due
            && !reversed(s)
            && (due < s.start || due > s.end)
        {
            let at = c.due_loc.clone().unwrap_or_else(|| c.loc.clone());
            diags.push(outside(s, due, at, "commitment"));
        }
    }
    for m in &model.milestones {
        let s = model.strategy(
            model
                .priority(model.commitment(m.commitment).priority)
                .strategy,
        );
        if !reversed(s) && (m.due < s.start || m.due > s.end) {
            diags.push(outside(s, m.due, m.due_loc(), "milestone"));
        }
        for u in &m.updates {
            if let Some(due) = u.due
                && !reversed(s)
                && (due < s.start || due > s.end)
            {
                let at = u.due_loc(m.file()).unwrap_or_else(|| u.loc(m.file()));
                diags.push(outside(s, due, at, "revised"));
            }
            if u.date < m.added {
                diags.push(
                    Diagnostic::new(
                        Code::UpdateBeforeAdded,
                        u.date_loc(m.file()),
                        format!(
                            "update dated {} is before `{}` was added on {}",
                            u.date, m.id, m.added
                        ),
                    )
                    .label("update date")
                    .secondary(m.added_loc(), "added to the plan")
                    .help("fix the update's date, or the milestone's `added` date"),
                );
            }
        }
    }
}

fn outside(
    s: &Strategy,
    due: chrono::NaiveDate,
    loc: crate::source::Loc,
    what: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::OutsidePeriod,
        loc,
        format!(
            "{what} due date {due} is outside `{}` ({} to {})",
            s.id, s.start, s.end
        ),
    )
    .label(format!("{what} due date"))
    .secondary(s.loc.clone(), "strategy")
    .help("move the date into the strategy's period, or extend the period")
}

fn warnings(model: &Model, graph: &PlanGraph, diags: &mut Vec<Diagnostic>) {
    for (i, c) in model.commitments.iter().enumerate() {
        let me = EntityRef::Commitment(CommitmentIx::from_usize(i));
        let milestones = outgoing_contains(graph, me);
        if milestones == 0 {
            diags.push(
                Diagnostic::new(
                    Code::NotSmart,
                    c.loc.clone(),
                    format!("commitment `{}` has no milestones", c.id),
                )
                .label("not time-bound: nothing says when it will be delivered")
                .help("add a `[[milestone]]` with `commitment = \"...\"` and a due date"),
            );
        } else if c.measures.is_empty() && c.due.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::NotSmart,
                    c.loc.clone(),
                    format!("commitment `{}` has no measure and no due date", c.id),
                )
                .label("not measurable")
                .help("add `measures = [...]` or `due = ...`"),
            );
        }
    }
    for s in &model.strategies {
        if s.boards.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::Unoverseen,
                    s.loc.clone(),
                    format!("no board oversees strategy `{}`", s.id),
                )
                .label("no `boards`")
                .help("add `boards = [\"...\"]` naming the board it reports progress to"),
            );
        }
    }
    let mut wrote = vec![false; model.owners.len()];
    for n in &model.narratives {
        wrote[n.by.index()] = true;
    }
    for (i, o) in model.owners.iter().enumerate() {
        let me = EntityRef::Owner(OwnerIx::from_usize(i));
        if graph.count_incoming(me, Edge::OwnedBy) == 0
            && graph.count_incoming(me, Edge::UpdatedBy) == 0
            && !wrote[i]
        {
            diags.push(
                Diagnostic::new(
                    Code::UnusedOwner,
                    o.loc.clone(),
                    format!("owner `{}` owns nothing", o.id),
                )
                .label("not named as owner anywhere")
                .help("remove it from the registry, or name it as the owner of something"),
            );
        }
    }
    for (i, b) in model.boards.iter().enumerate() {
        let me = EntityRef::Board(BoardIx::from_usize(i));
        let used = graph.count_incoming(me, Edge::OverseenBy)
            + graph.count_incoming(me, Edge::ReportsTo)
            + graph.count_incoming(me, Edge::ApprovedBy)
            + graph.count_incoming(me, Edge::MadeBy)
            + graph.count_incoming(me, Edge::RespondedBy);
        if used == 0 {
            diags.push(
                Diagnostic::new(
                    Code::UnusedBoard,
                    b.loc.clone(),
                    format!("board `{}` oversees nothing", b.id),
                )
                .label("no strategy or commitment names it, and no board reports to it")
                .help("name it in a strategy's `boards`, or remove it"),
            );
        }
    }
}

/// Milestones hang below their commitment with `Contains` edges.
fn outgoing_contains(graph: &PlanGraph, commitment: EntityRef) -> usize {
    graph
        .inner()
        .edges_directed(graph.node(commitment), petgraph::Direction::Outgoing)
        .filter(|e| *e.weight() == Edge::Contains)
        .count()
}

#[cfg(test)]
mod tests {
    use crate::testing::{PLAN, REGISTRY, found, load_files, plan_with, text_at};

    #[test]
    fn a_reversed_period_is_reported_once_not_against_every_date() {
        let plans = plan_with("end = 2027-12-31", "end = 2024-12-31");
        assert_eq!(found(&plans), ["E0401 plan.toml:5:7"]);
    }

    #[test]
    fn dates_outside_the_period_point_at_the_date() {
        let plans = plan_with(
            "measures = [\"CPS-M1\"]",
            "measures = [\"CPS-M1\"]\ndue = 2028-03-31",
        );
        assert_eq!(found(&plans), ["E0402 plan.toml:19:7"]);
        assert_eq!(plans.diagnostics[0].primary.text, "commitment due date",);
        let plans = plan_with("due = 2025-09-30", "due = 2024-09-30");
        assert_eq!(found(&plans), ["E0402 plan.toml:37:9"]);
        assert_eq!(plans.diagnostics[0].primary.text, "revised due date");
    }

    #[test]
    fn an_update_before_the_milestone_was_added_points_at_both_dates() {
        let plans = plan_with("date = 2025-03-31", "date = 2024-12-31");
        assert_eq!(found(&plans), ["E0406 plan.toml:29:10"]);
        let d = &plans.diagnostics[0];
        assert_eq!(text_at(&plans, &d.primary), "2024-12-31");
        assert_eq!(text_at(&plans, &d.secondary[0]), "2025-01-06");
    }

    #[test]
    fn a_commitment_needs_milestones_and_a_measure_or_a_due_date() {
        let no_measure = PLAN.replacen("measures = [\"CPS-M1\"]\n", "", 1);
        let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &no_measure)]);
        assert_eq!(found(&plans), ["W0501 plan.toml:14:6"]);
        assert!(
            plans.diagnostics[0]
                .message
                .ends_with("has no measure and no due date")
        );
        // A due date instead of a measure is enough.
        let with_due = no_measure.replacen(
            "owner = \"hos-fostering\"\n",
            "owner = \"hos-fostering\"\ndue = 2026-03-31\n",
            1,
        );
        let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &with_due)]);
        assert_eq!(found(&plans), Vec::<String>::new());
        let extra = "[[commitment]]\nid = \"CPS-P1-C2\"\npriority = \"CPS-P1\"\n\
                     text = \"We will ...\"\nowner = \"dcs\"\nmeasures = [\"CPS-M1\"]\n";
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("more.toml", extra),
        ]);
        assert_eq!(found(&plans), ["W0501 more.toml:2:6"]);
        assert!(plans.diagnostics[0].message.ends_with("has no milestones"));
    }

    #[test]
    fn owners_and_boards_count_as_used_however_they_are_named() {
        // `hos-fostering` only makes updates once everything it owned
        // belongs to `dcs`; `cabinet` only approved the strategy, as `cpb`
        // no longer reports to it.
        let registry = REGISTRY.replacen("reports-to = \"cabinet\"\n", "", 1);
        let plan = PLAN
            .replacen(
                "boards = [\"cpb\"]",
                "boards = [\"cpb\"]\napproved = { by = \"cabinet\", on = 2024-12-19 }",
                1,
            )
            .replace("owner = \"hos-fostering\"", "owner = \"dcs\"");
        let plans = load_files(&[("registry.toml", &registry), ("plan.toml", &plan)]);
        assert_eq!(found(&plans), Vec::<String>::new());
        // Without the approval, nothing names `cabinet`.
        let plan = PLAN.replace("owner = \"hos-fostering\"", "owner = \"dcs\"");
        let plans = load_files(&[("registry.toml", &registry), ("plan.toml", &plan)]);
        assert_eq!(found(&plans), ["W0504 registry.toml:12:6"]);
        // An owner nobody names, a board nobody names or reports to.
        let registry = format!(
            "{REGISTRY}\n[[owner]]\nid = \"spare\"\nrole = \"Spare\"\norg = \"Council\"\n\n\
             [[board]]\nid = \"forum\"\nname = \"Forum\"\n"
        );
        let plans = load_files(&[("registry.toml", &registry), ("plan.toml", PLAN)]);
        assert_eq!(
            found(&plans),
            ["W0503 registry.toml:21:6", "W0504 registry.toml:26:6"]
        );
    }

    #[test]
    fn a_strategy_no_board_oversees_is_a_warning() {
        let plan = PLAN.replacen("boards = [\"cpb\"]\n", "", 1).replacen(
            "measures = [\"CPS-M1\"]",
            "measures = [\"CPS-M1\"]\nboards = [\"cpb\"]",
            1,
        );
        let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &plan)]);
        assert_eq!(found(&plans), ["W0502 plan.toml:2:6"]);
    }

    #[test]
    fn circles_are_named_in_order() {
        let more = "[[milestone]]\nid = \"M2\"\ncommitment = \"CPS-P1-C1\"\ntitle = \"Two\"\n\
                    owner = \"dcs\"\nadded = 2025-01-06\ndue = 2025-05-31\n\
                    depends-on = [\"CPS-P1-C1-M1\"]\n";
        let plan = PLAN.replacen(
            "due = 2025-06-30",
            "due = 2025-06-30\ndepends-on = [\"M2\"]",
            1,
        );
        let plans = load_files(&[
            ("more.toml", more),
            ("registry.toml", REGISTRY),
            ("plan.toml", &plan),
        ]);
        assert_eq!(found(&plans), ["E0301 more.toml:2:6"]);
        assert_eq!(
            plans.diagnostics[0].message,
            "milestones form a circle: `M2` -> `CPS-P1-C1-M1` -> `M2`"
        );
        let registry = REGISTRY.replacen(
            "name = \"Cabinet\"",
            "name = \"Cabinet\"\nreports-to = \"cpb\"",
            1,
        );
        let plans = load_files(&[("registry.toml", &registry), ("plan.toml", PLAN)]);
        assert_eq!(
            plans
                .diagnostics
                .iter()
                .map(|d| d.message.as_str())
                .collect::<Vec<_>>(),
            ["boards form a circle: `cabinet` -> `cpb` -> `cabinet`"]
        );
    }

    #[test]
    fn a_long_circle_is_named_by_its_first_links() {
        let n = 30;
        let boards: String = (0..n)
            .map(|i| {
                format!(
                    "[[board]]\nid = \"b{i:02}\"\nname = \"Board\"\nreports-to = \"b{:02}\"\n\n",
                    (i + 1) % n
                )
            })
            .collect();
        let plans = load_files(&[
            ("boards.toml", &boards),
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
        ]);
        assert_eq!(found(&plans), ["E0302 boards.toml:2:6"]);
        let d = &plans.diagnostics[0];
        let links: Vec<String> = (0..12).map(|i| format!("`b{i:02}`")).collect();
        assert_eq!(
            d.message,
            format!(
                "boards form a circle: {} -> (18 more) -> `b00`",
                links.join(" -> ")
            )
        );
        assert_eq!(d.secondary.len(), 11);
    }
}

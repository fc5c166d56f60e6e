//! The recommendations tracker as report data: for `ragtime recommendations
//! [BOARD]` and the last part of the board pack. As at a date: recommendations made
//! after it are left out, a response given after it is not yet given, and
//! delivery is rated from the milestones that deliver each one, by the same
//! rules and rollup as every report.

use petgraph::Direction::Incoming;
use petgraph::visit::EdgeRef;

use super::standing::Standing;
use super::tables::*;
use crate::graph::Edge;
use crate::model::*;
use crate::report::cells::plural;
use crate::report::{Context, Document, Freshness, Section};

/// The recommendations report: those made by `board` and the boards that
/// report to it (every committee's when `None`), as at the context's date.
pub fn recommendations(ctx: &Context, board: Option<BoardIx>) -> Document {
    let model = ctx.model;
    let recs = match board {
        Some(b) => made_by(ctx, &ctx.graph.boards_reporting_into(b)),
        None => made_by(ctx, &all_boards(model)),
    };
    let mut facts = Vec::new();
    if let Some(b) = board {
        let below: Vec<&str> = ctx
            .graph
            .boards_reporting_into(b)
            .into_iter()
            .filter(|&x| x != b)
            .map(|x| model.board(x).name.as_str())
            .collect();
        let board = model.board(b);
        facts.push((
            "Board".to_string(),
            crate::report::marks::mark_if(
                format!("{} ({})", board.name, board.id),
                board.illustrative,
            ),
        ));
        if !below.is_empty() {
            facts.push(("Boards reporting to it".to_string(), below.join(", ")));
        }
    }
    // The latest update of the milestones delivering them.
    let freshness = Freshness::of(
        model,
        ctx.settings,
        ctx.as_of,
        recs.iter()
            .flat_map(|&r| model.recommendation(r).delivering_milestones(&ctx.tree)),
    );
    facts.extend(crate::report::freshness::with_fact(
        ctx.facts(),
        &freshness,
        ctx.as_of,
    ));
    facts.push(("Response window".to_string(), window_text(ctx)));
    let mut summary = summary_section(ctx, &recs);
    crate::report::marks::legend(&mut summary);
    if board.is_some_and(|b| model.board(b).illustrative) {
        crate::report::marks::legend_for_fact(&mut summary);
    }
    let mut sections = vec![summary];
    sections.extend(recommendations_sections(ctx, &recs));
    Document {
        kind: "recommendations".to_string(),
        title: match board {
            Some(b) => format!("{}: scrutiny recommendations", model.board(b).name),
            None => "Scrutiny recommendations".to_string(),
        },
        as_at: ctx.as_of,
        facts,
        sections,
        freshness: Some(freshness),
    }
}

/// The board pack's part on the recommendations made by `board` and the
/// boards that report to it, headed "Scrutiny recommendations: ..." (the
/// pack numbers it). None when they have made none by the as-at date, so
/// that a board that makes no recommendations has no empty part about
/// them.
pub fn pack_sections(ctx: &Context, board: BoardIx) -> Vec<Section> {
    let recs = made_by(ctx, &ctx.graph.boards_reporting_into(board));
    if recs.is_empty() {
        return Vec::new();
    }
    let mut sections = recommendations_sections(ctx, &recs);
    for s in &mut sections {
        s.heading = format!("Scrutiny recommendations: {}", s.heading);
    }
    if let Some(first) = sections.first_mut() {
        first.intro.insert(
            0,
            format!(
                "The recommendations made by the board and the boards that report to it. \
                 Response window: {}.",
                window_text(ctx)
            ),
        );
    }
    sections
}

/// The recommendations made on or before the as-at date by any of
/// `boards`, in plan order, found through the plan graph's `made by` edges.
fn made_by(ctx: &Context, boards: &[BoardIx]) -> Vec<RecommendationIx> {
    let graph = ctx.graph;
    let mut recs: Vec<RecommendationIx> = boards
        .iter()
        .flat_map(|&b| {
            graph
                .inner()
                .edges_directed(graph.node(EntityRef::Board(b)), Incoming)
                .filter(|e| *e.weight() == Edge::MadeBy)
                .map(|e| graph.inner()[e.source()])
        })
        .filter_map(|e| match e {
            EntityRef::Recommendation(r) => Some(r),
            _ => None,
        })
        .filter(|&r| ctx.model.recommendation(r).made <= ctx.as_of)
        .collect();
    recs.sort_unstable();
    recs.dedup();
    recs
}

fn all_boards(model: &Model) -> Vec<BoardIx> {
    (0..model.boards.len()).map(BoardIx::from_usize).collect()
}

fn window_text(ctx: &Context) -> String {
    format!(
        "{}, beginning with the day the executive receives a recommendation \
         (the response-within-months setting)",
        plural(
            ctx.settings.response_within_months as usize,
            "month",
            "months"
        )
    )
}

/// The tracker, the responses, what awaits a response and what was
/// accepted with nothing delivering it, for the given recommendations.
pub fn recommendations_sections(ctx: &Context, recs: &[RecommendationIx]) -> Vec<Section> {
    let mut sections = vec![
        tracker_section(ctx, recs),
        responses_section(ctx, recs),
        awaiting_section(ctx, recs),
        undelivered_section(ctx, recs),
    ];
    sections.iter_mut().for_each(crate::report::marks::legend);
    sections
}

/// The paragraph `ragtime explain` starts with for a recommendation: what
/// it is, where it stands, and what delivers it (counted below it).
pub fn describe(ctx: &Context, ix: RecommendationIx) -> String {
    let model = ctx.model;
    let r = model.recommendation(ix);
    let made = if r.made > ctx.as_of {
        format!("made {}, after the as-at date: not yet made", r.made)
    } else {
        format!("made {}", r.made)
    };
    let response = match r.response_as_of(ctx.as_of) {
        Some(resp) => format!(
            "Response: {} on {} by {}.",
            resp.acceptance.label(),
            resp.date,
            model.board(resp.by).name
        ),
        None if r.made > ctx.as_of => "No response as at the date.".to_string(),
        None => format!(
            "Response: {}.",
            Standing::of(r, ctx.as_of, ctx.settings).words(ctx.as_of)
        ),
    };
    let delivered = if r.delivered_by.is_empty() {
        "Nothing is named as delivering it.".to_string()
    } else {
        format!(
            "Delivered by {}; the milestones counted are below.",
            r.delivered_by
                .iter()
                .map(|d| model.id_of(d.entity()))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    format!(
        "Recommendation {} of the {}, {made}: {}. {response} {delivered}",
        r.id,
        model.board(r.committee).name,
        r.title
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PlanSet;
    use crate::report::Context;
    use crate::report::cells::text;
    use crate::report::{Cell, Row};
    use chrono::NaiveDate;
    use proptest::prelude::{prop_assert, prop_assert_eq, proptest};

    const REGISTRY: &str = r#"
[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "cabinet"
name = "Cabinet"

[[board]]
id = "scrutiny"
name = "Scrutiny Committee"
reports-to = "cabinet"

[[board]]
id = "other"
name = "Other Board"
reports-to = "cabinet"

[[milestone]]
id = "S-M1"
commitment = "S-C1"
title = "Done in May"
owner = "hos"
added = 2025-01-01
due = 2025-06-30
  [[milestone.update]]
  date = 2025-05-01
  status = "complete"
  by = "hos"
  note = "Done."

[[milestone]]
id = "S-M2"
commitment = "S-C1"
title = "Added in August"
owner = "hos"
added = 2025-08-01
due = 2025-12-31
"#;

    fn plans(recs: &str) -> PlanSet {
        crate::testing::framed("hos", "other", &format!("{REGISTRY}\n{recs}"))
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const ONE: &str = r#"
[[recommendation]]
id = "R1"
committee = "scrutiny"
made = 2025-04-10
title = "T"
text = "X"
delivered-by = ["S-C1"]

  [recommendation.response]
  decision = "accepted"
  date = 2025-06-20
  by = "cabinet"
"#;

    fn board(plans: &PlanSet, id: &str) -> BoardIx {
        match plans.model.lookup(id) {
            Some(EntityRef::Board(b)) => b,
            other => panic!("{id} is {other:?}"),
        }
    }

    fn section<'a>(doc: &'a Document, id: &str) -> &'a Section {
        doc.sections.iter().find(|s| s.id == id).unwrap()
    }

    fn cells(s: &Section, column: &str) -> Vec<Cell> {
        let Some(t) = &s.table else { return Vec::new() };
        let i = t.columns.iter().position(|c| c.key == column).unwrap();
        t.rows.iter().map(|r| r.cells[i].clone()).collect()
    }

    #[test]
    fn a_response_is_awaited_then_overdue_then_given() {
        let plans = plans(ONE);
        let at = |date: &str| {
            let ctx = Context::new(&plans, d(date)).unwrap();
            recommendations(&ctx, None)
        };
        // Received on 10 April: due by 9 June, overdue from 10 June.
        let doc = at("2025-06-09");
        assert_eq!(
            cells(section(&doc, "recommendations"), "response"),
            [text("awaiting")]
        );
        let awaiting = section(&doc, "awaiting");
        assert_eq!(cells(awaiting, "due"), [Cell::Date(d("2025-06-09"))]);
        assert_eq!(cells(awaiting, "days_overdue"), [Cell::Empty]);
        let doc = at("2025-06-11");
        assert_eq!(
            cells(section(&doc, "recommendations"), "response"),
            [text("awaiting, overdue by 2 days")]
        );
        assert_eq!(
            cells(section(&doc, "awaiting"), "days_overdue"),
            [Cell::Count(2)]
        );
        let doc = at("2025-06-20");
        assert_eq!(
            cells(section(&doc, "recommendations"), "response"),
            [text("accepted")]
        );
        assert!(section(&doc, "awaiting").table.is_none());
    }

    #[test]
    fn a_recommendation_made_after_the_date_is_left_out() {
        let plans = plans(ONE);
        let ctx = Context::new(&plans, d("2025-04-09")).unwrap();
        let doc = recommendations(&ctx, None);
        assert!(doc.sections.iter().all(|s| s.table.is_none()));
        assert_eq!(
            section(&doc, "summary").intro,
            ["No recommendations made on or before 2025-04-09."]
        );
    }

    #[test]
    fn delivery_counts_the_milestones_on_the_plan_as_at_the_date() {
        let plans = plans(ONE);
        let at = |date: &str| {
            let ctx = Context::new(&plans, d(date)).unwrap();
            let doc = recommendations(&ctx, None);
            let s = section(&doc, "recommendations");
            (cells(s, "milestones"), cells(s, "delivery"))
        };
        // In July only the complete milestone is on the plan: delivered.
        let (n, rag) = at("2025-07-31");
        assert_eq!(n, [Cell::Count(1)]);
        assert!(matches!(&rag[0], Cell::Rag(r) if r.label == "Blue"));
        // The one added in August is not started: not all complete.
        let (n, rag) = at("2025-08-31");
        assert_eq!(n, [Cell::Count(2)]);
        assert!(matches!(&rag[0], Cell::Rag(r) if r.label == "Green"));
    }

    #[test]
    fn accepted_with_nothing_delivering_it_is_listed() {
        let plans = plans(&ONE.replace("delivered-by = [\"S-C1\"]\n", ""));
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let doc = recommendations(&ctx, None);
        assert_eq!(cells(section(&doc, "undelivered"), "id"), [text("R1")]);
        assert_eq!(
            cells(section(&doc, "summary"), "undelivered"),
            [Cell::Count(1), Cell::Count(1)]
        );
    }

    #[test]
    fn the_pack_has_the_part_for_the_committee_and_the_boards_it_reports_to() {
        let plans = plans(ONE);
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        for id in ["scrutiny", "cabinet"] {
            let sections = pack_sections(&ctx, board(&plans, id));
            let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(
                ids,
                ["recommendations", "responses", "awaiting", "undelivered"],
                "{id}"
            );
            assert!(sections[0].heading.starts_with("Scrutiny recommendations"));
        }
        assert!(pack_sections(&ctx, board(&plans, "other")).is_empty());
        // Nor before anything was recommended.
        let ctx = Context::new(&plans, d("2025-04-09")).unwrap();
        assert!(pack_sections(&ctx, board(&plans, "scrutiny")).is_empty());
        // A board's report lists only its own and its reporting boards'.
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let doc = recommendations(&ctx, Some(board(&plans, "other")));
        assert!(section(&doc, "recommendations").table.is_none());
    }

    proptest! {
        /// The report as at a date is the same from plans that hold only
        /// what was recorded by then: later recommendations and responses
        /// change nothing.
        #[test]
        fn later_records_change_nothing(
            recs in proptest::collection::vec((0u32..400, proptest::option::of(0u32..200)), 0..6),
            as_of in 0u32..600,
        ) {
            let base = d("2025-01-01");
            let day = |n: u32| base + chrono::Days::new(u64::from(n));
            let as_of = day(as_of);
            let write = |cut: bool| {
                let mut text = String::new();
                for (i, &(made, response)) in recs.iter().enumerate() {
                    let made = day(made);
                    if cut && made > as_of {
                        continue;
                    }
                    text += &format!(
                        "[[recommendation]]\nid = \"R{i}\"\ncommittee = \"scrutiny\"\n\
                         made = {made}\ntitle = \"T{i}\"\ntext = \"X\"\ndelivered-by = [\"S-C1\"]\n"
                    );
                    if let Some(after) = response {
                        let date = made + chrono::Days::new(u64::from(after));
                        if !(cut && date > as_of) {
                            text += &format!(
                                "[recommendation.response]\ndecision = \"accepted\"\n\
                                 date = {date}\nby = \"cabinet\"\n"
                            );
                        }
                    }
                }
                text
            };
            let (all, cut) = (plans(&write(false)), plans(&write(true)));
            let doc = |p: &PlanSet| {
                let ctx = Context::new(p, as_of).unwrap();
                recommendations(&ctx, None)
            };
            prop_assert_eq!(doc(&all), doc(&cut));
        }

        /// Every recommendation counts once by where it stands, and the
        /// committees' rows add up to the total.
        #[test]
        fn the_summary_adds_up(
            recs in proptest::collection::vec(
                (0u32..400, 0usize..2, proptest::option::of((0u32..200, 0usize..3)), proptest::bool::ANY),
                0..8,
            ),
            as_of in 0u32..600,
        ) {
            let base = d("2025-01-01");
            let day = |n: u32| base + chrono::Days::new(u64::from(n));
            let mut text = String::new();
            for (i, &(made, committee, response, delivered)) in recs.iter().enumerate() {
                let committee = ["scrutiny", "other"][committee];
                text += &format!(
                    "[[recommendation]]\nid = \"R{i}\"\ncommittee = \"{committee}\"\n\
                     made = {}\ntitle = \"T\"\ntext = \"X\"\n",
                    day(made)
                );
                let rejected = matches!(response, Some((_, 2)));
                if delivered && !rejected {
                    text += "delivered-by = [\"S-C1\"]\n";
                }
                if let Some((after, decision)) = response {
                    text += &format!(
                        "[recommendation.response]\ndecision = \"{}\"\ndate = {}\n\
                         by = \"cabinet\"\ntext = \"Reasons.\"\n",
                        ["accepted", "partly-accepted", "rejected"][decision],
                        day(made) + chrono::Days::new(u64::from(after))
                    );
                }
            }
            let plans = plans(&text);
            let ctx = Context::new(&plans, day(as_of)).unwrap();
            let doc = recommendations(&ctx, None);
            let summary = section(&doc, "summary");
            let Some(table) = &summary.table else {
                prop_assert!(recs.iter().all(|r| day(r.0) > day(as_of)));
                return Ok(());
            };
            let n = |row: &Row, i: usize| match row.cells[i] {
                Cell::Count(n) => n,
                _ => panic!("not a count"),
            };
            let (total, items) = table.rows.split_last().unwrap();
            for i in 1..=8 {
                prop_assert_eq!(items.iter().map(|r| n(r, i)).sum::<u64>(), n(total, i));
            }
            for row in &table.rows {
                prop_assert_eq!(n(row, 1), n(row, 2) + n(row, 3) + n(row, 4) + n(row, 5));
                prop_assert!(n(row, 6) <= n(row, 5));
                prop_assert!(n(row, 7) + n(row, 8) <= n(row, 2) + n(row, 3));
            }
            let made = recs.iter().filter(|r| day(r.0) <= day(as_of)).count() as u64;
            prop_assert_eq!(n(total, 1), made);
        }
    }
}

//! The tables of the recommendations tracker: the summary by committee,
//! each recommendation with its response and delivery, the responses as
//! worded, those awaiting a response, and those accepted with nothing
//! delivering them. Each is a `Section` of report data; the writers lay
//! them out.

use chrono::NaiveDate;

use super::model::{Acceptance, Recommendation};
use super::standing::{Delivery, Standing};
use crate::model::*;
use crate::rating::Rating;
use crate::report::cells::*;
use crate::report::{Align, Cell, Colour, Context, RagCell, Row, RowKind, Section, Table};

/// Whether a recommendation's row carries the illustrative mark: it, or
/// the response in force, is marked `illustrative = true`.
fn illustrative(r: &Recommendation, as_of: NaiveDate) -> bool {
    r.illustrative || r.response_as_of(as_of).is_some_and(|x| x.illustrative)
}

/// One row per committee: how many recommendations, how the executive
/// responded, and how many are delivered.
pub(super) fn summary_section(ctx: &Context, recs: &[RecommendationIx]) -> Section {
    let model = ctx.model;
    let columns = vec![
        col("committee", "Committee", Align::Left),
        col("recommendations", "Recommendations", Align::Right),
        col("accepted", "Accepted", Align::Right),
        col("partly_accepted", "Partly accepted", Align::Right),
        col("rejected", "Rejected", Align::Right),
        col("awaiting", "Awaiting response", Align::Right),
        col("overdue", "Response overdue", Align::Right),
        col("delivered", "Delivered", Align::Right),
        col("undelivered", "Accepted, nothing delivering", Align::Right),
    ];
    let mut tallies: Vec<(BoardIx, Tally)> = Vec::new();
    let mut total = Tally::default();
    for &ix in recs {
        let r = model.recommendation(ix);
        let one = Tally::of(ctx, r);
        match tallies.iter_mut().find(|(b, _)| *b == r.committee) {
            Some((_, t)) => t.add(&one),
            None => tallies.push((r.committee, one.clone())),
        }
        total.add(&one);
    }
    tallies.sort_by_key(|(b, _)| *b);
    let row = |kind, name: String, t: &Tally, illustrative| {
        let mut cells = vec![Cell::Text(name)];
        cells.extend(t.counts().into_iter().map(Cell::Count));
        Row {
            kind,
            cells,
            illustrative,
        }
    };
    let mut rows: Vec<Row> = tallies
        .iter()
        .map(|(b, t)| {
            let board = model.board(*b);
            row(RowKind::Item, board.name.clone(), t, board.illustrative)
        })
        .collect();
    rows.push(row(RowKind::Total, "Total".to_string(), &total, false));
    let intro = vec![if recs.is_empty() {
        format!("No recommendations made on or before {}.", ctx.as_of)
    } else {
        format!(
            "{} made on or before {}: {} accepted, {} partly accepted, {} rejected, {} \
             awaiting the executive's response ({} overdue).",
            plural(recs.len(), "recommendation", "recommendations"),
            ctx.as_of,
            total.accepted,
            total.partly_accepted,
            total.rejected,
            total.awaiting,
            total.overdue
        )
    }];
    Section {
        id: "summary".to_string(),
        heading: "Recommendations by committee".to_string(),
        intro,
        table: (!recs.is_empty()).then_some(Table { columns, rows }),
        notes: vec![
            "Delivered: accepted (in whole or in part) and every live milestone delivering \
             it complete. Accepted, nothing delivering: no commitment or milestone named as \
             delivering it has a live milestone on the plan as at the date."
                .to_string(),
        ],
        chart: None,
        narratives: Vec::new(),
    }
}

/// How many recommendations stand where, for the summary table: each
/// counted once by the executive's decision (or as awaiting), and apart
/// as overdue, delivered, or accepted with nothing delivering it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Tally {
    made: u64,
    accepted: u64,
    partly_accepted: u64,
    rejected: u64,
    awaiting: u64,
    overdue: u64,
    delivered: u64,
    undelivered: u64,
}

impl Tally {
    fn of(ctx: &Context, r: &Recommendation) -> Tally {
        let standing = Standing::of(r, ctx.as_of, ctx.settings);
        let delivery = Delivery::of(r, &ctx.tree, &ctx.ratings, ctx.settings);
        let one = |yes: bool| u64::from(yes);
        Tally {
            made: 1,
            accepted: one(standing == Standing::Responded(Acceptance::Accepted)),
            partly_accepted: one(standing == Standing::Responded(Acceptance::PartlyAccepted)),
            rejected: one(standing == Standing::Responded(Acceptance::Rejected)),
            awaiting: one(matches!(standing, Standing::Awaiting { .. })),
            overdue: one(standing.overdue_days(ctx.as_of).is_some()),
            delivered: one(standing.accepted() && delivery.delivered()),
            undelivered: one(standing.accepted() && delivery.counts.live() == 0),
        }
    }

    fn add(&mut self, other: &Tally) {
        self.made += other.made;
        self.accepted += other.accepted;
        self.partly_accepted += other.partly_accepted;
        self.rejected += other.rejected;
        self.awaiting += other.awaiting;
        self.overdue += other.overdue;
        self.delivered += other.delivered;
        self.undelivered += other.undelivered;
    }

    /// In the summary table's column order.
    fn counts(&self) -> [u64; 8] {
        [
            self.made,
            self.accepted,
            self.partly_accepted,
            self.rejected,
            self.awaiting,
            self.overdue,
            self.delivered,
            self.undelivered,
        ]
    }
}

fn ids_cell(model: &Model, r: &Recommendation) -> Cell {
    if r.delivered_by.is_empty() {
        return Cell::Empty;
    }
    text(
        r.delivered_by
            .iter()
            .map(|d| model.id_of(d.entity()))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// One row per recommendation: the response and the delivery status.
pub(super) fn tracker_section(ctx: &Context, recs: &[RecommendationIx]) -> Section {
    let model = ctx.model;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("committee", "Committee", Align::Left),
        col("made", "Made", Align::Left),
        col("recommendation", "Recommendation", Align::Left),
        col("response", "Response", Align::Left),
        col("responded", "Responded", Align::Left),
        col("delivered_by", "Delivered by", Align::Left),
        col("milestones", "Milestones", Align::Right),
        col("complete", "Complete", Align::Right),
        col("percent", "%", Align::Right),
        col("delivery", "Delivery", Align::Left),
    ];
    let rows: Vec<Row> = recs
        .iter()
        .map(|&ix| {
            let r = model.recommendation(ix);
            let standing = Standing::of(r, ctx.as_of, ctx.settings);
            let delivery = Delivery::of(r, &ctx.tree, &ctx.ratings, ctx.settings);
            // Nothing to rate: rejected, or awaiting with nothing named yet.
            let unrated = standing == Standing::Responded(Acceptance::Rejected)
                || (!standing.accepted() && r.delivered_by.is_empty());
            let cells = vec![
                text(&r.id),
                text(&model.board(r.committee).name),
                Cell::Date(r.made),
                text(&r.title),
                text(standing.words(ctx.as_of)),
                r.response_as_of(ctx.as_of)
                    .map_or(Cell::Empty, |resp| Cell::Date(resp.date)),
                ids_cell(model, r),
                Cell::Count(delivery.counts.live()),
                Cell::Count(delivery.counts.rating(Rating::Blue)),
                percent_cell(&delivery.counts, ctx.settings),
                if unrated {
                    Cell::Empty
                } else {
                    overall_cell(&delivery.overall)
                },
            ];
            Row {
                kind: RowKind::Item,
                cells,
                illustrative: illustrative(r, ctx.as_of),
            }
        })
        .collect();
    let intro = vec![if recs.is_empty() {
        format!("No recommendations made on or before {}.", ctx.as_of)
    } else {
        format!(
            "{} made on or before {}, in plan order.",
            plural(recs.len(), "recommendation", "recommendations"),
            ctx.as_of
        )
    }];
    Section {
        id: "recommendations".to_string(),
        heading: "Recommendations and delivery".to_string(),
        intro,
        table: (!rows.is_empty()).then_some(Table { columns, rows }),
        notes: vec![
            "Delivery is rated from the live milestones of the commitments and milestones \
             that deliver each recommendation (each counted once), by the same rules and \
             rollup as every report: % is the share complete or on target of those rated. \
             The explain command lists the milestones counted for any recommendation. A \
             rejected recommendation has nothing to deliver, nor has one awaiting a response \
             with nothing named yet. A response dated after the as-at date is not yet given."
                .to_string(),
        ],
        chart: None,
        narratives: Vec::new(),
    }
}

/// One row per recommendation: its words and the executive's response.
pub(super) fn responses_section(ctx: &Context, recs: &[RecommendationIx]) -> Section {
    let model = ctx.model;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("recommendation", "Recommendation (as worded)", Align::Left),
        col("decision", "Decision", Align::Left),
        col("date", "Date", Align::Left),
        col("by", "By", Align::Left),
        col("response", "The executive's response", Align::Left),
        col("action", "Action agreed", Align::Left),
        col("owner", "Action owner", Align::Left),
    ];
    let mut awaiting = 0;
    let rows: Vec<Row> = recs
        .iter()
        .map(|&ix| {
            let r = model.recommendation(ix);
            let resp = r.response_as_of(ctx.as_of);
            awaiting += usize::from(resp.is_none());
            let cells = match resp {
                Some(resp) => vec![
                    text(&r.id),
                    text(&r.text),
                    text(resp.acceptance.label()),
                    Cell::Date(resp.date),
                    text(&model.board(resp.by).name),
                    opt_text(resp.text.as_deref()),
                    opt_text(resp.action.as_deref()),
                    resp.owner
                        .map_or(Cell::Empty, |o| text(&model.owner(o).role)),
                ],
                None => vec![
                    text(&r.id),
                    text(&r.text),
                    text("awaiting"),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ],
            };
            Row {
                kind: RowKind::Item,
                cells,
                illustrative: illustrative(r, ctx.as_of),
            }
        })
        .collect();
    let intro = vec![if recs.is_empty() {
        format!("No recommendations made on or before {}.", ctx.as_of)
    } else {
        format!(
            "{} responded to, {} awaiting a response as at {}.",
            recs.len() - awaiting,
            awaiting,
            ctx.as_of
        )
    }];
    Section {
        id: "responses".to_string(),
        heading: "The executive's responses".to_string(),
        intro,
        table: (!rows.is_empty()).then_some(Table { columns, rows }),
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    }
}

/// Every recommendation with no response as at the date, soonest due
/// first, the overdue ones Red.
pub(super) fn awaiting_section(ctx: &Context, recs: &[RecommendationIx]) -> Section {
    let model = ctx.model;
    let mut waiting: Vec<(Option<NaiveDate>, RecommendationIx)> = recs
        .iter()
        .filter_map(
            |&ix| match Standing::of(model.recommendation(ix), ctx.as_of, ctx.settings) {
                Standing::Awaiting { due } => Some((due, ix)),
                Standing::Responded(_) => None,
            },
        )
        .collect();
    waiting.sort();
    let columns = vec![
        col("id", "Id", Align::Left),
        col("committee", "Committee", Align::Left),
        col("recommendation", "Recommendation", Align::Left),
        col("made", "Made", Align::Left),
        col("received", "Received", Align::Left),
        col("due", "Response due by", Align::Left),
        col("days_overdue", "Days overdue", Align::Right),
        col("rag", "RAG", Align::Left),
    ];
    let mut overdue = 0;
    let rows: Vec<Row> = waiting
        .iter()
        .map(|&(due, ix)| {
            let r = model.recommendation(ix);
            let days = Standing::Awaiting { due }.overdue_days(ctx.as_of);
            overdue += usize::from(days.is_some());
            let (colour, label) = match days {
                Some(_) => (Colour::Red, "Overdue"),
                None => (Colour::Grey, "Not yet due"),
            };
            Row {
                kind: RowKind::Item,
                cells: vec![
                    text(&r.id),
                    text(&model.board(r.committee).name),
                    text(&r.title),
                    Cell::Date(r.made),
                    r.received.map_or(Cell::Empty, Cell::Date),
                    due.map_or(Cell::Empty, Cell::Date),
                    days.map_or(Cell::Empty, |d| Cell::Count(d.unsigned_abs())),
                    Cell::Rag(RagCell {
                        colour,
                        label: label.to_string(),
                        flag: None,
                    }),
                ],
                illustrative: illustrative(r, ctx.as_of),
            }
        })
        .collect();
    let intro = vec![match waiting.len() {
        0 if recs.is_empty() => "None.".to_string(),
        0 => format!(
            "None: every recommendation had a response by {}.",
            ctx.as_of
        ),
        n => format!(
            "{} the executive's response as at {}; {overdue} overdue.",
            plural(n, "recommendation awaits", "recommendations await"),
            ctx.as_of
        ),
    }];
    Section {
        id: "awaiting".to_string(),
        heading: "Awaiting the executive's response".to_string(),
        intro,
        table: (!rows.is_empty()).then_some(Table { columns, rows }),
        notes: vec![format!(
            "A response is due by the last day of the window of {} beginning with the day \
             the executive received the recommendation (its received date, or the day it was \
             made), and overdue from the day after.",
            plural(
                ctx.settings.response_within_months as usize,
                "month",
                "months"
            )
        )],
        chart: None,
        narratives: Vec::new(),
    }
}

/// Recommendations accepted in whole or in part as at the date with nothing
/// delivering them: no item named, or no live milestone in what is named.
pub(super) fn undelivered_section(ctx: &Context, recs: &[RecommendationIx]) -> Section {
    let model = ctx.model;
    let columns = vec![
        col("id", "Id", Align::Left),
        col("committee", "Committee", Align::Left),
        col("recommendation", "Recommendation", Align::Left),
        col("decision", "Decision", Align::Left),
        col("responded", "Responded", Align::Left),
        col("action", "Action agreed", Align::Left),
        col("owner", "Action owner", Align::Left),
        col("why", "Why", Align::Left),
    ];
    let rows: Vec<Row> = recs
        .iter()
        .filter_map(|&ix| {
            let r = model.recommendation(ix);
            let resp = r.response_as_of(ctx.as_of)?;
            if !resp.acceptance.is_accepted() {
                return None;
            }
            let delivery = Delivery::of(r, &ctx.tree, &ctx.ratings, ctx.settings);
            if delivery.counts.live() > 0 {
                return None;
            }
            let why = if r.delivered_by.is_empty() {
                "no commitment or milestone is named as delivering it".to_string()
            } else if delivery.counts.rating(Rating::Cancelled) > 0 {
                "every milestone delivering it is cancelled".to_string()
            } else {
                format!(
                    "what is named has no milestone on the plan as at {}",
                    ctx.as_of
                )
            };
            Some(Row {
                kind: RowKind::Item,
                cells: vec![
                    text(&r.id),
                    text(&model.board(r.committee).name),
                    text(&r.title),
                    text(resp.acceptance.label()),
                    Cell::Date(resp.date),
                    opt_text(resp.action.as_deref()),
                    resp.owner
                        .map_or(Cell::Empty, |o| text(&model.owner(o).role)),
                    text(why),
                ],
                illustrative: illustrative(r, ctx.as_of),
            })
        })
        .collect();
    let intro = vec![match rows.len() {
        0 if recs.is_empty() => "None.".to_string(),
        0 => format!(
            "None: every recommendation accepted by {} has something delivering it.",
            ctx.as_of
        ),
        n => format!(
            "{} accepted, in whole or in part, with nothing delivering {} as at {}.",
            plural(n, "recommendation", "recommendations"),
            if n == 1 { "it" } else { "them" },
            ctx.as_of
        ),
    }];
    Section {
        id: "undelivered".to_string(),
        heading: "Accepted, with nothing delivering them".to_string(),
        intro,
        table: (!rows.is_empty()).then_some(Table { columns, rows }),
        notes: vec![
            "Name the commitments or milestones that deliver each (delivered-by in the \
             plan file), or add a milestone for the action agreed."
                .to_string(),
        ],
        chart: None,
        narratives: Vec::new(),
    }
}

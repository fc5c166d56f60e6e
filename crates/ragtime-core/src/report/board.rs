//! The board pack: everything a board oversees, directly and through the
//! boards that report to it, as one document in up to eight parts: (1) the headline
//! counts per strategy with the colour mix over the last four quarter ends,
//! (2) progress by priority and commitment, (3) exceptions, (4) measures,
//! (5) changes since the last meeting and (6) what is due before the next;
//! (7), when there is money in the board's scope this financial year,
//! budgets, savings and caps (`crate::finance`); and (8), when the board or
//! a board reporting to it has made scrutiny recommendations, their tracker
//! (`crate::recommendations`). A closed strategy whose period has ended is
//! one line of part 1, at its final position.
//!
//! Parts 1 to 4 are the portfolio, progress, exceptions and measures
//! sections over [`Scope::board`]; the pack only numbers their headings. The
//! two meeting dates default by the rules in [`board_pack`] and
//! [`next_meeting`], which `docs/board-pack.md` states.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::cells::*;
use super::changes::changes_section;
use super::context::Context;
use super::doc::*;
use super::exceptions::exceptions_sections;
use super::measures::measures_sections;
use super::portfolio::{Breakdown, portfolio_section};
use super::progress::progress_sections;
use super::summary::executive_summary;
use crate::model::*;
use crate::period::Quarter;
use crate::rating::{Rating, Ratings};
use crate::rollup::{Counts, Scope, overall};

/// What is wrong with the dates asked for a pack.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PackError {
    #[error(
        "the last meeting ({since}) is after the as-at date {as_of}; changes are listed from the last meeting up to the as-at date, so give a date on or before it"
    )]
    SinceAfterAsAt { since: NaiveDate, as_of: NaiveDate },
    #[error(
        "the next meeting ({next}) is before the as-at date {as_of}; what is due is listed from the as-at date up to the next meeting, so give a date on or after it"
    )]
    NextBeforeAsAt { next: NaiveDate, as_of: NaiveDate },
    #[error("no next meeting date can be worked out after {as_of}")]
    NoNextMeeting { as_of: NaiveDate },
}

/// The two meeting dates of a pack; `None` takes the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PackDates {
    /// The last meeting: changes are listed after this date.
    pub since: Option<NaiveDate>,
    /// The next meeting: what is due up to this date is listed.
    pub next: Option<NaiveDate>,
}

/// The next meeting, when not given: the as-at date plus the board's
/// cadence (monthly one month, six-weekly 42 days, bimonthly two months,
/// quarterly three, termly four, twice-yearly six, annually twelve); a month
/// on from the last day of a month is the last day of that month (30
/// September plus three months is 31 December). A board with no cadence, or
/// one that meets as needed, takes the next quarter end after the as-at date.
pub fn next_meeting(meets: Option<Cadence>, as_of: NaiveDate) -> Option<NaiveDate> {
    let months = |n: u32| {
        let next_day = as_of.checked_add_days(Days::new(1))?;
        if next_day.month0() != as_of.month0() {
            // The last day of a month: keep to month ends.
            next_day
                .checked_add_months(Months::new(n))?
                .checked_sub_days(Days::new(1))
        } else {
            as_of.checked_add_months(Months::new(n))
        }
    };
    match meets {
        Some(Cadence::Monthly) => months(1),
        Some(Cadence::SixWeekly) => as_of.checked_add_days(Days::new(42)),
        Some(Cadence::Bimonthly) => months(2),
        Some(Cadence::Quarterly) => months(3),
        Some(Cadence::Termly) => months(4),
        Some(Cadence::TwiceYearly) => months(6),
        Some(Cadence::Annually) => months(12),
        Some(Cadence::AsNeeded) | None => {
            let q = Quarter::containing(as_of).ok()?;
            Some(if as_of < q.end() {
                q.end()
            } else {
                q.next().end()
            })
        }
    }
}

fn cadence_text(meets: Option<Cadence>) -> &'static str {
    match meets {
        Some(Cadence::Monthly) => "meets monthly: one month after the as-at date",
        Some(Cadence::SixWeekly) => "meets six-weekly: 42 days after the as-at date",
        Some(Cadence::Bimonthly) => "meets every two months: two months after the as-at date",
        Some(Cadence::Quarterly) => "meets quarterly: three months after the as-at date",
        Some(Cadence::Termly) => "meets termly: four months after the as-at date",
        Some(Cadence::TwiceYearly) => "meets twice a year: six months after the as-at date",
        Some(Cadence::Annually) => "meets annually: a year after the as-at date",
        Some(Cadence::AsNeeded) => "meets as needed: the next quarter end",
        None => "no meeting cadence set: the next quarter end",
    }
}

/// The board pack of `board` as at the context's date.
///
/// The last meeting, when not given, is the last quarter end before the
/// as-at date (30 June for a pack as at 30 September, 30 September for one
/// as at 20 October); the next is [`next_meeting`]. Changes are listed after
/// the last meeting and up to the as-at date, so it may not be later; what
/// is due is listed from the as-at date to the next meeting, so that may not
/// be earlier.
pub fn board_pack(ctx: &Context, board: BoardIx, dates: PackDates) -> Result<Document, PackError> {
    let model = ctx.model;
    let as_of = ctx.as_of;
    let b = model.board(board);
    let since = dates.since.unwrap_or_else(|| ctx.previous_date());
    if since > as_of {
        return Err(PackError::SinceAfterAsAt { since, as_of });
    }
    let next = match dates.next {
        Some(next) => next,
        None => next_meeting(b.meets, as_of).ok_or(PackError::NoNextMeeting { as_of })?,
    };
    if next < as_of {
        return Err(PackError::NextBeforeAsAt { next, as_of });
    }

    let oversight = ctx.graph.oversight(model, board);
    let mut scope = Scope::board(model, ctx.graph, board);
    let closed = scope.close_ended(model, as_of);

    let mut sections = vec![executive_summary(ctx, &scope, since)];
    let mut summary = portfolio_section(ctx, &scope, Breakdown::Strategy);
    summary.heading = "1. Headline: milestones by strategy".to_string();
    if oversight.strategies.is_empty() && oversight.commitments.is_empty() {
        summary.intro.insert(
            0,
            format!(
                "The {} oversees no strategy or commitment, directly or through a board that \
                 reports to it.",
                b.name
            ),
        );
    }
    if matches!(&summary.chart, Some(Chart::StackedBars { bars }) if bars.is_empty()) {
        summary.chart = None;
    }
    sections.push(summary);
    sections.push(colour_mix_section(ctx, &scope));
    if !closed.is_empty() {
        let mut section = super::closed_section(ctx, &closed);
        section.heading = format!("1. Headline: {}", section.heading);
        sections.push(section);
    }

    let progress = progress_sections(ctx, &scope);
    if progress.is_empty() {
        sections.push(Section {
            id: "progress".to_string(),
            heading: "2. Progress by priority and commitment".to_string(),
            intro: vec!["Nothing overseen: no priorities or commitments to show.".to_string()],
            table: None,
            notes: Vec::new(),
            chart: None,
            narratives: Vec::new(),
        });
    }
    sections.extend(progress.into_iter().map(|mut s| {
        s.heading = format!("2. Progress: {}", s.heading);
        s
    }));
    sections.extend(exceptions_sections(ctx, &scope).into_iter().map(|mut s| {
        s.heading = match s.id.as_str() {
            "red" => "3. Exceptions: Red (not on target)".to_string(),
            _ => "3. Exceptions: Amber (at risk)".to_string(),
        };
        s
    }));
    sections.extend(measures_sections(ctx, &scope).into_iter().map(|mut s| {
        s.heading = if s.table.as_ref().is_some_and(|t| !t.rows.is_empty()) {
            format!("4. Measures: {}", s.heading)
        } else {
            "4. Measures".to_string()
        };
        s
    }));
    let mut changes = changes_section(ctx, &scope, since);
    changes.heading = format!("5. {}", changes.heading);
    sections.push(changes);
    sections.push(due_section(ctx, &scope, next));
    // Money, when there is any in the board's scope this financial year.
    sections.extend(
        crate::finance::report::finance_sections(ctx, &scope)
            .into_iter()
            .map(|mut s| {
                s.heading = format!("7. Money: {}", s.heading);
                s
            }),
    );
    sections.extend(crate::recommendations::pack_sections(ctx, board));

    let mut facts = vec![(
        "Board".to_string(),
        super::marks::mark_if(format!("{} ({})", b.name, b.id), b.illustrative),
    )];
    if b.illustrative {
        // The mark is on the board fact; the legend opens the pack.
        super::marks::legend_for_fact(&mut sections[0]);
    }
    if let Some(to) = b.reports_to {
        facts.push(("Reports to".to_string(), model.board(to).name.clone()));
    }
    let below: Vec<&str> = oversight
        .boards
        .iter()
        .filter(|&&x| x != board)
        .map(|&x| model.board(x).name.as_str())
        .collect();
    if !below.is_empty() {
        facts.push(("Boards reporting to it".to_string(), below.join(", ")));
    }
    facts.push((
        "Oversees".to_string(),
        oversees(ctx, &oversight.strategies, &oversight.commitments),
    ));
    // The period first, with the dates the pack compares; then the rules.
    let (period, rules): (Vec<_>, Vec<_>) = ctx
        .facts()
        .into_iter()
        .partition(|(label, _)| label == "Period");
    facts.extend(period);
    let freshness = ctx.freshness(&scope);
    facts.push(freshness.fact(as_of));
    facts.push((
        "Compared with".to_string(),
        format!(
            "{} (end of {})",
            ctx.previous_date(),
            ctx.quarter.previous()
        ),
    ));
    facts.push((
        "Changes since".to_string(),
        match dates.since {
            Some(d) => format!("{d} (the last meeting)"),
            None => format!("{since} (the previous quarter end)"),
        },
    ));
    facts.push((
        "Next meeting".to_string(),
        match dates.next {
            Some(d) => d.to_string(),
            None => format!("{next} ({})", cadence_text(b.meets)),
        },
    ));
    facts.extend(rules);
    super::notes::say_once(&mut sections);

    Ok(Document {
        kind: "board".to_string(),
        title: format!("{}: progress report", b.name),
        as_at: as_of,
        facts,
        sections,
        freshness: Some(freshness),
    })
}

/// "CPS Corporate Parenting Strategy 2025-2027; IMP (commitments IMP-P3-C1,
/// IMP-P4-C1)", in plan order.
fn oversees(ctx: &Context, strategies: &[StrategyIx], commitments: &[CommitmentIx]) -> String {
    let model = ctx.model;
    let mut parts = Vec::new();
    for (i, s) in model.strategies.iter().enumerate() {
        let ix = StrategyIx::from_usize(i);
        if strategies.contains(&ix) {
            let closed = if s.is_closed_at(ctx.as_of) {
                " (closed)"
            } else {
                ""
            };
            parts.push(format!("{} {}{closed}", s.id, s.title));
            continue;
        }
        let some: Vec<&str> = commitments
            .iter()
            .filter(|&&c| model.priority(model.commitment(c).priority).strategy == ix)
            .map(|&c| model.commitment(c).id.as_str())
            .collect();
        if !some.is_empty() {
            parts.push(format!(
                "{} {} (commitment{} {} only)",
                s.id,
                s.title,
                if some.len() == 1 { "" } else { "s" },
                some.join(", ")
            ));
        }
    }
    if parts.is_empty() {
        "nothing".to_string()
    } else {
        parts.join("; ")
    }
}

/// The last four quarter ends on or before `as_of`, oldest first.
pub fn last_four_quarter_ends(as_of: NaiveDate) -> Vec<(Quarter, NaiveDate)> {
    let Ok(mut q) = Quarter::containing(as_of) else {
        return Vec::new();
    };
    if as_of < q.end() {
        q = q.previous();
    }
    let mut ends = Vec::with_capacity(4);
    for _ in 0..4 {
        ends.push((q, q.end()));
        q = q.previous();
    }
    ends.reverse();
    ends
}

/// The scope's milestones by rating at each of the last four quarter ends,
/// rated by the same rules as at each date: a table and a chart.
fn colour_mix_section(ctx: &Context, scope: &Scope) -> Section {
    let model = ctx.model;
    let mut columns = vec![
        col("quarter", "Quarter", Align::Left),
        col("as_at", "As at", Align::Left),
        col("milestones", "Milestones", Align::Right),
    ];
    columns.extend(count_columns());
    columns.extend([
        col("percent", "%", Align::Right),
        col("rag", "RAG", Align::Left),
        col("cancelled", "Cancelled", Align::Right),
    ]);
    let ends = last_four_quarter_ends(ctx.as_of);
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for &(q, end) in &ends {
        let ratings = Ratings::compute(model, ctx.settings, end);
        let counts = Counts::of(&ratings, scope.milestones(model));
        let mut cells = vec![
            text(q.to_string()),
            Cell::Date(end),
            Cell::Count(counts.live()),
        ];
        cells.extend(count_cells(&counts));
        cells.extend([
            percent_cell(&counts, ctx.settings),
            overall_cell(&overall(&counts, ctx.settings)),
            Cell::Count(counts.rating(Rating::Cancelled)),
        ]);
        rows.push(Row {
            kind: RowKind::Item,
            cells,
            illustrative: false,
        });
        bars.push(Bar {
            label: format!("{q} (as at {end})"),
            segments: COUNTED
                .iter()
                .map(|&r| Segment {
                    colour: r.colour(ctx.settings.scale),
                    label: r.meaning().to_string(),
                    count: counts.rating(r),
                })
                .collect(),
        });
    }
    let mut intro = vec![
        "The board's milestones by rating at each of the last four quarter ends, each rated \
         by the same rules from the plans as they stood at that date: milestones added later \
         are not counted, and only updates made by then count."
            .to_string(),
    ];
    if let Some(&(_, last)) = ends.last()
        && last < ctx.as_of
    {
        intro.push(format!(
            "The as-at date {} is not a quarter end; the headline above gives the position \
             at that date.",
            ctx.as_of
        ));
    }
    Section {
        id: "colour-mix".to_string(),
        heading: "1. Headline: colour mix over the last four quarters".to_string(),
        intro,
        table: Some(Table { columns, rows }),
        notes: Vec::new(),
        chart: Some(Chart::StackedBars { bars }),
        narratives: Vec::new(),
    }
}

/// The scope's open milestones (not complete or cancelled) due on or after
/// the as-at date and on or before `until`, by due date then plan order.
fn due_section(ctx: &Context, scope: &Scope, until: NaiveDate) -> Section {
    let model = ctx.model;
    let mut due: Vec<(NaiveDate, MilestoneIx)> = scope
        .milestones(model)
        .filter_map(|ix| {
            let r = ctx.ratings.milestone(ix)?;
            let open = !matches!(r.rating, Rating::Blue | Rating::Cancelled);
            (open && r.due >= ctx.as_of && r.due <= until).then_some((r.due, ix))
        })
        .collect();
    due.sort();
    let columns = vec![
        col("id", "Id", Align::Left),
        col("milestone", "Milestone", Align::Left),
        col("owner", "Owner", Align::Left),
        col("due", "Due", Align::Left),
        col("status", "Status", Align::Left),
        col("rag", "RAG", Align::Left),
        col("redated", "Times re-dated", Align::Right),
    ];
    let rows: Vec<Row> = due
        .iter()
        .filter_map(|&(date, ix)| {
            let r = ctx.ratings.milestone(ix)?;
            let m = model.milestone(ix);
            Some(Row {
                kind: RowKind::Item,
                cells: vec![
                    text(&m.id),
                    text(&m.title),
                    text(&model.owner(m.owner).role),
                    Cell::Date(date),
                    Cell::Status(r.status),
                    milestone_rag(ctx, r, Vec::new()),
                    Cell::Count(r.times_redated as u64),
                ],
                illustrative: m.illustrative,
            })
        })
        .collect();
    let intro = match rows.len() {
        0 => format!(
            "No milestone still open is due from {} to {until}, the next meeting.",
            ctx.as_of
        ),
        1 => format!(
            "1 milestone still open is due from {} to {until}, the next meeting.",
            ctx.as_of
        ),
        n => format!(
            "{n} milestones still open are due from {} to {until}, the next meeting.",
            ctx.as_of
        ),
    };
    let mut section = Section {
        id: "due".to_string(),
        heading: "6. Due before the next meeting".to_string(),
        intro: vec![intro],
        table: Some(Table { columns, rows }),
        notes: vec![
            "Open means not complete and not cancelled; the due date is the one in force at the \
             as-at date. Milestones already past their due date are Red and listed in the \
             exceptions."
                .to_string(),
        ],
        chart: None,
        narratives: Vec::new(),
    };
    super::marks::legend(&mut section);
    section
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PlanSet;

    const PLANS: &str = r#"
[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "top"
name = "Top Board"

[[board]]
id = "sub"
name = "Sub Board"
reports-to = "top"
meets = "quarterly"

[[board]]
id = "idle"
name = "Idle Board"


[[milestone]]
id = "S-M1"
commitment = "S-C1"
title = "Complete in May"
owner = "hos"
added = 2024-04-01
due = 2025-06-30
  [[milestone.update]]
  date = 2025-05-01
  status = "complete"
  by = "hos"
  note = "Done."

[[milestone]]
id = "S-M2"
commitment = "S-C1"
title = "Due in November"
owner = "hos"
added = 2024-04-01
due = 2025-11-30
  [[milestone.update]]
  date = 2025-09-01
  status = "on-target"
  by = "hos"

[[milestone]]
id = "S-M3"
commitment = "S-C1"
title = "Due on the as-at date"
owner = "hos"
added = 2025-01-15
due = 2025-09-30
  [[milestone.update]]
  date = 2025-09-01
  status = "on-target"
  by = "hos"

[[milestone]]
id = "S-M4"
commitment = "S-C1"
title = "Due next year"
owner = "hos"
added = 2024-04-01
due = 2026-03-31
"#;

    fn plans() -> PlanSet {
        crate::testing::framed("hos", "sub", PLANS)
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn board(plans: &PlanSet, id: &str) -> BoardIx {
        match plans.model.lookup(id) {
            Some(EntityRef::Board(b)) => b,
            other => panic!("{id} is {other:?}"),
        }
    }

    fn ids(doc: &Document) -> Vec<&str> {
        doc.sections.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn the_next_meeting_follows_the_cadence() {
        let cases = [
            (Some(Cadence::Monthly), "2025-09-30", "2025-10-31"),
            (Some(Cadence::Monthly), "2025-09-15", "2025-10-15"),
            (Some(Cadence::Monthly), "2026-01-31", "2026-02-28"),
            (Some(Cadence::SixWeekly), "2025-09-30", "2025-11-11"),
            (Some(Cadence::Bimonthly), "2025-09-30", "2025-11-30"),
            (Some(Cadence::Quarterly), "2025-09-30", "2025-12-31"),
            (Some(Cadence::Quarterly), "2025-11-30", "2026-02-28"),
            (Some(Cadence::Quarterly), "2025-10-20", "2026-01-20"),
            (Some(Cadence::Termly), "2025-09-30", "2026-01-31"),
            (Some(Cadence::TwiceYearly), "2025-09-30", "2026-03-31"),
            (Some(Cadence::Annually), "2024-02-29", "2025-02-28"),
            (Some(Cadence::AsNeeded), "2025-09-30", "2025-12-31"),
            (None, "2025-09-30", "2025-12-31"),
            (None, "2025-10-20", "2025-12-31"),
            (None, "2026-03-31", "2026-06-30"),
        ];
        for (meets, as_of, next) in cases {
            assert_eq!(
                next_meeting(meets, d(as_of)),
                Some(d(next)),
                "{meets:?} from {as_of}"
            );
        }
    }

    #[test]
    fn the_last_meeting_is_the_previous_quarter_end() {
        let plans = plans();
        let sub = board(&plans, "sub");
        for (as_of, since) in [
            ("2025-09-30", "2025-06-30"),
            ("2025-10-20", "2025-09-30"),
            ("2025-04-01", "2025-03-31"),
        ] {
            let ctx = Context::new(&plans, d(as_of)).unwrap();
            let pack = board_pack(&ctx, sub, PackDates::default()).unwrap();
            let changes = pack.sections.iter().find(|s| s.id == "changes").unwrap();
            assert!(
                changes.intro[0].contains(&format!("after {since} and on or before {as_of}")),
                "{as_of}: {:?}",
                changes.intro
            );
        }
    }

    #[test]
    fn four_quarter_ends_up_to_the_as_at_date() {
        let ends: Vec<NaiveDate> = last_four_quarter_ends(d("2025-09-30"))
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        assert_eq!(
            ends,
            ["2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30"].map(d)
        );
        let ends: Vec<String> = last_four_quarter_ends(d("2025-10-20"))
            .into_iter()
            .map(|(q, _)| q.to_string())
            .collect();
        assert_eq!(
            ends,
            ["2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2"]
        );
    }

    #[test]
    fn a_board_sees_what_the_boards_below_it_oversee() {
        let plans = plans();
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let top = board_pack(&ctx, board(&plans, "top"), PackDates::default()).unwrap();
        let sub = board_pack(&ctx, board(&plans, "sub"), PackDates::default()).unwrap();
        assert_eq!(
            ids(&top),
            [
                "executive-summary",
                "summary",
                "colour-mix",
                "progress-S",
                "red",
                "amber",
                "measures",
                "changes",
                "due"
            ]
        );
        // The same sections and figures; only the title and facts differ.
        assert_eq!(top.sections, sub.sections);
        assert_eq!(top.title, "Top Board: progress report");
        let fact = |doc: &Document, label: &str| {
            doc.facts
                .iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(
            fact(&top, "Boards reporting to it").as_deref(),
            Some("Sub Board")
        );
        assert_eq!(fact(&sub, "Reports to").as_deref(), Some("Top Board"));
        assert_eq!(
            fact(&top, "Next meeting").as_deref(),
            Some("2025-12-31 (no meeting cadence set: the next quarter end)")
        );
        assert_eq!(
            fact(&sub, "Next meeting").as_deref(),
            Some("2025-12-31 (meets quarterly: three months after the as-at date)")
        );
        assert_eq!(
            fact(&sub, "Changes since").as_deref(),
            Some("2025-06-30 (the previous quarter end)")
        );
    }

    #[test]
    fn due_lists_open_milestones_up_to_the_next_meeting() {
        let plans = plans();
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let pack = board_pack(&ctx, board(&plans, "sub"), PackDates::default()).unwrap();
        let due = pack.sections.iter().find(|s| s.id == "due").unwrap();
        let listed: Vec<&Cell> = due
            .table
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .map(|r| &r.cells[0])
            .collect();
        // Due that day, then in November; not the complete one, not next year.
        assert_eq!(listed, [&text("S-M3"), &text("S-M2")]);

        let dates = PackDates {
            since: None,
            next: Some(d("2026-03-31")),
        };
        let pack = board_pack(&ctx, board(&plans, "sub"), dates).unwrap();
        let due = pack.sections.iter().find(|s| s.id == "due").unwrap();
        assert_eq!(due.table.as_ref().unwrap().rows.len(), 3);
    }

    #[test]
    fn the_colour_mix_rates_each_quarter_end() {
        let plans = plans();
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let pack = board_pack(&ctx, board(&plans, "sub"), PackDates::default()).unwrap();
        let mix = pack.sections.iter().find(|s| s.id == "colour-mix").unwrap();
        let rows = &mix.table.as_ref().unwrap().rows;
        // Live milestones at each quarter end: S-M3 was added in January
        // 2025, so it is not counted at 31 December 2024.
        let live: Vec<&Cell> = rows.iter().map(|r| &r.cells[2]).collect();
        assert_eq!(
            live,
            [
                &Cell::Count(3),
                &Cell::Count(4),
                &Cell::Count(4),
                &Cell::Count(4)
            ]
        );
        // Complete from June on.
        let complete: Vec<&Cell> = rows.iter().map(|r| &r.cells[3]).collect();
        assert_eq!(
            complete,
            [
                &Cell::Count(0),
                &Cell::Count(0),
                &Cell::Count(1),
                &Cell::Count(1)
            ]
        );
        let Some(Chart::StackedBars { bars }) = &mix.chart else {
            panic!("no chart");
        };
        assert_eq!(bars.len(), 4);
        assert_eq!(bars[3].label, "2025/26 Q2 (as at 2025-09-30)");
    }

    #[test]
    fn a_board_with_nothing_overseen_has_every_part_and_nothing_in_it() {
        let plans = plans();
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let pack = board_pack(&ctx, board(&plans, "idle"), PackDates::default()).unwrap();
        assert_eq!(
            ids(&pack),
            [
                "executive-summary",
                "summary",
                "colour-mix",
                "progress",
                "red",
                "amber",
                "measures",
                "changes",
                "due"
            ]
        );
        assert_eq!(
            pack.sections[0].intro,
            [
                "Headline: no milestone is on the plan as at the as-at date.",
                "Red: nothing is Red as at the as-at date.",
                "Since the last meeting (2025-06-30): no milestone was added, completed, \
                 cancelled, re-dated or newly Red."
            ]
        );
        let summary = &pack.sections[1];
        assert!(summary.intro[0].starts_with("The Idle Board oversees no strategy"));
        assert!(summary.chart.is_none());
        // Nothing to list: the columns alone, for a CSV file's header.
        let empty = |s: &Section| s.table.as_ref().is_some_and(|t| t.rows.is_empty());
        assert!(empty(&pack.sections[7]));
        assert!(empty(&pack.sections[8]));
    }

    #[test]
    fn dates_out_of_order_are_errors() {
        let plans = plans();
        let ctx = Context::new(&plans, d("2025-09-30")).unwrap();
        let sub = board(&plans, "sub");
        let since_after = PackDates {
            since: Some(d("2025-10-01")),
            next: None,
        };
        assert_eq!(
            board_pack(&ctx, sub, since_after),
            Err(PackError::SinceAfterAsAt {
                since: d("2025-10-01"),
                as_of: d("2025-09-30")
            })
        );
        let next_before = PackDates {
            since: None,
            next: Some(d("2025-09-29")),
        };
        assert!(matches!(
            board_pack(&ctx, sub, next_before),
            Err(PackError::NextBeforeAsAt { .. })
        ));
        // The same day is allowed for both.
        let same = PackDates {
            since: Some(d("2025-09-30")),
            next: Some(d("2025-09-30")),
        };
        assert!(board_pack(&ctx, sub, same).is_ok());
    }
}

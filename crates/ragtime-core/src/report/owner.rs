//! The service lead's list: an owner's open milestones, which are overdue,
//! which fall due soon and which need an update because the last one is
//! older than the staleness window; and, for everyone, each owner's counts.

use chrono::NaiveDate;

use crate::PlanSet;
use crate::model::{MilestoneIx, OwnerIx, Status};
use crate::report::doc::*;

/// What the lists are as at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnerOptions {
    pub as_of: NaiveDate,
    /// A milestone due within this many days of `as_of` is due soon.
    pub within_days: u32,
}

/// Where one open milestone stands for its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub milestone: MilestoneIx,
    pub status: Status,
    /// The due date in force (the latest revision, or the baseline).
    pub due: NaiveDate,
    pub last_update: Option<NaiveDate>,
    /// Days since the last update, or since the milestone was added when it
    /// has never been updated.
    pub days_since_update: i64,
    pub overdue: bool,
    pub due_soon: bool,
    /// The last update is older than the staleness window.
    pub needs_update: bool,
}

/// Where `ix` stands as at `opts.as_of`, or `None` when it is not open then:
/// complete, cancelled, or not yet added to the plan.
pub fn standing(plans: &PlanSet, ix: MilestoneIx, opts: &OwnerOptions) -> Option<Standing> {
    let m = plans.model.milestone(ix);
    // A closed strategy is no longer chased: its final position stands.
    let strategy = plans.model.strategy(plans.model.strategy_of_milestone(ix));
    if strategy.is_closed_at(opts.as_of) {
        return None;
    }
    let status = m.status_as_of(opts.as_of);
    if m.added > opts.as_of || matches!(status, Status::Complete | Status::Cancelled) {
        return None;
    }
    let due = m.due_as_of(opts.as_of);
    let last_update = m.updates_as_of(opts.as_of).last().map(|u| u.date);
    let days_since_update = (opts.as_of - last_update.unwrap_or(m.added)).num_days();
    let days_left = (due - opts.as_of).num_days();
    Some(Standing {
        milestone: ix,
        status,
        due,
        last_update,
        days_since_update,
        overdue: days_left < 0,
        due_soon: (0..=i64::from(opts.within_days)).contains(&days_left),
        needs_update: days_since_update > i64::from(plans.settings.stale_after_days),
    })
}

/// The open milestones an owner is named as owner of, in plan order.
fn open_milestones(plans: &PlanSet, owner: OwnerIx, opts: &OwnerOptions) -> Vec<Standing> {
    plans
        .graph
        .holdings(owner)
        .milestones
        .into_iter()
        .filter_map(|m| standing(plans, m, opts))
        .collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    open: u64,
    overdue: u64,
    due_soon: u64,
    needs_update: u64,
}

impl Counts {
    fn of(list: &[Standing]) -> Counts {
        let n = |f: fn(&Standing) -> bool| list.iter().filter(|s| f(s)).count() as u64;
        Counts {
            open: list.len() as u64,
            overdue: n(|s| s.overdue),
            due_soon: n(|s| s.due_soon),
            needs_update: n(|s| s.needs_update),
        }
    }

    fn add(&mut self, other: Counts) {
        self.open += other.open;
        self.overdue += other.overdue;
        self.due_soon += other.due_soon;
        self.needs_update += other.needs_update;
    }

    fn cells(self) -> Vec<Cell> {
        vec![
            Cell::Count(self.open),
            Cell::Count(self.overdue),
            Cell::Count(self.due_soon),
            Cell::Count(self.needs_update),
        ]
    }
}

fn column(key: &str, heading: &str, align: Align) -> Column {
    Column {
        key: key.into(),
        heading: heading.into(),
        align,
    }
}

fn count_columns(within: u32) -> Vec<Column> {
    vec![
        column("open", "Open", Align::Right),
        column("overdue", "Overdue", Align::Right),
        column(
            "due_soon",
            &format!("Due within {within} days"),
            Align::Right,
        ),
        column("needs_update", "Needs an update", Align::Right),
    ]
}

fn facts(plans: &PlanSet, opts: &OwnerOptions) -> Vec<(String, String)> {
    vec![
        (
            "Due soon".into(),
            format!("due within {} days", opts.within_days),
        ),
        (
            "Needs an update".into(),
            format!(
                "no update for more than {} days",
                plans.settings.stale_after_days
            ),
        ),
    ]
}

fn section(id: &str, heading: &str) -> Section {
    Section {
        id: id.into(),
        heading: heading.into(),
        intro: Vec::new(),
        table: None,
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    }
}

/// The first columns of every list of milestones.
fn milestone_columns() -> Vec<Column> {
    vec![
        column("milestone", "Milestone", Align::Left),
        column("title", "Title", Align::Left),
        column("status", "Status", Align::Left),
    ]
}

/// The milestones `keep` picks, soonest due first, with their due date and
/// a count of days (`days`): the overdue and due-soon sections.
fn due_listing(
    model: &crate::Model,
    list: &[Standing],
    keep: impl Fn(&Standing) -> bool,
    (section, heading, empty): (&str, &str, &str),
    (days_key, days_heading): (&str, &str),
    days: impl Fn(&Standing) -> u64,
) -> Section {
    let mut picked: Vec<&Standing> = list.iter().filter(|s| keep(s)).collect();
    picked.sort_by_key(|s| (s.due, s.milestone));
    let mut columns = milestone_columns();
    columns.push(column("due", "Due", Align::Left));
    columns.push(column(days_key, days_heading, Align::Right));
    let rows = picked
        .iter()
        .map(|s| {
            let m = model.milestone(s.milestone);
            (
                s.milestone,
                vec![
                    Cell::Text(m.id.clone()),
                    Cell::Text(m.title.clone()),
                    Cell::Status(s.status),
                    Cell::Date(s.due),
                    Cell::Count(days(s)),
                ],
            )
        })
        .collect();
    listing(model, (section, heading, None), columns, rows, empty)
}

/// A section listing `rows` (each milestone with its cells, marked when
/// it is illustrative), or saying `empty` when there are none.
fn listing(
    model: &crate::Model,
    (id, heading, intro): (&str, &str, Option<String>),
    columns: Vec<Column>,
    rows: Vec<(MilestoneIx, Vec<Cell>)>,
    empty: &str,
) -> Section {
    let mut s = section(id, heading);
    if rows.is_empty() {
        s.intro.push(empty.into());
        // No rows, but the columns, for a CSV's header line.
        s.table = Some(Table {
            columns,
            rows: Vec::new(),
        });
        return s;
    }
    s.intro.extend(intro);
    s.table = Some(Table {
        columns,
        rows: rows
            .into_iter()
            .map(|(m, cells)| Row {
                kind: RowKind::Item,
                cells,
                illustrative: model.milestone(m).illustrative,
            })
            .collect(),
    });
    super::marks::legend(&mut s);
    s
}

fn last_update_cell(s: &Standing) -> Cell {
    s.last_update.map_or(Cell::Text("never".into()), Cell::Date)
}

/// One owner's list as at `opts.as_of`.
pub fn owner_list(plans: &PlanSet, owner: OwnerIx, opts: &OwnerOptions) -> Document {
    let model = &plans.model;
    let o = model.owner(owner);
    let list = open_milestones(plans, owner, opts);
    let id = |s: &Standing| Cell::Text(model.milestone(s.milestone).id.clone());
    let title = |s: &Standing| Cell::Text(model.milestone(s.milestone).title.clone());
    let head = milestone_columns;

    let mut summary = section("summary", "Summary");
    summary.table = Some(Table {
        columns: count_columns(opts.within_days),
        rows: vec![Row {
            kind: RowKind::Item,
            cells: Counts::of(&list).cells(),
            illustrative: false,
        }],
    });

    let overdue = due_listing(
        model,
        &list,
        |s| s.overdue,
        ("overdue", "Overdue", "Nothing is overdue."),
        ("days_overdue", "Days overdue"),
        |s| (opts.as_of - s.due).num_days().unsigned_abs(),
    );
    let soon = due_listing(
        model,
        &list,
        |s| s.due_soon,
        (
            "due-soon",
            &format!("Due in the next {} days", opts.within_days),
            &format!("Nothing is due in the next {} days.", opts.within_days),
        ),
        ("days_left", "Days left"),
        |s| (s.due - opts.as_of).num_days().unsigned_abs(),
    );

    let mut stale: Vec<&Standing> = list.iter().filter(|s| s.needs_update).collect();
    stale.sort_by_key(|s| (std::cmp::Reverse(s.days_since_update), s.milestone));
    let mut columns = head();
    columns.push(column("last_update", "Last update", Align::Left));
    columns.push(column("days_since", "Days since", Align::Right));
    let rows = stale
        .iter()
        .map(|s| {
            (
                s.milestone,
                vec![
                    id(s),
                    title(s),
                    Cell::Status(s.status),
                    last_update_cell(s),
                    Cell::Count(s.days_since_update.unsigned_abs()),
                ],
            )
        })
        .collect();
    let stale = listing(
        model,
        (
            "needs-update",
            "Needs an update",
            Some(format!(
                "The last update (or, with none, the date the milestone was added) is more than {} days old.",
                plans.settings.stale_after_days
            )),
        ),
        columns,
        rows,
        "Every open milestone has a recent update.",
    );

    let mut columns = head();
    columns.insert(2, column("strategy", "Strategy", Align::Left));
    columns.push(column("due", "Due", Align::Left));
    columns.push(column("last_update", "Last update", Align::Left));
    let rows = list
        .iter()
        .map(|s| {
            let strategy = model.strategy(model.strategy_of_milestone(s.milestone));
            (
                s.milestone,
                vec![
                    id(s),
                    title(s),
                    Cell::Text(strategy.id.clone()),
                    Cell::Status(s.status),
                    Cell::Date(s.due),
                    last_update_cell(s),
                ],
            )
        })
        .collect();
    let open = listing(
        model,
        ("open", "All open milestones", None),
        columns,
        rows,
        "No open milestones.",
    );

    let freshness = Freshness::of(
        model,
        &plans.settings,
        opts.as_of,
        plans.graph.holdings(owner).milestones,
    );
    let mut facts = facts(plans, opts);
    facts.insert(
        0,
        (
            "Owner".into(),
            super::marks::mark_if(format!("{}, {}", o.role, o.org), o.illustrative),
        ),
    );
    if o.illustrative {
        super::marks::legend_for_fact(&mut summary);
    }
    facts.insert(1, freshness.fact(opts.as_of));
    Document {
        kind: "owner".into(),
        title: format!("Milestones owned by {}", o.id),
        as_at: opts.as_of,
        facts,
        sections: vec![summary, overdue, soon, stale, open],
        freshness: Some(freshness),
    }
}

/// Every owner who owns a milestone, in registry order, with their counts.
pub fn owners_summary(plans: &PlanSet, opts: &OwnerOptions) -> Document {
    let model = &plans.model;
    let freshness = Freshness::of(
        model,
        &plans.settings,
        opts.as_of,
        (0..model.milestones.len()).map(MilestoneIx::from_usize),
    );
    let mut columns = vec![
        column("owner", "Owner", Align::Left),
        column("role", "Role", Align::Left),
    ];
    columns.extend(count_columns(opts.within_days));
    let mut rows = Vec::new();
    let mut total = Counts::default();
    for (i, o) in model.owners.iter().enumerate() {
        let ix = OwnerIx(u32::try_from(i).expect("fewer than 2^32 owners"));
        if plans.graph.holdings(ix).milestones.is_empty() {
            continue;
        }
        let counts = Counts::of(&open_milestones(plans, ix, opts));
        total.add(counts);
        let mut cells = vec![Cell::Text(o.id.clone()), Cell::Text(o.role.clone())];
        cells.extend(counts.cells());
        rows.push(Row {
            kind: RowKind::Item,
            cells,
            illustrative: o.illustrative,
        });
    }
    let mut owners = section("owners", "Owners");
    if rows.is_empty() {
        owners.intro.push("No owner owns a milestone.".into());
    } else {
        let mut cells = vec![Cell::Text("Total".into()), Cell::Empty];
        cells.extend(total.cells());
        rows.push(Row {
            kind: RowKind::Total,
            cells,
            illustrative: false,
        });
        owners.table = Some(Table { columns, rows });
        owners
            .notes
            .push("Owners who own no milestone are not listed.".into());
        super::marks::legend(&mut owners);
    }
    Document {
        kind: "owners".into(),
        title: "Milestones by owner".into(),
        as_at: opts.as_of,
        facts: super::freshness::with_fact(facts(plans, opts), &freshness, opts.as_of),
        sections: vec![owners],
        freshness: Some(freshness),
    }
}

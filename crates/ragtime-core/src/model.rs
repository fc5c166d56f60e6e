//! The typed plan model: entities with resolved references, stored in arenas.
//!
//! Every entity lives in a `Vec` on [`Model`] and is referred to by a small
//! typed index (`MilestoneIx`, ...), so lookups are O(1) and nothing is
//! cloned per reference. Ids are unique across the whole plan set and are
//! resolved through one hash map.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::source::{FileId, Loc, Span};

/// The hash map for id lookups. Ids come from the plan set's own files, not
/// from an adversary, so a fast hash suits; nothing iterates these maps in
/// hash order into output.
pub(crate) type IdMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

macro_rules! index_types {
    ($($name:ident),*) => {$(
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }

            pub(crate) fn from_usize(i: usize) -> Self {
                $name(u32::try_from(i).expect("fewer than 2^32 items of one kind"))
            }
        }
    )*};
}

index_types!(
    OwnerIx,
    BoardIx,
    StrategyIx,
    PriorityIx,
    ObjectiveIx,
    CommitmentIx,
    MilestoneIx,
    MeasureIx,
    RecommendationIx,
    BudgetIx,
    SavingIx,
    CapIx
);

/// Any entity, by kind and index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityRef {
    Owner(OwnerIx),
    Board(BoardIx),
    Strategy(StrategyIx),
    Priority(PriorityIx),
    Objective(ObjectiveIx),
    Commitment(CommitmentIx),
    Milestone(MilestoneIx),
    Measure(MeasureIx),
    Recommendation(RecommendationIx),
    Budget(BudgetIx),
    Saving(SavingIx),
    Cap(CapIx),
}

/// The kinds of entity, for messages ("`X` is a board, expected an owner").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Owner,
    Board,
    Strategy,
    Priority,
    Objective,
    Commitment,
    Milestone,
    Measure,
    Recommendation,
    Budget,
    Saving,
    Cap,
}

impl Kind {
    /// How many kinds there are, for tables indexed by kind.
    pub const COUNT: usize = 12;

    pub fn name(self) -> &'static str {
        match self {
            Kind::Owner => "owner",
            Kind::Board => "board",
            Kind::Strategy => "strategy",
            Kind::Priority => "priority",
            Kind::Objective => "objective",
            Kind::Commitment => "commitment",
            Kind::Milestone => "milestone",
            Kind::Measure => "measure",
            Kind::Recommendation => "recommendation",
            Kind::Budget => "budget line",
            Kind::Saving => "saving",
            Kind::Cap => "cap",
        }
    }

    /// "an owner", "a board": for messages.
    pub fn with_article(self) -> String {
        let name = self.name();
        let article = if matches!(self, Kind::Owner | Kind::Objective) {
            "an"
        } else {
            "a"
        };
        format!("{article} {name}")
    }
}

impl EntityRef {
    pub fn kind(self) -> Kind {
        match self {
            EntityRef::Owner(_) => Kind::Owner,
            EntityRef::Board(_) => Kind::Board,
            EntityRef::Strategy(_) => Kind::Strategy,
            EntityRef::Priority(_) => Kind::Priority,
            EntityRef::Objective(_) => Kind::Objective,
            EntityRef::Commitment(_) => Kind::Commitment,
            EntityRef::Milestone(_) => Kind::Milestone,
            EntityRef::Measure(_) => Kind::Measure,
            EntityRef::Recommendation(_) => Kind::Recommendation,
            EntityRef::Budget(_) => Kind::Budget,
            EntityRef::Saving(_) => Kind::Saving,
            EntityRef::Cap(_) => Kind::Cap,
        }
    }
}

/// Declares a closed set of words a key accepts, parsed with did-you-mean.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            /// Every value, in the order the documentation lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The word written in plan files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),* }
            }

            /// The words written in plan files, in order.
            pub fn words() -> impl Iterator<Item = &'static str> + Clone {
                Self::ALL.iter().map(|v| v.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($word => Ok($name::$variant),)* _ => Err(()) }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use word_enum;

word_enum! {
    /// A milestone's status, from the council's own reporting.
    Status {
        NotStarted = "not-started",
        OnTarget = "on-target",
        AtRisk = "at-risk",
        NotOnTarget = "not-on-target",
        Paused = "paused",
        Complete = "complete",
        Cancelled = "cancelled",
    }
}

impl Status {
    /// Words for tables: "on target", "not started".
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::OnTarget => "on target",
            Status::AtRisk => "at risk",
            Status::NotOnTarget => "not on target",
            Status::Paused => "paused",
            Status::Complete => "complete",
            Status::Cancelled => "cancelled",
        }
    }
}

word_enum! {
    /// Whether a higher or a lower value of a measure is better.
    Direction {
        Higher = "higher",
        Lower = "lower",
    }
}

word_enum! {
    /// How often a measure's value is reported. Each has a longest
    /// reporting period in days (see [`Frequency::period_days`]).
    Frequency {
        Monthly = "monthly",
        Quarterly = "quarterly",
        Termly = "termly",
        SixMonthly = "six-monthly",
        Annual = "annual",
    }
}

impl Frequency {
    /// The longest time between two values reported at this frequency, in
    /// days: the longest month, quarter (July to September), gap between
    /// school term ends (31 July to 31 December), half year (July to
    /// December) and year (a leap year). `docs/rag-rules.md` states the
    /// out-of-date rule built on it.
    pub fn period_days(self) -> u32 {
        match self {
            Frequency::Monthly => 31,
            Frequency::Quarterly => 92,
            Frequency::Termly => 153,
            Frequency::SixMonthly => 184,
            Frequency::Annual => 366,
        }
    }
}

word_enum! {
    /// The shape of a declared trajectory between a measure's dated targets:
    /// `linear` is a straight line between each two consecutive dated
    /// points (the baseline, the interim targets and the final target).
    Trajectory {
        Linear = "linear",
    }
}

word_enum! {
    /// The kind of organisation an owner belongs to.
    Sector {
        Council = "council",
        Nhs = "nhs",
        Police = "police",
        School = "school",
        Provider = "provider",
        Voluntary = "voluntary",
        Other = "other",
    }
}

word_enum! {
    /// How often a board meets.
    Cadence {
        Monthly = "monthly",
        SixWeekly = "six-weekly",
        Bimonthly = "bimonthly",
        Quarterly = "quarterly",
        Termly = "termly",
        TwiceYearly = "twice-yearly",
        Annually = "annually",
        AsNeeded = "as-needed",
    }
}

#[derive(Clone, Debug)]
pub struct Owner {
    pub id: String,
    pub role: String,
    pub org: String,
    pub sector: Option<Sector>,
    pub source: Option<String>,
    /// The role or the organisation is not taken from a source document.
    pub illustrative: bool,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Board {
    pub id: String,
    pub name: String,
    pub reports_to: Option<BoardIx>,
    pub meets: Option<Cadence>,
    pub chair: Option<String>,
    pub source: Option<String>,
    /// Something the record says (its reporting line, its members, what it
    /// oversees) is not taken from a source document.
    pub illustrative: bool,
    pub loc: Loc,
}

/// The decision that approved a strategy.
#[derive(Clone, Debug)]
pub struct Decision {
    pub by: BoardIx,
    pub on: NaiveDate,
}

#[derive(Clone, Debug)]
pub struct Strategy {
    pub id: String,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub owner: OwnerIx,
    pub boards: Vec<BoardIx>,
    pub approved: Option<Decision>,
    pub summary: Option<String>,
    pub source: Option<String>,
    /// Closed: after its end date it is reported as at its end, in one line
    /// in portfolio summaries and packs (see [`Strategy::is_closed_at`]).
    pub closed: bool,
    pub loc: Loc,
}

impl Strategy {
    /// True when the strategy is closed and its period ended before `date`:
    /// reports then show its final position, as at its end date.
    pub fn is_closed_at(&self, date: NaiveDate) -> bool {
        self.closed && self.end < date
    }
}

#[derive(Clone, Debug)]
pub struct Priority {
    pub id: String,
    pub strategy: StrategyIx,
    pub title: String,
    pub outcome: Option<String>,
    pub source: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Objective {
    pub id: String,
    pub priority: PriorityIx,
    pub number: Option<String>,
    pub text: String,
    pub source: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Commitment {
    pub id: String,
    pub priority: PriorityIx,
    pub text: String,
    pub owner: OwnerIx,
    pub objectives: Vec<ObjectiveIx>,
    pub measures: Vec<MeasureIx>,
    /// Boards that oversee this commitment on top of the strategy's.
    pub boards: Vec<BoardIx>,
    pub due: Option<NaiveDate>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub loc: Loc,
    /// Its `due` value, if any.
    pub due_loc: Option<Loc>,
}

/// One entry of a milestone's update log.
///
/// Kept small: a large plan set holds millions. Its places are spans in
/// its milestone's file (see [`Update::loc`]); its texts are boxed, with no
/// room to grow.
#[derive(Clone, Debug)]
pub struct Update {
    pub date: NaiveDate,
    /// A revised due date, in force from this update on.
    pub due: Option<NaiveDate>,
    pub by: OwnerIx,
    pub status: Status,
    pub percent: Option<u8>,
    pub note: Option<Box<str>>,
    pub reason: Option<Box<str>>,
    /// The corrective action, for an item that is off track.
    pub action: Option<Box<str>>,
    /// The whole entry (its `[[milestone.update]]` header).
    pub span: Span,
    /// Its `date` value, for findings about when it was made.
    pub date_span: Span,
    /// Its revised `due` value, if any.
    pub due_span: Option<Span>,
}

impl Update {
    /// The whole entry in `file`, its milestone's.
    pub fn loc(&self, file: FileId) -> Loc {
        self.span.loc(file)
    }

    /// Its `date` value in `file`, its milestone's.
    pub fn date_loc(&self, file: FileId) -> Loc {
        self.date_span.loc(file)
    }

    /// Its revised `due` value in `file`, its milestone's, if any.
    pub fn due_loc(&self, file: FileId) -> Option<Loc> {
        self.due_span.map(|s| s.loc(file))
    }
}

#[derive(Clone, Debug)]
pub struct Milestone {
    pub id: String,
    pub commitment: CommitmentIx,
    pub title: String,
    pub owner: OwnerIx,
    pub added: NaiveDate,
    /// The baseline due date, as first planned.
    pub due: NaiveDate,
    pub depends_on: Vec<MilestoneIx>,
    pub source: Option<String>,
    pub illustrative: bool,
    /// In date order (checked); the current status is the last entry's.
    pub updates: Vec<Update>,
    /// Its id, in its file: the file of every span below.
    pub loc: Loc,
    /// Its baseline `due` value.
    pub due_span: Span,
    /// Its `added` value.
    pub added_span: Span,
}

impl Milestone {
    /// The file it is written in, with its updates.
    pub fn file(&self) -> FileId {
        self.loc.file
    }

    /// Its baseline `due` value.
    pub fn due_loc(&self) -> Loc {
        self.due_span.loc(self.loc.file)
    }

    /// Its `added` value.
    pub fn added_loc(&self) -> Loc {
        self.added_span.loc(self.loc.file)
    }

    /// The updates recorded on or before `date`.
    pub fn updates_as_of(&self, date: NaiveDate) -> &[Update] {
        let n = self.updates.partition_point(|u| u.date <= date);
        &self.updates[..n]
    }

    /// The status as at `date`: the latest update's, or `not-started`.
    pub fn status_as_of(&self, date: NaiveDate) -> Status {
        self.updates_as_of(date)
            .last()
            .map_or(Status::NotStarted, |u| u.status)
    }

    /// The due date in force at `date`: the latest revision, or the baseline.
    pub fn due_as_of(&self, date: NaiveDate) -> NaiveDate {
        self.updates_as_of(date)
            .iter()
            .rev()
            .find_map(|u| u.due)
            .unwrap_or(self.due)
    }

    /// How many times the due date was revised on or before `date`.
    pub fn times_redated_as_of(&self, date: NaiveDate) -> usize {
        self.updates_as_of(date)
            .iter()
            .filter(|u| u.due.is_some())
            .count()
    }
}

/// A dated value of a measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub date: NaiveDate,
    pub value: f64,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparator {
    pub name: String,
    pub value: f64,
    pub date: Option<NaiveDate>,
    /// Its own unit, when it differs from the measure's.
    pub unit: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Measure {
    pub id: String,
    pub strategy: StrategyIx,
    pub name: String,
    pub unit: Option<String>,
    pub direction: Direction,
    pub owner: Option<OwnerIx>,
    pub baseline: Option<Point>,
    /// The final target.
    pub target: Option<Point>,
    /// Interim targets on the way to the final one, in date order (checked:
    /// each after the one before and before the final target).
    pub interim: Vec<Point>,
    /// A declared trajectory: the target in force runs along it from the
    /// baseline through the interim targets to the final target.
    pub trajectory: Option<Trajectory>,
    /// How often a value is reported; without it a value is never out of
    /// date.
    pub frequency: Option<Frequency>,
    pub tolerance: Option<f64>,
    /// In date order.
    pub actual: Vec<Point>,
    pub comparators: Vec<Comparator>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub loc: Loc,
    /// Where the final target is written, if it is.
    pub target_loc: Option<Loc>,
    /// Where each interim target is written, in the order of `interim`.
    pub interim_locs: Vec<Loc>,
}

/// Every entity of a plan set, in the order the files list them (files in
/// the order the caller supplied, which the CLI sorts by path).
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub owners: Vec<Owner>,
    pub boards: Vec<Board>,
    pub strategies: Vec<Strategy>,
    pub priorities: Vec<Priority>,
    pub objectives: Vec<Objective>,
    pub commitments: Vec<Commitment>,
    pub milestones: Vec<Milestone>,
    pub measures: Vec<Measure>,
    /// Lead officers' narratives, in file order.
    pub narratives: Vec<crate::narrative::Narrative>,
    /// Scrutiny recommendations and the executive's responses.
    pub recommendations: Vec<crate::recommendations::Recommendation>,
    /// Budgets, savings and caps.
    pub finance: crate::finance::Finance,
    /// Every id written in the plan set, with the item it names once that
    /// is in the model. The builder declares every id here first, so that
    /// references across files resolve; ids of items left out stay, with
    /// no item.
    pub(crate) ids: IdMap<String, IdEntry>,
}

/// An id as declared: what kind of item it is on (none for a record that
/// could not be read), where it is written, and the item once built.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IdEntry {
    pub(crate) kind: Option<Kind>,
    pub(crate) file: crate::source::FileId,
    /// The id's byte range, in 32 bits (plan files are capped far below).
    pub(crate) span: (u32, u32),
    pub(crate) entity: Option<EntityRef>,
}

impl Model {
    /// Finds any entity by its id.
    pub fn lookup(&self, id: &str) -> Option<EntityRef> {
        self.ids.get(id).and_then(|e| e.entity)
    }

    /// Whether `id` is written on some record, built or not: an id on a
    /// record left out of the model for its errors is declared but has no
    /// item ([`Model::lookup`] finds none).
    pub fn is_declared(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// Every id in the plan set, for did-you-mean suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids
            .iter()
            .filter(|(_, e)| e.entity.is_some())
            .map(|(id, _)| id.as_str())
    }

    pub fn owner(&self, ix: OwnerIx) -> &Owner {
        &self.owners[ix.index()]
    }
    pub fn board(&self, ix: BoardIx) -> &Board {
        &self.boards[ix.index()]
    }
    pub fn strategy(&self, ix: StrategyIx) -> &Strategy {
        &self.strategies[ix.index()]
    }
    pub fn priority(&self, ix: PriorityIx) -> &Priority {
        &self.priorities[ix.index()]
    }
    pub fn objective(&self, ix: ObjectiveIx) -> &Objective {
        &self.objectives[ix.index()]
    }
    pub fn commitment(&self, ix: CommitmentIx) -> &Commitment {
        &self.commitments[ix.index()]
    }
    pub fn milestone(&self, ix: MilestoneIx) -> &Milestone {
        &self.milestones[ix.index()]
    }
    pub fn measure(&self, ix: MeasureIx) -> &Measure {
        &self.measures[ix.index()]
    }
    pub fn recommendation(&self, ix: RecommendationIx) -> &crate::recommendations::Recommendation {
        &self.recommendations[ix.index()]
    }
    pub fn budget(&self, ix: BudgetIx) -> &crate::finance::Budget {
        &self.finance.budgets[ix.index()]
    }
    pub fn saving(&self, ix: SavingIx) -> &crate::finance::Saving {
        &self.finance.savings[ix.index()]
    }
    pub fn cap(&self, ix: CapIx) -> &crate::finance::Cap {
        &self.finance.caps[ix.index()]
    }

    /// The id of any entity.
    pub fn id_of(&self, entity: EntityRef) -> &str {
        match entity {
            EntityRef::Owner(i) => &self.owner(i).id,
            EntityRef::Board(i) => &self.board(i).id,
            EntityRef::Strategy(i) => &self.strategy(i).id,
            EntityRef::Priority(i) => &self.priority(i).id,
            EntityRef::Objective(i) => &self.objective(i).id,
            EntityRef::Commitment(i) => &self.commitment(i).id,
            EntityRef::Milestone(i) => &self.milestone(i).id,
            EntityRef::Measure(i) => &self.measure(i).id,
            EntityRef::Recommendation(i) => &self.recommendation(i).id,
            EntityRef::Budget(i) => &self.budget(i).id,
            EntityRef::Saving(i) => &self.saving(i).id,
            EntityRef::Cap(i) => &self.cap(i).id,
        }
    }

    /// Where any entity is defined.
    pub fn loc_of(&self, entity: EntityRef) -> &Loc {
        match entity {
            EntityRef::Owner(i) => &self.owner(i).loc,
            EntityRef::Board(i) => &self.board(i).loc,
            EntityRef::Strategy(i) => &self.strategy(i).loc,
            EntityRef::Priority(i) => &self.priority(i).loc,
            EntityRef::Objective(i) => &self.objective(i).loc,
            EntityRef::Commitment(i) => &self.commitment(i).loc,
            EntityRef::Milestone(i) => &self.milestone(i).loc,
            EntityRef::Measure(i) => &self.measure(i).loc,
            EntityRef::Recommendation(i) => &self.recommendation(i).loc,
            EntityRef::Budget(i) => &self.budget(i).loc,
            EntityRef::Saving(i) => &self.saving(i).loc,
            EntityRef::Cap(i) => &self.cap(i).loc,
        }
    }

    /// The strategy an item belongs to: itself for a strategy, its item's
    /// for a money record, none for owners, boards and recommendations (a
    /// recommendation may be delivered across strategies).
    pub fn strategy_of(&self, entity: EntityRef) -> Option<StrategyIx> {
        match entity {
            EntityRef::Strategy(s) => Some(s),
            EntityRef::Priority(p) => Some(self.priority(p).strategy),
            EntityRef::Objective(o) => Some(self.priority(self.objective(o).priority).strategy),
            EntityRef::Commitment(c) => Some(self.priority(self.commitment(c).priority).strategy),
            EntityRef::Milestone(m) => Some(self.strategy_of_milestone(m)),
            EntityRef::Measure(m) => Some(self.measure(m).strategy),
            EntityRef::Budget(b) => self.strategy_of(self.budget(b).item),
            EntityRef::Saving(x) => self.strategy_of(self.saving(x).item),
            EntityRef::Cap(c) => self.strategy_of(self.cap(c).item),
            EntityRef::Owner(_) | EntityRef::Board(_) | EntityRef::Recommendation(_) => None,
        }
    }

    /// The strategy a milestone belongs to.
    pub fn strategy_of_milestone(&self, m: MilestoneIx) -> StrategyIx {
        self.priority(self.commitment(self.milestone(m).commitment).priority)
            .strategy
    }
}

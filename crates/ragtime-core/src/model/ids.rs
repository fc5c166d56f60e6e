//! Typed indices into the model's arenas, one type per kind of entity, and
//! any entity by kind and index.

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

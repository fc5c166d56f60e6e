//! The typed plan model: entities with resolved references, stored in arenas.
//!
//! Every entity lives in a `Vec` on [`Model`] and is referred to by a small
//! typed index (`MilestoneIx`, ...), so lookups are O(1) and nothing is
//! cloned per reference. Ids are unique across the whole plan set and are
//! resolved through one hash map.
//!
//! This module holds the arenas and the id map; the indices and kinds are
//! in `ids.rs`, the closed sets of words a key accepts in `words.rs`, and
//! the entities themselves in `entities.rs`.

mod entities;
mod ids;
mod words;

pub use entities::*;
pub use ids::*;
pub(crate) use words::word_enum;
pub use words::*;

use crate::source::Loc;

/// The hash map for id lookups. Ids come from the plan set's own files, not
/// from an adversary, so a fast hash suits; nothing iterates these maps in
/// hash order into output.
pub(crate) type IdMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

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

//! Money in the model: budget lines, savings and caps with their items,
//! owners and caps resolved, amounts read exactly and dates set; built from
//! the raw records once every other item is in the model.
//!
//! Each log entry is dated: a `period` (a quarter, dated at its end) or a
//! `date`. A forecast written as a variance is turned into an outturn
//! against the budget in force for its year on its date, so the model holds
//! one form of each figure.
//!
//! By record: `budget.rs` (budget lines, their logs and each line's
//! position as at a date), `saving.rs` (savings targets and how each
//! stands), `cap.rs` (caps, and what is counted against one as at a date);
//! `values.rs` reads the amounts, years, quarters and dates they share,
//! each problem a finding.

mod budget;
mod cap;
mod saving;
mod values;

use chrono::NaiveDate;

use crate::build::builder::Builder;
use crate::model::*;

pub use budget::{Budget, BudgetKind, BudgetUpdate, BudgetYear, Position};
pub use cap::{Cap, CapPosition};
pub use saving::{Saving, SavingUpdate};

/// Every money record of a plan set, in plan order.
#[derive(Clone, Debug, Default)]
pub struct Finance {
    pub budgets: Vec<Budget>,
    pub savings: Vec<Saving>,
    pub caps: Vec<Cap>,
}

impl Finance {
    pub fn is_empty(&self) -> bool {
        self.budgets.is_empty() && self.savings.is_empty() && self.caps.is_empty()
    }

    /// What the budget lines counted against `cap` add up to as at `as_of`:
    /// only entries dated on or before it count.
    pub fn cap_position(&self, cap: CapIx, as_of: NaiveDate) -> CapPosition {
        self.caps[cap.index()].position(cap, &self.budgets, as_of)
    }
}

/// Builds every money record: caps first, since budget lines name them.
pub(crate) fn build(b: &mut Builder<'_, '_>) {
    let files = b.files;
    for part in files {
        let file = part.file;
        for r in &part.raw.caps {
            let r = r.get_ref();
            if let Some(cap) = cap::build(b, file, r) {
                let ix = CapIx::from_usize(b.model.finance.caps.len());
                if b.register(&r.id, EntityRef::Cap(ix), file) {
                    b.model.finance.caps.push(cap);
                }
            }
        }
    }
    for part in files {
        let file = part.file;
        for r in &part.raw.budgets {
            let r = r.get_ref();
            if let Some(budget) = budget::build(b, file, r) {
                let ix = BudgetIx::from_usize(b.model.finance.budgets.len());
                if b.register(&r.id, EntityRef::Budget(ix), file) {
                    b.model.finance.budgets.push(budget);
                }
            }
        }
        for r in &part.raw.savings {
            let r = r.get_ref();
            if let Some(saving) = saving::build(b, file, r) {
                let ix = SavingIx::from_usize(b.model.finance.savings.len());
                if b.register(&r.id, EntityRef::Saving(ix), file) {
                    b.model.finance.savings.push(saving);
                }
            }
        }
    }
}

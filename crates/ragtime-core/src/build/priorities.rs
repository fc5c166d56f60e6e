//! Priorities in their strategies, then the numbered objectives of each
//! priority.

use crate::model::{EntityRef, Kind, Objective, ObjectiveIx, Priority, PriorityIx};

use super::builder::Builder;
use super::prepare::Part;
use super::values::loc;

impl Builder<'_, '_> {
    pub(super) fn build_priorities_and_objectives(&mut self) {
        let files = self.files;
        for Part { file, raw, .. } in files {
            let file = *file;
            for r in &raw.priorities {
                let r = r.get_ref();
                let Some(strategy) = self.owning_strategy(file, raw, r.strategy.as_ref(), &r.id)
                else {
                    continue;
                };
                let ix = PriorityIx::from_usize(self.model.priorities.len());
                if self.register(&r.id, EntityRef::Priority(ix), file) {
                    self.model.priorities.push(Priority {
                        id: r.id.get_ref().clone(),
                        strategy,
                        title: r.title.get_ref().clone(),
                        outcome: r.outcome.clone(),
                        source: r.source.clone(),
                        loc: loc(file, &r.id),
                    });
                }
            }
        }
        for Part { file, raw, .. } in files {
            let file = *file;
            for r in &raw.objectives {
                let r = r.get_ref();
                let Some(EntityRef::Priority(priority)) =
                    self.lookup(file, &r.priority, Kind::Priority)
                else {
                    continue;
                };
                let ix = ObjectiveIx::from_usize(self.model.objectives.len());
                if self.register(&r.id, EntityRef::Objective(ix), file) {
                    self.model.objectives.push(Objective {
                        id: r.id.get_ref().clone(),
                        priority,
                        number: r.number.clone(),
                        text: r.text.get_ref().clone(),
                        source: r.source.clone(),
                        loc: loc(file, &r.id),
                    });
                }
            }
        }
    }
}

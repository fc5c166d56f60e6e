//! Commitments: the priority they serve, their owner, the objectives,
//! measures and boards they name, and their due date.

use crate::model::{Commitment, CommitmentIx, EntityRef, Kind};

use super::builder::Builder;
use super::prepare::Part;
use super::values::loc;

impl Builder<'_, '_> {
    pub(super) fn build_commitments(&mut self) {
        let files = self.files;
        for Part { file, raw, .. } in files {
            let file = *file;
            for r in &raw.commitments {
                let r = r.get_ref();
                let priority = match self.lookup(file, &r.priority, Kind::Priority) {
                    Some(EntityRef::Priority(p)) => Some(p),
                    _ => None,
                };
                let owner = self.owner(file, &r.owner);
                let mut objectives = Vec::new();
                for o in &r.objectives {
                    if let Some(EntityRef::Objective(ix)) = self.lookup(file, o, Kind::Objective) {
                        objectives.push(ix);
                    }
                }
                let mut measures = Vec::new();
                for m in &r.measures {
                    if let Some(EntityRef::Measure(ix)) = self.lookup(file, m, Kind::Measure) {
                        measures.push(ix);
                    }
                }
                let boards = self.boards(file, &r.boards);
                let due = r.due.as_ref().and_then(|d| self.date(file, d));
                let (Some(priority), Some(owner)) = (priority, owner) else {
                    continue;
                };
                let ix = CommitmentIx::from_usize(self.model.commitments.len());
                if self.register(&r.id, EntityRef::Commitment(ix), file) {
                    self.model.commitments.push(Commitment {
                        id: r.id.get_ref().clone(),
                        priority,
                        text: r.text.get_ref().clone(),
                        owner,
                        objectives,
                        measures,
                        boards,
                        due,
                        source: r.source.clone(),
                        illustrative: r.illustrative,
                        loc: loc(file, &r.id),
                        due_loc: r.due.as_ref().map(|d| loc(file, d)),
                    });
                }
            }
        }
    }
}

//! Milestones resolved from their prepared form, in file order: the
//! commitment and owner they name, the authors of their updates (the log
//! checked for date order), then, once every milestone is in the model,
//! what each depends on.

use std::ops::Range;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::model::{EntityRef, Kind, Milestone, MilestoneIx};
use crate::source::Loc;

use super::builder::Builder;
use super::prepare::{Part, PreparedMilestone};

impl Builder<'_, '_> {
    pub(super) fn build_milestones(&mut self, parts: &mut [Part]) {
        // Pass one: the milestones themselves, so dependencies can point
        // forwards and across files.
        let mut deps: Vec<(usize, MilestoneIx, Range<u32>)> = Vec::new();
        for (p, part) in parts.iter_mut().enumerate() {
            let file = part.file;
            let milestones = std::mem::take(&mut part.milestones);
            let part = &*part;
            self.start_part(part);
            for mut m in milestones {
                let commitment = match self.lookup_ref(part, m.commitment, Kind::Commitment, None) {
                    Some(EntityRef::Commitment(c)) => Some(c),
                    _ => None,
                };
                let owner = self.owner_ref(part, m.owner);
                self.resolve_updates(part, &mut m);
                let (Some(commitment), Some(owner), Some(added), Some(due)) =
                    (commitment, owner, m.added, m.due)
                else {
                    continue;
                };
                let ix = MilestoneIx::from_usize(self.model.milestones.len());
                let id_loc = m.id_span.loc(file);
                if self.register_at(&m.id, &id_loc, EntityRef::Milestone(ix)) {
                    if !m.depends_on.is_empty() {
                        deps.push((p, ix, m.depends_on));
                    }
                    self.model.milestones.push(Milestone {
                        id: m.id,
                        commitment,
                        title: m.title,
                        owner,
                        added,
                        due,
                        depends_on: Vec::new(),
                        source: m.source,
                        illustrative: m.illustrative,
                        updates: m.updates,
                        loc: id_loc,
                        due_span: m.due_span,
                        added_span: m.added_span,
                    });
                }
            }
        }
        let mut current = None;
        for (p, ix, range) in deps {
            let part = &parts[p];
            if current != Some(p) {
                self.start_part(part);
                current = Some(p);
            }
            // A milestone is never suggested as its own dependency.
            let me = std::mem::take(&mut self.model.milestones[ix.index()].id);
            let mut resolved = Vec::with_capacity(range.len());
            for &r in &part.depends_on[range.start as usize..range.end as usize] {
                if let Some(EntityRef::Milestone(d)) =
                    self.lookup_ref(part, r, Kind::Milestone, Some(&me))
                {
                    resolved.push(d);
                }
            }
            self.model.milestones[ix.index()].id = me;
            self.model.milestones[ix.index()].depends_on = resolved;
        }
    }

    /// Resolves the authors of a prepared milestone's updates, keeps the
    /// updates whose author is known, checks that they are in date order
    /// and puts them in date order.
    fn resolve_updates(&mut self, part: &Part, m: &mut PreparedMilestone) {
        let file = part.file;
        let mut authors = std::mem::take(&mut self.authors);
        authors.clear();
        for a in &part.authors[m.authors.start as usize..m.authors.end as usize] {
            let by = self.owner_ref(part, a.by);
            if a.read {
                authors.push(by);
            }
        }
        let mut previous: Option<(NaiveDate, Loc)> = None;
        let mut next = authors.iter();
        let diags = &mut *self.diags;
        m.updates.retain_mut(|u| {
            let Some(&Some(by)) = next.next() else {
                return false;
            };
            u.by = by;
            let here = u.date_span.loc(file);
            if let Some((prev, prev_loc)) = &previous
                && u.date < *prev
            {
                diags.push(
                    Diagnostic::new(Code::UpdateOrder, here.clone(), format!("update dated {} comes after one dated {prev}", u.date))
                        .label("out of order")
                        .secondary(prev_loc.clone(), "the update above")
                        .help("the log is in date order, oldest first: move this entry up, or fix its date"),
                );
            }
            previous = Some((u.date, here));
            true
        });
        self.authors = authors;
        // The model promises date order; the finding above already says
        // when the file did not keep it.
        m.updates.sort_by_key(|u| u.date);
    }
}

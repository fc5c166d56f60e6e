//! Owners and boards from the registries, then each board's reporting
//! line once every board is known.

use crate::diag::Code;
use crate::model::{Board, BoardIx, Cadence, EntityRef, Owner, OwnerIx, Sector};

use super::builder::Builder;
use super::prepare::Part;
use super::values::loc;

impl Builder<'_, '_> {
    pub(super) fn build_owners_and_boards(&mut self) {
        let files = self.files;
        for Part { file, raw, .. } in files {
            let file = *file;
            for r in &raw.owners {
                let r = r.get_ref();
                let sector = match &r.sector {
                    Some(s) => {
                        self.word::<Sector>(file, s, Code::BadValue, "a sector", Sector::words())
                    }
                    None => None,
                };
                let ix = OwnerIx::from_usize(self.model.owners.len());
                if self.register(&r.id, EntityRef::Owner(ix), file) {
                    self.model.owners.push(Owner {
                        id: r.id.get_ref().clone(),
                        role: r.role.get_ref().clone(),
                        org: r.org.get_ref().clone(),
                        sector,
                        source: r.source.clone(),
                        illustrative: r.illustrative,
                        loc: loc(file, &r.id),
                    });
                }
            }
            for r in &raw.boards {
                let r = r.get_ref();
                let meets = match &r.meets {
                    Some(s) => self.word::<Cadence>(
                        file,
                        s,
                        Code::BadValue,
                        "a meeting cadence",
                        Cadence::words(),
                    ),
                    None => None,
                };
                let ix = BoardIx::from_usize(self.model.boards.len());
                if self.register(&r.id, EntityRef::Board(ix), file) {
                    self.model.boards.push(Board {
                        id: r.id.get_ref().clone(),
                        name: r.name.get_ref().clone(),
                        reports_to: None,
                        meets,
                        chair: r.chair.as_ref().map(|c| c.get_ref().clone()),
                        source: r.source.clone(),
                        illustrative: r.illustrative,
                        loc: loc(file, &r.id),
                    });
                }
            }
        }
        // Reporting lines, once every board is known.
        for Part { file, raw, .. } in files {
            for r in &raw.boards {
                let r = r.get_ref();
                let Some(EntityRef::Board(me)) = self.entity(r.id.get_ref()) else {
                    continue;
                };
                if self.model.boards[me.index()].loc != loc(*file, &r.id) {
                    continue;
                }
                if let Some(to) = &r.reports_to {
                    let to = self.board(*file, to);
                    self.model.boards[me.index()].reports_to = to;
                }
            }
        }
    }
}

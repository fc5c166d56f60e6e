//! References resolved: an id looked up as the kind of item wanted, with a
//! finding for an unknown id (and the likeliest slip) or for an item of
//! another kind; a file's prepared references remembered once resolved.

use crate::diag::{Code, Diagnostic, did_you_mean_id};
use crate::model::{BoardIx, EntityRef, Kind, OwnerIx};
use crate::raw::SpannedStr;
use crate::source::{FileId, Loc};

use super::builder::Builder;
use super::prepare::{Part, Ref};
use super::values::loc;

impl Builder<'_, '_> {
    pub(super) fn lookup(
        &mut self,
        file: FileId,
        name: &SpannedStr,
        want: Kind,
    ) -> Option<EntityRef> {
        self.lookup_at(name.get_ref(), loc(file, name), want, None)
    }

    /// Starts resolving the references of `part`.
    pub(super) fn start_part(&mut self, part: &Part) {
        self.resolved.clear();
        self.resolved.resize(part.names.len(), None);
    }

    /// Resolves a prepared reference of `part` (after [`Builder::start_part`]).
    ///
    /// A name that resolved to an item of the kind wanted is remembered for
    /// the rest of the file: such a lookup makes no finding, and its answer
    /// cannot change (an id names one item once built), so of a file's
    /// many references to one owner or commitment only the first is looked
    /// up. Any other answer is looked up every time, with its finding.
    ///
    /// A reference made by the item `from` never suggests that item as what
    /// was meant.
    pub(super) fn lookup_ref(
        &mut self,
        part: &Part,
        r: Ref,
        want: Kind,
        from: Option<&str>,
    ) -> Option<EntityRef> {
        let slot = r.name as usize;
        if let Some(Some(found)) = self.resolved.get(slot)
            && found.kind() == want
        {
            return Some(*found);
        }
        let found = self.lookup_at(part.name(r), r.span.loc(part.file), want, from);
        if let (Some(e), Some(cell)) = (found, self.resolved.get_mut(slot)) {
            *cell = Some(e);
        }
        found
    }

    /// Resolves a reference that may name an item of any kind in `wants`
    /// (a commitment or a milestone, say), with the findings of
    /// [`Builder::lookup`] worded for all of them and suggestions from all.
    pub(crate) fn lookup_one_of(
        &mut self,
        file: FileId,
        name: &SpannedStr,
        wants: &[Kind],
    ) -> Option<EntityRef> {
        let text = name.get_ref().as_str();
        let here = loc(file, name);
        let what = wants
            .iter()
            .map(|k| k.with_article())
            .collect::<Vec<_>>()
            .join(" or ");
        if let Some(found) = self.entity(text) {
            if wants.contains(&found.kind()) {
                return Some(found);
            }
            if !self.duplicated.contains(text) {
                self.push(
                    Diagnostic::new(
                        Code::WrongKindRef,
                        here,
                        format!("`{text}` is {}, not {what}", found.kind().with_article()),
                    )
                    .label(format!("expected {what}"))
                    .secondary(self.model.loc_of(found).clone(), "defined here")
                    .help(format!("use the id of {what} here")),
                );
            }
            return None;
        }
        let declared = self.model.ids.get(text).map(|d| d.kind);
        // Declared but left out (itself broken), or ambiguous: already
        // reported where it is written.
        if declared.is_some_and(|k| k.is_none_or(|k| wants.contains(&k)))
            || self.duplicated.contains(text)
        {
            return None;
        }
        let mut candidates: Vec<&str> = Vec::new();
        for &want in wants {
            self.ids_of(want);
        }
        for &want in wants {
            candidates.extend(
                self.candidates[want as usize]
                    .iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
        candidates.sort_unstable();
        let best = did_you_mean_id(text, candidates).map(str::to_string);
        let names = wants
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(" or ");
        let d = Diagnostic::new(
            Code::UnknownRef,
            here,
            format!("no {names} has the id `{text}`"),
        )
        .label(format!("unknown {names}"));
        self.push(match best {
            Some(best) => d.help(format!("did you mean `{best}`?")),
            None => d.help(format!(
                "name {what} that is in the plans, or fix the spelling"
            )),
        });
        None
    }

    /// The item with id `text`, if it is in the model yet.
    pub(super) fn entity(&self, text: &str) -> Option<EntityRef> {
        self.model.ids.get(text).and_then(|d| d.entity)
    }

    fn lookup_at(
        &mut self,
        text: &str,
        here: Loc,
        want: Kind,
        from: Option<&str>,
    ) -> Option<EntityRef> {
        if let Some(found) = self.entity(text) {
            if found.kind() == want {
                return Some(found);
            }
            if self.duplicated.contains(text) {
                // Perhaps it meant the second item with this id: the
                // duplicate finding covers it.
                return None;
            }
            self.push(
                Diagnostic::new(
                    Code::WrongKindRef,
                    here,
                    format!(
                        "`{text}` is {}, not {}",
                        found.kind().with_article(),
                        want.with_article()
                    ),
                )
                .label(format!("expected {}", want.with_article()))
                .secondary(self.model.loc_of(found).clone(), "defined here")
                .help(if want == Kind::Owner && found.kind() == Kind::Board {
                    "an owner is a role from the `[[owner]]` registry; \
                     boards that oversee an item go in its `boards`"
                        .to_string()
                } else {
                    format!("use the id of {} here", want.with_article())
                }),
            );
            return None;
        }
        if let Some(d) = self.model.ids.get(text) {
            // Declared but left out (itself broken): already reported there.
            if d.kind.is_none() || d.kind == Some(want) {
                return None;
            }
        }
        if self.duplicated.contains(text) {
            return None;
        }
        let sorted = self.ids_of(want);
        let mut d = Diagnostic::new(
            Code::UnknownRef,
            here,
            format!("no {} has the id `{text}`", want.name()),
        )
        .label(format!("unknown {}", want.name()));
        let candidates = sorted
            .iter()
            .map(String::as_str)
            .filter(|id| Some(*id) != from);
        if let Some(best) = did_you_mean_id(text, candidates) {
            d = d.help(format!("did you mean `{best}`?"));
        } else if want == Kind::Owner || want == Kind::Board {
            d = d.help(format!(
                "add it to the {} registry, or fix the spelling",
                want.name()
            ));
        } else if want == Kind::Strategy {
            d = d.help("add a file with a `[strategy]` of this id, or fix the spelling");
        } else {
            d = d.help(format!(
                "add a `[[{}]]` with this id, or fix the spelling",
                want.name()
            ));
        }
        self.push(d);
        None
    }

    /// The ids of the items of kind `want`, sorted, for did-you-mean.
    /// Every id is declared before the first lookup, so the candidates of
    /// a kind are gathered once, however many references are unknown.
    fn ids_of(&mut self, want: Kind) -> &[String] {
        let declared = &self.model.ids;
        self.candidates[want as usize].get_or_insert_with(|| {
            let mut ids: Vec<String> = declared
                .iter()
                .filter(|(_, d)| d.kind == Some(want))
                .map(|(id, _)| id.clone())
                .collect();
            ids.sort_unstable();
            ids
        })
    }

    pub(crate) fn owner(&mut self, file: FileId, name: &SpannedStr) -> Option<OwnerIx> {
        match self.lookup(file, name, Kind::Owner)? {
            EntityRef::Owner(ix) => Some(ix),
            _ => None,
        }
    }
    pub(super) fn owner_ref(&mut self, part: &Part, r: Ref) -> Option<OwnerIx> {
        match self.lookup_ref(part, r, Kind::Owner, None)? {
            EntityRef::Owner(ix) => Some(ix),
            _ => None,
        }
    }
    pub(crate) fn board(&mut self, file: FileId, name: &SpannedStr) -> Option<BoardIx> {
        match self.lookup(file, name, Kind::Board)? {
            EntityRef::Board(ix) => Some(ix),
            _ => None,
        }
    }
    pub(super) fn boards(&mut self, file: FileId, names: &[SpannedStr]) -> Vec<BoardIx> {
        names.iter().filter_map(|n| self.board(file, n)).collect()
    }
}

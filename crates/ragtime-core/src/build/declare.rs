//! Ids declared before anything is built: every id of every file, in file
//! order, checked for its form and for a second use (case does not count);
//! then each item that makes it into the model registered under its id.

use std::ops::Range;

use crate::diag::{Code, Diagnostic};
use crate::model::{EntityRef, IdEntry, IdMap, Kind};
use crate::raw::SpannedStr;
use crate::source::{FileId, Loc, Span};

use super::builder::Builder;
use super::values::loc;

/// Longest id accepted; ids appear in table columns.
pub const MAX_ID_LEN: usize = 48;

impl Span {
    /// The byte range of `loc`, which must be in a plan file.
    fn of_loc(loc: &Loc) -> Span {
        Span::of(loc.span.clone())
    }
}

/// An id as case does not count: equal to another when their lower-case
/// forms are, hashed as its lower-case form, with no copy made of it (ids
/// are ASCII, but any text may be written as one).
#[derive(Clone, Copy, Debug)]
pub(super) struct Folded<'a>(pub(super) &'a str);

impl Folded<'_> {
    fn lower(self) -> String {
        self.0.to_lowercase()
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        if self.0.is_ascii() && other.0.is_ascii() {
            self.0.eq_ignore_ascii_case(other.0)
        } else {
            self.lower() == other.lower()
        }
    }
}

impl Eq for Folded<'_> {}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let mut buf = [0u8; MAX_ID_LEN];
        match self.0.as_bytes() {
            b if b.is_ascii() && b.len() <= MAX_ID_LEN => {
                buf[..b.len()].copy_from_slice(b);
                buf[..b.len()].make_ascii_lowercase();
                state.write(&buf[..b.len()]);
            }
            _ => state.write(self.lower().as_bytes()),
        }
        state.write_u8(0xff);
    }
}

pub(crate) fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && id.len() <= MAX_ID_LEN
}

impl<'f> Builder<'f, '_> {
    /// Declares every id of every file (`count` of them), in file order.
    pub(super) fn declare_all(&mut self, count: usize) {
        let files = self.files;
        // Ids as case does not count, to catch `CPS-1` next to `cps-1`,
        // with the kind and place of the first (no kind for a record too
        // broken to read); needed only to find duplicates.
        let mut folded: IdMap<Folded<'f>, (Option<Kind>, Loc)> = IdMap::default();
        folded.reserve(count);
        for part in files {
            let (file, raw) = (part.file, &part.raw);
            // In file order, whatever the kind, so that the first use of
            // an id is the one higher up.
            let mut ids: Vec<(&str, Range<usize>, Option<Kind>)> = Vec::new();
            let mut add =
                |id: &'f SpannedStr, kind| ids.push((id.get_ref().as_str(), id.span(), kind));
            raw.owners
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Owner)));
            raw.boards
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Board)));
            raw.strategy
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Strategy)));
            raw.priorities
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Priority)));
            raw.objectives
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Objective)));
            raw.commitments
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Commitment)));
            raw.measures
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Measure)));
            raw.recommendations
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Recommendation)));
            raw.caps
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Cap)));
            raw.budgets
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Budget)));
            raw.savings
                .iter()
                .for_each(|r| add(&r.get_ref().id, Some(Kind::Saving)));
            raw.broken_ids.iter().for_each(|id| add(id, None));
            ids.extend(part.milestones.iter().map(|m| {
                let span = m.id_span.loc(file).span;
                (m.id.as_str(), span, Some(Kind::Milestone))
            }));
            ids.sort_by_key(|(_, span, _)| span.start);
            for (id, span, kind) in ids {
                self.declare_at(&mut folded, id, Loc::new(file, span), kind);
            }
        }
    }

    /// Records an id; `kind` is `None` for a record too broken to read,
    /// which takes part in the duplicate check but is never referred to.
    fn declare_at(
        &mut self,
        folded: &mut IdMap<Folded<'f>, (Option<Kind>, Loc)>,
        text: &'f str,
        here: Loc,
        kind: Option<Kind>,
    ) {
        if !valid_id(text) {
            self.push(
                Diagnostic::new(Code::BadId, here.clone(), format!("`{text}` is not a valid id"))
                    .label("ids are letters, digits, `-`, `_` and `.`")
                    .help(format!(
                        "start with a letter or digit, use no spaces, and keep it to {MAX_ID_LEN} characters"
                    )),
            );
        }
        let slot = match folded.entry(Folded(text)) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let (first_kind, first_loc) = first.get();
                let what = first_kind.map_or("an item".to_string(), Kind::with_article);
                let d = Diagnostic::new(
                    Code::DuplicateId,
                    here,
                    format!("id `{text}` is used twice"),
                )
                .label("second use")
                .secondary(first_loc.clone(), format!("first used here, by {what}"))
                .help("ids are unique across the whole plan set (case does not count); rename one");
                self.diags.push(d);
                self.duplicated.insert(text.to_string());
                return;
            }
            std::collections::hash_map::Entry::Vacant(slot) => slot,
        };
        let span = Span::of_loc(&here);
        self.model.ids.insert(
            text.to_string(),
            IdEntry {
                kind,
                file: here.file,
                span: (span.start, span.end),
                entity: None,
            },
        );
        slot.insert((kind, here));
    }

    /// Registers an item that made it into the model, so it can be referred to.
    pub(crate) fn register(&mut self, id: &SpannedStr, entity: EntityRef, file: FileId) -> bool {
        self.register_at(id.get_ref(), &loc(file, id), entity)
    }

    pub(super) fn register_at(&mut self, id: &str, here: &Loc, entity: EntityRef) -> bool {
        // Only the first declaration of an id (which `declare` kept) counts.
        let span = Span::of_loc(here);
        match self.model.ids.get_mut(id) {
            Some(d) if d.file == here.file && d.span == (span.start, span.end) => {
                d.entity = Some(entity);
                true
            }
            _ => false,
        }
    }
}

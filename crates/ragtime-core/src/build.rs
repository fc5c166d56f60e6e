//! From raw records to the typed model: ids checked and resolved, words and
//! dates parsed, each problem reported at its span.
//!
//! Ids are registered first across every file, so a reference to an item in
//! another file (or to one that is itself broken) resolves or is reported
//! once. An item whose required reference cannot be resolved is left out of
//! the model; the findings already stop any report.
//!
//! Milestones, by far the most numerous records, are built in two steps.
//! [`prepare`] runs on each file as soon as it is parsed, on the rayon pool:
//! it reads every value that needs no other item (dates, statuses, percents,
//! the checks on each update), moves the text into model form and lets the
//! raw records go, so raw records never pile up for the whole plan set.
//! What refers to other items is kept as [`Ref`]s (the id, written once per
//! file, and where it is written) and resolved by [`build`], in file order,
//! once every id is declared.

use std::collections::HashSet;
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;
use toml::Spanned;
use toml::value::Datetime;

use crate::diag::{Code, Diagnostic, did_you_mean, did_you_mean_id};
use crate::measure::{DatedTarget, Targets, check_targets};
use crate::model::IdMap;
use crate::model::*;
use crate::raw::*;
use crate::source::{FileId, Loc, Span};

/// Longest id accepted; ids appear in table columns.
pub const MAX_ID_LEN: usize = 48;

pub(crate) struct Builder<'f, 'd> {
    pub(crate) files: &'f [Part],
    diags: &'d mut Vec<Diagnostic>,
    /// Ids written a second time: references to them are ambiguous, and
    /// the duplicate finding already says so.
    duplicated: HashSet<String>,
    /// The ids of each kind, sorted, for did-you-mean; gathered the first
    /// time a reference to that kind is unknown.
    candidates: [Option<Vec<String>>; Kind::COUNT],
    /// The authors of one milestone's updates as resolved, reused.
    authors: Vec<(Option<OwnerIx>, Span)>,
    /// What each name of the part being built resolved to, when it did
    /// (see [`Builder::lookup_ref`]).
    resolved: Vec<Option<EntityRef>>,
    pub(crate) model: Model,
}

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
struct Folded<'a>(&'a str);

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

/// A reference by id, not yet resolved: the id, as an index into its
/// file's [`Part::names`], and where it is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ref {
    name: u32,
    span: Span,
}

/// One update's author, still to resolve, and whether the update's date
/// and status could be read (it is then the next of the milestone's
/// `updates`).
#[derive(Clone, Copy, Debug)]
struct Author {
    by: Ref,
    date: Span,
    read: bool,
}

/// A milestone with its values read and its references not yet resolved.
#[derive(Clone, Debug)]
pub(crate) struct PreparedMilestone {
    id: String,
    id_span: Span,
    commitment: Ref,
    owner: Ref,
    title: String,
    added: Option<NaiveDate>,
    due: Option<NaiveDate>,
    due_span: Span,
    added_span: Span,
    /// The range of the file's `depends_on` list that is this milestone's.
    depends_on: Range<u32>,
    source: Option<String>,
    illustrative: bool,
    /// The updates whose date and status could be read, in file order;
    /// `by` is set when resolved.
    updates: Vec<Update>,
    /// The range of the file's `authors` list that is this milestone's:
    /// one per update written, read or not.
    authors: Range<u32>,
}

/// One file's records, made ready to build: milestones prepared, the rest
/// as read.
#[derive(Clone, Debug)]
pub struct Part {
    pub(crate) file: FileId,
    /// Every record but the milestones.
    pub(crate) raw: RawFile,
    pub(crate) milestones: Vec<PreparedMilestone>,
    /// The ids the milestones refer to, each once.
    names: Vec<String>,
    depends_on: Vec<Ref>,
    authors: Vec<Author>,
}

impl Part {
    fn name(&self, r: Ref) -> &str {
        &self.names[r.name as usize]
    }

    /// The file this part was read from.
    pub(crate) fn file(&self) -> FileId {
        self.file
    }

    /// Each milestone's id with the id of the commitment it names.
    pub(crate) fn milestone_commitment_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.milestones
            .iter()
            .map(|m| (m.id.as_str(), self.name(m.commitment)))
    }

    /// The commitment ids the file's milestones name, each once.
    pub(crate) fn milestone_commitments(&self) -> impl Iterator<Item = &str> {
        let mut seen = vec![false; self.names.len()];
        for m in &self.milestones {
            seen[m.commitment.name as usize] = true;
        }
        self.names
            .iter()
            .zip(seen)
            .filter(|(_, used)| *used)
            .map(|(name, _)| name.as_str())
    }
}

/// Builds the model. The prepared milestones are taken out of `parts` as
/// they are built, their text moved rather than copied.
///
/// `beside` runs on the parts as read (milestones included) on another
/// core while the ids are declared and the items other than milestones
/// are built, which only read them too.
pub(crate) fn build<R: Send>(
    parts: &mut [Part],
    diags: &mut Vec<Diagnostic>,
    beside: impl FnOnce(&[Part]) -> R + Send,
) -> (Model, R) {
    // Size the id maps and the largest arenas once, so that a big plan set
    // is not rehashed and copied over and over as it grows.
    let count = |f: fn(&Part) -> usize| parts.iter().map(f).sum::<usize>();
    let ids = count(|p| {
        let r = &p.raw;
        r.owners.len()
            + r.boards.len()
            + usize::from(r.strategy.is_some())
            + r.priorities.len()
            + r.objectives.len()
            + r.commitments.len()
            + p.milestones.len()
            + r.measures.len()
            + r.recommendations.len()
            + r.budgets.len()
            + r.savings.len()
            + r.caps.len()
            + r.broken_ids.len()
    });
    let mut model = Model::default();
    model.owners.reserve(count(|p| p.raw.owners.len()));
    model.boards.reserve(count(|p| p.raw.boards.len()));
    model
        .strategies
        .reserve(count(|p| usize::from(p.raw.strategy.is_some())));
    model.priorities.reserve(count(|p| p.raw.priorities.len()));
    model.objectives.reserve(count(|p| p.raw.objectives.len()));
    model.measures.reserve(count(|p| p.raw.measures.len()));
    model
        .commitments
        .reserve(count(|p| p.raw.commitments.len()));
    model.milestones.reserve(count(|p| p.milestones.len()));
    model.ids.reserve(ids);
    let mut b = Builder {
        files: &*parts,
        diags,
        duplicated: HashSet::new(),
        candidates: Default::default(),
        authors: Vec::new(),
        resolved: Vec::new(),
        model,
    };
    let files = b.files;
    let (side, ()) = rayon::join(
        || beside(files),
        || {
            b.declare_all(ids);
            b.build_owners_and_boards();
            b.build_strategies();
            b.build_priorities_and_objectives();
            b.build_measures();
            b.build_commitments();
        },
    );
    let Builder {
        diags,
        duplicated,
        candidates,
        authors,
        resolved,
        model,
        ..
    } = b;
    let mut b = Builder {
        files: &[],
        diags,
        duplicated,
        candidates,
        authors,
        resolved,
        model,
    };
    b.build_milestones(parts);
    // Recommendations name commitments and milestones: built last.
    // Money names strategies, priorities, commitments and milestones:
    // built last.
    let Builder {
        diags,
        duplicated,
        candidates,
        authors,
        resolved,
        model,
        ..
    } = b;
    let mut b = Builder {
        files: parts,
        diags,
        duplicated,
        candidates,
        authors,
        resolved,
        model,
    };
    crate::recommendations::model::build(&mut b);
    crate::finance::model::build(&mut b);
    let Builder {
        candidates, model, ..
    } = b;
    rayon::spawn(move || drop(candidates));
    (model, side)
}

fn loc(file: FileId, s: &Spanned<impl Sized>) -> Loc {
    Loc::new(file, s.span())
}

pub(crate) fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && id.len() <= MAX_ID_LEN
}

impl<'f> Builder<'f, '_> {
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    // ----- ids ---------------------------------------------------------

    /// Declares every id of every file (`count` of them), in file order.
    fn declare_all(&mut self, count: usize) {
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

    fn register_at(&mut self, id: &str, here: &Loc, entity: EntityRef) -> bool {
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

    fn lookup(&mut self, file: FileId, name: &SpannedStr, want: Kind) -> Option<EntityRef> {
        self.lookup_at(name.get_ref(), loc(file, name), want, None)
    }

    /// Starts resolving the references of `part`.
    fn start_part(&mut self, part: &Part) {
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
    fn lookup_ref(
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
            let ids = &self.model.ids;
            self.candidates[want as usize].get_or_insert_with(|| {
                let mut list: Vec<String> = ids
                    .iter()
                    .filter(|(_, d)| d.kind == Some(want))
                    .map(|(id, _)| id.clone())
                    .collect();
                list.sort_unstable();
                list
            });
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
    fn entity(&self, text: &str) -> Option<EntityRef> {
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
        // Every id is declared before the first lookup, so the candidates
        // of a kind are gathered once, however many references are unknown.
        let declared = &self.model.ids;
        let sorted = self.candidates[want as usize].get_or_insert_with(|| {
            let mut ids: Vec<String> = declared
                .iter()
                .filter(|(_, d)| d.kind == Some(want))
                .map(|(id, _)| id.clone())
                .collect();
            ids.sort_unstable();
            ids
        });
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

    pub(crate) fn owner(&mut self, file: FileId, name: &SpannedStr) -> Option<OwnerIx> {
        match self.lookup(file, name, Kind::Owner)? {
            EntityRef::Owner(ix) => Some(ix),
            _ => None,
        }
    }
    fn owner_ref(&mut self, part: &Part, r: Ref) -> Option<OwnerIx> {
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
    fn boards(&mut self, file: FileId, names: &[SpannedStr]) -> Vec<BoardIx> {
        names.iter().filter_map(|n| self.board(file, n)).collect()
    }

    // ----- values ------------------------------------------------------

    pub(crate) fn date(&mut self, file: FileId, value: &Spanned<Datetime>) -> Option<NaiveDate> {
        date(self.diags, file, value)
    }

    pub(crate) fn word<T: FromStr + Copy>(
        &mut self,
        file: FileId,
        value: &SpannedStr,
        code: Code,
        what: &str,
        words: impl Iterator<Item = &'static str> + Clone,
    ) -> Option<T> {
        word(self.diags, file, value, code, what, words)
    }

    /// A dated value; `None` (with a finding) when its date or its value
    /// cannot be read.
    fn point(&mut self, file: FileId, p: &Spanned<RawPoint>) -> Option<Point> {
        let p = p.get_ref();
        let date = self.date(file, &p.date);
        let value = self.finite(file, &p.value, "value");
        Some(Point {
            date: date?,
            value: value?,
            note: p.note.clone(),
        })
    }

    /// A number that is a number: `nan` and infinities are refused, so no
    /// report ever shows "NaN" or "inf" or rates against one.
    fn finite(&mut self, file: FileId, v: &Spanned<f64>, key: &str) -> Option<f64> {
        let x = *v.get_ref();
        if x.is_finite() {
            return Some(x);
        }
        let what = if x.is_nan() {
            "`nan` (not a number)"
        } else {
            "infinite"
        };
        self.push(
            Diagnostic::new(
                Code::NotFinite,
                loc(file, v),
                format!("`{key}` is {what}: a measure's figures are plain numbers"),
            )
            .label("not a finite number")
            .help(format!(
                "write the figure as a number, e.g. `{key} = 25`; leave out a value not yet known"
            )),
        );
        None
    }

    /// A point with where its date and value are written, for the checks
    /// on a measure's targets.
    fn dated(&mut self, file: FileId, p: &Spanned<RawPoint>) -> Option<DatedTarget> {
        let point = self.point(file, p)?;
        Some(DatedTarget {
            point,
            date_loc: loc(file, &p.get_ref().date),
            value_loc: loc(file, &p.get_ref().value),
        })
    }

    // ----- entities ----------------------------------------------------

    fn build_owners_and_boards(&mut self) {
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

    fn build_strategies(&mut self) {
        let files = self.files;
        for Part { file, raw, .. } in files {
            let file = *file;
            let Some(r) = &raw.strategy else { continue };
            let r = r.get_ref();
            let owner = self.owner(file, &r.owner);
            let start = self.date(file, &r.start);
            let end = self.date(file, &r.end);
            let boards = self.boards(file, &r.boards);
            let approved = match &r.approved {
                Some(a) => {
                    let a = a.get_ref();
                    let by = self.board(file, &a.by);
                    let on = self.date(file, &a.on);
                    by.zip(on).map(|(by, on)| Decision { by, on })
                }
                None => None,
            };
            let (Some(owner), Some(start), Some(end)) = (owner, start, end) else {
                continue;
            };
            if end < start {
                self.push(
                    Diagnostic::new(
                        Code::PeriodReversed,
                        loc(file, &r.end),
                        format!("strategy ends on {end}, before it starts on {start}"),
                    )
                    .label("end date")
                    .secondary(loc(file, &r.start), "start date")
                    .help("swap the dates, or correct the one that is wrong"),
                );
            }
            let ix = StrategyIx::from_usize(self.model.strategies.len());
            if self.register(&r.id, EntityRef::Strategy(ix), file) {
                self.model.strategies.push(Strategy {
                    id: r.id.get_ref().clone(),
                    title: r.title.get_ref().clone(),
                    start,
                    end,
                    owner,
                    boards,
                    approved,
                    summary: r.summary.clone(),
                    source: r.source.clone(),
                    closed: r.closed,
                    loc: loc(file, &r.id),
                });
            }
        }
    }

    /// The strategy a priority or measure belongs to: its own `strategy` key,
    /// or the `[strategy]` of its file.
    fn owning_strategy(
        &mut self,
        file: FileId,
        raw: &RawFile,
        own: Option<&SpannedStr>,
        id: &SpannedStr,
    ) -> Option<StrategyIx> {
        let name = match (own, &raw.strategy) {
            (Some(name), _) => name.clone(),
            (None, Some(s)) => s.get_ref().id.clone(),
            (None, None) => {
                self.push(
                    Diagnostic::new(
                        Code::NoStrategy,
                        loc(file, id),
                        format!(
                            "`{}` does not say which strategy it belongs to",
                            id.get_ref()
                        ),
                    )
                    .label("no `strategy` key, and no `[strategy]` in this file")
                    .help("add `strategy = \"<strategy id>\"` to this table"),
                );
                return None;
            }
        };
        match self.lookup(file, &name, Kind::Strategy)? {
            EntityRef::Strategy(ix) => Some(ix),
            _ => None,
        }
    }

    fn build_priorities_and_objectives(&mut self) {
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

    fn build_measures(&mut self) {
        let files = self.files;
        for Part { file, raw, .. } in files {
            let file = *file;
            for r in &raw.measures {
                let r = r.get_ref();
                let strategy = self.owning_strategy(file, raw, r.strategy.as_ref(), &r.id);
                let direction = self.word::<Direction>(
                    file,
                    &r.direction,
                    Code::BadValue,
                    "a direction",
                    Direction::words(),
                );
                let owner = match &r.owner {
                    Some(o) => self.owner(file, o),
                    None => None,
                };
                let targets = self.measure_targets(file, r, direction);
                let frequency = match &r.frequency {
                    Some(f) => self.word::<Frequency>(
                        file,
                        f,
                        Code::BadValue,
                        "a reporting frequency",
                        Frequency::words(),
                    ),
                    None => None,
                };
                let tolerance = match &r.tolerance {
                    Some(t) => self.finite(file, t, "tolerance"),
                    None => None,
                };
                if let (Some(t), Some(x)) = (&r.tolerance, tolerance)
                    && x < 0.0
                {
                    self.push(
                        Diagnostic::new(
                            Code::BadValue,
                            loc(file, t),
                            "tolerance cannot be negative",
                        )
                        .label("how far from target still counts as Amber"),
                    );
                }
                let mut actual: Vec<Point> = r
                    .actual
                    .iter()
                    .filter_map(|p| self.point(file, p))
                    .collect();
                actual.sort_by_key(|p| p.date);
                let mut comparators = Vec::new();
                for c in &r.comparators {
                    let c = c.get_ref();
                    let date = match &c.date {
                        Some(d) => self.date(file, d),
                        None => None,
                    };
                    if let Some(value) = self.finite(file, &c.value, "value") {
                        comparators.push(Comparator {
                            name: c.name.get_ref().clone(),
                            value,
                            date,
                            unit: c.unit.clone(),
                        });
                    }
                }
                let (Some(strategy), Some(direction)) = (strategy, direction) else {
                    continue;
                };
                let Targets {
                    baseline,
                    mut interim,
                    target,
                    trajectory,
                    ..
                } = targets;
                // The model promises date order; the finding already says
                // when the file did not keep it.
                interim.sort_by_key(|p| p.point.date);
                let ix = MeasureIx::from_usize(self.model.measures.len());
                if self.register(&r.id, EntityRef::Measure(ix), file) {
                    self.model.measures.push(Measure {
                        id: r.id.get_ref().clone(),
                        strategy,
                        name: r.name.get_ref().clone(),
                        unit: r.unit.clone(),
                        direction,
                        owner,
                        baseline: baseline.map(|b| b.point),
                        target_loc: target.as_ref().map(|t| t.date_loc.clone()),
                        target: target.map(|t| t.point),
                        interim_locs: interim.iter().map(|p| p.date_loc.clone()).collect(),
                        interim: interim.into_iter().map(|p| p.point).collect(),
                        trajectory: trajectory.and_then(|(t, _)| t),
                        frequency,
                        tolerance: tolerance.map(f64::abs),
                        actual,
                        comparators,
                        source: r.source.clone(),
                        illustrative: r.illustrative,
                        loc: loc(file, &r.id),
                    });
                }
            }
        }
    }

    /// A measure's baseline, interim targets, final target and trajectory,
    /// read and checked together.
    fn measure_targets<'r>(
        &mut self,
        file: FileId,
        r: &'r RawMeasure,
        direction: Option<Direction>,
    ) -> Targets<'r> {
        let baseline = r.baseline.as_ref().and_then(|p| self.dated(file, p));
        let target = r.target.as_ref().and_then(|p| self.dated(file, p));
        let interim = r
            .interim
            .iter()
            .filter_map(|p| self.dated(file, p))
            .collect();
        let trajectory = r.trajectory.as_ref().map(|t| {
            let word = self.word::<Trajectory>(
                file,
                t,
                Code::BadValue,
                "a trajectory",
                Trajectory::words(),
            );
            (word, loc(file, t))
        });
        let targets = Targets {
            id: r.id.get_ref(),
            direction,
            baseline,
            baseline_written: r.baseline.is_some(),
            interim,
            target,
            target_written: r.target.is_some(),
            trajectory,
        };
        check_targets(&targets, self.diags);
        targets
    }

    fn build_commitments(&mut self) {
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

    fn build_milestones(&mut self, parts: &mut [Part]) {
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
                authors.push((by, a.date));
            }
        }
        let mut previous: Option<(NaiveDate, Loc)> = None;
        let mut next = authors.iter();
        let diags = &mut *self.diags;
        m.updates.retain_mut(|u| {
            let Some(&(by, date_span)) = next.next() else {
                return false;
            };
            let Some(by) = by else {
                return false;
            };
            u.by = by;
            let here = date_span.loc(file);
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

/// A TOML date as a calendar date; a finding for a time, an offset or a
/// day not in the calendar.
pub(crate) fn date(
    diags: &mut Vec<Diagnostic>,
    file: FileId,
    value: &Spanned<Datetime>,
) -> Option<NaiveDate> {
    let dt = value.get_ref();
    let here = loc(file, value);
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            let date =
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day));
            if date.is_none() {
                diags.push(Diagnostic::new(
                    Code::BadDate,
                    here,
                    format!("`{dt}` is not a date in the calendar"),
                ));
            }
            date
        }
        (Some(d), _, _) => {
            diags.push(
                Diagnostic::new(
                    Code::BadDate,
                    here,
                    format!("`{dt}` has a time; plans use plain dates"),
                )
                .label("expected a date only")
                .help(format!("write `{d}`")),
            );
            None
        }
        (None, _, _) => {
            diags.push(
                Diagnostic::new(Code::BadDate, here, format!("`{dt}` is a time, not a date"))
                    .help("write a date such as `2025-06-30`"),
            );
            None
        }
    }
}

/// One of a closed set of words; a finding with the nearest word if not.
fn word<T: FromStr + Copy>(
    diags: &mut Vec<Diagnostic>,
    file: FileId,
    value: &SpannedStr,
    code: Code,
    what: &str,
    words: impl Iterator<Item = &'static str> + Clone,
) -> Option<T> {
    if let Ok(v) = value.get_ref().parse::<T>() {
        return Some(v);
    }
    let text = value.get_ref();
    let list = words
        .clone()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let d = Diagnostic::new(code, loc(file, value), format!("`{text}` is not {what}"))
        .label(format!("expected one of {list}"));
    let colours = [
        "blue",
        "red",
        "amber",
        "green",
        "amber/green",
        "amber/red",
        "rag",
    ];
    let d = match did_you_mean(&text.to_lowercase().replace([' ', '_'], "-"), words) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None if code == Code::BadStatus && colours.contains(&text.to_lowercase().as_str()) => {
            d.help("a status is not a colour: Ragtime works the colour out from the status, its dates and the settings")
        }
        None => d,
    };
    diags.push(d);
    None
}

/// The ids one file's milestones refer to, each kept once.
#[derive(Default)]
struct Names {
    index: IdMap<String, u32>,
}

impl Names {
    fn get(&mut self, name: SpannedStr) -> Ref {
        let span = Span::of(name.span());
        // Fewer names than bytes in the file, so far fewer than 2^32.
        let next = u32::try_from(self.index.len()).unwrap_or(u32::MAX);
        let name = *self.index.entry(name.into_inner()).or_insert(next);
        Ref { name, span }
    }

    fn into_list(self) -> Vec<String> {
        let mut list = vec![String::new(); self.index.len()];
        for (name, i) in self.index {
            list[i as usize] = name;
        }
        list
    }
}

/// Prepares one file for [`build`]: reads every value of its milestones
/// that needs no other item, with its findings, and moves their text out of
/// the raw records, which are let go here, on the thread that parsed them.
/// The other records, far fewer, are kept as read.
pub(crate) fn prepare(file: FileId, mut raw: RawFile, diags: &mut Vec<Diagnostic>) -> Part {
    let records = std::mem::take(&mut raw.milestones);
    let mut names = Names::default();
    let mut milestones = Vec::with_capacity(records.len());
    let mut depends_on = Vec::new();
    let mut authors = Vec::new();
    for r in records {
        let RawMilestone {
            id,
            commitment,
            title,
            owner,
            added,
            due,
            depends_on: deps,
            source,
            illustrative,
            update,
        } = r.into_inner();
        let commitment = names.get(commitment);
        let owner = names.get(owner);
        let added_date = date(diags, file, &added);
        let due_date = date(diags, file, &due);
        let first_dep = depends_on.len();
        depends_on.extend(deps.into_iter().map(|d| names.get(d)));
        let first_author = authors.len();
        let mut updates = Vec::with_capacity(update.len());
        for u in update {
            let span = u.span();
            let u = u.into_inner();
            let (read, author) = prepare_update(file, u, span, &mut names, diags);
            authors.push(author);
            updates.extend(read);
        }
        let range = |from: usize, to: usize| {
            let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
            clamp(from)..clamp(to)
        };
        milestones.push(PreparedMilestone {
            id_span: Span::of(id.span()),
            id: id.into_inner(),
            commitment,
            owner,
            title: title.into_inner(),
            added: added_date,
            due: due_date,
            due_span: Span::of(due.span()),
            added_span: Span::of(added.span()),
            depends_on: range(first_dep, depends_on.len()),
            source,
            illustrative,
            updates,
            authors: range(first_author, authors.len()),
        });
    }
    Part {
        file,
        raw,
        milestones,
        names: names.into_list(),
        depends_on,
        authors,
    }
}

/// Reads one update: the update itself when its date and status could be
/// read (its author still to resolve), and its author.
fn prepare_update(
    file: FileId,
    u: RawUpdate,
    span: Range<usize>,
    names: &mut Names,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Update>, Author) {
    let date_read = date(diags, file, &u.date);
    let status = word::<Status>(
        diags,
        file,
        &u.status,
        Code::BadStatus,
        "a status",
        Status::words(),
    );
    let due = u.due.as_ref().and_then(|d| date(diags, file, d));
    let percent = match &u.percent {
        Some(p) => match u8::try_from(*p.get_ref()) {
            Ok(v) if v <= 100 => Some(v),
            _ => {
                diags.push(
                    Diagnostic::new(
                        Code::BadValue,
                        loc(file, p),
                        format!("percent complete is {}", p.get_ref()),
                    )
                    .label("expected a whole number from 0 to 100"),
                );
                None
            }
        },
        None => None,
    };
    if let (Some(d), Some(r)) = (&u.due, &u.reason)
        && r.get_ref().trim().is_empty()
    {
        diags.push(
            Diagnostic::new(
                Code::RedatedWithoutReason,
                loc(file, r),
                "the reason for a revised due date is empty",
            )
            .label("empty")
            .secondary(loc(file, d), "revised due date")
            .help("say why the date moved: boards ask"),
        );
    }
    if let (Some(d), None) = (&u.due, &u.reason) {
        diags.push(
            Diagnostic::new(
                Code::RedatedWithoutReason,
                loc(file, d),
                "revised due date has no `reason`",
            )
            .label("re-dated here")
            .help("add `reason = \"...\"`: boards ask why a date moved"),
        );
    }
    let note_empty = u
        .note
        .as_ref()
        .is_none_or(|n| n.get_ref().trim().is_empty());
    if status == Some(Status::Complete) && note_empty {
        diags.push(
            Diagnostic::new(
                Code::CompleteWithoutEvidence,
                loc(file, &u.status),
                "`complete` with no note of what was delivered",
            )
            .label("completion recorded here")
            .help("add `note = \"...\"` saying what was delivered, as evidence"),
        );
    }
    if status == Some(Status::Cancelled) && note_empty {
        diags.push(
            Diagnostic::new(
                Code::CancelledWithoutReason,
                loc(file, &u.status),
                "`cancelled` with no note giving the reason",
            )
            .label("cancelled here")
            .help("add `note = \"...\"`: a milestone is never dropped without a reason"),
        );
    }
    let author = Author {
        by: names.get(u.by),
        date: Span::of(u.date.span()),
        read: date_read.is_some() && status.is_some(),
    };
    let (Some(date), Some(status)) = (date_read, status) else {
        return (None, author);
    };
    let update = Update {
        date,
        status,
        // Set when the author is resolved; an update whose author is not
        // known is dropped.
        by: OwnerIx(0),
        note: u.note.map(|n| n.into_inner().into_boxed_str()),
        percent,
        due,
        reason: u.reason.map(|r| r.into_inner().into_boxed_str()),
        action: u.action.map(|a| a.into_inner().into_boxed_str()),
        span: Span::of(span),
        date_span: Span::of(u.date.span()),
        due_span: u.due.as_ref().map(|d| Span::of(d.span())),
    };
    (Some(update), author)
}

#[cfg(test)]
mod tests {
    use crate::testing::{PLAN, REGISTRY, found, load_files, plan_with, text_at};
    use crate::{Code, Status};

    fn helps(plans: &crate::PlanSet) -> Vec<&str> {
        plans
            .diagnostics
            .iter()
            .map(|d| d.help.as_deref().unwrap_or(""))
            .collect()
    }

    /// The bug: a measure with `value = inf` as its target and `tolerance =
    /// nan` passed `check`, and the measures report printed "NaN". Every
    /// number in a measure must now be finite, and each that is not is
    /// found at its place.
    #[test]
    fn inf_target_and_nan_tolerance_are_refused_not_printed_as_nan() {
        let plans = plan_with(
            "direction = \"higher\"\n",
            "direction = \"higher\"\ntarget = { date = 2027-12-31, value = inf }\ntolerance = nan\n\
             baseline = { date = 2024-12-31, value = -inf }\nactual = [{ date = 2025-03-31, value = nan }]\n\
             comparators = [{ name = \"National\", value = +inf }]\n",
        );
        assert_eq!(
            found(&plans),
            [
                "E0110 plan.toml:44:39",
                "E0110 plan.toml:45:13",
                "E0110 plan.toml:46:41",
                "E0110 plan.toml:47:40",
                "E0110 plan.toml:48:45",
            ]
        );
        assert!(plans.diagnostics.iter().all(|d| d.code == Code::NotFinite));
        assert_eq!(
            plans.diagnostics[1].message,
            "`tolerance` is `nan` (not a number): a measure's figures are plain numbers"
        );
        assert!(!plans.is_sound());
        // A number too large for the computer is infinite too.
        let plans = plan_with(
            "direction = \"higher\"\n",
            "direction = \"higher\"\ntarget = { date = 2027-12-31, value = 1e400 }\n",
        );
        assert_eq!(plans.diagnostics.len(), 1, "{:#?}", plans.diagnostics);
        assert!(matches!(
            plans.diagnostics[0].code,
            Code::NotFinite | Code::Syntax
        ));
    }

    /// Ids fold as `to_lowercase` folds them, copied or not.
    #[test]
    fn folded_ids_are_equal_and_hash_alike_when_their_lower_case_is() {
        use super::Folded;
        use std::hash::BuildHasher;
        let hash = |s: &str| foldhash::fast::FixedState::with_seed(1).hash_one(Folded(s));
        let ids = [
            "CPS-P1",
            "cps-p1",
            "Cps-P1",
            "CPS-P2",
            "ÉTÉ",
            "été",
            "Été-1",
            "x".repeat(60).as_str(),
            "X".repeat(60).as_str(),
            "",
            "ǅ",
        ]
        .map(str::to_string);
        for a in &ids {
            for b in &ids {
                let same = a.to_lowercase() == b.to_lowercase();
                assert_eq!(Folded(a) == Folded(b), same, "{a:?} {b:?}");
                if same {
                    assert_eq!(hash(a), hash(b), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn an_id_written_twice_is_one_finding_and_not_an_unknown_reference() {
        // The measure takes the priority's id (case aside); the commitment
        // refers to it. Only the duplicate is news.
        let plan = PLAN
            .replacen("id = \"CPS-M1\"", "id = \"cps-p1\"", 1)
            .replacen("measures = [\"CPS-M1\"]", "measures = [\"cps-p1\"]", 1);
        let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &plan)]);
        assert_eq!(found(&plans), ["E0201 plan.toml:41:6"]);
        let d = &plans.diagnostics[0];
        assert_eq!(text_at(&plans, &d.secondary[0]), "\"CPS-P1\"");
        assert_eq!(d.secondary[0].text, "first used here, by a priority");
    }

    #[test]
    fn an_id_used_twice_is_found_even_when_one_record_is_broken() {
        // The second milestone lacks its owner; its id is still checked.
        let second = "[[milestone]]\nid = \"CPS-P1-C1-M1\"\ncommitment = \"CPS-P1-C1\"\n\
                      title = \"Again\"\nadded = 2025-01-06\ndue = 2025-06-30\n";
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("z.toml", second),
        ]);
        assert_eq!(found(&plans), ["E0103 z.toml:1:1", "E0201 z.toml:2:6"]);
        assert_eq!(
            plans.diagnostics[1].secondary[0].text,
            "first used here, by a milestone"
        );
    }

    #[test]
    fn the_first_use_of_an_id_is_the_one_higher_up_the_file() {
        // A measure above the priority whose id it takes: the priority is
        // the second use, whatever the kinds.
        let plan = format!(
            "[[measure]]\nid = \"CPS-P1\"\nname = \"n\"\ndirection = \"higher\"\nstrategy = \"CPS\"\n\n{PLAN}"
        );
        let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &plan)]);
        let duplicate = plans
            .diagnostics
            .iter()
            .find(|d| d.code == Code::DuplicateId)
            .unwrap();
        let (line, _) = plans
            .source(duplicate.file())
            .line_col(duplicate.primary.loc.span.start);
        assert_eq!(line, 16);
        assert_eq!(duplicate.secondary[0].text, "first used here, by a measure");
    }

    #[test]
    fn a_reference_to_a_broken_item_is_not_reported_again() {
        // The measure lacks its name, so it is left out; the commitment's
        // reference to it is not also "unknown".
        let plans = plan_with("name = \"Foster carers' homes\"\n", "");
        assert_eq!(found(&plans), ["E0103 plan.toml:40:1"]);
    }

    #[test]
    fn a_reference_to_the_wrong_kind_says_what_it_is() {
        let plans = plan_with(
            "text = \"We will increase our foster carers' homes by 20%.\"\nowner = \"hos-fostering\"",
            "text = \"We will increase our foster carers' homes by 20%.\"\nowner = \"cpb\"",
        );
        assert_eq!(found(&plans), ["E0203 plan.toml:17:9"]);
        let d = &plans.diagnostics[0];
        assert_eq!(d.message, "`cpb` is a board, not an owner");
        assert_eq!(text_at(&plans, &d.secondary[0]), "\"cpb\"");
        assert!(helps(&plans)[0].contains("`boards`"));
    }

    #[test]
    fn unknown_references_suggest_only_likely_slips() {
        let plans = plan_with(
            "added = 2025-01-06",
            "depends-on = [\"CPS-P1-C1-M9\"]\nadded = 2025-01-06",
        );
        // The only milestone is the one that depends: not a suggestion.
        assert_eq!(found(&plans), ["E0202 plan.toml:25:15"]);
        assert_eq!(
            helps(&plans),
            ["add a `[[milestone]]` with this id, or fix the spelling"]
        );
        let plans = plan_with("owner = \"dcs\"", "owner = \"DCS\"");
        assert_eq!(helps(&plans), ["did you mean `dcs`?"]);
    }

    #[test]
    fn the_update_log_is_kept_in_date_order_and_disorder_reported() {
        let plans = plan_with("date = 2025-06-30", "date = 2025-02-28");
        assert_eq!(found(&plans), ["E0403 plan.toml:34:10"]);
        let updates = &plans.model.milestones[0].updates;
        assert_eq!(updates[0].status, Status::AtRisk);
        assert_eq!(updates[1].status, Status::OnTarget);
    }

    #[test]
    fn percent_complete_runs_from_0_to_100() {
        for (percent, ok) in [(0, true), (100, true), (101, false), (-1, false)] {
            let plans = plan_with(
                "status = \"at-risk\"",
                &format!("status = \"at-risk\"\n  percent = {percent}"),
            );
            let codes: Vec<Code> = plans.diagnostics.iter().map(|d| d.code).collect();
            let expected = if ok { vec![] } else { vec![Code::BadValue] };
            assert_eq!(codes, expected, "percent = {percent}");
        }
    }

    #[test]
    fn a_revised_due_date_needs_a_reason_once() {
        let plans = plan_with("  reason = \"Panel dates moved\"\n", "");
        assert_eq!(found(&plans), ["E0407 plan.toml:37:9"]);
        let plans = plan_with("reason = \"Panel dates moved\"", "reason = \"  \"");
        assert_eq!(found(&plans), ["E0407 plan.toml:38:12"]);
    }

    #[test]
    fn complete_and_cancelled_need_a_note() {
        let plans = plan_with("status = \"at-risk\"", "status = \"complete\"");
        assert_eq!(found(&plans), ["E0404 plan.toml:35:12"]);
        let plans = plan_with(
            "status = \"at-risk\"",
            "status = \"cancelled\"\n  note = \" \"",
        );
        assert_eq!(found(&plans), ["E0405 plan.toml:35:12"]);
        let plans = plan_with(
            "status = \"at-risk\"",
            "status = \"complete\"\n  note = \"Campaign launched.\"",
        );
        assert_eq!(found(&plans), Vec::<String>::new());
    }

    #[test]
    fn bad_statuses_get_a_suggestion_or_a_word_about_colours() {
        let plans = plan_with("status = \"at-risk\"", "status = \"Complete\"");
        assert_eq!(helps(&plans), ["did you mean `complete`?"]);
        let plans = plan_with("status = \"at-risk\"", "status = \"Amber\"");
        assert!(helps(&plans)[0].starts_with("a status is not a colour"));
        let plans = plan_with("status = \"at-risk\"", "status = \"stuck\"");
        assert_eq!(helps(&plans), [""]);
    }

    #[test]
    fn ids_are_short_and_plain() {
        let long = "M".repeat(super::MAX_ID_LEN + 1);
        for (id, ok) in [
            ("CPS-P1_a.2", true),
            ("CPS P1", false),
            ("-CPS", false),
            ("CPS/P1", false),
            (long.as_str(), false),
        ] {
            let plans = plan_with("id = \"CPS-P1-C1-M1\"", &format!("id = \"{id}\""));
            let codes: Vec<Code> = plans.diagnostics.iter().map(|d| d.code).collect();
            let expected = if ok { vec![] } else { vec![Code::BadId] };
            assert_eq!(codes, expected, "{id}");
        }
    }

    #[test]
    fn dates_are_plain_dates() {
        let plans = plan_with("added = 2025-01-06", "added = 2025-01-06T10:00:00Z");
        assert_eq!(found(&plans), ["E0105 plan.toml:25:9"]);
        assert_eq!(helps(&plans), ["write `2025-01-06`"]);
        let plans = plan_with("added = 2025-01-06", "added = 10:00:00");
        assert_eq!(
            plans.diagnostics[0].message,
            "`10:00:00` is a time, not a date"
        );
    }

    #[test]
    fn items_say_which_strategy_they_belong_to() {
        let priority = "[[priority]]\nid = \"CPS-P2\"\ntitle = \"Education\"\n";
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("more.toml", priority),
        ]);
        assert_eq!(found(&plans), ["E0204 more.toml:2:6"]);
        let named = priority.replace("title", "strategy = \"CPS\"\ntitle");
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("more.toml", &named),
        ]);
        assert_eq!(found(&plans), Vec::<String>::new());
        assert_eq!(plans.model.priorities.len(), 2);
        let misspelt = priority.replace("title", "strategy = \"CSP\"\ntitle");
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("more.toml", &misspelt),
        ]);
        assert_eq!(found(&plans), ["E0202 more.toml:3:12"]);
    }

    #[test]
    fn one_settings_table_in_the_whole_plan_set() {
        let plans = load_files(&[
            ("a.toml", "[settings]\nscale = \"rag\"\n"),
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("z.toml", "[settings]\nscale = \"brag\"\n"),
        ]);
        assert_eq!(found(&plans), ["E0205 z.toml:1:1"]);
        let d = &plans.diagnostics[0];
        assert_eq!(plans.source(d.secondary[0].loc.file).name, "a.toml");
        // The first table is the one in force.
        assert_eq!(plans.settings.scale, crate::settings::Scale::Rag);
    }

    /// Owners and boards say where they come from, or that they are
    /// illustrative, as commitments and milestones do; without either key
    /// they are neither.
    #[test]
    fn owners_and_boards_keep_their_source_and_illustrative_mark() {
        let registry = REGISTRY
            .replacen(
                "org = \"Herefordshire Council\"\n",
                "org = \"Herefordshire Council\"\nsource = \"Report author\"\n",
                1,
            )
            .replacen(
                "reports-to = \"cabinet\"\n",
                "reports-to = \"cabinet\"\nillustrative = true\n",
                1,
            );
        let plans = load_files(&[("registry.toml", &registry), ("plan.toml", PLAN)]);
        assert_eq!(found(&plans), Vec::<String>::new());
        let m = &plans.model;
        let dcs = &m.owners[0];
        assert_eq!(dcs.source.as_deref(), Some("Report author"));
        assert!(!dcs.illustrative);
        assert!(m.owners[1].source.is_none() && !m.owners[1].illustrative);
        let (cabinet, cpb) = (&m.boards[0], &m.boards[1]);
        assert!(!cabinet.illustrative && cabinet.source.is_none());
        assert!(cpb.illustrative);
    }
}

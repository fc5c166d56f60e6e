//! One file made ready to build, on the thread that parsed it: every value
//! of its milestones that needs no other item read and checked (dates,
//! statuses, percents, each update), their text moved into model form, and
//! their references kept as the file's names with where each is written.
//! The raw milestones are let go here; the other records, far fewer, are
//! kept as read.

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;

use crate::diag::{Code, Diagnostic};
use crate::model::{IdMap, OwnerIx, Status, Update};
use crate::raw::{RawFile, RawMilestone, RawUpdate, SpannedStr};
use crate::source::{FileId, Span};

use super::values::{date, loc, word};

/// A reference by id, not yet resolved: the id, as an index into its
/// file's [`Part::names`], and where it is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ref {
    pub(super) name: u32,
    pub(super) span: Span,
}

/// One update's author, still to resolve, and whether the update's date
/// and status could be read (it is then the next of the milestone's
/// `updates`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Author {
    pub(super) by: Ref,
    pub(super) read: bool,
}

/// A milestone with its values read and its references not yet resolved.
#[derive(Clone, Debug)]
pub(crate) struct PreparedMilestone {
    pub(super) id: String,
    pub(super) id_span: Span,
    pub(super) commitment: Ref,
    pub(super) owner: Ref,
    pub(super) title: String,
    pub(super) added: Option<NaiveDate>,
    pub(super) due: Option<NaiveDate>,
    pub(super) due_span: Span,
    pub(super) added_span: Span,
    /// The range of the file's `depends_on` list that is this milestone's.
    pub(super) depends_on: Range<u32>,
    pub(super) source: Option<String>,
    pub(super) illustrative: bool,
    /// The updates whose date and status could be read, in file order;
    /// `by` is set when resolved.
    pub(super) updates: Vec<Update>,
    /// The range of the file's `authors` list that is this milestone's:
    /// one per update written, read or not.
    pub(super) authors: Range<u32>,
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
    pub(super) names: Vec<String>,
    pub(super) depends_on: Vec<Ref>,
    pub(super) authors: Vec<Author>,
}

impl Part {
    pub(super) fn name(&self, r: Ref) -> &str {
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

/// Prepares one file for [`build`](super::build): reads every value of its milestones
/// that needs no other item, with its findings, and moves their text out of
/// the raw records, which are let go here, on the thread that parsed them.
/// The other records, far fewer, are kept as read.
pub(crate) fn prepare(file: FileId, mut raw: RawFile, diags: &mut Vec<Diagnostic>) -> Part {
    let records = std::mem::take(&mut raw.milestones);
    let mut names = Names::default();
    let mut milestones = Vec::with_capacity(records.len());
    // Sized exactly: a large plan set holds millions of each.
    let mut depends_on =
        Vec::with_capacity(records.iter().map(|r| r.get_ref().depends_on.len()).sum());
    let mut authors = Vec::with_capacity(records.iter().map(|r| r.get_ref().update.len()).sum());
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
    raw.shrink_to_fit();
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
        read: date_read.is_some() && status.is_some(),
    };
    let (Some(date), Some(status)) = (date_read, status) else {
        return (None, author);
    };
    let mut update = Update::new(
        date,
        status,
        // Set when the author is resolved; an update whose author is not
        // known is dropped.
        OwnerIx(0),
        (Span::of(span), Span::of(u.date.span())),
    )
    .with_texts(
        u.note.map(Spanned::into_inner),
        u.reason.map(Spanned::into_inner),
        u.action.map(Spanned::into_inner),
    );
    update.percent = percent;
    if let (Some(due), Some(written)) = (due, &u.due) {
        update.due = Some(due);
        update.due_span = Span::of(written.span());
    }
    (Some(update), author)
}

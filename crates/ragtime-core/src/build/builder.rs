//! The builder: the model as far as it is built, the findings so far, and
//! what the lookups remember between references. Each kind of record is
//! built by its own `impl` (in this folder, or in the record's own folder
//! for money and recommendations), all on this one type.

use std::collections::HashSet;
use std::str::FromStr;

use chrono::NaiveDate;
use toml::Spanned;
use toml::value::Datetime;

use crate::diag::{Code, Diagnostic};
use crate::model::{EntityRef, Kind, Model, OwnerIx};
use crate::raw::SpannedStr;
use crate::source::FileId;

use super::prepare::Part;
use super::values::{date, word};

/// The model being built from `files`, with the findings made on the way.
pub(crate) struct Builder<'f, 'd> {
    pub(crate) files: &'f [Part],
    pub(super) diags: &'d mut Vec<Diagnostic>,
    /// Ids written a second time: references to them are ambiguous, and
    /// the duplicate finding already says so.
    pub(super) duplicated: HashSet<String>,
    /// The ids of each kind, sorted, for did-you-mean; gathered the first
    /// time a reference to that kind is unknown.
    pub(super) candidates: [Option<Vec<String>>; Kind::COUNT],
    /// The authors of one milestone's updates as resolved, reused.
    pub(super) authors: Vec<Option<OwnerIx>>,
    /// What each name of the part being built resolved to, when it did
    /// (see [`Builder::lookup_ref`]).
    pub(super) resolved: Vec<Option<EntityRef>>,
    pub(crate) model: Model,
}

impl<'f, 'd> Builder<'f, 'd> {
    /// A builder over `files` that fills `model`.
    pub(super) fn new(files: &'f [Part], diags: &'d mut Vec<Diagnostic>, model: Model) -> Self {
        Builder {
            files,
            diags,
            duplicated: HashSet::new(),
            candidates: Default::default(),
            authors: Vec::new(),
            resolved: Vec::new(),
            model,
        }
    }

    /// The same builder, all it holds kept, over other parts: none while
    /// the milestones are taken out of theirs, the parts again after.
    pub(super) fn over<'g>(self, files: &'g [Part]) -> Builder<'g, 'd> {
        let Builder {
            diags,
            duplicated,
            candidates,
            authors,
            resolved,
            model,
            ..
        } = self;
        Builder {
            files,
            diags,
            duplicated,
            candidates,
            authors,
            resolved,
            model,
        }
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

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
}

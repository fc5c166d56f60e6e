//! The stages of [`crate::load`], public so each can be timed on its own.
//!
//! `load` is `read`, then `build`, then [`PlanGraph::build`], then `check`.
//! Reading and parsing, the costliest stage, runs one file per task on the
//! rayon pool; results are put back in the caller's file order, so output
//! does not depend on the number of threads.

use rayon::prelude::*;

use crate::build::Part;
use crate::diag::{self, Code, Diagnostic, Severity};
use crate::graph::PlanGraph;
use crate::model::Model;
use crate::reach::Reach;
use crate::source::{FileId, Loc, Source};
use crate::{Input, PlanSet, build, load, settings, validate};

/// Every file decoded and parsed, its milestones prepared (see
/// [`crate::build`]) and its other records as read.
#[derive(Clone, Debug)]
pub struct Read {
    pub sources: Vec<Source>,
    /// The files that could be read as TOML, in file order.
    pub parts: Vec<Part>,
    /// False when some file could not be read at all.
    pub all_read: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// The model built from the raw records; the records are dropped.
#[derive(Clone, Debug)]
pub struct Built {
    pub sources: Vec<Source>,
    pub model: Model,
    pub reach: Reach,
    pub settings: settings::Settings,
    pub all_read: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes, parses and prepares every file, in parallel, keeping every
/// file's text.
pub fn read(inputs: Vec<Input>) -> Read {
    read_with(inputs, Texts::Keep)
}

/// What to do with the text of a file once it is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Texts {
    /// Keep every text.
    #[default]
    Keep,
    /// Let go of the text of each file in which reading found no problem
    /// (see [`crate::Source::released`]): on a large plan set the texts
    /// take as much memory as the model, and are needed only to show
    /// findings.
    Release,
}

/// Decodes, parses and prepares every file, in parallel. Each file's raw
/// records are let go as soon as its milestones are prepared, on the same
/// thread, so the memory they took is reused for the next file.
pub fn read_with(inputs: Vec<Input>, texts: Texts) -> Read {
    let per_file: Vec<(Source, Option<Part>, Vec<Diagnostic>)> = inputs
        .into_par_iter()
        .enumerate()
        .map(|(i, input)| {
            let file = FileId(u32::try_from(i).expect("fewer than 2^32 files"));
            let mut diagnostics = Vec::new();
            let mut source = load::decode(file, input.name, input.bytes, &mut diagnostics);
            let part = if diagnostics.is_empty() {
                load::parse(file, &source.text, &mut diagnostics)
                    .map(|raw| build::prepare(file, raw, &mut diagnostics))
            } else {
                None
            };
            if texts == Texts::Release && diagnostics.is_empty() {
                source.release();
            }
            (source, part, diagnostics)
        })
        .collect();
    let mut read = Read {
        sources: Vec::with_capacity(per_file.len()),
        parts: Vec::with_capacity(per_file.len()),
        all_read: true,
        diagnostics: Vec::new(),
    };
    for (source, part, diagnostics) in per_file {
        match part {
            Some(part) => read.parts.push(part),
            None => read.all_read = false,
        }
        read.sources.push(source);
        read.diagnostics.extend(diagnostics);
    }
    read
}

/// Reads the settings and builds the model.
pub fn build(read: Read) -> Built {
    let Read {
        sources,
        mut parts,
        all_read,
        mut diagnostics,
    } = read;
    let mut settings_seen: Option<Loc> = None;
    let mut settings = settings::Settings::default();
    for part in &parts {
        let file = &part.file;
        if let Some(s) = &part.raw.settings {
            let here = Loc::new(*file, s.span());
            match &settings_seen {
                Some(first) => diagnostics.push(
                    Diagnostic::new(Code::DuplicateSettings, here, "a second `[settings]` table")
                        .label("second")
                        .secondary(first.clone(), "first")
                        .help("keep all settings in one `[settings]` table (plans/settings.toml)"),
                ),
                None => {
                    settings = settings::Settings::from_raw(*file, s.get_ref(), &mut diagnostics);
                    settings_seen = Some(here);
                }
            }
        }
    }
    // From the records as written, before the milestones move into the model.
    let reach = Reach::of(&parts, sources.len());
    let mut model = build::build(&mut parts, &mut diagnostics);
    crate::narrative::build(&parts, &mut model, &mut diagnostics);
    // What is left of the parts (the records other than milestones, the
    // ids referred to) is freed on the pool while the caller goes on.
    rayon::spawn(move || drop(parts));
    Built {
        sources,
        model,
        reach,
        settings,
        all_read,
        diagnostics,
    }
}

/// Runs the whole-model checks and puts the findings in order.
pub fn check(built: Built, graph: PlanGraph) -> PlanSet {
    let Built {
        sources,
        model,
        reach,
        settings,
        all_read,
        mut diagnostics,
    } = built;
    if all_read {
        let had_errors = diagnostics.iter().any(|d| d.severity() == Severity::Error);
        validate::validate(&model, &graph, &mut diagnostics);
        if had_errors {
            // Items with errors are left out of the model, so what they
            // referred to would look unused: keep only certain warnings.
            diagnostics.retain(|d| d.severity() == Severity::Error);
        }
    } else {
        // With a file unread, references into it look unknown and its items
        // look unused: say only what is certain.
        diagnostics.retain(|d| !matches!(d.code, Code::UnknownRef | Code::WrongKindRef));
    }
    // Every place is shown with an excerpt: keep it inside its text.
    for d in &mut diagnostics {
        for label in std::iter::once(&mut d.primary).chain(&mut d.secondary) {
            // A let-go text is settled from what was kept of it.
            label.loc.span = sources[label.loc.file.index()].settle(label.loc.span.clone());
        }
    }
    diag::sort(&mut diagnostics);
    // Two routes to the same finding must not show it twice.
    diagnostics.dedup();
    PlanSet {
        sources,
        model,
        graph,
        settings,
        diagnostics,
        reach,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTRY: &str = "[[owner]]\nid = \"o\"\nrole = \"r\"\norg = \"g\"\n";
    const TYPO: &str = "[[owner]]\nid = \"p\"\nrole = \"r\"\norgg = \"g\"\n";
    const BAD_REF: &str = "[[board]]\nid = \"b\"\nname = \"B\"\nreports-to = \"nobody\"\n";

    fn inputs() -> Vec<Input> {
        vec![
            Input::new("registry.toml", REGISTRY),
            Input::new("typo.toml", TYPO),
            Input::new("boards.toml", BAD_REF),
        ]
    }

    #[test]
    fn texts_are_let_go_only_where_reading_found_nothing() {
        let kept = crate::load(inputs());
        let lean = crate::load_with(inputs(), Texts::Release);
        assert_eq!(kept.diagnostics, lean.diagnostics);
        // The unknown board is found after reading: that file's text goes
        // too, and the caller reads it again to show the finding.
        assert!(lean.diagnostics.iter().any(|d| d.file() == FileId(2)));
        let texts: Vec<&str> = lean.sources.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["", TYPO, ""]);
        for (source, text) in lean.sources.iter().zip([REGISTRY, TYPO, BAD_REF]) {
            assert!(source.is_text(text), "{}", source.name);
            assert!(!source.is_text(&format!("{text} ")), "{}", source.name);
        }
        assert!(kept.sources.iter().all(|s| s.released.is_none()));
    }
}

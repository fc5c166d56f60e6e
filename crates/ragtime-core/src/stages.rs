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
    pub settings: settings::Settings,
    pub all_read: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes, parses and prepares every file, in parallel. Each file's raw
/// records are let go as soon as its milestones are prepared, on the same
/// thread, so the memory they took is reused for the next file.
pub fn read(inputs: Vec<Input>) -> Read {
    let per_file: Vec<(Source, Option<Part>, Vec<Diagnostic>)> = inputs
        .into_par_iter()
        .enumerate()
        .map(|(i, input)| {
            let file = FileId(u32::try_from(i).expect("fewer than 2^32 files"));
            let mut diagnostics = Vec::new();
            let source = load::decode(file, input.name, input.bytes, &mut diagnostics);
            let part = if diagnostics.is_empty() {
                load::parse(file, &source.text, &mut diagnostics)
                    .map(|raw| build::prepare(file, raw, &mut diagnostics))
            } else {
                None
            };
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
    let model = build::build(&mut parts, &mut diagnostics);
    // What is left of the parts (the records other than milestones, the
    // ids referred to) is freed on the pool while the caller goes on.
    rayon::spawn(move || drop(parts));
    Built {
        sources,
        model,
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
    diag::sort(&mut diagnostics);
    PlanSet {
        sources,
        model,
        graph,
        settings,
        diagnostics,
    }
}

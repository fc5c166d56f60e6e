//! Ragtime's core: plan files in, a checked model of strategies, priorities,
//! commitments and milestones out.
//!
//! The core does no file I/O and never prints. The caller hands [`load`] each
//! file's name and bytes and gets back a [`PlanSet`]: the sources, the typed
//! [`Model`], the [`PlanGraph`] over it, and every [`Diagnostic`] found, so a
//! single run reports every problem.

pub mod build;
pub mod diag;
pub mod graph;
pub mod load;
pub mod model;
pub mod raw;
pub mod report;
pub mod settings;
pub mod source;
mod validate;

pub use diag::{Code, Diagnostic, Label, Severity};
pub use graph::{Edge, Holdings, Oversight, PlanGraph};
pub use model::*;
pub use source::{FileId, Loc, Source};

/// One plan file as read by the caller.
#[derive(Clone, Debug)]
pub struct Input {
    /// How the file is named in messages (usually its path).
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Input {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// A loaded plan set: what could be read, and every problem found.
#[derive(Clone, Debug)]
pub struct PlanSet {
    pub sources: Vec<Source>,
    pub model: Model,
    pub graph: PlanGraph,
    /// The rating rules: the `[settings]` table, or the defaults.
    pub settings: settings::Settings,
    /// Sorted by file, position and code.
    pub diagnostics: Vec<Diagnostic>,
}

impl PlanSet {
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Warning)
            .count()
    }

    /// True when the plan set can be reported on.
    pub fn is_sound(&self) -> bool {
        self.error_count() == 0
    }

    pub fn source(&self, file: FileId) -> &Source {
        &self.sources[file.index()]
    }
}

/// Reads, checks and models a plan set. Never fails: problems are findings.
///
/// Files are taken in the order given; give them in a stable order (the CLI
/// sorts by path) so that output is the same from run to run.
pub fn load(inputs: Vec<Input>) -> PlanSet {
    let mut diagnostics = Vec::new();
    let mut sources = Vec::with_capacity(inputs.len());
    let mut raws = Vec::with_capacity(inputs.len());
    let mut all_read = true;
    for (i, input) in inputs.into_iter().enumerate() {
        let file = FileId(u32::try_from(i).expect("fewer than 2^32 files"));
        let before = diagnostics.len();
        let source = load::decode(file, input.name, input.bytes, &mut diagnostics);
        if diagnostics.len() == before {
            match load::parse(file, &source.text, &mut diagnostics) {
                Some(raw) => raws.push((file, raw)),
                None => all_read = false,
            }
        } else {
            all_read = false;
        }
        sources.push(source);
    }

    let mut settings_seen: Option<Loc> = None;
    let mut settings = settings::Settings::default();
    for (file, raw) in &raws {
        if let Some(s) = &raw.settings {
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

    let model = build::build(&raws, &mut diagnostics);
    let graph = PlanGraph::build(&model);
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
            let text = &sources[label.loc.file.index()].text;
            label.loc.span = source::settle(text, label.loc.span.clone());
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
    }
}

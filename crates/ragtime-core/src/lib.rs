//! Ragtime's core: plan files in, a checked model of strategies, priorities,
//! commitments and milestones out.
//!
//! The core does no file I/O and never prints. The caller hands [`load`] each
//! file's name and bytes and gets back a [`PlanSet`]: the sources, the typed
//! [`Model`], the [`PlanGraph`] over it, and every [`Diagnostic`] found, so a
//! single run reports every problem.

pub mod build;
pub mod calendar;
pub mod diag;
pub mod edit;
pub mod governance;
pub mod graph;
pub mod load;
pub mod model;
pub mod period;
pub mod rating;
pub mod raw;
pub mod report;
pub mod rollup;
pub mod schema;
pub mod settings;
pub mod source;
pub mod stages;
mod validate;

#[cfg(test)]
mod proptests;

pub use diag::{Code, Diagnostic, Label, Severity};
pub use graph::{Edge, Holdings, Oversight, PlanGraph};
pub use model::*;
pub use source::{FileId, Loc, Released, Source};

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
    load_with(inputs, stages::Texts::Keep)
}

/// As [`load`], with the choice of letting go of the texts of the files in
/// which reading found no problem ([`stages::Texts::Release`]). A finding
/// found later in such a file (an unknown reference, a circle, a date
/// outside its strategy) still points at it; to show its excerpt, read the
/// file again and check it with [`Source::is_text`].
pub fn load_with(inputs: Vec<Input>, texts: stages::Texts) -> PlanSet {
    let read = stages::read_with(inputs, texts);
    let built = stages::build(read);
    let graph = PlanGraph::build(&built.model);
    stages::check(built, graph)
}

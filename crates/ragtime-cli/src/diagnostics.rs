//! Rendering findings: excerpts with underlines (human) or one line each
//! (short), and the closing summary.

use std::io::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
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
    let mut primary = Snippet::source(primary_source.text.as_str())
        .path(primary_source.name.as_str())
        .annotation(
            AnnotationKind::Primary
                .span(d.primary.loc.span.clone())
                .label(label(&d.primary.text)),
        );
    let mut others: Vec<Snippet<'_, _>> = Vec::new();
    for s in &d.secondary {
        let ann = AnnotationKind::Context
            .span(s.loc.span.clone())
            .label(label(&s.text));
        if s.loc.file == d.file() {
            primary = primary.annotation(ann);
        } else {
            let src = plans.source(s.loc.file);
            others.push(
                Snippet::source(src.text.as_str())
                    .path(src.name.as_str())
                    .annotation(ann),
            );
        }
    }
    let mut group = title.element(primary);
    for o in others {
        group = group.element(o);
    }
    if let Some(help) = &d.help {
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

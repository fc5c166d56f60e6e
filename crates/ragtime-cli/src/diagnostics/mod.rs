//! Rendering findings: excerpts with underlines (human) or one line each
//! (short), and the closing summary.
//!
//! Each finding is shown from an excerpt of its file ([`excerpt`]): the
//! lines it underlines, so that the work per finding does not grow with
//! the file. The plain layout of the usual shapes is written directly
//! ([`plain`]); colour and every other shape go to `annotate-snippets`.

mod excerpt;
mod plain;
mod summary;
#[cfg(test)]
mod tests;

pub use summary::{focused_summary, summary};

use std::io::{BufWriter, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Padding, Renderer, Snippet};
use ragtime_core::{Diagnostic, FileId, PlanSet, Severity};
use rayon::prelude::*;

use crate::cli::DiagnosticFormat;
use excerpt::{LineIndex, SPARSE_FROM, without_c1};

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
    let mut out = BufWriter::with_capacity(1 << 16, out);
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
    out.flush()
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
    /// Colour is left to the renderer; the plain layout is written here.
    color: bool,
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
            color,
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
        if !bare
            && !self.color
            && let Some(text) = self.plain(d, &files)
        {
            return text;
        }
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

    /// The finding in the plain layout, when it is a shape [`plain`]
    /// writes; `files` are its labels by file, the primary's first.
    fn plain(&self, d: &Diagnostic, files: &[(FileId, Labels<'_>)]) -> Option<String> {
        let mut excerpts = Vec::with_capacity(files.len());
        for (file, anns) in files {
            let text = self.text(*file);
            if text.is_empty() {
                return None;
            }
            let spans: Vec<Range<usize>> = anns.iter().map(|a| a.1.clone()).collect();
            excerpts.push(self.lines(*file).excerpt(text, &spans, SPARSE_FROM));
        }
        let parts: Vec<plain::Part<'_>> = files
            .iter()
            .zip(&excerpts)
            .map(|((file, anns), part)| plain::Part {
                path: self.plans.source(*file).name.as_str(),
                text: &part.text,
                line_start: part.line_start,
                labels: anns
                    .iter()
                    .zip(&part.spans)
                    .map(|(&(kind, _, text), span)| plain::Label {
                        primary: kind == AnnotationKind::Primary,
                        span: span.clone(),
                        text,
                    })
                    .collect(),
            })
            .collect();
        let message = crate::safe_text::escape(&d.message);
        let help = d.help.as_deref().map(crate::safe_text::escape);
        let level = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        plain::render(level, d.code.as_str(), &message, &parts, help.as_deref())
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

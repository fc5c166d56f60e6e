//! Excerpts: the lines of a text a finding underlines, found through an
//! index of where each line starts, so that no finding reads its whole
//! file.

use std::borrow::Cow;
use std::ops::Range;

/// The excerpt with each C1 control character (which the renderer passes
/// through, and an 8-bit terminal obeys) shown as U+FFFD, the spans moved
/// to match. The renderer shows the other control characters as pictures.
pub(super) fn without_c1(part: Excerpt<'_>) -> Excerpt<'_> {
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

/// Where each line of a text starts, to find lines by byte offset quickly.
pub(super) struct LineIndex {
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
pub(super) struct Excerpt<'t> {
    pub text: Cow<'t, str>,
    pub line_start: usize,
    pub spans: Vec<Range<usize>>,
}

/// Excerpts of more lines than this have the lines no span is on or next to
/// emptied (see [`LineIndex::excerpt`]).
pub(super) const SPARSE_FROM: usize = 12;

impl LineIndex {
    pub(super) fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        // `match_indices` of a character searches with `memchr`.
        starts.extend(
            text.match_indices('\n')
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
    pub(super) fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
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
    pub(super) fn excerpt<'t>(
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

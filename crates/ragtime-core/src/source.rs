//! Plan sources: the named texts the core reads, and positions within them.
//!
//! The core never opens files. The caller hands it each file's name and bytes;
//! everything found later points back here by [`FileId`] and byte range.

use std::ops::Range;

/// Index of a source in the plan set, in the order the caller supplied them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

impl FileId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A byte range in a plan file, in 32 bits: plan files are capped far
/// below 4 GiB (see [`crate::load::MAX_FILE_BYTES`]). The model keeps its
/// many places this way, the file once per item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The span of `range`; offsets past 4 GiB are held at the end.
    pub fn of(range: Range<usize>) -> Span {
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Span {
            start: clamp(range.start),
            end: clamp(range.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The place it is in `file`.
    pub fn loc(self, file: FileId) -> Loc {
        Loc::new(file, self.range())
    }
}

/// A place in a source: a file and a byte range within it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: FileId,
    pub span: Range<usize>,
}

impl Loc {
    pub fn new(file: FileId, span: Range<usize>) -> Self {
        Loc { file, span }
    }
}

/// One plan file as the core sees it: its name (a path, for messages) and its
/// text. A file that was not UTF-8 keeps only the text up to the line where
/// it stops being UTF-8 (or none), for the excerpt.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    /// The text; empty once let go (see [`Source::released`]).
    pub text: String,
    /// Set when the text was let go after reading, as
    /// [`crate::load_with`] may: a caller that needs it again, to show a
    /// finding's excerpt, reads the file again and checks it with
    /// [`Source::is_text`].
    pub released: Option<Released>,
}

/// What is kept of a text that was let go: enough to tell it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Released {
    len: usize,
    /// Where the last line ends (before a final line break), so that
    /// spans can still be settled (see [`settle`]) without the text.
    last_line_end: usize,
    hash: u64,
}

impl Released {
    fn of(text: &str) -> Released {
        use std::hash::BuildHasher;
        Released {
            len: text.len(),
            last_line_end: end_of_last_line(text),
            hash: foldhash::fast::FixedState::with_seed(0x5241_4754_494d_4521).hash_one(text),
        }
    }
}

impl Source {
    pub(crate) fn new(name: String, text: String) -> Source {
        Source {
            name,
            text,
            released: None,
        }
    }

    /// Lets go of the text, keeping what tells it again.
    pub(crate) fn release(&mut self) {
        self.released = Some(Released::of(&self.text));
        self.text = String::new();
    }

    /// [`settle`] of `span` in this source's text, kept or let go. A text
    /// is let go only when reading found no problem in it, so its spans
    /// are on character boundaries and only their ends need settling.
    pub fn settle(&self, span: Range<usize>) -> Range<usize> {
        match self.released {
            None => settle(&self.text, span),
            Some(r) => {
                let start = span.start.min(r.len);
                if start == r.len {
                    return r.last_line_end..r.last_line_end;
                }
                start..span.end.min(r.len).max(start)
            }
        }
    }

    /// Whether `text` is this source's text: the one kept, or the one let
    /// go (same length and hash).
    pub fn is_text(&self, text: &str) -> bool {
        match self.released {
            Some(r) => r == Released::of(text),
            None => self.text == text,
        }
    }

    /// Line and column (both 1-based, column counted in characters) of a byte
    /// offset. Offsets past the end are clamped to the end.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }
}

/// `span` made safe to show in `text`: within it, on character boundaries,
/// and never after a final newline (the end of a text is shown at the end
/// of its last line, see [`line_col`]).
pub fn settle(text: &str, span: Range<usize>) -> Range<usize> {
    let floor = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let end_of_last_line = end_of_last_line(text);
    let start = floor(span.start);
    if start == text.len() {
        return end_of_last_line..end_of_last_line;
    }
    start..floor(span.end).max(start)
}

/// Where the last line of `text` ends, before a final line break.
fn end_of_last_line(text: &str) -> usize {
    text.strip_suffix('\n').map_or(text.len(), |t| {
        t.strip_suffix('\r').map_or(t.len(), str::len)
    })
}

/// Line and column (both 1-based; the column counts characters) of `offset`.
///
/// The very end of a text that ends with a newline counts as the end of its
/// last line, not the start of an empty one: that is where "unexpected end
/// of file" belongs, and where the excerpt can show it.
///
/// This reads the text up to `offset`; for many look-ups in one text, build
/// a [`LineIndex`] once.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// Where each line of a text starts, so that many positions in one text
/// can be turned into lines and columns without reading it each time.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Where 0-based `line` starts.
    pub fn start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// Where 0-based `line` ends in `text`, after its line break: where
    /// the next line starts, or the end of the text.
    pub fn end(&self, text: &str, line: usize) -> usize {
        self.starts
            .get(line + 1)
            .map_or(text.len(), |&next| next.min(text.len()))
    }

    /// [`line_col`] of `offset` in `text`, the text this index was built
    /// from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        if offset == text.len() {
            offset = text
                .strip_suffix('\n')
                .map_or(offset, |t| t.strip_suffix('\r').map_or(t.len(), str::len));
        }
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line(offset);
        let col = text
            .get(self.start(line)..offset)
            .map_or(0, |before| before.chars().count());
        (line + 1, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn line_col_counts_from_one_and_in_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // 'é' is two bytes; the '=' after "bé " is the fourth character.
        assert_eq!(line_col(text, 10), (2, 4));
        // The end of the text is the end of its last line.
        assert_eq!(line_col(text, 999), (2, 7));
        assert_eq!(line_col(text, text.len()), (2, 7));
        assert_eq!(line_col("a\r\n", 3), (1, 2));
        assert_eq!(line_col("a", 1), (1, 2));
        assert_eq!(line_col("", 0), (1, 1));
        assert_eq!(line_col("\n", 1), (1, 1));
    }

    #[test]
    fn a_line_index_agrees_with_reading_the_text() {
        use super::LineIndex;
        let text = "a = 1\r\nbé = 2\n\nc = 3";
        let index = LineIndex::new(text);
        for offset in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(index.line_col(text, offset), (line, col), "{offset}");
        }
        assert_eq!(index.line_col(text, text.len()), (4, 6));
        assert_eq!(index.line(7), 1);
        assert_eq!((index.start(0), index.end(text, 0)), (0, 7));
        assert_eq!((index.start(1), index.end(text, 1)), (7, 15));
        assert_eq!((index.start(2), index.end(text, 2)), (15, 16));
        assert_eq!((index.start(3), index.end(text, 3)), (16, 21));
    }

    #[test]
    fn settle_keeps_spans_inside_the_text() {
        use super::settle;
        let text = "a = \"é\"\n";
        assert_eq!(settle(text, 0..1), 0..1);
        // From inside 'é' (bytes 5 and 6): back to its start.
        assert_eq!(settle(text, 6..7), 5..7);
        assert_eq!(settle(text, 5..6), 5..5);
        assert_eq!(settle(text, 3..99), 3..text.len());
        // The end of the text: the end of the last line.
        assert_eq!(settle(text, text.len()..text.len()), 8..8);
        assert_eq!(settle(text, 99..120), 8..8);
        assert_eq!(settle("x\r\n", 3..3), 1..1);
        assert_eq!(settle("", 4..9), 0..0);
    }

    #[test]
    fn a_let_go_text_settles_spans_as_the_text_would() {
        for text in ["a = \"b\"\n", "a = 1\r\n", "a = 1", ""] {
            let kept = super::Source::new("a.toml".into(), text.into());
            let mut lean = kept.clone();
            lean.release();
            for span in [0..1, 2..5, 4..text.len(), text.len()..text.len(), 9..12] {
                assert_eq!(
                    lean.settle(span.clone()),
                    kept.settle(span.clone()),
                    "{text:?} {span:?}"
                );
            }
        }
    }
}

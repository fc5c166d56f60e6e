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
/// text. A file that was not valid UTF-8 keeps an empty text.
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
    hash: u64,
}

impl Released {
    fn of(text: &str) -> Released {
        use std::hash::BuildHasher;
        Released {
            len: text.len(),
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

/// Line and column (both 1-based; the column counts characters) of `offset`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
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
        assert_eq!(line_col(text, 999), (3, 1));
    }
}

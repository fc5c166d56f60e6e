//! Text measured and wrapped as a terminal shows it: widths in columns of
//! the screen (a wide character takes two, a combining mark none), and
//! lines broken between words.
//!
//! One measure is used everywhere, for laying out and for padding, so a
//! column is never wider on screen than it was planned: textwrap's
//! `display_width` (each character's width by the Unicode tables, as a
//! terminal counts them).

use ragtime_core::build::MAX_ID_LEN;

use crate::write::cells::normalise_newlines;
use textwrap::WordSeparator;
use textwrap::core::{Fragment, Word};
use textwrap::wrap_algorithms::wrap_first_fit;

/// Words up to this many columns are never broken: every id fits in it,
/// and ids are what people search for and copy. A longer word (a web
/// address, say) cannot be an id and is broken where the line ends.
pub const WHOLE_WORD: usize = MAX_ID_LEN;

/// How many columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// The widest line of `text`, which may hold line breaks.
pub fn widest_line(text: &str) -> usize {
    text.split(['\n', '\r']).map(width).max().unwrap_or(0)
}

/// The lines of `text`, unwrapped; `\r\n` and a lone `\r` break lines too.
pub fn lines(text: &str) -> Vec<String> {
    normalise_newlines(text)
        .split('\n')
        .map(str::to_string)
        .collect()
}

/// The widest word of `text` that is never broken (see [`WHOLE_WORD`]).
pub fn widest_whole_word(text: &str) -> usize {
    text.split([' ', '\n'])
        .map(width)
        .filter(|&w| w <= WHOLE_WORD)
        .max()
        .unwrap_or(0)
}

/// Whether `text` has more than one word, so that it can wrap.
pub fn has_words(text: &str) -> bool {
    text.trim_matches([' ', '\n']).contains([' ', '\n'])
}

/// `text` wrapped between words: the first line at most `first` columns,
/// the others at most `rest`. Line breaks in the text are kept. A word
/// wider than its line is kept whole if it may be an id (see
/// [`WHOLE_WORD`]), and broken otherwise; it is the one thing that can
/// make a line wider than asked.
pub fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let narrowest = first.min(rest).max(1);
    let text = normalise_newlines(text);
    for paragraph in text.split('\n') {
        let mut words: Vec<Word> = Vec::new();
        for word in WordSeparator::AsciiSpace.find_words(paragraph) {
            if word.width() > WHOLE_WORD as f64 {
                words.extend(word.break_apart(narrowest));
            } else {
                words.push(word);
            }
        }
        let widths = if lines.is_empty() {
            [first as f64, rest as f64]
        } else {
            [rest as f64, rest as f64]
        };
        for line in wrap_first_fit(&words, &widths) {
            let mut text = String::new();
            for (i, word) in line.iter().enumerate() {
                text.push_str(word.word);
                if i + 1 < line.len() {
                    text.push_str(word.whitespace);
                }
            }
            lines.push(text.trim_end_matches(' ').to_string());
        }
    }
    lines
}

/// `text` wrapped to `width` with every line after the first indented by
/// `hang` spaces, as one string.
pub fn fill(text: &str, width: Option<usize>, hang: usize) -> String {
    match width {
        None => normalise_newlines(text),
        Some(w) => {
            let indent = " ".repeat(hang);
            let lines = wrap(text, w, w.saturating_sub(hang));
            let mut out = String::new();
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                    if !line.is_empty() {
                        out.push_str(&indent);
                    }
                }
                out.push_str(line);
            }
            out
        }
    }
}

/// Spaces to fill `used` columns up to `width`.
pub fn pad(used: usize, width: usize) -> String {
    " ".repeat(width.saturating_sub(used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("Café"), 4);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn wraps_between_words() {
        assert_eq!(
            wrap("Launch the foster carer recruitment campaign", 16, 16),
            ["Launch the", "foster carer", "recruitment", "campaign"]
        );
        assert_eq!(wrap("one two three", 7, 20), ["one two", "three"]);
        assert_eq!(wrap("", 10, 10), [""]);
        assert_eq!(wrap("a\n\nb", 10, 10), ["a", "", "b"]);
    }

    #[test]
    fn wraps_wide_characters_by_their_width() {
        let lines = wrap("日本語 日本語 日本語", 13, 13);
        assert_eq!(lines, ["日本語 日本語", "日本語"]);
        assert!(lines.iter().all(|l| width(l) <= 13));
    }

    /// An id longer than the line stays whole; a word longer than any id
    /// is broken to fit.
    #[test]
    fn ids_stay_whole_and_longer_words_break() {
        let id = "CPS-P1-C1-M1-a-rather-long-milestone-id";
        assert_eq!(wrap(&format!("see {id}"), 20, 20), ["see", id]);
        let url = format!("https://example.invalid/{}", "x".repeat(60));
        let lines = wrap(&url, 30, 30);
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:?}");
        assert_eq!(lines.concat(), url);
    }

    #[test]
    fn fill_hangs_later_lines() {
        assert_eq!(
            fill("Rollup rule: worst of the milestones", Some(20), 2),
            "Rollup rule: worst\n  of the milestones"
        );
        assert_eq!(fill("no width: one line", None, 2), "no width: one line");
    }
}

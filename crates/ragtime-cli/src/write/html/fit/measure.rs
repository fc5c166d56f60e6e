//! How a cell's content sets in print: its width on one line, the
//! narrowest it can be without breaking a word, and its height in lines
//! at a width, wrapped between words as the page will wrap it.
//!
//! A cell is measured once ([`Measured`]): its words' widths are kept, so
//! that its height at each of the many widths `shares` tries is a wrap of
//! numbers, not of text; and since a cell never takes more lines for more
//! width, its heights at a run of rising widths are worked out only where
//! they change ([`Measured::heights`]).

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

use super::{Content, Page};
use crate::write::html::metrics::Face;

/// How wide the content would be on one line.
pub(super) fn text_width(page: &Page, content: Content<'_>) -> f64 {
    match content {
        Content::Words(text) => page.body.width(text),
        Content::Rating { flag, .. } => flag.map_or(0.0, |f| page.flag.width(f)),
        Content::Line(_) | Content::Lines(_) | Content::Chart { .. } => 0.0,
    }
}

pub(super) fn wraps(content: Content<'_>) -> bool {
    match content {
        Content::Words(text) => text.contains(char::is_whitespace),
        Content::Rating { flag, .. } => flag.is_some(),
        Content::Line(_) | Content::Lines(_) | Content::Chart { .. } => false,
    }
}

pub(super) fn longest_word(face: Face, text: &str) -> f64 {
    text.split_whitespace()
        .map(|w| face.width(w))
        .fold(0.0, f64::max)
}

/// The narrowest the content can be set without breaking a word.
pub(super) fn least_width(page: &Page, content: Content<'_>) -> f64 {
    match content {
        Content::Words(text) => longest_word(page.body, text),
        Content::Line(text) => page.body.width(text),
        Content::Lines(lines) => lines.iter().map(|l| page.body.width(l)).fold(0.0, f64::max),
        Content::Rating { label, flag } => {
            let pill = page.body.width(label) * 1.08 + page.pill_pt;
            flag.map_or(pill, |f| pill.max(longest_word(page.flag, f)))
        }
        Content::Chart { width_pt, .. } => width_pt,
    }
}

/// The content's height in lines of body text, set `width` points wide.
#[cfg(test)]
pub(super) fn height(page: &Page, content: Content<'_>, width: f64) -> f64 {
    Measured::new(page, content).height(width)
}

/// A cell measured once: its widths, and what its height at any width
/// depends on.
pub(super) struct Measured {
    /// [`least_width`].
    pub least: f64,
    /// [`text_width`].
    pub text: f64,
    /// [`wraps`].
    pub wraps: bool,
    height: Height,
}

/// What a cell's height depends on.
enum Height {
    /// The same at any width: a line, lines of their own, a chart.
    Fixed(f64),
    /// Words in the body face, at least a line.
    Words(Paragraphs),
    /// A rating's pill on a line, and its flag's lines in the flag face,
    /// in lines of the body face's size.
    Rating {
        flag: Paragraphs,
        flag_pt: f64,
        body_pt: f64,
    },
}

impl Measured {
    pub(super) fn new(page: &Page, content: Content<'_>) -> Measured {
        // Words are measured once, for the narrowest as for the lines.
        let (least, height) = match content {
            Content::Words(text) => {
                let words = Paragraphs::new(page.body, text);
                (words.longest_word(), Height::Words(words))
            }
            Content::Rating { label, flag } => {
                let flag_words = Paragraphs::new(page.flag, flag.unwrap_or(""));
                let pill = page.body.width(label) * 1.08 + page.pill_pt;
                let least = match flag {
                    Some(_) => pill.max(flag_words.longest_word()),
                    None => pill,
                };
                let height = Height::Rating {
                    flag: flag_words,
                    flag_pt: page.flag.size_pt,
                    body_pt: page.body.size_pt,
                };
                (least, height)
            }
            Content::Line(_) => (least_width(page, content), Height::Fixed(1.0)),
            Content::Lines(lines) => (
                least_width(page, content),
                Height::Fixed(lines.len().max(1) as f64),
            ),
            Content::Chart { lines, .. } => (least_width(page, content), Height::Fixed(lines)),
        };
        Measured {
            least,
            text: text_width(page, content),
            wraps: wraps(content),
            height,
        }
    }

    /// The height in lines of body text, set `width` points wide.
    pub(super) fn height(&self, width: f64) -> f64 {
        match &self.height {
            Height::Fixed(lines) => *lines,
            Height::Words(words) => words.line_count(width).max(1) as f64,
            Height::Rating {
                flag,
                flag_pt,
                body_pt,
            } => {
                // No flag has no paragraph, so no lines.
                let flag_lines = flag.line_count(width);
                1.0 + flag_lines as f64 * flag_pt / body_pt
            }
        }
    }

    /// The height at each of `widths`, which rise: the same as
    /// [`Measured::height`] at each, measured at the ends of a run and
    /// between them only when they differ, since more width never takes
    /// more lines (a first-fit line ends no earlier on a wider line).
    /// `out` is as long as `widths`.
    pub(super) fn heights(&self, widths: &[f64], out: &mut [f64]) {
        let Some(last) = widths.len().checked_sub(1) else {
            return;
        };
        if let Height::Fixed(lines) = self.height {
            out.fill(lines);
            return;
        }
        out[0] = self.height(widths[0]);
        out[last] = self.height(widths[last]);
        self.fill_between(widths, out, 0, last);
    }

    /// Fills `out` strictly between `lo` and `hi`, whose heights are known.
    fn fill_between(&self, widths: &[f64], out: &mut [f64], lo: usize, hi: usize) {
        if hi - lo < 2 {
            return;
        }
        if out[lo] == out[hi] {
            let same = out[lo];
            out[lo + 1..hi].fill(same);
            return;
        }
        let mid = lo + (hi - lo) / 2;
        out[mid] = self.height(widths[mid]);
        self.fill_between(widths, out, lo, mid);
        self.fill_between(widths, out, mid, hi);
    }
}

/// Text measured word by word, line by line of the text.
struct Paragraphs(Vec<Paragraph>);

/// A line of the text, its words measured.
struct Paragraph {
    words: Vec<Word>,
    /// The width it fits on one line at: the sum first-fit wrapping tests
    /// last, before the last word (wider than any it tested before), as
    /// that wrapping adds it up; minus infinity for a word or none.
    one_line: f64,
}

impl Paragraphs {
    fn new(face: Face, text: &str) -> Paragraphs {
        let space = face.width(" ");
        Paragraphs(
            text.lines()
                .map(|paragraph| {
                    let words: Vec<Word> = paragraph
                        .split_whitespace()
                        .map(|w| Word {
                            width: face.width(w),
                            space,
                        })
                        .collect();
                    let one_line = match words.split_last() {
                        Some((last, before)) if !before.is_empty() => {
                            let mut width = 0.0;
                            for word in before {
                                width += word.width() + word.whitespace_width();
                            }
                            width + last.width() + last.penalty_width()
                        }
                        _ => f64::NEG_INFINITY,
                    };
                    Paragraph { words, one_line }
                })
                .collect(),
        )
    }

    /// The widest of its words.
    fn longest_word(&self) -> f64 {
        self.0
            .iter()
            .flat_map(|p| &p.words)
            .map(|w| w.width)
            .fold(0.0, f64::max)
    }

    /// How many lines the text takes set `width` points wide; a line of
    /// the text with no words still takes one.
    fn line_count(&self, width: f64) -> usize {
        self.0
            .iter()
            .map(|p| {
                if p.one_line > width {
                    wrap_first_fit(&p.words, &[width]).len().max(1)
                } else {
                    1
                }
            })
            .sum()
    }
}

/// A word and the space after it, measured in points.
#[derive(Debug)]
struct Word {
    width: f64,
    space: f64,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.space
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// How many lines `text` takes set `width` points wide.
pub(super) fn line_count(face: Face, text: &str, width: f64) -> usize {
    Paragraphs::new(face, text).line_count(width)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn page() -> Page {
        let body = Face {
            size_pt: 7.0,
            narrow: true,
            bold: false,
        };
        Page {
            width_pt: 500.0,
            body,
            flag: Face {
                size_pt: 6.0,
                ..body
            },
            heading: Face { bold: true, ..body },
            padding_pt: 6.5,
            pill_pt: 7.0,
            sideways_pt: 20.0,
        }
    }

    /// Words of a few lengths, with single and double spaces and line
    /// breaks between them, and sometimes a blank line.
    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(("[a-zA-Z0-9é\u{2191}]{0,14}", "( |  |\n|\n\n)"), 0..30)
            .prop_map(|parts| parts.into_iter().map(|(w, s)| w + &s).collect())
    }

    fn content(words: &str, flagged: bool, kind: u8) -> Content<'_> {
        match kind % 2 {
            0 => Content::Words(words),
            _ => Content::Rating {
                label: "Amber",
                flag: flagged.then_some(words),
            },
        }
    }

    proptest! {
        /// Heights worked out only where they change are the heights at
        /// every width, as a cell measured at each would give them.
        #[test]
        fn heights_at_rising_widths_are_each_widths_height(
            words in text(),
            flagged in any::<bool>(),
            kind in any::<u8>(),
            from in 0.0f64..80.0,
            step in 0.5f64..8.0,
            steps in 1usize..130,
        ) {
            let page = page();
            let cell = Measured::new(&page, content(&words, flagged, kind));
            let widths: Vec<f64> = (0..steps).map(|k| from + step * k as f64).collect();
            let each: Vec<f64> = widths.iter().map(|&w| cell.height(w)).collect();
            let mut heights = vec![0.0; widths.len()];
            cell.heights(&widths, &mut heights);
            prop_assert_eq!(heights, each);
        }

        /// A line of text fits on one line exactly when first-fit wrapping
        /// sets it on one.
        #[test]
        fn one_line_as_wrapping_finds_it(words in text(), width in 0.0f64..300.0) {
            for p in &Paragraphs::new(page().body, &words).0 {
                let wrapped = wrap_first_fit(&p.words, &[width]).len();
                prop_assert_eq!(p.one_line <= width, wrapped == 1);
            }
        }

        /// More width never takes more lines, which `heights` stands on.
        #[test]
        fn more_width_never_takes_more_lines(
            words in text(),
            narrow in 0.0f64..200.0,
            more in 0.0f64..200.0,
        ) {
            let face = page().body;
            prop_assert!(
                line_count(face, &words, narrow + more) <= line_count(face, &words, narrow)
            );
        }
    }

    #[test]
    fn measured_once_as_measured_each_time() {
        let page = page();
        let flag = "marked on target, but overdue by 92 days";
        let cell = Measured::new(
            &page,
            Content::Rating {
                label: "Amber",
                flag: Some(flag),
            },
        );
        assert_eq!(
            cell.least,
            least_width(
                &page,
                Content::Rating {
                    label: "Amber",
                    flag: Some(flag)
                }
            )
        );
        assert_eq!(cell.text, page.flag.width(flag));
        assert!(cell.wraps);
        assert_eq!(cell.height(1000.0), 1.0 + 6.0 / 7.0);
        assert_eq!(Measured::new(&page, Content::Words("")).height(10.0), 1.0);
        for words in [
            "",
            "one",
            "  two words  ",
            "a\nlong line of words set\n\nwide",
        ] {
            let cell = Measured::new(&page, Content::Words(words));
            assert_eq!(cell.least, least_width(&page, Content::Words(words)));
            assert_eq!(cell.text, text_width(&page, Content::Words(words)));
        }
        assert_eq!(
            Measured::new(&page, Content::Words("one\n\ntwo")).height(1000.0),
            3.0
        );
        let none = Measured::new(
            &page,
            Content::Rating {
                label: "Red",
                flag: None,
            },
        );
        assert!(!none.wraps);
        let mut heights = [0.0; 3];
        none.heights(&[1.0, 2.0, 3.0], &mut heights);
        assert_eq!(heights, [1.0; 3]);
    }
}

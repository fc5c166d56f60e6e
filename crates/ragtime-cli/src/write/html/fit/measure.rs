//! How a cell's content sets in print: its width on one line, the
//! narrowest it can be without breaking a word, and its height in lines
//! at a width, wrapped between words as the page will wrap it.

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
pub(super) fn height(page: &Page, content: Content<'_>, width: f64) -> f64 {
    match content {
        Content::Words(text) => line_count(page.body, text, width).max(1) as f64,
        Content::Line(_) => 1.0,
        Content::Lines(lines) => lines.len().max(1) as f64,
        Content::Rating { flag, .. } => {
            let flag_lines = flag.map_or(0, |f| line_count(page.flag, f, width));
            1.0 + flag_lines as f64 * page.flag.size_pt / page.body.size_pt
        }
        Content::Chart { lines, .. } => lines,
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
    let space = face.width(" ");
    text.lines()
        .map(|paragraph| {
            let words: Vec<Word> = paragraph
                .split_whitespace()
                .map(|w| Word {
                    width: face.width(w),
                    space,
                })
                .collect();
            wrap_first_fit(&words, &[width]).len().max(1)
        })
        .sum()
}

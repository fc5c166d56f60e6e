//! The file's layout around a place in its text: where lines start and
//! end, the indentation, the line ending, the next token, and the style
//! of the update entries already written, so that a new entry looks like
//! its neighbours.

use toml_edit::{Item, Table};

/// The offset just past the line that `offset` is on (past its `\n`), or the
/// end of the text when that line is the last and has no newline.
pub(super) fn line_end(text: &str, offset: usize) -> usize {
    text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The blanks before `offset` on its line, if only blanks precede it.
pub(super) fn indentation(text: &str, offset: usize) -> Option<&str> {
    let before = &text[line_start(text, offset)..offset];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(before)
}

/// The line ending the file uses at `offset` (the end of the line before
/// it), or the file's first line ending, or `\n`.
pub(super) fn newline_at(text: &str, offset: usize) -> &'static str {
    let before = &text[..offset];
    if before.ends_with("\r\n") {
        "\r\n"
    } else if before.ends_with('\n') {
        "\n"
    } else if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// How the file lays out its update entries: the indentation of the header
/// and of the keys, and whether a blank line comes before each entry.
pub(super) struct Style {
    pub(super) header: String,
    pub(super) keys: String,
    pub(super) blank_before: bool,
}

/// Whether the line above the one at `offset`, skipping comment lines, is
/// blank (or there is none).
fn blank_above(text: &str, offset: usize) -> bool {
    let mut start = line_start(text, offset);
    while start > 0 {
        let above = line_start(text, start - 1);
        let line = text[above..start].trim();
        if line.is_empty() {
            return true;
        }
        if !line.starts_with('#') {
            return false;
        }
        start = above;
    }
    true
}

/// The style of the last `[[milestone.update]]` entry of this milestone, or
/// of the first one in the file, or two spaces.
pub(super) fn block_style(text: &str, root: &Table, milestone: &Table) -> Style {
    let entry_style = |t: &Table| -> Option<Style> {
        let start = t.span()?.start;
        let header = indentation(text, start)?.to_string();
        let first_key = t
            .iter()
            .filter_map(|(name, _)| t.get_key_value(name)?.0.span())
            .map(|s| s.start)
            .min();
        let keys = match first_key {
            Some(k) => indentation(text, k)?.to_string(),
            None => header.clone(),
        };
        Some(Style {
            header,
            keys,
            blank_before: blank_above(text, start),
        })
    };
    let own = milestone
        .get("update")
        .and_then(Item::as_array_of_tables)
        .and_then(|a| a.iter().last())
        .and_then(entry_style);
    let any = || {
        root.get("milestone")
            .and_then(Item::as_array_of_tables)?
            .iter()
            .filter_map(|m| m.get("update").and_then(Item::as_array_of_tables))
            .flat_map(|a| a.iter())
            .find_map(entry_style)
    };
    own.or_else(any).unwrap_or(Style {
        header: "  ".into(),
        keys: "  ".into(),
        blank_before: true,
    })
}

/// Where the next non-blank, non-comment character after `offset` is.
pub(super) fn next_token(text: &str, mut offset: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    while offset < bytes.len() {
        match bytes[offset] {
            b' ' | b'\t' | b'\r' | b'\n' => offset += 1,
            b'#' => offset = line_end(text, offset),
            _ => return text[offset..].chars().next().map(|c| (offset, c)),
        }
    }
    None
}

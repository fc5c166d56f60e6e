//! Places in a plan file's text that the parser does not give: the line
//! around a byte, table headers and their names, where a duplicated key was
//! first written, and the key a value is written for.

use std::ops::Range;

/// The start and end (before the newline) of the line holding `at`.
pub(crate) fn line_around(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let start = text.as_bytes()[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    start..line_end(text.as_bytes(), at)
}

fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[')
}

pub(crate) fn on_header_line(text: &str, at: usize) -> bool {
    is_header(&text[line_around(text, at)])
}

/// Where the next table header after the line holding `at` starts.
pub(super) fn next_header(text: &str, at: usize) -> usize {
    let mut start = line_around(text, at).end;
    while start < text.len() {
        let line = line_around(text, start + 1);
        if is_header(&text[line.clone()]) {
            return line.start;
        }
        start = line.end;
    }
    text.len()
}

/// `a.b` for the header line `[[ a.b ]]  # note`.
pub(crate) fn header_name(line: &str) -> &str {
    line.trim_start()
        .trim_start_matches('[')
        .split(']')
        .next()
        .unwrap_or_default()
        .trim()
}

/// Where a duplicated key was first written, searching back from `at`: the
/// same header, or the same key in the same table. The parser knows but
/// does not say; a key written unusually (quoted, dotted) is not found.
/// Each line read counts against `look_back`.
pub(super) fn first_written(
    text: &str,
    at: usize,
    written: &str,
    header: bool,
    look_back: &mut usize,
) -> Option<Range<usize>> {
    let this = line_around(text, at);
    let name = header_name(&text[this.clone()]);
    let mut end = this.start;
    loop {
        if end == 0 || *look_back == 0 {
            return None;
        }
        *look_back -= 1;
        let line = line_around(text, end - 1);
        let written_line = &text[line.clone()];
        let trimmed = written_line.trim_start();
        let indent = line.start + written_line.len() - trimmed.len();
        if header {
            if is_header(trimmed) && header_name(trimmed) == name {
                let offset = trimmed.find(written)?;
                return Some(indent + offset..indent + offset + written.len());
            }
        } else if is_header(trimmed) {
            return None;
        } else if trimmed
            .strip_prefix(written)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return Some(indent..indent + written.len());
        }
        end = line.start;
    }
}

/// The key of a `key = value` pair, from the text before the value.
pub(crate) fn key_before(text: &str, value_start: usize) -> Option<&str> {
    let before = text
        .get(..value_start)?
        .trim_end()
        .strip_suffix('=')?
        .trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let key = &before[start..];
    (!key.is_empty()).then_some(key)
}

pub(crate) fn clamp(span: Range<usize>, text: &str) -> Range<usize> {
    crate::source::settle(text, span)
}

/// Where the line holding byte `at` ends (before its newline).
pub(crate) fn line_end(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i)
}

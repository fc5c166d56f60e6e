//! TOML syntax errors as findings, without the noise: the parser's errors
//! for one file, cut to what is news (one per line, one for a list never
//! closed, one for a table written twice), with places it does not give
//! (where a duplicated key was first written, the line of a key nested too
//! deep), and the numbers it accepts without reading.
//!
//! This module cuts the errors down and words them; the places the parser
//! does not give are found in the text by `places.rs`, and the numbers it
//! accepts unread are found by `numbers.rs`.

mod numbers;
mod places;
#[cfg(test)]
mod tests;

pub(crate) use numbers::check_numbers;
pub(crate) use places::{clamp, header_name, key_before, line_around, line_end, on_header_line};

use std::ops::Range;

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Loc};

use places::{first_written, next_header};

/// The parser's errors as findings, without the noise that follows a first
/// mistake.
pub(crate) fn syntax_findings(
    file: FileId,
    text: &str,
    errors: &[toml::de::Error],
    diags: &mut Vec<Diagnostic>,
) {
    // Errors without a place all get the same guessed one: convert the
    // first only, as finding the place reads the whole text.
    let mut placeless = false;
    // Lines that may be read in all to find where duplicated keys were
    // first written: plenty for a plan, bounded for a huge broken file.
    let mut look_back = 100_000;
    let mut found: Vec<Diagnostic> = errors
        .iter()
        .filter(|err| err.span().is_some() || !std::mem::replace(&mut placeless, true))
        .map(|err| syntax_diagnostic(file, text, err, &mut look_back))
        .collect();
    found.sort_by_key(|d| d.primary.loc.span.start);
    // A list or inline table that is never closed swallows the rest of the
    // file, and the parser reports nearly every later line: past the line
    // where it opens, nothing the parser says is news.
    let unclosed = never_closed(text);
    let unclosed_line = unclosed.map(|(at, _)| line_around(text, at));
    let mut shown_on_unclosed_line = false;
    // After a mistake the parser often trips again further along the same
    // line (an unclosed quote, a missing comma): only the first finding on
    // a line is news.
    let (mut offset, mut line, mut last_line) = (0, 0, None);
    // A table header written twice reopens the first table, so each of its
    // keys is then "duplicate" too: one finding for the header is enough,
    // up to the next header.
    let mut reopened_until = 0;
    for d in found {
        let start = d.primary.loc.span.start;
        if unclosed_line.as_ref().is_some_and(|l| start > l.end) {
            break;
        }
        line += text.as_bytes()[offset..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        offset = start;
        if d.message.starts_with("duplicate key") {
            if on_header_line(text, start) {
                reopened_until = next_header(text, start);
            } else if start < reopened_until {
                continue;
            }
        }
        if last_line != Some(line) {
            last_line = Some(line);
            shown_on_unclosed_line |= unclosed_line.as_ref().is_some_and(|l| l.contains(&start));
            diags.push(d);
        }
    }
    if let Some((at, bracket)) = unclosed
        && !shown_on_unclosed_line
    {
        let (what, close) = if bracket == '[' {
            ("list", ']')
        } else {
            ("inline table", '}')
        };
        diags.push(
            Diagnostic::new(
                Code::Syntax,
                Loc::new(file, at..at + 1),
                format!("this `{bracket}` is never closed"),
            )
            .label(format!("the {what} starts here"))
            .help(format!("close the {what} with `{close}` where it ends")),
        );
    }
}

/// The outermost `[` or `{` of a value that is still open at the end of
/// the text, if any. A light scan, not a parser: it skips strings and
/// comments and does not count table headers.
fn never_closed(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut open: Vec<(usize, u8)> = Vec::new();
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let rest = &bytes[i..];
        if line_start && !b.is_ascii_whitespace() {
            line_start = false;
            if b == b'[' && open.is_empty() {
                // A table header: not a value.
                i = line_end(bytes, i);
                continue;
            }
        }
        match b {
            b'\n' => line_start = true,
            b'#' => {
                i = line_end(bytes, i);
                continue;
            }
            b'"' | b'\'' => {
                let multi = rest.starts_with(&[b, b, b]);
                let quote: &[u8] = if multi { &rest[..3] } else { &rest[..1] };
                let mut j = i + quote.len();
                let mut closed = false;
                while j < bytes.len() {
                    if bytes[j..].starts_with(quote) {
                        closed = true;
                        break;
                    }
                    if !multi && bytes[j] == b'\n' {
                        break;
                    }
                    // Basic strings have escapes; literal strings do not.
                    j += if b == b'"' && bytes[j] == b'\\' { 2 } else { 1 };
                }
                i = if closed {
                    j + quote.len()
                } else {
                    j.min(bytes.len())
                };
                continue;
            }
            b'[' | b'{' => open.push((i, b)),
            b']' | b'}' => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    open.first().map(|&(at, b)| (at, char::from(b)))
}

fn syntax_diagnostic(
    file: FileId,
    text: &str,
    err: &toml::de::Error,
    look_back: &mut usize,
) -> Diagnostic {
    let message = err.message().trim();
    let first_line = message.lines().next().unwrap_or("invalid TOML");
    let rest: Vec<&str> = message
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if message.contains("recursion") {
        return too_deep(file, text, err.span(), message);
    }
    let span = clamp(err.span().unwrap_or(0..0), text);
    let written = text.get(span.clone()).unwrap_or_default();
    // The parser's "expected literal string" would only confuse here.
    let first_line = if first_line.starts_with("string values must be quoted") {
        "string values must be quoted"
    } else {
        first_line
    };
    let mut d = if first_line == "duplicate key" {
        duplicate_key(file, text, span.clone(), written, look_back)
    } else {
        Diagnostic::new(Code::Syntax, Loc::new(file, span.clone()), first_line)
    };
    if !rest.is_empty() {
        d = d.label(rest.join("; "));
    }
    // Only for words (`at-risk`, `Head of Fostering`); `3 y` is more likely
    // a missing comma than text.
    if first_line == "string values must be quoted"
        && written.chars().next().is_some_and(char::is_alphabetic)
    {
        // `key = ` when the value has a key of its own (not a list element).
        let name = key_before(text, span.start);
        let key = name.map_or(String::new(), |k| format!("{k} = "));
        d = d.help(format!(
            "put text in double quotes: `{key}\"{}\"`",
            crate::hints::quoted_value(name, written)
        ));
    } else if first_line == "string values must be quoted"
        && let Some(date) = crate::hints::iso_date(written)
    {
        let key = key_before(text, span.start).map_or(String::new(), |k| format!("{k} = "));
        d = d.help(format!(
            "write dates year first, without quotes: `{key}{date}`"
        ));
    }
    d
}

/// Nesting beyond the parser's limit. Deep dotted keys come without a
/// place, so point at the line whose key has the most dots.
fn too_deep(file: FileId, text: &str, span: Option<Range<usize>>, message: &str) -> Diagnostic {
    let span = match span {
        Some(span) => clamp(span, text),
        None => {
            let mut best = (0, 0..0);
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                let key = line.split('=').next().unwrap_or_default();
                let dots = key.matches('.').count();
                if dots > best.0 {
                    let indent = line.len() - line.trim_start().len();
                    best = (dots, start + indent..start + key.trim_end().len());
                }
                start += line.len();
            }
            best.1
        }
    };
    let what = if message.contains("recurse further") {
        "lists or tables are nested deeper than the parser allows"
    } else {
        "a key has more parts than the parser allows"
    };
    Diagnostic::new(Code::TooDeep, Loc::new(file, span), what)
        .label("too deep")
        .help("flatten the structure: plan files need at most three levels")
}

fn duplicate_key(
    file: FileId,
    text: &str,
    span: Range<usize>,
    written: &str,
    look_back: &mut usize,
) -> Diagnostic {
    let header = on_header_line(text, span.start);
    let mut d = Diagnostic::new(
        Code::Syntax,
        Loc::new(file, span.clone()),
        format!("duplicate key `{written}`"),
    )
    .label("written a second time");
    if let Some(first) = first_written(text, span.start, written, header, look_back) {
        d = d.secondary(Loc::new(file, first), "first written here");
    }
    let name = header_name(&text[line_around(text, span.start)]);
    if !header {
        d.help("a key may appear once in each table: remove one of them")
    } else if name == "strategy" || name == "settings" {
        d.help(format!(
            "a file holds one `[{name}]` table: put the other in its own file"
        ))
    } else if name == "recommendation.response" {
        d.help("a recommendation has one response: keep one `[recommendation.response]`")
    } else {
        d.help(format!(
            "write `[[{name}]]` (double brackets) on every item to make a list"
        ))
    }
}

//! The renderer's plain layout, written directly for the shapes findings
//! nearly always take: each label on a line of its own, within that line,
//! on lines of printable ASCII short enough not to be cut. For those it
//! writes exactly what `annotate-snippets` writes (a property test in
//! `tests.rs` compares the two), in a fraction of the time: `check` on a
//! large plan set shows tens of thousands of findings, and the renderer
//! costs several microseconds each. Anything else (colour, tabs, wide or
//! non-ASCII characters, a span over several lines or of no width, two
//! labels on one line, long lines) is left to `annotate-snippets`: this
//! returns `None`.

use std::fmt::Write;
use std::ops::Range;

/// One label of a finding.
pub struct Label<'a> {
    pub primary: bool,
    /// Within the part's text.
    pub span: Range<usize>,
    /// Empty for none.
    pub text: &'a str,
}

/// The labels of a finding in one file, on an excerpt of its text.
pub struct Part<'a> {
    pub path: &'a str,
    /// Whole lines; the first is `line_start`.
    pub text: &'a str,
    pub line_start: usize,
    pub labels: Vec<Label<'a>>,
}

/// Lines longer than this are cut by the renderer (around the label); so
/// is an underline reaching past it.
const LONGEST: usize = 100;

/// A label placed on its line.
struct Placed<'a> {
    primary: bool,
    /// The line's index in the part's text, and the line.
    line: usize,
    /// Column (0-based) and length of the underline.
    col: usize,
    len: usize,
    text: &'a str,
}

/// The finding as `annotate-snippets` renders it plainly (with `level`
/// `error` or `warning`), or `None` when it is not a shape written here.
pub fn render(
    level: &str,
    code: &str,
    message: &str,
    parts: &[Part<'_>],
    help: Option<&str>,
) -> Option<String> {
    if !printable(message) || help.is_some_and(|h| !printable(h)) || parts.is_empty() {
        return None;
    }
    let mut placed: Vec<(Vec<&str>, Vec<Placed<'_>>)> = Vec::with_capacity(parts.len());
    for part in parts {
        placed.push(place(part)?);
    }
    // The first part holds the primary label.
    if !placed[0].1.iter().any(|p| p.primary) {
        return None;
    }
    let widest = parts
        .iter()
        .zip(&placed)
        .filter_map(|(part, (_, labels))| labels.last().map(|l| part.line_start + l.line))
        .max()?;
    let w = digits(widest);
    let margin = " ".repeat(w + 1);
    let mut out = String::with_capacity(256);
    let _ = write!(out, "{level}[{code}]: {message}");
    for (n, (part, (lines, labels))) in parts.iter().zip(&placed).enumerate() {
        let origin = if n == 0 {
            labels.iter().find(|l| l.primary)?
        } else {
            labels.first()?
        };
        let (arrow, before) = if n == 0 { ("-->", "") } else { (":::", "|\n") };
        let _ = write!(
            out,
            "\n{}{before}{}{arrow} {}:{}:{}\n{margin}|",
            if n == 0 { "" } else { margin.as_str() },
            " ".repeat(w),
            part.path,
            part.line_start + origin.line,
            origin.col + 1,
        );
        let mut last: Option<usize> = None;
        for label in labels {
            match last {
                Some(prev) if label.line == prev + 2 => {
                    source_line(&mut out, w, part.line_start + prev + 1, lines[prev + 1]);
                }
                Some(prev) if label.line > prev + 2 => out.push_str("\n..."),
                _ => {}
            }
            source_line(&mut out, w, part.line_start + label.line, lines[label.line]);
            let mark = if label.primary { "^" } else { "-" };
            let _ = write!(
                out,
                "\n{margin}| {}{}",
                " ".repeat(label.col),
                mark.repeat(label.len)
            );
            if !label.text.is_empty() {
                let _ = write!(out, " {}", label.text);
            }
            last = Some(label.line);
        }
    }
    if let Some(help) = help {
        let _ = write!(out, "\n{margin}|\n{margin}= help: {help}");
    }
    Some(out)
}

/// The part's lines, and its labels placed on them in line order; `None`
/// for a shape not written here.
fn place<'a>(part: &Part<'a>) -> Option<(Vec<&'a str>, Vec<Placed<'a>>)> {
    let text = part.text;
    if text.contains('\r') {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for line in &lines {
        starts.push(at);
        at += line.len() + 1;
    }
    let mut placed = Vec::with_capacity(part.labels.len());
    for label in &part.labels {
        let span = &label.span;
        let line = starts
            .partition_point(|&s| s <= span.start)
            .checked_sub(1)?;
        let col = span.start - starts[line];
        let shown = lines[line];
        if span.end <= span.start
            || span.end > starts[line] + shown.len()
            || !printable(shown)
            || shown.len() > LONGEST
            || !printable(label.text)
            || col + (span.end - span.start) + 1 + label.text.len() > LONGEST
        {
            return None;
        }
        placed.push(Placed {
            primary: label.primary,
            line,
            col,
            len: span.end - span.start,
            text: label.text,
        });
    }
    placed.sort_by_key(|p| p.line);
    // Two labels on one line are drawn otherwise; and a line shown between
    // two labels must be printable too.
    for pair in placed.windows(2) {
        let (a, b) = (pair[0].line, pair[1].line);
        if a == b || (b == a + 2 && (!printable(lines[a + 1]) || lines[a + 1].len() > LONGEST)) {
            return None;
        }
    }
    Some((lines, placed))
}

/// `12 | text`, or `12 |` for an empty line.
fn source_line(out: &mut String, w: usize, number: usize, text: &str) {
    if text.is_empty() {
        let _ = write!(out, "\n{number:>w$} |");
    } else {
        let _ = write!(out, "\n{number:>w$} | {text}");
    }
}

/// Printable ASCII only: every character one column wide, nothing the
/// renderer would show otherwise.
fn printable(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

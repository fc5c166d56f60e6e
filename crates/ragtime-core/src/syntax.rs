//! TOML syntax errors as findings, without the noise: the parser's errors
//! for one file, cut to what is news (one per line, one for a list never
//! closed, one for a table written twice), with places it does not give
//! (where a duplicated key was first written, the line of a key nested too
//! deep), and the numbers it accepts without reading.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Loc};

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

/// Reports integers and floats the parser let through but cannot read
/// (`0b` with no digits, digits from other scripts, ...).
pub(crate) fn check_numbers(
    file: FileId,
    text: &str,
    table: &DeTable<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    for value in table.values() {
        check_number(file, text, value, diags);
    }
}

fn check_number(
    file: FileId,
    text: &str,
    value: &Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) {
    let bad = match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .is_err()
            .then_some("integer"),
        DeValue::Float(f) => {
            // As the parser reads them: infinity only when written `inf`.
            let ok = f
                .as_str()
                .parse::<f64>()
                .is_ok_and(|v| !v.is_infinite() || f.as_str().contains("inf"));
            (!ok).then_some("number")
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                check_number(file, text, item, diags);
            }
            None
        }
        DeValue::Table(table) => {
            check_numbers(file, text, table, diags);
            None
        }
        _ => None,
    };
    if let Some(what) = bad {
        let span = clamp(value.span(), text);
        let written = text.get(span.clone()).unwrap_or_default();
        diags.push(
            Diagnostic::new(
                Code::Syntax,
                Loc::new(file, span),
                format!("invalid {what} `{written}`"),
            )
            .label("not a number TOML can read")
            .help("write numbers with the digits 0 to 9, e.g. `percent = 40`"),
        );
    }
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
fn next_header(text: &str, at: usize) -> usize {
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
fn first_written(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;
    use crate::testing::{found, load_files, plan_with, text_at};

    fn messages(plans: &crate::PlanSet) -> Vec<&str> {
        plans
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect()
    }

    #[test]
    fn only_the_first_syntax_error_on_a_line_is_shown() {
        let plans = load_files(&[("a.toml", "t = {x = 3 y = 4}\nu = 'ok' 'no'\n")]);
        assert_eq!(found(&plans), ["E0001 a.toml:1:10", "E0001 a.toml:2:10"]);
        // `3 y` is more likely a missing comma than text to quote.
        assert_eq!(plans.diagnostics[0].help, None);
    }

    #[test]
    fn a_list_never_closed_is_one_finding_at_its_start() {
        // The parser would report nearly every line below it.
        let plans = plan_with("boards = [\"cpb\"]", "boards = [\"cpb\"");
        assert_eq!(found(&plans), ["E0001 plan.toml:7:10"]);
        assert_eq!(plans.diagnostics[0].message, "this `[` is never closed");
        // An error on the line where it opens is the news.
        let plans = load_files(&[("a.toml", "a = 1\nu = [1,{2]\nv = 'ok'\nw = 2\n")]);
        assert_eq!(found(&plans), ["E0001 a.toml:2:10"]);
    }

    #[test]
    fn never_closed_skips_strings_comments_and_headers() {
        assert_eq!(never_closed("a = [1,\n 2]\n[b]\nc = { d = 1 }\n"), None);
        assert_eq!(never_closed("a = \"[\" # [\nb = '{'\n[[c]]\n"), None);
        assert_eq!(never_closed("a = \"\"\"\n[\n\"\"\"\nb = \"\\\"[\"\n"), None);
        assert_eq!(
            never_closed("x = 1\na = [1,\n[b]\nc = 2\n"),
            Some((10, '['))
        );
        assert_eq!(never_closed("a = { b = [1] \nc = 2"), Some((4, '{')));
        // An unclosed quote ends at its line.
        assert_eq!(never_closed("a = \"oops\n[b]\n"), None);
    }

    #[test]
    fn unquoted_text_gets_the_quoted_fix() {
        let plans = plan_with("status = \"at-risk\"", "status = at-risk");
        let d = &plans.diagnostics[0];
        assert_eq!(d.message, "string values must be quoted");
        assert_eq!(
            d.help.as_deref(),
            Some("put text in double quotes: `status = \"at-risk\"`")
        );
    }

    #[test]
    fn a_duplicate_key_points_at_both_places() {
        let plans = plan_with(
            "  by = \"hos-fostering\"\n  due",
            "  by = \"hos-fostering\"\n  status = \"on-target\"\n  due",
        );
        assert_eq!(found(&plans), ["E0001 plan.toml:37:3"]);
        let d = &plans.diagnostics[0];
        assert_eq!(d.message, "duplicate key `status`");
        let first = &d.secondary[0];
        assert_eq!(text_at(&plans, first), "status");
        assert_eq!(
            plans.source(first.loc.file).line_col(first.loc.span.start),
            (35, 3)
        );
    }

    #[test]
    fn a_table_written_twice_is_one_finding_not_one_per_key() {
        let plans = plan_with(
            "[[priority]]",
            "[strategy]\nid = \"CPS-2\"\ntitle = \"Care Leavers\"\n\n[[priority]]",
        );
        assert_eq!(messages(&plans), ["duplicate key `strategy`"]);
        let d = &plans.diagnostics[0];
        assert_eq!(
            plans
                .source(d.file())
                .line_col(d.secondary[0].loc.span.start),
            (1, 2)
        );
        assert!(d.help.as_deref().unwrap().contains("its own file"));
        // The help names the whole header.
        let plans = plan_with(
            "  [[milestone.update]]\n  date = 2025-06-30",
            "  [milestone.update]\n  date = 2025-06-30",
        );
        assert_eq!(messages(&plans), ["duplicate key `update`"]);
        assert_eq!(
            plans.diagnostics[0].help.as_deref(),
            Some("write `[[milestone.update]]` (double brackets) on every item to make a list")
        );
    }

    #[test]
    fn numbers_the_parser_let_through_are_syntax_errors() {
        let plans = plan_with(
            "status = \"at-risk\"",
            "status = \"at-risk\"\n  percent = 0b",
        );
        assert_eq!(found(&plans), ["E0001 plan.toml:36:13"]);
        assert_eq!(plans.diagnostics[0].message, "invalid integer `0b`");
        // Under a key nothing reads, too.
        let plans = load_files(&[("a.toml", "x = 1_0\u{0660}\n")]);
        assert_eq!(found(&plans), ["E0001 a.toml:1:5"]);
    }

    #[test]
    fn unusual_but_valid_numbers_are_accepted() {
        let mut diags = Vec::new();
        let text = "a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\ne = nan\nf = -inf\ng = 6.02e23\n";
        assert!(parse(FileId(0), text, &mut diags).is_some());
        // Only the unknown top-level keys.
        assert!(
            diags.iter().all(|d| d.code == Code::UnknownKey),
            "{diags:#?}"
        );
    }

    #[test]
    fn nesting_beyond_the_limit_is_too_deep() {
        let deep = format!("x = {}{}\n", "[".repeat(100), "]".repeat(100));
        let plans = load_files(&[("a.toml", &deep)]);
        assert_eq!(
            messages(&plans),
            ["lists or tables are nested deeper than the parser allows"]
        );
        // A long dotted key is reported without a place: find its line.
        let key = format!("a = 1\n\n{} = 1\n", vec!["k"; 100].join("."));
        let plans = load_files(&[("a.toml", &key)]);
        assert_eq!(found(&plans), ["E0005 a.toml:3:1"]);
    }

    #[test]
    fn key_before_finds_the_key_of_a_value() {
        let text = "due = \"x\"\nbaseline = { date = 1 }\nboards = [\"a\", 7]\né = 1\n";
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(key_before(text, at("\"x\"")), Some("due"));
        assert_eq!(key_before(text, at("{ date")), Some("baseline"));
        assert_eq!(key_before(text, at("1 }")), Some("date"));
        assert_eq!(key_before(text, at("7]")), None);
        // A bare key outside ASCII is not a valid key anyway.
        assert_eq!(key_before(text, at("1\n")), None);
    }
}

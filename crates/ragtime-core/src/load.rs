//! Reading one plan file: bytes to text, text to TOML, TOML to raw records.
//!
//! Parsing never fails: each file yields the records that could be read and a
//! finding for every problem, so `check` reports them all in one run. Each
//! record is deserialized on its own; when one has a bad key or value, the
//! finding is recorded, the offending key is set aside and the record is read
//! again, so one typo does not hide the next.

use std::ops::Range;

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::raw::RawFile;
use crate::source::{FileId, Loc, Source};

/// Files larger than this are refused unread (16 MiB): a plan file that big
/// is a mistake, and reading it would hold up everything else.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The top-level keys of a plan file.
const SECTIONS: &[&str] = &[
    "strategy",
    "settings",
    "owner",
    "board",
    "priority",
    "objective",
    "commitment",
    "milestone",
    "measure",
];

/// Turns a file's bytes into a [`Source`], refusing ones that are too large
/// or not UTF-8. The source always exists so findings can name the file.
pub(crate) fn decode(
    file: FileId,
    name: String,
    bytes: Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> Source {
    if bytes.len() > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::new(
                Code::TooLarge,
                Loc::new(file, 0..0),
                format!(
                    "file is {} bytes, over the cap of {} bytes",
                    bytes.len(),
                    MAX_FILE_BYTES
                ),
            )
            .help("split the plan into several files; each strategy may be a folder"),
        );
        return Source {
            name,
            text: String::new(),
        };
    }
    if let Some(d) = utf16(file, &bytes) {
        diags.push(d);
        return Source {
            name,
            text: String::new(),
        };
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // NUL is valid UTF-8 but never in a text file: it is what UTF-16
            // text without a byte order mark looks like when read as UTF-8.
            if let Some(nul) = text.find('\0') {
                text.truncate(line_end(text.as_bytes(), nul));
                diags.push(
                    Diagnostic::new(
                        Code::NotUtf8,
                        Loc::new(file, nul..nul + 1),
                        format!("file is not UTF-8 text (NUL byte at byte {nul}, as in UTF-16)"),
                    )
                    .label("NUL")
                    .help("save the file as UTF-8 in your editor"),
                );
            }
            Source { name, text }
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // Keep the text to the end of the line where it breaks, the bad
            // bytes shown as U+FFFD, so the excerpt can show the place.
            let end = line_end(&bytes, valid);
            let text = String::from_utf8_lossy(&bytes[..end]).into_owned();
            let bad = valid..valid + char::REPLACEMENT_CHARACTER.len_utf8();
            diags.push(
                Diagnostic::new(
                    Code::NotUtf8,
                    Loc::new(file, bad),
                    format!(
                        "file is not UTF-8 text (invalid byte 0x{:02X} at byte {valid})",
                        bytes[valid]
                    ),
                )
                .label("not UTF-8")
                .help("save the file as UTF-8 in your editor"),
            );
            Source { name, text }
        }
    }
}

/// Where the line holding byte `at` ends (before its newline).
fn line_end(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i)
}

/// A finding for text that starts with a UTF-16 byte order mark.
fn utf16(file: FileId, bytes: &[u8]) -> Option<Diagnostic> {
    let encoding = match bytes {
        [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
        [0xFF, 0xFE, ..] => "UTF-16 (little-endian)",
        _ => return None,
    };
    Some(
        Diagnostic::new(
            Code::NotUtf8,
            Loc::new(file, 0..0),
            format!("file is {encoding} text, not UTF-8"),
        )
        .help("save the file as UTF-8 in your editor"),
    )
}

/// Parses one file's text into raw records, adding a finding for every
/// problem. Returns `None` when the file could not be read as TOML at all
/// (an empty file reads as no records).
pub(crate) fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<RawFile> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        syntax_findings(file, text, &errors, diags);
        return None;
    }
    // The parser checks numbers lazily, when they are read into a field; a
    // malformed number under a key that is never read would slip through,
    // and one under a known key would be reported as a wrong type.
    let before = diags.len();
    check_numbers(file, text, root.get_ref(), diags);
    if diags.len() > before {
        return None;
    }
    let root = root.into_inner();
    if root.is_empty() {
        diags.push(
            Diagnostic::new(Code::EmptyFile, Loc::new(file, 0..0), "file has no keys")
                .help("add a `[strategy]`, `[[owner]]` or `[[board]]` table, or delete the file"),
        );
        // Read, and empty: nothing elsewhere can refer into it, so the other
        // files' references are still checked.
        return Some(RawFile::default());
    }

    let mut raw = RawFile::default();
    for (key, value) in root {
        let key_loc = Loc::new(file, key.span());
        let name = key.get_ref().as_ref();
        if SECTIONS.contains(&name)
            && let Some(d) = orphan_header(file, text, name, &key, value.get_ref())
        {
            diags.push(d);
            continue;
        }
        match name {
            "strategy" | "settings" if !value.get_ref().is_table() => {
                diags.push(
                    Diagnostic::new(
                        Code::WrongType,
                        Loc::new(file, value.span()),
                        format!(
                            "`{name}` at the top of a file must be a `[{name}]` table, found {}",
                            value.get_ref().type_str()
                        ),
                    )
                    .help(if name == "strategy" {
                        "to say which strategy this file's items belong to, write \
                         `strategy = \"...\"` in each `[[priority]]` and `[[measure]]`"
                    } else {
                        "write the settings under a `[settings]` header"
                    }),
                );
            }
            "strategy" => raw.strategy = record(file, text, value, diags, &mut raw.broken_ids),
            "settings" => raw.settings = record(file, text, value, diags, &mut raw.broken_ids),
            "owner" => raw.owners = records(file, text, name, value, diags, &mut raw.broken_ids),
            "board" => raw.boards = records(file, text, name, value, diags, &mut raw.broken_ids),
            "priority" => {
                raw.priorities = records(file, text, name, value, diags, &mut raw.broken_ids)
            }
            "objective" => {
                raw.objectives = records(file, text, name, value, diags, &mut raw.broken_ids)
            }
            "commitment" => {
                raw.commitments = records(file, text, name, value, diags, &mut raw.broken_ids)
            }
            "milestone" => {
                raw.milestones = records(file, text, name, value, diags, &mut raw.broken_ids)
            }
            "measure" => {
                raw.measures = records(file, text, name, value, diags, &mut raw.broken_ids)
            }
            other => diags.push(unknown_key(key_loc, other, SECTIONS)),
        }
    }
    Some(raw)
}

/// A `[[milestone.update]]` (or `[strategy.approved]`) header with no
/// `[[milestone]]` (or `[strategy]`) above it: the parser makes up an empty
/// parent, whose missing keys would only confuse. One finding instead.
fn orphan_header(
    file: FileId,
    text: &str,
    section: &str,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    value: &DeValue<'_>,
) -> Option<Diagnostic> {
    let at = key.span().start;
    // A parent written after its child (`[strategy]` below
    // `[strategy.approved]`) is valid TOML: it has keys of its own.
    let made_up = value.as_table().is_some_and(|t| {
        t.values()
            .all(|v| v.get_ref().is_table() || v.get_ref().is_array())
    });
    if !made_up || !on_header_line(text, at) {
        return None;
    }
    let line = &text[line_around(text, at)];
    let header = header_name(line);
    let child = header.strip_prefix(section)?.strip_prefix('.')?;
    let brackets = |name: &str| {
        if line.trim_start().starts_with("[[") {
            format!("[[{name}]]")
        } else {
            format!("[{name}]")
        }
    };
    let parent = if section == "strategy" || section == "settings" {
        format!("[{section}]")
    } else {
        format!("[[{section}]]")
    };
    Some(
        Diagnostic::new(
            Code::MissingKey,
            Loc::new(file, key.span()),
            format!("`{}` has no `{parent}` above it", brackets(header)),
        )
        .label(format!("belongs to a `{parent}`"))
        .help(format!(
            "put the `{child}` below the `{parent}` it belongs to, in the same file"
        )),
    )
}

/// The parser's errors as findings, without the noise that follows a first
/// mistake.
fn syntax_findings(
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
fn check_numbers(file: FileId, text: &str, table: &DeTable<'_>, diags: &mut Vec<Diagnostic>) {
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
        let key = key_before(text, span.start).map_or(String::new(), |k| format!("{k} = "));
        d = d.help(format!(
            "put text in double quotes: `{key}\"{}\"`",
            written.trim()
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
    } else {
        d.help(format!(
            "write `[[{name}]]` (double brackets) on every item to make a list"
        ))
    }
}

/// The start and end (before the newline) of the line holding `at`.
fn line_around(text: &str, at: usize) -> Range<usize> {
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

fn on_header_line(text: &str, at: usize) -> bool {
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
fn header_name(line: &str) -> &str {
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
fn key_before(text: &str, value_start: usize) -> Option<&str> {
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

fn clamp(span: Range<usize>, text: &str) -> Range<usize> {
    crate::source::settle(text, span)
}

fn unknown_key(loc: Loc, key: &str, expected: &[&str]) -> Diagnostic {
    let d = Diagnostic::new(Code::UnknownKey, loc, format!("unknown key `{key}`"))
        .label("not a key here");
    // A milestone's progress belongs in its update log, not on the
    // milestone itself: say so rather than suggest a milestone key.
    const UPDATE_ONLY: &[&str] = &[
        "status", "by", "note", "percent", "reason", "action", "date",
    ];
    if expected.contains(&"update") && did_you_mean(key, UPDATE_ONLY.iter().copied()).is_some() {
        return d.help(
            "progress goes in the update log: add a `[[milestone.update]]` \
             with `date`, `status` and `by` below the milestone",
        );
    }
    match did_you_mean(key, expected.iter().copied()) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None => d.help(format!(
            "expected one of {}",
            expected
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Reads an array of tables (`[[milestone]]`), one record at a time.
fn records<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    section: &str,
    value: Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
    broken: &mut Vec<String>,
) -> Vec<Spanned<T>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => items
            .into_iter()
            .filter_map(|item| {
                if item.get_ref().is_table() {
                    return record(file, text, item, diags, broken);
                }
                // `owner = ["dcs"]` instead of an `[[owner]]` table.
                diags.push(
                    Diagnostic::new(
                        Code::WrongType,
                        Loc::new(file, item.span()),
                        format!(
                            "each `{section}` must be a table, found {}",
                            item.get_ref().type_str()
                        ),
                    )
                    .help(format!("write each item under a `[[{section}]]` header")),
                );
                None
            })
            .collect(),
        DeValue::Table(table) => {
            // `[milestone]` instead of `[[milestone]]`: read it, but say so.
            diags.push(
                Diagnostic::new(
                    Code::WrongType,
                    Loc::new(file, span.clone()),
                    format!("`{section}` must be a list of tables"),
                )
                .help(format!(
                    "write `[[{section}]]` (double brackets) so the file can hold several"
                )),
            );
            record(
                file,
                text,
                Spanned::new(span, DeValue::Table(table)),
                diags,
                broken,
            )
            .into_iter()
            .collect()
        }
        other => {
            diags.push(
                Diagnostic::new(
                    Code::WrongType,
                    Loc::new(file, span),
                    format!(
                        "`{section}` must be a list of tables, found {}",
                        other.type_str()
                    ),
                )
                .help(format!("write each item under a `[[{section}]]` header")),
            );
            Vec::new()
        }
    }
}

/// Reads one record, reporting every bad key or value it can find.
fn record<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    value: Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
    broken: &mut Vec<String>,
) -> Option<Spanned<T>> {
    let span = value.span();
    if !value.get_ref().is_table() {
        diags.push(Diagnostic::new(
            Code::WrongType,
            Loc::new(file, span),
            format!("expected a table, found {}", value.get_ref().type_str()),
        ));
        return None;
    }
    let mut value = value;
    // Keys set aside so far: a later "missing field" naming one of them is a
    // consequence of setting it aside, not news.
    let mut removed: Vec<String> = Vec::new();
    for _ in 0..64 {
        let attempt = value.clone();
        match T::deserialize(attempt.into_deserializer()) {
            // Read without its bad keys, the record still takes part in the
            // later checks; the findings already stop any report.
            Ok(record) => return Some(Spanned::new(span, record)),
            Err(err) => {
                let err_span = err.span().unwrap_or(span.clone());
                let message = err.message().to_string();
                let missing = message.starts_with("missing field");
                let consequence = missing
                    && backticked(&message)
                        .first()
                        .is_some_and(|k| removed.contains(k));
                if !consequence {
                    diags.push(field_diagnostic(
                        file,
                        text,
                        &value,
                        (span.clone(), err_span.clone()),
                        &message,
                    ));
                }
                if missing && err_span == span {
                    // The record itself lacks a required key: nothing more
                    // can be learnt from it.
                    remember_id(&value, broken);
                    return None;
                }
                match remove_at(value.get_mut(), &err_span) {
                    Some(key) => removed.push(key),
                    None => {
                        remember_id(&value, broken);
                        return None;
                    }
                }
            }
        }
    }
    remember_id(&value, broken);
    None
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn remember_id(value: &Spanned<DeValue<'_>>, broken: &mut Vec<String>) {
    if let Some(id) = value.get_ref().get("id").and_then(|v| v.get_ref().as_str()) {
        broken.push(id.to_string());
    }
}

/// Removes the key or array element that `span` points at, searching the
/// whole record: the spans of array-of-tables entries cover only their
/// `[[header]]`, so containment alone cannot find a key in their body.
/// Returns the removed key's name (`[]` for an array element).
fn remove_at(value: &mut DeValue<'_>, span: &Range<usize>) -> Option<String> {
    match value {
        DeValue::Table(table) => {
            let mut hit = None;
            for (key, item) in table.iter_mut() {
                if contains(&key.span(), span) {
                    hit = Some(key.clone());
                    break;
                }
                let nested = matches!(item.get_ref(), DeValue::Table(_) | DeValue::Array(_));
                if nested {
                    if let Some(removed) = remove_at(item.get_mut(), span) {
                        return Some(removed);
                    }
                    if item.span() == *span {
                        hit = Some(key.clone());
                        break;
                    }
                } else if contains(&item.span(), span) {
                    hit = Some(key.clone());
                    break;
                }
            }
            let key = hit?;
            table.remove(&key);
            Some(key.get_ref().to_string())
        }
        DeValue::Array(array) => {
            let mut items: Vec<_> = std::mem::replace(array, toml::de::DeArray::new())
                .into_iter()
                .collect();
            let mut removed = None;
            for i in 0..items.len() {
                if let Some(r) = remove_at(items[i].get_mut(), span) {
                    removed = Some(r);
                    break;
                }
                if contains(&items[i].span(), span) {
                    items.remove(i);
                    removed = Some("[]".to_string());
                    break;
                }
            }
            *array = items.into_iter().collect();
            removed
        }
        _ => None,
    }
}

/// Turns a serde error on a record into a finding with a stable code.
/// `spans` are the record's and the error's.
fn field_diagnostic(
    file: FileId,
    text: &str,
    record: &Spanned<DeValue<'_>>,
    (record_span, span): (Range<usize>, Range<usize>),
    message: &str,
) -> Diagnostic {
    let span = clamp(span, text);
    let loc = Loc::new(file, span.clone());
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let words = backticked(rest);
        let key = words.first().cloned().unwrap_or_default();
        let expected: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
        return unknown_key(loc, &key, &expected);
    }
    let written = text.get(span.clone()).unwrap_or_default();
    if message.starts_with("missing field") {
        let key = backticked(message).into_iter().next().unwrap_or_default();
        let of = record
            .get_ref()
            .get("id")
            .and_then(|v| v.get_ref().as_str())
            .map(|id| format!(" of `{id}`"))
            .unwrap_or_default();
        // A nested table (an update, a baseline) lacks the key: name it.
        let within = if span == record_span {
            String::new()
        } else if written.starts_with('[') {
            format!(" in `{}`", written.lines().next().unwrap_or(written).trim())
        } else {
            key_before(text, span.start)
                .map(|k| format!(" in `{k}`"))
                .unwrap_or_else(|| " in this table".to_string())
        };
        return Diagnostic::new(
            Code::MissingKey,
            loc,
            format!("missing key `{key}`{within}{of}"),
        )
        .label(format!("this table needs `{key}`"))
        .help(format!(
            "add `{key} = ...` to this table (see docs/plan-format.md)"
        ));
    }
    let first = message.lines().next().unwrap_or(message).trim();
    let Some((found, expected)) = first
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    else {
        return Diagnostic::new(Code::WrongType, loc, first);
    };
    let expected = match expected {
        "a string" => "text in quotes",
        "i64" | "u64" | "i32" | "u32" | "u8" => "a whole number",
        "f64" | "f32" => "a number",
        "a boolean" => "`true` or `false`",
        "a sequence" => "a list in square brackets",
        "a TOML datetime" => "a date",
        other if other.starts_with("struct ") || other == "a map" => "a table",
        other => other,
    };
    let found = if let Some(s) = found.strip_prefix("string ") {
        format!("the text {s}")
    } else if found == "map" && !written.starts_with('{') && !written.starts_with('[') {
        // Dates reach serde as maps.
        format!("the date `{written}`")
    } else if found == "map" {
        "a table".to_string()
    } else if found == "sequence" {
        "a list".to_string()
    } else if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        format!("the number {}", n.trim_matches('`'))
    } else {
        found.replace("boolean ", "")
    };
    let d = Diagnostic::new(
        Code::WrongType,
        loc,
        format!("expected {expected}, found {found}"),
    );
    // `key = ` when the value has a key of its own (not a list element).
    let key = key_before(text, span.start).map_or(String::new(), |k| format!("{k} = "));
    let unquoted = written.trim_matches(['"', '\'']);
    let quoted = written.starts_with(['"', '\'']);
    let help = match expected {
        "a date" if quoted && unquoted.parse::<toml::value::Datetime>().is_ok() => {
            format!("write the date without quotes: `{key}{unquoted}`")
        }
        "a date" => format!("write dates as TOML dates, without quotes: `{key}2025-06-30`"),
        "a whole number" | "a number" if quoted => {
            let digits: String = unquoted
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
                .collect();
            if digits.parse::<f64>().is_ok() {
                format!("write the number without quotes: `{key}{digits}`")
            } else {
                "write a number without quotes".to_string()
            }
        }
        "a whole number" => format!("write a whole number, e.g. `{key}40`"),
        "a list in square brackets" if quoted => format!("write a list: `{key}[{written}]`"),
        "text in quotes" if !written.is_empty() && !written.starts_with(['{', '[']) => {
            format!("put the text in double quotes: `{key}\"{written}\"`")
        }
        "`true` or `false`" => format!("write `{key}true` or `{key}false`, without quotes"),
        _ => return d.help("see docs/plan-format.md for what this key takes"),
    };
    d.help(help)
}

/// The words between backticks in a serde message, in order.
fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{PLAN, REGISTRY, found, load_files, plan_with, text_at};
    use crate::{Input, load};

    fn messages(plans: &crate::PlanSet) -> Vec<&str> {
        plans
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect()
    }

    #[test]
    fn every_bad_key_of_a_record_is_reported_and_the_record_still_read() {
        let plans = plan_with(
            "owner = \"hos-fostering\"\nadded",
            "owner = \"hos-fostering\"\nstauts = \"on-target\"\ncolour = \"green\"\n\
             illustrative = \"yes\"\nadded",
        );
        assert_eq!(
            messages(&plans),
            [
                "unknown key `stauts`",
                "unknown key `colour`",
                "expected `true` or `false`, found the text \"yes\"",
            ]
        );
        // Read without its bad keys, the milestone is in the model.
        assert_eq!(plans.model.milestones.len(), 1);
    }

    #[test]
    fn a_milestone_key_that_belongs_in_the_update_log_says_so() {
        let plans = plan_with(
            "added = 2025-01-06",
            "statsu = \"at-risk\"\nadded = 2025-01-06",
        );
        let help = plans.diagnostics[0].help.as_deref().unwrap();
        assert!(help.contains("[[milestone.update]]"), "{help}");
    }

    #[test]
    fn an_update_missing_a_key_is_dropped_and_its_milestone_kept() {
        let plans = plan_with(
            "  status = \"on-target\"\n  by = \"hos-fostering\"\n",
            "  status = \"on-target\"\n",
        );
        assert_eq!(
            messages(&plans),
            ["missing key `by` in `[[milestone.update]]` of `CPS-P1-C1-M1`"]
        );
        assert_eq!(
            text_at(&plans, &plans.diagnostics[0].primary),
            "[[milestone.update]]"
        );
        let milestone = &plans.model.milestones[0];
        assert_eq!(milestone.updates.len(), 1);
        assert_eq!(milestone.updates[0].status, crate::Status::AtRisk);
    }

    #[test]
    fn a_required_key_with_a_bad_value_is_not_also_reported_missing() {
        let plans = plan_with("title = \"Launch", "title = 2025-01-01\nnote = \"Launch");
        assert_eq!(
            messages(&plans),
            [
                "expected text in quotes, found the date `2025-01-01`",
                "unknown key `note`",
            ]
        );
    }

    #[test]
    fn a_missing_key_in_an_inline_table_names_the_table() {
        let plans = plan_with(
            "direction = \"higher\"",
            "direction = \"higher\"\nbaseline = { value = 100 }",
        );
        assert_eq!(
            messages(&plans),
            ["missing key `date` in `baseline` of `CPS-M1`"]
        );
    }

    #[test]
    fn a_single_bracket_list_table_is_reported_and_read() {
        let plans = plan_with("[[milestone]]", "[milestone]");
        assert_eq!(found(&plans), ["E0102 plan.toml:20:1"]);
        assert_eq!(
            plans.diagnostics[0].help.as_deref(),
            Some("write `[[milestone]]` (double brackets) so the file can hold several")
        );
        assert_eq!(plans.model.milestones.len(), 1);
    }

    #[test]
    fn a_child_table_with_no_parent_is_one_finding() {
        let update =
            "[[milestone.update]]\ndate = 2025-01-01\nstatus = \"on-target\"\nby = \"dcs\"\n";
        let plans = load_files(&[("a.toml", update)]);
        assert_eq!(
            messages(&plans),
            ["`[[milestone.update]]` has no `[[milestone]]` above it"]
        );
        let approved = "[strategy.approved]\nby = \"cabinet\"\non = 2024-12-19\n";
        let plans = load_files(&[("a.toml", approved)]);
        assert_eq!(
            messages(&plans),
            ["`[strategy.approved]` has no `[strategy]` above it"]
        );
        // The parent may come after its child: valid TOML, and read.
        let later = PLAN.replacen(
            "[strategy]",
            "[strategy.approved]\nby = \"cabinet\"\non = 2024-12-19\n\n[strategy]",
            1,
        );
        let plans = load_files(&[("registry.toml", REGISTRY), ("plan.toml", &later)]);
        assert_eq!(found(&plans), Vec::<String>::new());
        assert!(plans.model.strategies[0].approved.is_some());
    }

    #[test]
    fn items_that_are_not_tables_are_explained() {
        let plans = load_files(&[(
            "a.toml",
            "strategy = \"CPS\"\nowner = [\"dcs\"]\nboard = 5\n",
        )]);
        assert_eq!(
            messages(&plans),
            [
                "`strategy` at the top of a file must be a `[strategy]` table, found string",
                "each `owner` must be a table, found string",
                "`board` must be a list of tables, found integer",
            ]
        );
    }

    #[test]
    fn wrong_types_are_said_in_plain_words_with_the_fix() {
        for (old, new, message, help) in [
            (
                "boards = [\"cpb\"]",
                "boards = \"cpb\"",
                "expected a list in square brackets, found the text \"cpb\"",
                "write a list: `boards = [\"cpb\"]`",
            ),
            (
                "due = 2025-06-30",
                "due = \"2025-06-30\"",
                "expected a date, found the text \"2025-06-30\"",
                "write the date without quotes: `due = 2025-06-30`",
            ),
            (
                "status = \"at-risk\"",
                "status = \"at-risk\"\n  percent = 40.5",
                "expected a whole number, found the number 40.5",
                "write a whole number, e.g. `percent = 40`",
            ),
            (
                "direction = \"higher\"",
                "direction = \"higher\"\ntolerance = \"5\"",
                "expected a number, found the text \"5\"",
                "write the number without quotes: `tolerance = 5`",
            ),
            (
                "boards = [\"cpb\"]",
                "boards = [\"cpb\", 7]",
                "expected text in quotes, found the number 7",
                "put the text in double quotes: `\"7\"`",
            ),
        ] {
            let plans = plan_with(old, new);
            let d = &plans.diagnostics[0];
            assert_eq!((d.code, d.message.as_str()), (Code::WrongType, message));
            assert_eq!(d.help.as_deref(), Some(help), "{message}");
        }
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
    fn encodings_other_than_utf8_are_e0002() {
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend("id = 1\n".encode_utf16().flat_map(u16::to_le_bytes));
        let no_mark: Vec<u8> = "id = 1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let latin1 = b"a = 1\nnote = \"caf\xe9\"\nb = 2\n".to_vec();
        let plans = load(vec![
            Input::new("utf16.toml", utf16),
            Input::new("no-mark.toml", no_mark),
            Input::new("latin1.toml", latin1),
        ]);
        assert_eq!(
            found(&plans),
            [
                "E0002 utf16.toml:1:1",
                "E0002 no-mark.toml:1:2",
                "E0002 latin1.toml:2:12",
            ]
        );
        assert_eq!(
            plans.diagnostics[0].message,
            "file is UTF-16 (little-endian) text, not UTF-8"
        );
        // The excerpt keeps the line where the text breaks, bad byte marked.
        assert_eq!(plans.sources[2].text, "a = 1\nnote = \"caf\u{FFFD}\"");
        assert_eq!(text_at(&plans, &plans.diagnostics[2].primary), "\u{FFFD}");
    }

    #[test]
    fn files_over_the_cap_are_refused_unread() {
        let plans = load(vec![Input::new("big.toml", vec![b'#'; MAX_FILE_BYTES + 1])]);
        assert_eq!(found(&plans), ["E0004 big.toml:1:1"]);
        assert_eq!(plans.sources[0].text, "");
    }

    #[test]
    fn empty_and_comment_only_files_are_e0003() {
        for text in ["", "\n\n", "# a comment\n"] {
            let plans = load_files(&[("a.toml", text)]);
            assert_eq!(found(&plans), ["E0003 a.toml:1:1"], "{text:?}");
        }
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

    #[test]
    fn the_base_plan_parses_without_findings() {
        let mut diags = Vec::new();
        assert!(parse(FileId(0), PLAN, &mut diags).is_some());
        assert!(parse(FileId(1), REGISTRY, &mut diags).is_some());
        assert!(diags.is_empty(), "{diags:#?}");
    }
}

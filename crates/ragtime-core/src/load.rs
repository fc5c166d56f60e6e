//! Reading one plan file: bytes to text, text to TOML, TOML to raw records.
//!
//! Parsing never fails: each file yields the records that could be read and a
//! finding for every problem, so `check` reports them all in one run. Each
//! record is deserialized on its own; when one has a bad key or value, the
//! finding is recorded, the offending key is set aside and the record is read
//! again, so one typo does not hide the next.

use std::ops::Range;

use serde::Deserialize;
use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::raw::*;
use crate::settings::RawSettings;
use crate::source::{FileId, Loc, Source};
use crate::syntax::{
    check_numbers, clamp, header_name, key_before, line_around, line_end, on_header_line,
    syntax_findings,
};

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
    "narrative",
    "recommendation",
    "budget",
    "saving",
    "cap",
];

/// The [`Source`] of a file the caller could not read, and the finding
/// that says why. It has no text: the finding names the place alone.
pub(crate) fn unread(
    file: FileId,
    name: String,
    why: &crate::Unread,
    diags: &mut Vec<Diagnostic>,
) -> Source {
    let at = Loc::new(file, 0..0);
    diags.push(match why {
        crate::Unread::Unreadable(reason) => Diagnostic::new(
            Code::Unreadable,
            at,
            format!("file cannot be read: {reason}"),
        )
        .help(
            "give the file read permission, or fix or remove a link that leads \
                     nowhere; the checks that do not depend on it still ran",
        ),
        crate::Unread::LinkLoop { target } => Diagnostic::new(
            Code::LinkLoop,
            at,
            format!("symbolic link leads back to `{target}`, a folder that holds it"),
        )
        .help("its files are read once, where they are; remove the link"),
    });
    Source::new(name, String::new())
}

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
        return Source::new(name, String::new());
    }
    if let Some(d) = utf16(file, &bytes) {
        diags.push(d);
        return Source::new(name, String::new());
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
            Source::new(name, text)
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
            Source::new(name, text)
        }
    }
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
    // Most files are sound: read them in one pass, straight into records.
    // Only a file that fails takes the slow path below, which reads it
    // again record by record to find every problem.
    if let Some(raw) = parse_sound(text) {
        return Some(raw);
    }
    parse_recovering(file, text, diags)
}

/// A whole file as the plan format allows it, for the one-pass read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SoundFile {
    #[serde(default)]
    strategy: Option<Spanned<RawStrategy>>,
    #[serde(default)]
    settings: Option<Spanned<RawSettings>>,
    #[serde(default)]
    owner: Vec<Spanned<RawOwner>>,
    #[serde(default)]
    board: Vec<Spanned<RawBoard>>,
    #[serde(default)]
    priority: Vec<Spanned<RawPriority>>,
    #[serde(default)]
    objective: Vec<Spanned<RawObjective>>,
    #[serde(default)]
    commitment: Vec<Spanned<RawCommitment>>,
    #[serde(default)]
    milestone: Vec<Spanned<RawMilestone>>,
    #[serde(default)]
    measure: Vec<Spanned<RawMeasure>>,
    #[serde(default)]
    narrative: Vec<Spanned<crate::narrative::RawNarrative>>,
    #[serde(default)]
    recommendation: Vec<Spanned<crate::recommendations::RawRecommendation>>,
    #[serde(default)]
    budget: Vec<Spanned<crate::finance::raw::RawBudget>>,
    #[serde(default)]
    saving: Vec<Spanned<crate::finance::raw::RawSaving>>,
    #[serde(default)]
    cap: Vec<Spanned<crate::finance::raw::RawCap>>,
}

/// The records of a file with no problem the parser can see, or `None`
/// (for any problem, or no records at all) to take the slow path, which
/// reports it.
fn parse_sound(text: &str) -> Option<RawFile> {
    let f: SoundFile = toml::from_str(text).ok()?;
    let raw = RawFile {
        strategy: f.strategy,
        settings: f.settings,
        owners: f.owner,
        boards: f.board,
        priorities: f.priority,
        objectives: f.objective,
        commitments: f.commitment,
        milestones: f.milestone,
        measures: f.measure,
        narratives: f.narrative,
        recommendations: f.recommendation,
        budgets: f.budget,
        savings: f.saving,
        caps: f.cap,
        broken_ids: Vec::new(),
        broken: Vec::new(),
    };
    let empty = raw.strategy.is_none()
        && raw.settings.is_none()
        && raw.owners.is_empty()
        && raw.boards.is_empty()
        && raw.priorities.is_empty()
        && raw.objectives.is_empty()
        && raw.commitments.is_empty()
        && raw.milestones.is_empty()
        && raw.measures.is_empty()
        && raw.narratives.is_empty()
        && raw.recommendations.is_empty()
        && raw.budgets.is_empty()
        && raw.savings.is_empty()
        && raw.caps.is_empty();
    (!empty).then_some(raw)
}

/// The slow path: every record on its own, so each problem is found.
fn parse_recovering(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<RawFile> {
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
    let mut lost = Lost::default();
    for (key, value) in root {
        let key_loc = Loc::new(file, key.span());
        let name = key.get_ref().as_ref();
        if SECTIONS.contains(&name)
            && let Some(d) = orphan_header(file, text, name, &key, value.get_ref())
        {
            diags.push(d);
            lost.records.push(BrokenRecord {
                section: name.to_string(),
                keys: Vec::new(),
            });
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
                lost.records.push(BrokenRecord {
                    section: name.to_string(),
                    keys: Vec::new(),
                });
            }
            "strategy" | "settings" => {
                let section = name;
                if name == "strategy" {
                    raw.strategy = record(file, text, section, value, diags, &mut lost);
                } else {
                    raw.settings = record(file, text, section, value, diags, &mut lost);
                }
            }
            "owner" => raw.owners = records(file, text, name, value, diags, &mut lost),
            "board" => raw.boards = records(file, text, name, value, diags, &mut lost),
            "priority" => raw.priorities = records(file, text, name, value, diags, &mut lost),
            "objective" => raw.objectives = records(file, text, name, value, diags, &mut lost),
            "commitment" => raw.commitments = records(file, text, name, value, diags, &mut lost),
            "milestone" => raw.milestones = records(file, text, name, value, diags, &mut lost),
            "measure" => raw.measures = records(file, text, name, value, diags, &mut lost),
            "narrative" => raw.narratives = records(file, text, name, value, diags, &mut lost),
            "recommendation" => {
                let mut value = value;
                crate::recommendations::raw::one_response(file, &mut value, diags);
                raw.recommendations = records(file, text, name, value, diags, &mut lost)
            }
            "budget" => raw.budgets = records(file, text, name, value, diags, &mut lost),
            "saving" => raw.savings = records(file, text, name, value, diags, &mut lost),
            "cap" => raw.caps = records(file, text, name, value, diags, &mut lost),
            other => {
                diags.push(unknown_key(key_loc, other, SECTIONS));
                lost.unknown(other, value.get_ref());
            }
        }
    }
    raw.broken_ids = lost.ids;
    raw.broken = lost.records;
    Some(raw)
}

/// What reading a file could not keep: the ids of records that failed,
/// and every record lost, with what it says about where it belongs.
#[derive(Default)]
struct Lost {
    ids: Vec<Spanned<String>>,
    records: Vec<BrokenRecord>,
}

impl Lost {
    /// A record of `section` that failed to read.
    fn record(&mut self, section: &str, value: &Spanned<DeValue<'_>>) {
        if let Some(id) = value.get_ref().get("id")
            && let Some(text) = id.get_ref().as_str()
        {
            self.ids.push(Spanned::new(id.span(), text.to_string()));
        }
        self.records.push(broken_record(section, value.get_ref()));
    }

    /// Whatever is under a key that is not a plan table: each table in it
    /// may be a record of a misspelt kind (`[[milstone]]`).
    fn unknown(&mut self, section: &str, value: &DeValue<'_>) {
        match value {
            DeValue::Array(items) if items.iter().all(|i| i.get_ref().is_table()) => {
                for item in items.iter() {
                    self.records.push(broken_record(section, item.get_ref()));
                }
            }
            other => self.records.push(broken_record(section, other)),
        }
    }
}

/// The keys that place a record, from whatever could be parsed of it.
fn broken_record(section: &str, value: &DeValue<'_>) -> BrokenRecord {
    const PLACING: &[&str] = &[
        "id",
        "strategy",
        "priority",
        "commitment",
        "item",
        "boards",
        "measures",
        "committee",
        "for",
    ];
    let mut keys = Vec::new();
    if let Some(table) = value.as_table() {
        for &key in PLACING {
            let Some(v) = table.get(key) else { continue };
            let texts: Vec<String> = match v.get_ref() {
                DeValue::String(s) => vec![s.to_string()],
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|i| i.get_ref().as_str().map(str::to_string))
                    .collect(),
                _ => continue,
            };
            keys.push((key.to_string(), texts));
        }
    }
    BrokenRecord {
        section: section.to_string(),
        keys,
    }
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
    // Likewise the executive's response to a recommendation.
    const RESPONSE_ONLY: &[&str] = &[
        "decision",
        "decided",
        "accepted",
        "rejected",
        "responded",
        "response-date",
        "response-text",
        "reasons",
        "action",
        "owner",
    ];
    if expected.contains(&"response") && did_you_mean(key, RESPONSE_ONLY.iter().copied()).is_some()
    {
        return d.help(
            "the executive's response goes in a `[recommendation.response]` table below the \
             recommendation, with `decision`, `date` and `by`",
        );
    }
    if expected.contains(&"decision")
        && did_you_mean(key, ["reasons", "reason", "response", "comments"]).is_some()
    {
        return d.help("the response, with its reasons, goes in `text`");
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
    lost: &mut Lost,
) -> Vec<Spanned<T>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => items
            .into_iter()
            .filter_map(|item| {
                if item.get_ref().is_table() {
                    return record(file, text, section, item, diags, lost);
                }
                lost.record(section, &item);
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
                section,
                Spanned::new(span, DeValue::Table(table)),
                diags,
                lost,
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
            lost.records.push(BrokenRecord {
                section: section.to_string(),
                keys: Vec::new(),
            });
            Vec::new()
        }
    }
}

/// Reads one record, reporting every bad key or value it can find.
fn record<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    section: &str,
    value: Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
    lost: &mut Lost,
) -> Option<Spanned<T>> {
    let span = value.span();
    if !value.get_ref().is_table() {
        diags.push(Diagnostic::new(
            Code::WrongType,
            Loc::new(file, span),
            format!("expected a table, found {}", value.get_ref().type_str()),
        ));
        lost.record(section, &value);
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
                    lost.record(section, &value);
                    return None;
                }
                match remove_at(value.get_mut(), &err_span) {
                    Some(key) => removed.push(key),
                    None => {
                        lost.record(section, &value);
                        return None;
                    }
                }
            }
        }
    }
    lost.record(section, &value);
    None
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
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
        "a date" => match crate::hints::iso_date(unquoted) {
            Some(date) => format!("write dates year first, without quotes: `{key}{date}`"),
            None => format!("write dates as TOML dates, without quotes: `{key}2025-06-30`"),
        },
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
    fn the_base_plan_parses_without_findings() {
        let mut diags = Vec::new();
        assert!(parse(FileId(0), PLAN, &mut diags).is_some());
        assert!(parse(FileId(1), REGISTRY, &mut diags).is_some());
        assert!(diags.is_empty(), "{diags:#?}");
    }
}

/// The one-pass read of sound files against the record-by-record read.
#[cfg(test)]
mod one_pass_tests {
    use super::*;

    /// The one-pass read must give exactly what the slow path gives, spans
    /// included, or findings would point elsewhere on sound files.
    fn same_both_ways(text: &str) {
        let fast = parse_sound(text).expect("a sound file takes the one-pass read");
        let mut diags = Vec::new();
        let slow = parse_recovering(FileId(0), text, &mut diags).expect("readable");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(format!("{fast:#?}"), format!("{slow:#?}"));
    }

    #[test]
    fn one_pass_read_matches_the_slow_path_on_the_shipped_plans() {
        same_both_ways(include_str!(
            "../../../plans/corporate-parenting/p1-homes.toml"
        ));
        same_both_ways(include_str!("../../../plans/owners.toml"));
        same_both_ways(include_str!("../../../plans/recommendations.toml"));
    }

    #[test]
    fn one_pass_read_matches_the_slow_path_on_every_kind() {
        same_both_ways(
            r#"
[settings]
scale = "rag"

[strategy]
id = "S"
title = "T"
start = 2025-01-01
end = 2026-01-01
owner = "o"
boards = ["b"]
approved = { by = "b", on = 2024-12-01, note = "n" }

[[owner]]
id = "o"
role = "r"
org = "g"

[[board]]
id = "b"
name = "B"
reports-to = "c"

[[priority]]
id = "S-P1"
title = "P"

[[objective]]
id = "S-P1-O1"
priority = "S-P1"
text = "O"

[[commitment]]
id = "S-P1-C1"
priority = "S-P1"
text = "We will"
owner = "o"
measures = ["S-M"]

[[milestone]]
id = "S-P1-C1-M1"
commitment = "S-P1-C1"
title = "M"
owner = "o"
added = 2025-01-01
due = 2025-06-01
depends-on = ["X"]

  [[milestone.update]]
  date = 2025-02-01
  status = "at-risk"
  by = "o"
  due = 2025-07-01
  reason = "r"
  percent = 10

[[measure]]
id = "S-M"
name = "N"
direction = "higher"
actual = [{ date = 2025-03-31, value = 1.5 }]
comparators = [{ name = "c", value = 2 }]

[[recommendation]]
id = "R1"
committee = "b"
made = 2025-02-01
received = 2025-02-03
title = "T"
text = "X"
delivered-by = ["S-P1-C1", "S-P1-C1-M1"]

  [recommendation.response]
  decision = "partly-accepted"
  date = 2025-03-01
  by = "c"
  text = "Reasons"
  owner = "o"
"#,
        );
    }

    #[test]
    fn files_with_problems_or_no_records_take_the_slow_path() {
        assert!(parse_sound("").is_none());
        assert!(parse_sound("owner = []").is_none());
        assert!(parse_sound("[[owner]]\nid = \"o\"\nrole = \"r\"\norg = \"g\"\nx = 1").is_none());
        assert!(parse_sound("[milestone]\nid = \"m\"").is_none());
        assert!(parse_sound("[oops]").is_none());
    }
}

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
        return Source::new(name, String::new());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Source::new(name, text),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // Keep the valid prefix so the excerpt can show where it breaks.
            let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            diags.push(
                Diagnostic::new(
                    Code::NotUtf8,
                    Loc::new(file, valid..valid),
                    format!(
                        "file is not UTF-8 text (invalid byte 0x{:02X} at byte {valid})",
                        bytes[valid]
                    ),
                )
                .label("the text stops being UTF-8 here")
                .help("save the file as UTF-8 in your editor"),
            );
            Source::new(name, text)
        }
    }
}

/// Parses one file's text into raw records, adding a finding for every
/// problem. Returns `None` when the file could not be read as TOML at all.
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
        broken_ids: Vec::new(),
    };
    let empty = raw.strategy.is_none()
        && raw.settings.is_none()
        && raw.owners.is_empty()
        && raw.boards.is_empty()
        && raw.priorities.is_empty()
        && raw.objectives.is_empty()
        && raw.commitments.is_empty()
        && raw.milestones.is_empty()
        && raw.measures.is_empty();
    (!empty).then_some(raw)
}

/// The slow path: every record on its own, so each problem is found.
fn parse_recovering(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<RawFile> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for err in errors {
            diags.push(syntax_diagnostic(file, text, &err));
        }
        return None;
    }
    let root = root.into_inner();
    if root.is_empty() {
        diags.push(
            Diagnostic::new(Code::EmptyFile, Loc::new(file, 0..0), "file has no keys")
                .help("add a `[strategy]`, `[[owner]]` or `[[board]]` table, or delete the file"),
        );
        return None;
    }

    let mut raw = RawFile::default();
    for (key, value) in root {
        let key_loc = Loc::new(file, key.span());
        let name = key.get_ref().as_ref();
        match name {
            "strategy" => raw.strategy = record(file, value, diags, &mut raw.broken_ids),
            "settings" => raw.settings = record(file, value, diags, &mut raw.broken_ids),
            "owner" => raw.owners = records(file, name, value, diags, &mut raw.broken_ids),
            "board" => raw.boards = records(file, name, value, diags, &mut raw.broken_ids),
            "priority" => raw.priorities = records(file, name, value, diags, &mut raw.broken_ids),
            "objective" => raw.objectives = records(file, name, value, diags, &mut raw.broken_ids),
            "commitment" => {
                raw.commitments = records(file, name, value, diags, &mut raw.broken_ids)
            }
            "milestone" => raw.milestones = records(file, name, value, diags, &mut raw.broken_ids),
            "measure" => raw.measures = records(file, name, value, diags, &mut raw.broken_ids),
            other => diags.push(unknown_key(key_loc, other, SECTIONS)),
        }
    }
    Some(raw)
}

fn syntax_diagnostic(file: FileId, text: &str, err: &toml::de::Error) -> Diagnostic {
    let span = err.span().unwrap_or(0..0);
    let message = err.message().trim().to_string();
    let code = if message.contains("recursion") || message.contains("nest") {
        Code::TooDeep
    } else {
        Code::Syntax
    };
    let span = clamp(span, text.len());
    let first_line = message.lines().next().unwrap_or("invalid TOML").to_string();
    let mut d = Diagnostic::new(code, Loc::new(file, span), first_line.clone());
    let rest: Vec<&str> = message
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if !rest.is_empty() {
        d = d.label(rest.join("; "));
    }
    if code == Code::TooDeep {
        d = d.help("flatten the structure: plan files need at most three levels");
    }
    d
}

fn clamp(span: Range<usize>, len: usize) -> Range<usize> {
    let start = span.start.min(len);
    start..span.end.clamp(start, len)
}

fn unknown_key(loc: Loc, key: &str, expected: &[&str]) -> Diagnostic {
    let d = Diagnostic::new(Code::UnknownKey, loc, format!("unknown key `{key}`"))
        .label("not a key here");
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
    section: &str,
    value: Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
    broken: &mut Vec<String>,
) -> Vec<Spanned<T>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => items
            .into_iter()
            .filter_map(|item| record(file, item, diags, broken))
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
                    diags.push(field_diagnostic(file, &value, err_span.clone(), &message));
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
fn field_diagnostic(
    file: FileId,
    record: &Spanned<DeValue<'_>>,
    span: Range<usize>,
    message: &str,
) -> Diagnostic {
    let loc = Loc::new(file, span);
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let words = backticked(rest);
        let key = words.first().cloned().unwrap_or_default();
        let expected: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
        return unknown_key(loc, &key, &expected);
    }
    if message.starts_with("missing field") {
        let key = backticked(message).into_iter().next().unwrap_or_default();
        let what = record
            .get_ref()
            .get("id")
            .and_then(|v| v.get_ref().as_str())
            .map(|id| format!(" of `{id}`"))
            .unwrap_or_default();
        return Diagnostic::new(Code::MissingKey, loc, format!("missing key `{key}`{what}"))
            .label(format!("this table needs `{key}`"))
            .help(format!(
                "add `{key} = ...` to this table (see docs/plan-format.md)"
            ));
    }
    let first = message.lines().next().unwrap_or(message).trim().to_string();
    let d = Diagnostic::new(Code::WrongType, loc, first);
    if message.contains("expected a date") || message.contains("datetime") {
        d.help("write dates as TOML dates, without quotes: `due = 2025-06-30`")
    } else {
        d
    }
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

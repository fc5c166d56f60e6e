//! The recovering read: a file with problems (or one the one-pass read is
//! unsure of) read as a TOML table, each record on its own, with a finding
//! for every problem.

use std::ops::Range;

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::messages::{backticked, field_diagnostic, unknown_key};
use super::{SECTIONS, SoundFile};
use crate::diag::{Code, Diagnostic};
use crate::raw::*;
use crate::source::{FileId, Loc};
use crate::syntax::{check_numbers, header_name, line_around, on_header_line, syntax_findings};

/// Reads a file the one-pass read did not: first as the `toml` crate
/// reads a whole file (which takes a few layouts the one pass leaves to
/// it, such as dotted keys), then, if that fails, record by record.
pub(super) fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<RawFile> {
    if let Some(raw) = toml::from_str::<SoundFile>(text)
        .ok()
        .and_then(SoundFile::into_raw)
    {
        return Some(raw);
    }
    parse_recovering(file, text, diags)
}

/// The slow path: every record on its own, so each problem is found.
pub(super) fn parse_recovering(
    file: FileId,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<RawFile> {
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

//! Appending an entry to a milestone's update log in a plan file's text:
//! text in, text out, no I/O.
//!
//! The edit is a splice, not a rewrite: the file is parsed with `toml_edit`
//! only to find *where* the milestone's log ends, and the new entry is
//! inserted there as fresh lines. Every byte outside the inserted text
//! (comments, blank lines, key order, CRLF line endings, a missing final
//! newline) is left exactly as it was. Before returning, the result is parsed
//! again and compared with the original plus the new entry, so an edit that
//! would change anything else is refused rather than written.

use std::ops::Range;

use chrono::NaiveDate;
use toml_edit::{Array, InlineTable, Item, Table, Value};
use toml_writer::ToTomlValue;

/// One update to record, fully specified: the caller fills in defaults
/// (today's date, the current status) because the core never reads the clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewUpdate {
    pub date: NaiveDate,
    /// Written as given; the plan checks say whether it is one of the seven.
    pub status: String,
    pub by: String,
    pub note: Option<String>,
    pub percent: Option<i64>,
    /// A revised due date.
    pub due: Option<NaiveDate>,
    pub reason: Option<String>,
    /// The corrective action, written as `action`.
    pub action: Option<String>,
}

impl NewUpdate {
    /// The entry's keys in the order `docs/plan-format.md` lists them, each
    /// with its value already written as TOML.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let text = |s: &str| {
            toml_writer::TomlStringBuilder::new(s)
                .as_basic()
                .to_toml_value()
        };
        let mut pairs = vec![
            ("date", self.date.format("%Y-%m-%d").to_string()),
            ("status", text(&self.status)),
            ("by", text(&self.by)),
        ];
        if let Some(note) = &self.note {
            pairs.push(("note", text(note)));
        }
        if let Some(percent) = self.percent {
            pairs.push(("percent", percent.to_string()));
        }
        if let Some(due) = self.due {
            pairs.push(("due", due.format("%Y-%m-%d").to_string()));
        }
        if let Some(reason) = &self.reason {
            pairs.push(("reason", text(reason)));
        }
        if let Some(action) = &self.action {
            pairs.push(("action", text(action)));
        }
        pairs
    }

    /// `{ date = 2026-03-31, status = "at-risk", ... }`, for logs written as
    /// inline arrays.
    fn inline(&self) -> String {
        let body: Vec<String> = self
            .pairs()
            .into_iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect();
        format!("{{ {} }}", body.join(", "))
    }

    /// The entry as a TOML value, for checking the result.
    fn to_toml(&self) -> toml::Value {
        let date = |d: NaiveDate| {
            d.format("%Y-%m-%d")
                .to_string()
                .parse::<toml::value::Datetime>()
                .map(toml::Value::Datetime)
                .expect("a formatted date parses")
        };
        let mut t = toml::Table::new();
        t.insert("date".into(), date(self.date));
        t.insert("status".into(), self.status.clone().into());
        t.insert("by".into(), self.by.clone().into());
        if let Some(v) = &self.note {
            t.insert("note".into(), v.clone().into());
        }
        if let Some(v) = self.percent {
            t.insert("percent".into(), v.into());
        }
        if let Some(v) = self.due {
            t.insert("due".into(), date(v));
        }
        if let Some(v) = &self.reason {
            t.insert("reason".into(), v.clone().into());
        }
        if let Some(v) = &self.action {
            t.insert("action".into(), v.clone().into());
        }
        toml::Value::Table(t)
    }
}

/// Why a file could not be edited. Nothing is changed in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    #[error("the file is not valid TOML ({0}); run `ragtime check` to see where")]
    Syntax(String),
    #[error("no milestone in this file has the id `{0}`")]
    NotFound(String),
    #[error("milestone `{0}` is written more than once in this file")]
    Duplicate(String),
    #[error("the update log of `{id}` is {found}, not a list of updates")]
    LogNotAList { id: String, found: &'static str },
    #[error("milestone `{id}` cannot be edited safely: {why}")]
    Unsupported { id: String, why: String },
    #[error(
        "internal check failed: the edit of `{0}` would change more than its update log, so it was not made"
    )]
    Verify(String),
}

/// A successful edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The whole new text of the file.
    pub text: String,
    /// Where the new text differs from the old: the byte ranges inserted,
    /// in the new text, in order.
    pub inserted: Vec<Range<usize>>,
}

/// Appends `entry` to the update log of the milestone `id` in `text`.
///
/// Handles milestones written as `[[milestone]]` tables (with or without
/// `[[milestone.update]]` entries, or with an inline `update = [...]`
/// array) and milestones written as inline tables in `milestone = [...]`.
/// New `[[milestone.update]]` entries copy the indentation of the entries
/// already in the file (two spaces when there are none, as the format's
/// examples do) and the line ending of the line they follow.
pub fn append_update(text: &str, id: &str, entry: &NewUpdate) -> Result<Edit, EditError> {
    let doc = toml_edit::Document::parse(text)
        .map_err(|e| EditError::Syntax(e.message().trim().into()))?;
    let root = doc.as_table();
    let found = find_milestone(root, id)?;
    let inserts = match found {
        Found::Table(table) => match table.get("update") {
            None | Some(Item::ArrayOfTables(_)) => vec![append_block(text, root, table, entry)],
            Some(Item::Value(Value::Array(array))) => append_to_array(text, array, entry, id)?,
            Some(other) => {
                return Err(EditError::LogNotAList {
                    id: id.into(),
                    found: describe(other),
                });
            }
        },
        Found::Inline(table) => match table.get("update") {
            None => vec![add_inline_log(table, entry, id)?],
            Some(Value::Array(array)) => append_to_array(text, array, entry, id)?,
            Some(other) => {
                return Err(EditError::LogNotAList {
                    id: id.into(),
                    found: describe(&Item::Value(other.clone())),
                });
            }
        },
    };
    let edit = splice(text, inserts);
    verify(text, &edit.text, id, entry)?;
    Ok(edit)
}

enum Found<'a> {
    Table(&'a Table),
    Inline(&'a InlineTable),
}

fn find_milestone<'a>(root: &'a Table, id: &str) -> Result<Found<'a>, EditError> {
    let not_found = || EditError::NotFound(id.into());
    let mut hits = Vec::new();
    match root.get("milestone").ok_or_else(not_found)? {
        Item::ArrayOfTables(tables) => {
            for t in tables.iter() {
                if t.get("id").and_then(Item::as_str) == Some(id) {
                    hits.push(Found::Table(t));
                }
            }
        }
        Item::Value(Value::Array(values)) => {
            for v in values.iter() {
                if let Value::InlineTable(t) = v
                    && t.get("id").and_then(Value::as_str) == Some(id)
                {
                    hits.push(Found::Inline(t));
                }
            }
        }
        Item::Table(t) if t.get("id").and_then(Item::as_str) == Some(id) => {
            return Err(EditError::Unsupported {
                id: id.into(),
                why: "it is written as `[milestone]`; write `[[milestone]]` (double brackets)"
                    .into(),
            });
        }
        _ => {}
    }
    match hits.len() {
        0 => Err(not_found()),
        1 => Ok(hits.remove(0)),
        _ => Err(EditError::Duplicate(id.into())),
    }
}

fn describe(item: &Item) -> &'static str {
    match item {
        Item::None => "empty",
        Item::Table(_) => "a table",
        Item::ArrayOfTables(_) => "a list of tables",
        Item::Value(v) => match v {
            Value::String(_) => "text",
            Value::Integer(_) => "a number",
            Value::Float(_) => "a number",
            Value::Boolean(_) => "true or false",
            Value::Datetime(_) => "a date",
            Value::Array(_) => "a list",
            Value::InlineTable(_) => "a table",
        },
    }
}

/// Text to insert at a byte offset of the old text.
struct Insert {
    at: usize,
    text: String,
}

fn splice(text: &str, mut inserts: Vec<Insert>) -> Edit {
    inserts.sort_by_key(|i| i.at);
    let mut out =
        String::with_capacity(text.len() + inserts.iter().map(|i| i.text.len()).sum::<usize>());
    let mut inserted = Vec::with_capacity(inserts.len());
    let mut from = 0;
    for i in inserts {
        out.push_str(&text[from..i.at]);
        let start = out.len();
        out.push_str(&i.text);
        inserted.push(start..out.len());
        from = i.at;
    }
    out.push_str(&text[from..]);
    Edit {
        text: out,
        inserted,
    }
}

/// The end of everything the parser attributes to `table`: its header, keys,
/// values and sub-tables (the `[[milestone.update]]` entries).
fn table_end(table: &Table) -> usize {
    let mut end = table.span().map_or(0, |s| s.end);
    for (name, item) in table.iter() {
        if let Some((key, _)) = table.get_key_value(name) {
            end = end.max(key.span().map_or(0, |s| s.end));
        }
        end = end.max(item_end(item));
    }
    end
}

fn item_end(item: &Item) -> usize {
    match item {
        Item::None => 0,
        Item::Value(v) => v.span().map_or(0, |s| s.end),
        Item::Table(t) => table_end(t),
        Item::ArrayOfTables(a) => a.iter().map(table_end).max().unwrap_or(0),
    }
}

/// The offset just past the line that `offset` is on (past its `\n`), or the
/// end of the text when that line is the last and has no newline.
fn line_end(text: &str, offset: usize) -> usize {
    text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1)
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The blanks before `offset` on its line, if only blanks precede it.
fn indentation(text: &str, offset: usize) -> Option<&str> {
    let before = &text[line_start(text, offset)..offset];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(before)
}

/// The line ending the file uses at `offset` (the end of the line before
/// it), or the file's first line ending, or `\n`.
fn newline_at(text: &str, offset: usize) -> &'static str {
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
struct Style {
    header: String,
    keys: String,
    blank_before: bool,
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
fn block_style(text: &str, root: &Table, milestone: &Table) -> Style {
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

/// A new `[[milestone.update]]` entry after the last line of the milestone,
/// after a blank line when the file's entries have one.
fn append_block(text: &str, root: &Table, milestone: &Table, entry: &NewUpdate) -> Insert {
    let at = line_end(text, table_end(milestone));
    let nl = newline_at(text, at);
    let style = block_style(text, root, milestone);
    let mut lines = vec![format!("{}[[milestone.update]]", style.header)];
    for (key, value) in entry.pairs() {
        lines.push(format!("{}{key} = {value}", style.keys));
    }
    let block = lines.join(nl);
    let blank = if style.blank_before { nl } else { "" };
    let text = if at == text.len() && !text.is_empty() && !text.ends_with('\n') {
        // The file ends without a newline: keep it that way.
        format!("{nl}{blank}{block}")
    } else {
        format!("{blank}{block}{nl}")
    };
    Insert { at, text }
}

/// Where the next non-blank, non-comment character after `offset` is.
fn next_token(text: &str, mut offset: usize) -> Option<(usize, char)> {
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

/// A new inline table at the end of an inline `update = [...]` array: on a
/// line of its own when the array is written one entry per line, else after
/// the last entry on the same line.
fn append_to_array(
    text: &str,
    array: &Array,
    entry: &NewUpdate,
    id: &str,
) -> Result<Vec<Insert>, EditError> {
    let unsupported = |why: &str| EditError::Unsupported {
        id: id.into(),
        why: why.into(),
    };
    let span = array
        .span()
        .ok_or_else(|| unsupported("the update list has no position in the file"))?;
    let inline = entry.inline();
    let Some(last) = array.iter().last() else {
        // `update = []`: the entry goes straight after the `[`.
        return Ok(vec![Insert {
            at: span.start + 1,
            text: inline,
        }]);
    };
    let last_span = last
        .span()
        .ok_or_else(|| unsupported("an update has no position in the file"))?;
    let close = span.end.saturating_sub(1);
    let (after, token) = next_token(text, last_span.end)
        .ok_or_else(|| unsupported("the update list is not closed"))?;
    let comma = (token == ',').then_some(after);
    // One entry per line when the last entry starts on a line of its own
    // and the `]` is on a later line still.
    let own_lines = text[span.start..last_span.start].contains('\n')
        && text[comma.map_or(last_span.end, |c| c + 1)..close].contains('\n');
    let indent = indentation(text, last_span.start);
    match (own_lines, indent) {
        (true, Some(indent)) => {
            // One entry per line: a new line after the last entry's line,
            // adding the comma the last entry lacks.
            let at = line_end(text, comma.unwrap_or(last_span.end));
            let nl = newline_at(text, at);
            let mut inserts = vec![Insert {
                at,
                text: format!("{indent}{inline},{nl}"),
            }];
            if comma.is_none() {
                inserts.push(Insert {
                    at: last_span.end,
                    text: ",".into(),
                });
            }
            Ok(inserts)
        }
        _ => Ok(vec![Insert {
            at: last_span.end,
            text: format!(", {inline}"),
        }]),
    }
}

/// `, update = [{ ... }]` after the last value of an inline milestone.
fn add_inline_log(table: &InlineTable, entry: &NewUpdate, id: &str) -> Result<Insert, EditError> {
    let end = table
        .iter()
        .filter_map(|(_, v)| v.span())
        .map(|s| s.end)
        .max()
        .ok_or_else(|| EditError::Unsupported {
            id: id.into(),
            why: "the milestone has no position in the file".into(),
        })?;
    Ok(Insert {
        at: end,
        text: format!(", update = [{}]", entry.inline()),
    })
}

/// The new text must parse to exactly the old document with one more entry
/// at the end of the milestone's log.
fn verify(old: &str, new: &str, id: &str, entry: &NewUpdate) -> Result<(), EditError> {
    let fail = || EditError::Verify(id.into());
    let mut expected: toml::Table = old.parse().map_err(|_| fail())?;
    let actual: toml::Table = new.parse().map_err(|_| fail())?;
    let milestones = expected
        .get_mut("milestone")
        .and_then(toml::Value::as_array_mut)
        .ok_or_else(fail)?;
    let milestone = milestones
        .iter_mut()
        .filter_map(toml::Value::as_table_mut)
        .find(|m| m.get("id").and_then(toml::Value::as_str) == Some(id))
        .ok_or_else(fail)?;
    let log = milestone
        .entry("update")
        .or_insert_with(|| toml::Value::Array(Vec::new()))
        .as_array_mut()
        .ok_or_else(fail)?;
    log.push(entry.to_toml());
    if expected == actual {
        Ok(())
    } else {
        Err(fail())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> NewUpdate {
        NewUpdate {
            date: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
            status: "at-risk".into(),
            by: "hos-fostering".into(),
            note: Some("Two carers withdrew".into()),
            percent: None,
            due: None,
            reason: None,
            action: None,
        }
    }

    /// Every byte of the old text survives, in order, around the insertions.
    fn assert_only_inserted(old: &str, edit: &Edit) {
        let mut rebuilt = String::new();
        let mut from = 0;
        for r in &edit.inserted {
            rebuilt.push_str(&edit.text[from..r.start]);
            from = r.end;
        }
        rebuilt.push_str(&edit.text[from..]);
        assert_eq!(rebuilt, old);
    }

    #[test]
    fn appends_after_the_last_update_with_its_indentation() {
        let old = "[[milestone]]\nid = \"M1\"\n\n    [[milestone.update]]\n    date = 2026-01-01\n    status = \"on-target\"\n    by = \"x\"  # kept\n\n# next\n[[milestone]]\nid = \"M2\"\n";
        let edit = append_update(old, "M1", &entry()).unwrap();
        assert_only_inserted(old, &edit);
        assert_eq!(
            edit.text,
            "[[milestone]]\nid = \"M1\"\n\n    [[milestone.update]]\n    date = 2026-01-01\n    status = \"on-target\"\n    by = \"x\"  # kept\n\n    [[milestone.update]]\n    date = 2026-03-31\n    status = \"at-risk\"\n    by = \"hos-fostering\"\n    note = \"Two carers withdrew\"\n\n# next\n[[milestone]]\nid = \"M2\"\n"
        );
    }

    #[test]
    fn keeps_crlf_and_a_missing_final_newline() {
        let old = "[[milestone]]\r\nid = \"M1\"\r\ndue = 2026-06-30";
        let edit = append_update(old, "M1", &entry()).unwrap();
        assert_only_inserted(old, &edit);
        assert!(!edit.text.ends_with('\n'));
        assert!(!edit.text.replace("\r\n", "").contains('\n'));
        assert!(
            edit.text
                .contains("\r\n\r\n  [[milestone.update]]\r\n  date = 2026-03-31")
        );
    }

    #[test]
    fn inline_arrays_get_an_inline_entry() {
        let old = "[[milestone]]\nid = \"M1\"\nupdate = [\n  { date = 2026-01-01, status = \"on-target\", by = \"x\" }  # first\n]\n";
        let edit = append_update(old, "M1", &entry()).unwrap();
        assert_only_inserted(old, &edit);
        assert_eq!(
            edit.text,
            "[[milestone]]\nid = \"M1\"\nupdate = [\n  { date = 2026-01-01, status = \"on-target\", by = \"x\" },  # first\n  { date = 2026-03-31, status = \"at-risk\", by = \"hos-fostering\", note = \"Two carers withdrew\" },\n]\n"
        );

        let old = "[[milestone]]\nid = \"M1\"\nupdate = []\n";
        let edit = append_update(old, "M1", &entry()).unwrap();
        assert!(edit.text.contains("update = [{ date = 2026-03-31,"));

        let old = "milestone = [{ id = \"M1\", due = 2026-06-30 }]\n";
        let edit = append_update(old, "M1", &entry()).unwrap();
        assert_eq!(
            edit.text,
            "milestone = [{ id = \"M1\", due = 2026-06-30, update = [{ date = 2026-03-31, status = \"at-risk\", by = \"hos-fostering\", note = \"Two carers withdrew\" }] }]\n"
        );
    }

    #[test]
    fn refuses_what_it_cannot_edit() {
        assert_eq!(
            append_update("[[milestone]]\nid = \"M1\"\n", "M2", &entry()),
            Err(EditError::NotFound("M2".into()))
        );
        assert_eq!(
            append_update(
                "[[milestone]]\nid = \"M1\"\n[[milestone]]\nid = \"M1\"\n",
                "M1",
                &entry()
            ),
            Err(EditError::Duplicate("M1".into()))
        );
        assert!(matches!(
            append_update("[[milestone]]\nid = \"M1\"\nupdate = 3\n", "M1", &entry()),
            Err(EditError::LogNotAList { .. })
        ));
        assert!(matches!(
            append_update("[milestone]\nid = \"M1\"\n", "M1", &entry()),
            Err(EditError::Unsupported { .. })
        ));
        assert!(matches!(
            append_update("[[milestone]\n", "M1", &entry()),
            Err(EditError::Syntax(_))
        ));
    }

    /// Text that is hard to quote: quotes of every kind, backslashes,
    /// newlines, control characters, emoji, right-to-left text.
    fn awkward_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("'''".to_string()),
            Just("\"\"\"".to_string()),
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("\\n".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\t".to_string()),
            Just("\u{0}\u{1b}\u{7f}".to_string()),
            Just("# not a comment".to_string()),
            Just("😀👩‍👧".to_string()),
            Just("שלום עולם".to_string()),
            Just("\u{202e}abc\u{202c}".to_string()),
            any::<String>(),
        ];
        proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back_unchanged(note in awkward_text(), action in awkward_text()) {
            let old = "[[milestone]]\nid = \"M1\"\n";
            let mut e = entry();
            e.note = Some(note.clone());
            e.action = Some(action.clone());
            let edit = append_update(old, "M1", &e).unwrap();
            let doc: toml::Table = edit.text.parse().unwrap();
            let update = &doc["milestone"][0]["update"][0];
            proptest::prop_assert_eq!(update["note"].as_str(), Some(note.as_str()));
            proptest::prop_assert_eq!(update["action"].as_str(), Some(action.as_str()));
            // Each key stays on one line, whatever the text holds: two old
            // lines, a blank, the header and five keys.
            proptest::prop_assert_eq!(edit.text.lines().count(), 2 + 1 + 1 + 5);
        }
    }
}

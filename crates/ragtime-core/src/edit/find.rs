//! Finding the milestone in the parsed file, once and only once, and where
//! everything the parser attributes to it ends (its keys, values and
//! `[[milestone.update]]` entries).

use toml_edit::{InlineTable, Item, Table, Value};

use super::error::EditError;

pub(super) enum Found<'a> {
    Table(&'a Table),
    Inline(&'a InlineTable),
}

pub(super) fn find_milestone<'a>(root: &'a Table, id: &str) -> Result<Found<'a>, EditError> {
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

pub(super) fn describe(item: &Item) -> &'static str {
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

/// The end of everything the parser attributes to `table`: its header, keys,
/// values and sub-tables (the `[[milestone.update]]` entries).
pub(super) fn table_end(table: &Table) -> usize {
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

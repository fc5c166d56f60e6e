//! The last step of an edit: the new text must read as the old document
//! plus the entry, or the edit is refused.

use super::error::EditError;
use super::update::NewUpdate;

/// The new text must parse to exactly the old document with one more entry
/// at the end of the milestone's log.
pub(super) fn verify(old: &str, new: &str, id: &str, entry: &NewUpdate) -> Result<(), EditError> {
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

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
//!
//! In steps: `find.rs` finds the milestone and where everything the parser
//! gives it ends; `splice.rs` works out what to insert where, in the file's
//! own layout (`layout.rs`: lines, indentation, line endings), and splices
//! it in; `verify.rs` checks the result. `update.rs` is the entry to record,
//! written as TOML.

mod error;
mod find;
mod layout;
mod splice;
#[cfg(test)]
mod tests;
mod update;
mod verify;

use toml_edit::{Item, Value};

pub use error::EditError;
pub use splice::Edit;
pub use update::NewUpdate;

use find::{Found, describe, find_milestone};
use splice::{add_inline_log, append_block, append_to_array, splice};
use verify::verify;

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

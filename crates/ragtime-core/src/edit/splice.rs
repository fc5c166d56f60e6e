//! What to insert where: a new `[[milestone.update]]` block, an entry at
//! the end of an inline `update = [...]` array, or a new inline log, each
//! in the file's layout; and the insertions spliced into the old text.

use std::ops::Range;

use toml_edit::{Array, InlineTable, Table};

use super::error::EditError;
use super::find::table_end;
use super::layout::{block_style, indentation, line_end, newline_at, next_token};
use super::update::NewUpdate;

/// A successful edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The whole new text of the file.
    pub text: String,
    /// Where the new text differs from the old: the byte ranges inserted,
    /// in the new text, in order.
    pub inserted: Vec<Range<usize>>,
}

/// Text to insert at a byte offset of the old text.
pub(super) struct Insert {
    at: usize,
    text: String,
}

pub(super) fn splice(text: &str, mut inserts: Vec<Insert>) -> Edit {
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

/// A new `[[milestone.update]]` entry after the last line of the milestone,
/// after a blank line when the file's entries have one.
pub(super) fn append_block(
    text: &str,
    root: &Table,
    milestone: &Table,
    entry: &NewUpdate,
) -> Insert {
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

/// A new inline table at the end of an inline `update = [...]` array: on a
/// line of its own when the array is written one entry per line, else after
/// the last entry on the same line.
pub(super) fn append_to_array(
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
pub(super) fn add_inline_log(
    table: &InlineTable,
    entry: &NewUpdate,
    id: &str,
) -> Result<Insert, EditError> {
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

//! Findings in plan text that came from a spreadsheet, placed back at the
//! cells it came from.
//!
//! Returns and imported action plans are checked by the plan checks
//! themselves, not by copies of them: their rows are written as plan text
//! (update-log entries, milestones), the plan set is loaded with it, and
//! each finding inside that text is turned into a [`Problem`] at the cell
//! holding the value it is about, found by the key on the finding's line
//! (`note = ...` is the row's note cell).

use std::collections::BTreeMap;
use std::ops::Range;

use super::{Place, Problem};
use crate::diag::{Code, Diagnostic};
use crate::{FileId, PlanSet};

/// Where one piece of plan text came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub file: FileId,
    /// The text's bytes in the file, as loaded.
    pub span: Range<usize>,
    /// The cell each key's value came from.
    pub cells: BTreeMap<&'static str, Place>,
    /// Where a finding on any other line goes (the row's id cell).
    pub row: Place,
}

/// The key written on the line holding `offset`: `note` for `  note =
/// "..."`; `None` for a table header or anything else.
fn key_at(text: &str, offset: usize) -> Option<&str> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text.get(start..end)?.trim_start();
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).then_some(key)
}

/// Help in a spreadsheet's terms for the codes whose help speaks of plan
/// file keys.
fn sheet_help(code: Code) -> Option<&'static str> {
    Some(match code {
        Code::CompleteWithoutEvidence => "fill in the note: what was delivered, as evidence",
        Code::CancelledWithoutReason => {
            "fill in the note: why it is cancelled (a milestone is never dropped without a reason)"
        }
        Code::RedatedWithoutReason => "fill in the reason the due date moved: boards ask",
        Code::UpdateOrder => {
            "date the update on or after the last one recorded, or leave the row blank if it is old news"
        }
        Code::UpdateBeforeAdded => {
            "date the update on or after the day the milestone was added to the plan"
        }
        Code::OutsidePeriod => {
            "give a date within the strategy's period, or ask for the strategy's period to be extended"
        }
        Code::DuplicateId => {
            "give each row its own reference, or leave the id column out of the mapping to have ids made"
        }
        _ => return None,
    })
}

/// The finding `d` as a problem at the cell its text came from, if it is
/// in one of `origins`.
pub fn locate(plans: &PlanSet, d: &Diagnostic, origins: &[Origin]) -> Option<Problem> {
    let at = &d.primary.loc;
    let origin = origins.iter().find(|o| {
        o.file == at.file && o.span.start <= at.span.start && at.span.start < o.span.end
    })?;
    let text = &plans.source(at.file).text;
    let place = key_at(text, at.span.start)
        .and_then(|k| origin.cells.get(k))
        .unwrap_or(&origin.row)
        .clone();
    let value = text
        .get(at.span.clone())
        .map(|v| v.trim_matches('"').to_string())
        .filter(|v| !v.is_empty() && !v.contains('\n'));
    let help = sheet_help(d.code)
        .map(str::to_string)
        .or_else(|| d.help.clone());
    Some(Problem {
        code: d.code,
        place,
        value,
        message: d.message.clone(),
        label: d.primary.text.clone(),
        help,
    })
}

#[cfg(test)]
mod tests {
    use super::key_at;

    #[test]
    fn the_key_on_a_line_is_found() {
        let text = "  [[milestone.update]]\n  date = 2025-12-31\n  note = \"a = b\"\n";
        assert_eq!(key_at(text, 3), None);
        assert_eq!(key_at(text, 30), Some("date"));
        assert_eq!(key_at(text, text.find("a = b").unwrap()), Some("note"));
    }
}

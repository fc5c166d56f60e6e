//! Findings worded from what serde reports about a record: an unknown key
//! with the nearest known one, a missing key with the table it belongs
//! in, a wrong type in plain words with the fix.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::source::{FileId, Loc};
use crate::syntax::{clamp, key_before};

pub(super) fn unknown_key(loc: Loc, key: &str, expected: &[&str]) -> Diagnostic {
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

/// Turns a serde error on a record into a finding with a stable code.
/// `spans` are the record's and the error's.
pub(super) fn field_diagnostic(
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
pub(super) fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

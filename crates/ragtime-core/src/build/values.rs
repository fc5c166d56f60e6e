//! Values read the same way whatever they belong to: a TOML date as a
//! calendar date, one of a closed set of words, and where a value is
//! written. Used while preparing a file, before any id is known, and by
//! the builder after.

use std::str::FromStr;

use chrono::NaiveDate;
use toml::Spanned;
use toml::value::Datetime;

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::raw::SpannedStr;
use crate::source::{FileId, Loc};

/// Where `s` is written in `file`.
pub(super) fn loc(file: FileId, s: &Spanned<impl Sized>) -> Loc {
    Loc::new(file, s.span())
}

/// A TOML date as a calendar date; a finding for a time, an offset or a
/// day not in the calendar.
pub(crate) fn date(
    diags: &mut Vec<Diagnostic>,
    file: FileId,
    value: &Spanned<Datetime>,
) -> Option<NaiveDate> {
    let dt = value.get_ref();
    let here = loc(file, value);
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            let date =
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day));
            if date.is_none() {
                diags.push(Diagnostic::new(
                    Code::BadDate,
                    here,
                    format!("`{dt}` is not a date in the calendar"),
                ));
            }
            date
        }
        (Some(d), _, _) => {
            diags.push(
                Diagnostic::new(
                    Code::BadDate,
                    here,
                    format!("`{dt}` has a time; plans use plain dates"),
                )
                .label("expected a date only")
                .help(format!("write `{d}`")),
            );
            None
        }
        (None, _, _) => {
            diags.push(
                Diagnostic::new(Code::BadDate, here, format!("`{dt}` is a time, not a date"))
                    .help("write a date such as `2025-06-30`"),
            );
            None
        }
    }
}

/// One of a closed set of words; a finding with the nearest word if not.
pub(super) fn word<T: FromStr + Copy>(
    diags: &mut Vec<Diagnostic>,
    file: FileId,
    value: &SpannedStr,
    code: Code,
    what: &str,
    words: impl Iterator<Item = &'static str> + Clone,
) -> Option<T> {
    if let Ok(v) = value.get_ref().parse::<T>() {
        return Some(v);
    }
    let text = value.get_ref();
    let list = words
        .clone()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let d = Diagnostic::new(code, loc(file, value), format!("`{text}` is not {what}"))
        .label(format!("expected one of {list}"));
    let colours = [
        "blue",
        "red",
        "amber",
        "green",
        "amber/green",
        "amber/red",
        "rag",
    ];
    let d = match did_you_mean(&text.to_lowercase().replace([' ', '_'], "-"), words) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None if code == Code::BadStatus && colours.contains(&text.to_lowercase().as_str()) => {
            d.help("a status is not a colour: Ragtime works the colour out from the status, its dates and the settings")
        }
        None => d,
    };
    diags.push(d);
    None
}

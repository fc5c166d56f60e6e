//! Reading one plan file: bytes to text, text to raw records.
//!
//! Parsing never fails: each file yields the records that could be read and a
//! finding for every problem, so `check` reports them all in one run.
//!
//! A sound file, as most are, is read in one pass from the parser's events
//! straight into the records ([`de`], over [`tape`]). Any other file, and
//! any file the one pass is unsure of, is read the way that finds every
//! problem ([`recover`]): as a TOML table, each record deserialized on its
//! own; when one has a bad key or value, the finding is recorded, the
//! offending key is set aside and the record is read again, so one typo
//! does not hide the next. [`messages`] words what serde reports.

mod de;
mod messages;
mod recover;
mod tape;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Code, Diagnostic};
use crate::raw::*;
use crate::settings::RawSettings;
use crate::source::{FileId, Loc, Source};
use crate::syntax::line_end;

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
    "narrative",
    "recommendation",
    "budget",
    "saving",
    "cap",
];

/// The [`Source`] of a file the caller could not read, and the finding
/// that says why. It has no text: the finding names the place alone.
pub(crate) fn unread(
    file: FileId,
    name: String,
    why: &crate::Unread,
    diags: &mut Vec<Diagnostic>,
) -> Source {
    let at = Loc::new(file, 0..0);
    diags.push(match why {
        crate::Unread::Unreadable(reason) => Diagnostic::new(
            Code::Unreadable,
            at,
            format!("file cannot be read: {reason}"),
        )
        .help(
            "give the file read permission, or fix or remove a link that leads \
                     nowhere; the checks that do not depend on it still ran",
        ),
        crate::Unread::LinkLoop { target } => Diagnostic::new(
            Code::LinkLoop,
            at,
            format!("symbolic link leads back to `{target}`, a folder that holds it"),
        )
        .help("its files are read once, where they are; remove the link"),
    });
    Source::new(name, String::new())
}

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
    if let Some(d) = utf16(file, &bytes) {
        diags.push(d);
        return Source::new(name, String::new());
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // NUL is valid UTF-8 but never in a text file: it is what UTF-16
            // text without a byte order mark looks like when read as UTF-8.
            if let Some(nul) = text.find('\0') {
                text.truncate(line_end(text.as_bytes(), nul));
                diags.push(
                    Diagnostic::new(
                        Code::NotUtf8,
                        Loc::new(file, nul..nul + 1),
                        format!("file is not UTF-8 text (NUL byte at byte {nul}, as in UTF-16)"),
                    )
                    .label("NUL")
                    .help("save the file as UTF-8 in your editor"),
                );
            }
            Source::new(name, text)
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // Keep the text to the end of the line where it breaks, the bad
            // bytes shown as U+FFFD, so the excerpt can show the place.
            let end = line_end(&bytes, valid);
            let text = String::from_utf8_lossy(&bytes[..end]).into_owned();
            let bad = valid..valid + char::REPLACEMENT_CHARACTER.len_utf8();
            diags.push(
                Diagnostic::new(
                    Code::NotUtf8,
                    Loc::new(file, bad),
                    format!(
                        "file is not UTF-8 text (invalid byte 0x{:02X} at byte {valid})",
                        bytes[valid]
                    ),
                )
                .label("not UTF-8")
                .help("save the file as UTF-8 in your editor"),
            );
            Source::new(name, text)
        }
    }
}

/// A finding for text that starts with a UTF-16 byte order mark.
fn utf16(file: FileId, bytes: &[u8]) -> Option<Diagnostic> {
    let encoding = match bytes {
        [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
        [0xFF, 0xFE, ..] => "UTF-16 (little-endian)",
        _ => return None,
    };
    Some(
        Diagnostic::new(
            Code::NotUtf8,
            Loc::new(file, 0..0),
            format!("file is {encoding} text, not UTF-8"),
        )
        .help("save the file as UTF-8 in your editor"),
    )
}

/// Parses one file's text into raw records, adding a finding for every
/// problem, and a warning for each string value holding a character never
/// shown raw on a terminal (W0507). Returns `None` when the file could not
/// be read as TOML at all (an empty file reads as no records).
pub(crate) fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<RawFile> {
    if let Ok(read) = de::from_str::<SoundFile>(text)
        && let Some(raw) = read.value.into_raw()
    {
        for (span, c) in read.unsafe_text {
            diags.push(crate::text::finding(Loc::new(file, span), c));
        }
        return Some(raw);
    }
    let raw = recover::parse(file, text, diags);
    if raw.is_some() {
        crate::text::unsafe_text(file, text, diags);
    }
    raw
}

/// The records of a sound file read in one pass, or `None` (for any
/// problem, any layout the one pass does not read, or no records at all)
/// to read it the way that reports problems.
pub fn read_sound(text: &str) -> Option<RawFile> {
    de::from_str::<SoundFile>(text).ok()?.value.into_raw()
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
    #[serde(default)]
    narrative: Vec<Spanned<crate::narrative::RawNarrative>>,
    #[serde(default)]
    recommendation: Vec<Spanned<crate::recommendations::RawRecommendation>>,
    #[serde(default)]
    budget: Vec<Spanned<crate::finance::raw::RawBudget>>,
    #[serde(default)]
    saving: Vec<Spanned<crate::finance::raw::RawSaving>>,
    #[serde(default)]
    cap: Vec<Spanned<crate::finance::raw::RawCap>>,
}

impl SoundFile {
    /// The records, or `None` for a file with none (which the recovering
    /// read reports).
    fn into_raw(self) -> Option<RawFile> {
        let raw = RawFile {
            strategy: self.strategy,
            settings: self.settings,
            owners: self.owner,
            boards: self.board,
            priorities: self.priority,
            objectives: self.objective,
            commitments: self.commitment,
            milestones: self.milestone,
            measures: self.measure,
            narratives: self.narrative,
            recommendations: self.recommendation,
            budgets: self.budget,
            savings: self.saving,
            caps: self.cap,
            broken_ids: Vec::new(),
            broken: Vec::new(),
        };
        let empty = raw.strategy.is_none()
            && raw.settings.is_none()
            && raw.owners.is_empty()
            && raw.boards.is_empty()
            && raw.priorities.is_empty()
            && raw.objectives.is_empty()
            && raw.commitments.is_empty()
            && raw.milestones.is_empty()
            && raw.measures.is_empty()
            && raw.narratives.is_empty()
            && raw.recommendations.is_empty()
            && raw.budgets.is_empty()
            && raw.savings.is_empty()
            && raw.caps.is_empty();
        (!empty).then_some(raw)
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

//! The mapping that says how to read an action-plan spreadsheet: the
//! strategy its rows belong to, which heading holds what, and the
//! spreadsheet's own words for statuses and owners.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

/// A mapping file, as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Mapping {
    /// The date the spreadsheet is as at: each milestone's `added` date,
    /// and the date of the status it records.
    pub date: toml::value::Datetime,
    /// The sheet to read; the first visible sheet if not given.
    #[serde(default)]
    pub sheet: Option<String>,
    /// The plan file's name, below the plans folder; `<strategy id>.toml`
    /// in lower case if not given.
    #[serde(default)]
    pub file: Option<String>,
    pub strategy: StrategyMapping,
    pub columns: Columns,
    /// The spreadsheet's status words, each to a status (`"Green" =
    /// "on-target"`); compared ignoring case and spaces.
    #[serde(default)]
    pub statuses: BTreeMap<String, String>,
    /// The spreadsheet's owner names, each to an owner id.
    #[serde(default)]
    pub owners: BTreeMap<String, String>,
}

/// The `[strategy]` written at the top of the plan file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StrategyMapping {
    pub id: String,
    pub title: String,
    pub start: toml::value::Datetime,
    pub end: toml::value::Datetime,
    pub owner: String,
    #[serde(default)]
    pub boards: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// Which heading holds each value. `title`, `owner` and `due` are needed.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Columns {
    pub title: String,
    pub owner: String,
    pub due: String,
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub commitment: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub percent: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
    /// The spreadsheet's own reference for each row, used as the
    /// milestone's id when it is a valid id.
    #[serde(default)]
    pub id: Option<String>,
}

/// The values a row can hold, in the order the mapping lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    Priority,
    Commitment,
    Title,
    Owner,
    Due,
    Status,
    Note,
    Percent,
    Action,
}

impl Field {
    /// The key in the mapping's `[columns]`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Priority => "priority",
            Field::Commitment => "commitment",
            Field::Title => "title",
            Field::Owner => "owner",
            Field::Due => "due",
            Field::Status => "status",
            Field::Note => "note",
            Field::Percent => "percent",
            Field::Action => "action",
        }
    }
}

impl Columns {
    /// Each field mapped, with its heading.
    pub fn fields(&self) -> Vec<(Field, &str)> {
        let optional = [
            (Field::Id, &self.id),
            (Field::Priority, &self.priority),
            (Field::Commitment, &self.commitment),
            (Field::Status, &self.status),
            (Field::Note, &self.note),
            (Field::Percent, &self.percent),
            (Field::Action, &self.action),
        ];
        let mut all = vec![
            (Field::Title, self.title.as_str()),
            (Field::Owner, self.owner.as_str()),
            (Field::Due, self.due.as_str()),
        ];
        all.extend(
            optional
                .into_iter()
                .filter_map(|(f, h)| h.as_deref().map(|h| (f, h))),
        );
        all.sort_by_key(|(f, _)| *f);
        all
    }
}

/// A problem with the mapping itself: the import cannot start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MappingError {
    #[error("the mapping is not valid: {0}")]
    Toml(String),
    #[error("`{key}` in the mapping is `{value}`, not a date: write it as {key} = 2025-09-30")]
    NotADate { key: &'static str, value: String },
    #[error(
        "the mapping's `[statuses]` maps `{from}` to `{to}`, which is not a status; statuses: {list}"
    )]
    NotAStatus {
        from: String,
        to: String,
        list: String,
    },
    #[error(
        "the strategy id `{0}` is not a valid id: letters, digits, `-`, `_` and `.`, starting with a letter or digit"
    )]
    BadId(String),
    #[error(
        "the mapping's `file` `{0}` is not a plain file name ending in `.toml` (no folders, not hidden)"
    )]
    BadFile(String),
}

/// A TOML date as a calendar date.
pub(crate) fn plain_date(
    key: &'static str,
    d: &toml::value::Datetime,
) -> Result<NaiveDate, MappingError> {
    let bad = || MappingError::NotADate {
        key,
        value: d.to_string(),
    };
    match (d.date, d.time, d.offset) {
        (Some(date), None, None) => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .ok_or_else(bad),
        _ => Err(bad()),
    }
}

impl Mapping {
    /// Reads a mapping file's text.
    pub fn parse(text: &str) -> Result<Mapping, MappingError> {
        let mapping: Mapping =
            toml::from_str(text).map_err(|e| MappingError::Toml(e.to_string()))?;
        plain_date("date", &mapping.date)?;
        plain_date("start", &mapping.strategy.start)?;
        plain_date("end", &mapping.strategy.end)?;
        if !crate::build::valid_id(&mapping.strategy.id) {
            return Err(MappingError::BadId(mapping.strategy.id.clone()));
        }
        for (from, to) in &mapping.statuses {
            if to.parse::<crate::Status>().is_err() {
                return Err(MappingError::NotAStatus {
                    from: from.clone(),
                    to: to.clone(),
                    list: crate::Status::words().collect::<Vec<_>>().join(", "),
                });
            }
        }
        if let Some(file) = &mapping.file {
            let plain = file.ends_with(".toml")
                && !file.starts_with('.')
                && !file.contains(['/', '\\', ':'])
                && file.len() > ".toml".len();
            if !plain {
                return Err(MappingError::BadFile(file.clone()));
            }
        }
        Ok(mapping)
    }

    /// The date the spreadsheet is as at (checked when parsed).
    pub fn as_at(&self) -> NaiveDate {
        plain_date("date", &self.date).unwrap_or_default()
    }

    /// The plan file's name.
    pub fn file_name(&self) -> String {
        self.file
            .clone()
            .unwrap_or_else(|| format!("{}.toml", self.strategy.id.to_lowercase()))
    }
}

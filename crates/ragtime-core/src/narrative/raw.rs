//! The raw `[[narrative]]` record: as written, with spans.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::raw::{SpannedDate, SpannedStr};

/// `[[narrative]]`: a lead officer's short commentary on a strategy or one
/// of its priorities, as at a date.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Narrative")]
pub struct RawNarrative {
    /// The id of the strategy or priority it comments on.
    #[schemars(with = "String")]
    pub item: SpannedStr,
    /// The date it speaks as at: reports as at this date or later show it,
    /// until a later one. For a quarter's narrative, the quarter end.
    #[schemars(with = "crate::schema::TomlDate")]
    pub date: SpannedDate,
    /// Owner id of the lead officer who wrote it.
    #[schemars(with = "String")]
    pub by: SpannedStr,
    /// The commentary: a few sentences on the period.
    #[schemars(with = "String")]
    pub text: SpannedStr,
    #[serde(default)]
    pub source: Option<String>,
    /// `true` when invented for an example rather than written by the lead.
    #[serde(default)]
    pub illustrative: bool,
}

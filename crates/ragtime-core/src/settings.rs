//! Rating settings from the plan set's `[settings]` table, with defaults.

use serde::Deserialize;

/// `[settings]` as written. The rating rules read their windows, thresholds
/// and colour scale from here.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSettings {}

//! Raw plan records: serde structs that mirror the file exactly, with spans.
//!
//! Nothing here is checked beyond TOML types: ids are unresolved strings,
//! statuses are unparsed words and dates are TOML dates. The model builder
//! (`build.rs`) turns these into the typed model and reports what is wrong,
//! pointing at the spans kept here.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub type SpannedStr = Spanned<String>;
pub type SpannedDate = Spanned<Datetime>;

/// A person's role in an organisation: `[[owner]]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawOwner {
    pub id: SpannedStr,
    pub role: SpannedStr,
    pub org: SpannedStr,
    #[serde(default)]
    pub sector: Option<SpannedStr>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A board or committee: `[[board]]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawBoard {
    pub id: SpannedStr,
    pub name: SpannedStr,
    #[serde(default)]
    pub reports_to: Option<SpannedStr>,
    #[serde(default)]
    pub meets: Option<SpannedStr>,
    #[serde(default)]
    pub chair: Option<SpannedStr>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The decision that approved a strategy: `approved = { by = "cabinet", on = 2024-12-19 }`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawDecision {
    pub by: SpannedStr,
    pub on: SpannedDate,
    #[serde(default)]
    pub note: Option<String>,
}

/// `[strategy]`: at most one per file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawStrategy {
    pub id: SpannedStr,
    pub title: SpannedStr,
    pub start: SpannedDate,
    pub end: SpannedDate,
    pub owner: SpannedStr,
    #[serde(default)]
    pub boards: Vec<SpannedStr>,
    #[serde(default)]
    pub approved: Option<Spanned<RawDecision>>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// `[[priority]]`: an outcome the strategy aims for.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPriority {
    pub id: SpannedStr,
    #[serde(default)]
    pub strategy: Option<SpannedStr>,
    pub title: SpannedStr,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// `[[objective]]`: one of a priority's numbered objectives.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawObjective {
    pub id: SpannedStr,
    pub priority: SpannedStr,
    #[serde(default)]
    pub number: Option<String>,
    pub text: SpannedStr,
    #[serde(default)]
    pub source: Option<String>,
}

/// `[[commitment]]`: a "We will ..." statement.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawCommitment {
    pub id: SpannedStr,
    pub priority: SpannedStr,
    pub text: SpannedStr,
    pub owner: SpannedStr,
    #[serde(default)]
    pub objectives: Vec<SpannedStr>,
    #[serde(default)]
    pub measures: Vec<SpannedStr>,
    #[serde(default)]
    pub boards: Vec<SpannedStr>,
    #[serde(default)]
    pub due: Option<SpannedDate>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

/// One entry of a milestone's update log: `[[milestone.update]]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawUpdate {
    pub date: SpannedDate,
    pub status: SpannedStr,
    pub by: SpannedStr,
    #[serde(default)]
    pub note: Option<SpannedStr>,
    #[serde(default)]
    pub percent: Option<Spanned<i64>>,
    /// A revised due date; needs a `reason`.
    #[serde(default)]
    pub due: Option<SpannedDate>,
    #[serde(default)]
    pub reason: Option<SpannedStr>,
    /// The corrective action, for an item that is off track.
    #[serde(default)]
    pub action: Option<SpannedStr>,
}

/// `[[milestone]]`: a dated deliverable of a commitment.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMilestone {
    pub id: SpannedStr,
    pub commitment: SpannedStr,
    pub title: SpannedStr,
    pub owner: SpannedStr,
    pub added: SpannedDate,
    /// The baseline due date, as first planned.
    pub due: SpannedDate,
    #[serde(default)]
    pub depends_on: Vec<SpannedStr>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub update: Vec<Spanned<RawUpdate>>,
}

/// A dated value of a measure: baseline, target or actual.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPoint {
    pub date: SpannedDate,
    pub value: Spanned<f64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A benchmark to compare a measure with: national average, statistical
/// neighbours, ...
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawComparator {
    pub name: SpannedStr,
    pub value: Spanned<f64>,
    #[serde(default)]
    pub date: Option<SpannedDate>,
}

/// `[[measure]]`: an indicator that evidences commitments.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMeasure {
    pub id: SpannedStr,
    #[serde(default)]
    pub strategy: Option<SpannedStr>,
    pub name: SpannedStr,
    #[serde(default)]
    pub unit: Option<String>,
    pub direction: SpannedStr,
    #[serde(default)]
    pub owner: Option<SpannedStr>,
    #[serde(default)]
    pub baseline: Option<Spanned<RawPoint>>,
    #[serde(default)]
    pub target: Option<Spanned<RawPoint>>,
    #[serde(default)]
    pub tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    pub actual: Vec<Spanned<RawPoint>>,
    #[serde(default)]
    pub comparators: Vec<Spanned<RawComparator>>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

/// Everything one file holds, in file order within each kind.
#[derive(Clone, Debug, Default)]
pub struct RawFile {
    pub strategy: Option<Spanned<RawStrategy>>,
    pub settings: Option<Spanned<crate::settings::RawSettings>>,
    pub owners: Vec<Spanned<RawOwner>>,
    pub boards: Vec<Spanned<RawBoard>>,
    pub priorities: Vec<Spanned<RawPriority>>,
    pub objectives: Vec<Spanned<RawObjective>>,
    pub commitments: Vec<Spanned<RawCommitment>>,
    pub milestones: Vec<Spanned<RawMilestone>>,
    pub measures: Vec<Spanned<RawMeasure>>,
    /// Ids of records that failed to deserialize, so references to them are
    /// not reported a second time as unknown, and an id used twice is found
    /// even when one of the two records is broken.
    pub broken_ids: Vec<SpannedStr>,
}

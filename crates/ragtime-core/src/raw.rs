//! Raw plan records: serde structs that mirror the file exactly, with spans.
//!
//! Nothing here is checked beyond TOML types: ids are unresolved strings,
//! statuses are unparsed words and dates are TOML dates. The model builder
//! (`build/`) turns these into the typed model and reports what is wrong,
//! pointing at the spans kept here.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub type SpannedStr = Spanned<String>;
pub type SpannedDate = Spanned<Datetime>;

/// A person's role in an organisation: `[[owner]]`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Owner")]
pub struct RawOwner {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    #[schemars(with = "String")]
    pub role: SpannedStr,
    #[schemars(with = "String")]
    pub org: SpannedStr,
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::SectorWord>")]
    pub sector: Option<SpannedStr>,
    #[serde(default)]
    pub note: Option<String>,
    /// The document and section that name this role and organisation.
    #[serde(default)]
    pub source: Option<String>,
    /// `true` when the role or the organisation is not taken from a source
    /// document.
    #[serde(default)]
    pub illustrative: bool,
}

/// A board or committee: `[[board]]`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Board")]
pub struct RawBoard {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    #[schemars(with = "String")]
    pub name: SpannedStr,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub reports_to: Option<SpannedStr>,
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::CadenceWord>")]
    pub meets: Option<SpannedStr>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub chair: Option<SpannedStr>,
    #[serde(default)]
    pub note: Option<String>,
    /// The document and section that give this board, its chair and its
    /// reporting line.
    #[serde(default)]
    pub source: Option<String>,
    /// `true` when anything this record says (its reporting line, its
    /// members, what it oversees) is not taken from a source document.
    #[serde(default)]
    pub illustrative: bool,
}

/// The decision that approved a strategy: `approved = { by = "cabinet", on = 2024-12-19 }`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Decision")]
pub struct RawDecision {
    #[schemars(with = "String")]
    pub by: SpannedStr,
    #[schemars(with = "crate::schema::TomlDate")]
    pub on: SpannedDate,
    #[serde(default)]
    pub note: Option<String>,
}

/// `[strategy]`: at most one per file.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Strategy")]
pub struct RawStrategy {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    #[schemars(with = "String")]
    pub title: SpannedStr,
    #[schemars(with = "crate::schema::TomlDate")]
    pub start: SpannedDate,
    #[schemars(with = "crate::schema::TomlDate")]
    pub end: SpannedDate,
    #[schemars(with = "String")]
    pub owner: SpannedStr,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub boards: Vec<SpannedStr>,
    #[serde(default)]
    #[schemars(with = "Option<RawDecision>")]
    pub approved: Option<Spanned<RawDecision>>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// `true` once the strategy is closed: after its end date it is
    /// reported as at its end.
    #[serde(default)]
    pub closed: bool,
}

/// `[[priority]]`: an outcome the strategy aims for.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Priority")]
pub struct RawPriority {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub strategy: Option<SpannedStr>,
    #[schemars(with = "String")]
    pub title: SpannedStr,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// `[[objective]]`: one of a priority's numbered objectives.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Objective")]
pub struct RawObjective {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    #[schemars(with = "String")]
    pub priority: SpannedStr,
    #[serde(default)]
    pub number: Option<String>,
    #[schemars(with = "String")]
    pub text: SpannedStr,
    #[serde(default)]
    pub source: Option<String>,
}

/// `[[commitment]]`: a "We will ..." statement.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Commitment")]
pub struct RawCommitment {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    #[schemars(with = "String")]
    pub priority: SpannedStr,
    #[schemars(with = "String")]
    pub text: SpannedStr,
    #[schemars(with = "String")]
    pub owner: SpannedStr,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub objectives: Vec<SpannedStr>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub measures: Vec<SpannedStr>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub boards: Vec<SpannedStr>,
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::TomlDate>")]
    pub due: Option<SpannedDate>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

/// One entry of a milestone's update log: `[[milestone.update]]`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Update")]
pub struct RawUpdate {
    /// When the update was made; not before the update above it.
    #[schemars(with = "crate::schema::TomlDate")]
    pub date: SpannedDate,
    /// The status now.
    #[schemars(with = "crate::schema::StatusWord")]
    pub status: SpannedStr,
    /// Owner id of whoever made the update.
    #[schemars(with = "String")]
    pub by: SpannedStr,
    /// What happened; for `complete`, what was delivered; for `cancelled`, why.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<SpannedStr>,
    /// Percent complete, 0 to 100.
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = 0, max = 100))]
    pub percent: Option<Spanned<i64>>,
    /// A revised due date; needs a `reason`.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::TomlDate>")]
    pub due: Option<SpannedDate>,
    /// Why the due date moved; needed with `due`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub reason: Option<SpannedStr>,
    /// The corrective action, for an item that is off track.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub action: Option<SpannedStr>,
}

/// `[[milestone]]`: a dated deliverable of a commitment.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Milestone")]
pub struct RawMilestone {
    /// Unique across the whole plan set, e.g. `CPS-P1-C3-M2`.
    #[schemars(with = "String")]
    pub id: SpannedStr,
    /// The id of the commitment it delivers.
    #[schemars(with = "String")]
    pub commitment: SpannedStr,
    /// What will be delivered.
    #[schemars(with = "String")]
    pub title: SpannedStr,
    /// Owner id.
    #[schemars(with = "String")]
    pub owner: SpannedStr,
    /// The date it was added to the plan.
    #[schemars(with = "crate::schema::TomlDate")]
    pub added: SpannedDate,
    /// The baseline due date, as first planned.
    #[schemars(with = "crate::schema::TomlDate")]
    pub due: SpannedDate,
    /// Ids of milestones that must come first.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub depends_on: Vec<SpannedStr>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
    /// The update log, oldest first: `[[milestone.update]]` entries.
    #[serde(default)]
    #[schemars(with = "Vec<RawUpdate>")]
    pub update: Vec<Spanned<RawUpdate>>,
}

/// A dated value of a measure: baseline, target or actual.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Point")]
pub struct RawPoint {
    #[schemars(with = "crate::schema::TomlDate")]
    pub date: SpannedDate,
    #[schemars(with = "f64")]
    pub value: Spanned<f64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A benchmark to compare a measure with: national average, statistical
/// neighbours, ...
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Comparator")]
pub struct RawComparator {
    #[schemars(with = "String")]
    pub name: SpannedStr,
    #[schemars(with = "f64")]
    pub value: Spanned<f64>,
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::TomlDate>")]
    pub date: Option<SpannedDate>,
    /// The comparator's own unit, when it counts another population than
    /// the measure does (`% of all pupils` beside `% of children in care`);
    /// without it, the measure's unit.
    #[serde(default)]
    pub unit: Option<String>,
}

/// `[[measure]]`: an indicator that evidences commitments.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Measure")]
pub struct RawMeasure {
    #[schemars(with = "String")]
    pub id: SpannedStr,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub strategy: Option<SpannedStr>,
    #[schemars(with = "String")]
    pub name: SpannedStr,
    #[serde(default)]
    pub unit: Option<String>,
    #[schemars(with = "crate::schema::DirectionWord")]
    pub direction: SpannedStr,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<SpannedStr>,
    #[serde(default)]
    #[schemars(with = "Option<RawPoint>")]
    pub baseline: Option<Spanned<RawPoint>>,
    /// The final target.
    #[serde(default)]
    #[schemars(with = "Option<RawPoint>")]
    pub target: Option<Spanned<RawPoint>>,
    /// Interim targets before the final one, in date order.
    #[serde(default)]
    #[schemars(with = "Vec<RawPoint>")]
    pub interim: Vec<Spanned<RawPoint>>,
    /// `linear`: the target in force runs in straight lines from the
    /// baseline through the interim targets to the final target.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::TrajectoryWord>")]
    pub trajectory: Option<SpannedStr>,
    /// How often a value is reported: `monthly`, `quarterly`, `termly`,
    /// `six-monthly` or `annual`.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::FrequencyWord>")]
    pub frequency: Option<SpannedStr>,
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    #[schemars(with = "Vec<RawPoint>")]
    pub actual: Vec<Spanned<RawPoint>>,
    #[serde(default)]
    #[schemars(with = "Vec<RawComparator>")]
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
    pub narratives: Vec<Spanned<crate::narrative::RawNarrative>>,
    pub recommendations: Vec<Spanned<crate::recommendations::RawRecommendation>>,
    pub budgets: Vec<Spanned<crate::finance::raw::RawBudget>>,
    pub savings: Vec<Spanned<crate::finance::raw::RawSaving>>,
    pub caps: Vec<Spanned<crate::finance::raw::RawCap>>,
    /// Ids of records that failed to deserialize, so references to them are
    /// not reported a second time as unknown, and an id used twice is found
    /// even when one of the two records is broken.
    pub broken_ids: Vec<SpannedStr>,
    /// Records that could not be read (or tables under an unknown key),
    /// with what they say about where they belong (see `crate::reach`).
    pub broken: Vec<BrokenRecord>,
}

impl RawFile {
    /// Gives back the room its lists were read into and did not use.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.owners.shrink_to_fit();
        self.boards.shrink_to_fit();
        self.priorities.shrink_to_fit();
        self.objectives.shrink_to_fit();
        self.commitments.shrink_to_fit();
        self.measures.shrink_to_fit();
    }
}

/// A record that could not be read whole, and what it still says about
/// where it belongs: a report is not made while a record that may belong
/// to it is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BrokenRecord {
    /// The key it was under: `milestone`, `owner`, ..., or an unknown one.
    pub section: String,
    /// The text values of the keys that place a record (`id`, `strategy`,
    /// `priority`, `commitment`, `item`, `boards`, `measures`,
    /// `committee`, `for`), each as a list (one entry for a single value).
    pub keys: Vec<(String, Vec<String>)>,
}

impl BrokenRecord {
    /// The values of `key`, if it was written with text values.
    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_slice())
    }
}

//! The JSON Schema of a plan file, generated from the raw records, for
//! editors (taplo, Even Better TOML) that complete and check keys while
//! typing. `docs/plan.schema.json` is this schema, kept up to date by a test.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::model::{Cadence, Direction, Frequency, Sector, Status, Trajectory};
use crate::raw::*;
use crate::settings::RawSettings;

/// A whole plan file: any of the tables, in any file.
#[derive(JsonSchema)]
#[schemars(
    title = "Ragtime plan file",
    description = "A file of a Ragtime plan set: owners, boards, a strategy with its priorities, objectives, commitments, milestones, measures and narratives, scrutiny recommendations, or settings. See docs/plan-format.md.",
    deny_unknown_fields
)]
#[allow(dead_code)] // only its schema is used
struct PlanFile {
    /// The strategy this file holds: at most one per file.
    strategy: Option<RawStrategy>,
    /// The rating settings: one table in the whole plan set.
    settings: Option<RawSettings>,
    /// Owners: roles, never named people.
    owner: Option<Vec<RawOwner>>,
    /// Boards and committees.
    board: Option<Vec<RawBoard>>,
    /// The strategy's priorities.
    priority: Option<Vec<RawPriority>>,
    /// A priority's numbered objectives.
    objective: Option<Vec<RawObjective>>,
    /// "We will ..." statements.
    commitment: Option<Vec<RawCommitment>>,
    /// Dated deliverables of commitments, each with its update log.
    milestone: Option<Vec<RawMilestone>>,
    /// Indicators that evidence commitments.
    measure: Option<Vec<RawMeasure>>,
    /// Lead officers' dated narratives on a strategy or a priority.
    narrative: Option<Vec<crate::narrative::RawNarrative>>,
    /// Scrutiny recommendations, with the executive's response.
    recommendation: Option<Vec<crate::recommendations::RawRecommendation>>,
    /// Budget lines: money for an item, year by year, with what finance
    /// reports against it.
    budget: Option<Vec<crate::finance::raw::RawBudget>>,
    /// Savings targets for a financial year.
    saving: Option<Vec<crate::finance::raw::RawSaving>>,
    /// The most that may be spent over a term.
    cap: Option<Vec<crate::finance::raw::RawCap>>,
}

/// The schema as pretty-printed JSON, ending in a newline.
pub fn plan_schema_json() -> String {
    // Draft 7: the newest draft that the TOML editor tools understand.
    let mut settings = schemars::generate::SchemaSettings::draft07();
    // First, so that draft 7's own clean-ups see the result.
    settings.transforms.insert(0, Box::new(no_null));
    let schema = settings.into_generator().into_root_schema_for::<PlanFile>();
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema is always JSON");
    json.push('\n');
    json
}

/// TOML has no null: an optional key is simply left out, so `Option<T>`
/// is described as `T` (and the key is not required).
fn no_null(schema: &mut Schema) {
    if let Some(obj) = schema.as_object_mut() {
        if obj.get("default") == Some(&serde_json::Value::Null) {
            obj.remove("default");
        }
        if let Some(serde_json::Value::Array(types)) = obj.get_mut("type") {
            types.retain(|t| t != "null");
            if types.len() == 1 {
                let only = types.remove(0);
                obj.insert("type".into(), only);
            }
        }
        let null = serde_json::json!({ "type": "null" });
        if let Some(serde_json::Value::Array(any)) = obj.get("anyOf") {
            let rest: Vec<serde_json::Value> =
                any.iter().filter(|s| **s != null).cloned().collect();
            if let [serde_json::Value::Object(only)] = rest.as_slice() {
                obj.remove("anyOf");
                for (k, v) in only {
                    obj.insert(k.clone(), v.clone());
                }
            }
        }
    }
    schemars::transform::transform_subschemas(&mut no_null, schema);
}

/// A TOML local date, written without quotes: `due = 2025-06-30`. Editors
/// see TOML dates as strings in date format.
pub struct TomlDate;

impl JsonSchema for TomlDate {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A date, written without quotes: 2025-06-30."
        })
    }
}

/// An amount of money: text with its currency, never a number, so no
/// figure is rounded.
pub struct MoneyText;

impl JsonSchema for MoneyText {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^\\s*-?\\s*(GBP|gbp|£)\\s*-?[0-9][0-9,]*(\\.[0-9]+)?\\s*([kKmM]|bn|BN)?\\s*$",
            "description": "An amount in quotes with its currency: \"GBP 1.3m\", \"GBP 368,000\", \"GBP 2.5k\". Exact to the penny; never a bare number."
        })
    }
}

/// A financial year: `2024/25`.
pub struct YearText;

impl JsonSchema for YearText {
    fn schema_name() -> Cow<'static, str> {
        "FinancialYear".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}/([0-9]{2}|[0-9]{4})$",
            "description": "A financial year, 1 April to 31 March: \"2024/25\"."
        })
    }
}

/// A quarter of a financial year: `2024/25-Q2`.
pub struct QuarterText;

impl JsonSchema for QuarterText {
    fn schema_name() -> Cow<'static, str> {
        "Quarter".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}/([0-9]{2}|[0-9]{4})[- ][Qq][1-4]$",
            "description": "A quarter of a financial year: \"2024/25-Q2\" (Q1 is April to June); dated at its last day."
        })
    }
}

/// Declares a schema type for a closed set of words, listed from the model
/// so the schema can never drift from what `check` accepts.
macro_rules! word_schema {
    ($name:ident, $title:literal, $words:expr) => {
        pub struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                $title.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let words: Vec<&str> = $words.collect();
                json_schema!({ "type": "string", "enum": words })
            }
        }
    };
}

word_schema!(StatusWord, "Status", Status::words());
word_schema!(SectorWord, "Sector", Sector::words());
word_schema!(CadenceWord, "Cadence", Cadence::words());
word_schema!(DirectionWord, "Direction", Direction::words());
word_schema!(
    ScaleWord,
    "Scale",
    ["brag", "rag", "five-point"].into_iter()
);
word_schema!(
    AcceptanceWord,
    "ResponseDecision",
    crate::recommendations::Acceptance::words()
);
word_schema!(RollupWord, "Rollup", ["thresholds", "worst-of"].into_iter());
word_schema!(PercentOfWord, "PercentOf", ["rated", "live"].into_iter());
word_schema!(
    RoundingWord,
    "Rounding",
    ["down", "nearest", "one-decimal"].into_iter()
);
word_schema!(FrequencyWord, "Frequency", Frequency::words());
word_schema!(TrajectoryWord, "Trajectory", Trajectory::words());
word_schema!(
    BudgetKindWord,
    "BudgetKind",
    crate::finance::BudgetKind::words()
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_the_seven_words() {
        let json: serde_json::Value = serde_json::from_str(&plan_schema_json()).unwrap();
        let status = &json["definitions"]["Status"]["enum"];
        let words: Vec<&str> = Status::words().collect();
        assert_eq!(status, &serde_json::json!(words));
        assert_eq!(words.len(), 7);
    }
}

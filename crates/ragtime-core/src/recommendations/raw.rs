//! Raw `[[recommendation]]` records, as written, with spans: ids are
//! unresolved strings, the decision an unparsed word, dates TOML dates.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::de::DeValue;

use crate::diag::{Code, Diagnostic};
use crate::raw::{SpannedDate, SpannedStr};
use crate::source::{FileId, Loc};

/// `[[recommendation]]`: a recommendation a committee made to the executive.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Recommendation")]
pub struct RawRecommendation {
    /// Unique across the whole plan set, e.g. `CYPSC-2018-AUT-1`.
    #[schemars(with = "String")]
    pub id: SpannedStr,
    /// The board id of the committee that made it.
    #[schemars(with = "String")]
    pub committee: SpannedStr,
    /// The date the committee made it.
    #[schemars(with = "crate::schema::TomlDate")]
    pub made: SpannedDate,
    /// The date the executive received it, if later than `made`: the
    /// response window begins with this day.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::TomlDate>")]
    pub received: Option<SpannedDate>,
    /// What it asks for, in a few words, for tables.
    #[schemars(with = "String")]
    pub title: SpannedStr,
    /// The recommendation as the committee worded it.
    #[schemars(with = "String")]
    pub text: SpannedStr,
    /// Ids of the commitments and milestones that deliver it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub delivered_by: Vec<SpannedStr>,
    /// The executive's response, once made: `[recommendation.response]`.
    #[serde(default)]
    #[schemars(with = "Option<RawResponse>")]
    pub response: Option<Spanned<RawResponse>>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

/// `[recommendation.response]`: the executive's response to one
/// recommendation.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Response")]
pub struct RawResponse {
    /// What the executive decided: `accepted`, `partly-accepted` or
    /// `rejected`. Required.
    // Optional to serde, so that a response without one is reported as
    // such (E0702) rather than as a bare missing key.
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::AcceptanceWord>")]
    pub decision: Option<SpannedStr>,
    /// The date of the response (the decision approving it).
    #[schemars(with = "crate::schema::TomlDate")]
    pub date: SpannedDate,
    /// The board id of the executive body that gave it, e.g. `cabinet`.
    #[schemars(with = "String")]
    pub by: SpannedStr,
    /// The response; the reasons, needed when rejected or partly accepted.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<SpannedStr>,
    /// The action agreed.
    #[serde(default)]
    pub action: Option<String>,
    /// Owner id of whoever owns the action agreed.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<SpannedStr>,
    #[serde(default)]
    pub source: Option<String>,
    /// `true` when the decision or date is inferred, not taken from a paper.
    #[serde(default)]
    pub illustrative: bool,
}

/// A response written `[[recommendation.response]]`, as a list, read as
/// the one response it must be: one finding, and its first entry kept so
/// that what is wrong inside it is found too. `value` is the file's
/// `recommendation` array, before its records are read.
pub(crate) fn one_response(
    file: FileId,
    value: &mut Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) {
    let DeValue::Array(items) = value.get_mut() else {
        return;
    };
    for item in items.iter_mut() {
        let DeValue::Table(table) = item.get_mut() else {
            continue;
        };
        for (key, response) in table.iter_mut() {
            if key.get_ref().as_ref() != "response" {
                continue;
            }
            let DeValue::Array(list) = response.get_mut() else {
                continue;
            };
            let Some(first) = list.first().cloned() else {
                continue;
            };
            diags.push(
                Diagnostic::new(
                    Code::WrongType,
                    Loc::new(file, key.span()),
                    "a recommendation has one response, not a list of them",
                )
                .label("a list")
                .help(
                    "write `[recommendation.response]` (single brackets), once below its \
                     recommendation",
                ),
            );
            *response = first;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{PLAN, REGISTRY, found, load_files};

    fn load(recs: &str) -> crate::PlanSet {
        let recs = format!(
            "[[board]]\nid = \"scrutiny\"\nname = \"Scrutiny\"\nreports-to = \"cabinet\"\n\n\
             [[recommendation]]\nid = \"R1\"\ncommittee = \"scrutiny\"\nmade = 2025-04-10\n\
             title = \"T\"\ntext = \"X\"\n{recs}"
        );
        load_files(&[
            ("registry.toml", REGISTRY),
            ("plan.toml", PLAN),
            ("recs.toml", &recs),
        ])
    }

    fn helps(plans: &crate::PlanSet) -> Vec<&str> {
        plans
            .diagnostics
            .iter()
            .map(|d| d.help.as_deref().unwrap_or(""))
            .collect()
    }

    #[test]
    fn a_response_written_as_a_list_is_one_finding_and_read() {
        let plans = load(
            "[[recommendation.response]]\ndecision = \"accepted\"\ndate = 2025-05-01\n\
             by = \"cabinet\"\n",
        );
        assert_eq!(found(&plans), ["E0102 recs.toml:12:18"]);
        assert_eq!(
            helps(&plans),
            ["write `[recommendation.response]` (single brackets), once below its recommendation"]
        );
        let r = &plans.model.recommendations[0];
        assert!(r.response.is_some());
    }

    #[test]
    fn response_keys_on_the_recommendation_say_where_they_go() {
        let plans = load("decision = \"accepted\"\n");
        assert_eq!(found(&plans), ["E0101 recs.toml:12:1"]);
        assert!(helps(&plans)[0].contains("[recommendation.response]"));
        let plans = load(
            "[recommendation.response]\ndecision = \"rejected\"\ndate = 2025-05-01\n\
             by = \"cabinet\"\nreasons = \"Too dear.\"\n",
        );
        // The reasons are not read: the rejection has none (E0703).
        assert_eq!(
            found(&plans),
            ["E0703 recs.toml:13:12", "E0101 recs.toml:16:1"]
        );
        assert_eq!(
            helps(&plans)[1],
            "the response, with its reasons, goes in `text`"
        );
    }
}

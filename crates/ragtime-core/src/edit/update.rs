//! The update to record, fully specified, and how it is written: as
//! `key = value` lines, as an inline table, and as the TOML value the
//! result is checked against.

use chrono::NaiveDate;
use toml_writer::ToTomlValue;

/// One update to record, fully specified: the caller fills in defaults
/// (today's date, the current status) because the core never reads the clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewUpdate {
    pub date: NaiveDate,
    /// Written as given; the plan checks say whether it is one of the seven.
    pub status: String,
    pub by: String,
    pub note: Option<String>,
    pub percent: Option<i64>,
    /// A revised due date.
    pub due: Option<NaiveDate>,
    pub reason: Option<String>,
    /// The corrective action, written as `action`.
    pub action: Option<String>,
}

impl NewUpdate {
    /// The entry's keys in the order `docs/plan-format.md` lists them, each
    /// with its value already written as TOML.
    pub(super) fn pairs(&self) -> Vec<(&'static str, String)> {
        let text = |s: &str| {
            toml_writer::TomlStringBuilder::new(s)
                .as_basic()
                .to_toml_value()
        };
        let mut pairs = vec![
            ("date", self.date.format("%Y-%m-%d").to_string()),
            ("status", text(&self.status)),
            ("by", text(&self.by)),
        ];
        if let Some(note) = &self.note {
            pairs.push(("note", text(note)));
        }
        if let Some(percent) = self.percent {
            pairs.push(("percent", percent.to_string()));
        }
        if let Some(due) = self.due {
            pairs.push(("due", due.format("%Y-%m-%d").to_string()));
        }
        if let Some(reason) = &self.reason {
            pairs.push(("reason", text(reason)));
        }
        if let Some(action) = &self.action {
            pairs.push(("action", text(action)));
        }
        pairs
    }

    /// `{ date = 2026-03-31, status = "at-risk", ... }`, for logs written as
    /// inline arrays.
    pub(super) fn inline(&self) -> String {
        let body: Vec<String> = self
            .pairs()
            .into_iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect();
        format!("{{ {} }}", body.join(", "))
    }

    /// The entry as a TOML value, for checking the result.
    pub(super) fn to_toml(&self) -> toml::Value {
        let date = |d: NaiveDate| {
            d.format("%Y-%m-%d")
                .to_string()
                .parse::<toml::value::Datetime>()
                .map(toml::Value::Datetime)
                .expect("a formatted date parses")
        };
        let mut t = toml::Table::new();
        t.insert("date".into(), date(self.date));
        t.insert("status".into(), self.status.clone().into());
        t.insert("by".into(), self.by.clone().into());
        if let Some(v) = &self.note {
            t.insert("note".into(), v.clone().into());
        }
        if let Some(v) = self.percent {
            t.insert("percent".into(), v.into());
        }
        if let Some(v) = self.due {
            t.insert("due".into(), date(v));
        }
        if let Some(v) = &self.reason {
            t.insert("reason".into(), v.clone().into());
        }
        if let Some(v) = &self.action {
            t.insert("action".into(), v.clone().into());
        }
        toml::Value::Table(t)
    }
}

//! A typed cell in JSON: an object with one key naming its kind, and the
//! values it holds (a percentage as a number, a colour, a status, a
//! direction of travel, where a target comes from) in the words of the
//! schema.

use ragtime_core::Status;
use ragtime_core::report::{Cell, Colour, Percent, TargetSource, Trend};
use schemars::JsonSchema;
use serde::Serialize;

/// One typed value: an object with one key naming its kind.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Cell")]
#[serde(rename_all = "snake_case")]
pub enum CellJson<'a> {
    Text(&'a str),
    Count(u64),
    /// A percentage, already rounded as the report's settings say: a whole
    /// number, or a number with one decimal place.
    Percent(PercentJson),
    /// A measured value as reported (a decimal string, kept as written so
    /// no precision is added or lost), with its unit.
    Number {
        value: &'a str,
        unit: Option<&'a str>,
    },
    /// `YYYY-MM-DD`.
    Date(String),
    Rag {
        colour: ColourJson,
        /// The rating in words, as shown.
        label: &'a str,
        /// Why the rating is flagged, if it is.
        flag: Option<&'a str>,
    },
    Status(StatusJson),
    Trend(TrendJson),
    /// How a measure's latest value stands: the date it was measured
    /// (`null`: nothing measured yet), how often the measure is reported
    /// (`null`: no frequency declared), and whether the value is recent
    /// enough for that frequency (`null`: not judged).
    Measured {
        #[schemars(extend("format" = "date"))]
        date: Option<String>,
        frequency: Option<&'static str>,
        up_to_date: Option<bool>,
    },
    /// The date a measure's target in force is set for, and where the
    /// target comes from.
    TargetDate {
        #[schemars(extend("format" = "date"))]
        date: String,
        basis: TargetSourceJson,
    },
    /// Direction of travel against the previous quarter end and against
    /// the same quarter last year.
    Travel {
        quarter: TrendJson,
        year: TrendJson,
    },
}

impl<'a> CellJson<'a> {
    pub(super) fn from_cell(cell: &'a Cell) -> Option<Self> {
        Some(match cell {
            Cell::Empty => return None,
            Cell::Text(t) => CellJson::Text(t),
            Cell::Count(n) => CellJson::Count(*n),
            Cell::Percent(p) => CellJson::Percent(PercentJson(*p)),
            Cell::Number { text, unit } => CellJson::Number {
                value: text,
                unit: unit.as_deref(),
            },
            Cell::Date(d) => CellJson::Date(d.format("%Y-%m-%d").to_string()),
            Cell::Rag(r) => CellJson::Rag {
                colour: r.colour.into(),
                label: &r.label,
                flag: r.flag.as_deref(),
            },
            Cell::Status(s) => CellJson::Status((*s).into()),
            Cell::Trend(t) => CellJson::Trend((*t).into()),
            Cell::Measured {
                date,
                frequency,
                up_to_date,
            } => CellJson::Measured {
                date: date.map(|d| d.format("%Y-%m-%d").to_string()),
                frequency: frequency.map(|f| f.as_str()),
                up_to_date: *up_to_date,
            },
            Cell::TargetDate { date, basis } => CellJson::TargetDate {
                date: date.format("%Y-%m-%d").to_string(),
                basis: (*basis).into(),
            },
            Cell::Travel { quarter, year } => CellJson::Travel {
                quarter: (*quarter).into(),
                year: (*year).into(),
            },
        })
    }
}

/// A percentage as a JSON number: `87` when shown as a whole percent,
/// `87.4` when shown with one decimal place (`100.0` is written `100.0`).
pub struct PercentJson(Percent);

impl Serialize for PercentJson {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let tenths = self.0.in_tenths();
        if self.0.has_decimal() {
            // Tenths divided by ten: the shortest decimal that reads back
            // as the same number, so 874 is written 87.4.
            serializer.serialize_f64(f64::from(tenths) / 10.0)
        } else {
            serializer.serialize_u32(tenths / 10)
        }
    }
}

impl JsonSchema for PercentJson {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Percent".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "description": "A percentage: a whole number, or with one decimal place when the plan set's settings round to one."
        })
    }
}

/// A colour of the rating scale.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Colour")]
#[serde(rename_all = "kebab-case")]
pub enum ColourJson {
    Blue,
    Green,
    AmberGreen,
    Amber,
    AmberRed,
    Red,
    /// Not rated: not started, paused, cancelled, no data.
    Grey,
}

impl From<Colour> for ColourJson {
    fn from(c: Colour) -> Self {
        match c {
            Colour::Blue => ColourJson::Blue,
            Colour::Green => ColourJson::Green,
            Colour::AmberGreen => ColourJson::AmberGreen,
            Colour::Amber => ColourJson::Amber,
            Colour::AmberRed => ColourJson::AmberRed,
            Colour::Red => ColourJson::Red,
            Colour::Grey => ColourJson::Grey,
        }
    }
}

/// A milestone status, as written in plan files.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Status")]
#[serde(rename_all = "kebab-case")]
pub enum StatusJson {
    NotStarted,
    OnTarget,
    AtRisk,
    NotOnTarget,
    Paused,
    Complete,
    Cancelled,
}

impl From<Status> for StatusJson {
    fn from(s: Status) -> Self {
        match s {
            Status::NotStarted => StatusJson::NotStarted,
            Status::OnTarget => StatusJson::OnTarget,
            Status::AtRisk => StatusJson::AtRisk,
            Status::NotOnTarget => StatusJson::NotOnTarget,
            Status::Paused => StatusJson::Paused,
            Status::Complete => StatusJson::Complete,
            Status::Cancelled => StatusJson::Cancelled,
        }
    }
}

/// Direction of travel against an earlier period; `new` when not rated
/// then, `none` when there is nothing to compare.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Trend")]
#[serde(rename_all = "snake_case")]
pub enum TrendJson {
    Up,
    Down,
    Same,
    New,
    None,
}

impl From<Trend> for TrendJson {
    fn from(t: Trend) -> Self {
        match t {
            Trend::Up => TrendJson::Up,
            Trend::Down => TrendJson::Down,
            Trend::Same => TrendJson::Same,
            Trend::New => TrendJson::New,
            Trend::None => TrendJson::None,
        }
    }
}

/// Where a measure's target in force comes from: the next `interim`
/// target, the point on a declared `trajectory`, the `baseline` where a
/// trajectory starts, or the `final` target.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "TargetSource")]
#[serde(rename_all = "snake_case")]
pub enum TargetSourceJson {
    Interim,
    Trajectory,
    Baseline,
    Final,
}

impl From<TargetSource> for TargetSourceJson {
    fn from(t: TargetSource) -> Self {
        match t {
            TargetSource::Interim => TargetSourceJson::Interim,
            TargetSource::Trajectory => TargetSourceJson::Trajectory,
            TargetSource::Baseline => TargetSourceJson::Baseline,
            TargetSource::Final => TargetSourceJson::Final,
        }
    }
}

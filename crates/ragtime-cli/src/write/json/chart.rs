//! Chart data in JSON (stacked bars, and measures' trend charts with
//! their series); the same figures are in the section's table.

use ragtime_core::report::{Chart, SeriesRole, Sparkline};
use schemars::JsonSchema;
use serde::Serialize;

use super::cell::ColourJson;

/// Chart data; the same figures are in the section's table.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Chart")]
#[serde(rename_all = "snake_case")]
pub enum ChartJson<'a> {
    /// One bar per label, split into coloured segments.
    StackedBars { bars: Vec<BarJson<'a>> },
    /// One small line chart per row of the table (a measure over time).
    Sparklines { lines: Vec<SparklineJson<'a>> },
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Sparkline")]
pub struct SparklineJson<'a> {
    /// The id of the table row it belongs to (the measure id).
    pub id: &'a str,
    /// What is measured.
    pub label: &'a str,
    pub unit: Option<&'a str>,
    /// `higher` or `lower`: which way is better.
    pub better: &'static str,
    /// Targets first, the values measured last.
    pub series: Vec<SeriesJson<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Series")]
pub struct SeriesJson<'a> {
    pub role: SeriesRoleJson,
    /// The series in words: "measured", "baseline", "target".
    pub label: &'a str,
    /// In date order.
    pub points: Vec<PointJson<'a>>,
}

/// `actual`: values measured up to the as-at date; `baseline`: where the
/// plan starts from; `target`: the value to reach (one point), or a
/// trajectory of interim targets (several).
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "SeriesRole")]
#[serde(rename_all = "snake_case")]
pub enum SeriesRoleJson {
    Actual,
    Baseline,
    Target,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Point")]
pub struct PointJson<'a> {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// A decimal string at the precision reported, as in number cells.
    pub value: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Bar")]
pub struct BarJson<'a> {
    pub label: &'a str,
    pub segments: Vec<SegmentJson<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Segment")]
pub struct SegmentJson<'a> {
    pub colour: ColourJson,
    /// What the segment counts: "complete", "on target", ...
    pub label: &'a str,
    pub count: u64,
}

/// The chart data of a section.
pub(super) fn chart(c: &Chart) -> ChartJson<'_> {
    match c {
        Chart::StackedBars { bars } => ChartJson::StackedBars {
            bars: bars
                .iter()
                .map(|b| BarJson {
                    label: &b.label,
                    segments: b
                        .segments
                        .iter()
                        .map(|s| SegmentJson {
                            colour: s.colour.into(),
                            label: &s.label,
                            count: s.count,
                        })
                        .collect(),
                })
                .collect(),
        },
        Chart::Sparklines { lines } => ChartJson::Sparklines {
            lines: lines.iter().map(sparkline).collect(),
        },
    }
}

fn sparkline(l: &Sparkline) -> SparklineJson<'_> {
    SparklineJson {
        id: &l.id,
        label: &l.label,
        unit: l.unit.as_deref(),
        better: l.better.as_str(),
        series: l
            .series
            .iter()
            .map(|s| SeriesJson {
                role: match s.role {
                    SeriesRole::Actual => SeriesRoleJson::Actual,
                    SeriesRole::Baseline => SeriesRoleJson::Baseline,
                    SeriesRole::Target => SeriesRoleJson::Target,
                },
                label: &s.label,
                points: s
                    .points
                    .iter()
                    .map(|p| PointJson {
                        date: p.date.format("%Y-%m-%d").to_string(),
                        value: &p.text,
                    })
                    .collect(),
            })
            .collect(),
    }
}

//! A measure's trend as a small inline SVG: the values measured as a solid
//! line ending in a dot, the baseline as an open circle, and the target as
//! a dashed line at its value with a diamond at its date (a trajectory of
//! several targets as a dashed line through them). Shapes and dash tell
//! the series apart, never colour alone; the words say everything the
//! picture shows.

use chrono::NaiveDate;
use ragtime_core::Direction;
use ragtime_core::report::{ChartPoint, SeriesRole, Sparkline};

use super::super::cells;

/// The drawing's size in SVG user units; the page sets its printed size.
pub const WIDTH: f64 = 120.0;
pub const HEIGHT: f64 = 32.0;
/// Room at the edges for marks drawn on the first and last points.
const INSET: f64 = 4.0;
/// Half the size of a target's diamond.
const MARK: f64 = 3.0;

/// A sparkline laid out for the template; every figure is already words.
#[derive(Debug)]
pub struct SparklineView {
    /// Unique in the page: the ids of the title and description.
    pub key: String,
    pub title: String,
    pub desc: String,
    /// Dashed lines: one through a trajectory, or across at a single
    /// target's value.
    pub target_lines: Vec<String>,
    /// Diamonds at each target's date and value, as path data.
    pub target_marks: Vec<String>,
    pub baselines: Vec<(String, String)>,
    /// The values measured, as polyline points, when there are two or more.
    pub measured_line: Option<String>,
    /// The latest value measured.
    pub latest: Option<(String, String)>,
}

/// Places dates and values in the drawing.
struct Scale {
    first: NaiveDate,
    days: f64,
    low: f64,
    span: f64,
}

impl Scale {
    fn new(points: &[&ChartPoint]) -> Option<Scale> {
        let first = points.iter().map(|p| p.date).min()?;
        let last = points.iter().map(|p| p.date).max()?;
        let mut low = points.iter().map(|p| p.value).fold(f64::INFINITY, f64::min);
        let mut high = points
            .iter()
            .map(|p| p.value)
            .fold(f64::NEG_INFINITY, f64::max);
        if !low.is_finite() || !high.is_finite() {
            return None;
        }
        if (high - low).abs() < f64::EPSILON {
            let pad = (low.abs() * 0.1).max(1.0);
            low -= pad;
            high += pad;
        }
        Some(Scale {
            first,
            days: (last - first).num_days() as f64,
            low,
            span: high - low,
        })
    }

    fn x(&self, date: NaiveDate) -> f64 {
        if self.days == 0.0 {
            return WIDTH / 2.0;
        }
        let days = (date - self.first).num_days() as f64;
        INSET + (WIDTH - 2.0 * INSET) * days / self.days
    }

    fn y(&self, value: f64) -> f64 {
        HEIGHT - INSET - (HEIGHT - 2.0 * INSET) * (value - self.low) / self.span
    }

    fn at(&self, p: &ChartPoint) -> (String, String) {
        (coord(self.x(p.date)), coord(self.y(p.value)))
    }

    fn line(&self, points: &[ChartPoint]) -> String {
        points
            .iter()
            .map(|p| format!("{},{}", coord(self.x(p.date)), coord(self.y(p.value))))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn coord(v: f64) -> String {
    format!("{v:.1}")
}

/// Lays out `line`; with no point, only the words.
pub fn view(key: String, line: &Sparkline) -> SparklineView {
    let all: Vec<&ChartPoint> = line.series.iter().flat_map(|s| &s.points).collect();
    let mut view = SparklineView {
        key,
        title: format!("Trend of {}", line.id),
        desc: describe(line),
        target_lines: Vec::new(),
        target_marks: Vec::new(),
        baselines: Vec::new(),
        measured_line: None,
        latest: None,
    };
    let Some(scale) = Scale::new(&all) else {
        return view;
    };
    for s in &line.series {
        match s.role {
            SeriesRole::Target => {
                if let [only] = s.points.as_slice() {
                    let y = coord(scale.y(only.value));
                    view.target_lines.push(format!(
                        "{},{y} {},{y}",
                        coord(INSET),
                        coord(WIDTH - INSET)
                    ));
                } else if s.points.len() > 1 {
                    view.target_lines.push(scale.line(&s.points));
                }
                view.target_marks.extend(s.points.iter().map(|p| {
                    let (x, y) = (scale.x(p.date), scale.y(p.value));
                    format!(
                        "M{} {}L{} {}L{} {}L{} {}Z",
                        coord(x),
                        coord(y - MARK),
                        coord(x + MARK),
                        coord(y),
                        coord(x),
                        coord(y + MARK),
                        coord(x - MARK),
                        coord(y)
                    )
                }));
            }
            SeriesRole::Baseline => view.baselines.extend(s.points.iter().map(|p| scale.at(p))),
            SeriesRole::Actual => {
                if s.points.len() > 1 {
                    view.measured_line = Some(scale.line(&s.points));
                }
                view.latest = s.points.last().map(|p| scale.at(p));
            }
        }
    }
    view
}

/// The chart in words: every value it shows, with its date.
fn describe(line: &Sparkline) -> String {
    let value = |p: &ChartPoint| cells::with_unit(&p.text, line.unit.as_deref());
    let date = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    let mut parts = vec![format!("{}: {}", line.id, line.label)];
    for s in &line.series {
        if s.points.is_empty() {
            continue;
        }
        let word = match s.role {
            SeriesRole::Actual | SeriesRole::Baseline => "on",
            SeriesRole::Target => "by",
        };
        let values: Vec<String> = s
            .points
            .iter()
            .map(|p| format!("{} {word} {}", value(p), date(p.date)))
            .collect();
        parts.push(format!("{} {}", s.label, values.join(", ")));
    }
    if !line
        .series
        .iter()
        .any(|s| s.role == SeriesRole::Actual && !s.points.is_empty())
    {
        parts.push("nothing measured yet".to_string());
    }
    parts.push(match line.better {
        Direction::Higher => "higher is better".to_string(),
        Direction::Lower => "lower is better".to_string(),
    });
    format!("{}.", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::report::Series;

    fn point(y: i32, m: u32, d: u32, value: f64) -> ChartPoint {
        ChartPoint {
            date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            value,
            text: ragtime_core::rating::number(value),
        }
    }

    fn series(role: SeriesRole, label: &str, points: Vec<ChartPoint>) -> Series {
        Series {
            role,
            label: label.to_string(),
            points,
        }
    }

    fn stability() -> Sparkline {
        Sparkline {
            id: "CPS-M-1.4".to_string(),
            label: "Placement stability".to_string(),
            unit: Some("%".to_string()),
            better: Direction::Lower,
            series: vec![
                series(SeriesRole::Target, "target", vec![point(2027, 12, 31, 7.0)]),
                series(
                    SeriesRole::Baseline,
                    "baseline",
                    vec![point(2024, 9, 30, 9.0)],
                ),
                series(
                    SeriesRole::Actual,
                    "measured",
                    vec![point(2024, 9, 30, 9.0), point(2025, 9, 30, 11.0)],
                ),
            ],
        }
    }

    #[test]
    fn says_what_it_shows() {
        assert_eq!(
            view(String::new(), &stability()).desc,
            "CPS-M-1.4: Placement stability; target 7% by 31 Dec 2027; baseline 9% on \
             30 Sep 2024; measured 9% on 30 Sep 2024, 11% on 30 Sep 2025; lower is better."
        );
    }

    #[test]
    fn places_every_point_in_the_drawing() {
        let v = view(String::new(), &stability());
        // The first date is at the left inset, the target date at the right;
        // the highest value at the top inset, the lowest at the bottom.
        assert_eq!(v.baselines, vec![("4.0".into(), "16.0".into())]);
        assert_eq!(
            v.target_marks,
            vec!["M116.0 25.0L119.0 28.0L116.0 31.0L113.0 28.0Z"]
        );
        assert_eq!(v.target_lines, vec!["4.0,28.0 116.0,28.0".to_string()]);
        assert_eq!(v.latest, Some(("38.4".into(), "4.0".into())));
        assert_eq!(v.measured_line.as_deref(), Some("4.0,16.0 38.4,4.0"));
    }

    /// Interim targets (a trajectory) are drawn as a line through them.
    #[test]
    fn a_trajectory_is_a_line() {
        let mut line = stability();
        line.series[0].points = vec![point(2026, 3, 31, 10.0), point(2027, 12, 31, 7.0)];
        let v = view(String::new(), &line);
        assert_eq!(v.target_marks.len(), 2);
        assert_eq!(v.target_lines.len(), 1);
        assert!(
            !v.target_lines[0].starts_with("4.0,"),
            "{:?}",
            v.target_lines
        );
        assert!(
            v.desc
                .contains("target 10% by 31 Mar 2026, 7% by 31 Dec 2027")
        );
    }

    #[test]
    fn one_value_or_none() {
        let mut line = stability();
        line.series = vec![series(
            SeriesRole::Actual,
            "measured",
            vec![point(2025, 3, 31, 82.0)],
        )];
        let v = view(String::new(), &line);
        assert_eq!(v.measured_line, None);
        assert_eq!(v.latest, Some(("60.0".into(), "16.0".into())));
        line.series.clear();
        let v = view(String::new(), &line);
        assert_eq!(v.latest, None);
        assert!(v.desc.contains("nothing measured yet"), "{}", v.desc);
    }
}

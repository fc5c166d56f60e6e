//! The format-independent report document: sections, tables, typed cells,
//! chart data. The colours, directions of travel and percentages in its
//! cells are made below it, by the ratings and rollups, and named here too.

use chrono::NaiveDate;

use crate::model::{Direction, Frequency, Status};

pub use crate::rating::{Colour, Trend};
pub use crate::rollup::Percent;

/// Version of the document structure, written into JSON output. Bump it when
/// a field is renamed or removed (adding one is compatible).
pub const DOCUMENT_VERSION: u32 = 2;

/// A whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Stable machine name of the report: `portfolio`, `strategy`,
    /// `exceptions`, `measures`, `board`, ...
    pub kind: String,
    pub title: String,
    /// Every report states the date it is "as at".
    pub as_at: NaiveDate,
    /// How fresh the data in the report's scope is: the date of its latest
    /// update (also stated in words among the facts). `None` for a
    /// document that does not say.
    pub freshness: Option<Freshness>,
    /// Short facts shown under the title: ("Period", "2025/26 Q2"), ...
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// The latest update in a report's scope, and whether that is too old for
/// the report to rest on.
///
/// An update is an entry of a milestone's update log dated on or before the
/// as-at date. Measure values and narratives are not updates: a measure's
/// value has its own out-of-date rule (its reporting frequency), and a
/// narrative comments on progress rather than recording it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Freshness {
    /// The date of the latest update; `None` when no milestone in scope has
    /// one on or before the as-at date.
    pub latest_update: Option<NaiveDate>,
    /// Whether some milestone in scope is still open (not complete or
    /// cancelled) at the as-at date: only then can old updates mislead.
    pub open_work: bool,
    /// The staleness window (`stale-after-days`) in force.
    pub stale_after_days: u32,
}

/// The mark shown after the id of an item marked `illustrative = true`,
/// explained by [`ILLUSTRATIVE_LEGEND`]. Plain ASCII, so that it reads the
/// same in any terminal and code page and a line's width in columns is its
/// length in bytes.
pub const ILLUSTRATIVE_MARK: &str = "*";

/// What [`ILLUSTRATIVE_MARK`] means, as the note under a marked table.
pub const ILLUSTRATIVE_LEGEND: &str =
    "* Illustrative: invented for the example, not from a source document.";

/// One titled part of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Stable machine name, unique in the document: `summary`, `exceptions`,
    /// ... Used for `--table` and as the CSV file name.
    pub id: String,
    pub heading: String,
    /// Paragraphs before the table.
    pub intro: Vec<String>,
    pub table: Option<Table>,
    /// Paragraphs after the table (footnotes, what a marker means).
    pub notes: Vec<String>,
    pub chart: Option<Chart>,
    /// Lead officers' narratives on the items the table shows, shown beside
    /// it: the strategy's first, then its priorities' in plan order.
    pub narratives: Vec<Narrative>,
}

/// A lead officer's dated narrative on a strategy or a priority, as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Narrative {
    /// The id of the item it comments on.
    pub item: String,
    /// What the item is called: a strategy's or priority's title.
    pub name: String,
    /// The date it speaks as at.
    pub date: NaiveDate,
    /// Who wrote it: the owner's id and role.
    pub by_id: String,
    pub by: String,
    pub text: String,
    /// Marked `illustrative = true`: writers show [`ILLUSTRATIVE_MARK`].
    pub illustrative: bool,
    /// Set, in words, when it is older than the staleness window at the
    /// as-at date: "written 183 days before the as-at date; older than the
    /// 92-day staleness window".
    pub old: Option<String>,
}

impl Narrative {
    /// The line above the text: "Narrative on CPS-P1 Homes and housing by
    /// Head of Fostering, as at 2025-09-30".
    pub fn byline(&self) -> String {
        format!(
            "Narrative on {} {} by {}, as at {}",
            self.item, self.name, self.by, self.date
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Stable machine name (CSV header, JSON key): `at_risk`, `owner`, ...
    pub key: String,
    /// What people read: "At risk".
    pub heading: String,
    pub align: Align,
}

/// What a row is, so writers can set totals and group headings apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Item,
    /// A heading row inside a table (a priority above its commitments).
    Group,
    Total,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// One cell per column, in column order.
    pub cells: Vec<Cell>,
    /// The row's item is marked `illustrative = true`: writers show
    /// [`Row::mark`] after the first cell, JSON and CSV say so in a field.
    pub illustrative: bool,
}

impl Row {
    /// A row with no mark.
    pub fn new(kind: RowKind, cells: Vec<Cell>) -> Row {
        Row {
            kind,
            cells,
            illustrative: false,
        }
    }

    /// The mark to show after the first cell, if any.
    pub fn mark(&self) -> Option<&'static str> {
        self.illustrative.then_some(ILLUSTRATIVE_MARK)
    }
}

/// A rating as shown: the colour and the words for it ("Red", "Not started").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RagCell {
    pub colour: Colour,
    pub label: String,
    /// Why the rating is flagged, when it is: e.g. the owner's status says
    /// on target but the computed rating differs. Writers show a marker.
    pub flag: Option<String>,
}

/// One typed value. Writers choose how to show each kind; none computes.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Count(u64),
    /// A percentage already rounded as the settings say.
    Percent(Percent),
    /// A measured value with its unit ("92.0", "%"), already formatted to
    /// the precision reported.
    Number {
        text: String,
        unit: Option<String>,
    },
    Date(NaiveDate),
    Rag(RagCell),
    Status(Status),
    Trend(Trend),
    /// How a measure's latest value stands for freshness: when it was
    /// measured (`None`: nothing measured yet), how often the measure is
    /// reported (`None`: no frequency declared), and whether the value is
    /// recent enough for that frequency (`None`: not judged, for want of a
    /// value or a frequency).
    Measured {
        date: Option<NaiveDate>,
        frequency: Option<Frequency>,
        up_to_date: Option<bool>,
    },
    /// The date a measure's target in force is set for, and where that
    /// target comes from.
    TargetDate {
        date: NaiveDate,
        basis: TargetSource,
    },
    /// Direction of travel against the previous quarter end and against
    /// the same quarter last year, in one cell.
    Travel {
        quarter: Trend,
        year: Trend,
    },
}

/// Where a measure's target in force comes from, in a word: the details
/// (the dated targets, a trajectory's ends) are for `ragtime explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetSource {
    /// The next interim target due.
    Interim,
    /// The point on a declared trajectory, a straight line between two
    /// dated targets.
    Trajectory,
    /// The baseline, where a trajectory starts.
    Baseline,
    /// The final target.
    Final,
}

impl TargetSource {
    pub fn label(self) -> &'static str {
        match self {
            TargetSource::Interim => "interim",
            TargetSource::Trajectory => "trajectory",
            TargetSource::Baseline => "baseline",
            TargetSource::Final => "final",
        }
    }
}

/// Chart data for writers that draw (HTML); others may ignore it, since the
/// same figures are in the tables.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    /// One horizontal bar per label, split into coloured segments.
    StackedBars { bars: Vec<Bar> },
    /// One small line chart per row of the section's table (a measure over
    /// time), each naming the row it belongs to.
    Sparklines { lines: Vec<Sparkline> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<Segment>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub colour: Colour,
    /// What the segment counts: "complete", "on target", "Red", ...
    pub label: String,
    pub count: u64,
}

/// One measure over time, drawn small beside its row: the values measured
/// and the values they are judged against, on one scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Sparkline {
    /// The text of the id cell of the row it belongs to (the measure id).
    pub id: String,
    /// What is measured, for the chart's text alternative.
    pub label: String,
    pub unit: Option<String>,
    /// Whether a higher or a lower value is better.
    pub better: Direction,
    /// In drawing order: targets first, the values measured last (on top).
    /// A series of one point is drawn as a mark, of several as a line.
    pub series: Vec<Series>,
}

/// A run of dated values of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub role: SeriesRole,
    /// The series in words: "measured", "baseline", "target".
    pub label: String,
    /// In date order.
    pub points: Vec<ChartPoint>,
}

/// What a series is, so writers can draw each kind its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesRole {
    /// Values measured, up to the as-at date.
    Actual,
    /// The value the plan starts from.
    Baseline,
    /// The value to reach: one final target, or several points of a
    /// trajectory (interim targets), drawn as a line through them.
    Target,
}

/// A dated value: `value` places it on the chart, `text` is how the report
/// writes it (at the precision reported, without the unit).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub date: NaiveDate,
    pub value: f64,
    pub text: String,
}

//! The entities of a plan set as the model holds them: owners, boards,
//! strategies, priorities, objectives, commitments, milestones with their
//! update logs, and measures with their values, each where it is written.

use chrono::NaiveDate;

use crate::source::{FileId, Loc, Span};

use super::ids::{
    BoardIx, CommitmentIx, MeasureIx, MilestoneIx, ObjectiveIx, OwnerIx, PriorityIx, StrategyIx,
};
use super::words::{Cadence, Direction, Frequency, Sector, Status, Trajectory};

#[derive(Clone, Debug)]
pub struct Owner {
    pub id: String,
    pub role: String,
    pub org: String,
    pub sector: Option<Sector>,
    pub source: Option<String>,
    /// The role or the organisation is not taken from a source document.
    pub illustrative: bool,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Board {
    pub id: String,
    pub name: String,
    pub reports_to: Option<BoardIx>,
    pub meets: Option<Cadence>,
    pub chair: Option<String>,
    pub source: Option<String>,
    /// Something the record says (its reporting line, its members, what it
    /// oversees) is not taken from a source document.
    pub illustrative: bool,
    pub loc: Loc,
}

/// The decision that approved a strategy.
#[derive(Clone, Debug)]
pub struct Decision {
    pub by: BoardIx,
    pub on: NaiveDate,
}

#[derive(Clone, Debug)]
pub struct Strategy {
    pub id: String,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub owner: OwnerIx,
    pub boards: Vec<BoardIx>,
    pub approved: Option<Decision>,
    pub summary: Option<String>,
    pub source: Option<String>,
    /// Closed: after its end date it is reported as at its end, in one line
    /// in portfolio summaries and packs (see [`Strategy::is_closed_at`]).
    pub closed: bool,
    pub loc: Loc,
}

impl Strategy {
    /// True when the strategy is closed and its period ended before `date`:
    /// reports then show its final position, as at its end date.
    pub fn is_closed_at(&self, date: NaiveDate) -> bool {
        self.closed && self.end < date
    }
}

#[derive(Clone, Debug)]
pub struct Priority {
    pub id: String,
    pub strategy: StrategyIx,
    pub title: String,
    pub outcome: Option<String>,
    pub source: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Objective {
    pub id: String,
    pub priority: PriorityIx,
    pub number: Option<String>,
    pub text: String,
    pub source: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Commitment {
    pub id: String,
    pub priority: PriorityIx,
    pub text: String,
    pub owner: OwnerIx,
    pub objectives: Vec<ObjectiveIx>,
    pub measures: Vec<MeasureIx>,
    /// Boards that oversee this commitment on top of the strategy's.
    pub boards: Vec<BoardIx>,
    pub due: Option<NaiveDate>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub loc: Loc,
    /// Its `due` value, if any.
    pub due_loc: Option<Loc>,
}

/// One entry of a milestone's update log.
///
/// Kept small: a large plan set holds millions. Its places are spans in
/// its milestone's file (see [`Update::loc`]); its three texts (the note,
/// the reason and the corrective action, see [`Update::note`]) are kept
/// one after another in one box, with no room to grow.
#[derive(Clone, Debug)]
pub struct Update {
    pub date: NaiveDate,
    /// A revised due date, in force from this update on.
    pub due: Option<NaiveDate>,
    pub by: OwnerIx,
    pub status: Status,
    pub percent: Option<u8>,
    /// The texts written, one after another.
    texts: Box<str>,
    /// Where the note ends in `texts`, and where the reason ends.
    note_end: u32,
    reason_end: u32,
    /// Which texts are written: [`NOTE`], [`REASON`], [`ACTION`].
    written: u8,
    /// The whole entry (its `[[milestone.update]]` header).
    pub span: Span,
    /// Its `date` value, for findings about when it was made.
    pub date_span: Span,
    /// Its revised `due` value, when `due` is set (empty otherwise): see
    /// [`Update::due_loc`].
    pub due_span: Span,
}

// A large plan set holds millions of updates: keep each to 64 bytes.
const _: () = assert!(std::mem::size_of::<Update>() <= 64);

const NOTE: u8 = 1;
const REASON: u8 = 2;
const ACTION: u8 = 4;

impl Update {
    /// An update with no texts; see [`Update::with_texts`].
    pub(crate) fn new(date: NaiveDate, status: Status, by: OwnerIx, spans: (Span, Span)) -> Update {
        Update {
            date,
            due: None,
            by,
            status,
            percent: None,
            texts: Box::default(),
            note_end: 0,
            reason_end: 0,
            written: 0,
            span: spans.0,
            date_span: spans.1,
            due_span: Span::default(),
        }
    }

    /// The update with its note, reason and action, kept in one box (the
    /// note's own, when it is the only one).
    pub(crate) fn with_texts(
        mut self,
        note: Option<String>,
        reason: Option<String>,
        action: Option<String>,
    ) -> Update {
        let bit = |text: &Option<String>, bit: u8| if text.is_some() { bit } else { 0 };
        let written = bit(&note, NOTE) | bit(&reason, REASON) | bit(&action, ACTION);
        let mut texts = note.unwrap_or_default();
        // Texts come from plan files, capped far below 4 GiB.
        let end = |t: &String| u32::try_from(t.len()).unwrap_or(u32::MAX);
        let note_end = end(&texts);
        texts.push_str(reason.as_deref().unwrap_or_default());
        let reason_end = end(&texts);
        texts.push_str(action.as_deref().unwrap_or_default());
        self.texts = texts.into_boxed_str();
        self.note_end = note_end;
        self.reason_end = reason_end;
        self.written = written;
        self
    }

    /// What happened, as the note says.
    pub fn note(&self) -> Option<&str> {
        self.text(NOTE, 0, self.note_end)
    }

    /// Why the due date moved.
    pub fn reason(&self) -> Option<&str> {
        self.text(REASON, self.note_end, self.reason_end)
    }

    /// The corrective action, for an item that is off track.
    pub fn action(&self) -> Option<&str> {
        let end = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        self.text(ACTION, self.reason_end, end)
    }

    fn text(&self, which: u8, start: u32, end: u32) -> Option<&str> {
        (self.written & which != 0).then(|| {
            self.texts
                .get(start as usize..end as usize)
                .unwrap_or_default()
        })
    }

    /// The whole entry in `file`, its milestone's.
    pub fn loc(&self, file: FileId) -> Loc {
        self.span.loc(file)
    }

    /// Its `date` value in `file`, its milestone's.
    pub fn date_loc(&self, file: FileId) -> Loc {
        self.date_span.loc(file)
    }

    /// Its revised `due` value in `file`, its milestone's, if it has one.
    pub fn due_loc(&self, file: FileId) -> Option<Loc> {
        self.due.map(|_| self.due_span.loc(file))
    }
}

#[derive(Clone, Debug)]
pub struct Milestone {
    pub id: String,
    pub commitment: CommitmentIx,
    pub title: String,
    pub owner: OwnerIx,
    pub added: NaiveDate,
    /// The baseline due date, as first planned.
    pub due: NaiveDate,
    pub depends_on: Vec<MilestoneIx>,
    pub source: Option<String>,
    pub illustrative: bool,
    /// In date order (checked); the current status is the last entry's.
    pub updates: Vec<Update>,
    /// Its id, in its file: the file of every span below.
    pub loc: Loc,
    /// Its baseline `due` value.
    pub due_span: Span,
    /// Its `added` value.
    pub added_span: Span,
}

impl Milestone {
    /// The file it is written in, with its updates.
    pub fn file(&self) -> FileId {
        self.loc.file
    }

    /// Its baseline `due` value.
    pub fn due_loc(&self) -> Loc {
        self.due_span.loc(self.loc.file)
    }

    /// Its `added` value.
    pub fn added_loc(&self) -> Loc {
        self.added_span.loc(self.loc.file)
    }

    /// The updates recorded on or before `date`.
    pub fn updates_as_of(&self, date: NaiveDate) -> &[Update] {
        let n = self.updates.partition_point(|u| u.date <= date);
        &self.updates[..n]
    }

    /// The status as at `date`: the latest update's, or `not-started`.
    pub fn status_as_of(&self, date: NaiveDate) -> Status {
        self.updates_as_of(date)
            .last()
            .map_or(Status::NotStarted, |u| u.status)
    }

    /// The due date in force at `date`: the latest revision, or the baseline.
    pub fn due_as_of(&self, date: NaiveDate) -> NaiveDate {
        self.updates_as_of(date)
            .iter()
            .rev()
            .find_map(|u| u.due)
            .unwrap_or(self.due)
    }

    /// How many times the due date was revised on or before `date`.
    pub fn times_redated_as_of(&self, date: NaiveDate) -> usize {
        self.updates_as_of(date)
            .iter()
            .filter(|u| u.due.is_some())
            .count()
    }
}

/// A dated value of a measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub date: NaiveDate,
    pub value: f64,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparator {
    pub name: String,
    pub value: f64,
    pub date: Option<NaiveDate>,
    /// Its own unit, when it differs from the measure's.
    pub unit: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Measure {
    pub id: String,
    pub strategy: StrategyIx,
    pub name: String,
    pub unit: Option<String>,
    pub direction: Direction,
    pub owner: Option<OwnerIx>,
    pub baseline: Option<Point>,
    /// The final target.
    pub target: Option<Point>,
    /// Interim targets on the way to the final one, in date order (checked:
    /// each after the one before and before the final target).
    pub interim: Vec<Point>,
    /// A declared trajectory: the target in force runs along it from the
    /// baseline through the interim targets to the final target.
    pub trajectory: Option<Trajectory>,
    /// How often a value is reported; without it a value is never out of
    /// date.
    pub frequency: Option<Frequency>,
    pub tolerance: Option<f64>,
    /// In date order.
    pub actual: Vec<Point>,
    pub comparators: Vec<Comparator>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub loc: Loc,
    /// Where the final target is written, if it is.
    pub target_loc: Option<Loc>,
    /// Where each interim target is written, in the order of `interim`.
    pub interim_locs: Vec<Loc>,
}

//! Findings about a plan set: stable codes, severities, messages and spans.
//!
//! Every problem the core finds is a [`Diagnostic`] pointing at the exact key
//! or value in a source. The codes are stable and documented in
//! `docs/diagnostics.md`; the renderer lives in the CLI.

use std::fmt;

use crate::source::{FileId, Loc};

/// How serious a finding is. Errors make a plan set unusable for reports;
/// warnings are worth a look but do not stop anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $summary:literal;)*) => {
        /// A stable problem code. Never renumber: users search for these.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $(#[doc = $summary] $variant,)*
        }

        impl Code {
            /// Every code, in numeric order within its group, groups in order
            /// (E00xx to E04xx, W05xx, E06xx, W06xx, E07xx, W07xx).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as users see it, e.g. `E0101`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// Whether the code is about a spreadsheet (a return or an
            /// imported action plan: E08xx, W08xx) rather than plan files.
            pub fn is_spreadsheet(self) -> bool {
                self.as_str()[1..3] == *"08"
            }

            /// One line saying what the code is about, for the code table.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

codes! {
    Syntax = "E0001", Error, "The file is not valid TOML.";
    NotUtf8 = "E0002", Error, "The file is not UTF-8 text.";
    EmptyFile = "E0003", Error, "The file has no keys at all.";
    TooLarge = "E0004", Error, "The file is larger than the size cap.";
    TooDeep = "E0005", Error, "Tables or arrays are nested deeper than the parser allows.";
    Unreadable = "E0006", Error, "The file could not be read (no permission, a dangling link, ...).";
    UnknownKey = "E0101", Error, "A key that the plan format does not have.";
    WrongType = "E0102", Error, "A value of the wrong type (text where a date is expected, ...).";
    MissingKey = "E0103", Error, "A required key is missing.";
    BadStatus = "E0104", Error, "A status that is not one of the seven statuses.";
    BadDate = "E0105", Error, "A date with a time or offset, or not a date at all.";
    BadId = "E0106", Error, "An id with characters other than letters, digits, `-`, `_` and `.`.";
    BadValue = "E0107", Error, "A value outside what the key allows (percent over 100, unknown direction, ...).";
    NotFinite = "E0110", Error, "A number written as `nan` or `inf`, or too large to be a number.";
    EmptyNarrative = "E0115", Error, "A narrative with no text.";
    NarrativeItem = "E0116", Error, "A narrative on an item that is not a strategy or a priority.";
    DuplicateNarrative = "E0117", Error, "Two narratives on one item with the same date.";
    DuplicateId = "E0201", Error, "Two items share an id (ids are unique across the whole plan set).";
    UnknownRef = "E0202", Error, "A reference to an id that no item has.";
    WrongKindRef = "E0203", Error, "A reference to an item of the wrong kind (a board where an owner is expected, ...).";
    NoStrategy = "E0204", Error, "A priority or measure in a file with no `[strategy]` and no `strategy` key.";
    DuplicateSettings = "E0205", Error, "More than one `[settings]` table in the plan set.";
    DependencyCycle = "E0301", Error, "Milestones that depend on each other in a circle.";
    BoardCycle = "E0302", Error, "Boards that report to each other in a circle.";
    PeriodReversed = "E0401", Error, "A strategy period that ends before it starts.";
    OutsidePeriod = "E0402", Error, "A due date outside the strategy's period.";
    UpdateOrder = "E0403", Error, "An update dated before the update above it.";
    CompleteWithoutEvidence = "E0404", Error, "A `complete` update with no note saying what was delivered.";
    CancelledWithoutReason = "E0405", Error, "A `cancelled` update with no note giving the reason.";
    UpdateBeforeAdded = "E0406", Error, "An update dated before the milestone was added to the plan.";
    RedatedWithoutReason = "E0407", Error, "A revised due date with no `reason`.";
    RedatedToSameDate = "E0408", Error, "A revised due date that is the due date already in force.";
    TargetOrder = "E0410", Error, "A measure's dated targets out of order: each interim target after the baseline and the one before it, and before the final target.";
    TargetOutsidePeriod = "E0411", Error, "A measure's target dated outside its strategy's period.";
    TrajectoryWithoutBaseline = "E0412", Error, "A trajectory with no baseline to start from.";
    InterimWithoutTarget = "E0413", Error, "Interim targets or a trajectory with no final `target`.";
    NarrativeBeforeStart = "E0415", Error, "A narrative dated before its strategy starts.";
    NotSmart = "W0501", Warning, "A commitment with no milestones, or with no measure and no due date.";
    Unoverseen = "W0502", Warning, "A strategy that no board oversees.";
    UnusedOwner = "W0503", Warning, "An owner that nothing refers to.";
    UnusedBoard = "W0504", Warning, "A board that oversees nothing and that no board reports to.";
    StatusContradicted = "W0505", Warning, "A milestone marked on target that, as at the date checked, is overdue or has a Red measure.";
    FutureUpdate = "W0506", Warning, "An update dated after the date checked: no report shows it until then.";
    UnsafeText = "W0507", Warning, "Text with a control character or a bidirectional override, shown escaped.";
    LinkLoop = "W0508", Warning, "A symbolic link to a folder that holds it; it is not followed again.";
    TargetTurnsBack = "W0510", Warning, "An interim or final target worse than the dated target before it: the trajectory turns back.";
    NarrativeAfterDate = "W0515", Warning, "A narrative dated after the date checked: reports as at that date leave it out.";
    LongNarrative = "W0516", Warning, "A narrative longer than a board can read beside its table (over 200 words).";
    MoneyAsNumber = "E0601", Error, "An amount of money written as a number: money is text with its currency, so no figure is rounded.";
    BadAmount = "E0602", Error, "Text that is not an amount of money (`GBP 1.3m`, `GBP 368,000`), or an amount finer than a penny.";
    NegativeAmount = "E0603", Error, "A negative budget, forecast, actual, saving or cap: only a variance may be below zero.";
    BadYear = "E0604", Error, "A financial year that is not one: years are written `2024/25`.";
    BadQuarter = "E0605", Error, "A period that is not a quarter of a financial year: quarters are written `2024/25-Q2`.";
    PeriodOrDate = "E0606", Error, "A money entry with both a `period` and a `date`, or with neither.";
    FigureTwice = "E0607", Error, "A forecast given twice in one entry, as an outturn and as a variance.";
    YearOutsidePeriod = "E0608", Error, "A budget, money entry or saving for a financial year that has no day in its strategy's period.";
    FigureWithoutBudget = "E0609", Error, "A forecast, actual or commitment for a year the budget line has no budget for.";
    DuplicateYear = "E0610", Error, "A budget line with two budgets for one financial year.";
    MoneyUpdateOrder = "E0611", Error, "A money entry dated before the entry above it.";
    BudgetWithoutReason = "E0612", Error, "A revised budget with no `reason`.";
    CapTermReversed = "E0613", Error, "A cap whose term ends before it starts.";
    YearOutsideCap = "E0614", Error, "A budget line counted against a cap, with a year outside the cap's term.";
    OverCap = "W0601", Warning, "The budget lines counted against a cap add up, as at the date checked, to more than the cap.";
    SavingsOverTarget = "W0602", Warning, "A saving whose amounts delivered, on target, at risk and unachievable add up to more than its target.";
    ResponseBeforeRecommendation = "E0701", Error, "A response dated before the recommendation was made or received.";
    ResponseWithoutDecision = "E0702", Error, "A response with no decision (accepted, partly accepted or rejected).";
    ResponseWithoutReasons = "E0703", Error, "A recommendation rejected, or accepted in part, with no reasons.";
    RejectedButDelivered = "E0704", Error, "A rejected recommendation with items listed as delivering it.";
    ResponseByCommittee = "E0705", Error, "A response given by the committee that made the recommendation.";
    ReceivedBeforeMade = "E0706", Error, "A recommendation received by the executive before the committee made it.";
    DatedAfterAsAt = "W0701", Warning, "A recommendation or response dated after the date checked.";
    UnreadableBook = "E0801", Error, "The file cannot be read as a workbook or CSV file (damaged, cut short, password-protected, or another format).";
    MissingSheet = "E0802", Error, "The sheet to read is not in the workbook.";
    MissingColumn = "E0803", Error, "A column that is needed has no heading in the sheet.";
    DuplicateColumn = "E0804", Error, "Two columns have the same heading.";
    FormulaLikeText = "E0805", Error, "Text that a spreadsheet would run as a formula (starting with `=` or `@`).";
    FormulaNotComputed = "E0806", Error, "A formula with no saved result, so its value is not known.";
    CellError = "E0807", Error, "A cell showing an error value such as `#REF!` or `#N/A`.";
    MergedCells = "E0808", Error, "Cells merged across the rows or columns that values are read from.";
    NotTheirMilestone = "E0809", Error, "A row for a milestone that the return's owner does not own.";
    RowTwice = "E0810", Error, "Two rows for the same milestone, in one return or in returns imported together.";
    NotAReturn = "E0811", Error, "A workbook with no readable record of the return it is.";
    EmptyCell = "E0812", Error, "A cell that must have a value is empty.";
    UpdateAfterToday = "E0813", Error, "An update in a return dated after today.";
    RevisedIntoPast = "E0814", Error, "A revised due date in a return before the update's own date.";
    UnknownOwnerName = "W0801", Warning, "An owner that matches no owner id or role in the registry.";
    SkippedChanged = "W0802", Warning, "A row not applied: its milestone was updated after the return was made.";
    AlreadyRecorded = "W0803", Warning, "A row not applied: the same entry is already in the update log.";
    IgnoredColumn = "W0804", Warning, "A column that is not read.";
    HiddenSheet = "W0805", Warning, "Values read from a hidden sheet.";
    NoRecord = "W0806", Warning, "A return with no record of what it was made from, so changes since cannot be found.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span with an optional short label, drawn under the excerpt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub loc: Loc,
    pub text: String,
}

/// One problem found in a plan set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    /// One line, lower case, no full stop, like rustc's.
    pub message: String,
    /// Where the problem is; the excerpt is taken from here.
    pub primary: Label,
    /// Other places that explain it (the first definition of a duplicate id, ...).
    pub secondary: Vec<Label>,
    /// The obvious fix, where there is one.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            primary: Label {
                loc,
                text: String::new(),
            },
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn label(mut self, text: impl Into<String>) -> Self {
        self.primary.text = text.into();
        self
    }

    pub fn secondary(mut self, loc: Loc, text: impl Into<String>) -> Self {
        self.secondary.push(Label {
            loc,
            text: text.into(),
        });
        self
    }

    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn file(&self) -> FileId {
        self.primary.loc.file
    }
}

/// Sorts findings into the order they are shown: by file, then position, then
/// code, so the same inputs always give the same output.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            a.primary.loc.file,
            a.primary.loc.span.start,
            a.code,
            &a.message,
        )
            .cmp(&(
                b.primary.loc.file,
                b.primary.loc.span.start,
                b.code,
                &b.message,
            ))
    });
}

/// The closest candidate to `input`, if one is close enough to suggest.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The id closest to `input` among `candidates`, if it is a likely slip:
/// a different case, or one or two characters off (fewer for short ids).
/// Stricter than [`did_you_mean`]: ids often share long prefixes
/// (`CPS-M-REVIEWS`, `CPS-M-FOSTER`) without being near misses.
pub fn did_you_mean_id<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    let length = input.chars().count();
    let allowed = (length / 5).clamp(1, 2);
    candidates
        .into_iter()
        // Cheap first: lengths further apart than `allowed` cannot match.
        .filter(|c| c.chars().count().abs_diff(length) <= allowed)
        .map(|c| (strsim::damerau_levenshtein(&input, &c.to_lowercase()), c))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert_eq!(s.len(), 5);
            let expected = match code.severity() {
                Severity::Error => 'E',
                Severity::Warning => 'W',
            };
            assert!(s.starts_with(expected), "{s} has the wrong letter");
        }
    }

    /// `docs/diagnostics.md` lists exactly the codes, in order, with their
    /// severities and summaries, so the table cannot drift from the code.
    #[test]
    fn the_code_table_in_the_docs_matches_the_codes() {
        let doc = include_str!("../../../docs/diagnostics.md");
        let rows: Vec<Vec<&str>> = doc
            .lines()
            .filter(|l| l.starts_with("| `"))
            .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
            .collect();
        let listed: Vec<&str> = rows.iter().map(|r| r[0].trim_matches('`')).collect();
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, codes, "the table's codes");
        for (row, code) in rows.iter().zip(Code::ALL) {
            assert_eq!(row.len(), 4, "{code}: expected 4 columns: {row:?}");
            let severity = match code.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            assert_eq!(row[1], severity, "{code}: severity");
            assert_eq!(row[2], code.summary(), "{code}: summary");
            assert!(!row[3].is_empty(), "{code}: no example fix");
        }
    }

    #[test]
    fn did_you_mean_finds_near_misses_only() {
        let keys = ["status", "note", "date"];
        assert_eq!(did_you_mean("stauts", keys), Some("status"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn did_you_mean_id_finds_slips_not_siblings() {
        let ids = ["CPS-P1", "CPS-M-FOSTER", "hos-fostering", "cabinet"];
        assert_eq!(did_you_mean_id("cps-p1", ids), Some("CPS-P1"));
        assert_eq!(did_you_mean_id("CPS-P9", ids), Some("CPS-P1"));
        assert_eq!(did_you_mean_id("hos-fosterng", ids), Some("hos-fostering"));
        assert_eq!(did_you_mean_id("cabniet", ids), Some("cabinet"));
        // A shared prefix is not a slip.
        assert_eq!(did_you_mean_id("CPS-M-REVIEWS", ids), None);
        assert_eq!(did_you_mean_id("cpb", ids), None);
    }
}

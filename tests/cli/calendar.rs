//! `ragtime calendar`: due dates as iCalendar, the same bytes for the same
//! plans and date, for everyone or one owner.

use crate::snapshot;
use crate::support::ragtime;

const FIXTURE: &str = "tests/fixtures/board";

/// Checks the content lines are CRLF-terminated and at most 75 octets.
fn assert_well_formed(ics: &str) {
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    for line in ics.strip_suffix("\r\n").unwrap().split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "bare line break: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

#[test]
fn everyone_as_at_a_quarter_end() {
    let run = ragtime(&["--plans", FIXTURE, "calendar", "--as-of", "2025-09-30"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_well_formed(&run.stdout);
    // Complete and cancelled milestones, and one not yet added, are left out.
    assert_eq!(run.stdout.matches("BEGIN:VEVENT").count(), 3);
    let again = ragtime(&["--plans", FIXTURE, "calendar", "--as-of", "2025-09-30"]);
    assert_eq!(run.stdout, again.stdout, "output differs between runs");
    snapshot!("calendar_everyone", run.render());
}

#[test]
fn one_owner() {
    let run = ragtime(&[
        "--plans",
        FIXTURE,
        "calendar",
        "--owner",
        "hos-care-leavers",
        "--as-of",
        "2025-10-31",
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_well_formed(&run.stdout);
    snapshot!("calendar_one_owner", run.render());
}

#[test]
fn unknown_owner_is_a_usage_error() {
    let run = ragtime(&["--plans", FIXTURE, "calendar", "--owner", "hos-fosterin"]);
    assert_eq!(run.code, 2, "{}", run.render());
    snapshot!("calendar_unknown_owner", run.render());
}

#[test]
fn a_board_is_not_an_owner() {
    let run = ragtime(&["--plans", FIXTURE, "calendar", "--owner", "cabinet"]);
    assert_eq!(run.code, 2, "{}", run.render());
    snapshot!("calendar_board_not_owner", run.render());
}

#[test]
fn bad_date_is_a_usage_error() {
    let run = ragtime(&["--plans", FIXTURE, "calendar", "--as-of", "2025-02-30"]);
    assert_eq!(run.code, 2, "{}", run.render());
    snapshot!("calendar_bad_date", run.render());
}

/// Regression: three lines of the shipped plans' calendar were 76 octets.
#[test]
fn the_shipped_calendar_is_folded_at_75_octets_with_reminders() {
    let run = ragtime(&["calendar", "--as-of", "2025-09-30", "--remind", "14"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_well_formed(&run.stdout);
    let events = run.stdout.matches("BEGIN:VEVENT").count();
    assert!(events > 50, "{events}");
    assert_eq!(run.stdout.matches("BEGIN:VALARM").count(), events);
    let uids: std::collections::BTreeSet<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("UID:"))
        .collect();
    assert_eq!(uids.len(), 2 * events, "UIDs are not unique");
}

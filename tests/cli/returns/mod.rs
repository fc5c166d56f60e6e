//! `ragtime returns make` and `import`: a quarter's returns made for the
//! shipped plans, filled in as service leads would (every status, revised
//! dates, notes in many scripts), imported, and reported on; hostile
//! workbooks, each with a snapshot of what the import says and a check
//! that nothing was written.

mod book;
mod hostile;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use ragtime_core::{Input, Status};

use crate::support::{Run, ragtime_in, root};
use book::{Cell, text};

/// A temporary folder holding a copy of the shipped plans in `plans/`.
pub fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("plans"), &dir.path().join("plans"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every plan file's bytes, by path.
pub fn snapshot_of(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.join("plans")];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                files.insert(entry.path(), std::fs::read(entry.path()).unwrap());
            }
        }
    }
    files
}

/// The plan set in `dir/plans`, loaded by the core.
fn load(dir: &Path) -> ragtime_core::PlanSet {
    let files = snapshot_of(dir);
    ragtime_core::load(
        files
            .into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "toml"))
            .map(|(p, b)| Input::new(p.to_string_lossy(), b))
            .collect(),
    )
}

/// `ragtime returns make --period PERIOD -o returns ARGS` in `dir`.
pub fn make(dir: &Path, period: &str, args: &[&str]) -> Run {
    let mut all = vec!["returns", "make", "--period", period, "-o", "returns"];
    all.extend_from_slice(args);
    ragtime_in(dir, &all)
}

/// `ragtime returns import FILES...` in `dir`.
pub fn import(dir: &Path, files: &[&str]) -> Run {
    let mut all = vec!["returns", "import"];
    all.extend_from_slice(files);
    ragtime_in(dir, &all)
}

/// The workbooks in `dir/returns`, sorted.
pub fn made(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("returns"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// What a lead wrote for one milestone.
#[derive(Clone, Debug, PartialEq)]
struct Filled {
    status: Status,
    note: Option<String>,
    percent: Option<u8>,
    due: Option<NaiveDate>,
    reason: Option<String>,
    action: Option<String>,
}

const NOTES: &[&str] = &[
    "Cwblhawyd: mae'r cynllun ar waith ac mae 14 o ofalwyr wedi ymuno.",
    "Anulowano: zastąpione przez regionalny program rekrutacji.",
    "يسير العمل وفق الخطة؛ اكتملت المرحلة الأولى.",
    "进度有风险：小组会议日期推迟到三月。",
    "🚧 Delayed by procurement 🙁 — new supplier from April.",
    "Paused while the service is reviewed (adolygiad gwasanaeth).",
    "Start planned for January; brief agreed.",
    "",
    "Nodyn: dim newid y chwarter hwn. Notatka: bez zmian.",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Fills row `i` of the sheet for milestone `id` as the `i % 9`th kind of
/// update; returns what was filled, or `None` for a row left blank.
fn fill(sheet: &mut book::Sheet, id: &str, i: usize) -> Option<Filled> {
    let quarter_end = date(2025, 12, 31);
    let due_now = match sheet.get(id, "Due date now") {
        Some(Cell::Date(d)) => *d,
        other => panic!("{id}: due date now is {other:?}"),
    };
    let strategy = match sheet.get(id, "Strategy") {
        Some(Cell::Text(t)) => t.clone(),
        _ => String::new(),
    };
    let new_due = due_now.max(quarter_end) + Days::new(91);
    let mut kind = i % 9;
    // A revised date only where it stays in the strategy's period.
    if kind == 3 && !(strategy.starts_with("CPS ") && new_due <= date(2027, 12, 31)) {
        kind = 2;
    }
    let note = (!NOTES[kind].is_empty()).then(|| NOTES[kind].to_string());
    let status_now: Status = match sheet.get(id, "Status now") {
        Some(Cell::Text(t)) => t.parse().unwrap(),
        _ => Status::NotStarted,
    };
    let (status, written) = match kind {
        0 => (Status::Complete, Some("complete")),
        1 => (Status::Cancelled, Some("Cancelled")),
        2 => (Status::OnTarget, Some("on target")),
        3 => (Status::AtRisk, Some("at-risk")),
        4 => (Status::NotOnTarget, Some("not-on-target")),
        5 => (Status::Paused, Some("paused")),
        6 => (Status::NotStarted, Some("NOT STARTED")),
        7 => return None,
        _ => (status_now, None),
    };
    let filled = Filled {
        status,
        note,
        percent: (kind == 2).then_some(60),
        due: (kind == 3).then_some(new_due),
        reason: (kind == 3).then(|| "Panel dates moved / Przesunięto terminy posiedzeń".into()),
        action: matches!(kind, 3 | 4).then(|| "Escalated to the Director; weekly check-ins".into()),
    };
    if let Some(w) = written {
        sheet.set(id, "New status", text(w));
    }
    if let Some(n) = &filled.note {
        sheet.set(id, "Note", text(n));
    }
    if let Some(p) = filled.percent {
        sheet.set(id, "Percent complete", Cell::Number(f64::from(p)));
    }
    if let Some(d) = filled.due {
        // As text, day first, as a lead might type it.
        sheet.set(
            id,
            "Revised due date",
            text(&d.format("%d/%m/%Y").to_string()),
        );
    }
    if let Some(r) = &filled.reason {
        sheet.set(id, "Reason for new date", text(r));
    }
    if let Some(a) = &filled.action {
        sheet.set(id, "Corrective action", text(a));
    }
    Some(filled)
}

/// Every owner's return for 2025/26 Q3 made, filled in, imported: each
/// milestone's log ends with exactly what was written in its row, the
/// reports as at the quarter's end show it, and importing again changes
/// no byte.
#[test]
fn a_quarter_of_returns_round_trips() {
    let dir = shipped_copy();
    let run = make(dir.path(), "2025/26-Q3", &[]);
    assert_eq!(run.code, 0, "{}", run.render());
    let workbooks = made(dir.path());
    assert!(workbooks.len() >= 20, "{workbooks:?}");

    let mut expected: BTreeMap<String, (String, Option<Filled>)> = BTreeMap::new();
    let mut filled_paths = Vec::new();
    let mut i = 0;
    for path in &workbooks {
        let mut sheets = book::read(path);
        let owner = match book::sheet(&mut sheets, "Record").cells.get(&(2, 1)) {
            Some(Cell::Text(o)) => o.clone(),
            other => panic!("owner {other:?}"),
        };
        let milestones = book::sheet(&mut sheets, "Milestones");
        for id in milestones.ids() {
            let f = fill(milestones, &id, i);
            expected.insert(id, (owner.clone(), f));
            i += 1;
        }
        let out = path.with_extension("filled.xlsx");
        book::write(&sheets, &out);
        filled_paths.push(out.to_string_lossy().into_owned());
    }
    assert!(expected.len() > 100, "{} milestones", expected.len());
    // The delivery plan is closed and its period over: nothing is asked.
    assert!(
        !expected.keys().any(|id| id.starts_with("DP-")),
        "a closed strategy's milestone asked about"
    );

    let files: Vec<&str> = filled_paths.iter().map(String::as_str).collect();
    let run = import(dir.path(), &files);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_eq!(run.stderr, "", "{}", run.render());

    let plans = load(dir.path());
    assert!(plans.is_sound(), "{:#?}", plans.diagnostics);
    let quarter_end = date(2025, 12, 31);
    for (id, (owner, filled)) in &expected {
        let Some(ragtime_core::EntityRef::Milestone(ix)) = plans.model.lookup(id) else {
            panic!("{id} is gone");
        };
        let m = plans.model.milestone(ix);
        let last = m.updates.last();
        match filled {
            None => assert!(
                last.is_none_or(|u| u.date < quarter_end),
                "{id} got an update"
            ),
            Some(f) => {
                let u = last.unwrap_or_else(|| panic!("{id} has no update"));
                let got = Filled {
                    status: u.status,
                    note: u.note().map(str::to_string),
                    percent: u.percent,
                    due: u.due,
                    reason: u.reason().map(str::to_string),
                    action: u.action().map(str::to_string),
                };
                assert_eq!(&got, f, "{id}");
                assert_eq!(u.date, quarter_end, "{id}");
                assert_eq!(&plans.model.owner(u.by).id, owner, "{id}");
            }
        }
    }

    // The exceptions as at the quarter's end carry the notes and actions
    // written, in whatever script.
    let run = ragtime_in(
        dir.path(),
        &["exceptions", "--period", "2025/26-Q3", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.render());
    let mut shown = 0;
    for (id, (_, filled)) in &expected {
        if let Some(f) = filled
            && matches!(f.status, Status::AtRisk | Status::NotOnTarget)
        {
            assert!(
                run.stdout.contains(&format!("\"{id}\"")),
                "{id} not in exceptions"
            );
            let note = serde_json::to_string(f.note.as_deref().unwrap()).unwrap();
            assert!(
                run.stdout.contains(note.trim_matches('"')),
                "{id}: note not shown"
            );
            shown += 1;
        }
    }
    assert!(shown > 10, "only {shown} exceptions checked");
    let check = ragtime_in(dir.path(), &["check", "--as-of", "2025-12-31"]);
    assert_eq!(check.code, 0, "{}", check.render());

    // Again: nothing changes, byte for byte.
    let before = snapshot_of(dir.path());
    let again = import(dir.path(), &files);
    assert_eq!(again.code, 0, "{}", again.render());
    assert!(
        again.stderr.contains("nothing to record"),
        "{}",
        again.render()
    );
    assert!(!again.stderr.contains("error"), "{}", again.render());
    assert_eq!(snapshot_of(dir.path()), before);
}

/// The same return as CSV (a byte order mark, CRLF, dates typed day
/// first) records the same updates; a second import of it adds nothing.
#[test]
fn a_csv_return_is_read_like_the_workbook() {
    let dir = shipped_copy();
    let run = make(dir.path(), "2025/26-Q3", &["--owner", "hos-fostering"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let path = &made(dir.path())[0];
    let mut sheets = book::read(path);
    let milestones = book::sheet(&mut sheets, "Milestones");
    let ids = milestones.ids();
    milestones.set(&ids[0], "New status", text("complete"));
    milestones.set(
        &ids[0],
        "Note",
        text("Sixteen carers paired; the scheme is business as usual."),
    );
    milestones.set(
        &ids[1],
        "Note",
        text("Fee model agreed; \"specialist\" scheme advertised."),
    );
    let csv_path = dir.path().join("returns/hos-fostering.csv");
    std::fs::write(&csv_path, book::csv(milestones)).unwrap();
    let run = import(dir.path(), &["returns/hos-fostering.csv"]);
    assert_eq!(run.code, 0, "{}", run.render());
    crate::snapshot!("returns_import_csv", run.render());
    let before = snapshot_of(dir.path());
    let again = import(dir.path(), &["returns/hos-fostering.csv"]);
    assert_eq!(again.code, 0, "{}", again.render());
    assert_eq!(snapshot_of(dir.path()), before);
}

/// What `make` writes and says, and what it refuses.
#[test]
fn make_writes_one_workbook_per_owner_and_replaces_none() {
    let dir = shipped_copy();
    let run = make(dir.path(), "2025/26-Q3", &["--owner", "hos-fostering"]);
    crate::snapshot!("returns_make_one_owner", run.render());
    let path = &made(dir.path())[0];
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        "2025-26-Q3-hos-fostering.xlsx"
    );
    let bytes = std::fs::read(path).unwrap();
    let again = make(dir.path(), "2025/26-Q3", &["--owner", "hos-fostering"]);
    crate::snapshot!("returns_make_refuses_to_replace", again.render());
    assert_eq!(std::fs::read(path).unwrap(), bytes);
    let unknown = make(dir.path(), "2025/26-Q3", &["--owner", "hos-fosterng"]);
    crate::snapshot!("returns_make_unknown_owner", unknown.render());

    // The same plans make the same bytes.
    let other = shipped_copy();
    make(other.path(), "2025/26-Q3", &["--owner", "hos-fostering"]);
    assert_eq!(std::fs::read(&made(other.path())[0]).unwrap(), bytes);

    // Locked cells, the status list, the hidden record.
    let mut sheets = book::read(path);
    let record = book::sheet(&mut sheets, "Record");
    assert!(record.hidden);
    assert_eq!(record.cells.get(&(3, 1)), Some(&text("2025/26 Q3")));
    let milestones = book::sheet(&mut sheets, "Milestones");
    let id = milestones.ids()[0].clone();
    assert_eq!(
        milestones.get(&id, "Update date"),
        Some(&Cell::Date(date(2025, 12, 31)))
    );
}

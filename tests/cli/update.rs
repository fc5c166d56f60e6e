//! `ragtime update`: only the new entry's lines change, whatever the file's
//! style; invalid updates write nothing; parallel updates all land; a
//! killed update leaves the old file or the new one.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use proptest::prelude::*;

use crate::snapshot;
use crate::support::{Run, fixture, ragtime_in};

/// A temporary folder holding `plans/` with the shared registry and one
/// fixture plan file; returns the folder and the plan file's path.
fn plan_set(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for file in ["registry.toml", &format!("{name}.toml")] {
        std::fs::copy(fixture("update").join(file), plans.join(file)).unwrap();
    }
    let plan = plans.join(format!("{name}.toml"));
    (dir, plan)
}

fn update(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--plans", "plans", "update"];
    all.extend_from_slice(args);
    ragtime_in(dir, &all)
}

/// The binary with a clean environment, for tests that need to set
/// variables or hold on to the process.
fn command(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ragtime"));
    cmd.current_dir(dir)
        .env_clear()
        .env("NO_COLOR", "1")
        .env("TZ", "UTC");
    cmd
}

/// Carriage returns made visible, so CRLF survives into a snapshot.
fn visible(text: &str) -> String {
    text.replace('\r', "␍")
}

/// Every byte of `old` is still in `new`, in order: the change only added.
fn assert_only_added(old: &[u8], new: &[u8]) {
    use similar::{DiffOp, capture_diff_slices};
    for op in capture_diff_slices(similar::Algorithm::Myers, old, new) {
        assert!(
            matches!(op, DiffOp::Equal { .. } | DiffOp::Insert { .. }),
            "the update changed or removed old bytes: {op:?}"
        );
    }
}

const PROGRESS: &[&str] = &[
    "--status",
    "at-risk",
    "--note",
    "Two carers withdrew; campaign extended",
    "--corrective-action",
    "Second campaign in March",
    "--by",
    "hos-fostering",
    "--date",
    "2025-12-31",
];

/// Each fixture is a plan file in one style; each case updates one of its
/// milestones and must add only the new entry.
#[test]
fn an_update_changes_only_the_new_entry() {
    let cases = [
        ("comments", "CPS-P1-C1-M1"),
        ("comments", "CPS-P1-C1-M2"),
        ("dotted-keys", "CPS-P1-C1-M1"),
        ("arrays-of-tables", "CPS-P1-C1-M1"),
        ("inline-tables", "CPS-P1-C1-M1"),
        ("inline-tables", "CPS-P1-C1-M2"),
        ("inline-milestones", "CPS-P1-C1-M1"),
        ("crlf", "CPS-P1-C1-M2"),
        ("no-final-newline", "CPS-P1-C1-M1"),
    ];
    for (name, id) in cases {
        let (dir, plan) = plan_set(name);
        let registry = dir.path().join("plans/registry.toml");
        let old = std::fs::read(&plan).unwrap();
        let old_registry = std::fs::read(&registry).unwrap();

        let mut args = vec![id];
        args.extend_from_slice(PROGRESS);
        args.push("--dry-run");
        let dry = update(dir.path(), &args);
        assert_eq!(dry.code, 0, "{name} {id}: {}", dry.render());
        assert_eq!(std::fs::read(&plan).unwrap(), old, "a dry run wrote");

        args.pop();
        let real = update(dir.path(), &args);
        assert_eq!(real.code, 0, "{name} {id}: {}", real.render());
        let new = std::fs::read(&plan).unwrap();
        assert_only_added(&old, &new);
        assert_eq!(std::fs::read(&registry).unwrap(), old_registry);

        // The dry run showed exactly what was then written.
        let (old_text, new_text) = (
            String::from_utf8(old).unwrap(),
            String::from_utf8(new).unwrap(),
        );
        let shown = similar::TextDiff::from_lines(&old_text, &new_text)
            .unified_diff()
            .context_radius(3)
            .header(
                &format!("a/plans/{name}.toml"),
                &format!("b/plans/{name}.toml"),
            )
            .to_string();
        assert_eq!(dry.stdout, shown, "{name} {id}");

        if name == "crlf" {
            assert!(old_text.contains("\r\n"), "the fixture lost its CRLF");
            assert_eq!(
                new_text.matches('\n').count(),
                new_text.matches("\r\n").count()
            );
        }
        if name == "no-final-newline" {
            assert!(
                !old_text.ends_with('\n'),
                "the fixture gained a final newline"
            );
            assert!(!new_text.ends_with('\n'));
        }
        let check = ragtime_in(dir.path(), &["--plans", "plans", "check"]);
        assert_eq!(check.code, 0, "{name} {id}: {}", check.render());
        snapshot!(
            format!("update_{name}_{id}"),
            visible(&format!("{}\n{}", dry.render(), real.render()))
        );
    }
}

#[test]
fn without_status_the_current_status_is_repeated() {
    let (dir, plan) = plan_set("comments");
    let run = update(
        dir.path(),
        &[
            "CPS-P1-C1-M1",
            "--due",
            "2026-06-30",
            "--reason",
            "Panel dates moved",
            "--by",
            "hos-fostering",
            "--date",
            "2025-12-31",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.render());
    let doc: toml::Table = std::fs::read_to_string(&plan).unwrap().parse().unwrap();
    let last = doc["milestone"][0]["update"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["status"].as_str(), Some("at-risk"));
    assert_eq!(last["reason"].as_str(), Some("Panel dates moved"));
    snapshot!("update_redate", run.render());
}

#[test]
fn by_defaults_from_ragtime_owner() {
    let (dir, plan) = plan_set("comments");
    let out = command(dir.path())
        .args([
            "--plans",
            "plans",
            "update",
            "CPS-P1-C1-M2",
            "--status",
            "on-target",
        ])
        .args(["--date", "2025-12-31"])
        .env("RAGTIME_OWNER", "hos-fostering")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(
        text.contains("    by = \"hos-fostering\"\n\n# end of file"),
        "{text}"
    );

    // Without it, --by is required: a usage error.
    let run = update(dir.path(), &["CPS-P1-C1-M2", "--status", "on-target"]);
    assert_eq!(run.code, 2, "{}", run.render());
}

/// Each of these would make the plan set invalid: nothing is written and
/// the problem is shown as `check` shows it.
#[test]
fn invalid_updates_write_nothing() {
    let cases: &[(&str, &[&str])] = &[
        (
            "before_previous",
            &["--status", "on-target", "--date", "2025-05-01"],
        ),
        (
            "outside_strategy",
            &["--due", "2028-06-30", "--reason", "Slipped"],
        ),
        ("percent_over_100", &["--percent", "120"]),
    ];
    for (name, extra) in cases {
        let (dir, plan) = plan_set("comments");
        let old = std::fs::read(&plan).unwrap();
        let mut args = vec!["CPS-P1-C1-M1"];
        args.extend_from_slice(extra);
        if !extra.contains(&"--by") {
            args.extend(["--by", "hos-fostering"]);
        }
        if !extra.contains(&"--date") {
            args.extend(["--date", "2025-12-31"]);
        }
        let run = update(dir.path(), &args);
        assert_eq!(run.code, 1, "{name}: {}", run.render());
        assert_eq!(std::fs::read(&plan).unwrap(), old, "{name} wrote");
        snapshot!(format!("update_invalid_{name}"), run.render());
    }
}

#[test]
fn a_dry_run_of_an_invalid_update_shows_the_diff_and_the_problem() {
    let (dir, plan) = plan_set("comments");
    let old = std::fs::read(&plan).unwrap();
    let run = update(
        dir.path(),
        &[
            "CPS-P1-C1-M1",
            "--percent",
            "120",
            "--by",
            "hos-fostering",
            "--date",
            "2025-12-31",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(std::fs::read(&plan).unwrap(), old);
    snapshot!("update_invalid_dry_run", run.render());
}

#[test]
fn unknown_ids_get_a_did_you_mean() {
    let (dir, _) = plan_set("comments");
    for (name, id) in [
        ("near_miss", "CPS-P1-C1-M3"),
        ("not_a_milestone", "CPS-P1-C1"),
    ] {
        let run = update(dir.path(), &[id, "--by", "hos-fostering"]);
        assert_eq!(run.code, 2, "{}", run.render());
        snapshot!(format!("update_unknown_{name}"), run.render());
    }
    // Ids are unique ignoring case, so a lower-case id finds its milestone.
    let run = update(
        dir.path(),
        &[
            "cps-p1-c1-m2",
            "--by",
            "hos-fostering",
            "--date",
            "2025-12-31",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.render());
}

#[test]
fn a_revised_date_needs_a_reason() {
    let (dir, _) = plan_set("comments");
    let run = update(
        dir.path(),
        &[
            "CPS-P1-C1-M1",
            "--due",
            "2026-06-30",
            "--by",
            "hos-fostering",
        ],
    );
    assert_eq!(run.code, 2);
    snapshot!("update_due_without_reason", run.render());
}

/// Only problems the update adds stop it: an error in someone else's file
/// is mentioned, not blocking.
#[test]
fn errors_elsewhere_do_not_block_an_update() {
    let (dir, plan) = plan_set("comments");
    std::fs::write(
        dir.path().join("plans/other.toml"),
        "[strategy]\nid = \"OTHER\"\ntitle = \"Another strategy\"\nstart = 2025-01-01\nend = 2026-12-31\nowner = \"nobody\"\nboards = [\"cpb\"]\n",
    )
    .unwrap();
    let old = std::fs::read(&plan).unwrap();
    let mut args = vec!["CPS-P1-C1-M1"];
    args.extend_from_slice(PROGRESS);
    let run = update(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_ne!(std::fs::read(&plan).unwrap(), old);
    snapshot!("update_errors_elsewhere", run.render());
    let check = ragtime_in(dir.path(), &["--plans", "plans", "check"]);
    assert_eq!(check.code, 1);
}

/// Text that is hard to quote. Command-line arguments cannot hold NUL; the
/// core's own property test covers it.
fn awkward_note() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("'''".to_string()),
        Just("\"\"\"".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\u{1b}[31m\u{7f}".to_string()),
        Just("😀👩‍👧".to_string()),
        Just("שלום עולם".to_string()),
        Just("\u{202e}abc\u{202c}".to_string()),
        "[^\u{0}]{0,12}",
    ];
    proptest::collection::vec(piece, 1..6).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_note_is_written_and_read_back(note in awkward_note()) {
        let (dir, plan) = plan_set("comments");
        let run = update(
            dir.path(),
            &["CPS-P1-C1-M1", "--note", &note, "--by", "hos-fostering", "--date", "2025-12-31"],
        );
        prop_assert_eq!(run.code, 0, "{}", run.render());
        let doc: toml::Table = std::fs::read_to_string(&plan).unwrap().parse().unwrap();
        let last = doc["milestone"][0]["update"].as_array().unwrap().last().unwrap().clone();
        prop_assert_eq!(last["note"].as_str(), Some(note.as_str()));
    }
}

/// Eight processes, five updates each, all to the same milestone of the
/// same file at once: every one is recorded.
#[test]
fn parallel_updates_are_all_recorded() {
    let (dir, plan) = plan_set("comments");
    let workers: Vec<_> = (0..8)
        .map(|p| {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || {
                for u in 0..5 {
                    let note = format!("process {p} update {u}");
                    let run = update(
                        &dir,
                        &[
                            "CPS-P1-C1-M1",
                            "--note",
                            &note,
                            "--by",
                            "hos-fostering",
                            "--date",
                            "2025-12-31",
                        ],
                    );
                    assert_eq!(run.code, 0, "{}", run.render());
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let doc: toml::Table = std::fs::read_to_string(&plan).unwrap().parse().unwrap();
    let log = doc["milestone"][0]["update"].as_array().unwrap();
    let mut notes: Vec<&str> = log
        .iter()
        .skip(2)
        .map(|u| u["note"].as_str().unwrap())
        .collect();
    notes.sort_unstable();
    let mut expected: Vec<String> = (0..8)
        .flat_map(|p| (0..5).map(move |u| format!("process {p} update {u}")))
        .collect();
    expected.sort_unstable();
    assert_eq!(notes, expected);
    let check = ragtime_in(dir.path(), &["--plans", "plans", "check"]);
    assert_eq!(check.code, 0, "{}", check.render());
}

/// An update started with the test hook, stopped at `step`.
struct Paused {
    child: std::process::Child,
    stderr: std::thread::JoinHandle<String>,
}

impl Paused {
    fn start(dir: &Path, step: &str) -> Paused {
        let mut cmd = command(dir);
        cmd.args(["--plans", "plans", "update", "CPS-P1-C1-M1"])
            .args(PROGRESS)
            .env("RAGTIME_TEST_PAUSE_AT", step)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), format!("paused at {step}"));
        // Keep reading stderr so the process never blocks on it.
        let stderr = std::thread::spawn(move || {
            let mut rest = String::new();
            let _ = std::io::Read::read_to_string(&mut err, &mut rest);
            rest
        });
        Paused { child, stderr }
    }

    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Lets the update go on; returns its exit code and what it said.
    fn resume(mut self) -> (i32, String) {
        self.child.stdin.take().unwrap().write_all(b"\n").unwrap();
        let code = self.child.wait().unwrap().code().unwrap_or(-1);
        (code, self.stderr.join().unwrap())
    }
}

/// What the update writes when nothing goes wrong.
fn updated_text() -> Vec<u8> {
    let (dir, plan) = plan_set("comments");
    let mut args = vec!["CPS-P1-C1-M1"];
    args.extend_from_slice(PROGRESS);
    assert_eq!(update(dir.path(), &args).code, 0);
    std::fs::read(plan).unwrap()
}

/// Killed at every step of the write, the file is the old one (before the
/// rename) or the new one (after it), never a mix; the lock dies with the
/// process and a leftover temporary file is ignored.
#[test]
fn a_killed_update_leaves_the_old_file_or_the_new_one() {
    let new = updated_text();
    for (step, finished) in [
        ("locked", false),
        ("half-written", false),
        ("synced", false),
        ("renamed", true),
    ] {
        let (dir, plan) = plan_set("comments");
        let old = std::fs::read(&plan).unwrap();
        Paused::start(dir.path(), step).kill();
        let now = std::fs::read(&plan).unwrap();
        assert_eq!(&now, if finished { &new } else { &old }, "killed at {step}");

        // The next update is not blocked and the plan set still checks.
        let run = update(
            dir.path(),
            &[
                "CPS-P1-C1-M2",
                "--by",
                "hos-fostering",
                "--date",
                "2025-12-31",
            ],
        );
        assert_eq!(run.code, 0, "after a kill at {step}: {}", run.render());
        let check = ragtime_in(dir.path(), &["--plans", "plans", "check"]);
        assert_eq!(check.code, 0, "after a kill at {step}: {}", check.render());
        assert_nothing_left_behind(dir.path());
    }
}

/// Regression: killed updates left temporary files beside the plan files
/// (25 after the kill test), and lock files a repository could commit.
/// What an update keeps (lock files) is in `plans/.ragtime/`, which
/// ignores itself; a killed update's temporary file is gone after the next
/// update of the same file.
fn assert_nothing_left_behind(dir: &Path) {
    let plans = dir.join("plans");
    let mut found: Vec<String> = walk(&plans)
        .into_iter()
        .map(|p| {
            p.strip_prefix(&plans)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ".ragtime/.gitignore",
            ".ragtime/comments.toml.lock",
            "comments.toml",
            "registry.toml"
        ]
    );
    let ignore = std::fs::read_to_string(plans.join(".ragtime/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    // Where git is at hand, it agrees: nothing of the update's own would
    // be committed.
    let git = |args: &[&str]| Command::new("git").args(args).current_dir(dir).output();
    if git(&["init", "-q"]).is_ok_and(|o| o.status.success()) {
        let added = git(&["add", "--all", "--dry-run"]).unwrap();
        let added = String::from_utf8_lossy(&added.stdout);
        assert!(!added.contains(".ragtime"), "{added}");
        assert!(added.contains("plans/comments.toml"), "{added}");
    }
}

/// Every file below `dir`, hidden ones too.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// SIGKILL at arbitrary moments, without the hook: the file always holds
/// the old or the new content.
#[test]
fn killed_at_random_moments_the_file_is_whole() {
    let new = updated_text();
    for i in 0..12u64 {
        let (dir, plan) = plan_set("comments");
        let old = std::fs::read(&plan).unwrap();
        let mut child = command(dir.path())
            .args(["--plans", "plans", "update", "CPS-P1-C1-M1"])
            .args(PROGRESS)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the run; the figure is a delay, not a measurement.
        std::thread::sleep(std::time::Duration::from_millis(i * 3));
        let _ = child.kill();
        child.wait().unwrap();
        let now = std::fs::read(&plan).unwrap();
        assert!(
            now == old || now == new,
            "a torn file after a kill at {} ms",
            i * 3
        );
        let next = update(
            dir.path(),
            &[
                "CPS-P1-C1-M2",
                "--by",
                "hos-fostering",
                "--date",
                "2025-12-31",
            ],
        );
        assert_eq!(next.code, 0, "{}", next.render());
        assert_nothing_left_behind(dir.path());
    }
}

/// Regression: an update killed between creating `.ragtime/.gitignore`
/// and writing it left the file empty, and no later update wrote it again,
/// so the lock files could be committed.
#[test]
fn a_gitignore_cut_short_by_a_kill_is_written_again() {
    let (dir, plan) = plan_set("comments");
    let ignore = plan.parent().unwrap().join(".ragtime/.gitignore");
    std::fs::create_dir_all(ignore.parent().unwrap()).unwrap();
    std::fs::write(&ignore, "").unwrap();
    let mut args = vec!["CPS-P1-C1-M1"];
    args.extend_from_slice(PROGRESS);
    let run = update(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_nothing_left_behind(dir.path());
}

/// A change made by hand while the update was being made is never
/// overwritten: the update refuses and says to run it again. Regression:
/// it exited 2 (a usage error), not 1 as a refused update does.
#[test]
fn a_file_changed_under_the_update_is_not_overwritten() {
    let (dir, plan) = plan_set("comments");
    let paused = Paused::start(dir.path(), "synced");
    let mut by_hand = std::fs::read(&plan).unwrap();
    by_hand.extend_from_slice(b"# edited by hand\n");
    std::fs::write(&plan, &by_hand).unwrap();
    let (code, stderr) = paused.resume();
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(std::fs::read(&plan).unwrap(), by_hand);
    let stderr = stderr.replace(
        &dir.path().canonicalize().unwrap().display().to_string(),
        "[TMP]",
    );
    snapshot!("update_changed_underneath", stderr);
}

//! Updates at once, killed midway or racing a hand edit: parallel updates
//! all land, a killed update leaves the old file or the new one and nothing
//! behind, and a file changed by hand is never overwritten.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{PROGRESS, command, plan_set, update};
use crate::snapshot;
use crate::support::ragtime_in;

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

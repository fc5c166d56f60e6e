//! Shared test helpers: running the binary in a clean environment and
//! snapshotting what it printed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (where `plans/` and `tests/` are).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// A fixture folder below `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// What one run printed, as one text for a snapshot.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// `exit: N`, then stdout and stderr under headings.
    pub fn render(&self) -> String {
        format!(
            "exit: {}\n----- stdout -----\n{}----- stderr -----\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `ragtime ARGS` in `dir` with a cleared environment (no colour, no
/// terminal), so output is the same everywhere.
pub fn ragtime_in(dir: &Path, args: &[&str]) -> Run {
    ragtime_with(dir, args, &[])
}

/// Runs `ragtime ARGS` in `dir` with a cleared environment but for `env`.
pub fn ragtime_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .envs(env.iter().copied())
        .output()
        .expect("run ragtime");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `ragtime ARGS` from the workspace root.
pub fn ragtime(args: &[&str]) -> Run {
    ragtime_in(&root(), args)
}

/// Asserts a snapshot stored in the top-level `snapshots/` folder.
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $value:expr) => {{
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/../../snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!($name, $value));
    }};
}

/// Asserts that no line of `text` is wider than `width` columns of a
/// terminal (wide characters count two, combining marks none).
pub fn assert_fits(text: &str, width: usize) {
    for (n, line) in text.lines().enumerate() {
        let w = textwrap::core::display_width(line);
        assert!(
            w <= width,
            "line {} is {w} columns wide, over {width}:\n{line}",
            n + 1
        );
    }
}

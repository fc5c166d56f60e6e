//! Saving a plan file safely: an exclusive lock on a lock file for the
//! whole read-modify-write, and an atomic replace (a temporary file on the
//! same file system, flushed and synced, then renamed over the original),
//! so a crash leaves the old file or the new one, never a torn one, and two
//! updates at the same moment never lose an edit.
//!
//! The lock and temporary files live in a hidden `.ragtime` folder beside
//! the plan file, which holds a `.gitignore` that ignores the folder: a
//! council's repository never commits them by mistake, and plan discovery
//! skips hidden folders. A temporary file left by an update that was
//! killed is removed by the next update of the same file.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Held while a plan file is read, changed and written; dropping it (or the
/// process dying) releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// The folder beside a plan file that holds its lock and temporary files.
pub const STATE_DIR: &str = ".ragtime";

/// What the state folder's `.gitignore` says: ignore everything here,
/// this file included.
const IGNORE_ALL: &str = "# Lock and temporary files of `ragtime update`; never committed.\n*\n";

/// The state folder beside `plan`, made (with its `.gitignore`) if missing.
fn state_dir(plan: &Path) -> Result<PathBuf> {
    let dir = folder_of(plan).join(STATE_DIR);
    fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create the folder `{}`", dir.display()))?;
    let ignore = dir.join(".gitignore");
    // Written again whenever it is not exactly as it should be: an update
    // killed while writing it leaves it empty or cut short, and a missing
    // `*` would let the lock files into a commit.
    if fs::read(&ignore).ok().as_deref() != Some(IGNORE_ALL.as_bytes()) {
        fs::write(&ignore, IGNORE_ALL)
            .with_context(|| format!("cannot write `{}`", ignore.display()))?;
    }
    Ok(dir)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

fn file_name(plan: &Path) -> String {
    plan.file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned())
}

/// `.ragtime/NAME.lock` beside the plan file. It is never deleted:
/// deleting a lock file while another process waits on it would let a
/// third lock a new file and both go ahead.
pub fn lock_path(plan: &Path) -> Result<PathBuf> {
    Ok(state_dir(plan)?.join(format!("{}.lock", file_name(plan))))
}

/// Takes the exclusive lock for `plan` (called `name` in messages), waiting
/// for any other update of the same file to finish; then removes the
/// temporary files that a killed update of it left (no update of it can be
/// running now).
pub fn lock(plan: &Path, name: &str) -> Result<Lock> {
    let path = lock_path(plan)?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file `{}`", path.display()))?;
    // Called through the trait: `File` has inherent methods of the same
    // names only in newer Rust than the project's minimum.
    match fs4::FileExt::try_lock(&file) {
        Ok(()) => {}
        Err(fs4::TryLockError::WouldBlock) => {
            eprintln!("waiting for another update of `{name}` to finish ...");
            fs4::FileExt::lock(&file)
                .with_context(|| format!("cannot lock `{}`", path.display()))?;
        }
        Err(fs4::TryLockError::Error(err)) => {
            return Err(err).with_context(|| format!("cannot lock `{}`", path.display()));
        }
    }
    remove_leftovers(plan);
    Ok(Lock { _file: file })
}

/// The prefix and suffix of `plan`'s temporary files.
fn temp_affixes(plan: &Path) -> (String, &'static str) {
    (format!("{}.", file_name(plan)), ".tmp")
}

/// Removes temporary files of `plan` left by updates that were killed.
/// Called under the lock; best effort, since they are ignored anyway.
fn remove_leftovers(plan: &Path) {
    let dir = folder_of(plan).join(STATE_DIR);
    let (prefix, suffix) = temp_affixes(plan);
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(suffix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The plan file was changed by something else while the update was being
/// made: nothing was written. Exit code 1, as for a refused update.
#[derive(Debug, thiserror::Error)]
#[error(
    "`{0}` was changed by something else while this update was being made; \
     nothing was written: run the command again"
)]
pub struct ChangedUnderneath(pub String);

/// Replaces `path` (called `name` in messages) with `new`, atomically,
/// keeping its permissions, but only if it still holds `expected` (what the
/// caller read under the lock): a change made meanwhile by hand is never
/// overwritten.
pub fn replace(path: &Path, name: &str, expected: &[u8], new: &[u8], _lock: &Lock) -> Result<()> {
    let dir = folder_of(path);
    let state = state_dir(path)?;
    let permissions = fs::metadata(path)
        .with_context(|| format!("cannot read `{}`", path.display()))?
        .permissions();
    // In the ignored state folder, on the same file system as the plan.
    let (prefix, suffix) = temp_affixes(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(suffix)
        .tempfile_in(&state)
        .with_context(|| format!("cannot create a temporary file in `{}`", state.display()))?;
    let half = new.len() / 2;
    temp.write_all(&new[..half])?;
    temp.flush()?;
    checkpoint("half-written");
    temp.write_all(&new[half..])?;
    temp.flush()?;
    temp.as_file().set_permissions(permissions)?;
    temp.as_file()
        .sync_all()
        .context("cannot flush the new file to disk")?;
    checkpoint("synced");
    let now = fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    if now != expected {
        return Err(ChangedUnderneath(name.to_string()).into());
    }
    temp.persist(path)
        .with_context(|| format!("cannot replace `{name}`"))?;
    checkpoint("renamed");
    sync_dir(dir);
    Ok(())
}

/// Makes the rename itself durable. Best effort: not every platform can
/// open a folder, and the new file is complete either way.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Test hook, in debug builds only (the tests' builds): a release binary
/// has no such hook. With `RAGTIME_TEST_PAUSE_AT=STEP` in the environment
/// the command stops at STEP, says `paused at STEP` on stderr and waits for
/// a line on standard input, so tests can kill it at an exact point or
/// change the file under it. Steps: `locked`, `half-written`, `synced`,
/// `renamed`.
#[cfg(debug_assertions)]
pub fn checkpoint(step: &str) {
    if std::env::var_os("RAGTIME_TEST_PAUSE_AT").is_some_and(|v| v == step) {
        eprintln!("paused at {step}");
        let _ = std::io::stdin().read_line(&mut String::new());
    }
}

/// In a release binary the test hook does nothing and reads nothing.
#[cfg(not(debug_assertions))]
pub fn checkpoint(_step: &str) {}

#[cfg(test)]
mod tests {
    /// Regression: the test hook was in release binaries, where anyone
    /// setting RAGTIME_TEST_PAUSE_AT could stall an update. Built without
    /// debug assertions (`cargo test --release`), the hook must return at
    /// once without reading standard input; the debug builds' tests pause
    /// at it (tests/cli/update/kills.rs).
    #[test]
    fn the_pause_hook_is_in_debug_builds_only() {
        let source = include_str!("save.rs");
        let hook = source
            .find("pub fn checkpoint(step: &str)")
            .expect("the hook");
        assert!(
            source[..hook]
                .trim_end()
                .ends_with("#[cfg(debug_assertions)]")
        );
        if !cfg!(debug_assertions) {
            // The no-op: returns at once, reading nothing.
            let started = std::time::Instant::now();
            super::checkpoint("locked");
            assert!(started.elapsed() < std::time::Duration::from_secs(1));
        }
    }
}

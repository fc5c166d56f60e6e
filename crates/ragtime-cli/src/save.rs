//! Saving a plan file safely: an exclusive lock on a lock file beside it for
//! the whole read-modify-write, and an atomic replace (a temporary file in
//! the same folder, flushed and synced, then renamed over the original), so
//! a crash leaves the old file or the new one, never a torn one, and two
//! updates at the same moment never lose an edit.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Held while a plan file is read, changed and written; dropping it (or the
/// process dying) releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// `.NAME.lock` beside the plan file. It is hidden, so plan discovery skips
/// it, and it is never deleted: deleting a lock file while another process
/// waits on it would let a third lock a new file and both go ahead.
pub fn lock_path(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy());
    plan.with_file_name(format!(".{name}.lock"))
}

/// Takes the exclusive lock for `plan` (called `name` in messages), waiting
/// for any other update of the same file to finish.
pub fn lock(plan: &Path, name: &str) -> Result<Lock> {
    let path = lock_path(plan);
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
    Ok(Lock { _file: file })
}

/// Replaces `path` (called `name` in messages) with `new`, atomically,
/// keeping its permissions, but only if it still holds `expected` (what the
/// caller read under the lock): a change made meanwhile by hand is never
/// overwritten.
pub fn replace(path: &Path, name: &str, expected: &[u8], new: &[u8], _lock: &Lock) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy());
    let permissions = fs::metadata(path)
        .with_context(|| format!("cannot read `{}`", path.display()))?
        .permissions();
    // Hidden, so plan discovery skips one left behind by a crash.
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{file_name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
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
        bail!(
            "`{name}` was changed by something else while this update was being made; \
             nothing was written: run the command again"
        );
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

/// Test hook. With `RAGTIME_TEST_PAUSE_AT=STEP` in the environment the
/// command stops at STEP, says `paused at STEP` on stderr and waits for a
/// line on standard input, so tests can kill it at an exact point or change
/// the file under it. Steps: `locked`, `half-written`, `synced`, `renamed`.
pub fn checkpoint(step: &str) {
    if std::env::var_os("RAGTIME_TEST_PAUSE_AT").is_some_and(|v| v == step) {
        eprintln!("paused at {step}");
        let _ = std::io::stdin().read_line(&mut String::new());
    }
}

//! Finding and reading plan files: where the plan set is (named, or found
//! by walking up from the current folder as git and cargo do), every
//! `*.toml` below it in path order, symbolic links followed, and what could
//! not be read handed to the core as a finding rather than stopping the run.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use ragtime_core::{Input, Unread};
use rayon::prelude::*;

/// The folder walked up to and looked in for a plan set.
pub const PLANS_DIR: &str = "plans";

/// A plan set's place: the folder (or single file) that holds it, and the
/// files or folders in it that were named, if any, to check on their own.
#[derive(Debug)]
pub struct Located {
    /// As shown in messages: relative to the current folder when found so.
    pub root: PathBuf,
    /// Named files or folders inside the plan set (for `check PATH`).
    pub focus: Vec<PathBuf>,
}

/// Where the plan set is. `named` is `--plans` (or `RAGTIME_PLANS`): a
/// folder is the plan set; a file inside a plan set is that plan set with
/// the file in focus; a file in none is a plan set of its own. Without a
/// name the plan set is the first `plans/` folder found walking up from
/// `from` (a path given to `check`, or the current folder).
pub fn locate(named: Option<&Path>, from: Option<&Path>) -> Result<Located> {
    if let Some(named) = named {
        let meta = std::fs::metadata(named).map_err(|e| {
            anyhow::anyhow!(
                "cannot read plans at `{}` ({}): check the path given with `--plans` or RAGTIME_PLANS",
                display_name(named),
                e.kind()
            )
        })?;
        if meta.is_dir() {
            return Ok(Located {
                root: named.to_path_buf(),
                focus: Vec::new(),
            });
        }
        return Ok(match walk_up(parent_of(named)) {
            Some(root) if inside(named, &root) => Located {
                root,
                focus: vec![named.to_path_buf()],
            },
            _ => Located {
                root: named.to_path_buf(),
                focus: Vec::new(),
            },
        });
    }
    let start = match from {
        Some(path) if path.is_dir() => path.to_path_buf(),
        Some(path) => parent_of(path),
        None => PathBuf::new(),
    };
    match walk_up(start.clone()) {
        Some(root) => Ok(Located {
            root,
            focus: Vec::new(),
        }),
        None => {
            let absolute = std::path::absolute(if start.as_os_str().is_empty() {
                Path::new(".")
            } else {
                &start
            })
            .unwrap_or(start);
            bail!(
                "no plan set found: there is no `{PLANS_DIR}` folder in `{}` or in any folder above it\n\
                 help: run ragtime inside a plan repository, or name the plans with `--plans DIR` \
                 (or set RAGTIME_PLANS=DIR once)",
                display_name(&absolute)
            )
        }
    }
}

/// The folder holding `path`; the current folder (empty) for a bare name.
fn parent_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The first `plans` folder in `dir` or a folder above it, named as the
/// walk reached it (`plans`, `../plans`, ...), so messages name files as
/// the user would reach them from here.
fn walk_up(dir: PathBuf) -> Option<PathBuf> {
    let mut dir = dir;
    loop {
        let candidate = dir.join(PLANS_DIR);
        if candidate.is_dir() {
            return Some(candidate);
        }
        let top = std::fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &dir
        })
        .ok()?;
        // At the top of the file system: nowhere further to look.
        top.parent()?;
        dir = match dir.file_name() {
            // `a/b` -> `a`; `b` -> `` (the current folder).
            Some(_) => parent_of(&dir),
            // ``, `.`, `..`, `../..` -> one more `..`.
            None => dir.join(".."),
        };
    }
}

/// Whether `path` is `root` or below it, as the file system sees them.
pub fn inside(path: &Path, root: &Path) -> bool {
    match (std::fs::canonicalize(path), std::fs::canonicalize(root)) {
        (Ok(path), Ok(root)) => path.starts_with(root),
        _ => false,
    }
}

/// One entry of a plan set: a file to read, or one that cannot be.
#[derive(Debug)]
pub enum Entry {
    File(PathBuf),
    Unread(PathBuf, Unread),
}

impl Entry {
    pub fn path(&self) -> &Path {
        match self {
            Entry::File(p) | Entry::Unread(p, _) => p,
        }
    }
}

/// The plan files below `root` (or `root` itself if it is a file), sorted.
/// Symbolic links are followed; a link back to a folder above it, a folder
/// that cannot be listed and a dangling link are entries too, so that
/// `check` reports them where they are.
pub fn discover(root: &Path) -> Result<Vec<Entry>> {
    let meta = std::fs::metadata(root)
        .map_err(|e| anyhow::anyhow!("cannot read plans at `{}`: {}", root.display(), e.kind()))?;
    if meta.is_file() {
        return Ok(vec![Entry::File(root.to_path_buf())]);
    }
    let mut entries = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walk {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_file() && is_plan_file(entry.path()) {
                    entries.push(Entry::File(entry.into_path()));
                }
            }
            Err(err) => {
                let Some(path) = err.path().map(Path::to_path_buf) else {
                    bail!("cannot list `{}`: {err}", root.display());
                };
                if path.file_name().is_some_and(is_hidden) {
                    continue;
                }
                if let Some(ancestor) = err.loop_ancestor() {
                    let target = display_name(ancestor);
                    entries.push(Entry::Unread(path, Unread::LinkLoop { target }));
                } else if is_plan_file(&path) || path.extension().is_none() {
                    let why = unreadable_reason(&path, err.io_error());
                    entries.push(Entry::Unread(path, Unread::Unreadable(why)));
                }
            }
        }
    }
    if entries.is_empty() {
        bail!(
            "no plan files (*.toml) in `{}`; name the plans with `--plans DIR`",
            root.display()
        );
    }
    entries.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(entries)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn is_plan_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

/// Why `path` cannot be read, in words: a dangling link names where it
/// leads; otherwise the system's reason.
fn unreadable_reason(path: &Path, err: Option<&std::io::Error>) -> String {
    if let Ok(target) = std::fs::read_link(path)
        && std::fs::metadata(path).is_err()
    {
        return format!(
            "it is a symbolic link to `{}`, which does not exist",
            display_name(&target)
        );
    }
    let what = if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        "the folder cannot be listed: "
    } else {
        ""
    };
    match err {
        Some(e) => format!("{what}{}", e.kind()),
        None => format!("{what}unknown error"),
    }
}

/// How a path is shown in messages: as found, with `/` separators.
pub fn display_name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Reads the plan files found by [`discover`], several at a time (the core
/// parses in parallel too); the result keeps their order. A file that
/// cannot be read is handed on as such, to be a finding in that file.
pub fn read(entries: &[Entry]) -> Vec<Input> {
    entries.par_iter().map(read_one).collect()
}

/// Reads one plan file found by [`discover`]; one that cannot be read is
/// handed on as such. The loader calls this as it goes
/// ([`ragtime_core::load_from`]), so that a plan set is never held in
/// memory whole as text.
pub fn read_one(entry: &Entry) -> Input {
    let name = display_name(entry.path());
    match entry {
        Entry::Unread(_, why) => Input::unread(name, why.clone()),
        Entry::File(path) => match std::fs::read(path) {
            Ok(bytes) => Input::new(name, bytes),
            Err(err) => Input::unread(
                name,
                Unread::Unreadable(unreadable_reason(path, Some(&err))),
            ),
        },
    }
}

/// The paths of `entries`, in order: a finding's file is read again from
/// here when its excerpt is shown.
pub fn paths(entries: &[Entry]) -> Vec<PathBuf> {
    entries.iter().map(|e| e.path().to_path_buf()).collect()
}

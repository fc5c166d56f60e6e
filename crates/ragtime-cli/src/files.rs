//! Finding and reading plan files: every `*.toml` below the plans folder,
//! in path order so output is the same from run to run.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use ragtime_core::Input;
use rayon::prelude::*;

/// The plan files below `root` (or `root` itself if it is a file), sorted.
pub fn discover(root: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(root)
        .with_context(|| format!("cannot read plans at `{}`", root.display()))?;
    if meta.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list `{}`", root.display()))?;
        let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "toml") {
            paths.push(entry.into_path());
        }
    }
    if paths.is_empty() {
        bail!("no plan files (*.toml) in `{}`", root.display());
    }
    paths.sort();
    Ok(paths)
}

/// How a path is shown in messages: as found, with `/` separators.
pub fn display_name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Reads the plan files at `paths` (from [`discover`]), several at a time
/// (the core parses in parallel too); the result keeps their order.
pub fn read(paths: &[PathBuf]) -> Result<Vec<Input>> {
    paths
        .par_iter()
        .map(|path| {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
            Ok(Input::new(display_name(path), bytes))
        })
        .collect()
}

//! The floor: the least any command must do, which is to read every plan
//! file and parse it as TOML. Commands are measured against it.
//!
//! Files are found as `ragtime` finds them (every `*.toml` below the folder,
//! hidden entries skipped, sorted by path) and parsed into `toml::Table` on
//! the rayon pool, so the floor uses as many threads as `ragtime` does.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;

/// The plan files below `root`, sorted by path, as `ragtime` finds them.
pub fn discover(root: &Path) -> Result<Vec<PathBuf>> {
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
    paths.sort();
    Ok(paths)
}

/// What the floor read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub files: usize,
    pub bytes: usize,
    /// Top-level tables and array-of-table entries, so the parse is used.
    pub records: usize,
}

/// Parses texts into tables in parallel; the floor's parse step alone.
pub fn parse_all(texts: &[String]) -> Result<Vec<toml::Table>> {
    texts
        .par_iter()
        .map(|t| toml::from_str::<toml::Table>(t).context("not TOML"))
        .collect()
}

/// Reads and parses every plan file below `root` in parallel.
pub fn read_and_parse(root: &Path) -> Result<Count> {
    let paths = discover(root)?;
    let counts: Vec<Count> = paths
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read `{}`", path.display()))?;
            let table: toml::Table = toml::from_str(&text)
                .with_context(|| format!("`{}` is not TOML", path.display()))?;
            let records = table
                .values()
                .map(|v| v.as_array().map_or(1, Vec::len))
                .sum();
            Ok(Count {
                files: 1,
                bytes: text.len(),
                records,
            })
        })
        .collect::<Result<_>>()?;
    Ok(counts.into_iter().fold(Count::default(), |a, c| Count {
        files: a.files + c.files,
        bytes: a.bytes + c.bytes,
        records: a.records + c.records,
    }))
}

//! The floors: the least any command must do, which is to read every plan
//! file and parse it as TOML. Commands are measured against two:
//!
//! - [`Floor::Table`]: parse each file into a `toml::Table`, the `toml`
//!   crate's own whole-document parse;
//! - [`Floor::Lex`]: only split each file into tokens with `toml_parser`'s
//!   lexer, the first step of any TOML parse (the layer `ragtime` reads
//!   its events from): a floor no reader of TOML can go below.
//!
//! Files are found as `ragtime` finds them (every `*.toml` below the folder,
//! hidden entries skipped, sorted by path) and read and parsed on the rayon
//! pool, so the floors use as many threads as `ragtime` does.

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
    /// Top-level tables and array-of-table entries (or, lexing, tokens),
    /// so the parse is used.
    pub records: usize,
}

/// Parses texts into tables in parallel; the floor's parse step alone.
pub fn parse_all(texts: &[String]) -> Result<Vec<toml::Table>> {
    texts
        .par_iter()
        .map(|t| toml::from_str::<toml::Table>(t).context("not TOML"))
        .collect()
}

/// How far a floor parses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Floor {
    /// Into `toml::Table`s.
    #[default]
    Table,
    /// Into `toml_parser` tokens only.
    Lex,
}

/// Splits texts into tokens in parallel; the lexing floor's parse step
/// alone. Returns how many tokens there were.
pub fn lex_all(texts: &[String]) -> usize {
    texts.par_iter().map(|t| lex(t)).sum()
}

/// How many tokens `toml_parser`'s lexer makes of `text`.
fn lex(text: &str) -> usize {
    toml_parser::Source::new(text).lex().count()
}

/// Reads and parses every plan file below `root` in parallel, as far as
/// `floor` says. For the lexing floor, `records` counts tokens.
pub fn read_and_parse(root: &Path, floor: Floor) -> Result<Count> {
    let paths = discover(root)?;
    let counts: Vec<Count> = paths
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read `{}`", path.display()))?;
            let records = match floor {
                Floor::Table => {
                    let table: toml::Table = toml::from_str(&text)
                        .with_context(|| format!("`{}` is not TOML", path.display()))?;
                    table
                        .values()
                        .map(|v| v.as_array().map_or(1, Vec::len))
                        .sum()
                }
                Floor::Lex => lex(&text),
            };
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

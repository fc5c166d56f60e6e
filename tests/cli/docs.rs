//! The update examples in the README and the docs work on any day they are
//! run: each `ragtime update` command in a shell block is run, in order, on
//! a copy of the shipped plans, with the `export RAGTIME_OWNER=...` the
//! block sets. Every plan file the docs name exists.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::root;

/// The documents whose examples are run.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md")];
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    docs.extend(pages);
    docs
}

/// The commands of the ```sh blocks of `markdown`, continuation lines
/// joined and comments dropped, each as its words.
fn shell_commands(markdown: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    let mut in_block = false;
    let mut line = String::new();
    for raw in markdown.lines() {
        if raw.starts_with("```") {
            in_block = raw == "```sh";
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(part) = raw.strip_suffix('\\') {
            line.push_str(part);
            continue;
        }
        line.push_str(raw);
        if let Some(words) = shlex::split(&line) {
            let words: Vec<String> = words
                .into_iter()
                .take_while(|w| !w.starts_with('#'))
                .collect();
            if !words.is_empty() {
                commands.push(words);
            }
        }
        line.clear();
    }
    commands
}

/// A copy of the shipped plans in a temporary folder.
fn copy_of_plans() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&root().join("plans"), &dir.path().join("plans"));
    dir
}

/// Regression: the README's third update example was refused (dated before
/// the first, which took today's date), and `docs/updating.md` used ids no
/// milestone has.
#[test]
fn the_update_examples_work_on_a_copy_of_the_plans() {
    let mut ran = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let commands = shell_commands(&text);
        if !commands.iter().any(|c| c[..2] == ["ragtime", "update"]) {
            continue;
        }
        let dir = copy_of_plans();
        let mut owner = None;
        for words in commands {
            if words[0] == "export" {
                if let Some(value) = words[1].strip_prefix("RAGTIME_OWNER=") {
                    owner = Some(value.to_string());
                }
                continue;
            }
            if words[..2] != ["ragtime", "update"] {
                continue;
            }
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_ragtime"));
            cmd.args(&words[1..])
                .current_dir(dir.path())
                .env_clear()
                .env("NO_COLOR", "1");
            if let Some(owner) = &owner {
                cmd.env("RAGTIME_OWNER", owner);
            }
            let out = cmd.output().unwrap();
            assert!(
                out.status.success(),
                "{}: `{}` failed:\n{}",
                doc.display(),
                words.join(" "),
                String::from_utf8_lossy(&out.stderr)
            );
            ran += 1;
        }
        let check = Command::new(env!("CARGO_BIN_EXE_ragtime"))
            .args(["check"])
            .current_dir(dir.path())
            .env_clear()
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
    assert!(ran >= 6, "only {ran} update examples found");
}

/// Regression: `docs/updating.md` named `plans/registry.toml` and
/// `plans/corporate-parenting.toml`, which the shipped plans do not have.
#[test]
fn every_plan_file_the_docs_name_exists() {
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        for (at, _) in text.match_indices("plans/") {
            if at > 0 && !matches!(text.as_bytes()[at - 1], b' ' | b'`' | b'(' | b'\n') {
                continue;
            }
            let rest = &text[at..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.')))
                .unwrap_or(rest.len());
            let path = rest[..end].trim_end_matches('.');
            if path.ends_with(".toml") {
                assert!(
                    root().join(path).exists(),
                    "{} names `{path}`",
                    doc.display()
                );
            }
        }
    }
}

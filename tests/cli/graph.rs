//! `ragtime graph`: the governance picture in mermaid and dot, over a
//! fixture plan set with awkward names and over the shipped plans.

use crate::snapshot;
use crate::support::ragtime;

const FIXTURE: &str = "tests/fixtures/board";

#[test]
fn mermaid_over_the_fixture() {
    let run = ragtime(&["--plans", FIXTURE, "graph"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("graph_mermaid", run.render());
}

#[test]
fn mermaid_with_owners() {
    let run = ragtime(&["--plans", FIXTURE, "graph", "--owners"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("graph_mermaid_owners", run.render());
}

#[test]
fn dot_with_owners() {
    let run = ragtime(&["--plans", FIXTURE, "graph", "--format", "dot", "--owners"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("graph_dot_owners", run.render());
}

/// The shipped plans change as real plans are added: re-accept this one
/// after reading it.
#[test]
fn shipped_plans() {
    let run = ragtime(&["graph"]);
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("graph_shipped_plans", run.render());
}

#[test]
fn writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("governance.dot");
    let path_arg = path.to_string_lossy().into_owned();
    let run = ragtime(&[
        "--plans", FIXTURE, "graph", "--format", "dot", "-o", &path_arg,
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_eq!(run.stdout, "");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("digraph governance {\n"), "{text}");
}

#[test]
fn plans_with_errors_give_no_picture() {
    let run = ragtime(&["--plans", "tests/fixtures/check/E0101-unknown-key", "graph"]);
    assert_eq!(run.code, 1, "{}", run.render());
    assert_eq!(run.stdout, "");
    snapshot!("graph_plans_with_errors", run.render());
}

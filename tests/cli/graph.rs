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

/// The A4 page's printable width: 210 mm less two 15 mm margins is 180 mm,
/// 510 points (a point is 1/72 inch).
const A4_PRINTABLE_PT: f64 = 510.0;

/// Renders `dot` with Graphviz (installed by `.ci/install`) and returns the
/// SVG's width in points, as `dot` writes it (`width="456pt"`).
fn rendered_width(dot: &str) -> f64 {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect(
            "Graphviz `dot` is not installed: run `.ci/install` (it installs Debian's graphviz)",
        );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    let start = svg.find("<svg").expect("an svg element");
    let tag = &svg[start..start + svg[start..].find('>').unwrap()];
    let width = tag
        .split("width=\"")
        .nth(1)
        .and_then(|rest| rest.split("pt\"").next())
        .unwrap_or_else(|| panic!("no width in points: {tag}"));
    width.parse().unwrap()
}

/// Both pictures of the shipped plans, with and without owners, fit an A4
/// page's width (the governance picture was 1,731 pt wide in one row,
/// 19,493 pt with owners), and the layout is compact enough that Graphviz
/// scales it down, if at all, to no less than 80%: its text stays readable.
#[test]
fn shipped_plans_fit_an_a4_page_width() {
    for owners in [false, true] {
        let mut args = vec!["graph", "--format", "dot"];
        if owners {
            args.push("--owners");
        }
        let run = ragtime(&args);
        assert_eq!(run.code, 0, "{}", run.render());
        let width = rendered_width(&run.stdout);
        assert!(
            width <= A4_PRINTABLE_PT,
            "with owners: {owners}: {width} pt wide, more than {A4_PRINTABLE_PT} pt"
        );
        let cap = ", size=\"7.08,1000\"";
        assert!(
            run.stdout.contains(cap),
            "the drawing is capped at A4 width"
        );
        let natural = rendered_width(&run.stdout.replace(cap, ""));
        assert!(
            natural <= A4_PRINTABLE_PT / 0.8,
            "with owners: {owners}: {natural} pt wide before scaling: text under 80%"
        );
    }
}

/// The awkward names of the fixture still render (dot accepts the escaped
/// labels and the owners' table) and fit too.
#[test]
fn fixture_renders_with_dot() {
    let run = ragtime(&["--plans", FIXTURE, "graph", "--format", "dot", "--owners"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(rendered_width(&run.stdout) <= A4_PRINTABLE_PT);
}

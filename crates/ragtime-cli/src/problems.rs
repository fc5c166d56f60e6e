//! Rendering problems found in spreadsheets (returns, imported action
//! plans) as `check` renders findings: the message and code, `-->
//! book!sheet!F12`, the cell's value with the row's number in the gutter,
//! and a help line; or one `book!sheet!F12: CODE message` line each.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use ragtime_core::Severity;
use ragtime_core::sheet::Problem;

use crate::safe_text;

/// A problem as a compiler-style block. Everything typed in a cell is
/// shown with control characters escaped and on one line (a line break
/// as `⏎`), so nothing reaches the terminal raw.
pub fn human(p: &Problem, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let level = match p.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = one_line(&p.message);
    let place = one_line(&p.place.to_string());
    let help = p.help.as_deref().map(one_line);
    let label = one_line(&p.label);
    let head = level
        .clone()
        .primary_title(message.as_str())
        .id(p.code.as_str())
        .element(Origin::path(place.as_str()));
    let value = p.value.as_deref().map(one_line).filter(|v| !v.is_empty());
    let Some(value) = value else {
        let head = match &help {
            Some(help) => head.element(Level::HELP.message(help.as_str())),
            None => head,
        };
        return renderer.render(&[head]);
    };
    // The value in a group of its own, so it is not drawn as a second
    // file; the row's number in the gutter, as the spreadsheet numbers it.
    let row = p.place.cell.map_or(1, |c| c.row as usize + 1);
    let annotation = AnnotationKind::Primary.span(0..value.len());
    let annotation = if label.is_empty() {
        annotation
    } else {
        annotation.label(label.as_str())
    };
    let mut excerpt = Group::with_level(level).element(
        Snippet::source(value.as_str())
            .line_start(row)
            .annotation(annotation),
    );
    if let Some(help) = &help {
        excerpt = excerpt.element(Level::HELP.message(help.as_str()));
    }
    // The place's arrow lines up with the excerpt's gutter, as in one
    // block: the head, rendered with no line numbers, is indented by the
    // width of the row's number less one.
    let indent = " ".repeat(row.to_string().len().saturating_sub(1));
    let head = renderer.render(&[head]);
    let head: Vec<String> = head
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.to_string()
            } else {
                format!("{indent}{l}")
            }
        })
        .collect();
    format!("{}\n{}", head.join("\n"), renderer.render(&[excerpt]))
}

/// `book!sheet!F12: CODE message`.
pub fn short(p: &Problem) -> String {
    format!(
        "{}: {} {}",
        one_line(&p.place.to_string()),
        p.code,
        one_line(&p.message)
    )
}

/// Text escaped as `check` escapes plan text, on one line.
fn one_line(text: &str) -> String {
    safe_text::escape(text)
        .replace("\r\n", "\n")
        .replace('\n', " ⏎ ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::Code;
    use ragtime_core::sheet::{CellRef, Place};

    #[test]
    fn a_problem_reads_like_a_finding_and_escapes_what_was_typed() {
        let place = Place {
            book: "Q3 returns/hos-fostering.xlsx".into(),
            sheet: Some("Milestones".into()),
            cell: Some(CellRef::new(11, 7)),
        };
        let p = Problem::new(Code::BadStatus, place, "`on traget` is not a status")
            .value("on traget\u{1b}[31m\nsecond line")
            .label("expected one of ...")
            .help("did you mean `on-target`?");
        crate::snapshot!("problem_human", human(&p, false));
        assert_eq!(
            short(&p),
            "Q3 returns/hos-fostering.xlsx!Milestones!H12: E0104 `on traget` is not a status"
        );
    }
}

//! A table's rows as HTML: its `<tbody>`s, each row's cells with their
//! ratings, directions of travel, lines, trend charts and marks.
//!
//! Written here rather than by the page's template: a pack has thousands
//! of cells, and the template engine spent most of the pack's time on
//! them. Every text goes through the template engine's own HTML escaping
//! ([`HtmlEscape`]), as the template's auto-escaping would have it, and
//! the markup is the template's, byte for byte.

use std::fmt::Write as _;

use minijinja::HtmlEscape;

use super::{CellView, RowView};
use crate::write::html::SparkSize;
use crate::write::html::sparkline::SparklineView;

/// The rows of `bodies`, a `<tbody>` for each, every element on a line of
/// its own and a row's cells on its line.
pub(super) fn write(bodies: &[Vec<RowView>], spark: &SparkSize) -> String {
    let mut out = String::new();
    for body in bodies {
        out.push_str("\n<tbody>");
        for row in body {
            out.push_str("\n<tr class=\"");
            text(&mut out, row.kind);
            out.push_str("\">");
            for (i, cell) in row.cells.iter().enumerate() {
                write_cell(&mut out, row.kind, i == 0, cell, spark);
            }
            out.push_str("\n</tr>");
        }
        out.push_str("\n</tbody>");
    }
    out
}

/// Text, escaped.
fn text(out: &mut String, text: &str) {
    let _ = write!(out, "{}", HtmlEscape(text));
}

/// A cell: the row's first is its heading (`th`), scoping the row, or a
/// group's rows.
fn write_cell(out: &mut String, kind: &str, first: bool, cell: &CellView, spark: &SparkSize) {
    if first {
        out.push_str("<th scope=\"");
        out.push_str(if kind == "group" { "rowgroup" } else { "row" });
        out.push('"');
    } else {
        out.push_str("<td");
    }
    if !cell.class.is_empty() {
        out.push_str(" class=\"");
        text(out, &cell.class);
        out.push('"');
    }
    out.push('>');
    if let Some(rag) = &cell.rag {
        out.push_str("<span class=\"rag rag-");
        text(out, rag.name);
        out.push_str("\">");
        text(out, &rag.label);
        out.push_str("</span>");
        if let Some(flag) = rag.flag.as_deref().filter(|f| !f.is_empty()) {
            out.push_str("<span class=\"flag\">flagged: ");
            text(out, flag);
            out.push_str("</span>");
        }
    } else if !cell.trends.is_empty() {
        for t in &cell.trends {
            out.push_str("<span class=\"trend\">");
            if !t.arrow.is_empty() {
                out.push_str("<span aria-hidden=\"true\">");
                text(out, t.arrow);
                out.push_str("</span>");
            }
            text(out, t.label);
            if let Some(against) = t.against.filter(|a| !a.is_empty()) {
                out.push_str("<span class=\"vh\"> ");
                text(out, against);
                out.push_str("</span>");
            }
            out.push_str("</span>");
        }
    } else if !cell.lines.is_empty() {
        for line in &cell.lines {
            out.push_str("<span class=\"line\">");
            text(out, line);
            out.push_str("</span>");
        }
    } else {
        text(out, &cell.text);
    }
    if let Some(k) = &cell.spark {
        write_sparkline(out, k, spark);
    }
    if let Some(mark) = cell.mark.filter(|m| !m.is_empty()) {
        out.push_str(" <span aria-hidden=\"true\">");
        text(out, mark);
        out.push_str("</span><span class=\"vh\">(illustrative)</span>");
    }
    out.push_str(if first { "</th>" } else { "</td>" });
}

/// A trend chart, drawn `spark` in size, with its title and description.
fn write_sparkline(out: &mut String, k: &SparklineView, spark: &SparkSize) {
    let e = HtmlEscape;
    let key = e(&k.key);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {} {}\" \
         width=\"{}pt\" height=\"{}pt\" aria-labelledby=\"{key}-title\" \
         aria-describedby=\"{key}-desc\">\n<title id=\"{key}-title\">{}</title>\n\
         <desc id=\"{key}-desc\">{}</desc>",
        e(&spark.width),
        e(&spark.height),
        e(&spark.width_pt),
        e(&spark.height_pt),
        e(&k.title),
        e(&k.desc),
    );
    for line in &k.target_lines {
        let _ = write!(
            out,
            "\n<polyline points=\"{}\" fill=\"none\" stroke=\"#505a5f\" \
             stroke-width=\"1.2\" stroke-dasharray=\"4 3\"></polyline>",
            e(line)
        );
    }
    for d in &k.target_marks {
        let _ = write!(out, "\n<path d=\"{}\" fill=\"#505a5f\"></path>", e(d));
    }
    if let Some(line) = k.measured_line.as_deref().filter(|l| !l.is_empty()) {
        let _ = write!(
            out,
            "\n<polyline points=\"{}\" fill=\"none\" stroke=\"#1d4f91\" \
             stroke-width=\"1.6\" stroke-linejoin=\"round\"></polyline>",
            e(line)
        );
    }
    for (x, y) in &k.baselines {
        let _ = write!(
            out,
            "\n<circle cx=\"{}\" cy=\"{}\" r=\"2.6\" fill=\"#ffffff\" \
             stroke=\"#0b0c0c\" stroke-width=\"1\"></circle>",
            e(x),
            e(y)
        );
    }
    if let Some((x, y)) = &k.latest {
        let _ = write!(
            out,
            "\n<circle cx=\"{}\" cy=\"{}\" r=\"2.6\" fill=\"#1d4f91\"></circle>",
            e(x),
            e(y)
        );
    }
    out.push_str("\n</svg>");
}

//! The governance picture as a diagram: mermaid (drawn by forges inside
//! markdown) or dot. Arrows point up the line of accountability:
//! a board to the board it reports to, a strategy to the boards that
//! oversee it, an owner to the strategies they answer for.

use std::fmt::Write as _;
use std::io::{self, Write};

use ragtime_core::governance::{AnswersFor, Governance, Oversees};

/// What an edge from an owner to a strategy says.
fn answers_label(a: &AnswersFor) -> String {
    let mut parts = Vec::new();
    if a.accountable {
        parts.push("accountable for".to_string());
    }
    if a.commitments > 0 {
        parts.push(format!(
            "leads {} {}",
            a.commitments,
            plural(a.commitments, "commitment", "commitments")
        ));
    }
    if a.milestones > 0 {
        parts.push(format!(
            "delivers {} {}",
            a.milestones,
            plural(a.milestones, "milestone", "milestones")
        ));
    }
    parts.join(", ")
}

/// What an edge from a strategy to a board says.
fn oversees_label(o: &Oversees) -> String {
    if o.commitments.is_empty() {
        "overseen by".to_string()
    } else {
        format!("{} overseen by", o.commitments.join(", "))
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn board_detail(meets: Option<ragtime_core::Cadence>) -> Option<String> {
    meets.map(|m| format!("meets {}", m.as_str().replace('-', " ")))
}

/// Writes the picture as a mermaid flowchart, laid out as the dot one is:
/// labels wrapped, rows of at most [`PER_ROW`] boards or strategies (held
/// in place by invisible links), and the owners of each strategy listed in
/// one box below it.
pub fn mermaid(out: &mut dyn Write, g: &Governance) -> io::Result<()> {
    // Node names are generated (`b1`, `s1`, `t1`), so no id can break the
    // syntax; the ids people know are in the labels.
    let board = |id: &str| g.boards.iter().position(|b| b.id == id).map(|i| i + 1);
    let strategy = |id: &str| g.strategies.iter().position(|s| s.id == id).map(|i| i + 1);

    let mut s = String::new();
    s.push_str("flowchart BT\n");
    for (i, b) in g.boards.iter().enumerate() {
        let mut label = mermaid_lines(&b.name);
        if let Some(detail) = board_detail(b.meets) {
            let _ = write!(label, "<br>{}", mermaid_text(&detail));
        }
        let _ = writeln!(s, "    b{}[\"{label}\"]", i + 1);
    }
    for (i, st) in g.strategies.iter().enumerate() {
        let _ = writeln!(
            s,
            "    s{}([\"{}<br>{}\"])",
            i + 1,
            mermaid_lines(&st.title),
            mermaid_text(&st.id)
        );
    }
    let mut tables = Vec::new();
    for (i, st) in g.strategies.iter().enumerate() {
        let lines: Vec<String> = g
            .answers_for
            .iter()
            .filter(|a| a.strategy == st.id)
            .map(|a| {
                let who = g
                    .owners
                    .iter()
                    .find(|o| o.id == a.owner)
                    .map_or(a.owner.clone(), |o| format!("{}, {}", o.role, o.org));
                mermaid_text(&format!("{who}: {}", answers_label(a)))
            })
            .collect();
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "    t{}[\"<b>Who answers for {}</b><br>{}\"]",
            i + 1,
            mermaid_text(&st.id),
            lines.join("<br>")
        );
        tables.push(i + 1);
    }
    for r in &g.reports_to {
        if let (Some(from), Some(to)) = (board(&r.from), board(&r.to)) {
            let _ = writeln!(s, "    b{from} -->|\"reports to\"| b{to}");
        }
    }
    for o in &g.oversees {
        if let (Some(st), Some(b)) = (strategy(&o.strategy), board(&o.board)) {
            // Oversight of some commitments only is drawn dotted.
            let arrow = if o.commitments.is_empty() {
                "-->"
            } else {
                "-.->"
            };
            let _ = writeln!(
                s,
                "    s{st} {arrow}|\"{}\"| b{b}",
                mermaid_lines(&oversees_label(o))
            );
        }
    }
    for t in &tables {
        let _ = writeln!(s, "    t{t} --> s{t}");
    }
    // Rows: each row's first box below the row before it in its group
    // (boards by depth, strategies, owners' boxes).
    let mut groups: Vec<(Vec<String>, usize)> = board_levels(g)
        .iter()
        .map(|level| {
            let names = level
                .iter()
                .filter_map(|id| board(id).map(|i| format!("b{i}")))
                .collect();
            (names, PER_ROW)
        })
        .collect();
    groups.push((
        (1..=g.strategies.len()).map(|i| format!("s{i}")).collect(),
        PER_ROW,
    ));
    groups.push((
        tables.iter().map(|t| format!("t{t}")).collect(),
        TABLES_PER_ROW,
    ));
    for (names, per_row) in &groups {
        let firsts: Vec<&String> = names.chunks(*per_row).filter_map(|c| c.first()).collect();
        for pair in firsts.windows(2) {
            let _ = writeln!(s, "    {} ~~~ {}", pair[1], pair[0]);
        }
    }
    let board_rows: Vec<String> = (1..=g.boards.len()).map(|i| format!("b{i}")).collect();
    let strategy_rows: Vec<String> = (1..=g.strategies.len()).map(|i| format!("s{i}")).collect();
    let table_rows: Vec<String> = tables.iter().map(|t| format!("t{t}")).collect();
    s.push_str("    classDef board fill:#dbe6f3,stroke:#1d4f91,color:#0b0c0c\n");
    s.push_str("    classDef strategy fill:#ffffff,stroke:#0b0c0c,color:#0b0c0c\n");
    s.push_str("    classDef owner fill:#f3f2f1,stroke:#505a5f,color:#0b0c0c\n");
    for (class, names) in [
        ("board", &board_rows),
        ("strategy", &strategy_rows),
        ("owner", &table_rows),
    ] {
        if !names.is_empty() {
            let _ = writeln!(s, "    class {} {class}", names.join(","));
        }
    }
    out.write_all(s.as_bytes())
}

/// `text` wrapped at [`LABEL_WIDTH`], each line escaped, joined with
/// mermaid's line break.
fn mermaid_lines(text: &str) -> String {
    wrap(text)
        .iter()
        .map(|line| mermaid_text(line))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Text inside a quoted mermaid label: every character that could end the
/// quote, start an entity or markup, or split a statement is written as a
/// numeric entity (`#34;`), which mermaid turns back into the character.
/// Line breaks become spaces.
fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '"' | '#' | '<' | '>' | '&' | '|' | '`' | ';' | '\\' | '{' | '}' | '[' | ']' => {
                let _ = write!(out, "#{};", u32::from(ch));
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Writes the picture as a dot digraph, laid out to fit the width of an
/// A4 page: labels wrapped, edge labels set beside their edges (`xlabel`,
/// which takes no room in the layout), and rows of at most
/// [`PER_ROW`] boards or owners (boards by their depth below the boards
/// that report to no one, owners by the first strategy they answer for).
pub fn dot(out: &mut dyn Write, g: &Governance) -> io::Result<()> {
    let mut s = String::new();
    s.push_str("digraph governance {\n");
    // `size` caps the drawing at the A4 width (7.08 in = 510 pt): a plan
    // set wider than that is scaled down to fit, never cut off.
    s.push_str(
        "    graph [rankdir=BT, newrank=true, nodesep=0.12, ranksep=0.3, fontname=\"Arial\", size=\"7.08,1000\"];\n",
    );
    s.push_str("    node [fontname=\"Arial\", fontsize=8, margin=\"0.08,0.04\"];\n");
    s.push_str("    edge [fontname=\"Arial\", fontsize=7, fontcolor=\"#383f43\"];\n");
    for b in &g.boards {
        let mut label = dot_lines(&b.name);
        if let Some(detail) = board_detail(b.meets) {
            let _ = write!(label, "\\n{}", dot_text(&detail));
        }
        let _ = writeln!(
            s,
            "    \"{}\" [shape=box, style=\"filled\", fillcolor=\"#dbe6f3\", color=\"#1d4f91\", label=\"{label}\"];",
            dot_text(&b.id)
        );
    }
    for st in &g.strategies {
        let _ = writeln!(
            s,
            "    \"{}\" [shape=box, style=\"rounded\", label=\"{}\\n{}\"];",
            dot_text(&st.id),
            dot_lines(&st.title),
            dot_text(&st.id)
        );
    }
    let owner_tables = owner_tables(g);
    for (strategy, table) in &owner_tables {
        let _ = writeln!(
            s,
            "    \"owners of {}\" [shape=plain, label=<{table}>];",
            dot_text(strategy)
        );
    }
    for r in &g.reports_to {
        let _ = writeln!(
            s,
            "    \"{}\" -> \"{}\" [xlabel=\"reports to\"];",
            dot_text(&r.from),
            dot_text(&r.to)
        );
    }
    for o in &g.oversees {
        let style = if o.commitments.is_empty() {
            ""
        } else {
            ", style=dashed"
        };
        let _ = writeln!(
            s,
            "    \"{}\" -> \"{}\" [xlabel=\"{}\"{style}];",
            dot_text(&o.strategy),
            dot_text(&o.board),
            dot_lines(&oversees_label(o))
        );
    }
    for (strategy, _) in &owner_tables {
        let _ = writeln!(s, "    \"owners of {0}\" -> \"{0}\";", dot_text(strategy));
    }
    for row in rows(&board_levels(g), PER_ROW) {
        write_row(&mut s, &row);
    }
    let strategies: Vec<&str> = g.strategies.iter().map(|st| st.id.as_str()).collect();
    for row in rows(&[strategies], PER_ROW) {
        write_row(&mut s, &row);
    }
    let tables: Vec<String> = owner_tables
        .iter()
        .map(|(strategy, _)| format!("owners of {strategy}"))
        .collect();
    for row in rows(
        &[tables.iter().map(String::as_str).collect()],
        TABLES_PER_ROW,
    ) {
        write_row(&mut s, &row);
    }
    s.push_str("}\n");
    out.write_all(s.as_bytes())
}

/// Most boards, or strategies, side by side: four boxes of wrapped labels,
/// with the labels of the edges between them, fit the width of an A4 page.
const PER_ROW: usize = 4;
/// Owners' tables, one below another.
const TABLES_PER_ROW: usize = 1;
/// Labels wrap at this many characters.
const LABEL_WIDTH: usize = 16;
/// The cells of an owners' table wrap at this many characters.
const TABLE_WIDTH: usize = 26;

/// A row of the layout: the ids side by side, and the row above (in the
/// same group) that it is set below.
struct Row<'a> {
    ids: Vec<&'a str>,
    below: Option<&'a str>,
}

/// Each group split into rows of at most `per_row`, one below another.
fn rows<'a>(groups: &[Vec<&'a str>], per_row: usize) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    for group in groups {
        let mut above: Option<&'a str> = None;
        for chunk in group.chunks(per_row) {
            out.push(Row {
                ids: chunk.to_vec(),
                below: above,
            });
            above = chunk.first().copied();
        }
    }
    out
}

fn write_row(s: &mut String, row: &Row<'_>) {
    let ids: Vec<String> = row
        .ids
        .iter()
        .map(|id| format!("\"{}\"", dot_text(id)))
        .collect();
    if ids.len() > 1 || row.below.is_some() {
        let _ = writeln!(s, "    {{ rank=same; {} }}", ids.join("; "));
    }
    if let (Some(above), Some(first)) = (row.below, row.ids.first()) {
        // Arrows point up (rankdir=BT): this row goes below `above`.
        let _ = writeln!(
            s,
            "    \"{}\" -> \"{}\" [style=invis, weight=20];",
            dot_text(first),
            dot_text(above)
        );
    }
}

/// Boards by depth: those that report to no one first, then the boards
/// reporting to them, and so on, each level in plan order.
fn board_levels(g: &Governance) -> Vec<Vec<&str>> {
    let parent = |id: &str| {
        g.reports_to
            .iter()
            .find(|r| r.from == id)
            .map(|r| r.to.as_str())
    };
    let depth = |id: &str| {
        let mut d = 0;
        let mut at = id;
        while let Some(up) = parent(at) {
            d += 1;
            at = up;
            if d > g.boards.len() {
                break; // a loop (check forbids it): stop counting
            }
        }
        d
    };
    let mut levels: Vec<Vec<&str>> = Vec::new();
    for b in &g.boards {
        let d = depth(&b.id);
        if levels.len() <= d {
            levels.resize(d + 1, Vec::new());
        }
        levels[d].push(&b.id);
    }
    levels
}

/// For each strategy with owners, in plan order, a table (a dot
/// HTML-like label) of the owners who answer for it, a row each: who they
/// are, and their part.
fn owner_tables(g: &Governance) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    for st in &g.strategies {
        let parts: Vec<&AnswersFor> = g
            .answers_for
            .iter()
            .filter(|a| a.strategy == st.id)
            .collect();
        if parts.is_empty() {
            continue;
        }
        let mut table = format!(
            "<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\" color=\"#505a5f\" bgcolor=\"#f3f2f1\"><tr><td colspan=\"2\"><b>Who answers for {}</b></td></tr>",
            dot_html(&st.id)
        );
        for a in parts {
            let who = match g.owners.iter().find(|o| o.id == a.owner) {
                Some(o) => [wrap_at(&o.role, TABLE_WIDTH), wrap_at(&o.org, TABLE_WIDTH)].concat(),
                None => wrap_at(&a.owner, TABLE_WIDTH),
            };
            let cell = |lines: &[String]| {
                lines
                    .iter()
                    .map(|l| dot_html(l))
                    .collect::<Vec<_>>()
                    .join("<br/>")
            };
            let _ = write!(
                table,
                "<tr><td align=\"left\" balign=\"left\" valign=\"top\">{}</td><td align=\"left\" balign=\"left\" valign=\"top\">{}</td></tr>",
                cell(&who),
                cell(&wrap_at(&answers_label(a), TABLE_WIDTH))
            );
        }
        table.push_str("</table>");
        out.push((st.id.as_str(), table));
    }
    out
}

/// Text inside a dot HTML-like label: the characters markup gives meaning
/// to are written as entities; line breaks become spaces.
fn dot_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// `text` wrapped at [`LABEL_WIDTH`], each line escaped, joined with dot's
/// line break.
fn dot_lines(text: &str) -> String {
    wrap(text)
        .iter()
        .map(|line| dot_text(line))
        .collect::<Vec<_>>()
        .join("\\n")
}

fn wrap(text: &str) -> Vec<String> {
    wrap_at(text, LABEL_WIDTH)
}

fn wrap_at(text: &str, width: usize) -> Vec<String> {
    let flat = text.replace(['\r', '\n'], " ");
    // Never at a hyphen: "2025-2027" and ids stay whole.
    let options = textwrap::Options::new(width)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(&flat, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// Text inside a quoted dot string: backslashes doubled (so no `\N` or
/// `\l` escape can appear), quotes escaped, line breaks as `\n`.
fn dot_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_labels_cannot_break_out() {
        assert_eq!(
            mermaid_text("Board \"A\" | <b>#1</b>; x\ny"),
            "Board #34;A#34; #124; #60;b#62;#35;1#60;/b#62;#59; x y"
        );
    }

    #[test]
    fn dot_labels_cannot_break_out() {
        assert_eq!(dot_text("a \"b\" \\N\nc"), "a \\\"b\\\" \\\\N\\nc");
    }
}

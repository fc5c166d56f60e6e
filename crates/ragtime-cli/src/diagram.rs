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

/// Writes the picture as a mermaid flowchart.
pub fn mermaid(out: &mut dyn Write, g: &Governance) -> io::Result<()> {
    // Node names are generated (`b1`, `s1`, `o1`), so no id can break the
    // syntax; the ids people know are in the labels.
    let board = |id: &str| g.boards.iter().position(|b| b.id == id).map(|i| i + 1);
    let strategy = |id: &str| g.strategies.iter().position(|s| s.id == id).map(|i| i + 1);
    let owner = |id: &str| g.owners.iter().position(|o| o.id == id).map(|i| i + 1);

    let mut s = String::new();
    s.push_str("flowchart BT\n");
    for (i, b) in g.boards.iter().enumerate() {
        let mut label = mermaid_text(&b.name);
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
            mermaid_text(&st.title),
            mermaid_text(&st.id)
        );
    }
    for (i, o) in g.owners.iter().enumerate() {
        let _ = writeln!(
            s,
            "    o{}[/\"{}<br>{}\"/]",
            i + 1,
            mermaid_text(&o.role),
            mermaid_text(&o.org)
        );
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
                mermaid_text(&oversees_label(o))
            );
        }
    }
    for a in &g.answers_for {
        if let (Some(o), Some(st)) = (owner(&a.owner), strategy(&a.strategy)) {
            let _ = writeln!(
                s,
                "    o{o} -->|\"{}\"| s{st}",
                mermaid_text(&answers_label(a))
            );
        }
    }
    s.push_str("    classDef board fill:#dbe6f3,stroke:#1d4f91,color:#0b0c0c\n");
    s.push_str("    classDef strategy fill:#ffffff,stroke:#0b0c0c,color:#0b0c0c\n");
    s.push_str("    classDef owner fill:#f3f2f1,stroke:#505a5f,color:#0b0c0c\n");
    for (class, prefix, n) in [
        ("board", 'b', g.boards.len()),
        ("strategy", 's', g.strategies.len()),
        ("owner", 'o', g.owners.len()),
    ] {
        if n > 0 {
            let names: Vec<String> = (1..=n).map(|i| format!("{prefix}{i}")).collect();
            let _ = writeln!(s, "    class {} {class}", names.join(","));
        }
    }
    out.write_all(s.as_bytes())
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

/// Writes the picture as a dot digraph.
pub fn dot(out: &mut dyn Write, g: &Governance) -> io::Result<()> {
    let mut s = String::new();
    s.push_str("digraph governance {\n");
    s.push_str("    graph [rankdir=BT, fontname=\"sans-serif\"];\n");
    s.push_str("    node [fontname=\"sans-serif\", fontsize=11];\n");
    s.push_str("    edge [fontname=\"sans-serif\", fontsize=9];\n");
    for b in &g.boards {
        let mut label = dot_text(&b.name);
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
            dot_text(&st.title),
            dot_text(&st.id)
        );
    }
    for o in &g.owners {
        let _ = writeln!(
            s,
            "    \"{}\" [shape=parallelogram, style=\"filled\", fillcolor=\"#f3f2f1\", color=\"#505a5f\", label=\"{}\\n{}\"];",
            dot_text(&o.id),
            dot_text(&o.role),
            dot_text(&o.org)
        );
    }
    for r in &g.reports_to {
        let _ = writeln!(
            s,
            "    \"{}\" -> \"{}\" [label=\"reports to\"];",
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
            "    \"{}\" -> \"{}\" [label=\"{}\"{style}];",
            dot_text(&o.strategy),
            dot_text(&o.board),
            dot_text(&oversees_label(o))
        );
    }
    for a in &g.answers_for {
        let _ = writeln!(
            s,
            "    \"{}\" -> \"{}\" [label=\"{}\"];",
            dot_text(&a.owner),
            dot_text(&a.strategy),
            dot_text(&answers_label(a))
        );
    }
    s.push_str("}\n");
    out.write_all(s.as_bytes())
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

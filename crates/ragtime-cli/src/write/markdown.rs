//! Markdown for papers kept in git: pipe tables that render on
//! common forges, ratings in words, and every piece of text escaped so
//! that nothing in a plan can become markup, a link, a mention or HTML.

use std::io::{self, Write};

use ragtime_core::report::{Align, Document, RowKind, Section, Table};

use super::cells::{self, DateStyle};

/// Writes `doc` as markdown.
pub fn write(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "# {}", line(&doc.title))?;
    writeln!(out)?;
    writeln!(out, "As at {}.", cells::long_date(doc.as_at))?;
    if !doc.facts.is_empty() {
        writeln!(out)?;
        for (label, value) in &doc.facts {
            writeln!(out, "- **{}:** {}", line(label), line(value))?;
        }
    }
    for section in &doc.sections {
        write_section(out, section)?;
    }
    Ok(())
}

fn write_section(out: &mut dyn Write, section: &Section) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## {}", line(&section.heading))?;
    for para in &section.intro {
        writeln!(out)?;
        writeln!(out, "{}", block(para))?;
    }
    for n in &section.narratives {
        writeln!(out)?;
        writeln!(out, "**{}:**", line(&cells::narrative_byline(n)))?;
        writeln!(out)?;
        writeln!(out, "> {}", block(&n.text).replace('\n', "\n> "))?;
        if let Some(age) = cells::narrative_age(n) {
            writeln!(out)?;
            writeln!(out, "_{}_", line(&age))?;
        }
    }
    if let Some(table) = &section.table {
        write_table(out, table)?;
    }
    for para in &section.notes {
        writeln!(out)?;
        writeln!(out, "{}", block(para))?;
    }
    Ok(())
}

fn write_table(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    if table.columns.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let headings: Vec<String> = table.columns.iter().map(|c| cell(&c.heading)).collect();
    writeln!(out, "| {} |", headings.join(" | "))?;
    let rule: Vec<&str> = table
        .columns
        .iter()
        .map(|c| match c.align {
            Align::Left => ":---",
            Align::Right => "---:",
        })
        .collect();
    writeln!(out, "| {} |", rule.join(" | "))?;
    for row in &table.rows {
        let texts: Vec<String> = cells::aligned(&table.columns, row)
            .enumerate()
            .map(|(i, c)| {
                let text = cells::with_mark(
                    cell(cells::plain(c, DateStyle::Short).trim()),
                    row,
                    &table.columns,
                    i,
                );
                // Group headings are bold in their first cell, totals in
                // every cell, so both stand out without colour.
                let bold = match row.kind {
                    RowKind::Item => false,
                    RowKind::Group => i == 0,
                    RowKind::Total => true,
                };
                if bold && !text.is_empty() {
                    format!("**{text}**")
                } else {
                    text
                }
            })
            .collect();
        writeln!(out, "| {} |", texts.join(" | "))?;
    }
    Ok(())
}

/// Backslash-escapes every character that could start markup inline:
/// emphasis, code, links, HTML and entities, table pipes, strikethrough,
/// maths and mentions. CommonMark lets any ASCII punctuation be escaped.
fn escape_inline(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '@' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
}

/// One line of text (a heading, a fact): line breaks become spaces.
fn line(text: &str) -> String {
    let joined = cells::normalise_newlines(text).replace('\n', " ");
    let mut out = String::with_capacity(joined.len());
    escape_inline(joined.trim(), &mut out);
    out
}

/// A table cell: line breaks become `<br>`, which forges render in cells.
fn cell(text: &str) -> String {
    let text = cells::normalise_newlines(text);
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_inline(part.trim(), &mut out);
    }
    out
}

/// A paragraph: each line kept as a hard line break, and anything that
/// would start a heading, list, quote or code block at the start of a line
/// escaped so the paragraph stays a paragraph.
fn block(text: &str) -> String {
    let text = cells::normalise_newlines(text);
    let lines: Vec<String> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut out = String::with_capacity(l.len() + 2);
            let digits = l.chars().take_while(char::is_ascii_digit).count();
            let after_digits = l[digits..].chars().next();
            if l.starts_with(['#', '-', '+', '=']) {
                out.push('\\');
            } else if digits > 0 && matches!(after_digits, Some('.' | ')')) {
                // "1. a number?" would start an ordered list: escape the dot.
                out.push_str(&l[..digits]);
                out.push('\\');
                escape_inline(&l[digits..], &mut out);
                return out;
            }
            escape_inline(l, &mut out);
            out
        })
        .collect();
    lines.join("\\\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::testing;

    fn render(doc: &Document) -> String {
        let mut out = Vec::new();
        write(&mut out, doc).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn board_pack() {
        crate::snapshot!("write_markdown_board_pack", render(&testing::board_pack()));
    }

    #[test]
    fn hostile_text_stays_text() {
        let text = render(&testing::hostile());
        crate::snapshot!("write_markdown_hostile", text);
        // Every `<` is escaped, but for the line breaks the writer makes.
        for (i, _) in text.match_indices('<') {
            let escaped = text[..i].ends_with('\\');
            assert!(
                escaped || text[i..].starts_with("<br>"),
                "raw HTML at {}",
                &text[i..]
            );
        }
        // Every line of a table has as many unescaped pipes as its header,
        // so no cell was split in two.
        let mut header = None;
        for l in text.lines() {
            if !l.starts_with("| ") {
                header = None;
                continue;
            }
            let n = unescaped_pipes(l);
            assert_eq!(n, *header.get_or_insert(n), "{l}");
        }
    }

    fn unescaped_pipes(line: &str) -> usize {
        let mut count = 0;
        let mut backslashes = 0;
        for ch in line.chars() {
            if ch == '|' && backslashes % 2 == 0 {
                count += 1;
            }
            backslashes = if ch == '\\' { backslashes + 1 } else { 0 };
        }
        count
    }

    #[test]
    fn paragraph_starts_are_escaped() {
        assert_eq!(
            block("- a\n# b\n1. c\n+ d"),
            "\\- a\\\n\\# b\\\n1\\. c\\\n\\+ d"
        );
        assert_eq!(cell("a|b\nc"), "a\\|b<br>c");
        assert_eq!(line("x\ny"), "x y");
    }
}

//! The terminal writer: a report as text, laid out to fit the width it is
//! given.
//!
//! Given a width, no line is wider (counted in columns of the screen, so
//! wide characters count twice), with one exception: an id wider than the
//! whole width is written whole. Prose wraps between words; ids, figures
//! and dates never break; a table keeps the columns that fit in its grid
//! and writes the others, labelled, under each row (`plan.rs`), so nothing
//! is left out. With no width (output piped, no `COLUMNS`), every
//! paragraph and every row is one line, for scripts, `grep` and `less -S`.
//!
//! Ratings are always written in words; colour is added only when asked
//! for. A flagged rating gets a numbered marker, explained under its table.

mod cell;
mod grid;
mod plan;
#[cfg(test)]
mod tests;
pub mod text;

use std::io::{self, BufWriter, Write};

use ragtime_core::report::{Document, Section};

use super::Options;
use grid::Paint;
use plan::{Measure, Plan};

pub fn write(out: &mut dyn Write, doc: &Document, options: &Options) -> io::Result<()> {
    let mut out = BufWriter::new(out);
    let width = options.width.map(usize::from);
    write_heading(&mut out, &doc.title, '=', width)?;
    writeln!(out, "As at: {}", doc.as_at.format("%Y-%m-%d"))?;
    for (name, value) in &doc.facts {
        writeln!(out, "{}", text::fill(&format!("{name}: {value}"), width, 2))?;
    }
    for section in &doc.sections {
        writeln!(out)?;
        write_section(&mut out, section, options)?;
    }
    out.flush()
}

/// A heading underlined with `rule`, wrapped if it is wider than the width.
fn write_heading(
    out: &mut dyn Write,
    heading: &str,
    rule: char,
    width: Option<usize>,
) -> io::Result<()> {
    let heading = text::fill(heading, width, 0);
    writeln!(out, "{heading}")?;
    let under = rule.to_string().repeat(text::widest_line(&heading));
    writeln!(out, "{under}")
}

fn write_section(out: &mut dyn Write, section: &Section, options: &Options) -> io::Result<()> {
    let width = options.width.map(usize::from);
    write_heading(out, &section.heading, '-', width)?;
    for p in &section.intro {
        writeln!(out, "{}", text::fill(p, width, 0))?;
    }
    for p in section
        .narratives
        .iter()
        .flat_map(super::cells::narrative_paragraphs)
    {
        writeln!(out, "{}", text::fill(&p, width, 0))?;
    }
    if let Some(table) = &section.table {
        let measures = Measure::all(table);
        let plan = Plan::new(table, &measures, width);
        let flags = grid::write(out, table, &measures, &plan, Paint(options.color))?;
        for (n, flag) in flags.iter().enumerate() {
            let line = format!("[{}] {}: {}", n + 1, flag.row, flag.why);
            writeln!(out, "{}", text::fill(&line, width, 4))?;
        }
    }
    for p in &section.notes {
        writeln!(out, "{}", text::fill(p, width, 0))?;
    }
    Ok(())
}

//! Writes a table by its [`Plan`]: a rule, the headings (wrapped between
//! words, set on the last heading line), a rule, each row with the columns
//! that did not fit written under it, and a closing rule.
//!
//! Rows are written as they are laid out, one at a time, so a table of any
//! length takes no more memory than its widest row.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use ragtime_core::report::{Align, Cell, Colour, Row, RowKind, Table};

use super::cell::{Markers, cell_text};
use super::plan::{GAP, Measure, Plan};
use super::text;
use crate::write::cells::aligned;
use crate::write::cells::with_mark;

/// How far lines under a row are indented, and their own later lines.
const INDENT: usize = 2;
const HANG: usize = 2;
/// Between fields that share a line under a row.
const FIELD_GAP: &str = "   ";

/// Colour, or none.
#[derive(Clone, Copy, Debug)]
pub struct Paint(pub bool);

impl Paint {
    fn paint(self, text: &str, style: Style) -> String {
        if self.0 && !style.is_plain() && !text.is_empty() {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

/// A flagged rating to list under the table: the row it is in, and why.
pub struct Flag {
    pub row: String,
    pub why: String,
}

/// Writes `table` as `plan` lays it out; returns the flags to list under it.
pub fn write(
    out: &mut dyn Write,
    table: &Table,
    measures: &[Measure],
    plan: &Plan,
    paint: Paint,
) -> io::Result<Vec<Flag>> {
    let rule = "-".repeat(plan.rule_width());
    writeln!(out, "{rule}")?;
    write_headings(out, table, plan, paint)?;
    writeln!(out, "{rule}")?;
    let mut markers = Markers::default();
    let mut flags = Vec::new();
    for row in &table.rows {
        let mut why = Vec::new();
        let texts: Vec<String> = aligned(&table.columns, row)
            .enumerate()
            .map(|(i, cell)| {
                if let Cell::Rag(r) = cell
                    && let Some(flag) = &r.flag
                {
                    why.push(flag.clone());
                }
                with_mark(cell_text(cell, &mut markers), row, &table.columns, i)
            })
            .collect();
        // The row's name on one line: its first text.
        let name = texts.iter().map(|t| t.trim()).find(|t| !t.is_empty());
        let name = name.unwrap_or_default().replace('\n', " ");
        flags.extend(why.into_iter().map(|why| Flag {
            row: name.clone(),
            why,
        }));
        write_row(out, table, row, &texts, measures, plan, paint)?;
    }
    writeln!(out, "{rule}")?;
    Ok(flags)
}

fn write_headings(out: &mut dyn Write, table: &Table, plan: &Plan, paint: Paint) -> io::Result<()> {
    let cells: Vec<Vec<String>> = plan
        .grid
        .iter()
        .map(|&(i, w)| match plan.width {
            Some(_) => text::wrap(&table.columns[i].heading, w, w),
            None => text::lines(&table.columns[i].heading),
        })
        .collect();
    // Headings sit on the last line, over the figures.
    let height = cells.iter().map(Vec::len).max().unwrap_or(1);
    let bold = Style::new().bold();
    for line in 0..height {
        let parts = plan.grid.iter().zip(&cells).map(|(&(i, w), lines)| {
            let skip = height - lines.len();
            let t = line.checked_sub(skip).map_or("", |l| lines[l].as_str());
            (t, w, table.columns[i].align, bold)
        });
        writeln!(out, "{}", join(parts, paint))?;
    }
    Ok(())
}

fn write_row(
    out: &mut dyn Write,
    table: &Table,
    row: &Row,
    texts: &[String],
    measures: &[Measure],
    plan: &Plan,
    paint: Paint,
) -> io::Result<()> {
    let cells: Vec<&Cell> = aligned(&table.columns, row).collect();
    let key = plan.grid[0].0;
    let borrowed = plan.borrow.filter(|_| texts[key].is_empty());
    let cell_lines: Vec<Vec<String>> = plan
        .grid
        .iter()
        .map(|&(i, w)| {
            let t = match borrowed {
                Some(name) if i == key => &texts[name],
                _ => &texts[i],
            };
            match plan.width {
                Some(_) if measures[i].wraps => text::wrap(t, w, w),
                _ => text::lines(t),
            }
        })
        .collect();
    let height = cell_lines.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        let parts = plan.grid.iter().zip(&cell_lines).map(|(&(i, w), lines)| {
            let t = lines.get(line).map_or("", String::as_str);
            (t, w, table.columns[i].align, style(cells[i], row.kind))
        });
        writeln!(out, "{}", join(parts, paint))?;
    }
    let Some(width) = plan.width else {
        return Ok(());
    };
    let fields = plan
        .beneath
        .iter()
        .filter(|&&i| Some(i) != borrowed && !texts[i].is_empty())
        .map(|&i| Field {
            label: (Some(i) != plan.title).then(|| table.columns[i].heading.as_str()),
            text: &texts[i],
            style: style(cells[i], RowKind::Item),
            long: measures[i].prose,
        });
    for line in beneath(fields, width.saturating_sub(INDENT), paint) {
        writeln!(out, "{}{line}", " ".repeat(INDENT))?;
    }
    Ok(())
}

/// A column's value written under its row.
struct Field<'a> {
    /// The column's heading; none for the row's name.
    label: Option<&'a str>,
    text: &'a str,
    style: Style,
    /// Free text, which gets lines of its own.
    long: bool,
}

/// The lines under a row, at most `width` wide: short fields share lines,
/// free text has lines of its own, wrapped with later lines hanging.
fn beneath<'a>(fields: impl Iterator<Item = Field<'a>>, width: usize, paint: Paint) -> Vec<String> {
    let mut lines = Vec::new();
    // The line being filled with short fields: its text and width.
    let mut open: Option<(String, usize)> = None;
    for f in fields {
        let whole = match f.label {
            Some(label) => format!("{label}: {}", f.text),
            None => f.text.to_string(),
        };
        let w = text::width(&whole);
        if !f.long && !whole.contains('\n') && w <= width {
            let shown = match f.label {
                Some(label) => format!("{label}: {}", paint.paint(f.text, f.style)),
                None => paint.paint(f.text, f.style),
            };
            open = match open.take() {
                Some((line, used)) if used + FIELD_GAP.len() + w <= width => Some((
                    format!("{line}{FIELD_GAP}{shown}"),
                    used + FIELD_GAP.len() + w,
                )),
                Some((line, _)) => {
                    lines.push(line);
                    Some((shown, w))
                }
                None => Some((shown, w)),
            };
            continue;
        }
        if let Some((line, _)) = open.take() {
            lines.push(line);
        }
        let hang = if f.label.is_some() { HANG } else { 0 };
        for (n, line) in text::wrap(&whole, width, width.saturating_sub(hang))
            .into_iter()
            .enumerate()
        {
            let indent = if n > 0 && !line.is_empty() { hang } else { 0 };
            lines.push(format!("{}{line}", " ".repeat(indent)));
        }
    }
    lines.extend(open.map(|(line, _)| line));
    lines
}

/// One line of the grid: each text padded to its column, with no spaces
/// left at the end.
fn join<'a>(parts: impl Iterator<Item = (&'a str, usize, Align, Style)>, paint: Paint) -> String {
    let mut line = String::new();
    for (n, (t, w, align, style)) in parts.enumerate() {
        if n > 0 {
            line.push_str(&" ".repeat(GAP));
        }
        let pad = text::pad(text::width(t), w);
        let t = paint.paint(t, style);
        match align {
            Align::Left => {
                line.push_str(&t);
                line.push_str(&pad);
            }
            Align::Right => {
                line.push_str(&pad);
                line.push_str(&t);
            }
        }
    }
    line.truncate(line.trim_end_matches(' ').len());
    line
}

/// How a cell is coloured: a rating in its colour and bold, group and
/// total rows bold.
fn style(cell: &Cell, kind: RowKind) -> Style {
    let mut s = Style::new();
    if let Cell::Rag(r) = cell {
        s = s.fg_color(Some(colour(r.colour).into())).bold();
    }
    if kind != RowKind::Item {
        s = s.bold();
    }
    s
}

fn colour(c: Colour) -> AnsiColor {
    match c {
        Colour::Blue => AnsiColor::BrightBlue,
        Colour::Green => AnsiColor::BrightGreen,
        Colour::AmberGreen => AnsiColor::Yellow,
        Colour::Amber => AnsiColor::BrightYellow,
        Colour::AmberRed => AnsiColor::Red,
        Colour::Red => AnsiColor::BrightRed,
        Colour::Grey => AnsiColor::BrightBlack,
    }
}

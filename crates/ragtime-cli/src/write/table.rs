//! The terminal writer: a report as text with comfy-table tables.
//!
//! Ratings are always written in words; colour is added only when asked
//! for, so piped output and `NO_COLOR` give plain text. A flagged rating
//! gets a numbered marker, explained under its table.

use std::io::{self, Write};

use comfy_table::{
    Attribute, CellAlignment, Color, ColumnConstraint, ContentArrangement, LineStyle,
    Table as Comfy, TableStyle, Width,
};
use ragtime_core::report::{Align, Cell, Colour, Document, RowKind, Section, Table};

use super::Options;

/// Rules above and below the table and under the heading, and no vertical
/// lines: report tables have many narrow columns, and every character of
/// width goes to the content.
const STYLE: TableStyle = TableStyle::new()
    .top_border(LineStyle::none().fill('─').junction('─'))
    .header_separator(LineStyle::none().fill('─').junction('─'))
    .bottom_border(LineStyle::none().fill('─').junction('─'));

pub fn write(out: &mut dyn Write, doc: &Document, options: &Options) -> io::Result<()> {
    let heading = |text: &str, rule: char| {
        format!("{text}\n{}", rule.to_string().repeat(text.chars().count()))
    };
    writeln!(out, "{}", heading(&doc.title, '='))?;
    writeln!(out, "As at: {}", doc.as_at.format("%Y-%m-%d"))?;
    for (name, value) in &doc.facts {
        writeln!(out, "{}", paragraph(&format!("{name}: {value}"), options))?;
    }
    for section in &doc.sections {
        writeln!(out)?;
        writeln!(out, "{}", heading(&section.heading, '-'))?;
        write_section(out, section, options)?;
    }
    Ok(())
}

fn write_section(out: &mut dyn Write, section: &Section, options: &Options) -> io::Result<()> {
    for p in &section.intro {
        writeln!(out, "{}", paragraph(p, options))?;
    }
    for p in section
        .narratives
        .iter()
        .flat_map(super::cells::narrative_paragraphs)
    {
        writeln!(out, "{}", paragraph(&p, options))?;
    }
    if let Some(table) = &section.table {
        let (text, flags) = render_table(table, options);
        writeln!(out, "{text}")?;
        for (n, (row, flag)) in flags.iter().enumerate() {
            let line = format!("[{}] {row}: {flag}", n + 1);
            writeln!(out, "{}", paragraph(&line, options))?;
        }
    }
    for p in &section.notes {
        writeln!(out, "{}", paragraph(p, options))?;
    }
    Ok(())
}

/// A paragraph wrapped to the width, if one is set.
fn paragraph(text: &str, options: &Options) -> String {
    match options.width {
        Some(w) => textwrap::fill(text, usize::from(w)),
        None => text.to_string(),
    }
}

/// The table as text, and the flags to list under it (row name, flag).
fn render_table(table: &Table, options: &Options) -> (String, Vec<(String, String)>) {
    let mut t = Comfy::new();
    t.load_style(STYLE);
    match options.width {
        Some(w) => {
            t.set_width(w);
            t.set_content_arrangement(ContentArrangement::Dynamic);
        }
        None if options.terminal => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            t.force_no_tty();
        }
    }
    if options.color {
        t.enforce_styling();
    }
    t.set_header(table.columns.iter().map(|c| {
        let cell = comfy_table::Cell::new(&c.heading);
        if options.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    let mut flags = Vec::new();
    for row in &table.rows {
        let name = row.cells.first().map(plain).unwrap_or_default();
        let cells = row.cells.iter().enumerate().map(|(i, cell)| {
            let mut text = super::cells::with_mark(plain(cell), row, i);
            if let Cell::Rag(r) = cell
                && let Some(flag) = &r.flag
            {
                flags.push((name.clone(), flag.clone()));
                text = format!("{text} [{}]", flags.len());
            }
            let mut c = comfy_table::Cell::new(text);
            if options.color {
                if let Cell::Rag(r) = cell {
                    c = c.fg(colour(r.colour)).add_attribute(Attribute::Bold);
                }
                if row.kind != RowKind::Item {
                    c = c.add_attribute(Attribute::Bold);
                }
            }
            c
        });
        t.add_row(cells);
    }
    for (i, c) in table.columns.iter().enumerate() {
        if let Some(column) = t.column_mut(i) {
            column.set_cell_alignment(match c.align {
                Align::Left => CellAlignment::Left,
                Align::Right => CellAlignment::Right,
            });
        }
    }
    if let Some(width) = t.width() {
        // Wrap between words, never inside one, where the width allows:
        // first every column, else whole figures, dates and ratings with
        // free text allowed to break long words. A table that cannot fit
        // even so is not wrapped at all: a wide table is readable, one
        // with figures and headings broken mid-word is not.
        let all: Vec<u16> = (0..table.columns.len())
            .map(|i| narrowest(table, i, LONGEST_WORD))
            .collect();
        let fixed: Vec<u16> = (0..table.columns.len())
            .map(|i| narrowest(table, i, SHORT_WORD))
            .collect();
        // Comfy-table still reserves a character per column for the vertical
        // lines this style does not draw; leave room for them.
        let fits = |mins: &[u16]| {
            mins.iter().map(|&m| usize::from(m) + 3).sum::<usize>() < usize::from(width)
        };
        // Failing those, figures, dates and ratings keep their width and
        // the free text shares what is left, if that is enough to read.
        let free: Vec<bool> = (0..table.columns.len())
            .map(|i| is_free_text(table, i))
            .collect();
        let figures: Vec<u16> = fixed
            .iter()
            .zip(&free)
            .map(|(&m, &f)| if f { 0 } else { m })
            .collect();
        let free_room = usize::from(width).saturating_sub(
            figures
                .iter()
                .zip(&free)
                .filter(|&(_, &f)| !f)
                .map(|(&m, _)| usize::from(m) + 3)
                .sum::<usize>(),
        );
        let free_count = free.iter().filter(|&&f| f).count();
        let mins = if fits(&all) {
            Some(all)
        } else if fits(&fixed) {
            Some(fixed)
        } else if free_count > 0 && free_room >= free_count * (MIN_FREE_TEXT + 3) {
            Some(figures)
        } else {
            t.set_content_arrangement(ContentArrangement::Disabled);
            None
        };
        for (i, min) in mins.into_iter().flatten().enumerate() {
            if let Some(column) = t.column_mut(i)
                && min > 0
            {
                // The boundary counts the padding either side.
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(min + 2)));
            }
        }
    }
    (t.to_string(), flags)
}

/// Longest text a long free-text word may force a column to.
const LONGEST_WORD: usize = 24;
/// The same, when space is short.
const SHORT_WORD: usize = 10;
/// The narrowest a free-text column may be squeezed to before the table is
/// better left unwrapped.
const MIN_FREE_TEXT: usize = 8;

/// A column with free text in it, which may wrap. Ids are text but are
/// never broken: people search for them.
fn is_free_text(table: &Table, i: usize) -> bool {
    table.columns[i].key != "id"
        && table
            .rows
            .iter()
            .any(|r| matches!(r.cells.get(i), Some(Cell::Text(_))))
}

/// The narrowest a column can be without breaking a word: its longest word,
/// in the heading or any cell, with room for a flag marker. In a column of
/// free text no word counts as longer than `cap`.
fn narrowest(table: &Table, i: usize, cap: usize) -> u16 {
    let longest = |s: &str| {
        s.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let free = is_free_text(table, i);
    let mut width = longest(&table.columns[i].heading);
    if free {
        width = width.min(cap);
    }
    for row in &table.rows {
        if let Some(cell) = row.cells.get(i) {
            let w = match cell {
                Cell::Text(s) if free => longest(s).min(cap),
                Cell::Rag(r) if r.flag.is_some() => longest(&r.label) + 5,
                other => longest(&plain(other)),
            };
            width = width.max(w);
        }
    }
    u16::try_from(width).unwrap_or(u16::MAX)
}

/// A cell as words, with no colour.
fn plain(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Percent(p) => format!("{p}%"),
        Cell::Number { text, unit } => match unit.as_deref() {
            None => text.clone(),
            Some("%") => format!("{text}%"),
            Some(u) => format!("{text} {u}"),
        },
        Cell::Date(d) => d.to_string(),
        Cell::Rag(r) => r.label.clone(),
        Cell::Status(s) => s.label().to_string(),
        Cell::Trend(t) => t.label().to_string(),
    }
}

fn colour(c: Colour) -> Color {
    match c {
        Colour::Blue => Color::Blue,
        Colour::Green => Color::Green,
        Colour::AmberGreen => Color::DarkYellow,
        Colour::Amber => Color::Yellow,
        Colour::AmberRed => Color::DarkRed,
        Colour::Red => Color::Red,
        Colour::Grey => Color::DarkGrey,
    }
}

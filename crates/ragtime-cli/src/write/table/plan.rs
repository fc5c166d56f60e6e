//! How a table is laid out in a given width: which columns make the grid,
//! how wide each is, and which are written under each row instead.
//!
//! Nothing is ever left out. Columns that do not fit are moved, whole,
//! under their row as `Heading: value` lines, the widest free text first
//! (it reads best at full width), then other columns from the right, the
//! headline figures (ratings and percentages) last. The first column, the
//! row's key (an id, mostly), always stays in the grid. Headings wrap
//! between words; free text wraps between words; figures, dates and ids
//! never wrap.

use ragtime_core::report::{Cell, Table};

use super::cell::{Markers, cell_text};
use super::text;
use crate::write::cells::aligned;
use crate::write::cells::with_mark;

/// Spaces between two columns of the grid.
pub const GAP: usize = 2;
/// Free text wider than this moves under its row before other columns do.
const LONG_TEXT: usize = 24;
/// The narrowest a column of free text is squeezed to in the grid (or its
/// widest line, if narrower)...
const MIN_TEXT: usize = 20;
/// ... and so narrow that no cell takes more lines than this: longer text
/// reads better at full width under its row.
const MAX_LINES: usize = 4;
/// The widest a key cell may grow to take a total or group row's name.
const MAX_BORROW: usize = 16;

/// What the layout needs to know of one column, from one pass over the rows.
#[derive(Clone, Debug, Default)]
pub struct Measure {
    /// The heading on one line.
    pub heading: usize,
    /// The heading's widest word.
    pub heading_word: usize,
    /// The widest line of any cell.
    pub widest: usize,
    /// The widest word that must stay whole.
    pub word: usize,
    /// Some cell is text or a figure with a unit, of more than one word or
    /// of a word longer than any id, which may wrap.
    pub wraps: bool,
    /// Some cell is text of more than one word: under a row, it gets lines
    /// of its own.
    pub prose: bool,
    /// Some cell is not empty.
    pub filled: bool,
    /// A headline figure: a rating or a percentage.
    pub headline: bool,
}

impl Measure {
    /// Every column of `table`, measured.
    pub fn all(table: &Table) -> Vec<Measure> {
        let mut all: Vec<Measure> = table
            .columns
            .iter()
            .map(|c| Measure {
                heading: text::widest_line(&c.heading),
                heading_word: text::widest_whole_word(&c.heading),
                ..Measure::default()
            })
            .collect();
        let mut markers = Markers::default();
        for row in &table.rows {
            for (i, (m, cell)) in all.iter_mut().zip(aligned(&table.columns, row)).enumerate() {
                let t = with_mark(cell_text(cell, &mut markers), row, &table.columns, i);
                if t.is_empty() {
                    continue;
                }
                m.filled = true;
                m.widest = m.widest.max(text::widest_line(&t));
                m.word = m.word.max(text::widest_whole_word(&t));
                // A word longer than any id is broken where the line ends
                // (`text::wrap`), so one such word wraps like several.
                if text::has_words(&t) || text::widest_line(&t) > text::WHOLE_WORD {
                    m.wraps |= matches!(
                        cell,
                        Cell::Text(_)
                            | Cell::Number { .. }
                            | Cell::Measured { .. }
                            | Cell::TargetDate { .. }
                    );
                    m.prose |= matches!(cell, Cell::Text(_));
                }
                m.headline |= matches!(cell, Cell::Rag(_) | Cell::Percent(_));
            }
        }
        all
    }

    /// The narrowest this column may be in the grid, its heading wrapped.
    fn min(&self) -> usize {
        let cells = if self.wraps {
            let narrowest = MIN_TEXT.max(self.widest.div_ceil(MAX_LINES));
            self.word.max(self.widest.min(narrowest))
        } else {
            self.widest
        };
        cells.max(self.heading_word).max(1)
    }

    /// The widest it needs to be: every cell and the heading on one line.
    fn max(&self) -> usize {
        self.widest.max(self.heading).max(1)
    }

    fn long_text(&self) -> bool {
        self.wraps && self.widest > LONG_TEXT
    }
}

/// A table's layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The columns of the grid, in order: (column index, width).
    pub grid: Vec<(usize, usize)>,
    /// The columns written under each row, in order.
    pub beneath: Vec<usize>,
    /// The width the table may take (lines under rows wrap to it), or
    /// `None` to write every row on one line, however wide.
    pub width: Option<usize>,
    /// The column whose text a row with an empty key shows in its key
    /// cell ("Total"), when that column is under the rows.
    pub borrow: Option<usize>,
    /// The column after the key when it is free text: it names the row,
    /// and under the row it is written without its heading.
    pub title: Option<usize>,
}

impl Plan {
    /// Lays out `table` in `width` columns, or at its natural width.
    pub fn new(table: &Table, measures: &[Measure], width: Option<usize>) -> Plan {
        // A column with nothing in it says nothing; with no rows at all,
        // the headings say what would be there.
        let mut shown: Vec<usize> = (0..measures.len())
            .filter(|&i| measures[i].filled || table.rows.is_empty())
            .collect();
        if shown.is_empty() {
            shown = (0..measures.len()).collect();
        }
        let Some(width) = width else {
            return Plan {
                grid: shown.iter().map(|&i| (i, measures[i].max())).collect(),
                beneath: Vec::new(),
                width: None,
                borrow: None,
                title: None,
            };
        };
        let title = shown.get(1).copied().filter(|&i| measures[i].prose);
        let borrow = borrowed_names(table, &shown, measures);
        let mut grid = shown.clone();
        let mut beneath = Vec::new();
        for next in moves(&shown, measures) {
            if let Some(plan) = fit(table, &grid, &beneath, measures, width, borrow) {
                return Plan { title, ..plan };
            }
            match next {
                Some(i) => {
                    grid.retain(|&g| g != i);
                    beneath.push(i);
                    beneath.sort_unstable();
                }
                None => break,
            }
        }
        // Only the key is left, and it does not fit: free text is wrapped
        // to the width, an id is written whole all the same (see
        // `text::WHOLE_WORD`).
        let key = &measures[grid[0]];
        let narrowest = if key.wraps {
            key.word.max(key.heading_word).max(1)
        } else {
            key.min()
        };
        let plan = fit(table, &grid, &beneath, measures, width, None).unwrap_or_else(|| Plan {
            grid: vec![(grid[0], key.min().min(width.max(narrowest)))],
            beneath,
            width: Some(width),
            borrow: None,
            title: None,
        });
        Plan { title, ..plan }
    }

    /// The width the grid's lines take.
    pub fn grid_width(&self) -> usize {
        self.grid.iter().map(|&(_, w)| w).sum::<usize>() + GAP * self.grid.len().saturating_sub(1)
    }

    /// The width rules are drawn: the grid's, or the whole width when
    /// lines are written under the rows.
    pub fn rule_width(&self) -> usize {
        match self.width {
            Some(w) if !self.beneath.is_empty() => w.max(self.grid_width()),
            _ => self.grid_width(),
        }
    }
}

/// The order columns move under the rows in, one at a time, after a first
/// try with none moved (`None` ends the list): long free text from the
/// right, then other columns from the right, headline figures last. The
/// key never moves.
fn moves(shown: &[usize], measures: &[Measure]) -> Vec<Option<usize>> {
    let rest = || shown.iter().skip(1).rev().copied();
    let long = rest().filter(|&i| measures[i].long_text());
    let other = rest().filter(|&i| !measures[i].long_text() && !measures[i].headline);
    let headline = rest().filter(|&i| !measures[i].long_text() && measures[i].headline);
    long.chain(other)
        .chain(headline)
        .map(Some)
        .chain([None])
        .collect()
}

/// Widens columns out of `spare` so that the tallest heading takes as few
/// lines as it can within `heights`, if it does not already.
fn shorten_headings(
    headings: &[&str],
    widths: &mut [usize],
    spare: &mut usize,
    heights: std::ops::RangeInclusive<usize>,
) {
    let tallest = headings
        .iter()
        .zip(widths.iter())
        .map(|(h, &w)| lines(h, w))
        .max()
        .unwrap_or(1);
    for height in heights.take_while(|&h| h < tallest) {
        let wider: Vec<usize> = headings
            .iter()
            .zip(widths.iter())
            .map(|(h, &w)| narrowest_in(h, height, w))
            .collect();
        let cost: usize = wider.iter().zip(widths.iter()).map(|(a, b)| a - b).sum();
        if cost <= *spare {
            *spare -= cost;
            widths.copy_from_slice(&wider);
            return;
        }
    }
}

/// How many lines `heading` takes in `width` columns.
fn lines(heading: &str, width: usize) -> usize {
    text::wrap(heading, width, width).len()
}

/// The narrowest width from `from` on in which `heading` takes at most
/// `height` lines, or `from` if none does. Wider never takes more lines.
fn narrowest_in(heading: &str, height: usize, from: usize) -> usize {
    let widest = from.max(text::widest_line(heading));
    if lines(heading, widest) > height {
        return from;
    }
    let (mut lo, mut hi) = (from, widest);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if lines(heading, mid) <= height {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// How wide the key column must be to show the names of rows that have no
/// key ("Total"), if the column after it names the rows and those names
/// are short.
fn borrowed_names(table: &Table, shown: &[usize], measures: &[Measure]) -> Option<(usize, usize)> {
    let (&key, &name) = (shown.first()?, shown.get(1)?);
    if !measures[name].prose {
        return None;
    }
    let mut markers = Markers::default();
    let mut widest = 0;
    for row in &table.rows {
        let cells: Vec<&Cell> = aligned(&table.columns, row).collect();
        if !matches!(cells[key], Cell::Empty) {
            continue;
        }
        let t = cell_text(cells[name], &mut markers);
        if t.contains('\n') || text::width(&t) > MAX_BORROW {
            return None;
        }
        widest = widest.max(text::width(&t));
    }
    (widest > 0).then_some((name, widest))
}

/// The grid of columns `grid` in `width`, if it fits: every column at
/// least its narrowest, free text widened first towards its widest line,
/// then headings towards one line.
fn fit(
    table: &Table,
    grid: &[usize],
    beneath: &[usize],
    measures: &[Measure],
    width: usize,
    borrow: Option<(usize, usize)>,
) -> Option<Plan> {
    let borrow = borrow.filter(|(name, _)| beneath.contains(name));
    let mut widths: Vec<usize> = grid.iter().map(|&i| measures[i].min()).collect();
    if let Some((_, w)) = borrow {
        widths[0] = widths[0].max(w);
    }
    let used = widths.iter().sum::<usize>() + GAP * grid.len().saturating_sub(1);
    let mut spare = width.checked_sub(used)?;
    let headings: Vec<&str> = grid
        .iter()
        .map(|&i| table.columns[i].heading.as_str())
        .collect();
    // Headings of more than two lines are hard to read: two, if the room
    // allows; then free text, shared out evenly (a column that needs less
    // than its share gets what it needs and the rest goes round again);
    // then headings on as few lines as the room left allows.
    shorten_headings(&headings, &mut widths, &mut spare, 2..=2);
    let mut open: Vec<usize> = (0..grid.len())
        .filter(|&g| measures[grid[g]].wraps && widths[g] < measures[grid[g]].widest)
        .collect();
    while spare > 0 && !open.is_empty() {
        let share = (spare / open.len()).max(1);
        let mut next = Vec::new();
        for &g in &open {
            let want = measures[grid[g]].widest - widths[g];
            let give = want.min(share).min(spare);
            widths[g] += give;
            spare -= give;
            if widths[g] < measures[grid[g]].widest {
                next.push(g);
            }
        }
        open = next;
    }
    shorten_headings(&headings, &mut widths, &mut spare, 1..=usize::MAX);
    Some(Plan {
        grid: grid.iter().copied().zip(widths).collect(),
        beneath: beneath.to_vec(),
        width: Some(width),
        borrow: borrow.map(|(name, _)| name),
        title: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::report::{Align, Colour, Column, RagCell, Row, RowKind};

    fn column(key: &str, heading: &str) -> Column {
        Column {
            key: key.to_string(),
            heading: heading.to_string(),
            align: Align::Left,
        }
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    fn table() -> Table {
        Table {
            columns: vec![
                column("id", "Id"),
                column("milestone", "Milestone"),
                column("rag", "RAG"),
                column("days", "Days overdue"),
                column("note", "Latest note"),
            ],
            rows: vec![
                Row {
                    kind: RowKind::Item,
                    cells: vec![
                        text("CPS-P1-C2-M2"),
                        text("Run the Staying Close pilot for care leavers"),
                        Cell::Rag(RagCell {
                            colour: Colour::Red,
                            label: "Red".to_string(),
                            flag: None,
                        }),
                        Cell::Count(92),
                        text("Pilot running, two placements found, a third in view."),
                    ],
                    illustrative: false,
                },
                Row {
                    kind: RowKind::Total,
                    cells: vec![Cell::Empty, text("Total"), Cell::Empty, Cell::Count(92)],
                    illustrative: false,
                },
            ],
        }
    }

    fn plan(width: Option<usize>) -> Plan {
        let t = table();
        Plan::new(&t, &Measure::all(&t), width)
    }

    #[test]
    fn with_no_width_every_column_is_as_wide_as_it_needs() {
        let p = plan(None);
        assert_eq!(p.grid, [(0, 12), (1, 44), (2, 3), (3, 12), (4, 53)]);
        assert!(p.beneath.is_empty());
    }

    #[test]
    fn a_table_that_fits_is_left_alone() {
        assert_eq!(plan(Some(200)).grid, plan(None).grid);
    }

    #[test]
    fn free_text_wraps_before_anything_moves() {
        let p = plan(Some(100));
        assert!(p.beneath.is_empty(), "{p:?}");
        assert_eq!(p.grid_width(), 100);
        // The two text columns share what the others leave.
        assert_eq!(p.grid[1], (1, 35));
        assert_eq!(p.grid[4], (4, 35));
        // At its narrowest, each text column is 20 wide.
        assert_eq!(plan(Some(70)).grid_width(), 70);
        assert!(plan(Some(70)).beneath.is_empty());
    }

    #[test]
    fn headings_take_one_line_when_there_is_room() {
        assert_eq!(plan(Some(100)).grid[3], (3, 7), "Days / overdue");
        assert_eq!(plan(Some(150)).grid[3], (3, 12), "Days overdue");
    }

    #[test]
    fn long_text_moves_under_the_rows_from_the_right() {
        let p = plan(Some(69));
        assert_eq!(p.beneath, [4], "{p:?}");
        assert!(p.grid_width() <= 69);
        assert_eq!(p.borrow, None, "the name column is still in the grid");
        let p = plan(Some(40));
        assert_eq!(p.beneath, [1, 4], "{p:?}");
        // The total row's name is shown in its empty key cell.
        assert_eq!(p.borrow, Some(1));
        assert_eq!(p.rule_width(), 40);
    }

    #[test]
    fn headlines_move_last_and_the_key_never() {
        let p = plan(Some(14));
        assert_eq!(p.grid, [(0, 12)]);
        assert_eq!(p.beneath, [1, 2, 3, 4]);
        let p = plan(Some(5));
        assert_eq!(p.grid, [(0, 12)], "the key is written whole");
    }
}

//! Shares the printed page's width among a table's columns so that the
//! table comes out short: each column gets at least what its longest word
//! (or unbreakable cell) needs; the rest goes to the columns that wrap, in
//! proportion to how much text each holds, and is then moved a slice at a
//! time from column to column while that saves lines.
//!
//! Browsers share width by each column's longest cell, so a column with one
//! long comment and many short ones takes width that the commitment text
//! beside it needed on every row. This is layout only: it reads the words
//! as they will be shown and returns widths; it computes no figure.
//!
//! How each cell's content sets (its width, its narrowest, its lines at a
//! width) is measured in `fit/measure.rs`.

mod measure;

use super::metrics::Face;
use measure::{Measured, line_count, longest_word};
#[cfg(test)]
use measure::{height, least_width};

/// What a cell holds, as far as its width and height go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Content<'a> {
    /// Words that wrap at spaces; line breaks are kept.
    Words(&'a str),
    /// Kept on one line: an id, a date.
    Line(&'a str),
    /// Set on lines of their own, each kept whole: a measured date over
    /// whether it is up to date, directions of travel one over another.
    Lines(&'a [String]),
    /// A rating in a pill, with the reason it is flagged below in smaller
    /// type.
    Rating {
        label: &'a str,
        flag: Option<&'a str>,
    },
    /// A chart of a set width, as tall as `lines` lines of text.
    Chart { width_pt: f64, lines: f64 },
}

/// A column heading: one set sideways takes no width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Heading<'a> {
    pub text: &'a str,
    pub sideways: bool,
}

/// The printed page and type the widths are worked out for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    /// The width a table may take, in points.
    pub width_pt: f64,
    /// Cell text.
    pub body: Face,
    /// The reason a rating is flagged.
    pub flag: Face,
    /// Column headings.
    pub heading: Face,
    /// A cell's left and right padding and border together, in points.
    pub padding_pt: f64,
    /// What a rating pill adds to its words' width, in points.
    pub pill_pt: f64,
    /// How long a heading set sideways may be before it wraps, in points.
    pub sideways_pt: f64,
}

/// How much wider a heading prints than [`Face::width`] makes it: the real
/// bold narrow faces run a little wider than Arial's widths scaled, and a
/// word set sideways must not be broken.
const HEADING_SLACK: f64 = 1.08;

/// The height a table's headings set sideways need, in points, their
/// padding not counted: the longest word of any of them, so that none is
/// broken, and at least `least_pt`; `None` when none is set sideways.
pub fn sideways_height(face: Face, headings: &[Heading<'_>], least_pt: f64) -> Option<f64> {
    headings
        .iter()
        .filter(|h| h.sideways)
        .map(|h| longest_word(face, h.text) * HEADING_SLACK)
        .reduce(f64::max)
        .map(|longest| longest.max(least_pt))
}

/// How many slices the page's width is shared out in.
const SLICES: usize = 120;

/// The share of the table's width each column gets, in column order,
/// adding up to 1. `rows[r][c]` is row `r`'s cell in column `c`; a short
/// row counts as empty cells.
pub fn shares(page: &Page, headings: &[Heading<'_>], rows: &[Vec<Content<'_>>]) -> Vec<f64> {
    let n = headings.len();
    if n == 0 {
        return Vec::new();
    }
    // Each cell measured once, column by column.
    let cells: Vec<Vec<Measured>> = (0..n)
        .map(|c| {
            (0..rows.len())
                .map(|r| Measured::new(page, rows[r].get(c).copied().unwrap_or(Content::Words(""))))
                .collect()
        })
        .collect();
    let least: Vec<f64> = (0..n)
        .map(|c| {
            let heading = if headings[c].sideways {
                // Turned sideways, a heading is as thick as the lines it
                // takes in the heading row's height.
                let lines = line_count(page.heading, headings[c].text, page.sideways_pt);
                lines as f64 * page.heading.size_pt * 1.1
            } else {
                longest_word(page.heading, headings[c].text)
            };
            cells[c]
                .iter()
                .map(|cell| cell.least)
                .fold(heading, f64::max)
                + page.padding_pt
        })
        .collect();
    let spare = page.width_pt - least.iter().sum::<f64>();
    if spare <= 0.0 {
        return normalised(&least);
    }
    let slice = page.width_pt / SLICES as f64;
    let slices = (spare / slice).floor() as usize;
    // Each column's cells' heights in lines with each number of slices it
    // may be given.
    let lines: Vec<Heights> = (0..n)
        .map(|c| {
            let wraps = cells[c].iter().any(|cell| cell.wraps);
            let steps = if wraps { slices + 1 } else { 1 };
            let widths: Vec<f64> = (0..steps)
                .map(|k| least[c] - page.padding_pt + slice * k as f64)
                .collect();
            let mut lines = vec![0.0; steps * rows.len()];
            for (cell, heights) in cells[c].iter().zip(lines.chunks_exact_mut(steps)) {
                cell.heights(&widths, heights);
            }
            Heights { steps, lines }
        })
        .collect();
    let wrapping: Vec<usize> = (0..n).filter(|&c| lines[c].steps > 1).collect();
    if wrapping.is_empty() {
        let mut widths = least;
        let each = spare / n as f64;
        widths.iter_mut().for_each(|w| *w += each);
        return normalised(&widths);
    }
    // Start from shares in proportion to how much text each column holds,
    // which keeps columns whose text runs together in step; then move
    // slices between columns while that makes the table shorter.
    let mut given = proportional(
        slices,
        &wrapping
            .iter()
            .map(|&c| cells[c].iter().map(|cell| cell.text).sum::<f64>())
            .collect::<Vec<_>>(),
    );
    // The table's height in lines; then, to tell apart two layouts of the
    // same height, every cell's lines: a column that is not yet the
    // tallest in a row can still be widened towards the point where the
    // row gets shorter.
    let mut slices_of = vec![0; n];
    let mut height_with = |given: &[usize]| -> (f64, f64) {
        for (&c, &k) in wrapping.iter().zip(given) {
            slices_of[c] = k;
        }
        let mut rows_height = 0.0;
        let mut cells_height = 0.0;
        for r in 0..rows.len() {
            let row = lines.iter().zip(&slices_of).map(|(l, &k)| l.at(r, k));
            rows_height += row.clone().fold(0.0, f64::max);
            cells_height += row.sum::<f64>();
        }
        (rows_height, cells_height)
    };
    let shorter =
        |a: (f64, f64), b: (f64, f64)| a.0 < b.0 - 1e-9 || (a.0 < b.0 + 1e-9 && a.1 < b.1 - 1e-9);
    let mut best = height_with(&given);
    let mut step = (slices / 8).max(1);
    loop {
        let mut moved = false;
        for to in 0..wrapping.len() {
            for from in 0..wrapping.len() {
                if to == from || given[from] < step {
                    continue;
                }
                given[from] -= step;
                given[to] += step;
                let height = height_with(&given);
                if shorter(height, best) {
                    best = height;
                    moved = true;
                } else {
                    given[from] += step;
                    given[to] -= step;
                }
            }
        }
        if !moved {
            if step == 1 {
                break;
            }
            step /= 2;
        }
    }
    let mut widths = least;
    for (&c, &k) in wrapping.iter().zip(&given) {
        widths[c] += slice * k as f64;
    }
    // The part of a slice left over goes to the columns that wrap.
    let unused = page.width_pt - widths.iter().sum::<f64>();
    let share = unused / wrapping.len() as f64;
    for &c in &wrapping {
        widths[c] += share;
    }
    normalised(&widths)
}

/// A column's cells' heights in lines at each number of slices it may be
/// given: one number when it does not wrap.
struct Heights {
    steps: usize,
    /// Row by row, `steps` heights each.
    lines: Vec<f64>,
}

impl Heights {
    /// Row `r`'s height with the column given `k` slices.
    fn at(&self, r: usize, k: usize) -> f64 {
        self.lines[r * self.steps + k]
    }
}

/// `total` slices shared in proportion to `weights`, whole slices only,
/// the remainder going to the largest fractions (the first on a tie).
fn proportional(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        let mut even = vec![total / weights.len(); weights.len()];
        for k in even.iter_mut().take(total % weights.len()) {
            *k += 1;
        }
        return even;
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut given: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    let short = total - given.iter().sum::<usize>();
    for &i in order.iter().take(short) {
        given[i] += 1;
    }
    given
}

fn normalised(widths: &[f64]) -> Vec<f64> {
    let total: f64 = widths.iter().sum();
    widths.iter().map(|w| w / total).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(width_pt: f64) -> Page {
        let body = Face {
            size_pt: 8.0,
            narrow: true,
            bold: false,
        };
        Page {
            width_pt,
            body,
            flag: Face {
                size_pt: 7.0,
                ..body
            },
            heading: Face { bold: true, ..body },
            padding_pt: 6.0,
            pill_pt: 6.0,
            sideways_pt: 30.0,
        }
    }

    /// The rows' height in lines with the columns given these shares.
    fn table_height(p: &Page, rows: &[Vec<Content<'_>>], shares: &[f64]) -> f64 {
        rows.iter()
            .map(|row| {
                row.iter()
                    .zip(shares)
                    .map(|(c, s)| height(p, *c, s * p.width_pt - p.padding_pt))
                    .fold(0.0, f64::max)
            })
            .sum()
    }

    fn heading(text: &str) -> Heading<'_> {
        Heading {
            text,
            sideways: false,
        }
    }

    const LONG: &str = "We will ensure there is greater sufficiency of choice of home for \
        young people and refresh our Sufficiency Strategy.";

    #[test]
    fn shares_add_up_to_the_whole() {
        let rows = vec![
            vec![Content::Line("CPS-P1-C1"), Content::Words(LONG)],
            vec![Content::Line("CPS-P1-C2"), Content::Words("Short.")],
        ];
        let shares = shares(&page(500.0), &[heading("Id"), heading("Commitment")], &rows);
        assert_eq!(shares.len(), 2);
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // The id keeps what it needs and the words take the rest.
        let id = page(500.0).body.width("CPS-P1-C1") + 6.0;
        assert!((shares[0] * 500.0 - id).abs() < 1e-6, "{shares:?}");
    }

    /// The browser would give most of the width to the column with the one
    /// long comment; here the text that is long on every row gets it.
    #[test]
    fn width_goes_where_rows_are_long() {
        let comment = "a long comment on one row only ".repeat(6);
        let mut rows = vec![vec![Content::Words(LONG), Content::Words(&comment)]];
        for _ in 0..20 {
            rows.push(vec![Content::Words(LONG), Content::Words("none")]);
        }
        let p = page(400.0);
        let shares = shares(&p, &[heading("Text"), heading("Comment")], &rows);
        // As a browser shares it: by each column's longest cell.
        let longest = [p.body.width(LONG), p.body.width(&comment)];
        let browser: Vec<f64> = longest
            .iter()
            .map(|w| w / (longest[0] + longest[1]))
            .collect();
        let ours = table_height(&p, &rows, &shares);
        assert!(ours < table_height(&p, &rows, &browser) * 0.8, "{shares:?}");
        assert!(shares[0] > 0.5, "{shares:?}");
    }

    #[test]
    fn sideways_headings_take_no_width() {
        let rows = vec![vec![Content::Words(LONG), Content::Line("12")]];
        let upright = shares(
            &page(300.0),
            &[heading("Text"), heading("Notontarget")],
            &rows,
        );
        let sideways = shares(
            &page(300.0),
            &[
                heading("Text"),
                Heading {
                    text: "Notontarget",
                    sideways: true,
                },
            ],
            &rows,
        );
        assert!(sideways[1] < upright[1], "{sideways:?} {upright:?}");
    }

    #[test]
    fn too_wide_to_fit_shares_by_need() {
        let wide = "x".repeat(200);
        let rows = vec![vec![Content::Line(&wide), Content::Line("y")]];
        let shares = shares(&page(100.0), &[heading("A"), heading("B")], &rows);
        assert!(shares[0] > shares[1]);
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn ratings_and_charts_have_their_sizes() {
        let p = page(500.0);
        let flagged = Content::Rating {
            label: "Amber",
            flag: Some("marked on target, but overdue by 92 days"),
        };
        assert!(height(&p, flagged, 40.0) > height(&p, flagged, 400.0));
        assert_eq!(
            height(
                &p,
                Content::Rating {
                    label: "Red",
                    flag: None
                },
                40.0
            ),
            1.0
        );
        let chart = Content::Chart {
            width_pt: 70.0,
            lines: 2.0,
        };
        assert_eq!(least_width(&p, chart), 70.0);
        assert_eq!(height(&p, chart, 100.0), 2.0);
        let stacked = ["30 Sep 2025".to_string(), "out of date".to_string()];
        assert_eq!(height(&p, Content::Lines(&stacked), 10.0), 2.0);
        assert_eq!(
            least_width(&p, Content::Lines(&stacked)),
            p.body.width("30 Sep 2025").max(p.body.width("out of date"))
        );
        assert_eq!(line_count(p.body, "one\ntwo", 1000.0), 2);
        assert_eq!(height(&p, Content::Words(""), 1000.0), 1.0);
    }

    /// The bug: the summary's "Milestones" heading, set sideways in a
    /// heading row of a fixed height, printed broken as "Milestone" and
    /// "s". The row is now as tall as the longest word set sideways.
    #[test]
    fn a_sideways_heading_row_holds_its_longest_word() {
        let p = page(500.0);
        let sideways = |text| Heading {
            text,
            sideways: true,
        };
        let headings = [
            heading("Strategy with a long name"),
            sideways("Milestones"),
            sideways("Not on target"),
        ];
        let height = sideways_height(p.heading, &headings, 10.0).unwrap();
        assert!(height >= p.heading.width("Milestones"), "{height}");
        assert!(height < p.heading.width("Not on target"), "{height}");
        assert_eq!(
            sideways_height(p.heading, &[sideways("%")], 10.0),
            Some(10.0)
        );
        assert_eq!(sideways_height(p.heading, &headings[..1], 10.0), None);
    }

    #[test]
    fn no_columns_no_shares() {
        assert!(shares(&page(100.0), &[], &[]).is_empty());
    }
}

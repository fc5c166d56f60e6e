//! HTML: one self-contained page (CSS inline, no script, no external
//! request) that prints on A4 and can be published as it is.
//!
//! Accessibility: ratings are in words as well as colour, and every rating
//! colour meets WCAG AA contrast against its text; table headers are scoped;
//! charts carry a title and a description for screen readers and a legend
//! in words. Every piece of text goes through the template engine's HTML
//! auto-escaping (and, inside the style sheet, [`css_string`]): this module
//! builds a view of the document (words and layout, never figures) and the
//! template lays it out, but for the rows of tables, which `html/table/rows.rs`
//! writes with the engine's own escaping (thousands of cells, where the
//! template took most of the pack's time).
//!
//! Print: A4 with the title and as-at date at the top of every page and
//! "Page N of M" at the foot; tables in a narrow face, their widths shared
//! out by [`fit`] so that long text gets room; headings kept with what
//! follows them; rows never split across pages.

mod bars;
mod fit;
mod metrics;
mod sparkline;
mod table;

use std::fmt::Write as _;
use std::io::{self, Write};

use minijinja::{Environment, Value};
use ragtime_core::report::{Chart, Colour, Document, ILLUSTRATIVE_MARK, Section};
use rayon::prelude::*;
use serde::Serialize;

use super::cells;
use metrics::Face;
use table::TableView;

const TEMPLATE: &str = include_str!("templates/document.html");
/// The `.html` name turns on the engine's HTML auto-escaping.
const TEMPLATE_NAME: &str = "document.html";

/// How a rating colour is shown: the fill, and the text drawn on it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Swatch {
    /// CSS class suffix: `rag-amber-green`.
    pub name: &'static str,
    pub background: &'static str,
    pub text: &'static str,
}

/// The palette, with text colours chosen for at least 4.5:1 contrast
/// (WCAG AA for normal text); `palette_meets_wcag_aa` checks each.
pub fn swatch(colour: Colour) -> Swatch {
    let (name, background, text) = match colour {
        Colour::Blue => ("blue", "#1d70b8", "#ffffff"),
        Colour::Green => ("green", "#00703c", "#ffffff"),
        Colour::AmberGreen => ("amber-green", "#b5c93a", "#0b0c0c"),
        Colour::Amber => ("amber", "#ffbf47", "#0b0c0c"),
        Colour::AmberRed => ("amber-red", "#f47738", "#0b0c0c"),
        Colour::Red => ("red", "#b52a17", "#ffffff"),
        Colour::Grey => ("grey", "#dee0e2", "#0b0c0c"),
    };
    Swatch {
        name,
        background,
        text,
    }
}

const ALL_COLOURS: [Colour; 7] = [
    Colour::Blue,
    Colour::Green,
    Colour::AmberGreen,
    Colour::Amber,
    Colour::AmberRed,
    Colour::Red,
    Colour::Grey,
];

/// The printed page: A4 less its margins, and the type tables print in.
/// The template's print styles use the same sizes (`print_css` in the
/// page view), so the widths [`fit`] works out are the ones printed.
const PRINT: Print = Print {
    margin_side_mm: 11.0,
    table_pt: 7.0,
    flag_pt: 6.0,
};

/// The print sizes as CSS lengths, for the template.
#[derive(Serialize)]
struct PrintCss {
    margin_side: String,
    table: String,
    flag: String,
    /// Above and below a heading set sideways.
    sideways_padding: String,
}

#[derive(Clone, Copy, Debug)]
struct Print {
    /// Left and right page margins.
    margin_side_mm: f64,
    /// Table text, in the narrow face.
    table_pt: f64,
    /// The reason a rating is flagged.
    flag_pt: f64,
}

impl Print {
    fn fit_page(self) -> fit::Page {
        const PT_PER_MM: f64 = 72.0 / 25.4;
        let body = Face {
            size_pt: self.table_pt,
            narrow: true,
            bold: false,
        };
        fit::Page {
            width_pt: (210.0 - 2.0 * self.margin_side_mm) * PT_PER_MM,
            body,
            flag: Face {
                size_pt: self.flag_pt,
                ..body
            },
            heading: Face { bold: true, ..body },
            // 2.5pt each side and the border, with a little to spare.
            padding_pt: 6.5,
            pill_pt: 7.0,
            // Each table's own: see `fit::sideways_height`.
            sideways_pt: SIDEWAYS_LEAST_PT,
        }
    }
}

/// The least height of a heading set sideways, padding not counted: a
/// table's heading row is as tall as the longest word set sideways in it
/// (`fit::sideways_height`), and no shorter than this.
const SIDEWAYS_LEAST_PT: f64 = 20.0;
/// A sideways heading's padding, top and bottom together: the template's
/// `th.sideways` padding.
const SIDEWAYS_PADDING_PT: f64 = 4.0;

/// A sparkline's printed size: it sits in a table cell.
const SPARK_WIDTH_PT: f64 = 52.0;
const SPARK_HEIGHT_PT: f64 = SPARK_WIDTH_PT * sparkline::HEIGHT / sparkline::WIDTH;
const SPARK_LINES: f64 = 2.0;

#[derive(Serialize)]
struct Page<'a> {
    title: &'a str,
    as_at: String,
    as_at_iso: String,
    /// For the running head, as CSS strings.
    running_title: Value,
    running_as_at: Value,
    print_css: PrintCss,
    spark: SparkSize,
    facts: Vec<Fact<'a>>,
    palette: Vec<Swatch>,
    sections: Vec<SectionView<'a>>,
}

/// A sparkline's drawing size and printed size, as CSS and SVG numbers.
#[derive(Serialize)]
pub(super) struct SparkSize {
    width: String,
    height: String,
    width_pt: String,
    height_pt: String,
}

/// A length as CSS and SVG write it: at most two decimals, no trailing
/// zeros (`11`, `7.5`, `13.87`).
fn css_number(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[derive(Serialize)]
struct Fact<'a> {
    label: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct SectionView<'a> {
    anchor: String,
    heading: &'a str,
    intro: Vec<String>,
    notes: Vec<String>,
    table: Option<TableView<'a>>,
    chart: Option<bars::BarsView<'a>>,
    /// The table has a trend chart on its rows: show the key.
    sparklines: bool,
    narratives: Vec<NarrativeView>,
}

#[derive(Serialize)]
struct NarrativeView {
    byline: String,
    /// The illustrative mark, when it is marked.
    mark: Option<&'static str>,
    text: String,
    age: Option<String>,
}

/// Writes `doc` as one HTML page.
pub fn write(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    let mut env = Environment::new();
    env.add_template(TEMPLATE_NAME, TEMPLATE)
        .map_err(io::Error::other)?;
    let template = env.get_template(TEMPLATE_NAME).map_err(io::Error::other)?;
    let html = template
        .render(minijinja::value::Serde(page(doc)))
        .map_err(io::Error::other)?;
    out.write_all(html.as_bytes())?;
    if !html.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}

/// `text` as a quoted CSS string that nothing in it can end: every
/// character but letters, digits, spaces and plain punctuation is written
/// as a six-digit hex escape, so no quote, backslash, line break or `<`
/// (of a `</style>`) gets through.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() || " .,:;()-/'!?".contains(ch) {
            out.push(ch);
        } else {
            let _ = write!(out, "\\{:06x}", u32::from(ch));
        }
    }
    out.push('"');
    out
}

/// A sparkline's sizes, as the template and a table's rows write them.
fn spark_size() -> SparkSize {
    SparkSize {
        width: css_number(sparkline::WIDTH),
        height: css_number(sparkline::HEIGHT),
        width_pt: css_number(SPARK_WIDTH_PT),
        height_pt: css_number(SPARK_HEIGHT_PT),
    }
}

fn page(doc: &Document) -> Page<'_> {
    let as_at = cells::long_date(doc.as_at);
    let spark = spark_size();
    Page {
        title: &doc.title,
        running_title: Value::from_safe_string(css_string(&cells::normalise_newlines(&doc.title))),
        running_as_at: Value::from_safe_string(css_string(&format!("As at {as_at}"))),
        as_at,
        as_at_iso: doc.as_at.format("%Y-%m-%d").to_string(),
        // Sections are laid out apart, each table's widths fitted on its
        // own, so on every core; in order.
        sections: doc
            .sections
            .par_iter()
            .enumerate()
            .map(|(i, s)| section(i, s, &spark))
            .collect(),
        spark,
        print_css: PrintCss {
            margin_side: format!("{}mm", css_number(PRINT.margin_side_mm)),
            table: format!("{}pt", css_number(PRINT.table_pt)),
            flag: format!("{}pt", css_number(PRINT.flag_pt)),
            sideways_padding: format!("{}pt", css_number(SIDEWAYS_PADDING_PT / 2.0)),
        },
        facts: doc
            .facts
            .iter()
            .map(|(label, value)| Fact { label, value })
            .collect(),
        palette: ALL_COLOURS.iter().map(|&c| swatch(c)).collect(),
    }
}

/// A fragment id that is unique and valid whatever the section id holds.
fn anchor(index: usize, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("s{}-{safe}", index + 1)
}

fn section<'a>(index: usize, s: &'a Section, spark: &SparkSize) -> SectionView<'a> {
    let anchor = anchor(index, &s.id);
    let sparklines = match &s.chart {
        Some(Chart::Sparklines { lines }) => Some(lines.as_slice()),
        _ => None,
    };
    SectionView {
        heading: &s.heading,
        intro: s
            .intro
            .iter()
            .map(|p| cells::normalise_newlines(p))
            .collect(),
        notes: s
            .notes
            .iter()
            .map(|p| cells::normalise_newlines(p))
            .collect(),
        table: s
            .table
            .as_ref()
            .map(|t| table::table(t, sparklines, &anchor, spark)),
        chart: match &s.chart {
            Some(Chart::StackedBars { bars }) => Some(bars::view(&s.heading, bars)),
            _ => None,
        },
        sparklines: sparklines.is_some() && s.table.is_some(),
        narratives: s
            .narratives
            .iter()
            .map(|n| NarrativeView {
                byline: n.byline(),
                mark: n.illustrative.then_some(ILLUSTRATIVE_MARK),
                text: cells::normalise_newlines(n.text.trim()),
                age: cells::narrative_age(n),
            })
            .collect(),
        anchor,
    }
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
        let html = render(&testing::board_pack());
        crate::snapshot!("write_html_board_pack", html.clone());
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assert!(html.contains("@page {\n  size: A4;"));
        assert!(html.contains("@media print"));
        // The running head and the page numbers.
        assert!(html.contains(r#"@top-left { content: "Corporate Parenting Board"#));
        assert!(html.contains(r#"@top-right { content: "As at 30 September 2025""#));
        assert!(html.contains(r#"content: "Page " counter(page) " of " counter(pages)"#));
        // A trend chart in the rows that have one, in a column of its own
        // after the measure's name, with its words.
        assert_eq!(html.matches(r#"<td class="spark"><svg"#).count(), 2);
        assert_eq!(html.matches(r#"<td class="spark"></td>"#).count(), 1);
        assert!(html.contains(r#"<th scope="col" class="sideways">Trend</th>"#));
        assert_eq!(html.matches("-title\" aria-describedby").count(), 2);
        assert!(html.contains(
            "CPS-M-1.1: Foster carers&#x27; homes; target 110 homes by 31 Mar 2026, 120 homes by \
             31 Mar 2027; measured 104 homes on 30 Sep 2025; higher is better."
        ));
        assert!(html.contains("Key to the trend charts"));
        // Ratings in words, and a chart per charted section with words for
        // screen readers.
        assert!(html.contains(r#"<span class="rag rag-amber">Amber</span>"#));
        assert_eq!(html.matches("<svg xmlns").count(), 2 + 2);
        assert_eq!(html.matches("<title id=").count(), 2 + 2);
        assert_eq!(html.matches("<desc id=").count(), 2 + 2);
        assert!(
            html.contains("Care Leavers&#x27; Local Offer: 3 complete, 5 on target, 1 at risk.")
        );
    }

    #[test]
    fn self_contained_without_script() {
        for doc in [testing::board_pack(), testing::hostile()] {
            let html = render(&doc).to_lowercase();
            assert!(!html.contains("<script"), "a script element");
            assert!(!html.contains("<link"), "a linked resource");
            assert!(!html.contains("<img"), "an image to fetch");
            assert!(!html.contains("url("), "a CSS fetch");
            assert!(!html.contains("@import"), "a CSS import");
            assert!(!html.contains("src="), "a fetched source");
            assert!(!html.contains("javascript:"), "a script link");
            // Links only within the page.
            for (i, _) in html.match_indices("href=\"") {
                assert!(html[i + 6..].starts_with('#'), "{}", &html[i..i + 40]);
            }
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let html = render(&testing::hostile());
        crate::snapshot!("write_html_hostile", html.clone());
        assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
        assert!(!html.contains("</desc><script>"));
        assert!(!html.contains("]]> <!--"));
        // The unsafe section id became a safe anchor.
        assert!(html.contains(r#"id="s3-______etc_passwd""#), "{html}");
        // The title in the running head is a CSS string nothing can end.
        assert!(html.contains(
            r#"@top-left { content: "Report \00003cscript\00003ealert(1)\00003c/script\00003e \000026 \000022friends\000022";"#
        ));
        // A hostile trend chart stays text.
        assert!(!html.contains("</desc><script>x"));
        assert!(html.contains("lower is better."));
    }

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("Board A, 2025/26"), r#""Board A, 2025/26""#);
        assert_eq!(
            css_string("\"}</style>\\\n"),
            r#""\000022\00007d\00003c/style\00003e\00005c\00000a""#
        );
    }

    #[test]
    fn every_row_header_is_scoped() {
        let html = render(&testing::board_pack());
        let cells = html.match_indices("<th").map(|(i, _)| &html[i..]);
        for th in cells.filter(|th| !th.starts_with("<thead")) {
            assert!(
                th.starts_with("<th scope=\"col\"")
                    || th.starts_with("<th scope=\"row\"")
                    || th.starts_with("<th scope=\"rowgroup\""),
                "{}",
                &th[..40.min(th.len())]
            );
        }
        assert!(html.contains("<th scope=\"rowgroup\">1. Homes and housing</th>"));
    }

    /// WCAG 2 contrast of each rating colour against its text, and of each
    /// fill against the page where it is drawn without text (chart segments
    /// have a dark outline, so those need only the outline's 3:1).
    #[test]
    fn palette_meets_wcag_aa() {
        fn luminance(hex: &str) -> f64 {
            let channel = |i: usize| {
                let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if c <= 0.04045 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        }
        fn contrast(a: &str, b: &str) -> f64 {
            let (la, lb) = (luminance(a), luminance(b));
            (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
        }
        for colour in ALL_COLOURS {
            let s = swatch(colour);
            let ratio = contrast(s.background, s.text);
            assert!(ratio >= 4.5, "{colour:?}: {ratio:.2}:1");
            let outline = contrast(s.background, "#0b0c0c").max(contrast(s.background, "#ffffff"));
            assert!(outline >= 3.0, "{colour:?} outline: {outline:.2}:1");
        }
    }
}

//! HTML: one self-contained page (CSS inline, no script, no external
//! request) that prints on A4 and can be published as it is.
//!
//! Accessibility: ratings are in words as well as colour, and every rating
//! colour meets WCAG AA contrast against its text; table headers are scoped;
//! charts carry a title and a description for screen readers and a legend
//! in words. Every piece of text goes through the template engine's HTML
//! auto-escaping: this module builds a view of the document (words and
//! layout, never figures) and the template lays it out.

use std::io::{self, Write};

use minijinja::Environment;
use ragtime_core::report::{
    Align, Cell, Chart, Colour, Document, ILLUSTRATIVE_MARK, RowKind, Section, Table, Trend,
};
use serde::Serialize;

use super::cells::{self, DateStyle};

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

#[derive(Serialize)]
struct Page<'a> {
    title: &'a str,
    as_at: String,
    as_at_iso: String,
    facts: Vec<Fact<'a>>,
    palette: Vec<Swatch>,
    sections: Vec<SectionView<'a>>,
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
    chart: Option<ChartView<'a>>,
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

#[derive(Serialize)]
struct TableView<'a> {
    columns: Vec<ColumnView<'a>>,
    /// Rows split into `<tbody>`s, a new one at each group heading, so a
    /// group's heading cell can scope its rows.
    bodies: Vec<Vec<RowView>>,
}

#[derive(Serialize)]
struct ColumnView<'a> {
    heading: &'a str,
    right: bool,
}

#[derive(Serialize)]
struct RowView {
    kind: &'static str,
    cells: Vec<CellView>,
}

#[derive(Serialize)]
struct CellView {
    text: String,
    /// CSS classes: `r` right-aligned, `date` and `id` kept on one line.
    class: String,
    rag: Option<RagView>,
    trend: Option<TrendView>,
    /// The row's illustrative mark, shown after this cell's text.
    mark: Option<&'static str>,
}

#[derive(Serialize)]
struct RagView {
    name: &'static str,
    label: String,
    flag: Option<String>,
}

#[derive(Serialize)]
struct TrendView {
    arrow: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct ChartView<'a> {
    title: String,
    desc: String,
    width: u32,
    height: u32,
    bar_width: u32,
    bar_height: u32,
    bars: Vec<BarView<'a>>,
    legend: Vec<LegendView<'a>>,
}

#[derive(Serialize)]
struct BarView<'a> {
    label: &'a str,
    label_y: u32,
    bar_y: u32,
    count_y: u32,
    segments: Vec<SegmentView<'a>>,
}

#[derive(Serialize)]
struct SegmentView<'a> {
    x: String,
    width: String,
    text_x: String,
    background: &'static str,
    text: &'static str,
    label: &'a str,
    count: u64,
    show_count: bool,
}

#[derive(Serialize)]
struct LegendView<'a> {
    background: &'static str,
    label: &'a str,
}

/// Chart layout, in SVG user units.
const CHART_WIDTH: u32 = 720;
const BAR_HEIGHT: u32 = 22;
const LABEL_HEIGHT: u32 = 18;
const BAR_GAP: u32 = 12;
/// A segment narrower than this has no room for its count.
const MIN_COUNT_WIDTH: f64 = 22.0;

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

fn page(doc: &Document) -> Page<'_> {
    Page {
        title: &doc.title,
        as_at: cells::long_date(doc.as_at),
        as_at_iso: doc.as_at.format("%Y-%m-%d").to_string(),
        facts: doc
            .facts
            .iter()
            .map(|(label, value)| Fact { label, value })
            .collect(),
        palette: ALL_COLOURS.iter().map(|&c| swatch(c)).collect(),
        sections: doc
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| section(i, s))
            .collect(),
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

fn section(index: usize, s: &Section) -> SectionView<'_> {
    let anchor = anchor(index, &s.id);
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
        table: s.table.as_ref().map(table),
        chart: s.chart.as_ref().map(|c| chart(&s.heading, c)),
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

fn table(t: &Table) -> TableView<'_> {
    let mut bodies: Vec<Vec<RowView>> = Vec::new();
    for row in &t.rows {
        if row.kind == RowKind::Group || bodies.is_empty() {
            bodies.push(Vec::new());
        }
        let marked = cells::mark_column(&t.columns);
        let cells = cells::aligned(&t.columns, row)
            .zip(&t.columns)
            .enumerate()
            .map(|(i, (c, col))| CellView {
                mark: row.mark().filter(|_| i == marked),
                ..cell(c, col.align == Align::Right, col.key == "id")
            })
            .collect();
        let kind = match row.kind {
            RowKind::Item => "item",
            RowKind::Group => "group",
            RowKind::Total => "total",
        };
        bodies
            .last_mut()
            .expect("a body was pushed above")
            .push(RowView { kind, cells });
    }
    TableView {
        columns: t
            .columns
            .iter()
            .map(|c| ColumnView {
                heading: &c.heading,
                right: c.align == Align::Right,
            })
            .collect(),
        bodies,
    }
}

/// `id` marks an id column: ids are kept on one line, since one broken at
/// a hyphen reads as two.
fn cell(c: &Cell, right: bool, id: bool) -> CellView {
    let mut classes = Vec::new();
    if right {
        classes.push("r");
    }
    if id {
        classes.push("id");
    }
    if matches!(c, Cell::Date(_)) {
        classes.push("date");
    }
    let mut view = CellView {
        text: String::new(),
        class: classes.join(" "),
        rag: None,
        mark: None,
        trend: None,
    };
    match c {
        Cell::Rag(r) => {
            view.rag = Some(RagView {
                name: swatch(r.colour).name,
                label: r.label.clone(),
                flag: r.flag.clone(),
            })
        }
        Cell::Trend(Trend::None) => view.text = "\u{2013}".to_string(),
        Cell::Trend(t) => {
            let arrow = match t {
                Trend::Up => "\u{2191}",
                Trend::Down => "\u{2193}",
                Trend::Same => "\u{2192}",
                Trend::New | Trend::None => "\u{2022}",
            };
            view.trend = Some(TrendView {
                arrow,
                label: t.label(),
            });
        }
        other => view.text = cells::normalise_newlines(&cells::plain(other, DateStyle::Short)),
    }
    view
}

/// Lays out stacked bars: each bar is a label line and a bar split in
/// proportion to its own counts, so the mix can be compared across bars.
fn chart<'a>(heading: &str, c: &'a Chart) -> ChartView<'a> {
    let Chart::StackedBars { bars } = c;
    let row_height = LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP;
    let mut legend: Vec<LegendView<'a>> = Vec::new();
    let mut desc = Vec::new();
    let mut views = Vec::new();
    for (i, bar) in bars.iter().enumerate() {
        let top = row_height * i as u32;
        let total: u64 = bar.segments.iter().map(|s| s.count).sum();
        let mut x = 0.0_f64;
        let mut segments = Vec::new();
        for s in &bar.segments {
            if !legend.iter().any(|l| l.label == s.label) {
                legend.push(LegendView {
                    background: swatch(s.colour).background,
                    label: &s.label,
                });
            }
            if s.count == 0 {
                continue;
            }
            let width = f64::from(CHART_WIDTH) * s.count as f64 / total as f64;
            let sw = swatch(s.colour);
            segments.push(SegmentView {
                x: format!("{x:.1}"),
                width: format!("{width:.1}"),
                text_x: format!("{:.1}", x + width / 2.0),
                background: sw.background,
                text: sw.text,
                label: &s.label,
                count: s.count,
                show_count: width >= MIN_COUNT_WIDTH,
            });
            x += width;
        }
        let parts: Vec<String> = bar
            .segments
            .iter()
            .filter(|s| s.count > 0)
            .map(|s| format!("{} {}", s.count, s.label))
            .collect();
        let said = if parts.is_empty() {
            "nothing counted".to_string()
        } else {
            parts.join(", ")
        };
        desc.push(format!("{}: {said}.", bar.label));
        views.push(BarView {
            label: &bar.label,
            label_y: top + LABEL_HEIGHT - 5,
            bar_y: top + LABEL_HEIGHT,
            count_y: top + LABEL_HEIGHT + BAR_HEIGHT / 2 + 4,
            segments,
        });
    }
    let height = (row_height * bars.len() as u32)
        .saturating_sub(BAR_GAP)
        .max(1);
    ChartView {
        title: format!("Chart: {heading}"),
        desc: desc.join(" "),
        width: CHART_WIDTH,
        height,
        bar_width: CHART_WIDTH,
        bar_height: BAR_HEIGHT,
        bars: views,
        legend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::sample;

    fn render(doc: &Document) -> String {
        let mut out = Vec::new();
        write(&mut out, doc).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn board_pack() {
        let html = render(&sample::board_pack());
        crate::snapshot!("write_html_board_pack", html.clone());
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assert!(html.contains("@page { size: A4;"));
        assert!(html.contains("@media print"));
        // Ratings in words, and a chart per charted section with words for
        // screen readers.
        assert!(html.contains(r#"<span class="rag rag-amber">Amber</span>"#));
        assert_eq!(html.matches("<svg ").count(), 2);
        assert_eq!(html.matches("<title id=").count(), 2);
        assert_eq!(html.matches("<desc id=").count(), 2);
        assert!(
            html.contains("Care Leavers&#x27; Local Offer: 3 complete, 5 on target, 1 at risk.")
        );
    }

    #[test]
    fn self_contained_without_script() {
        for doc in [sample::board_pack(), sample::hostile()] {
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
        let html = render(&sample::hostile());
        crate::snapshot!("write_html_hostile", html.clone());
        assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
        assert!(!html.contains("</desc><script>"));
        assert!(!html.contains("]]> <!--"));
        // The unsafe section id became a safe anchor.
        assert!(html.contains(r#"id="s3-______etc_passwd""#), "{html}");
    }

    #[test]
    fn every_row_header_is_scoped() {
        let html = render(&sample::board_pack());
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

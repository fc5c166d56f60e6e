//! Stacked bars as SVG: each bar is a label line and a bar split in
//! proportion to its own counts, so the mix can be compared across bars.

use ragtime_core::report::Bar;
use serde::Serialize;

use super::swatch;

#[derive(Serialize)]
pub struct BarsView<'a> {
    pub title: String,
    pub desc: String,
    pub width: u32,
    pub height: u32,
    pub bar_width: u32,
    pub bar_height: u32,
    pub bars: Vec<BarView<'a>>,
    pub legend: Vec<LegendView<'a>>,
}

#[derive(Serialize)]
pub struct BarView<'a> {
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
pub struct LegendView<'a> {
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

/// Lays out stacked bars under the section's `heading`.
pub fn view<'a>(heading: &str, bars: &'a [Bar]) -> BarsView<'a> {
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
    BarsView {
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

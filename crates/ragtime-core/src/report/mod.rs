//! Report data: what a report says, independent of any output format.
//!
//! Every report (portfolio summary, strategy progress, exceptions, measures,
//! board pack, ...) is built as a [`Document`]: titled sections holding
//! typed tables and, where useful, chart data. The CLI has one writer per
//! output format (terminal table, markdown, csv, json, html); a writer only
//! lays out what is here and never computes a figure itself.

pub mod doc;
pub mod owner;

pub use doc::*;

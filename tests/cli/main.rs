//! Integration tests of the `ragtime` binary: each runs the real command on
//! plan files and snapshots its exit code, stdout and stderr together.
//!
//! Snapshots live in the top-level `snapshots/` folder. Review changes with
//! `cargo insta review`; never accept one without reading it.

mod board;
mod calendar;
mod check;
mod docs;
mod export;
mod finance;
mod finding;
mod formats;
mod graph;
mod html;
mod import_plan;
mod owner;
mod plans;
mod recommendations;
mod reports;
mod returns;
mod safe_text;
mod schema;
mod shell;
mod speed;
mod support;
mod terminal;
mod toml_suite;
mod update;
mod update_refused;
mod xlsx;

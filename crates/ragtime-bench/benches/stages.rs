//! Benchmarks of each stage of loading a plan set, of rating, rolling up
//! and building each report, and of the parse-only floor, on generated plan
//! sets (1k and 10k milestones by default; set
//! `RAGTIME_BENCH_SIZES=1000,10000,100000` for others).
//!
//! Run with `cargo bench -p ragtime-bench`. Each stage is timed on its own
//! input, prepared outside the timing. To add a stage, prepare its input
//! with `built_and_graph`, `loaded` or `context` and add a function like the
//! ones below. The report writers live in the `ragtime` binary, not in a
//! library, so they are timed end to end by `bench.py` instead.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use chrono::NaiveDate;
use divan::Bencher;
use ragtime_bench::{Options, generate};
use ragtime_core::rating::Ratings;
use ragtime_core::report::{self, Breakdown, Context};
use ragtime_core::rollup::{Rollups, Scope, Tree};
use ragtime_core::{Input, PlanGraph, PlanSet, stages};

fn main() {
    divan::main();
}

fn sizes() -> Vec<usize> {
    std::env::var("RAGTIME_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000])
}

/// The generated files of each size (seed 1), made once per run.
fn inputs(milestones: usize) -> Vec<Input> {
    static CACHE: OnceLock<Mutex<HashMap<usize, Vec<Input>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().expect("not poisoned");
    cache
        .entry(milestones)
        .or_insert_with(|| {
            generate(&Options {
                milestones,
                seed: 1,
            })
            .into_iter()
            .map(|f| Input::new(f.path, f.text.into_bytes()))
            .collect()
        })
        .clone()
}

fn texts(milestones: usize) -> Vec<String> {
    inputs(milestones)
        .into_iter()
        .map(|i| String::from_utf8(i.bytes).expect("generated text is UTF-8"))
        .collect()
}

fn built_and_graph(milestones: usize) -> (stages::Built, PlanGraph) {
    let built = stages::build(stages::read(inputs(milestones)));
    let graph = PlanGraph::build(&built.model);
    (built, graph)
}

/// A whole loaded plan set, made once per size and kept for the run, the
/// input of the rating and report stages.
fn loaded(milestones: usize) -> &'static PlanSet {
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static PlanSet>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().expect("not poisoned");
    cache
        .entry(milestones)
        .or_insert_with(|| Box::leak(Box::new(ragtime_core::load(inputs(milestones)))))
}

/// The date reports are as at: the generator dates updates up to it.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).expect("a real date")
}

/// The plan set rated as at [`as_of`]: ratings, rollups and plan tree. A
/// fresh one for each sample, as each command makes its own (and a context
/// is not shared between threads).
fn context(milestones: usize) -> Context<'static> {
    Context::new(loaded(milestones), as_of()).expect("a date reports handle")
}

/// The floor: parse the same texts into `toml::Table`s, in parallel.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn floor_parse_toml_table(bencher: Bencher, milestones: usize) {
    let texts = texts(milestones);
    bencher.bench(|| ragtime_bench::floor::parse_all(&texts).expect("TOML"));
}

/// The lower floor: lex the same texts into `toml_parser` tokens, in
/// parallel.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn floor_lex(bencher: Bencher, milestones: usize) {
    let texts = texts(milestones);
    bencher.bench(|| ragtime_bench::floor::lex_all(&texts));
}

/// Everything `ragtime check` does in the core.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn load(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| inputs(milestones))
        .bench_values(ragtime_core::load);
}

/// Bytes to raw records: decode, parse, deserialize (parallel).
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn stage_1_read(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| inputs(milestones))
        .bench_values(stages::read);
}

/// Raw records to the model: ids declared and resolved, values checked.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn stage_2_build(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| stages::read(inputs(milestones)))
        .bench_values(stages::build);
}

/// The model to the graph of its links.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn stage_3_graph(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| stages::build(stages::read(inputs(milestones))))
        .bench_refs(|built| PlanGraph::build(&built.model));
}

/// Whole-model checks and sorting the findings.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn stage_4_validate(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| built_and_graph(milestones))
        .bench_values(|(built, graph)| stages::check(built, graph));
}

/// Every milestone's and measure's rating as at the date.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn rate(bencher: Bencher, milestones: usize) {
    let plans = loaded(milestones);
    bencher.bench(|| Ratings::compute(&plans.model, &plans.settings, as_of()));
}

/// Counts by commitment, priority, strategy and portfolio, and the plan tree.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn roll_up(bencher: Bencher, milestones: usize) {
    let plans = loaded(milestones);
    let ratings = Ratings::compute(&plans.model, &plans.settings, as_of());
    bencher.bench(|| {
        (
            Rollups::compute(&plans.model, &ratings),
            Tree::build(&plans.model),
        )
    });
}

/// What every report command does before building its report: rate, roll
/// up and build the tree.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn report_context(bencher: Bencher, milestones: usize) {
    let plans = loaded(milestones);
    bencher.bench(|| Context::new(plans, as_of()).expect("a date reports handle"));
}

/// `ragtime report`: one row per strategy.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn report_portfolio(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| context(milestones))
        .bench_refs(|ctx| {
            report::portfolio(ctx, &Scope::portfolio(ctx.model), Breakdown::Strategy)
        });
}

/// `ragtime report --by board`: one row per board, with what it oversees.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn report_portfolio_by_board(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| context(milestones))
        .bench_refs(|ctx| report::portfolio(ctx, &Scope::portfolio(ctx.model), Breakdown::Board));
}

/// Progress of every strategy, priority by priority; includes rating the
/// plan set as at the end of the previous quarter, for direction of travel.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn report_progress(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| context(milestones))
        .bench_refs(|ctx| report::progress(ctx, &Scope::portfolio(ctx.model)));
}

/// `ragtime exceptions`: every Red and Amber milestone.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn report_exceptions(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| context(milestones))
        .bench_refs(|ctx| report::exceptions(ctx, &Scope::portfolio(ctx.model)));
}

/// `ragtime measures`: every measure against its target.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn report_measures(bencher: Bencher, milestones: usize) {
    bencher
        .with_inputs(|| context(milestones))
        .bench_refs(|ctx| report::measures(ctx, &Scope::portfolio(ctx.model)));
}

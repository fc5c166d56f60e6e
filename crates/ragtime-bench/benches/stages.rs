//! Benchmarks of each stage of loading a plan set, and of the parse-only
//! floor, on generated plan sets (1k and 10k milestones by default; set
//! `RAGTIME_BENCH_SIZES=1000,10000,100000` for others).
//!
//! Run with `cargo bench -p ragtime-bench`. Each stage is timed on its own
//! input, prepared outside the timing. To add a stage (rating, rollup, a
//! report writer), prepare its input with `built_and_graph` or `loaded` and
//! add a function like the ones below.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use divan::Bencher;
use ragtime_bench::{Options, generate};
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

/// A whole loaded plan set, the input of the report stages to come.
#[allow(dead_code)]
fn loaded(milestones: usize) -> PlanSet {
    ragtime_core::load(inputs(milestones))
}

/// The floor: parse the same texts into `toml::Table`s, in parallel.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn floor_parse_toml_table(bencher: Bencher, milestones: usize) {
    let texts = texts(milestones);
    bencher.bench(|| ragtime_bench::floor::parse_all(&texts).expect("TOML"));
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

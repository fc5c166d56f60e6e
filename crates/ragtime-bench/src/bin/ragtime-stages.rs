//! `ragtime-stages DIR`: loads a plan set once, as `ragtime check` does, and
//! prints the wall time of each stage. A quick profile between benchmark
//! runs; the benchmarks in `benches/` give the careful figures.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;
use ragtime_core::{Input, PlanGraph, stages};
use rayon::prelude::*;

#[derive(Parser)]
#[command(about = "Time each stage of loading a plan set")]
struct Args {
    /// The plans folder.
    dir: PathBuf,
}

/// The allocator `ragtime` uses, so stage figures match the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let args = Args::parse();
    let mut last = Instant::now();
    let mut lap = |name: &str| {
        let now = Instant::now();
        println!(
            "{name:<10} {:>8.1} ms {:>8} MiB resident",
            (now - last).as_secs_f64() * 1e3,
            resident_mib()
        );
        last = now;
    };
    let paths = ragtime_bench::floor::discover(&args.dir)?;
    let inputs: Vec<Input> = paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            Ok(Input::new(p.to_string_lossy(), bytes))
        })
        .collect::<Result<_>>()?;
    lap("files");
    let read = stages::read(inputs);
    lap("parse");
    let built = stages::build(read);
    lap("build");
    let graph = PlanGraph::build(&built.model);
    lap("graph");
    let plans = stages::check(built, graph);
    lap("validate");
    println!(
        "{} milestones, {} findings",
        plans.model.milestones.len(),
        plans.diagnostics.len()
    );
    drop(plans);
    lap("drop");
    Ok(())
}

/// Resident memory now, from /proc (Linux); 0 where it cannot be read.
fn resident_mib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096 / (1024 * 1024))
}

//! `ragtime-gen --milestones N --seed S --out DIR`: writes a synthetic plan
//! set with exactly N milestones; the same seed gives the same bytes.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Parser;
use ragtime_bench::{Options, generate, write};

#[derive(Parser)]
#[command(about = "Write a synthetic plan set for benchmarks and tests")]
struct Args {
    /// How many milestones (exactly).
    #[arg(long, default_value_t = 1000)]
    milestones: usize,
    /// The random seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write; it must not exist yet or be empty.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> Result<()> {
    let args = Args::parse();
    if args.milestones == 0 {
        bail!("--milestones must be at least 1");
    }
    if let Ok(mut entries) = std::fs::read_dir(&args.out)
        && entries.next().is_some()
    {
        bail!(
            "`{}` is not empty: choose a new folder, so no plans are overwritten",
            args.out.display()
        );
    }
    let files = generate(&Options {
        milestones: args.milestones,
        seed: args.seed,
    });
    write(&files, &args.out).with_context(|| format!("cannot write `{}`", args.out.display()))?;
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    println!(
        "wrote {} files, {} bytes, {} milestones to {}",
        files.len(),
        bytes,
        args.milestones,
        args.out.display()
    );
    Ok(())
}

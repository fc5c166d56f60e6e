//! `ragtime-floor DIR`: reads and parses every plan file below DIR into
//! `toml::Table`s on the rayon pool (RAYON_NUM_THREADS threads, else one per
//! core, as `ragtime`), and says how much it read. The time it takes is the
//! floor `ragtime`'s commands are compared with.

use std::path::PathBuf;

use anyhow::Result;
use clap::Parser;

#[derive(Parser)]
#[command(about = "Read and parse plan files into TOML tables, nothing more")]
struct Args {
    /// The plans folder.
    dir: PathBuf,
}

/// The allocator `ragtime` uses, so the floor differs from it only in what
/// it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let args = Args::parse();
    let count = ragtime_bench::floor::read_and_parse(&args.dir)?;
    println!(
        "{} files, {} bytes, {} records, {} threads",
        count.files,
        count.bytes,
        count.records,
        rayon::current_num_threads()
    );
    Ok(())
}

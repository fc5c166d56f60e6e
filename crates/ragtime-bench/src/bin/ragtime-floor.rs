//! `ragtime-floor DIR`: reads and parses every plan file below DIR into
//! `toml::Table`s on the rayon pool (RAYON_NUM_THREADS threads, else one per
//! core, as `ragtime`), and says how much it read. The time it takes is the
//! floor `ragtime`'s commands are compared with. `--lex` only splits each
//! file into tokens: the lower floor.

use std::path::PathBuf;

use anyhow::Result;
use clap::Parser;

#[derive(Parser)]
#[command(about = "Read and parse plan files into TOML tables, nothing more")]
struct Args {
    /// The plans folder.
    dir: PathBuf,
    /// Only lex the files (`toml_parser`'s tokens), the lower floor.
    #[arg(long)]
    lex: bool,
}

/// The allocator `ragtime` uses, so the floor differs from it only in what
/// it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let args = Args::parse();
    let floor = if args.lex {
        ragtime_bench::floor::Floor::Lex
    } else {
        ragtime_bench::floor::Floor::Table
    };
    let count = ragtime_bench::floor::read_and_parse(&args.dir, floor)?;
    println!(
        "{} files, {} bytes, {} {}, {} threads",
        count.files,
        count.bytes,
        count.records,
        if args.lex { "tokens" } else { "records" },
        rayon::current_num_threads()
    );
    Ok(())
}

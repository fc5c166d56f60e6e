//! Tools for measuring Ragtime: a generator of synthetic plan sets of any
//! size, and the parse-only floor that every command is compared with.
//!
//! Not part of the `ragtime` binary. The binaries are `ragtime-gen` (write a
//! plan set) and `ragtime-floor` (read and parse a plan set into
//! `toml::Table`s, nothing more); the benchmarks are in `benches/`.

pub mod floor;
pub mod generate;
mod words;

pub use generate::{GenFile, Options, generate, write};

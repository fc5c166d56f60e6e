//! `ragtime returns`: quarterly returns by spreadsheet. `make` writes one
//! workbook per owner to fill in; `import` reads them back into the
//! update logs.

mod import;
mod make;
mod workbook;

use anyhow::Result;

use crate::Outcome;
use crate::cli::{Args, ReturnsCommand};

pub fn run(args: &Args, command: &ReturnsCommand) -> Result<Outcome> {
    match command {
        ReturnsCommand::Make(make) => make::run(args, make),
        ReturnsCommand::Import(import) => import::run(args, import),
    }
}

//! `ragtime sample-report` (hidden): writes a made-up report in any format,
//! so a format or a browser can be checked without plans.

use anyhow::Result;

use crate::Outcome;
use crate::cli::SampleArgs;
use crate::write::sample;

pub fn run(args: &SampleArgs, color: crate::cli::ColorChoice) -> Result<Outcome> {
    let doc = if args.hostile {
        sample::hostile()
    } else {
        sample::board_pack()
    };
    crate::output::write_document(&doc, &args.output, color)?;
    Ok(Outcome::Ok)
}

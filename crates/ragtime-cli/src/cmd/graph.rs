//! `ragtime graph`: the governance picture as mermaid or dot.

use anyhow::Result;
use ragtime_core::governance::{Governance, GovernanceOptions};

use crate::Outcome;
use crate::cli::{Args, GraphArgs, GraphFormat};

pub fn run(args: &Args, graph: &GraphArgs) -> Result<Outcome> {
    let Some(plans) = super::load_sound(args)? else {
        return Ok(Outcome::Problems);
    };
    let picture = Governance::build(
        &plans.model,
        &plans.graph,
        GovernanceOptions {
            owners: graph.owners,
        },
    );
    crate::output::to_file_or_stdout(graph.output.as_deref(), |out| {
        match graph.format {
            GraphFormat::Mermaid => crate::diagram::mermaid(out, &picture)?,
            GraphFormat::Dot => crate::diagram::dot(out, &picture)?,
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

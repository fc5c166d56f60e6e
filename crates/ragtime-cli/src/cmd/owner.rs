//! `ragtime owner`: a service lead's own list (open milestones, overdue, due
//! soon, needing an update), or every owner's counts.
//!
//! The report is built in the core as a `Document` and written in any report
//! format.

use anyhow::Result;
use ragtime_core::report::owner::{OwnerOptions, owner_list, owners_summary};
use ragtime_core::{EntityRef, Kind, PlanSet};

use crate::Outcome;
use crate::cli::{Args, OwnerArgs};

pub fn run(args: &Args, owner: &OwnerArgs) -> Result<Outcome> {
    let Some(plans) = super::load_sound(args)? else {
        return Ok(Outcome::Problems);
    };
    let opts = OwnerOptions {
        as_of: owner.as_of.unwrap_or_else(super::today),
        within_days: owner.within,
    };
    let doc = match &owner.owner {
        Some(id) => owner_list(&plans, resolve(&plans, id)?, &opts),
        None => owners_summary(&plans, &opts),
    };
    super::write_report(&doc, &owner.output, args.color)?;
    Ok(Outcome::Ok)
}

fn resolve(plans: &PlanSet, id: &str) -> Result<ragtime_core::OwnerIx> {
    match super::ids::resolve(&plans.model, id, Some(Kind::Owner))? {
        EntityRef::Owner(ix) => Ok(ix),
        _ => unreachable!("resolve checks the kind"),
    }
}

//! `ragtime returns make`: one workbook per owner with live milestones,
//! written into a folder. A file already there is never replaced (it may
//! be a return being filled in): nothing is written until every name is
//! free, and each file is written whole.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use ragtime_core::returns::{self, ReturnBook};
use ragtime_core::{EntityRef, OwnerIx, PlanSet, diag};

use super::workbook;
use crate::Outcome;
use crate::cli::{Args, ReturnsMakeArgs};
use crate::output;

pub fn run(args: &Args, make: &ReturnsMakeArgs) -> Result<Outcome> {
    let Some(plans) = crate::cmd::load_sound(args)? else {
        return Ok(Outcome::Problems);
    };
    let owner = match &make.owner {
        Some(id) => Some(lookup_owner(&plans, id)?),
        None => None,
    };
    let books = returns::make(&plans, make.period, owner);
    if books.is_empty() {
        let whose = match &make.owner {
            Some(id) => format!("`{id}` has"),
            None => "no owner has".to_string(),
        };
        eprintln!(
            "no returns made: {whose} live milestones in {} (every one is complete, cancelled or added later)",
            make.period
        );
        return Ok(Outcome::Ok);
    }
    let files: Vec<(PathBuf, &ReturnBook)> = books
        .iter()
        .map(|b| {
            (
                make.output
                    .join(returns::file_name(b.period, &b.owner, "xlsx")),
                b,
            )
        })
        .collect();
    let taken: Vec<String> = files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| format!("`{}`", p.display()))
        .collect();
    if !taken.is_empty() {
        bail!(
            "nothing written: {} already there and may be being filled in; move {} \
             or write into another folder with `--output DIR`",
            taken.join(", "),
            if taken.len() == 1 { "it" } else { "them" }
        );
    }
    let made: Vec<(PathBuf, Vec<u8>, &ReturnBook)> = files
        .into_iter()
        .map(|(p, b)| {
            let bytes = workbook::write(b)
                .with_context(|| format!("cannot make the return for `{}`", b.owner))?;
            Ok((p, bytes, b))
        })
        .collect::<Result<_>>()?;
    std::fs::create_dir_all(&make.output)
        .with_context(|| format!("cannot create `{}`", make.output.display()))?;
    for (path, bytes, book) in &made {
        output::write_new(path, bytes)?;
        println!(
            "{}  {}",
            path.display(),
            count(book.rows.len(), "milestone", "milestones")
        );
    }
    eprintln!(
        "{} made for {}; send each to its owner, then `ragtime returns import FILES...`",
        count(made.len(), "return", "returns"),
        make.period
    );
    Ok(Outcome::Ok)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The owner with id `id`; anything else is a usage error with the
/// nearest owner id suggested.
fn lookup_owner(plans: &PlanSet, id: &str) -> Result<OwnerIx> {
    match plans.model.lookup(id) {
        Some(EntityRef::Owner(o)) => Ok(o),
        Some(other) => bail!("`{id}` is {}, not an owner", other.kind().with_article()),
        None => {
            let owners: Vec<&str> = plans.model.owners.iter().map(|o| o.id.as_str()).collect();
            match diag::did_you_mean(id, owners.iter().copied()) {
                Some(near) => bail!("no owner has the id `{id}`; did you mean `{near}`?"),
                None => {
                    bail!("no owner has the id `{id}` (owners are listed in the owners registry)")
                }
            }
        }
    }
}

//! `ragtime schema`: prints the JSON Schema of plan files (the one committed
//! as `docs/plan.schema.json`) for editors.

use std::io::Write;

use anyhow::Result;

use crate::Outcome;

pub fn run() -> Result<Outcome> {
    let mut out = std::io::stdout().lock();
    out.write_all(ragtime_core::schema::plan_schema_json().as_bytes())?;
    out.flush()?;
    Ok(Outcome::Ok)
}

//! `ragtime calendar`: milestone due dates as an iCalendar file.

use anyhow::Result;
use ragtime_core::{EntityRef, Kind};

use crate::Outcome;
use crate::cli::{Args, CalendarArgs};

pub fn run(args: &Args, cal: &CalendarArgs) -> Result<Outcome> {
    let Some(plans) = super::load_sound(args)? else {
        return Ok(Outcome::Problems);
    };
    // The CLI owns the clock: the core is always told the date.
    let as_of = cal.as_of.unwrap_or_else(super::today);
    let owner = match &cal.owner {
        None => None,
        Some(id) => match super::ids::resolve(&plans.model, id, Some(Kind::Owner))? {
            EntityRef::Owner(o) => Some(o),
            _ => unreachable!("resolve checks the kind"),
        },
    };
    let dates = ragtime_core::calendar::due_dates(&plans.model, as_of, owner);
    let text = crate::ics::calendar(&plans.model, &dates, as_of, owner, cal.remind);
    crate::output::to_file_or_stdout(cal.output.as_deref(), |out| {
        out.write_all(text.as_bytes())?;
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

//! `ragtime calendar`: milestone due dates as an iCalendar file.

use anyhow::{Result, bail};
use ragtime_core::EntityRef;

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
        Some(id) => match plans.model.lookup(id) {
            Some(EntityRef::Owner(o)) => Some(o),
            Some(other) => bail!("`{id}` is {}, not an owner", other.kind().with_article()),
            None => {
                let owners = plans.model.owners.iter().map(|o| o.id.as_str());
                match ragtime_core::diag::did_you_mean(id, owners) {
                    Some(near) => bail!("no owner `{id}`; did you mean `{near}`?"),
                    None => bail!("no owner `{id}` in the plans"),
                }
            }
        },
    };
    let dates = ragtime_core::calendar::due_dates(&plans.model, as_of, owner);
    let text = crate::ics::calendar(&plans.model, &dates, as_of, owner);
    crate::output::to_file_or_stdout(cal.output.as_deref(), |out| {
        out.write_all(text.as_bytes())?;
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

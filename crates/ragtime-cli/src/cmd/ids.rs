//! Ids typed on the command line, matched the same way by every command:
//! exactly, or else ignoring case (ids are unique ignoring case); an id of
//! the wrong kind, or of no item, is a usage error that names the kind
//! wanted and the nearest ids of that kind.

use anyhow::{Result, bail};
use ragtime_core::{EntityRef, Kind, Model};

/// How many near ids an error suggests.
const NEAREST: usize = 3;

/// The item with id `id`: exactly, or ignoring case.
pub fn find(model: &Model, id: &str) -> Option<EntityRef> {
    model.lookup(id).or_else(|| {
        let folded = id.to_lowercase();
        let mut same: Vec<&str> = model.ids().filter(|k| k.to_lowercase() == folded).collect();
        // Unique ignoring case in a sound plan set; in one with a clash
        // (already an error), take the first in id order.
        same.sort_unstable();
        same.first().and_then(|k| model.lookup(k))
    })
}

/// The item with id `id`, which must be of `kind` (any kind when `None`).
pub fn resolve(model: &Model, id: &str, kind: Option<Kind>) -> Result<EntityRef> {
    let what = kind.map_or("item".to_string(), |k| k.name().to_string());
    match (find(model, id), kind) {
        (Some(item), None) => Ok(item),
        (Some(item), Some(kind)) if item.kind() == kind => Ok(item),
        (Some(item), Some(kind)) => bail!(
            "`{}` is {}, not {}; {}",
            model.id_of(item),
            item.kind().with_article(),
            kind.with_article(),
            listing(model, id, Some(kind))
        ),
        (None, _) => bail!("no {what} has the id `{id}`; {}", listing(model, id, kind)),
    }
}

/// `did you mean `a`, `b` or `c`?`: the ids of `kind` nearest `id`; with
/// none near, every id of that kind when there are few, or where to look.
pub fn listing(model: &Model, id: &str, kind: Option<Kind>) -> String {
    let mut ids: Vec<&str> = match kind {
        Some(kind) => model
            .ids()
            .filter(|k| model.lookup(k).is_some_and(|e| e.kind() == kind))
            .collect(),
        None => model.ids().collect(),
    };
    ids.sort_unstable();
    let near = nearest(id, &ids);
    let quoted = |ids: &[&str]| {
        let q: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
        match q.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => q.join(""),
        }
    };
    let plural = kind.map_or("items", |k| match k {
        Kind::Strategy => "strategies",
        Kind::Priority => "priorities",
        Kind::Owner => "owners",
        Kind::Board => "boards",
        Kind::Objective => "objectives",
        Kind::Commitment => "commitments",
        Kind::Milestone => "milestones",
        Kind::Measure => "measures",
        Kind::Recommendation => "recommendations",
        Kind::Budget => "budget lines",
        Kind::Saving => "savings",
        Kind::Cap => "caps",
    });
    if !near.is_empty() {
        format!("did you mean {}?", quoted(&near))
    } else if ids.is_empty() {
        format!("there are no {plural} in the plans")
    } else if ids.len() <= 12 && kind.is_some() {
        let all: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
        format!("the {plural} are {}", all.join(", "))
    } else if kind == Some(Kind::Owner) {
        "`ragtime owner` lists the owners".to_string()
    } else {
        format!("the {plural} are listed in the plan files")
    }
}

/// Up to [`NEAREST`] ids close to `id` (ignoring case), closest first.
fn nearest<'a>(id: &str, ids: &[&'a str]) -> Vec<&'a str> {
    let folded = id.to_lowercase();
    let mut scored: Vec<(f64, &str)> = ids
        .iter()
        .map(|c| (strsim::jaro_winkler(&folded, &c.to_lowercase()), *c))
        .filter(|(score, _)| *score > 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(NEAREST).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ragtime_core::{Input, load};

    fn model() -> Model {
        let text = "[[owner]]\nid = \"hos-fostering\"\nrole = \"r\"\norg = \"o\"\n\
                    [[owner]]\nid = \"hos-adoption\"\nrole = \"r\"\norg = \"o\"\n\
                    [[board]]\nid = \"cpb\"\nname = \"B\"\n[[board]]\nid = \"cabinet\"\nname = \"C\"\n";
        load(vec![Input::new("r.toml", text)]).model
    }

    /// Regression: `explain`, `board`, `owner` and `calendar` matched ids
    /// exactly while `update` ignored case.
    #[test]
    fn ids_match_ignoring_case_in_every_command() {
        let m = model();
        let found = resolve(&m, "HOS-Fostering", Some(Kind::Owner)).unwrap();
        assert_eq!(m.id_of(found), "hos-fostering");
        assert_eq!(m.id_of(resolve(&m, "CPB", None).unwrap()), "cpb");
    }

    #[test]
    fn unknown_ids_get_the_nearest_ids_of_the_kind_wanted() {
        let m = model();
        let err = |id, kind| resolve(&m, id, kind).unwrap_err().to_string();
        assert_eq!(
            err("hos-fosterin", Some(Kind::Owner)),
            "no owner has the id `hos-fosterin`; did you mean `hos-fostering` or `hos-adoption`?"
        );
        assert_eq!(
            err("cpb", Some(Kind::Owner)),
            "`cpb` is a board, not an owner; the owners are `hos-adoption`, `hos-fostering`"
        );
        assert_eq!(
            err("scrutiny", Some(Kind::Board)),
            "no board has the id `scrutiny`; the boards are `cabinet`, `cpb`"
        );
    }
}

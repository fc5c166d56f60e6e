//! Narratives in the model: the item commented on and the author resolved
//! to the plan set's strategies, priorities and owners.

use chrono::NaiveDate;

use crate::build::{Part, date};
use crate::diag::{Code, Diagnostic, did_you_mean_id};
use crate::model::*;
use crate::source::{FileId, Loc};

/// What a narrative comments on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NarrativeItem {
    Strategy(StrategyIx),
    Priority(PriorityIx),
}

impl NarrativeItem {
    /// The strategy the item is, or belongs to.
    pub fn strategy(self, model: &Model) -> StrategyIx {
        match self {
            NarrativeItem::Strategy(s) => s,
            NarrativeItem::Priority(p) => model.priority(p).strategy,
        }
    }

    /// The item's id and title.
    pub fn id_and_title(self, model: &Model) -> (&str, &str) {
        match self {
            NarrativeItem::Strategy(s) => (&model.strategy(s).id, &model.strategy(s).title),
            NarrativeItem::Priority(p) => (&model.priority(p).id, &model.priority(p).title),
        }
    }
}

/// A lead officer's narrative, resolved.
#[derive(Clone, Debug)]
pub struct Narrative {
    pub item: NarrativeItem,
    /// The date it speaks as at.
    pub date: NaiveDate,
    pub by: OwnerIx,
    pub text: String,
    pub source: Option<String>,
    pub illustrative: bool,
    /// The `[[narrative]]` header.
    pub loc: Loc,
    /// Its `item`, `date` and `text` values, for findings.
    pub item_loc: Loc,
    pub date_loc: Loc,
    pub text_loc: Loc,
}

/// Builds the narratives of every part into `model`, once every other
/// item is in it, with a finding for each item or author that cannot be
/// resolved and each empty text. A narrative with such a problem is left
/// out; the finding already stops any report that shows it.
pub(crate) fn build(parts: &[Part], model: &mut Model, diags: &mut Vec<Diagnostic>) {
    let mut built = Vec::new();
    for part in parts {
        let file = part.file;
        for r in &part.raw.narratives {
            let header = Loc::new(file, r.span());
            let r = r.get_ref();
            let item = resolve_item(model, file, &r.item, diags);
            let by = resolve_owner(model, file, &r.by, diags);
            let when = date(diags, file, &r.date);
            let text_loc = Loc::new(file, r.text.span());
            let text = r.text.get_ref();
            if text.trim().is_empty() {
                diags.push(
                    Diagnostic::new(Code::EmptyNarrative, text_loc.clone(), "the narrative is empty")
                        .label("no text")
                        .help("write a few sentences on progress in the period, or remove the `[[narrative]]`"),
                );
                continue;
            }
            let (Some(item), Some(by), Some(date)) = (item, by, when) else {
                continue;
            };
            built.push(Narrative {
                item,
                date,
                by,
                text: text.clone(),
                source: r.source.clone(),
                illustrative: r.illustrative,
                loc: header,
                item_loc: Loc::new(file, r.item.span()),
                date_loc: Loc::new(file, r.date.span()),
                text_loc,
            });
        }
    }
    model.narratives = built;
}

/// Whether `id` was written on some item left out of the model (itself
/// broken, and reported there), or on none.
fn declared(model: &Model, id: &str) -> bool {
    model.ids.contains_key(id)
}

fn resolve_item(
    model: &Model,
    file: FileId,
    id: &crate::raw::SpannedStr,
    diags: &mut Vec<Diagnostic>,
) -> Option<NarrativeItem> {
    let here = Loc::new(file, id.span());
    let text = id.get_ref().as_str();
    match model.lookup(text) {
        Some(EntityRef::Strategy(s)) => Some(NarrativeItem::Strategy(s)),
        Some(EntityRef::Priority(p)) => Some(NarrativeItem::Priority(p)),
        Some(other) => {
            diags.push(
                Diagnostic::new(
                    Code::NarrativeItem,
                    here,
                    format!(
                        "`{text}` is {}: a narrative is on a strategy or a priority",
                        other.kind().with_article()
                    ),
                )
                .label("not a strategy or a priority")
                .secondary(model.loc_of(other).clone(), "defined here")
                .help(match other.kind() {
                    Kind::Commitment | Kind::Milestone | Kind::Objective | Kind::Measure => {
                        "name its priority: say what you would about it in the priority's narrative \
                         (a milestone's progress goes in its update log)"
                    }
                    _ => "name the strategy or priority the narrative comments on",
                }),
            );
            None
        }
        None if declared(model, text) => None,
        None => {
            let mut candidates: Vec<&str> = model
                .strategies
                .iter()
                .map(|s| s.id.as_str())
                .chain(model.priorities.iter().map(|p| p.id.as_str()))
                .collect();
            candidates.sort_unstable();
            let d = Diagnostic::new(
                Code::UnknownRef,
                here,
                format!("no strategy or priority has the id `{text}`"),
            )
            .label("unknown strategy or priority");
            diags.push(match did_you_mean_id(text, candidates) {
                Some(best) => d.help(format!("did you mean `{best}`?")),
                None => d.help("name the strategy or priority the narrative comments on"),
            });
            None
        }
    }
}

fn resolve_owner(
    model: &Model,
    file: FileId,
    id: &crate::raw::SpannedStr,
    diags: &mut Vec<Diagnostic>,
) -> Option<OwnerIx> {
    let here = Loc::new(file, id.span());
    let text = id.get_ref().as_str();
    match model.lookup(text) {
        Some(EntityRef::Owner(o)) => Some(o),
        Some(other) => {
            diags.push(
                Diagnostic::new(
                    Code::WrongKindRef,
                    here,
                    format!("`{text}` is {}, not an owner", other.kind().with_article()),
                )
                .label("expected an owner")
                .secondary(model.loc_of(other).clone(), "defined here")
                .help("`by` is the owner id of the lead officer who wrote the narrative"),
            );
            None
        }
        None if declared(model, text) => None,
        None => {
            let mut candidates: Vec<&str> = model.owners.iter().map(|o| o.id.as_str()).collect();
            candidates.sort_unstable();
            let d = Diagnostic::new(
                Code::UnknownRef,
                here,
                format!("no owner has the id `{text}`"),
            )
            .label("unknown owner");
            diags.push(match did_you_mean_id(text, candidates) {
                Some(best) => d.help(format!("did you mean `{best}`?")),
                None => d.help("add it to the owner registry, or fix the spelling"),
            });
            None
        }
    }
}

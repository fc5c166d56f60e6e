//! Placing each file's records: which strategy each belongs to, read from
//! the ids written in it (a milestone is below its commitment, a
//! commitment below its priority, a priority below its strategy), whether
//! or not the records were built, and from that what each file reaches.

use std::collections::{BTreeMap, BTreeSet};

use super::{Everywhere, FileReach, Reach};
use crate::build::Part;
use crate::model::IdMap;
use crate::raw::{BrokenRecord, RawFile};

/// Where a record says it belongs.
#[derive(Clone, Debug)]
enum Place {
    Strategy(String),
    /// Below the item with this id (a priority, commitment or strategy).
    Below(String),
    Unknown,
}

/// A record other records may say they are below.
struct Node {
    place: Place,
}

/// The records others are placed below, and the strategies each place was
/// found to lead to.
struct Placer<'a> {
    nodes: IdMap<&'a str, Vec<Node>>,
    memo: IdMap<String, Option<BTreeSet<String>>>,
}

impl<'a> Placer<'a> {
    fn new(parts: &'a [Part]) -> Placer<'a> {
        let mut nodes: IdMap<&str, Vec<Node>> = IdMap::default();
        for part in parts {
            index(&part.raw, &mut nodes);
        }
        // Milestones are placed below their commitment; only the few that
        // deliver a recommendation or are funded need a node of their own.
        let wanted: IdMap<&str, ()> = parts
            .iter()
            .flat_map(|p| {
                let raw = &p.raw;
                raw.recommendations
                    .iter()
                    .flat_map(|r| r.get_ref().delivered_by.iter())
                    .chain(money_items(raw))
            })
            .map(|d| (d.get_ref().as_str(), ()))
            .collect();
        if !wanted.is_empty() {
            for part in parts {
                for (id, commitment) in part.milestone_commitment_pairs() {
                    if wanted.contains_key(id) {
                        nodes.entry(id).or_default().push(Node {
                            place: Place::Below(commitment.to_string()),
                        });
                    }
                }
            }
        }
        Placer {
            nodes,
            memo: IdMap::default(),
        }
    }

    /// The strategies `place` leads to, or `None` when some step is unknown.
    fn resolve(&mut self, place: &Place) -> Option<BTreeSet<String>> {
        resolve(place, &self.nodes, &mut self.memo, 0)
    }

    /// Places a record of the file whose reach is `r`: adds its strategies,
    /// or makes the file reach everything when they cannot be worked out.
    fn place(&mut self, place: &Place, r: &mut FileReach) -> Option<BTreeSet<String>> {
        let found = self.resolve(place);
        match &found {
            Some(s) => r.strategies.extend(s.iter().cloned()),
            None => r.everywhere = r.everywhere.or(Some(Everywhere::Unplaced)),
        }
        found
    }
}

impl Reach {
    /// Works out what each of `files` files reaches from the records read
    /// (`parts`, in file order; a file with no part could not be read).
    pub(crate) fn of(parts: &[Part], files: usize) -> Reach {
        let mut placer = Placer::new(parts);
        let mut reach = Reach {
            files: vec![
                FileReach {
                    everywhere: Some(Everywhere::Unread),
                    ..FileReach::default()
                };
                files
            ],
            evidence: BTreeMap::new(),
            delivery: BTreeMap::new(),
        };
        for part in parts {
            let r = file_reach(&mut placer, part, &mut reach.evidence);
            reach.files[part.file().index()] = r;
        }
        reach.delivery = delivery(&mut placer, parts);
        reach
    }
}

/// What one file reaches; the measures its commitments name are added to
/// `evidence` under their strategies.
fn file_reach(
    placer: &mut Placer,
    part: &Part,
    evidence: &mut BTreeMap<String, BTreeSet<String>>,
) -> FileReach {
    let mut r = FileReach::default();
    let raw = &part.raw;
    if !raw.owners.is_empty() || !raw.boards.is_empty() {
        r.everywhere = Some(Everywhere::Registry);
    } else if raw.settings.is_some() {
        r.everywhere = Some(Everywhere::Settings);
    }
    let own = own_strategy(raw);
    if let Some(s) = &raw.strategy {
        let s = s.get_ref();
        r.strategies.insert(s.id.get_ref().clone());
        r.boards
            .extend(s.boards.iter().map(|b| b.get_ref().clone()));
    }
    for p in &raw.priorities {
        let strategy = p.get_ref().strategy.as_ref().map(|s| s.get_ref());
        placer.place(&owned(strategy, own), &mut r);
    }
    for o in &raw.objectives {
        placer.place(
            &Place::Below(o.get_ref().priority.get_ref().clone()),
            &mut r,
        );
    }
    for c in &raw.commitments {
        let c = c.get_ref();
        let at = placer.place(&Place::Below(c.priority.get_ref().clone()), &mut r);
        r.boards
            .extend(c.boards.iter().map(|b| b.get_ref().clone()));
        for s in at.into_iter().flatten() {
            let named = c.measures.iter().map(|m| m.get_ref().clone());
            evidence.entry(s).or_default().extend(named);
        }
    }
    for name in part.milestone_commitments() {
        placer.place(&Place::Below(name.to_string()), &mut r);
    }
    for m in &raw.measures {
        let m = m.get_ref();
        placer.place(
            &owned(m.strategy.as_ref().map(|s| s.get_ref()), own),
            &mut r,
        );
        r.measures.insert(m.id.get_ref().clone());
    }
    for n in &raw.narratives {
        placer.place(&Place::Below(n.get_ref().item.get_ref().clone()), &mut r);
    }
    // A recommendation is shown in the packs of the committee that made it
    // and of the executive that answered it.
    for rec in &raw.recommendations {
        r.boards.extend(recommendation_boards(rec.get_ref()));
    }
    for item in money_items(raw) {
        placer.place(&Place::Below(item.get_ref().clone()), &mut r);
    }
    for b in &raw.broken {
        place_broken(placer, b, own, &mut r, evidence);
    }
    r
}

/// Places a record that could not be read, by what it still says.
fn place_broken(
    placer: &mut Placer,
    b: &BrokenRecord,
    own: Option<&str>,
    r: &mut FileReach,
    evidence: &mut BTreeMap<String, BTreeSet<String>>,
) {
    match b.section.as_str() {
        "owner" | "board" => r.everywhere = Some(Everywhere::Registry),
        "settings" => r.everywhere = r.everywhere.or(Some(Everywhere::Settings)),
        "recommendation" => match b.get("committee") {
            Some([committee]) => {
                r.boards.insert(committee.clone());
            }
            _ => r.everywhere = r.everywhere.or(Some(Everywhere::Unplaced)),
        },
        "strategy" => match (b.get("id"), b.get("boards")) {
            (Some([id]), Some(boards)) => {
                r.strategies.insert(id.clone());
                r.boards.extend(boards.iter().cloned());
            }
            // Which boards oversee it is not known.
            _ => r.everywhere = r.everywhere.or(Some(Everywhere::Unplaced)),
        },
        section => {
            let at = placer.place(&broken_place(section, b, own), r);
            r.boards
                .extend(b.get("boards").unwrap_or_default().iter().cloned());
            if section == "commitment" {
                for s in at.into_iter().flatten() {
                    let named = b.get("measures").unwrap_or_default().iter().cloned();
                    evidence.entry(s).or_default().extend(named);
                }
            }
            if section == "measure"
                && let Some([id]) = b.get("id")
            {
                r.measures.insert(id.clone());
            }
        }
    }
}

/// For each board, the strategies of what delivers the recommendations it
/// made or answered.
fn delivery(placer: &mut Placer, parts: &[Part]) -> BTreeMap<String, BTreeSet<String>> {
    let mut delivery: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for rec in parts.iter().flat_map(|p| &p.raw.recommendations) {
        let rec = rec.get_ref();
        let mut strategies = BTreeSet::new();
        for d in &rec.delivered_by {
            // An unknown one is an error in the recommendation's own file,
            // which the packs of its boards draw on anyway.
            let at = Place::Below(d.get_ref().clone());
            strategies.extend(placer.resolve(&at).into_iter().flatten());
        }
        for b in recommendation_boards(rec) {
            delivery
                .entry(b)
                .or_default()
                .extend(strategies.iter().cloned());
        }
    }
    delivery
}

/// What the file's budget lines, savings and caps are for: a strategy, a
/// priority, a commitment or a milestone.
fn money_items(raw: &RawFile) -> impl Iterator<Item = &crate::raw::SpannedStr> {
    raw.budgets
        .iter()
        .map(|b| &b.get_ref().r#for)
        .chain(raw.savings.iter().map(|s| &s.get_ref().r#for))
        .chain(raw.caps.iter().map(|c| &c.get_ref().r#for))
}

/// The boards whose packs show a recommendation: the committee that made
/// it and the executive that answered it.
fn recommendation_boards(rec: &crate::recommendations::RawRecommendation) -> Vec<String> {
    let mut boards = vec![rec.committee.get_ref().clone()];
    if let Some(resp) = &rec.response {
        boards.push(resp.get_ref().by.get_ref().clone());
    }
    boards
}

/// The `[strategy]` of a file, which its priorities and measures belong to
/// unless they say otherwise: its id, even when the table could not be
/// read whole.
fn own_strategy(raw: &RawFile) -> Option<&str> {
    raw.strategy
        .as_ref()
        .map(|s| s.get_ref().id.get_ref().as_str())
        .or_else(|| {
            raw.broken
                .iter()
                .find_map(|b| match (b.section.as_str(), b.get("id")) {
                    ("strategy", Some([id])) => Some(id.as_str()),
                    _ => None,
                })
        })
}

/// A priority's or measure's place: its `strategy` key, or its file's.
fn owned(strategy: Option<&String>, own: Option<&str>) -> Place {
    match (strategy, own) {
        (Some(s), _) => Place::Strategy(s.clone()),
        (None, Some(s)) => Place::Strategy(s.to_string()),
        (None, None) => Place::Unknown,
    }
}

/// Where a record that could not be read says it belongs.
fn broken_place(section: &str, b: &BrokenRecord, own: Option<&str>) -> Place {
    let one = |key: &str| match b.get(key) {
        Some([v]) => Some(v.clone()),
        _ => None,
    };
    match section {
        "priority" | "measure" => owned(one("strategy").as_ref(), own),
        "objective" | "commitment" => one("priority").map_or(Place::Unknown, Place::Below),
        "milestone" => one("commitment").map_or(Place::Unknown, Place::Below),
        "budget" | "saving" | "cap" => one("for").map_or(Place::Unknown, Place::Below),
        "narrative" => one("item").map_or(Place::Unknown, Place::Below),
        // A table under an unknown key: whatever it names.
        _ => one("commitment")
            .or_else(|| one("priority"))
            .or_else(|| one("item"))
            .map(Place::Below)
            .or_else(|| one("strategy").map(Place::Strategy))
            .unwrap_or(Place::Unknown),
    }
}

/// Adds the records of `raw` that others say they are below: strategies,
/// priorities and commitments, read or broken.
fn index<'a>(raw: &'a RawFile, nodes: &mut IdMap<&'a str, Vec<Node>>) {
    let own = own_strategy(raw);
    let mut add = |id: &'a str, place: Place| nodes.entry(id).or_default().push(Node { place });
    if let Some(s) = &raw.strategy {
        let id = s.get_ref().id.get_ref();
        add(id, Place::Strategy(id.clone()));
    }
    for p in &raw.priorities {
        let p = p.get_ref();
        add(
            p.id.get_ref(),
            owned(p.strategy.as_ref().map(|s| s.get_ref()), own),
        );
    }
    for c in &raw.commitments {
        let c = c.get_ref();
        add(c.id.get_ref(), Place::Below(c.priority.get_ref().clone()));
    }
    for b in &raw.broken {
        let Some([id]) = b.get("id") else { continue };
        match b.section.as_str() {
            "strategy" => add(id, Place::Strategy(id.clone())),
            "priority" | "commitment" => add(id, broken_place(&b.section, b, own)),
            _ => {}
        }
    }
}

/// The strategies `place` leads to, or `None` when some step is unknown.
/// A record may be below a strategy, a priority or a commitment, so a
/// chain is at most three steps; a longer one is a circle of bad ids.
fn resolve(
    place: &Place,
    nodes: &IdMap<&str, Vec<Node>>,
    memo: &mut IdMap<String, Option<BTreeSet<String>>>,
    depth: u8,
) -> Option<BTreeSet<String>> {
    match place {
        Place::Strategy(s) => Some(BTreeSet::from([s.clone()])),
        Place::Unknown => None,
        Place::Below(id) => {
            if let Some(found) = memo.get(id.as_str()) {
                return found.clone();
            }
            if depth > 3 {
                return None;
            }
            let found = match nodes.get(id.as_str()) {
                None => None,
                Some(list) => {
                    let mut all = BTreeSet::new();
                    let mut known = true;
                    for n in list {
                        match resolve(&n.place, nodes, memo, depth + 1) {
                            Some(s) => all.extend(s),
                            None => known = false,
                        }
                    }
                    known.then_some(all)
                }
            };
            memo.insert(id.clone(), found.clone());
            found
        }
    }
}

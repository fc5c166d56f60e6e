//! What each plan file contributes to, so that a report is made when the
//! files its own scope draws on are sound: a typo in one lead's file does
//! not hold up the pack of a board that does not oversee it, and a problem
//! in a file the pack does draw on still stops it.
//!
//! A file reaches **every** report when it could not be read (it may hold
//! anything), when it holds owners, boards or the settings (every report
//! uses them), or when it holds a record whose strategy cannot be worked
//! out (a milestone whose commitment is unknown could belong to any
//! strategy). Otherwise it reaches the strategies its records belong to
//! (money by what it is `for`), the boards its strategies, commitments and
//! recommendations name, and the measures it holds. Records are placed from what is written in them, whether or not
//! they made it into the model: a record too broken to build still says
//! where it belongs, so a report is not made while one of its own records
//! is missing.

use std::collections::{BTreeMap, BTreeSet};

use crate::build::Part;
use crate::diag::{Diagnostic, Severity};
use crate::model::{BoardIx, IdMap, MeasureIx, StrategyIx};
use crate::raw::{BrokenRecord, RawFile};
use crate::rollup::{Scope, Tree};
use crate::source::FileId;
use crate::{Model, PlanSet};

/// Why a file reaches every report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Everywhere {
    /// It could not be read as TOML (or as text): it may hold anything.
    Unread,
    /// It holds owners or boards, which every report uses.
    Registry,
    /// It holds the settings, which every report uses.
    Settings,
    /// It holds a record whose strategy cannot be worked out.
    Unplaced,
}

impl Everywhere {
    /// Why, in words: "could not be read, so it may hold anything".
    pub fn reason(self) -> &'static str {
        match self {
            Everywhere::Unread => "could not be read, so it may hold anything",
            Everywhere::Registry => "holds owners or boards, which every report uses",
            Everywhere::Settings => "holds the settings, which every report uses",
            Everywhere::Unplaced => {
                "holds a record whose strategy cannot be worked out, which may belong anywhere"
            }
        }
    }
}

/// What one file contributes to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileReach {
    /// Set when the file reaches every report.
    pub everywhere: Option<Everywhere>,
    /// The ids of the strategies its records belong to.
    pub strategies: BTreeSet<String>,
    /// The ids of the boards its strategies and commitments name.
    pub boards: BTreeSet<String>,
    /// The ids of the measures it holds.
    pub measures: BTreeSet<String>,
}

/// What a report draws on: the ids of its strategies (whole or in part),
/// of the boards whose oversight it shows, and of the measures it uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draws {
    pub strategies: BTreeSet<String>,
    pub boards: BTreeSet<String>,
    pub measures: BTreeSet<String>,
}

/// What every file of a plan set contributes to.
#[derive(Clone, Debug, Default)]
pub struct Reach {
    /// By file, in the plan set's file order.
    pub files: Vec<FileReach>,
    /// For each strategy id, the measure ids its commitments name (as
    /// written, whether or not those commitments were built).
    evidence: BTreeMap<String, BTreeSet<String>>,
    /// For each board id, the strategies of the items delivering the
    /// recommendations it made or answered: a pack's tracker shows how far
    /// each is delivered.
    delivery: BTreeMap<String, BTreeSet<String>>,
}

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

impl Reach {
    /// Works out what each of `files` files reaches from the records read
    /// (`parts`, in file order; a file with no part could not be read).
    pub(crate) fn of(parts: &[Part], files: usize) -> Reach {
        let mut nodes: IdMap<&str, Vec<Node>> = IdMap::default();
        for part in parts {
            index(&part.raw, &mut nodes);
        }
        // Milestones are placed below their commitment; only the few that
        // deliver a recommendation or are funded need a node of their own.
        let delivering: IdMap<&str, ()> = parts
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
        if !delivering.is_empty() {
            for part in parts {
                for (id, commitment) in part.milestone_commitment_pairs() {
                    if delivering.contains_key(id) {
                        nodes.entry(id).or_default().push(Node {
                            place: Place::Below(commitment.to_string()),
                        });
                    }
                }
            }
        }
        let mut memo: IdMap<String, Option<BTreeSet<String>>> = IdMap::default();
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
            let mut r = FileReach::default();
            let mut place = |p: &Place, r: &mut FileReach| -> Option<BTreeSet<String>> {
                let found = resolve(p, &nodes, &mut memo, 0);
                match &found {
                    Some(s) => r.strategies.extend(s.iter().cloned()),
                    None => r.everywhere = r.everywhere.or(Some(Everywhere::Unplaced)),
                }
                found
            };
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
                place(
                    &owned(p.get_ref().strategy.as_ref().map(|s| s.get_ref()), own),
                    &mut r,
                );
            }
            for o in &raw.objectives {
                place(
                    &Place::Below(o.get_ref().priority.get_ref().clone()),
                    &mut r,
                );
            }
            for c in &raw.commitments {
                let c = c.get_ref();
                let at = place(&Place::Below(c.priority.get_ref().clone()), &mut r);
                r.boards
                    .extend(c.boards.iter().map(|b| b.get_ref().clone()));
                for s in at.into_iter().flatten() {
                    reach
                        .evidence
                        .entry(s)
                        .or_default()
                        .extend(c.measures.iter().map(|m| m.get_ref().clone()));
                }
            }
            for name in part.milestone_commitments() {
                place(&Place::Below(name.to_string()), &mut r);
            }
            for m in &raw.measures {
                let m = m.get_ref();
                place(
                    &owned(m.strategy.as_ref().map(|s| s.get_ref()), own),
                    &mut r,
                );
                r.measures.insert(m.id.get_ref().clone());
            }
            for n in &raw.narratives {
                place(&Place::Below(n.get_ref().item.get_ref().clone()), &mut r);
            }
            // A recommendation is shown in the packs of the committee that
            // made it and of the executive that answered it.
            for rec in &raw.recommendations {
                r.boards.extend(recommendation_boards(rec.get_ref()));
            }
            for item in money_items(raw) {
                place(&Place::Below(item.get_ref().clone()), &mut r);
            }
            for b in &raw.broken {
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
                        let at = place(&broken_place(section, b, own), &mut r);
                        r.boards
                            .extend(b.get("boards").unwrap_or_default().iter().cloned());
                        if section == "commitment" {
                            for s in at.into_iter().flatten() {
                                reach
                                    .evidence
                                    .entry(s)
                                    .or_default()
                                    .extend(b.get("measures").unwrap_or_default().iter().cloned());
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
            reach.files[part.file().index()] = r;
        }
        for rec in parts.iter().flat_map(|p| &p.raw.recommendations) {
            let rec = rec.get_ref();
            let mut strategies = BTreeSet::new();
            for d in &rec.delivered_by {
                // An unknown one is an error in the recommendation's own
                // file, which the packs of its boards draw on anyway.
                let at = Place::Below(d.get_ref().clone());
                strategies.extend(resolve(&at, &nodes, &mut memo, 0).into_iter().flatten());
            }
            for b in recommendation_boards(rec) {
                reach
                    .delivery
                    .entry(b)
                    .or_default()
                    .extend(strategies.iter().cloned());
            }
        }
        reach
    }

    /// What a report over `scope` draws on, with the boards whose oversight
    /// it shows: the strategies it touches and those delivering the
    /// recommendations of those boards, and every measure it uses (those in
    /// scope, and those named by the commitments of its strategies).
    pub fn draws(&self, model: &Model, tree: &Tree, scope: &Scope, boards: &[BoardIx]) -> Draws {
        let strategies: BTreeSet<String> = (0..model.strategies.len())
            .map(StrategyIx::from_usize)
            .filter(|&s| scope.touches(tree, s))
            .map(|s| model.strategy(s).id.clone())
            .collect();
        let mut measures: BTreeSet<String> = (0..model.measures.len())
            .map(MeasureIx::from_usize)
            .filter(|&m| scope.has_measure(m))
            .map(|m| model.measure(m).id.clone())
            .collect();
        let boards: BTreeSet<String> = boards.iter().map(|&b| model.board(b).id.clone()).collect();
        let mut strategies = strategies;
        for b in &boards {
            strategies.extend(self.delivery.get(b).into_iter().flatten().cloned());
        }
        for s in &strategies {
            measures.extend(self.evidence.get(s).into_iter().flatten().cloned());
        }
        Draws {
            strategies,
            boards,
            measures,
        }
    }

    /// Whether `file` contributes to a report that draws on `draws`.
    pub fn reaches(&self, file: FileId, draws: &Draws) -> bool {
        let Some(r) = self.files.get(file.index()) else {
            return true;
        };
        r.everywhere.is_some() || Self::shares(r, draws)
    }

    /// Why `file` is drawn on by every report, when that is the only
    /// reason a report that draws on `draws` draws on it: to explain why
    /// a file that holds none of its strategies holds it up.
    pub fn only_everywhere(&self, file: FileId, draws: &Draws) -> Option<Everywhere> {
        let r = self.files.get(file.index())?;
        r.everywhere.filter(|_| !Self::shares(r, draws))
    }

    fn shares(r: &FileReach, draws: &Draws) -> bool {
        r.strategies.iter().any(|s| draws.strategies.contains(s))
            || r.boards.iter().any(|b| draws.boards.contains(b))
            || r.measures.iter().any(|m| draws.measures.contains(m))
    }
}

/// The errors of a plan set, split by whether they are in a file a report
/// draws on.
#[derive(Clone, Debug, Default)]
pub struct Held<'a> {
    /// Errors in the files the report draws on: it is not made.
    pub inside: Vec<&'a Diagnostic>,
    /// Errors only in other files: the report is made, and they are counted.
    pub outside: Vec<&'a Diagnostic>,
}

impl PlanSet {
    /// This plan set's errors for a report that draws on `draws`. An error
    /// is inside when any place it points at (its own, or a place that
    /// explains it) is in a file the report draws on.
    pub fn errors_for(&self, draws: &Draws) -> Held<'_> {
        let mut held = Held::default();
        for d in self
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
        {
            let inside = std::iter::once(&d.primary)
                .chain(&d.secondary)
                .any(|l| self.reach.reaches(l.loc.file, draws));
            if inside {
                held.inside.push(d);
            } else {
                held.outside.push(d);
            }
        }
        held
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityRef;
    use crate::testing::load_files;

    const REGISTRY: &str = r#"
[[owner]]
id = "hos"
role = "Head of Service"
org = "Council"

[[board]]
id = "ba"
name = "Board A"

[[board]]
id = "bb"
name = "Board B"
"#;

    /// A strategy `id` overseen by `board`, with one priority, commitment
    /// and milestone; `extra` goes at the end.
    fn strategy(id: &str, board: &str, extra: &str) -> String {
        format!(
            r#"[strategy]
id = "{id}"
title = "Strategy {id}"
start = 2025-01-01
end = 2027-12-31
owner = "hos"
boards = ["{board}"]

[[priority]]
id = "{id}-P1"
title = "Priority"

[[commitment]]
id = "{id}-C1"
priority = "{id}-P1"
text = "We will."
owner = "hos"
due = 2026-03-31

[[milestone]]
id = "{id}-M1"
commitment = "{id}-C1"
title = "Milestone"
owner = "hos"
added = 2025-01-01
due = 2025-06-30
{extra}"#
        )
    }

    const BAD_STATUS: &str = r#"
  [[milestone.update]]
  date = 2025-03-31
  status = "on-trak"
  by = "hos"
"#;

    /// Whether board `board`'s pack is held by the plan set's errors.
    fn held(plans: &PlanSet, board: &str) -> bool {
        let Some(EntityRef::Board(b)) = plans.model.lookup(board) else {
            panic!("no board {board}");
        };
        let model = &plans.model;
        let draws = plans.reach.draws(
            model,
            &Tree::build(model),
            &Scope::board(model, &plans.graph, b),
            &plans.graph.oversight(model, b).boards,
        );
        let held = plans.errors_for(&draws);
        assert_eq!(
            held.inside.len() + held.outside.len(),
            plans.error_count(),
            "every error is counted once"
        );
        !held.inside.is_empty()
    }

    fn two(a_extra: &str, b_extra: &str) -> PlanSet {
        load_files(&[
            ("registry.toml", REGISTRY),
            ("a.toml", &strategy("A", "ba", a_extra)),
            ("b.toml", &strategy("B", "bb", b_extra)),
        ])
    }

    /// The bug: one bad status in one lead's file stopped every board's
    /// pack, even the packs of boards that do not oversee that strategy.
    #[test]
    fn a_bad_status_holds_only_the_packs_of_its_own_strategy() {
        let plans = two("", BAD_STATUS);
        assert_eq!(plans.error_count(), 1);
        assert!(!held(&plans, "ba"));
        assert!(held(&plans, "bb"));
    }

    #[test]
    fn registries_settings_and_unread_files_hold_every_pack() {
        let registry = REGISTRY.replacen(
            "org = \"Council\"",
            "org = \"Council\"\nsector = \"cuoncil\"",
            1,
        );
        let plans = load_files(&[
            ("registry.toml", &registry),
            ("a.toml", &strategy("A", "ba", "")),
        ]);
        assert!(held(&plans, "ba"));
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("a.toml", &strategy("A", "ba", "")),
            ("settings.toml", "[settings]\nscale = \"bragg\"\n"),
        ]);
        assert!(held(&plans, "ba"));
        assert_eq!(plans.reach.files[2].everywhere, Some(Everywhere::Settings));
        // A file that is not TOML may hold anything.
        let plans = two("", "oops = [\n");
        assert_eq!(plans.reach.files[2].everywhere, Some(Everywhere::Unread));
        assert!(held(&plans, "ba"));
    }

    #[test]
    fn a_record_that_cannot_be_placed_holds_every_pack() {
        // Its commitment is unknown: it could be any strategy's.
        let lost = "\n[[milestone]]\nid = \"B-M2\"\ncommitment = \"B-C9\"\ntitle = \"t\"\nowner = \"hos\"\nadded = 2025-01-01\ndue = 2025-06-30\n";
        let plans = two("", lost);
        assert_eq!(plans.reach.files[2].everywhere, Some(Everywhere::Unplaced));
        assert!(held(&plans, "ba"));
        // Too broken to read (no owner), but it names its commitment.
        let broken = "\n[[milestone]]\nid = \"B-M2\"\ncommitment = \"B-C1\"\ntitle = \"t\"\nadded = 2025-01-01\ndue = 2025-06-30\n";
        let plans = two("", broken);
        assert_eq!(plans.error_count(), 1);
        assert_eq!(plans.reach.files[2].everywhere, None);
        assert!(!held(&plans, "ba"));
        assert!(held(&plans, "bb"));
        // A misspelt table name that names its commitment is placed too.
        let misspelt = broken.replace("[[milestone]]", "[[milstone]]");
        let plans = two("", &misspelt);
        assert!(!held(&plans, "ba"));
        assert!(held(&plans, "bb"));
    }

    #[test]
    fn a_strategy_too_broken_to_build_still_holds_its_boards_packs() {
        // No owner: the strategy is left out of the model, so board B
        // oversees nothing there; its pack must not be made without it.
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("a.toml", &strategy("A", "ba", "")),
            (
                "b.toml",
                &strategy("B", "bb", "").replacen("owner = \"hos\"\nboards", "boards", 1),
            ),
        ]);
        assert!(plans.model.strategies.iter().all(|s| s.id != "B"));
        assert!(held(&plans, "bb"));
        assert!(!held(&plans, "ba"));
    }

    #[test]
    fn a_broken_commitment_another_board_oversees_holds_that_boards_pack() {
        // B's commitment C2, overseen by board A too, has a bad owner.
        let extra = "\n[[commitment]]\nid = \"B-C2\"\npriority = \"B-P1\"\ntext = \"We will.\"\nowner = \"hso\"\nboards = [\"ba\"]\n";
        let plans = two("", extra);
        assert!(held(&plans, "ba"));
    }

    #[test]
    fn a_measure_of_another_strategy_evidencing_a_commitment_in_scope_holds_the_pack() {
        // A's commitment is evidenced by a measure held in B's file, whose
        // target is out of order.
        let a = strategy("A", "ba", "").replacen(
            "due = 2026-03-31",
            "due = 2026-03-31\nmeasures = [\"B-M\"]",
            1,
        );
        let measure = "\n[[measure]]\nid = \"B-M\"\nname = \"m\"\ndirection = \"higher\"\nbaseline = { date = 2025-01-01, value = 1 }\ninterim = [{ date = 2028-01-01, value = 2 }]\ntarget = { date = 2027-01-01, value = 3 }\n";
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("a.toml", &a),
            ("b.toml", &strategy("B", "bb", measure)),
        ]);
        assert!(plans.error_count() > 0, "{:#?}", plans.diagnostics);
        assert!(held(&plans, "ba"));
        // An error in the same file, but on B's own milestone, would hold
        // A's pack too: the file holds the measure A uses.
        let plans = load_files(&[
            ("registry.toml", REGISTRY),
            ("a.toml", &a),
            (
                "b.toml",
                &strategy(
                    "B",
                    "bb",
                    &format!(
                        "{BAD_STATUS}{}",
                        measure.replace("2028-01-01", "2026-01-01")
                    ),
                ),
            ),
        ]);
        assert!(held(&plans, "ba"));
    }

    /// A recommendation file is drawn on by the packs of the committee
    /// that made its recommendations; a pack showing a recommendation
    /// draws on the strategies of what delivers it.
    #[test]
    fn recommendations_reach_their_committees_and_draw_on_what_delivers_them() {
        let rec = |delivered: &str, made: &str| {
            format!(
                "[[recommendation]]\nid = \"R1\"\ncommittee = \"ba\"\nmade = {made}\ntitle = \"t\"\n\
                 text = \"t\"\ndelivered-by = [\"{delivered}\"]\n"
            )
        };
        let plans = |rec: &str, b_extra: &str| {
            load_files(&[
                ("registry.toml", REGISTRY),
                ("a.toml", &strategy("A", "ba", "")),
                ("b.toml", &strategy("B", "bb", b_extra)),
                ("recs.toml", rec),
            ])
        };
        // Its date in quotes, so it cannot be read: board A's pack waits,
        // board B's does not.
        let broken = plans(&rec("B-M1", "\"2025-03-01\""), "");
        assert_eq!(
            broken.reach.files[3].boards,
            BTreeSet::from(["ba".to_string()])
        );
        assert!(held(&broken, "ba"));
        assert!(!held(&broken, "bb"));
        // A sound recommendation delivered by B's milestone: a problem in
        // B's file holds board A's pack, whose tracker shows that delivery.
        let delivered = plans(&rec("B-M1", "2025-03-01"), BAD_STATUS);
        assert!(held(&delivered, "ba"));
        let elsewhere = plans(&rec("A-M1", "2025-03-01"), BAD_STATUS);
        assert!(!held(&elsewhere, "ba"));
    }

    /// Board A's pack as at the end of Q2 2025, if not held.
    fn pack_a(plans: &PlanSet) -> Option<crate::report::Document> {
        if held(plans, "ba") {
            return None;
        }
        let Some(EntityRef::Board(b)) = plans.model.lookup("ba") else {
            panic!("no board A");
        };
        let ctx = crate::report::Context::new(plans, "2025-09-30".parse().unwrap()).unwrap();
        Some(crate::report::board_pack(&ctx, b, Default::default()).unwrap())
    }

    /// `text` with line `line` (modulo the number of lines) changed as a
    /// lead might slip: the key or the value of a `key = value` line
    /// replaced by `word`, or the line dropped.
    fn slip(text: &str, line: usize, how: u8, word: &str) -> String {
        let lines: Vec<&str> = text.lines().collect();
        let n = line % lines.len();
        let mut out = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if i != n {
                out.push(l.to_string());
                continue;
            }
            match (l.split_once(" = "), how % 4) {
                (_, 3) | (None, _) => {}
                (Some((_, value)), 0) => out.push(format!("{word} = {value}")),
                (Some((key, _)), 1) => out.push(format!("{key} = \"{word}\"")),
                (Some((key, _)), _) => out.push(format!("{key} = 2025-13-{word}")),
            }
        }
        out.join("\n") + "\n"
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Whatever slip is made in strategy B's file, board A's pack is
        /// either held or exactly the pack made without that file: a pack
        /// made while another file has errors leaves nothing of its own
        /// out.
        #[test]
        fn a_pack_made_past_another_files_errors_is_the_pack_without_that_file(
            slips in proptest::collection::vec((0usize..100, 0u8..4, "[a-z]{1,8}"), 1..3),
        ) {
            let mut b = strategy("B", "bb", BAD_STATUS);
            for (line, how, word) in &slips {
                b = slip(&b, *line, *how, word);
            }
            let plans = load_files(&[
                ("registry.toml", REGISTRY),
                ("a.toml", &strategy("A", "ba", "")),
                ("b.toml", &b),
            ]);
            let without = load_files(&[
                ("registry.toml", REGISTRY),
                ("a.toml", &strategy("A", "ba", "")),
            ]);
            proptest::prop_assert!(without.is_sound());
            if let Some(pack) = pack_a(&plans) {
                proptest::prop_assert_eq!(Some(pack), pack_a(&without), "{}", b);
            }
        }
    }
}

//! The executive summary that opens a board pack: the headline (counts,
//! the percentage and the overall colour), what is Red and why, grouped by
//! reason, and what changed since the last meeting, with the biggest
//! changes. It is kept to one page of A4: each list names at most a few
//! items and says how many more there are and where to find them.

use chrono::NaiveDate;

use super::changes::{ChangeKind, changes};
use super::context::Context;
use super::doc::*;
use super::marks;
use crate::model::*;
use crate::rating::{MeasureRag, Rating, Ratings, Rule, days_text, number};
use crate::rollup::{Counts, Scope, overall};

/// The most Red items named in the summary, all reasons together.
pub const MAX_RED_NAMED: usize = 8;
/// The most changes named as the biggest.
pub const MAX_CHANGES_NAMED: usize = 4;
/// Titles longer than this are cut at a word, so that one long title
/// cannot push the summary past a page.
pub const MAX_TITLE_CHARS: usize = 60;

/// The executive summary of `scope` as at the context's date, with the
/// changes since `since`. `parts` names where the detail is: the part
/// numbers of the exceptions and the changes in the pack.
pub fn executive_summary(ctx: &Context, scope: &Scope, since: NaiveDate) -> Section {
    let mut intro = vec![headline(ctx, scope)];
    intro.extend(reds(ctx, scope));
    intro.extend(changed(ctx, scope, since));
    Section {
        id: "executive-summary".to_string(),
        heading: "Executive summary".to_string(),
        intro,
        table: None,
        notes: Vec::new(),
        chart: None,
        narratives: Vec::new(),
    }
}

/// "Headline: 145 live milestones ... 77% complete or on target: Amber."
fn headline(ctx: &Context, scope: &Scope) -> String {
    let model = ctx.model;
    let counts = Counts::of(&ctx.ratings, scope.milestones(model));
    if counts.total() == 0 {
        return "Headline: no milestone is on the plan as at the as-at date.".to_string();
    }
    let o = overall(&counts, ctx.settings);
    let percent = counts.percent(ctx.settings).map_or_else(
        || "no milestone is rated yet".to_string(),
        |p| format!("{p}% complete or on target"),
    );
    let mut text = format!(
        "Headline: {} live {}: {} complete, {} on target, {} at risk, {} not on target, {} \
         paused, {} not started; {} cancelled. {percent}; overall {}.",
        counts.live(),
        plural(counts.live(), "milestone", "milestones"),
        counts.rating(Rating::Blue),
        counts.rating(Rating::Green),
        counts.rating(Rating::Amber),
        counts.rating(Rating::Red),
        counts.rating(Rating::Paused),
        counts.rating(Rating::NotStarted),
        counts.rating(Rating::Cancelled),
        o.label,
    );
    let strategies: Vec<String> = (0..model.strategies.len())
        .map(StrategyIx::from_usize)
        .filter(|&s| scope.touches(&ctx.tree, s))
        .map(|s| {
            let c = Counts::of(
                &ctx.ratings,
                scope
                    .milestones(model)
                    .filter(|&m| model.strategy_of_milestone(m) == s),
            );
            let o = overall(&c, ctx.settings);
            match c.percent(ctx.settings) {
                Some(p) => format!("{} {} ({p}%)", model.strategy(s).id, o.label),
                None => format!("{} {}", model.strategy(s).id, o.label),
            }
        })
        .collect();
    if strategies.len() > 1 {
        text.push_str(&format!(" By strategy: {}.", strategies.join("; ")));
    }
    let (illustrative, counted) =
        marks::illustrative_share(model, &ctx.ratings, scope.milestones(model));
    if illustrative > 0 {
        text.push_str(&format!(
            " {illustrative} of the {counted} milestones counted (cancelled included) {} \
             illustrative, not real data.",
            if illustrative == 1 { "is" } else { "are" }
        ));
    }
    text
}

/// Why a Red milestone is Red, as the summary groups them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Why {
    Overdue,
    NotOnTarget,
    Other,
}

/// The Red milestones and measures, grouped by why, naming at most
/// [`MAX_RED_NAMED`] in all.
fn reds(ctx: &Context, scope: &Scope) -> Vec<String> {
    let model = ctx.model;
    let mut groups: [(Why, &str, Vec<String>); 3] = [
        (
            Why::Overdue,
            "Past the due date and not complete",
            Vec::new(),
        ),
        (Why::NotOnTarget, "Reported not on target", Vec::new()),
        (Why::Other, "Red for another reason", Vec::new()),
    ];
    for ix in scope.milestones(model) {
        let Some(r) = ctx.ratings.milestone(ix) else {
            continue;
        };
        if r.rating != Rating::Red {
            continue;
        }
        let m = model.milestone(ix);
        let why = match r.rule {
            Rule::Overdue => Why::Overdue,
            Rule::NotOnTarget => Why::NotOnTarget,
            _ => Why::Other,
        };
        let mut detail = match why {
            Why::Overdue => vec![format!("by {}", days_text(-r.days_to_due))],
            _ => Vec::new(),
        };
        if super::cells::latest_action(m, ctx.as_of).is_none() {
            detail.push("no corrective action".to_string());
        }
        let item = named(&m.id, &m.title, m.illustrative, &detail);
        if let Some(g) = groups.iter_mut().find(|g| g.0 == why) {
            g.2.push(item);
        }
    }
    let mut measures = Vec::new();
    for (i, m) in model.measures.iter().enumerate() {
        let ix = MeasureIx::from_usize(i);
        let r = ctx.ratings.measure(ix);
        if !scope.has_measure(ix) || r.rag != MeasureRag::Red {
            continue;
        }
        let mut detail = Vec::new();
        if let (Some(latest), Some(target)) = (r.latest.map(|l| &m.actual[l]), &r.target) {
            // "11% of children in care against a target of 8.39%".
            let unit = m.unit.as_deref().unwrap_or("");
            let (with_unit, short_unit) = match unit {
                "" => (String::new(), String::new()),
                u if u.starts_with('%') => (u.to_string(), "%".to_string()),
                u => (format!(" {u}"), format!(" {u}")),
            };
            detail.push(format!(
                "{}{with_unit} against a target of {}{short_unit}",
                number(latest.value),
                number(target.value)
            ));
        }
        if r.is_out_of_date() {
            detail.push("out of date".to_string());
        }
        measures.push(named(&m.id, &m.name, m.illustrative, &detail));
    }
    let milestones: usize = groups.iter().map(|g| g.2.len()).sum();
    if milestones == 0 && measures.is_empty() {
        return vec!["Red: nothing is Red as at the as-at date.".to_string()];
    }
    let mut out = vec![format!(
        "Red: {} {} and {} {}; each is in part 3 or 4 with its note and corrective action.",
        milestones,
        plural(milestones as u64, "milestone", "milestones"),
        measures.len(),
        plural(measures.len() as u64, "measure", "measures"),
    )];
    let lists: Vec<(&str, &[String], &str)> = groups
        .iter()
        .map(|(_, heading, items)| (*heading, items.as_slice(), "part 3"))
        .chain([("Measures Red", measures.as_slice(), "part 4")])
        .collect();
    out.extend(listed_all(&lists, MAX_RED_NAMED));
    out
}

/// One paragraph per non-empty list, naming `budget` items in all, shared
/// out in turn so that each list names some before any names many.
fn listed_all(lists: &[(&str, &[String], &str)], budget: usize) -> Vec<String> {
    let mut shown = vec![0; lists.len()];
    let mut left = budget;
    while left > 0 {
        let mut gave = false;
        for (i, (_, items, _)) in lists.iter().enumerate() {
            if left > 0 && shown[i] < items.len() {
                shown[i] += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    lists
        .iter()
        .zip(shown)
        .filter_map(|(&(heading, items, part), n)| listed(heading, items, n, part))
        .collect()
}

/// "Heading (5): A; B; and 3 more: see part 3.", naming the first `shown`.
fn listed(heading: &str, items: &[String], shown: usize, part: &str) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let shown = shown.min(items.len());
    let mut text = format!("{heading} ({})", items.len());
    if shown > 0 {
        text.push_str(": ");
        text.push_str(&items[..shown].join("; "));
    }
    let rest = items.len() - shown;
    match (shown, rest) {
        (_, 0) => text.push('.'),
        (0, n) => text.push_str(&format!(": see {part} ({n} not named here).")),
        (_, n) => text.push_str(&format!("; and {n} more: see {part}.")),
    }
    Some(text)
}

/// "CPS-P1-C2-M1 Open the first new home (by 30 days)", the title cut to
/// [`MAX_TITLE_CHARS`], with the illustrative mark.
fn named(id: &str, title: &str, illustrative: bool, detail: &[String]) -> String {
    let mut text = format!("{id} {}", short(title));
    if illustrative {
        text.push(' ');
        text.push_str(ILLUSTRATIVE_MARK);
    }
    if !detail.is_empty() {
        text.push_str(&format!(" ({})", detail.join(", ")));
    }
    text
}

/// `title` cut at a word to at most [`MAX_TITLE_CHARS`] characters, with
/// "..." when cut.
fn short(title: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.chars().count() <= MAX_TITLE_CHARS {
        return title;
    }
    let mut out = String::new();
    for word in title.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > MAX_TITLE_CHARS - 3 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = title.chars().take(MAX_TITLE_CHARS - 3).collect();
    }
    out.push_str("...");
    out
}

/// The changes since the last meeting: the counts, then the biggest:
/// milestones newly Red, then those re-dated furthest.
fn changed(ctx: &Context, scope: &Scope, since: NaiveDate) -> Vec<String> {
    let model = ctx.model;
    let then = Ratings::compute(model, ctx.settings, since);
    let list = changes(model, scope, &then, &ctx.ratings);
    let count = |kind| list.iter().filter(|c| c.kind == kind).count() as u64;
    if list.is_empty() {
        return vec![format!(
            "Since the last meeting ({since}): no milestone was added, completed, cancelled, \
             re-dated or newly Red."
        )];
    }
    let mut out = vec![format!(
        "Since the last meeting ({since}): {} added, {} completed, {} cancelled, {} re-dated, \
         {} newly Red; every change is in part 5.",
        count(ChangeKind::Added),
        count(ChangeKind::Completed),
        count(ChangeKind::Cancelled),
        count(ChangeKind::Redated),
        count(ChangeKind::NewlyRed),
    )];
    // Newly Red milestones by id alone: the Red list above names them.
    let newly: Vec<String> = list
        .iter()
        .filter(|c| c.kind == ChangeKind::NewlyRed)
        .map(|c| {
            let m = model.milestone(c.milestone);
            let was = c
                .was
                .map_or("not on the plan".to_string(), |w| w.name().to_string());
            format!("{} (was {was})", m.id)
        })
        .collect();
    let mut moved: Vec<(i64, String)> = list
        .iter()
        .filter_map(|c| {
            let (from, to) = c.moved?;
            let m = model.milestone(c.milestone);
            let days = (to - from).num_days();
            let detail = format!(
                "{} {}, to {to}; re-dated {} in all",
                if days < 0 { "brought forward" } else { "moved" },
                days_text(days.abs()),
                times(c.redated_before + c.redated_in_period)
            );
            Some((
                days.abs(),
                named(&m.id, &m.title, m.illustrative, &[detail]),
            ))
        })
        .collect();
    // Furthest first; plan order among equals (the sort is stable).
    moved.sort_by_key(|(days, _)| std::cmp::Reverse(*days));
    let moved: Vec<String> = moved.into_iter().map(|(_, text)| text).collect();
    out.extend(listed_all(
        &[
            ("Newly Red", newly.as_slice(), "part 5"),
            ("Re-dated furthest", moved.as_slice(), "part 5"),
        ],
        MAX_CHANGES_NAMED,
    ));
    out
}

fn times(n: usize) -> String {
    if n == 1 {
        "once".to_string()
    } else {
        format!("{n} times")
    }
}

fn plural<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan set with `n` milestones of each kind of Red, all with long
    /// titles, re-dated, and made Red since the last meeting.
    fn many_reds(n: usize) -> crate::PlanSet {
        let long = "A milestone with a title far longer than any board wants to read in a summary";
        let mut plans = String::from(
            "[[owner]]\nid = \"hos\"\nrole = \"Head\"\norg = \"Council\"\n\n\
             [[board]]\nid = \"b\"\nname = \"Board\"\n",
        );
        for i in 0..n {
            plans += &format!(
                "\n[[milestone]]\nid = \"S-O{i}\"\ncommitment = \"S-C1\"\ntitle = \"{long} {i}\"\n\
                 owner = \"hos\"\nadded = 2025-01-01\ndue = 2025-03-31\n\
                 [[milestone.update]]\ndate = 2025-07-01\nstatus = \"on-target\"\nby = \"hos\"\n\
                 due = 2025-08-31\nreason = \"r\"\n\
                 \n[[milestone]]\nid = \"S-N{i}\"\ncommitment = \"S-C1\"\ntitle = \"{long} {i}\"\n\
                 owner = \"hos\"\nadded = 2025-01-01\ndue = 2026-03-31\n\
                 [[milestone.update]]\ndate = 2025-08-01\nstatus = \"not-on-target\"\nby = \"hos\"\n"
            );
        }
        crate::testing::framed("hos", "b", &plans)
    }

    /// However much is Red, the summary names at most a few items per list
    /// and stays within one page: 50 lines of 80 characters.
    #[test]
    fn the_summary_stays_on_one_page() {
        for n in [1, 5, 400] {
            let plans = many_reds(n);
            let ctx = Context::new(&plans, "2025-09-30".parse().unwrap()).unwrap();
            let scope = Scope::portfolio(&plans.model);
            let s = executive_summary(&ctx, &scope, "2025-06-30".parse().unwrap());
            let text = s.intro.join("\n");
            let named = text.matches("S-O").count() + text.matches("S-N").count();
            assert!(
                named <= MAX_RED_NAMED + MAX_CHANGES_NAMED,
                "{n}: {named} named\n{text}"
            );
            let lines: usize = s.intro.iter().map(|p| p.chars().count() / 70 + 1).sum();
            assert!(lines <= 50, "{n}: about {lines} lines\n{text}");
            if n == 400 {
                assert!(
                    text.contains("Past the due date and not complete (400)"),
                    "{text}"
                );
                assert!(text.contains("and 396 more: see part 3."), "{text}");
                assert!(text.contains("Reported not on target (400)"), "{text}");
                assert!(text.contains("400 re-dated, 400 newly Red"), "{text}");
            }
        }
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        assert_eq!(short("Short title"), "Short title");
        let long = "Practice guidance on supporting children and young people questioning their gender identity";
        let cut = short(long);
        assert!(cut.chars().count() <= MAX_TITLE_CHARS, "{cut}");
        assert_eq!(
            cut,
            "Practice guidance on supporting children and young people..."
        );
        let word = "x".repeat(100);
        assert_eq!(short(&word).chars().count(), MAX_TITLE_CHARS);
    }

    #[test]
    fn lists_share_the_names_in_turn() {
        let items: Vec<String> = (1..=5).map(|i| format!("M{i}")).collect();
        let lists = [
            ("Overdue", items.as_slice(), "part 3"),
            ("Not on target", &items[..2], "part 3"),
            ("Other", &[][..], "part 3"),
            ("Measures Red", &items[..1], "part 4"),
        ];
        assert_eq!(
            listed_all(&lists, 5),
            [
                "Overdue (5): M1; M2; and 3 more: see part 3.",
                "Not on target (2): M1; M2.",
                "Measures Red (1): M1."
            ]
        );
        assert_eq!(
            listed_all(&lists, 2),
            [
                "Overdue (5): M1; and 4 more: see part 3.",
                "Not on target (2): M1; and 1 more: see part 3.",
                "Measures Red (1): see part 4 (1 not named here)."
            ]
        );
        assert_eq!(
            listed_all(&lists, 100)[0],
            "Overdue (5): M1; M2; M3; M4; M5."
        );
    }
}

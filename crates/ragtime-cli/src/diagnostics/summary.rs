//! The closing lines of `check`: what was checked, what was found, and
//! what was held back while files could not be read.

use ragtime_core::PlanSet;

/// The closing line: what was checked and what was found; and, when some
/// files could not be read, a line saying what was held back and why.
pub fn summary(plans: &PlanSet) -> String {
    let (errors, warnings) = (plans.error_count(), plans.warning_count());
    let scope = scope(plans);
    let warned = match warnings {
        0 => String::new(),
        n => format!(", {n} {}", plural(n, "warning", "warnings")),
    };
    let line = if errors == 0 {
        format!("ok: plan set is sound ({scope}){warned}")
    } else {
        format!(
            "failed: {errors} {}{warned} ({scope})",
            plural(errors, "error", "errors")
        )
    };
    match held_back(plans) {
        Some(held) => format!("{line}\n{held}"),
        None => line,
    }
}

/// The closing line of `check PATH...`: what was found in the files named,
/// and how many errors the rest of the plan set has.
pub fn focused_summary(plans: &PlanSet, focus: &[std::path::PathBuf], elsewhere: usize) -> String {
    let named: Vec<String> = focus
        .iter()
        .map(|p| format!("`{}`", crate::files::display_name(p)))
        .collect();
    let named = named.join(", ");
    let (errors, warnings) = (plans.error_count(), plans.warning_count());
    let warned = match warnings {
        0 => String::new(),
        n => format!(", {n} {}", plural(n, "warning", "warnings")),
    };
    let line = if errors == 0 {
        format!("ok: {named} sound{warned}")
    } else {
        format!(
            "failed: {errors} {} in {named}{warned}",
            plural(errors, "error", "errors")
        )
    };
    let rest = match elsewhere {
        0 => "no errors elsewhere".to_string(),
        n => format!(
            "{n} {} in other files, not shown: `ragtime check` lists them",
            plural(n, "error", "errors")
        ),
    };
    let line = format!(
        "{line} (checked with the whole plan set: {}; {rest})",
        scope(plans)
    );
    match held_back(plans) {
        Some(held) => format!("{line}\n{held}"),
        None => line,
    }
}

/// `15 files, 4 strategies, ...`.
fn scope(plans: &PlanSet) -> String {
    // A link that loops back is an entry with a finding, not a file.
    let loops = plans
        .diagnostics
        .iter()
        .filter(|d| d.code == ragtime_core::Code::LinkLoop)
        .count();
    let files = plans.sources.len().saturating_sub(loops);
    let m = &plans.model;
    let mut scope = format!(
        "{files} {}, {} {}, {} {}, {} {}",
        plural(files, "file", "files"),
        m.strategies.len(),
        plural(m.strategies.len(), "strategy", "strategies"),
        m.commitments.len(),
        plural(m.commitments.len(), "commitment", "commitments"),
        m.milestones.len(),
        plural(m.milestones.len(), "milestone", "milestones"),
    );
    if !m.narratives.is_empty() {
        let n = m.narratives.len();
        scope += &format!(", {n} {}", plural(n, "narrative", "narratives"));
    }
    // Named only where there are any, as most plan sets have none.
    if !m.recommendations.is_empty() {
        let n = m.recommendations.len();
        scope += &format!(", {n} {}", plural(n, "recommendation", "recommendations"));
    }
    scope
}

/// What was held back because files could not be read, if anything.
fn held_back(plans: &PlanSet) -> Option<String> {
    let held = &plans.held_back;
    if held.is_empty() {
        return None;
    }
    let names: Vec<String> = held
        .unread
        .iter()
        .map(|f| format!("`{}`", plans.source(*f).name))
        .collect();
    let mut what = Vec::new();
    if held.references > 0 {
        what.push(format!(
            "{} {} that {} may declare",
            held.references,
            plural(held.references, "reference to an id", "references to ids"),
            if names.len() == 1 { "it" } else { "they" },
        ));
    }
    if held.warnings {
        what.push("the warnings".to_string());
    }
    Some(format!(
        "held back until {} can be read: {}; every other check ran",
        names.join(", "),
        what.join(", and ")
    ))
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

//! `ragtime owner`: a service lead's list and every owner's counts, as at a
//! fixed date.

use crate::snapshot;
use crate::support::{fixture, ragtime, ragtime_in};

const PLANS: &str = "tests/fixtures/owner";

#[test]
fn owner_outputs() {
    let cases: &[(&str, &[&str])] = &[
        ("summary", &["owner", "--as-of", "2026-01-15"]),
        ("list", &["owner", "hos-fostering", "--as-of", "2026-01-15"]),
        (
            "list_within",
            &[
                "owner",
                "hos-care-leavers",
                "--as-of",
                "2026-01-15",
                "--within",
                "200",
            ],
        ),
        (
            "list_earlier",
            &["owner", "hos-fostering", "--as-of", "2025-04-01"],
        ),
        (
            "unknown",
            &["owner", "hos-fosterng", "--as-of", "2026-01-15"],
        ),
        ("not_an_owner", &["owner", "cpb", "--as-of", "2026-01-15"]),
    ];
    for (name, args) in cases {
        let mut all = vec!["--plans", PLANS];
        all.extend_from_slice(args);
        let run = ragtime(&all);
        let expected = if name.starts_with("un") || name.starts_with("not") {
            2
        } else {
            0
        };
        assert_eq!(run.code, expected, "{name}: {}", run.render());
        snapshot!(format!("owner_{name}"), run.render());
    }
}

/// A list drawn from a broken plan set would be incomplete.
#[test]
fn owner_refuses_an_unsound_plan_set() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for file in ["registry.toml", "plan.toml"] {
        std::fs::copy(fixture("owner").join(file), plans.join(file)).unwrap();
    }
    std::fs::write(plans.join("broken.toml"), "[[owner]]\nid = \"x\"\n").unwrap();
    let run = ragtime_in(
        dir.path(),
        &["owner", "hos-fostering", "--as-of", "2026-01-15"],
    );
    assert_eq!(run.code, 1);
    snapshot!("owner_unsound", run.render());
}

//! What an update writes: only the new entry's lines, whatever the file's
//! style; the status and the author it defaults to; any note, however hard
//! to quote, read back as it was given.

use proptest::prelude::*;

use super::{PROGRESS, assert_only_added, command, plan_set, update, visible};
use crate::snapshot;
use crate::support::ragtime_in;

/// Each fixture is a plan file in one style; each case updates one of its
/// milestones and must add only the new entry.
#[test]
fn an_update_changes_only_the_new_entry() {
    let cases = [
        ("comments", "CPS-P1-C1-M1"),
        ("comments", "CPS-P1-C1-M2"),
        ("dotted-keys", "CPS-P1-C1-M1"),
        ("arrays-of-tables", "CPS-P1-C1-M1"),
        ("inline-tables", "CPS-P1-C1-M1"),
        ("inline-tables", "CPS-P1-C1-M2"),
        ("inline-milestones", "CPS-P1-C1-M1"),
        ("crlf", "CPS-P1-C1-M2"),
        ("no-final-newline", "CPS-P1-C1-M1"),
    ];
    for (name, id) in cases {
        let (dir, plan) = plan_set(name);
        let registry = dir.path().join("plans/registry.toml");
        let old = std::fs::read(&plan).unwrap();
        let old_registry = std::fs::read(&registry).unwrap();

        let mut args = vec![id];
        args.extend_from_slice(PROGRESS);
        args.push("--dry-run");
        let dry = update(dir.path(), &args);
        assert_eq!(dry.code, 0, "{name} {id}: {}", dry.render());
        assert_eq!(std::fs::read(&plan).unwrap(), old, "a dry run wrote");

        args.pop();
        let real = update(dir.path(), &args);
        assert_eq!(real.code, 0, "{name} {id}: {}", real.render());
        let new = std::fs::read(&plan).unwrap();
        assert_only_added(&old, &new);
        assert_eq!(std::fs::read(&registry).unwrap(), old_registry);

        // The dry run showed exactly what was then written.
        let (old_text, new_text) = (
            String::from_utf8(old).unwrap(),
            String::from_utf8(new).unwrap(),
        );
        let shown = similar::TextDiff::from_lines(&old_text, &new_text)
            .unified_diff()
            .context_radius(3)
            .header(
                &format!("a/plans/{name}.toml"),
                &format!("b/plans/{name}.toml"),
            )
            .to_string();
        assert_eq!(dry.stdout, shown, "{name} {id}");

        if name == "crlf" {
            assert!(old_text.contains("\r\n"), "the fixture lost its CRLF");
            assert_eq!(
                new_text.matches('\n').count(),
                new_text.matches("\r\n").count()
            );
        }
        if name == "no-final-newline" {
            assert!(
                !old_text.ends_with('\n'),
                "the fixture gained a final newline"
            );
            assert!(!new_text.ends_with('\n'));
        }
        let check = ragtime_in(dir.path(), &["--plans", "plans", "check"]);
        assert_eq!(check.code, 0, "{name} {id}: {}", check.render());
        snapshot!(
            format!("update_{name}_{id}"),
            visible(&format!("{}\n{}", dry.render(), real.render()))
        );
    }
}

#[test]
fn without_status_the_current_status_is_repeated() {
    let (dir, plan) = plan_set("comments");
    let run = update(
        dir.path(),
        &[
            "CPS-P1-C1-M1",
            "--due",
            "2026-06-30",
            "--reason",
            "Panel dates moved",
            "--by",
            "hos-fostering",
            "--date",
            "2025-12-31",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.render());
    let doc: toml::Table = std::fs::read_to_string(&plan).unwrap().parse().unwrap();
    let last = doc["milestone"][0]["update"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["status"].as_str(), Some("at-risk"));
    assert_eq!(last["reason"].as_str(), Some("Panel dates moved"));
    snapshot!("update_redate", run.render());
}

#[test]
fn by_defaults_from_ragtime_owner() {
    let (dir, plan) = plan_set("comments");
    let out = command(dir.path())
        .args([
            "--plans",
            "plans",
            "update",
            "CPS-P1-C1-M2",
            "--status",
            "on-target",
        ])
        .args(["--date", "2025-12-31"])
        .env("RAGTIME_OWNER", "hos-fostering")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(
        text.contains("    by = \"hos-fostering\"\n\n# end of file"),
        "{text}"
    );

    // Without it, --by is required: a usage error.
    let run = update(dir.path(), &["CPS-P1-C1-M2", "--status", "on-target"]);
    assert_eq!(run.code, 2, "{}", run.render());
}

/// Text that is hard to quote. Command-line arguments cannot hold NUL; the
/// core's own property test covers it.
fn awkward_note() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("'''".to_string()),
        Just("\"\"\"".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\u{1b}[31m\u{7f}".to_string()),
        Just("😀👩‍👧".to_string()),
        Just("שלום עולם".to_string()),
        Just("\u{202e}abc\u{202c}".to_string()),
        "[^\u{0}]{0,12}",
    ];
    proptest::collection::vec(piece, 1..6).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_note_is_written_and_read_back(note in awkward_note()) {
        let (dir, plan) = plan_set("comments");
        let run = update(
            dir.path(),
            &["CPS-P1-C1-M1", "--note", &note, "--by", "hos-fostering", "--date", "2025-12-31"],
        );
        prop_assert_eq!(run.code, 0, "{}", run.render());
        let doc: toml::Table = std::fs::read_to_string(&plan).unwrap().parse().unwrap();
        let last = doc["milestone"][0]["update"].as_array().unwrap().last().unwrap().clone();
        prop_assert_eq!(last["note"].as_str(), Some(note.as_str()));
    }
}

//! Finding the plan set: walking up from the current folder as git and
//! cargo do, `--plans` and `RAGTIME_PLANS`, `check PATH...` in the context
//! of the whole plan set, symbolic links followed, and files that cannot
//! be read reported where they are while everything else is checked.

use std::path::Path;

use crate::snapshot;
use crate::support::{Run, fixture, ragtime_in, root};

/// A copy of the shipped `plans/` in a temporary folder, as a council's
/// plan repository would hold it.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("plans"), &dir.path().join("plans"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `run` with the temporary folder's path made `[TMP]`.
fn shown(run: &Run, dir: &Path) -> String {
    run.render()
        .replace(&dir.canonicalize().unwrap().display().to_string(), "[TMP]")
        .replace(&dir.display().to_string(), "[TMP]")
}

const AS_OF: &[&str] = &["--as-of", "2025-09-30"];

/// Whether `check` said the whole shipped plan set is sound.
fn sound(stdout: &str) -> bool {
    stdout.lines().last().is_some_and(|l| {
        l.starts_with(
            "ok: plan set is sound (17 files, 5 strategies, 114 commitments, 424 milestones, 5 narratives, 3 recommendations)",
        )
    })
}

/// Regression: run anywhere but the repository's top folder, every command
/// failed to find `plans/`.
#[test]
fn every_command_finds_the_plans_walking_up() {
    let repo = repository();
    let deep = repo.path().join("plans/corporate-parenting");
    let docs = repo.path().join("minutes/2025");
    std::fs::create_dir_all(&docs).unwrap();
    for dir in [repo.path(), &repo.path().join("plans"), &deep, &docs] {
        let run = ragtime_in(dir, &[&["check"][..], AS_OF].concat());
        assert_eq!(run.code, 0, "from {}: {}", dir.display(), run.render());
        assert!(sound(&run.stdout), "{}", run.render());
        let report = ragtime_in(
            dir,
            &[
                "report",
                "--as-of",
                "2025-09-30",
                "--format",
                "csv",
                "--table",
                "summary",
            ],
        );
        assert_eq!(
            report.code,
            0,
            "from {}: {}",
            dir.display(),
            report.render()
        );
    }
    // Findings name files as reached from where the command runs.
    std::fs::write(
        deep.join("p9-typo.toml"),
        "[[owner]]\nid = \"x\"\nrole = \"r\"\norgg = \"o\"\n",
    )
    .unwrap();
    let run = ragtime_in(&deep, &["check", "--format", "short"]);
    assert_eq!(run.code, 1);
    snapshot!("finding_walked_up_from_a_strategy_folder", run.render());
}

#[test]
fn without_a_plan_set_the_error_says_where_it_looked_and_how_to_name_one() {
    let dir = tempfile::tempdir().unwrap();
    let run = ragtime_in(dir.path(), &["report"]);
    assert_eq!(run.code, 2);
    snapshot!("finding_none_found", shown(&run, dir.path()));
}

#[test]
fn ragtime_plans_names_the_plan_set() {
    let repo = repository();
    let elsewhere = tempfile::tempdir().unwrap();
    let plans = repo.path().join("plans");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ragtime"))
        .args(["check", "--as-of", "2025-09-30"])
        .current_dir(elsewhere.path())
        .env_clear()
        .env("RAGTIME_PLANS", &plans)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(sound(&stdout), "{stdout}");
}

/// Regression: `--plans plans/autism.toml` read the file alone and gave 78
/// false "no owner has the id" errors. A file is checked in the context of
/// its plan set, and only its problems are shown.
#[test]
fn a_file_is_checked_in_the_context_of_its_plan_set() {
    let repo = repository();
    for args in [
        &["check", "plans/autism.toml"][..],
        &["--plans", "plans/autism.toml", "check"],
        &["check", "plans/corporate-parenting"],
    ] {
        let run = ragtime_in(repo.path(), &[args, AS_OF].concat());
        assert_eq!(run.code, 0, "{args:?}: {}", run.render());
        assert!(!run.stdout.contains("E0202"), "{}", run.render());
    }
    // A problem in another file is counted, not shown; the named file's
    // own problem is shown, with the registries of the whole set.
    let autism = repo.path().join("plans/autism.toml");
    let text = std::fs::read_to_string(&autism).unwrap();
    std::fs::write(
        &autism,
        text.replacen("status = \"complete\"", "status = \"done\"", 1),
    )
    .unwrap();
    let boards = repo.path().join("plans/boards.toml");
    let text = std::fs::read_to_string(&boards).unwrap();
    std::fs::write(&boards, text.replacen("name = ", "nmae = ", 1)).unwrap();
    let run = ragtime_in(
        repo.path(),
        &[&["check", "plans/autism.toml"][..], AS_OF].concat(),
    );
    assert_eq!(run.code, 1, "{}", run.render());
    snapshot!("finding_check_one_file", run.render());
    let run = ragtime_in(
        repo.path(),
        &["check", "plans/owners.toml", "--as-of", "2025-09-30"],
    );
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("finding_check_one_sound_file", run.render());

    let run = ragtime_in(repo.path(), &["check", "README.md"]);
    assert_eq!(run.code, 2);
    let outside = ragtime_in(repo.path(), &["--plans", "plans", "check", "/"]);
    assert_eq!(outside.code, 2);
    snapshot!(
        "finding_check_paths_not_in_the_plan_set",
        format!("{}\n{}", run.render(), outside.render())
    );
}

/// Regression: in a plan folder not named `plans`, `check
/// action-plans/autism.toml` read the file alone and gave 78 false "no
/// owner has the id" errors. The folder holding the file is its plan set.
#[test]
fn a_file_in_a_folder_not_named_plans_is_checked_with_the_files_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("plans"), &dir.path().join("action-plans"));
    for args in [
        &["check", "action-plans/autism.toml"][..],
        &["check", "action-plans"],
    ] {
        let run = ragtime_in(dir.path(), &[args, AS_OF].concat());
        assert!(!run.stdout.contains("E0202"), "{args:?}: {}", run.render());
    }
    let run = ragtime_in(
        dir.path(),
        &[&["check", "action-plans/autism.toml"][..], AS_OF].concat(),
    );
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(
        run.stdout
            .contains("checked with the whole plan set: 17 files"),
        "{}",
        run.render()
    );
}

/// Regression: a linked `owners.toml` or a linked folder of strategies
/// vanished from the plan set, and `check` said the set was sound.
#[cfg(unix)]
#[test]
fn symbolic_links_are_followed() {
    use std::os::unix::fs::symlink;
    let repo = repository();
    let shared = repo.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let plans = repo.path().join("plans");
    std::fs::rename(plans.join("owners.toml"), shared.join("owners.toml")).unwrap();
    std::fs::rename(plans.join("corporate-parenting"), shared.join("cps")).unwrap();
    symlink("../shared/owners.toml", plans.join("owners.toml")).unwrap();
    symlink("../shared/cps", plans.join("corporate-parenting")).unwrap();
    let run = ragtime_in(repo.path(), &[&["check"][..], AS_OF].concat());
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(sound(&run.stdout), "{}", run.render());
    // An update through a linked file changes the file linked to, and the
    // link stays a link.
    let up = ragtime_in(
        repo.path(),
        &[
            "update",
            "CPS-P1-C1-M1",
            "--by",
            "hos-commissioning-cyp",
            "--date",
            "2025-10-01",
            "--note",
            "Both homes open",
        ],
    );
    assert_eq!(up.code, 0, "{}", up.render());
    assert!(
        plans
            .join("corporate-parenting")
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    );

    // A loop is reported, and what it leads to is still read once.
    symlink(&plans, plans.join("corporate-parenting/up")).unwrap();
    let run = ragtime_in(
        repo.path(),
        &[&["check", "--format", "short"][..], AS_OF].concat(),
    );
    assert_eq!(run.code, 0, "{}", run.render());
    snapshot!("finding_link_loop", run.render());
}

/// An unreadable file is a finding in that file; the rest of the plan set
/// is still checked, and the summary says what was held back.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_finding_and_the_rest_is_checked() {
    use std::os::unix::fs::symlink;
    let repo = repository();
    let plans = repo.path().join("plans");
    // A dangling link stands for any file that cannot be read (the tests
    // may run as a user who can read every file).
    symlink("gone/boards.toml", plans.join("extra-boards.toml")).unwrap();
    // And a real problem elsewhere, still found.
    let autism = plans.join("autism.toml");
    let text = std::fs::read_to_string(&autism).unwrap();
    std::fs::write(&autism, text.replacen("owner = \"", "owner = \"nobody-", 1)).unwrap();
    let run = ragtime_in(repo.path(), &[&["check"][..], AS_OF].concat());
    assert_eq!(run.code, 1);
    snapshot!("finding_unreadable_file", run.render());
    // Reports are not made from it.
    let report = ragtime_in(repo.path(), &["report", "--as-of", "2025-09-30"]);
    assert_eq!(report.code, 1);
    let _ = fixture;
}

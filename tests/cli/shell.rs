//! `ragtime completions SHELL` and `ragtime man`: made from the command
//! line's definition, so they name every command.

use crate::support::ragtime;

#[test]
fn completions_for_every_shell_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = ragtime(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.render());
        for word in ["update", "board", "as-of", "on-behalf-of"] {
            assert!(run.stdout.contains(word), "{shell} lacks {word}");
        }
    }
    let run = ragtime(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("possible values: bash"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_manual_page_is_roff_naming_the_commands() {
    let run = ragtime(&["man"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(run.stdout.contains(".TH ragtime 1"), "{}", run.stdout);
    for command in [
        "check",
        "report",
        "board",
        "update",
        "calendar",
        "completions",
    ] {
        assert!(
            run.stdout.contains(&format!("ragtime\\-{command}")),
            "{command}"
        );
    }
    assert!(
        run.stdout.contains("RAGTIME_PLANS"),
        "the environment is not named"
    );
}

//! Plan text never reaches a terminal raw: control characters and
//! bidirectional overrides in a note are shown escaped by the terminal and
//! markdown writers, as `check` shows them.

use crate::snapshot;
use crate::support::ragtime;

/// The plan set with a note holding ESC, BEL, a lone CR, a bidi override
/// and a C1 control.
const PLANS: &str = "tests/fixtures/check/W0507-escape-in-a-note";

fn raw(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| ragtime_core::text::is_unsafe(c))
        .collect()
}

/// Regression: CR, ESC and BEL from a note reached the terminal in `board`
/// and `explain`.
#[test]
fn reports_show_control_characters_escaped() {
    let mut shown = String::new();
    for args in [
        &["explain", "CPS-P1-C1-M1"][..],
        &["board", "cpb", "--table", "amber"],
        &["exceptions", "--format", "markdown"],
    ] {
        let mut all = vec!["--plans", PLANS];
        all.extend_from_slice(args);
        all.extend(["--as-of", "2025-09-30", "--width", "400"]);
        let run = ragtime(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.render());
        assert_eq!(raw(&run.stdout), Vec::<char>::new(), "{args:?}");
        if args[0] != "explain" {
            assert!(
                run.stdout.contains("withdrew.␛"),
                "{args:?}: {}",
                run.stdout
            );
        }
        shown.push_str(&format!("## {}\n{}\n", args.join(" "), run.render()));
    }
    snapshot!("safe_text_reports", shown);
    // The other formats quote text their own way, and keep it exact.
    let json = ragtime(&[
        "--plans",
        PLANS,
        "exceptions",
        "--as-of",
        "2025-09-30",
        "--format",
        "json",
    ]);
    assert!(
        json.stdout.contains("withdrew.\\u001b[2J\\u0007"),
        "{}",
        json.stdout
    );
}

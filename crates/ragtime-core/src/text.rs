//! Characters in plan text that must never reach a terminal raw, and the
//! warning (W0507) that points at a value holding one.
//!
//! A control character (C0 other than newline and tab, DEL, C1) can move
//! the cursor, ring the bell or recolour a terminal; a bidirectional
//! override or isolate makes text read in another order than it is
//! written. TOML forbids the C0 ones written raw in strings, but allows
//! them as escapes (`"\u001b"`, `"\e"`), and allows C1 and the bidi
//! characters raw. Writers show them escaped; `check` warns where they are.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Loc};

/// Whether `c` must be escaped before it is shown on a terminal.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a character that [`is_unsafe`].
pub fn has_unsafe(text: &str) -> bool {
    text.chars().any(is_unsafe)
}

/// How a finding names an unsafe character: `U+001B (escape)`.
pub fn describe(c: char) -> String {
    let what = match c {
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{0}'..='\u{1f}' => "a control character",
        '\u{80}'..='\u{9f}' => "a C1 control character",
        '\u{202a}'..='\u{202e}' => "a bidirectional embedding or override",
        _ => "a bidirectional isolate",
    };
    format!("U+{:04X} ({what})", u32::from(c))
}

/// Warns (W0507) about each string value of a TOML `text` that holds an
/// unsafe character, pointing at the value. Most files have none: a quick
/// look for a raw unsafe character or an escape that could make one comes
/// first, and only a file with one is read again to find the values.
pub(crate) fn unsafe_text(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) {
    if !might_hold_unsafe(text) {
        return;
    }
    let Ok(root) = DeTable::parse(text) else {
        return;
    };
    walk_table(file, root.get_ref(), diags);
}

/// A raw unsafe character, or a backslash before an escape letter that
/// can stand for a control character (`\b`, `\f`, `\r`, `\e`, `\x`, `\u`,
/// `\U`).
fn might_hold_unsafe(text: &str) -> bool {
    let escape = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'\\' && matches!(w[1], b'b' | b'f' | b'r' | b'e' | b'x' | b'u' | b'U'));
    escape || has_unsafe(text)
}

/// The first character of `text` that [`is_unsafe`], if any; text of
/// printable ASCII, tabs and line breaks is passed over a byte at a time.
pub(crate) fn first_unsafe(text: &str) -> Option<char> {
    let plain = |b: u8| (0x20..0x7f).contains(&b) | (b == b'\t') | (b == b'\n');
    if text.bytes().fold(true, |ok, b| ok & plain(b)) {
        return None;
    }
    text.chars().find(|&c| is_unsafe(c))
}

/// The W0507 finding for a string value holding `c`.
pub(crate) fn finding(at: Loc, c: char) -> Diagnostic {
    Diagnostic::new(Code::UnsafeText, at, format!("text holds {}", describe(c)))
        .label("shown escaped in reports")
        .help("remove it: it is invisible, or can change how a terminal shows what follows")
}

fn walk_table(file: FileId, table: &DeTable<'_>, diags: &mut Vec<Diagnostic>) {
    for (_, value) in table.iter() {
        walk_value(file, value, diags);
    }
}

fn walk_value(file: FileId, value: &Spanned<DeValue<'_>>, diags: &mut Vec<Diagnostic>) {
    match value.get_ref() {
        DeValue::String(s) => {
            if let Some(c) = first_unsafe(s) {
                diags.push(finding(Loc::new(file, value.span()), c));
            }
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                walk_value(file, item, diags);
            }
        }
        DeValue::Table(table) => walk_table(file, table, diags),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::found;
    use crate::{Input, load};

    #[test]
    fn unsafe_characters_are_the_controls_and_the_bidi_overrides() {
        for c in [
            '\u{0}', '\u{7}', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{202e}', '\u{2066}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in ['\n', '\t', ' ', 'é', '\u{a0}', '\u{200d}', '😀', 'ש'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    /// Regression: an escape in a note (`\e[2J`, a bell) was read without a
    /// word and reached the terminal in `board` and `explain`.
    #[test]
    fn a_value_holding_a_control_character_is_warned_about_at_the_value() {
        let text = concat!(
            "[[owner]]\nid = \"o\"\nrole = \"Head \\u001b[2J of service\"\norg = \"Council\\u0007\"\n",
            "# a comment with \\u001b is not text\n",
            "[[board]]\nid = \"b\"\nname = 'Board \\e literal'\nreports-to = \"\u{202e}x\"\n"
        );
        let plans = load(vec![Input::new("plan.toml", text)]);
        let warnings: Vec<_> = found(&plans)
            .into_iter()
            .filter(|f| f.starts_with("W0507"))
            .collect();
        assert_eq!(
            warnings,
            [
                "W0507 plan.toml:3:8",
                "W0507 plan.toml:4:7",
                "W0507 plan.toml:9:14"
            ]
        );
        let d = plans
            .diagnostics
            .iter()
            .find(|d| d.code == Code::UnsafeText)
            .unwrap();
        assert_eq!(d.message, "text holds U+001B (escape)");
    }
}

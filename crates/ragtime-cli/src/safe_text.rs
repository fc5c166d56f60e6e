//! Plan text made safe to show on a terminal: a pass over a report
//! `Document`'s texts, before the terminal table and markdown writers lay
//! it out, that shows control characters and bidirectional overrides
//! escaped, as `check` shows them in its excerpts (the same replacements:
//! `␛` for ESC, `␇` for BEL, `␍` for a lone carriage return, `�` for a
//! bidi override), and C1 controls as `�` too. Writers stay as they are;
//! a document with nothing to escape is passed on untouched.

use std::borrow::Cow;

use ragtime_core::report::{Cell, Chart, Document};
use ragtime_core::text::{has_unsafe, is_unsafe};

/// `doc` with every text escaped, or `doc` itself when none needs it.
pub fn escaped(doc: &Document) -> Cow<'_, Document> {
    if !needs_escaping(doc) {
        return Cow::Borrowed(doc);
    }
    let mut doc = doc.clone();
    visit(&mut doc, &mut |t| {
        if let Cow::Owned(safe) = escape(t) {
            *t = safe;
        }
    });
    Cow::Owned(doc)
}

/// One text escaped: a CRLF line break read as a line break, every other
/// unsafe character replaced by a visible stand-in.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !has_unsafe(text) {
        return Cow::Borrowed(text);
    }
    let text = text.replace("\r\n", "\n");
    let shown = annotate_snippets::normalize_untrusted_str(&text);
    Cow::Owned(
        shown
            .chars()
            .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// Whether any text of `doc` holds an unsafe character: most documents
/// have none, and are then not copied.
fn needs_escaping(doc: &Document) -> bool {
    let chart = |c: &Option<Chart>| {
        if let Some(Chart::StackedBars { bars }) = c {
            bars.iter()
                .any(|b| has_unsafe(&b.label) || b.segments.iter().any(|g| has_unsafe(&g.label)))
        } else {
            false
        }
    };
    let cell = |c: &Cell| match c {
        Cell::Text(t) => has_unsafe(t),
        Cell::Number { text, unit } => has_unsafe(text) || unit.as_deref().is_some_and(has_unsafe),
        Cell::Rag(r) => has_unsafe(&r.label) || r.flag.as_deref().is_some_and(has_unsafe),
        _ => false,
    };
    has_unsafe(&doc.title)
        || doc
            .facts
            .iter()
            .any(|(k, v)| has_unsafe(k) || has_unsafe(v))
        || doc.sections.iter().any(|s| {
            has_unsafe(&s.heading)
                || s.intro.iter().chain(&s.notes).any(|t| has_unsafe(t))
                || s.table.as_ref().is_some_and(|t| {
                    t.columns.iter().any(|c| has_unsafe(&c.heading))
                        || t.rows.iter().any(|r| r.cells.iter().any(cell))
                })
                || chart(&s.chart)
        })
}

/// Calls `f` on every text of `doc` a writer may show.
fn visit(doc: &mut Document, f: &mut impl FnMut(&mut String)) {
    f(&mut doc.title);
    for (k, v) in &mut doc.facts {
        f(k);
        f(v);
    }
    for s in &mut doc.sections {
        f(&mut s.heading);
        s.intro.iter_mut().for_each(&mut *f);
        s.notes.iter_mut().for_each(&mut *f);
        if let Some(table) = &mut s.table {
            for c in &mut table.columns {
                f(&mut c.heading);
            }
            for row in &mut table.rows {
                for cell in &mut row.cells {
                    match cell {
                        Cell::Text(t) => f(t),
                        Cell::Number { text, unit } => {
                            f(text);
                            if let Some(u) = unit {
                                f(u);
                            }
                        }
                        Cell::Rag(r) => {
                            f(&mut r.label);
                            if let Some(flag) = &mut r.flag {
                                f(flag);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        if let Some(Chart::StackedBars { bars }) = &mut s.chart {
            for bar in bars {
                f(&mut bar.label);
                for seg in &mut bar.segments {
                    f(&mut seg.label);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_are_shown_escaped() {
        assert_eq!(escape("plain\ttext\nnext"), "plain\ttext\nnext");
        assert_eq!(escape("a\u{1b}[2Jb\u{7}c"), "a␛[2Jb␇c");
        assert_eq!(escape("line\r\nnext\rover"), "line\nnext␍over");
        assert_eq!(escape("x\u{202e}y\u{85}z\u{7f}"), "x\u{fffd}y\u{fffd}z␡");
    }

    proptest::proptest! {
        /// Whatever the text, nothing unsafe is left in it.
        #[test]
        fn nothing_unsafe_survives(text in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a ]*") {
            proptest::prop_assert!(!has_unsafe(&escape(&text)));
        }
    }
}

//! The terminal writer on hand-built documents, and its promises for any
//! document at any width from 40 to 200: no line wider than the width, no
//! id broken, no word of any cell left out.

use chrono::NaiveDate;
use proptest::prelude::*;
use ragtime_core::report::*;
use ragtime_core::{Frequency, Status};

use super::text::{WHOLE_WORD, width};
use crate::write::{Options, testing};

fn render(doc: &Document, width: Option<u16>, color: bool) -> String {
    let mut out = Vec::new();
    super::write(&mut out, doc, &Options { color, width }).unwrap();
    String::from_utf8(out).unwrap()
}

/// Every line of `text` is at most `max` columns wide.
fn assert_fits(text: &str, max: usize) {
    for (n, line) in text.lines().enumerate() {
        assert!(
            width(line) <= max,
            "line {} is {} wide, over {max}:\n{line}",
            n + 1,
            width(line)
        );
    }
}

#[test]
fn board_pack_at_80_and_at_its_natural_width() {
    let doc = testing::board_pack();
    let narrow = render(&doc, Some(80), false);
    assert_fits(&narrow, 80);
    crate::snapshot!("write_table_board_pack_80", narrow);
    crate::snapshot!("write_table_board_pack", render(&doc, None, false));
}

/// Line breaks, wide characters and rows longer or shorter than the
/// columns keep the layout; only the tab and carriage return, which the
/// terminal shows its own way, are left as they are.
#[test]
fn hostile_text_keeps_the_layout() {
    let text = render(&testing::hostile(), Some(60), false);
    crate::snapshot!("write_table_hostile", text);
    assert_fits(&text, 60);
}

/// Colour is added around the words, never instead of them, and never
/// changes where anything is on the line.
#[test]
fn colour_changes_no_position() {
    let doc = testing::board_pack();
    let plain = render(&doc, Some(80), false);
    let coloured = render(&doc, Some(80), true);
    assert!(coloured.contains("\u{1b}["));
    let stripped = strip_escapes(&coloured);
    assert_eq!(stripped, plain);
}

/// `text` without its SGR escape sequences (`ESC [ ... m`).
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// An id as the plans allow them (letters, digits, `-`, `_`, `.`), no
/// longer than fits in the narrowest width with the deepest indent.
fn id() -> impl Strategy<Value = String> {
    "[A-Z][A-Z0-9]{0,5}(-[A-Za-z0-9_.]{1,5}){0,5}"
}

/// A word: plain, accented, wide (CJK, emoji), an id, or longer than any
/// id (a web address, say).
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z,.;:()'&/%-]{1,12}",
        1 => "[a-zé ïøßæœ]{1,8}",
        1 => "[\u{4e00}-\u{4e60}\u{3041}-\u{3090}]{1,8}",
        1 => "[\u{1f600}-\u{1f640}✓–—]{1,3}",
        1 => id(),
        1 => "[a-z0-9/:.-]{49,120}",
    ]
}

/// Text of up to 40 words, with the odd line break.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (word(), prop_oneof![9 => Just(" "), 1 => Just("\n")]),
        0..40,
    )
    .prop_map(|words| {
        let mut s = String::new();
        for (w, sep) in words {
            s.push_str(&w);
            s.push_str(sep);
        }
        s.trim_end().to_string()
    })
}

fn colour() -> impl Strategy<Value = Colour> {
    prop::sample::select(vec![
        Colour::Blue,
        Colour::Green,
        Colour::AmberGreen,
        Colour::Amber,
        Colour::AmberRed,
        Colour::Red,
        Colour::Grey,
    ])
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        1 => Just(Cell::Empty),
        4 => prose().prop_map(Cell::Text),
        2 => any::<u64>().prop_map(Cell::Count),
        1 => (0u32..=1000, any::<bool>()).prop_map(|(n, tenths)| Cell::Percent(if tenths {
            Percent::tenths(n)
        } else {
            Percent::whole(n / 10)
        })),
        1 => ("-?[0-9]{1,6}(\\.[0-9])?", prop::option::of(prose()))
            .prop_map(|(text, unit)| Cell::Number { text, unit }),
        1 => date().prop_map(Cell::Date),
        2 => (colour(), "[A-Z][a-z]{2,12}( [a-z]{2,8})?", prop::option::of(prose()))
            .prop_map(|(colour, label, flag)| Cell::Rag(RagCell { colour, label, flag })),
        1 => prop::sample::select(Status::ALL.to_vec()).prop_map(Cell::Status),
        1 => trend().prop_map(Cell::Trend),
        1 => (
            prop::option::of(date()),
            prop::option::of(prop::sample::select(Frequency::ALL.to_vec())),
            prop::option::of(any::<bool>()),
        )
            .prop_map(|(date, frequency, up_to_date)| Cell::Measured {
                date,
                frequency,
                up_to_date,
            }),
        1 => (
            date(),
            prop::sample::select(vec![
                TargetSource::Interim,
                TargetSource::Trajectory,
                TargetSource::Baseline,
                TargetSource::Final,
            ]),
        )
            .prop_map(|(date, basis)| Cell::TargetDate { date, basis }),
        1 => (trend(), trend()).prop_map(|(quarter, year)| Cell::Travel { quarter, year }),
    ]
}

fn trend() -> impl Strategy<Value = Trend> {
    prop::sample::select(vec![
        Trend::Up,
        Trend::Down,
        Trend::Same,
        Trend::New,
        Trend::None,
    ])
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=365)
        .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).expect("a day of the year"))
}

/// A table whose first column holds ids (empty in total rows), the others
/// any cells, with rows that may be shorter or longer than the columns.
fn table() -> impl Strategy<Value = Table> {
    (1usize..9).prop_flat_map(|n| {
        let columns = prop::collection::vec(
            (prose(), prop::bool::ANY).prop_map(|(heading, right)| Column {
                key: "k".to_string(),
                heading,
                align: if right { Align::Right } else { Align::Left },
            }),
            n,
        );
        let row = (
            prop::sample::select(vec![RowKind::Item, RowKind::Group, RowKind::Total]),
            id(),
            prop::collection::vec(cell(), 0..n + 2),
        )
            .prop_map(|(kind, id, rest)| {
                let key = match kind {
                    RowKind::Total => Cell::Empty,
                    _ => Cell::Text(id),
                };
                Row {
                    kind,
                    cells: std::iter::once(key).chain(rest).collect(),
                    illustrative: false,
                }
            });
        (columns, prop::collection::vec(row, 0..8)).prop_map(|(mut columns, rows)| {
            columns[0].key = "id".to_string();
            Table { columns, rows }
        })
    })
}

fn document() -> impl Strategy<Value = Document> {
    let section = (
        prose(),
        prop::collection::vec(prose(), 0..3),
        prop::option::of(table()),
        prop::collection::vec(prose(), 0..3),
    )
        .prop_map(|(heading, intro, table, notes)| Section {
            id: "s".to_string(),
            heading,
            intro,
            table,
            notes,
            chart: None,
            narratives: Vec::new(),
        });
    (
        prose(),
        prop::collection::vec((prose(), prose()), 0..3),
        prop::collection::vec(section, 1..4),
    )
        .prop_map(|(title, facts, sections)| Document {
            kind: "any".to_string(),
            title,
            as_at: NaiveDate::from_ymd_opt(2025, 9, 30).expect("a date"),
            facts,
            sections,
            freshness: None,
        })
}

/// The words of every cell of every table, and the ids of its first
/// column.
fn words_and_ids(doc: &Document) -> (Vec<String>, Vec<String>) {
    let mut words = Vec::new();
    let mut ids = Vec::new();
    for table in doc.sections.iter().filter_map(|s| s.table.as_ref()) {
        let mut markers = super::cell::Markers::default();
        for row in &table.rows {
            for (i, cell) in crate::write::cells::aligned(&table.columns, row).enumerate() {
                let text = super::cell::cell_text(cell, &mut markers);
                if i == 0 && !text.is_empty() {
                    ids.push(text.clone());
                }
                words.extend(
                    text.split([' ', '\n'])
                        .filter(|w| !w.is_empty() && width(w) <= WHOLE_WORD)
                        .map(str::to_string),
                );
            }
        }
    }
    (words, ids)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any document at any width from 40 to 200 fits the width, keeps every
    /// id whole on one line and every word of every cell somewhere.
    #[test]
    fn any_document_fits_any_width_and_loses_nothing(
        doc in document(),
        max in 40u16..=200,
    ) {
        let out = render(&doc, Some(max), false);
        for line in out.lines() {
            prop_assert!(width(line) <= usize::from(max), "{} wide, over {max}: {line:?}", width(line));
        }
        let (words, ids) = words_and_ids(&doc);
        for id in &ids {
            prop_assert!(out.lines().any(|l| l.contains(id.as_str())), "id {id} is broken or lost");
        }
        for word in &words {
            prop_assert!(out.contains(word.as_str()), "word {word:?} is lost");
        }
    }

    /// With no width, every table row is one line (unless its own text
    /// holds a line break), however wide.
    #[test]
    fn with_no_width_every_row_is_one_line(table in table()) {
        let doc = Document {
            kind: "any".to_string(),
            title: "T".to_string(),
            as_at: NaiveDate::from_ymd_opt(2025, 9, 30).expect("a date"),
            facts: Vec::new(),
            sections: vec![Section {
                id: "s".to_string(),
                heading: "S".to_string(),
                intro: Vec::new(),
                table: Some(table.clone()),
                notes: Vec::new(),
                chart: None,
                narratives: Vec::new(),
            }],
            freshness: None,
        };
        let out = render(&doc, None, false);
        let breaks = |s: &str| s.matches('\n').count();
        let mut markers = super::cell::Markers::default();
        let row_lines: usize = table
            .rows
            .iter()
            .map(|r| {
                1 + crate::write::cells::aligned(&table.columns, r)
                    .map(|c| breaks(&super::cell::cell_text(c, &mut markers)))
                    .max()
                    .unwrap_or(0)
            })
            .sum();
        // The rows are the lines between the rule under the headings and
        // the closing rule.
        let lines: Vec<&str> = out.lines().collect();
        // The table's rules: the longest lines of dashes (a section heading is
        // underlined with dashes too, at its own length).
        let dashes = |l: &str| !l.is_empty() && l.chars().all(|c| c == '-');
        let rule = lines.iter().filter(|l| dashes(l)).map(|l| l.len()).max();
        let rules: Vec<usize> = (0..lines.len())
            .filter(|&i| dashes(lines[i]) && Some(lines[i].len()) == rule)
            .collect();
        prop_assert_eq!(rules.len(), 3, "{}", out);
        prop_assert_eq!(rules[2] - rules[1] - 1, row_lines, "{}", out);
    }
}

/// Regression: a table whose id column is empty (a total row only) and
/// whose text column holds one word longer than any id (a web address)
/// was written at that word's width, 66 columns at a width of 40: a word
/// that is broken where the line ends wraps like several words.
#[test]
fn one_word_longer_than_any_id_wraps_to_the_width() {
    let long = "abcdefgh-ijklmnop-qrstuvwx-yzabcdef-ghijklmn-opqrstuv-wxyzabcd-efg";
    let column = |key: &str, heading: &str| Column {
        key: key.into(),
        heading: heading.into(),
        align: Align::Left,
    };
    let table = Table {
        columns: vec![column("id", "Id"), column("text", "Text")],
        rows: vec![Row {
            kind: RowKind::Total,
            cells: vec![Cell::Empty, Cell::Text(long.into())],
            illustrative: false,
        }],
    };
    let doc = Document {
        kind: "any".to_string(),
        title: "T".to_string(),
        as_at: NaiveDate::from_ymd_opt(2025, 9, 30).expect("a date"),
        facts: Vec::new(),
        sections: vec![Section {
            id: "s".into(),
            heading: "S".into(),
            intro: Vec::new(),
            table: Some(table),
            notes: Vec::new(),
            chart: None,
            narratives: Vec::new(),
        }],
        freshness: None,
    };
    let out = render(&doc, Some(40), false);
    assert_fits(&out, 40);
    assert!(
        out.contains("abcdefgh-ijklmnop-qrstuvwx-yzabcdef-ghij\nklmn-"),
        "{out}"
    );
}

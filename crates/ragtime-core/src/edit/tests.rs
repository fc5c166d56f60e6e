//! Appending updates end to end: the text that comes out, every old byte
//! kept, what is refused, and any text read back unchanged.

use chrono::NaiveDate;

use super::*;

fn entry() -> NewUpdate {
    NewUpdate {
        date: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        status: "at-risk".into(),
        by: "hos-fostering".into(),
        note: Some("Two carers withdrew".into()),
        percent: None,
        due: None,
        reason: None,
        action: None,
    }
}

/// Every byte of the old text survives, in order, around the insertions.
fn assert_only_inserted(old: &str, edit: &Edit) {
    let mut rebuilt = String::new();
    let mut from = 0;
    for r in &edit.inserted {
        rebuilt.push_str(&edit.text[from..r.start]);
        from = r.end;
    }
    rebuilt.push_str(&edit.text[from..]);
    assert_eq!(rebuilt, old);
}

#[test]
fn appends_after_the_last_update_with_its_indentation() {
    let old = "[[milestone]]\nid = \"M1\"\n\n    [[milestone.update]]\n    date = 2026-01-01\n    status = \"on-target\"\n    by = \"x\"  # kept\n\n# next\n[[milestone]]\nid = \"M2\"\n";
    let edit = append_update(old, "M1", &entry()).unwrap();
    assert_only_inserted(old, &edit);
    assert_eq!(
        edit.text,
        "[[milestone]]\nid = \"M1\"\n\n    [[milestone.update]]\n    date = 2026-01-01\n    status = \"on-target\"\n    by = \"x\"  # kept\n\n    [[milestone.update]]\n    date = 2026-03-31\n    status = \"at-risk\"\n    by = \"hos-fostering\"\n    note = \"Two carers withdrew\"\n\n# next\n[[milestone]]\nid = \"M2\"\n"
    );
}

#[test]
fn keeps_crlf_and_a_missing_final_newline() {
    let old = "[[milestone]]\r\nid = \"M1\"\r\ndue = 2026-06-30";
    let edit = append_update(old, "M1", &entry()).unwrap();
    assert_only_inserted(old, &edit);
    assert!(!edit.text.ends_with('\n'));
    assert!(!edit.text.replace("\r\n", "").contains('\n'));
    assert!(
        edit.text
            .contains("\r\n\r\n  [[milestone.update]]\r\n  date = 2026-03-31")
    );
}

#[test]
fn inline_arrays_get_an_inline_entry() {
    let old = "[[milestone]]\nid = \"M1\"\nupdate = [\n  { date = 2026-01-01, status = \"on-target\", by = \"x\" }  # first\n]\n";
    let edit = append_update(old, "M1", &entry()).unwrap();
    assert_only_inserted(old, &edit);
    assert_eq!(
        edit.text,
        "[[milestone]]\nid = \"M1\"\nupdate = [\n  { date = 2026-01-01, status = \"on-target\", by = \"x\" },  # first\n  { date = 2026-03-31, status = \"at-risk\", by = \"hos-fostering\", note = \"Two carers withdrew\" },\n]\n"
    );

    let old = "[[milestone]]\nid = \"M1\"\nupdate = []\n";
    let edit = append_update(old, "M1", &entry()).unwrap();
    assert!(edit.text.contains("update = [{ date = 2026-03-31,"));

    let old = "milestone = [{ id = \"M1\", due = 2026-06-30 }]\n";
    let edit = append_update(old, "M1", &entry()).unwrap();
    assert_eq!(
        edit.text,
        "milestone = [{ id = \"M1\", due = 2026-06-30, update = [{ date = 2026-03-31, status = \"at-risk\", by = \"hos-fostering\", note = \"Two carers withdrew\" }] }]\n"
    );
}

#[test]
fn refuses_what_it_cannot_edit() {
    assert_eq!(
        append_update("[[milestone]]\nid = \"M1\"\n", "M2", &entry()),
        Err(EditError::NotFound("M2".into()))
    );
    assert_eq!(
        append_update(
            "[[milestone]]\nid = \"M1\"\n[[milestone]]\nid = \"M1\"\n",
            "M1",
            &entry()
        ),
        Err(EditError::Duplicate("M1".into()))
    );
    assert!(matches!(
        append_update("[[milestone]]\nid = \"M1\"\nupdate = 3\n", "M1", &entry()),
        Err(EditError::LogNotAList { .. })
    ));
    assert!(matches!(
        append_update("[milestone]\nid = \"M1\"\n", "M1", &entry()),
        Err(EditError::Unsupported { .. })
    ));
    assert!(matches!(
        append_update("[[milestone]\n", "M1", &entry()),
        Err(EditError::Syntax(_))
    ));
}

/// Text that is hard to quote: quotes of every kind, backslashes,
/// newlines, control characters, emoji, right-to-left text.
fn awkward_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        Just("'''".to_string()),
        Just("\"\"\"".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\\n".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\u{0}\u{1b}\u{7f}".to_string()),
        Just("# not a comment".to_string()),
        Just("😀👩‍👧".to_string()),
        Just("שלום עולם".to_string()),
        Just("\u{202e}abc\u{202c}".to_string()),
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

proptest::proptest! {
    #[test]
    fn any_text_reads_back_unchanged(note in awkward_text(), action in awkward_text()) {
        let old = "[[milestone]]\nid = \"M1\"\n";
        let mut e = entry();
        e.note = Some(note.clone());
        e.action = Some(action.clone());
        let edit = append_update(old, "M1", &e).unwrap();
        let doc: toml::Table = edit.text.parse().unwrap();
        let update = &doc["milestone"][0]["update"][0];
        proptest::prop_assert_eq!(update["note"].as_str(), Some(note.as_str()));
        proptest::prop_assert_eq!(update["action"].as_str(), Some(action.as_str()));
        // Each key stays on one line, whatever the text holds: two old
        // lines, a blank, the header and five keys.
        proptest::prop_assert_eq!(edit.text.lines().count(), 2 + 1 + 1 + 5);
    }
}

//! `ragtime schema`: the committed `docs/plan.schema.json` is what the
//! command prints, so editors pointed at it see the current format.

use crate::support::{ragtime, root};

#[test]
fn committed_schema_is_up_to_date() {
    let run = ragtime(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let committed = std::fs::read_to_string(root().join("docs/plan.schema.json")).unwrap();
    assert!(
        run.stdout == committed,
        "docs/plan.schema.json is out of date: run `cargo run -- schema > docs/plan.schema.json`"
    );
}

#[test]
fn schema_lists_the_seven_statuses_and_the_update_keys() {
    let run = ragtime(&["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let statuses = &schema["definitions"]["Status"]["enum"];
    assert_eq!(
        statuses,
        &serde_json::json!([
            "not-started",
            "on-target",
            "at-risk",
            "not-on-target",
            "paused",
            "complete",
            "cancelled"
        ])
    );
    let update = &schema["definitions"]["Update"];
    let keys: Vec<&str> = update["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "date", "status", "by", "note", "percent", "due", "reason", "action"
        ]
    );
    assert_eq!(update["additionalProperties"], serde_json::json!(false));
    assert_eq!(
        update["required"],
        serde_json::json!(["date", "status", "by"])
    );
}

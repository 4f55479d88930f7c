//! The JSON Schema of a form version's submission data describes exactly
//! what evaluation stores.

use forms::{compile, evaluate, submission_schema, Context, Date, RawAnswers};
use serde_json::json;

#[test]
fn the_schema_matches_the_stored_answers() {
    let spec = serde_json::from_value(json!({
        "key": "schema", "version": 3, "languages": ["sv", "en"],
        "title": {"sv": "Schema", "en": "Schema"}, "description": {"sv": "S", "en": "S"},
        "pages": [
            {"key": "a", "title": {"sv": "A", "en": "A"}, "fields": [
                {"key": "zone", "label": {"sv": "Zon", "en": "Zone"}, "type": "single_choice", "required": true,
                 "options": [{"value": "n", "label": {"sv": "N", "en": "N"}}, {"value": "s", "label": {"sv": "S", "en": "S"}}]},
                {"key": "months", "label": {"sv": "Månader", "en": "Months"}, "type": "integer", "min": 1, "max": 12, "required": true,
                 "visible_if": "$zone == \"n\""},
                {"key": "note", "label": {"sv": "Not", "en": "Note"}, "type": "information",
                 "blocks": [{"block": "paragraph", "text": {"sv": "x", "en": "x"}}]},
                {"key": "start", "label": {"sv": "Start", "en": "Start"}, "type": "date", "required": true},
                {"key": "ok", "label": {"sv": "Ok", "en": "Ok"}, "type": "consent"}
            ]}
        ]
    }))
    .expect("spec");
    let definition = compile(spec).expect("compiles");
    let schema = submission_schema(&definition, "en");
    assert_eq!(schema["title"], "Schema (version 3)");
    assert_eq!(schema["required"], json!(["zone", "start", "ok"]));
    assert!(
        schema["properties"].get("note").is_none(),
        "information has no answer"
    );
    assert_eq!(
        schema["properties"]["zone"]["properties"]["value"]["enum"],
        json!(["n", "s"])
    );
    assert_eq!(
        schema["properties"]["months"]["properties"]["value"],
        json!({"type": "integer", "minimum": 1, "maximum": 12})
    );
    assert_eq!(schema["properties"]["months"]["description"], "Months");

    // Every stored answer has the type tag its schema names.
    let raw = RawAnswers::from_pairs([
        ("zone", "n"),
        ("months", "6"),
        ("start", "2026-03-01"),
        ("ok", "yes"),
    ]);
    let today = Date::new(2026, 1, 1).expect("date");
    let answers = serde_json::to_value(evaluate(&definition, &raw, &Context::on(today)).answers)
        .expect("json");
    for (key, answer) in answers.as_object().expect("object") {
        let property = &schema["properties"][key];
        assert_eq!(
            property["properties"]["type"]["const"], answer["type"],
            "{key}"
        );
    }
    assert_eq!(answers.as_object().map(|o| o.len()), Some(4));
}

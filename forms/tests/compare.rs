//! `compare` between two versions of one form.

use forms::{compare, compile, Change, FieldChange, FormDefinition};
use serde_json::{json, Value};

fn form(fields_one: Value, fields_two: Value) -> FormDefinition {
    let spec = serde_json::from_value(json!({
        "key": "permit", "version": 1, "languages": ["sv"],
        "title": {"sv": "T"}, "description": {"sv": "D"},
        "pages": [
            {"key": "one", "title": {"sv": "1"}, "fields": fields_one},
            {"key": "two", "title": {"sv": "2"}, "fields": fields_two}
        ]
    }))
    .expect("spec");
    compile(spec).expect("compiles")
}

#[test]
fn changes_are_reported_by_how_much_they_disturb_answers() {
    let old = form(
        json!([
            {"key": "zone", "label": {"sv": "Zon"}, "type": "single_choice", "options": [
                {"value": "a", "label": {"sv": "A"}}, {"value": "b", "label": {"sv": "B"}}]},
            {"key": "months", "label": {"sv": "Månader"}, "type": "integer", "max": 12},
            {"key": "note", "label": {"sv": "Notering"}, "type": "short_text"},
            {"key": "gone", "label": {"sv": "Borta"}, "type": "short_text"}
        ]),
        json!([{"key": "mail", "label": {"sv": "E-post"}, "type": "email"}]),
    );
    let new = form(
        json!([
            {"key": "zone", "label": {"sv": "Område"}, "type": "single_choice", "options": [
                {"value": "a", "label": {"sv": "A"}}, {"value": "c", "label": {"sv": "C"}}]},
            {"key": "months", "label": {"sv": "Månader"}, "type": "integer", "max": 6, "required": true},
            {"key": "note", "label": {"sv": "Notering"}, "type": "integer"},
            {"key": "new", "label": {"sv": "Ny"}, "type": "yes_no"}
        ]),
        json!([{"key": "mail", "label": {"sv": "E-post"}, "type": "email", "visible_if": "answered($zone)"}]),
    );
    let changes = compare(&old, &new);
    assert_eq!(changes.added_fields, ["new"]);
    assert_eq!(changes.removed_fields, ["gone"]);
    assert!(changes.added_pages.is_empty() && changes.removed_pages.is_empty());
    let change = |field: &str, what: Vec<Change>| FieldChange {
        field: field.into(),
        what,
    };
    assert_eq!(
        changes.changed_fields,
        [
            change(
                "zone",
                vec![
                    Change::Texts,
                    Change::OptionsRemoved {
                        options: vec!["b".into()]
                    }
                ]
            ),
            change("months", vec![Change::Rules]),
            change("note", vec![Change::Kind]),
            change("mail", vec![Change::Condition]),
        ]
    );
    // A draft that only answered unchanged or text-changed questions is not
    // affected; one with an answer to a removed or re-checked one is.
    assert!(!changes.affects(["new"].into_iter()));
    assert!(changes.affects(["gone"].into_iter()));
    assert!(changes.affects(["months"].into_iter()));
    assert!(compare(&old, &old).is_empty());
}

#[test]
fn moving_a_field_to_another_page_is_a_change() {
    let a = form(
        json!([{"key": "x", "label": {"sv": "X"}, "type": "short_text"}]),
        json!([{"key": "y", "label": {"sv": "Y"}, "type": "short_text"}]),
    );
    let b = form(
        json!([{"key": "y", "label": {"sv": "Y"}, "type": "short_text"}]),
        json!([{"key": "x", "label": {"sv": "X"}, "type": "short_text"}]),
    );
    let changes = compare(&a, &b);
    assert_eq!(
        changes.changed_fields[0].what,
        [Change::Page {
            from: "two".into(),
            to: "one".into()
        }]
    );
    assert!(!changes.affects(["x"].into_iter()));
}

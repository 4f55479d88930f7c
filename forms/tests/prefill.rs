//! What e-ID brings to a form: prefilled answers, and fixed ones.

use forms::{compile, evaluate, prefilled, Address, Context, Date, FormDefinition, Person, Value};
use serde_json::json;

fn form(read_only: bool) -> FormDefinition {
    let spec = serde_json::from_value(json!({
        "key": "permit", "version": 1, "languages": ["sv"],
        "title": {"sv": "T"}, "description": {"sv": "D"},
        "identification": {"e_id": {"level": "loa3"}},
        "pages": [{"key": "one", "title": {"sv": "1"}, "fields": [
            {"key": "name", "label": {"sv": "Namn"}, "type": "short_text", "prefill": "name",
             "read_only": read_only},
            {"key": "pin", "label": {"sv": "Personnummer"}, "type": "personal_identity_number",
             "prefill": "personal_identity_number", "read_only": read_only},
            {"key": "home", "label": {"sv": "Adress"}, "type": "postal_address", "prefill": "address"},
            {"key": "note", "label": {"sv": "Notering"}, "type": "short_text"}
        ]}]
    }))
    .expect("spec");
    compile(spec).expect("compiles")
}

fn anna(pin: Option<&str>) -> Person {
    Person {
        name: "Anna Andersson".into(),
        personal_identity_number: pin.map(str::to_owned),
        address: Some(Address {
            street: "Storgatan 1".into(),
            postal_code: "111 22".into(),
            city: "Stockholm".into(),
        }),
    }
}

#[test]
fn a_signed_in_person_starts_with_their_own_answers() {
    let raw = prefilled(&form(false), &anna(Some("19811218-9876")));
    assert_eq!(raw.first("name"), Some("Anna Andersson"));
    assert_eq!(raw.first("pin"), Some("19811218-9876"));
    assert_eq!(raw.first("home.street"), Some("Storgatan 1"));
    assert_eq!(raw.first("home.city"), Some("Stockholm"));
    assert_eq!(
        raw.first("note"),
        None,
        "a field without prefill stays empty"
    );
}

#[test]
fn a_person_without_a_swedish_number_gets_no_number() {
    let raw = prefilled(&form(false), &anna(None));
    assert_eq!(raw.first("name"), Some("Anna Andersson"));
    assert_eq!(raw.first("pin"), None);
}

#[test]
fn fixed_answers_come_from_e_id_whatever_was_posted() {
    let definition = form(true);
    let mut context = Context::on(Date::new(2026, 11, 23).expect("date"));
    context.person = Some(anna(Some("19811218-9876")));
    let mut raw = prefilled(&definition, &anna(Some("19811218-9876")));
    raw.set("name", vec!["Someone Else".into()]);
    let evaluation = evaluate(&definition, &raw, &context);
    assert_eq!(
        evaluation.answers.get("name"),
        Some(&Value::Text("Anna Andersson".into()))
    );
}

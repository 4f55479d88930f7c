//! The definition format itself: its published JSON Schema, and TOML as a
//! second way to write the same definition. Both need the features of the
//! same names, which the workspace build turns on (the server uses them).
#![cfg(all(feature = "toml", feature = "json-schema"))]

use forms::{compile, FormSpec};
use serde_json::json;

/// A small definition with a group, a decimal and a date bound, as JSON.
fn as_json() -> serde_json::Value {
    json!({
        "key": "grant", "version": 3, "languages": ["sv", "en"],
        "title": {"sv": "Bidrag", "en": "Grant"},
        "description": {"sv": "Sök bidrag", "en": "Apply for a grant"},
        "pages": [{
            "key": "budget", "title": {"sv": "Budget", "en": "Budget"},
            "fields": [
                {"key": "start", "type": "date", "earliest": "today+7",
                 "label": {"sv": "Start", "en": "Start"}},
                {"key": "lines", "type": "group", "min_rows": 1,
                 "label": {"sv": "Poster", "en": "Lines"},
                 "row_label": {"sv": "Post", "en": "Line"},
                 "fields": [
                    {"key": "amount", "type": "decimal", "required": true, "max": 1000.5,
                     "label": {"sv": "Belopp", "en": "Amount"}}
                 ]},
                {"key": "total", "type": "computed", "expression": "sum($amount)",
                 "label": {"sv": "Summa", "en": "Total"}}
            ]
        }]
    })
}

const AS_TOML: &str = r#"
key = "grant"
version = 3
languages = ["sv", "en"]
title = { sv = "Bidrag", en = "Grant" }
description = { sv = "Sök bidrag", en = "Apply for a grant" }

[[pages]]
key = "budget"
title = { sv = "Budget", en = "Budget" }

[[pages.fields]]
key = "start"
type = "date"
earliest = "today+7"
label = { sv = "Start", en = "Start" }

[[pages.fields]]
key = "lines"
type = "group"
min_rows = 1
label = { sv = "Poster", en = "Lines" }
row_label = { sv = "Post", en = "Line" }

[[pages.fields.fields]]
key = "amount"
type = "decimal"
required = true
max = 1000.5
label = { sv = "Belopp", en = "Amount" }

[[pages.fields]]
key = "total"
type = "computed"
expression = "sum($amount)"
label = { sv = "Summa", en = "Total" }
"#;

#[test]
fn toml_and_json_give_the_same_definition() {
    let from_json: FormSpec = serde_json::from_value(as_json()).expect("valid JSON definition");
    let from_toml = forms::spec_from_toml(AS_TOML).expect("valid TOML definition");
    assert_eq!(from_toml, from_json);
    assert!(compile(from_toml).is_ok());
    let broken = AS_TOML.replace("type = \"decimal\"", "type = \"decimals\"");
    let error = forms::spec_from_toml(&broken).expect_err("an unknown kind is refused");
    assert!(error.contains("decimals"), "{error}");
}

/// The published schema is generated from the definition types, so it can
/// never drift from what `compile` reads; the committed copy is what the
/// server hands out. `BLESS=1` writes it anew.
#[test]
fn the_published_schema_is_current_and_describes_every_kind() {
    let schema = forms::definition_schema();
    let text = format!(
        "{}\n",
        serde_json::to_string_pretty(&schema).expect("serialises")
    );
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("definition.schema.json");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &text).expect("written");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "forms/definition.schema.json is out of date: BLESS=1 cargo test -p forms --features json-schema --test formats"
    );
    for kind in [
        "short_text",
        "long_text",
        "email",
        "integer",
        "decimal",
        "single_choice",
        "multiple_choice",
        "yes_no",
        "consent",
        "date",
        "phone",
        "postal_code",
        "personal_identity_number",
        "organisation_number",
        "file",
        "group",
        "computed",
        "postal_address",
        "information",
    ] {
        assert!(
            text.contains(&format!("\"{kind}\"")),
            "the schema names {kind}"
        );
    }
    // Every shipped case definition that compiles also fits the schema's
    // top-level shape (its required keys are there).
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required keys")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for key in [
        "key",
        "version",
        "languages",
        "title",
        "description",
        "pages",
    ] {
        assert!(required.contains(&key), "{key} is required");
    }
    let _ = as_json();
}

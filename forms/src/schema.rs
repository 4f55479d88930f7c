//! JSON Schema (draft 2020-12) of one form version's submission data: the
//! typed answers as stored with a case and handed to integrations.

use crate::definition::{Field, FormDefinition};
use crate::expr::Type;
use crate::spec::FieldKind;
use serde_json::{json, Map, Value};

/// The schema of the answers of `definition`, with labels in `lang` as
/// descriptions. A field is listed as required only when it must be
/// answered whatever else is answered (required, and never hidden).
pub fn submission_schema(definition: &FormDefinition, lang: &str) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for page in definition.pages() {
        let page_conditional = definition.page_condition(page.key()).is_some();
        for field in page.fields() {
            let Some(schema) = answer_schema(definition, field, lang) else {
                continue; // information text has no answer
            };
            properties.insert(field.key().to_owned(), schema);
            if field.required() && !field.is_conditional() && !page_conditional {
                required.push(Value::from(field.key()));
            }
        }
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("{} (version {})", definition.title(lang), definition.version()),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// The schema of one stored answer: its `type` tag and its value.
fn answer_schema(definition: &FormDefinition, field: Field<'_>, lang: &str) -> Option<Value> {
    let (type_name, value) = match field.kind() {
        FieldKind::Group {
            min_rows, max_rows, ..
        } => {
            let mut row_properties = Map::new();
            let mut row_required = Vec::new();
            for sub in field.row_fields() {
                if let Some(schema) = answer_schema(definition, sub, lang) {
                    row_properties.insert(sub.key().to_owned(), schema);
                    if sub.required() && !sub.is_conditional() {
                        row_required.push(Value::from(sub.key()));
                    }
                }
            }
            let mut rows = json!({
                "type": "array",
                "minItems": min_rows.unwrap_or(1).max(1),
                "items": {
                    "type": "object",
                    "properties": row_properties,
                    "required": row_required,
                    "additionalProperties": false,
                },
            });
            if let Some(max) = max_rows {
                rows["maxItems"] = json!(max);
            }
            ("rows", rows)
        }
        kind => value_schema(kind, definition.computed_type(field.key()))?,
    };
    Some(json!({
        "description": field.label(lang),
        "type": "object",
        "properties": {"type": {"const": type_name}, "value": value},
        "required": ["type", "value"],
        "additionalProperties": false,
    }))
}

/// A decimal as stored: a string, so that no reader turns it into a float.
const DECIMAL_PATTERN: &str = "^-?[0-9]+(\\.[0-9]+)?$";

/// The stored `type` tag of a kind's answers, and the schema of its value.
fn value_schema(kind: &FieldKind, computed: Option<Type>) -> Option<(&'static str, Value)> {
    let values = |options: &[crate::spec::ChoiceOption]| -> Vec<Value> {
        options
            .iter()
            .map(|o| Value::from(o.value.as_str()))
            .collect()
    };
    Some(match kind {
        FieldKind::ShortText {
            min_length,
            max_length,
            ..
        }
        | FieldKind::LongText {
            min_length,
            max_length,
        } => {
            let mut s = json!({"type": "string", "minLength": min_length.unwrap_or(1).max(1)});
            if let Some(max) = max_length {
                s["maxLength"] = json!(max);
            }
            ("text", s)
        }
        FieldKind::Decimal { .. } => (
            "decimal",
            json!({"type": "string", "pattern": DECIMAL_PATTERN}),
        ),
        FieldKind::File { max_files, .. } => (
            "files",
            json!({
                "type": "array",
                "minItems": 1,
                "maxItems": max_files.unwrap_or(1),
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "content_type": {"type": "string"},
                        "size": {"type": "integer", "minimum": 0}
                    },
                    "required": ["id", "name", "content_type", "size"],
                    "additionalProperties": false
                }
            }),
        ),
        FieldKind::Email => ("text", json!({"type": "string", "format": "email"})),
        FieldKind::Integer { min, max, .. } => {
            let mut s = json!({"type": "integer"});
            if let Some(min) = min {
                s["minimum"] = json!(min);
            }
            if let Some(max) = max {
                s["maximum"] = json!(max);
            }
            ("integer", s)
        }
        FieldKind::SingleChoice { options, .. } => ("choice", json!({"enum": values(options)})),
        FieldKind::MultipleChoice {
            options: opts,
            min_selected,
            max_selected,
        } => {
            let mut s = json!({"type": "array", "items": {"enum": values(opts)}, "uniqueItems": true, "minItems": 1});
            if let Some(min) = min_selected {
                s["minItems"] = json!(min);
            }
            if let Some(max) = max_selected {
                s["maxItems"] = json!(max);
            }
            ("choices", s)
        }
        FieldKind::YesNo => ("bool", json!({"type": "boolean"})),
        FieldKind::Consent => ("bool", json!({"const": true})),
        FieldKind::Date { .. } => ("date", json!({"type": "string", "format": "date"})),
        FieldKind::Phone => (
            "text",
            json!({"type": "string", "pattern": "^\\+?[0-9]{7,15}$"}),
        ),
        FieldKind::PostalCode => (
            "text",
            json!({"type": "string", "pattern": "^[1-9][0-9]{2} [0-9]{2}$"}),
        ),
        FieldKind::PersonalIdentityNumber => (
            "text",
            json!({"type": "string", "pattern": "^[0-9]{8}-[0-9]{4}$", "description": "YYYYMMDD-NNNC; a samordningsnummer has the day + 60"}),
        ),
        FieldKind::OrganisationNumber => (
            "text",
            json!({"type": "string", "pattern": "^[0-9]{6}-[0-9]{4}$"}),
        ),
        FieldKind::PostalAddress => (
            "address",
            json!({
                "type": "object",
                "properties": {
                    "street": {"type": "string", "minLength": 1},
                    "postal_code": {"type": "string", "pattern": "^[1-9][0-9]{2} [0-9]{2}$"},
                    "city": {"type": "string", "minLength": 1}
                },
                "required": ["street", "postal_code", "city"],
                "additionalProperties": false
            }),
        ),
        FieldKind::Computed { .. } => match computed? {
            Type::Number => (
                "decimal",
                json!({"type": "string", "pattern": DECIMAL_PATTERN}),
            ),
            Type::Text => ("text", json!({"type": "string"})),
            Type::Bool => ("bool", json!({"type": "boolean"})),
            Type::Date => ("date", json!({"type": "string", "format": "date"})),
            Type::List
            | Type::Address
            | Type::Rows
            | Type::NumberColumn
            | Type::Column
            | Type::Files => return None,
        },
        // Groups are described by `answer_schema`.
        FieldKind::Group { .. } | FieldKind::Information { .. } => return None,
    })
}

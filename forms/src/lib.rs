//! The pure forms engine of Blankett.
//!
//! A form is authored as a [`FormSpec`] (plain serde data, written as JSON or
//! TOML), checked once by [`compile`] into a [`FormDefinition`], and then used
//! read-only. What a person posted arrives as [`RawAnswers`] and is turned by
//! [`evaluate`] into typed answers and every error at once. The same functions
//! run on the server, which is the authority, and in the browser, which uses
//! them for instant feedback, so the two can never disagree.
//!
//! Invariants: this crate does no IO, reads no clock, spawns nothing and knows
//! nothing of HTTP, HTML, SQL or any UI framework. It never panics on any input.
//! Errors are codes with arguments; turning them into words is the UI's job.
//! All maps are ordered, so output never depends on hash iteration order.

mod answers;
mod compare;
mod date;
mod definition;
mod evaluate;
pub mod expr;
mod identity;
/// The rules of Swedish personal identity numbers, for what comes from
/// elsewhere than a form (an e-ID's claim).
pub use identity::{personal_identity_number, IdentityError};
mod number;
mod schema;
mod spec;
mod summary;

pub use answers::{question_of, Address, FileRef, RawAnswers, Value};
pub use compare::{compare, Change, Changes, FieldChange};
pub use date::Date;
pub use definition::{
    compile, CompileError, CompileProblem, Field, FormDefinition, Page, MAX_FILES, MAX_ROWS,
};
pub use evaluate::{
    accepts, evaluate, is_plausible_email, prefilled, Context, ErrorCode, Evaluation, FieldError,
    Journey, PageProgress, Person,
};
pub use number::Decimal;
pub use schema::submission_schema;
pub use spec::{
    AssuranceLevel, Block, ChoiceDisplay, ChoiceOption, DateBound, FieldKind, FieldSpec, FormSpec,
    Identification, LegalBasis, PageSpec, Prefill, PrivacyNotice, RuleSpec, StartInfo, StatusSpec,
    Text, DEFAULT_STATUSES, REQUIRED_STATUSES,
};
pub use summary::{
    decimal_separator, format_bytes, summary, SummaryGroupRow, SummaryRow, SummaryValue,
};

/// The JSON Schema (draft 2020-12) of the definition format: what editors
/// and integrators validate a definition against before `compile` checks
/// the rest (references, conditions, texts in every language).
#[cfg(feature = "json-schema")]
pub fn definition_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(FormSpec).to_value();
    // A field's own keys and its kind's keys sit side by side (serde's
    // `flatten`); together they are all a field may have.
    if let Some(field) = schema.pointer_mut("/$defs/FieldSpec") {
        field["unevaluatedProperties"] = serde_json::Value::Bool(false);
    }
    if let Some(object) = schema.as_object_mut() {
        object.insert(
            "$id".into(),
            serde_json::Value::from("urn:blankett:form-definition"),
        );
        object.insert(
            "title".into(),
            serde_json::Value::from("Blankett form definition"),
        );
    }
    schema
}

/// Reads a definition written in TOML; it means the same as the same
/// definition in JSON.
#[cfg(feature = "toml")]
pub fn spec_from_toml(text: &str) -> Result<FormSpec, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

/// Writes a definition as TOML; [`spec_from_toml`] reads it back the same.
#[cfg(feature = "toml")]
pub fn spec_to_toml(spec: &FormSpec) -> Result<String, String> {
    toml::to_string_pretty(spec).map_err(|e| e.to_string())
}

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
mod number;
mod schema;
mod spec;
mod summary;

pub use answers::{Address, FileRef, RawAnswers, Value};
pub use compare::{compare, Change, Changes, FieldChange};
pub use date::Date;
pub use definition::{
    compile, CompileError, CompileProblem, Field, FormDefinition, Page, MAX_FILES, MAX_ROWS,
};
pub use evaluate::{
    accepts, evaluate, Context, ErrorCode, Evaluation, FieldError, Journey, PageProgress, Person,
};
pub use number::Decimal;
pub use schema::submission_schema;
pub use spec::{
    AssuranceLevel, Block, ChoiceDisplay, ChoiceOption, DateBound, FieldKind, FieldSpec, FormSpec,
    Identification, LegalBasis, PageSpec, Prefill, PrivacyNotice, RuleSpec, Text,
};
pub use summary::{
    decimal_separator, format_bytes, summary, SummaryGroupRow, SummaryRow, SummaryValue,
};

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
mod schema;
mod spec;
mod summary;

pub use answers::{Address, RawAnswers, Value};
pub use compare::{compare, Change, Changes, FieldChange};
pub use date::Date;
pub use definition::{compile, CompileError, CompileProblem, Field, FormDefinition, Page};
pub use evaluate::{evaluate, Context, ErrorCode, Evaluation, FieldError, Journey, PageProgress};
pub use schema::submission_schema;
pub use spec::{
    AssuranceLevel, Block, ChoiceOption, DateBound, FieldKind, FieldSpec, FormSpec, Identification,
    LegalBasis, PageSpec, PrivacyNotice, RuleSpec, Text,
};
pub use summary::{summary, SummaryRow, SummaryValue};

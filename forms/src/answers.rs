//! Answers: raw (as posted) and typed (after evaluation).

use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an HTML form posts: each name with every value sent for it, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawAnswers(BTreeMap<String, Vec<String>>);

impl RawAnswers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds raw answers from name/value pairs, as decoded from a form body.
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let mut raw = Self::new();
        for (name, value) in pairs {
            raw.push(name, value);
        }
        raw
    }

    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.entry(name.into()).or_default().push(value.into());
    }

    /// Every value sent for `name` (checkboxes send one per ticked box).
    pub fn all(&self, name: &str) -> &[String] {
        self.0.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first value sent for `name`, if any.
    pub fn first(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(|v| v.first()).map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

/// A typed answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Value {
    Text(String),
    Integer(i64),
    /// The `value` of the chosen option.
    Choice(String),
    /// The `value`s of the ticked options, in the form's order.
    Choices(Vec<String>),
    Bool(bool),
    Date(Date),
    Address(Address),
}

/// The parts of a postal address, in the order they are asked.
pub const ADDRESS_PARTS: [&str; 3] = ["street", "postal_code", "city"];

/// A postal address, each part trimmed; the postal code as `123 45`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub postal_code: String,
    pub city: String,
}

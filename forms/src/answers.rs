//! Answers: raw (as posted) and typed (after evaluation).

use crate::date::Date;
use crate::number::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The question an input belongs to: `children[0].name` and
/// `children.rows` belong to `children`, `address.street` to `address`.
pub fn question_of(input: &str) -> &str {
    let end = input.find(['[', '.']).unwrap_or(input.len());
    &input[..end]
}

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

    /// Sets the values of `name`, replacing any posted.
    pub fn set(&mut self, name: impl Into<String>, values: Vec<String>) {
        self.0.insert(name.into(), values);
    }

    /// "Add another": one more row in `group` (up to `limit`).
    pub fn add_row(&mut self, group: &str, limit: usize) {
        let rows = self.rows(group, limit);
        if rows < limit {
            self.set(format!("{group}.rows"), vec![(rows + 1).to_string()]);
        }
    }

    /// "Remove": drops row `row` of `group`; the rows after it move up.
    pub fn remove_row(&mut self, group: &str, row: usize, limit: usize) {
        let rows = self.rows(group, limit);
        if row >= rows {
            return;
        }
        let prefix = format!("{group}[");
        let names: Vec<String> = self
            .0
            .range(prefix.clone()..)
            .take_while(|(name, _)| name.starts_with(&prefix))
            .map(|(name, _)| name.clone())
            .collect();
        let mut moved = Vec::new();
        for name in names {
            let rest = &name[prefix.len()..];
            let Some((index, tail)) = rest.split_once(']') else {
                continue;
            };
            let Ok(index) = index.parse::<usize>() else {
                continue;
            };
            if index < row {
                continue;
            }
            let values = self.0.remove(&name).unwrap_or_default();
            if index > row {
                moved.push((format!("{group}[{}]{tail}", index - 1), values));
            }
        }
        self.0.extend(moved);
        self.set(format!("{group}.rows"), vec![(rows - 1).to_string()]);
    }

    /// Every name that starts with `prefix`, without it, and its values.
    pub fn under<'a>(&'a self, prefix: &str) -> impl Iterator<Item = (&'a str, &'a [String])> + 'a {
        let prefix = prefix.to_owned();
        let len = prefix.len();
        self.0
            .range::<str, _>((
                std::ops::Bound::Included(prefix.as_str()),
                std::ops::Bound::Unbounded,
            ))
            .take_while(move |(name, _)| name.starts_with(&prefix))
            .map(move |(name, values)| (&name[len..], values.as_slice()))
    }

    /// How many rows of group `group` were posted: the number it says
    /// (`<group>.rows`) or one past the highest row posted, whichever is
    /// more, but never more than `limit`.
    pub fn rows(&self, group: &str, limit: usize) -> usize {
        let declared = self
            .first(&format!("{group}.rows"))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .unwrap_or(0);
        let prefix = format!("{group}[");
        let highest = self
            .0
            .range(prefix.clone()..)
            .take_while(|(name, _)| name.starts_with(&prefix))
            .filter_map(|(name, _)| {
                let rest = &name[prefix.len()..];
                let end = rest.find(']')?;
                rest[..end].parse::<usize>().ok()
            })
            .filter(|r| *r < limit)
            .max()
            .map_or(0, |r| r + 1);
        declared.max(highest).min(limit)
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
    /// A decimal field's answer, or a computed number.
    Decimal(Decimal),
    /// The `value` of the chosen option.
    Choice(String),
    /// The `value`s of the ticked options, in the form's order.
    Choices(Vec<String>),
    Bool(bool),
    Date(Date),
    Address(Address),
    /// The rows of a repeating group that have answers, in order; each
    /// row holds the answers of its shown fields.
    Rows(Vec<BTreeMap<String, Value>>),
    /// Attached files, in the order attached.
    Files(Vec<FileRef>),
}

/// A file the server has stored for an answer. The server makes this when
/// the file arrives and posts it to the engine as JSON; the engine checks
/// the type, size and number against the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    /// The server's identifier of the stored file.
    pub id: String,
    /// The name it had on the person's device.
    pub name: String,
    /// The media type found in the file's contents (`image/jpeg`).
    pub content_type: String,
    /// Size in bytes.
    pub size: u64,
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

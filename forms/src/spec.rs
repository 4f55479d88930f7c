//! What authors write: the serde shape of a form definition.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Author-visible text in every language the form is offered in, keyed by
/// language tag (`sv`, `en`, ...).
pub type Text = BTreeMap<String, String>;

/// A form definition as authored. Nothing here is trusted until [`crate::compile`]
/// has checked it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormSpec {
    /// Stable key of the service, used in addresses (`parking-permit`).
    pub key: String,
    /// Version number; every published version is immutable.
    pub version: u32,
    /// Languages the form is offered in; the first is the default.
    pub languages: Vec<String>,
    pub title: Text,
    pub description: Text,
    /// Catalogue topics (`parking-and-streets`, ...).
    #[serde(default)]
    pub topics: Vec<String>,
    pub pages: Vec<PageSpec>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    pub key: String,
    pub title: Text,
    /// An expression; the page is only shown (and its fields only asked)
    /// when it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<String>,
    pub fields: Vec<FieldSpec>,
}

/// Unknown fields are refused by [`FieldKind`], which receives every key that
/// this struct does not name (`deny_unknown_fields` cannot sit beside `flatten`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldSpec {
    pub key: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    #[serde(default)]
    pub required: bool,
    /// An expression; the field is only asked when it holds. A hidden
    /// field is neither validated nor stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<String>,
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// One closed enum for every kind of field: adding a kind breaks every `match`
/// that must handle it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FieldKind {
    ShortText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    LongText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    Email,
    Integer {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
    },
    SingleChoice {
        options: Vec<ChoiceOption>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: Text,
}

//! What authors write: the serde shape of a form definition.

use crate::number::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Author-visible text in every language the form is offered in, keyed by
/// language tag (`sv`, `en`, ...).
pub type Text = BTreeMap<String, String>;

/// A form definition as authored. Nothing here is trusted until [`crate::compile`]
/// has checked it.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
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
    /// The department responsible for the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Text>,
    /// How many days handling usually takes, as told to residents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_days: Option<u32>,
    /// Whether residents must sign in with e-ID, and how strongly.
    #[serde(default)]
    pub identification: Identification,
    /// What the personal data is for, the legal basis and how long it is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy: Option<PrivacyNotice>,
    /// What the service's start page tells before a person begins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<StartInfo>,
    /// Keys of e-mail questions (outside repeating groups) whose answers
    /// get the receipt by e-mail. Naming them keeps the summary, which
    /// holds personal data, from going to an address asked for another
    /// reason (an employer's, a reference's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receipt_to: Vec<String>,
    pub pages: Vec<PageSpec>,
    /// The statuses its cases move through, in order, if the service has
    /// its own; none means Blankett's default ([`DEFAULT_STATUSES`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<StatusSpec>,
    /// Checks across fields ("the end date is after the start date").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RuleSpec>,
}

/// Who may fill in the form.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Identification {
    /// Anyone, without signing in; signed-in residents get their data prefilled.
    #[default]
    Anonymous,
    /// Signed in with e-ID of at least this level of assurance.
    EId { level: AssuranceLevel },
}

/// Levels of assurance for e-ID (Swedish "tillitsnivå"; eIDAS in brackets).
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssuranceLevel {
    /// LoA 2 (eIDAS low).
    Loa2,
    /// LoA 3 (eIDAS substantial): BankID, Freja eID+.
    Loa3,
    /// LoA 4 (eIDAS high).
    Loa4,
}

/// What a person should know before starting: what to have at hand, how
/// long it takes, and how else the same thing can be done.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartInfo {
    /// What to have at hand, one text per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub need: Vec<Text>,
    /// Roughly how many minutes filling in takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// A telephone number for doing this without the e-service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where to go to do it in person (address and opening hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<Text>,
}

/// Blankett's default statuses, in order (names are the UI's own, in
/// every language it speaks).
pub const DEFAULT_STATUSES: [&str; 6] = [
    "received",
    "in-progress",
    "waiting",
    "approved",
    "rejected",
    "closed",
];

/// The statuses every service's model has, since Blankett itself moves
/// cases to them: a case arrives received, waits while the resident is
/// asked to complete it, is back in progress when they have, and is
/// deleted at the end of its retention once closed.
pub const REQUIRED_STATUSES: [&str; 4] = ["received", "in-progress", "waiting", "closed"];

/// A status of a service's own model.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusSpec {
    /// Stable key (`inspection-booked`).
    pub key: String,
    /// Its name, in every language of the form.
    pub name: Text,
    /// Whether the resident can write to the case handlers while the case
    /// is in it (default: yes).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub messages: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// The personal-data notice shown before a resident starts (GDPR art. 13).
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyNotice {
    /// What the data is used for.
    pub purpose: Text,
    pub legal_basis: LegalBasis,
    /// How many months the case is kept after it is closed.
    pub retention_months: u32,
}

/// The lawful bases of GDPR article 6(1).
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}

/// A check that must hold across answers. It is only applied when the field
/// it reports on is shown, and only when every answer it reads is there;
/// a missing answer is the business of `required`.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub key: String,
    /// An expression that must be true.
    pub check: String,
    /// The field whose answer the error is shown at.
    pub field: String,
    /// What the person reads when the check fails, in every language.
    pub message: Text,
}

#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldSpec {
    pub key: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    #[serde(default)]
    pub required: bool,
    /// An expression; when it holds the field must be answered (as if
    /// `required` were set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<String>,
    /// An expression; the field is only asked when it holds. A hidden
    /// field is neither validated nor stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<String>,
    /// The author's own words for an error, by error code (`required`,
    /// `too_long`, ...), in every language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, Text>,
    /// Filled in from the signed-in person's e-ID data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
    /// With `prefill`: shown, not changeable; what is posted is ignored.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// What can be filled in from the signed-in person.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prefill {
    /// The full name (a short text field).
    Name,
    /// The personnummer (a personal identity number field).
    PersonalIdentityNumber,
    /// The registered address (a postal address field).
    Address,
}

/// One closed enum for every kind of field: adding a kind breaks every `match`
/// that must handle it.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FieldKind {
    ShortText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
        /// A regular expression the whole answer must match (`[A-Z]{3}
        /// ?[0-9]{2}[0-9A-Z]` for a registration number). Matching takes
        /// linear time whatever the pattern; give a `pattern` message that
        /// says what is expected.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pattern: Option<String>,
    },
    LongText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    Email,
    Integer {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
        /// What is counted (`kr`, `m²`, `timmar`), shown after the input
        /// and the answer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
    },
    /// A number with decimals (`12,5`), exact; at most `decimals` places
    /// (2 unless set, at most 6).
    Decimal {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decimals: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
    },
    /// Radio buttons, or a drop-down list with `"display": "select"`.
    SingleChoice {
        options: Vec<ChoiceOption>,
        #[serde(default, skip_serializing_if = "ChoiceDisplay::is_radios")]
        display: ChoiceDisplay,
    },
    /// Checkboxes; `required` means at least one.
    MultipleChoice {
        options: Vec<ChoiceOption>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_selected: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_selected: Option<u32>,
    },
    YesNo,
    /// A box that must be ticked to go on (always required).
    Consent,
    /// A calendar date; bounds are fixed (`2026-01-01`) or relative to the
    /// day the form is filled in (`today`, `today+30`, `today-6570`).
    Date {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        earliest: Option<DateBound>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        latest: Option<DateBound>,
    },
    Phone,
    PostalCode,
    /// Personnummer or samordningsnummer.
    PersonalIdentityNumber,
    OrganisationNumber,
    /// Files to attach (a photo, a budget). The server stores the files and
    /// posts a description of each (see [`crate::FileRef`]); the engine
    /// checks their type, size and number.
    File {
        /// Media types accepted (`image/jpeg`, or `image/*`).
        accept: Vec<String>,
        /// Largest size of one file, in bytes.
        max_bytes: u64,
        /// How many files may be attached (1 unless set).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_files: Option<u32>,
    },
    /// "Add another": the same questions once per row (a child, a budget
    /// line). Inputs are posted as `<key>[<row>].<field>`, and the number
    /// of rows as `<key>.rows`. A row's conditions and computed values read
    /// that row's answers; outside the group `count($group)` counts rows
    /// and `sum($field)` adds up a number field over every row. A row
    /// where nothing is typed is no row.
    Group {
        fields: Vec<FieldSpec>,
        /// What one row is called (`Barn`, `Child`): rows are shown as
        /// "Barn 1", "Barn 2".
        row_label: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_rows: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_rows: Option<u32>,
    },
    /// A value worked out from other answers (a fee, a total, an age); shown,
    /// stored, never typed. It may read other computed values, but not in a
    /// circle.
    Computed {
        expression: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
    },
    /// A Swedish postal address: street, postal code and town, posted as
    /// `<key>.street`, `<key>.postal_code` and `<key>.city`.
    PostalAddress,
    /// Text to read, not a question: the label is its heading. Never
    /// answered, never required, and not readable by expressions.
    Information {
        blocks: Vec<Block>,
    },
}

/// A piece of information text. There is no raw HTML: what authors write
/// is always shown as text.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "block", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A heading within the information text.
    Heading {
        text: Text,
    },
    Paragraph {
        text: Text,
    },
    /// A bulleted list, one text per item.
    List {
        items: Vec<Text>,
    },
    /// A link: `https://`, `mailto:`, `tel:` or a path on this site.
    Link {
        text: Text,
        href: String,
    },
}

/// A date bound: a fixed day, or a number of days from today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum DateBound {
    Fixed(crate::date::Date),
    Today { offset_days: i32 },
}

#[cfg(feature = "json-schema")]
impl schemars::JsonSchema for DateBound {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateBound".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A fixed day (`2026-01-01`), or a number of days from the day the form is filled in (`today`, `today+30`, `today-6570`).",
            "type": "string",
            "pattern": "^(today([+-][0-9]+)?|[0-9]{4}-[0-9]{2}-[0-9]{2})$"
        })
    }
}

impl DateBound {
    /// The day this bound means, on `today`.
    pub fn resolve(self, today: crate::date::Date) -> crate::date::Date {
        match self {
            DateBound::Fixed(d) => d,
            DateBound::Today { offset_days } => today.add_days(i64::from(offset_days)),
        }
    }
}

impl TryFrom<String> for DateBound {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        let t = s.trim();
        if let Some(rest) = t.strip_prefix("today") {
            let offset_days = match rest.trim() {
                "" => 0,
                r => r
                    .replace(' ', "")
                    .parse::<i32>()
                    .map_err(|_| format!("`{s}` is not `today`, `today+N` or `today-N`"))?,
            };
            return Ok(DateBound::Today { offset_days });
        }
        crate::date::Date::parse_iso(t)
            .map(DateBound::Fixed)
            .ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD) or `today±N`"))
    }
}

impl From<DateBound> for String {
    fn from(b: DateBound) -> Self {
        match b {
            DateBound::Fixed(d) => d.to_string(),
            DateBound::Today { offset_days: 0 } => "today".into(),
            DateBound::Today { offset_days } => format!("today{offset_days:+}"),
        }
    }
}

/// How a single choice is shown.
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceDisplay {
    /// Radio buttons: every option visible (best up to about ten).
    #[default]
    Radios,
    /// A drop-down list, for long lists (municipalities, countries).
    Select,
}

impl ChoiceDisplay {
    fn is_radios(&self) -> bool {
        *self == ChoiceDisplay::Radios
    }
}

#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: Text,
}

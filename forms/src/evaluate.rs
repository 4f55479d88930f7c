//! Evaluation: raw answers in, typed answers and every error out.

use crate::answers::{RawAnswers, Value};
use crate::date::Date;
use crate::definition::{Field, FormDefinition, Step};
use crate::expr::{self, Scope};
use crate::identity::{self, IdentityError};
use crate::spec::FieldKind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Longest e-mail address accepted (RFC 5321's path limit).
const MAX_EMAIL_LEN: usize = 254;
/// Free text without an author-set limit is still bounded, so one post
/// cannot store megabytes in a single answer.
const DEFAULT_MAX_TEXT: u32 = 10_000;

/// What the engine is told about the world: it reads no clock itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// Today's date where the form is filled in.
    pub today: Date,
}

/// The outcome of evaluating posted answers against a definition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Typed answers of the visible fields that were answered and valid.
    pub answers: BTreeMap<String, Value>,
    /// Every error of the visible fields, in the order the fields appear.
    pub errors: Vec<FieldError>,
    /// Keys of the pages shown, in form order.
    pub visible_pages: Vec<String>,
    /// Keys of the fields asked, in form order.
    pub visible_fields: Vec<String>,
    /// The way through the form: the pages shown and which are complete.
    pub journey: Journey,
}

/// The pages a person goes through, in order, with which are complete.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journey {
    pub pages: Vec<PageProgress>,
    /// Every shown page is complete: the form can be sent.
    pub can_submit: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageProgress {
    pub key: String,
    /// No shown field of the page has an error (required ones are answered).
    pub complete: bool,
}

impl Journey {
    /// The page after `page`, skipping pages that are not shown.
    pub fn next_after(&self, page: &str) -> Option<&str> {
        let i = self.pages.iter().position(|p| p.key == page)?;
        self.pages.get(i + 1).map(|p| p.key.as_str())
    }

    /// The page before `page`, skipping pages that are not shown.
    pub fn previous_before(&self, page: &str) -> Option<&str> {
        let i = self.pages.iter().position(|p| p.key == page)?;
        i.checked_sub(1)
            .and_then(|i| self.pages.get(i))
            .map(|p| p.key.as_str())
    }

    /// Where to resume: the first page that is not complete.
    pub fn first_incomplete(&self) -> Option<&str> {
        self.pages
            .iter()
            .find(|p| !p.complete)
            .map(|p| p.key.as_str())
    }

    /// "Step 2 of 5": the 1-based position of `page` and the number of pages.
    pub fn position(&self, page: &str) -> Option<(usize, usize)> {
        let i = self.pages.iter().position(|p| p.key == page)?;
        Some((i + 1, self.pages.len()))
    }
}

impl Evaluation {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn is_visible(&self, field: &str) -> bool {
        self.visible_fields.iter().any(|f| f == field)
    }

    /// The error for one field, if it has one.
    pub fn error_for(&self, field: &str) -> Option<&ErrorCode> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| &e.code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
}

/// Why an answer was refused. The UI turns each code into words in the
/// person's language; the engine never does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ErrorCode {
    Required,
    TooLong {
        max: u32,
    },
    InvalidEmail,
    NotAnInteger,
    TooSmall {
        min: i64,
    },
    TooLarge {
        max: i64,
    },
    UnknownOption,
    TooFewSelected {
        min: u32,
    },
    TooManySelected {
        max: u32,
    },
    /// Not a date, or not a day that exists.
    InvalidDate,
    DateTooEarly {
        earliest: Date,
    },
    DateTooLate {
        latest: Date,
    },
    InvalidPhone,
    InvalidPostalCode,
    /// Not written as a personnummer or samordningsnummer.
    InvalidIdentityNumber,
    /// A personnummer whose date is not a real (or past) day.
    IdentityNumberDate,
    /// A personnummer or organisation number whose check digit is wrong,
    /// usually a typing mistake.
    WrongCheckDigit,
    InvalidOrganisationNumber,
    /// A part of an address is missing (`street`, `postal_code` or `city`).
    AddressIncomplete {
        part: String,
    },
    /// A cross-field rule of the form did not hold; its message is in the
    /// definition.
    Rule {
        rule: String,
    },
}

impl ErrorCode {
    /// The name of every code, as written in definitions' `messages`.
    pub const NAMES: [&'static str; 20] = [
        "required",
        "too_long",
        "invalid_email",
        "not_an_integer",
        "too_small",
        "too_large",
        "unknown_option",
        "too_few_selected",
        "too_many_selected",
        "invalid_date",
        "date_too_early",
        "date_too_late",
        "invalid_phone",
        "invalid_postal_code",
        "invalid_identity_number",
        "identity_number_date",
        "wrong_check_digit",
        "invalid_organisation_number",
        "address_incomplete",
        "rule",
    ];

    /// This code's name, as in [`Self::NAMES`].
    pub fn name(&self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooLong { .. } => "too_long",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::NotAnInteger => "not_an_integer",
            ErrorCode::TooSmall { .. } => "too_small",
            ErrorCode::TooLarge { .. } => "too_large",
            ErrorCode::UnknownOption => "unknown_option",
            ErrorCode::TooFewSelected { .. } => "too_few_selected",
            ErrorCode::TooManySelected { .. } => "too_many_selected",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::DateTooEarly { .. } => "date_too_early",
            ErrorCode::DateTooLate { .. } => "date_too_late",
            ErrorCode::InvalidPhone => "invalid_phone",
            ErrorCode::InvalidPostalCode => "invalid_postal_code",
            ErrorCode::InvalidIdentityNumber => "invalid_identity_number",
            ErrorCode::IdentityNumberDate => "identity_number_date",
            ErrorCode::WrongCheckDigit => "wrong_check_digit",
            ErrorCode::InvalidOrganisationNumber => "invalid_organisation_number",
            ErrorCode::AddressIncomplete { .. } => "address_incomplete",
            ErrorCode::Rule { .. } => "rule",
        }
    }
}

/// Evaluates posted answers against a definition: works out which pages and
/// fields are shown, parses every shown field into a typed value and
/// collects every error. Hidden fields are neither validated nor kept, and
/// names that are not fields of the form are ignored.
pub fn evaluate(definition: &FormDefinition, raw: &RawAnswers, context: &Context) -> Evaluation {
    let mut state = State {
        answers: BTreeMap::new(),
        today: context.today,
    };
    let mut errors = BTreeMap::new();
    let mut unanswered = Vec::new();
    let mut pages = BTreeSet::new();
    let mut fields = BTreeSet::new();
    for step in definition.order() {
        match *step {
            Step::Page(pi) => {
                let Some(page) = definition.page_at(pi) else {
                    continue;
                };
                if definition
                    .page_condition(page.key())
                    .is_none_or(|c| c.holds(&state))
                {
                    pages.insert(pi);
                }
            }
            Step::Field(pi, fi) => {
                let Some(field) = definition.field_at(pi, fi) else {
                    continue;
                };
                let shown = pages.contains(&pi)
                    && definition
                        .field_condition(field.key())
                        .is_none_or(|c| c.holds(&state));
                if !shown {
                    continue;
                }
                fields.insert((pi, fi));
                let parsed = match field.kind() {
                    FieldKind::PostalAddress => parse_address(field.key(), raw),
                    FieldKind::Computed { .. } => Ok(definition
                        .computation(field.key())
                        .and_then(|e| computed_value(e.eval(&state)))),
                    _ => parse_field(field, raw.all(field.key()), context.today),
                };
                match parsed {
                    Ok(Some(value)) => {
                        state.answers.insert(field.key().to_owned(), value);
                    }
                    Ok(None) if field.required() => {
                        errors.insert((pi, fi), ErrorCode::Required);
                    }
                    Ok(None) => {
                        if definition.requirement(field.key()).is_some() {
                            unanswered.push((pi, fi));
                        }
                    }
                    Err(code) => {
                        errors.insert((pi, fi), code);
                    }
                }
            }
        }
    }
    // Requirements and rules read every answer, so they come after all
    // fields are known.
    for at in unanswered {
        let needed = definition
            .field_at(at.0, at.1)
            .and_then(|f| definition.requirement(f.key()))
            .is_some_and(|c| c.holds(&state));
        if needed {
            errors.insert(at, ErrorCode::Required);
        }
    }
    for rule in definition.rules() {
        let Some(&at) = fields.iter().find(|&&(pi, fi)| {
            definition
                .field_at(pi, fi)
                .is_some_and(|f| f.key() == rule.field)
        }) else {
            continue; // the field is hidden
        };
        if errors.contains_key(&at) {
            continue; // one error per field: its own comes first
        }
        if !rule
            .check
            .fields()
            .iter()
            .all(|f| state.answers.contains_key(f))
        {
            continue; // a missing answer is for `required` to report
        }
        if rule.check.eval(&state) == expr::Value::Bool(false) {
            errors.insert(
                at,
                ErrorCode::Rule {
                    rule: rule.key.clone(),
                },
            );
        }
    }
    let key_of = |(pi, fi): (usize, usize)| definition.field_at(pi, fi).map(|f| f.key().to_owned());
    let journey_pages: Vec<PageProgress> = pages
        .iter()
        .filter_map(|&pi| {
            let page = definition.page_at(pi)?;
            Some(PageProgress {
                key: page.key().to_owned(),
                complete: !errors.keys().any(|&(epi, _)| epi == pi),
            })
        })
        .collect();
    let journey = Journey {
        can_submit: journey_pages.iter().all(|p| p.complete),
        pages: journey_pages,
    };
    Evaluation {
        journey,
        answers: state.answers,
        errors: errors
            .into_iter()
            .filter_map(|(at, code)| {
                Some(FieldError {
                    field: key_of(at)?,
                    code,
                })
            })
            .collect(),
        visible_pages: pages
            .into_iter()
            .filter_map(|pi| definition.page_at(pi).map(|p| p.key().to_owned()))
            .collect(),
        visible_fields: fields.into_iter().filter_map(key_of).collect(),
    }
}

/// What conditions read while evaluating: the answers of the fields shown so
/// far, in dependency order.
struct State {
    answers: BTreeMap<String, Value>,
    today: Date,
}

impl Scope for State {
    fn answer(&self, field: &str) -> expr::Value {
        match self.answers.get(field) {
            None => expr::Value::Absent,
            Some(Value::Text(t) | Value::Choice(t)) => expr::Value::Text(t.clone()),
            Some(Value::Integer(n)) => expr::Value::Number(*n),
            Some(Value::Bool(b)) => expr::Value::Bool(*b),
            Some(Value::Date(d)) => expr::Value::Date(*d),
            Some(Value::Choices(c)) => {
                expr::Value::List(c.iter().cloned().map(expr::Value::Text).collect())
            }
            // Only `answered()` reads an address: any value but absent will do.
            Some(Value::Address(_)) => expr::Value::Bool(true),
        }
    }

    fn today(&self) -> Date {
        self.today
    }
}

/// Parses one field's raw text. `Ok(None)` means unanswered.
fn parse_field(field: Field<'_>, raw: &[String], today: Date) -> Result<Option<Value>, ErrorCode> {
    if let FieldKind::Information { .. } = field.kind() {
        return Ok(None);
    }
    if let FieldKind::MultipleChoice {
        options,
        min_selected,
        max_selected,
    } = field.kind()
    {
        let ticked: Vec<&str> = raw
            .iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        if ticked.is_empty() {
            return Ok(None);
        }
        if ticked
            .iter()
            .any(|t| !options.iter().any(|o| o.value == *t))
        {
            return Err(ErrorCode::UnknownOption);
        }
        // In the form's order, each once, whatever order the browser sent.
        let chosen: Vec<String> = options
            .iter()
            .filter(|o| ticked.contains(&o.value.as_str()))
            .map(|o| o.value.clone())
            .collect();
        let count = u32::try_from(chosen.len()).unwrap_or(u32::MAX);
        if let Some(min) = *min_selected {
            if count < min {
                return Err(ErrorCode::TooFewSelected { min });
            }
        }
        if let Some(max) = *max_selected {
            if count > max {
                return Err(ErrorCode::TooManySelected { max });
            }
        }
        return Ok(Some(Value::Choices(chosen)));
    }
    let text = raw.first().map_or("", |v| v.trim());
    if text.is_empty() {
        return Ok(None);
    }
    let value = match field.kind() {
        FieldKind::ShortText { max_length } | FieldKind::LongText { max_length } => {
            let max = max_length.unwrap_or(DEFAULT_MAX_TEXT);
            if text.chars().count() > max as usize {
                return Err(ErrorCode::TooLong { max });
            }
            Value::Text(normalize_newlines(text))
        }
        FieldKind::Email => {
            if !is_plausible_email(text) {
                return Err(ErrorCode::InvalidEmail);
            }
            Value::Text(text.to_owned())
        }
        FieldKind::Integer { min, max, .. } => {
            let n = parse_integer(text).ok_or(ErrorCode::NotAnInteger)?;
            if let Some(min) = *min {
                if n < min {
                    return Err(ErrorCode::TooSmall { min });
                }
            }
            if let Some(max) = *max {
                if n > max {
                    return Err(ErrorCode::TooLarge { max });
                }
            }
            Value::Integer(n)
        }
        FieldKind::SingleChoice { options } => {
            if !options.iter().any(|o| o.value == text) {
                return Err(ErrorCode::UnknownOption);
            }
            Value::Choice(text.to_owned())
        }
        // Handled elsewhere, or never answered.
        FieldKind::MultipleChoice { .. }
        | FieldKind::PostalAddress
        | FieldKind::Computed { .. }
        | FieldKind::Information { .. } => return Ok(None),
        FieldKind::YesNo => match text {
            "yes" => Value::Bool(true),
            "no" => Value::Bool(false),
            _ => return Err(ErrorCode::UnknownOption),
        },
        FieldKind::Consent => match text {
            "yes" => Value::Bool(true),
            _ => return Err(ErrorCode::UnknownOption),
        },
        FieldKind::Date { earliest, latest } => {
            let date = parse_date(text).ok_or(ErrorCode::InvalidDate)?;
            if let Some(earliest) = earliest.map(|b| b.resolve(today)) {
                if date < earliest {
                    return Err(ErrorCode::DateTooEarly { earliest });
                }
            }
            if let Some(latest) = latest.map(|b| b.resolve(today)) {
                if date > latest {
                    return Err(ErrorCode::DateTooLate { latest });
                }
            }
            Value::Date(date)
        }
        FieldKind::Phone => Value::Text(parse_phone(text).ok_or(ErrorCode::InvalidPhone)?),
        FieldKind::PostalCode => {
            Value::Text(parse_postal_code(text).ok_or(ErrorCode::InvalidPostalCode)?)
        }
        FieldKind::PersonalIdentityNumber => Value::Text(
            identity::personal_identity_number(text, today).map_err(|e| match e {
                IdentityError::Format => ErrorCode::InvalidIdentityNumber,
                IdentityError::Date => ErrorCode::IdentityNumberDate,
                IdentityError::CheckDigit => ErrorCode::WrongCheckDigit,
            })?,
        ),
        FieldKind::OrganisationNumber => {
            Value::Text(identity::organisation_number(text).map_err(|e| match e {
                IdentityError::CheckDigit => ErrorCode::WrongCheckDigit,
                IdentityError::Format | IdentityError::Date => ErrorCode::InvalidOrganisationNumber,
            })?)
        }
    };
    Ok(Some(value))
}

/// A computed value as an answer; lists, addresses and "no value" are none.
fn computed_value(value: expr::Value) -> Option<Value> {
    match value {
        expr::Value::Number(n) => Some(Value::Integer(n)),
        expr::Value::Text(t) => Some(Value::Text(t)),
        expr::Value::Bool(b) => Some(Value::Bool(b)),
        expr::Value::Date(d) => Some(Value::Date(d)),
        expr::Value::Absent | expr::Value::List(_) => None,
    }
}

/// An address from its three posted parts: all empty is unanswered; a
/// missing part or a wrong postal code is an error.
fn parse_address(key: &str, raw: &RawAnswers) -> Result<Option<Value>, ErrorCode> {
    let part = |name: &str| {
        raw.first(&format!("{key}.{name}"))
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let (street, postal_code, city) = (part("street"), part("postal_code"), part("city"));
    if street.is_empty() && postal_code.is_empty() && city.is_empty() {
        return Ok(None);
    }
    for (name, value) in [
        ("street", &street),
        ("postal_code", &postal_code),
        ("city", &city),
    ] {
        if value.is_empty() {
            return Err(ErrorCode::AddressIncomplete { part: name.into() });
        }
        if value.chars().count() > 200 {
            return Err(ErrorCode::TooLong { max: 200 });
        }
    }
    let postal_code = parse_postal_code(&postal_code).ok_or(ErrorCode::InvalidPostalCode)?;
    Ok(Some(Value::Address(crate::answers::Address {
        street,
        postal_code,
        city,
    })))
}

/// Dates as people type them here: `2026-11-23`, `2026-1-5` or `20261123`.
fn parse_date(text: &str) -> Option<Date> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Date::parse_iso(&format!("{}-{}-{}", &t[..4], &t[4..6], &t[6..]));
    }
    let mut parts = t.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    if ![y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A telephone number: digits with the usual separators, an optional
/// leading `+`, and 7 to 15 digits (the E.164 limit). Stored without
/// separators.
fn parse_phone(text: &str) -> Option<String> {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        match c {
            '+' if i == 0 => out.push('+'),
            '0'..='9' => out.push(c),
            ' ' | '-' | '(' | ')' | '\u{a0}' => {}
            _ => return None,
        }
    }
    let digits = out.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits).then_some(out)
}

/// A Swedish postal code: five digits, the first not 0, optionally written
/// `123 45` or with `SE-` in front. Stored as `123 45`.
fn parse_postal_code(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix("SE-")
        .or_else(|| t.strip_prefix("SE "))
        .unwrap_or(t);
    let digits: String = t.chars().filter(|c| *c != ' ').collect();
    let ok =
        digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0');
    let spaces = t.chars().filter(|c| *c == ' ').count();
    (ok && (spaces == 0 || (spaces == 1 && t.as_bytes().get(3) == Some(&b' '))))
        .then(|| format!("{} {}", &digits[..3], &digits[3..]))
}

/// Browsers post `\r\n` line breaks; answers store `\n` only.
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Accepts integers as people write them: an optional sign and digits,
/// grouped with spaces (`12 500`, also the no-break spaces Swedish uses).
fn parse_integer(text: &str) -> Option<i64> {
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    let digits = compact.strip_prefix(['+', '-']).unwrap_or(&compact);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    compact.parse().ok()
}

/// A deliberately loose check: one `@`, something before it, a domain with a
/// dot after it, and no spaces. Whether an address works can only be known
/// by writing to it.
fn is_plausible_email(text: &str) -> bool {
    if text.len() > MAX_EMAIL_LEN || text.chars().any(char::is_whitespace) {
        return false;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_accept_grouping_and_signs() {
        assert_eq!(parse_integer("12 500"), Some(12_500));
        assert_eq!(parse_integer("12\u{a0}500"), Some(12_500));
        assert_eq!(parse_integer("-3"), Some(-3));
        assert_eq!(parse_integer("\u{2212}3"), Some(-3));
        assert_eq!(parse_integer("+7"), Some(7));
        assert_eq!(parse_integer("1.5"), None);
        assert_eq!(parse_integer("-"), None);
        assert_eq!(parse_integer("+-1"), None);
        assert_eq!(parse_integer("99999999999999999999"), None);
    }

    #[test]
    fn dates_phones_and_postal_codes_as_people_write_them() {
        assert_eq!(parse_date("2026-11-23"), Date::new(2026, 11, 23));
        assert_eq!(parse_date("2026-1-5"), Date::new(2026, 1, 5));
        assert_eq!(parse_date("20261123"), Date::new(2026, 11, 23));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("23/11/2026"), None);
        assert_eq!(parse_date("2026-11-23-1"), None);
        assert_eq!(parse_phone("070-123 45 67"), Some("0701234567".into()));
        assert_eq!(
            parse_phone("+46 (0)70 123 45 67"),
            Some("+460701234567".into())
        );
        assert_eq!(parse_phone("12345"), None);
        assert_eq!(parse_phone("070+1234567"), None);
        assert_eq!(parse_phone("call me"), None);
        assert_eq!(parse_postal_code("11122"), Some("111 22".into()));
        assert_eq!(parse_postal_code("111 22"), Some("111 22".into()));
        assert_eq!(parse_postal_code("SE-111 22"), Some("111 22".into()));
        assert_eq!(parse_postal_code("01122"), None);
        assert_eq!(parse_postal_code("11 122"), None);
        assert_eq!(parse_postal_code("1112"), None);
    }

    #[test]
    fn email_check_is_loose_but_not_empty() {
        assert!(is_plausible_email("anna@example.se"));
        assert!(is_plausible_email("a.b+c@sub.kommun.se"));
        assert!(!is_plausible_email("anna"));
        assert!(!is_plausible_email("anna@"));
        assert!(!is_plausible_email("@example.se"));
        assert!(!is_plausible_email("anna@localhost"));
        assert!(!is_plausible_email("anna@@example.se"));
        assert!(!is_plausible_email("anna @example.se"));
        assert!(!is_plausible_email("anna@example..se"));
        assert!(!is_plausible_email(&format!(
            "{}@example.se",
            "a".repeat(250)
        )));
    }
}

#[cfg(test)]
mod journey_tests {
    use super::{Journey, PageProgress};

    #[test]
    fn moving_through_the_pages_shown() {
        let page = |key: &str, complete| PageProgress {
            key: key.into(),
            complete,
        };
        let j = Journey {
            pages: vec![page("a", true), page("c", false), page("d", false)],
            can_submit: false,
        };
        assert_eq!(j.next_after("a"), Some("c"));
        assert_eq!(j.next_after("d"), None);
        assert_eq!(j.previous_before("c"), Some("a"));
        assert_eq!(j.previous_before("a"), None);
        assert_eq!(
            j.next_after("b"),
            None,
            "a hidden page has no place in the journey"
        );
        assert_eq!(j.first_incomplete(), Some("c"));
        assert_eq!(j.position("d"), Some((3, 3)));
    }
}

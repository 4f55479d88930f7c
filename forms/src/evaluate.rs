//! Evaluation: raw answers in, typed answers and every error out.

use crate::answers::{RawAnswers, Value};
use crate::definition::{Field, FormDefinition};
use crate::spec::FieldKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest e-mail address accepted (RFC 5321's path limit).
const MAX_EMAIL_LEN: usize = 254;
/// Free text without an author-set limit is still bounded, so one post
/// cannot store megabytes in a single answer.
const DEFAULT_MAX_TEXT: u32 = 10_000;

/// The outcome of evaluating posted answers against a definition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Typed answers of the fields that were answered and valid, by field key.
    pub answers: BTreeMap<String, Value>,
    /// Every error, in the order the fields appear in the form.
    pub errors: Vec<FieldError>,
}

impl Evaluation {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
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
    TooLong { max: u32 },
    InvalidEmail,
    NotAnInteger,
    TooSmall { min: i64 },
    TooLarge { max: i64 },
    UnknownOption,
}

/// Evaluates posted answers against a definition: parses every field into a
/// typed value and collects every error. Names that are not fields of the
/// form are ignored.
pub fn evaluate(definition: &FormDefinition, raw: &RawAnswers) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for field in definition.fields() {
        match parse_field(field, raw.first(field.key()).unwrap_or("")) {
            Ok(Some(value)) => {
                evaluation.answers.insert(field.key().to_owned(), value);
            }
            Ok(None) if field.required() => evaluation.errors.push(FieldError {
                field: field.key().to_owned(),
                code: ErrorCode::Required,
            }),
            Ok(None) => {}
            Err(code) => evaluation.errors.push(FieldError {
                field: field.key().to_owned(),
                code,
            }),
        }
    }
    evaluation
}

/// Parses one field's raw text. `Ok(None)` means unanswered.
fn parse_field(field: Field<'_>, raw: &str) -> Result<Option<Value>, ErrorCode> {
    let text = raw.trim();
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
        FieldKind::Integer { min, max } => {
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
    };
    Ok(Some(value))
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

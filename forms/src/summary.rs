//! Summaries: the answers as labelled rows, for receipts, check-your-answers
//! pages, exports and the case handler's view.

use crate::answers::Value;
use crate::definition::FormDefinition;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub field: String,
    pub label: String,
    /// The answer as a person reads it; `None` when unanswered or hidden.
    pub value: Option<SummaryValue>,
}

/// An answer ready to show. Yes and no stay typed, so that each output
/// (page, e-mail, export) says them in its own language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SummaryValue {
    Text(String),
    YesNo(bool),
    /// Several answers, such as ticked options, one per line.
    Lines(Vec<String>),
}

/// One row per field, in form order, read against `definition` (which must
/// be the version the answers were given on) in language `lang`.
pub fn summary(
    definition: &FormDefinition,
    answers: &BTreeMap<String, Value>,
    lang: &str,
) -> Vec<SummaryRow> {
    definition
        .fields()
        .map(|field| {
            let label_of = |c: &String| {
                field
                    .option_label(c, lang)
                    .map_or_else(|| c.clone(), str::to_owned)
            };
            let value = answers.get(field.key()).map(|v| match v {
                Value::Text(t) => SummaryValue::Text(t.clone()),
                Value::Integer(n) => SummaryValue::Text(match field.unit(lang) {
                    Some(unit) => format!("{}\u{a0}{unit}", format_integer(*n)),
                    None => format_integer(*n),
                }),
                Value::Choice(c) => SummaryValue::Text(label_of(c)),
                Value::Choices(cs) => SummaryValue::Lines(cs.iter().map(label_of).collect()),
                Value::Bool(b) => SummaryValue::YesNo(*b),
                Value::Date(d) => SummaryValue::Text(d.to_string()),
                Value::Address(a) => SummaryValue::Lines(vec![
                    a.street.clone(),
                    format!("{} {}", a.postal_code, a.city),
                ]),
            });
            SummaryRow {
                field: field.key().to_owned(),
                label: field.label(lang).to_owned(),
                value,
            }
        })
        .collect()
}

/// Groups digits by three with a no-break space, as Swedish and most of
/// Europe write numbers (`12 500`).
fn format_integer(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('\u{2212}');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format_integer;

    #[test]
    fn integers_are_grouped_by_three() {
        assert_eq!(format_integer(0), "0");
        assert_eq!(format_integer(999), "999");
        assert_eq!(format_integer(1000), "1\u{a0}000");
        assert_eq!(format_integer(-1_234_567), "\u{2212}1\u{a0}234\u{a0}567");
        assert_eq!(
            format_integer(i64::MIN),
            "\u{2212}9\u{a0}223\u{a0}372\u{a0}036\u{a0}854\u{a0}775\u{a0}808"
        );
    }
}

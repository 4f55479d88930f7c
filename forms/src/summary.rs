//! Summaries: the answers as labelled rows, for receipts, check-your-answers
//! pages, exports and the case handler's view.

use crate::answers::Value;
use crate::definition::{Field, FormDefinition};
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
    /// The rows of a repeating group, each with its own answers.
    Rows(Vec<SummaryGroupRow>),
}

/// One row of a repeating group: "Barn 2" and its answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryGroupRow {
    pub label: String,
    pub rows: Vec<SummaryRow>,
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
        .map(|field| summary_row(field, answers, lang))
        .collect()
}

fn summary_row(field: Field<'_>, answers: &BTreeMap<String, Value>, lang: &str) -> SummaryRow {
    let label_of = |c: &String| {
        field
            .option_label(c, lang)
            .map_or_else(|| c.clone(), str::to_owned)
    };
    let with_unit = |n: String| match field.unit(lang) {
        Some(unit) => format!("{n}\u{a0}{unit}"),
        None => n,
    };
    let separator = decimal_separator(lang);
    let value = answers.get(field.key()).map(|v| match v {
        Value::Text(t) => SummaryValue::Text(t.clone()),
        Value::Integer(n) => SummaryValue::Text(with_unit(format_integer(*n))),
        Value::Decimal(n) => SummaryValue::Text(with_unit(n.to_local_string(separator))),
        Value::Choice(c) => SummaryValue::Text(label_of(c)),
        Value::Choices(cs) => SummaryValue::Lines(cs.iter().map(label_of).collect()),
        Value::Bool(b) => SummaryValue::YesNo(*b),
        Value::Date(d) => SummaryValue::Text(d.to_string()),
        Value::Address(a) => SummaryValue::Lines(vec![
            a.street.clone(),
            format!("{} {}", a.postal_code, a.city),
        ]),
        Value::Files(files) => SummaryValue::Lines(
            files
                .iter()
                .map(|f| format!("{} ({})", f.name, format_bytes(f.size, separator)))
                .collect(),
        ),
        Value::Rows(rows) => {
            let row_label = field.row_label(lang).unwrap_or_default();
            SummaryValue::Rows(
                rows.iter()
                    .enumerate()
                    .map(|(i, row)| SummaryGroupRow {
                        label: format!("{row_label} {}", i + 1),
                        rows: field
                            .row_fields()
                            .map(|sub| summary_row(sub, row, lang))
                            .collect(),
                    })
                    .collect(),
            )
        }
    });
    SummaryRow {
        field: field.key().to_owned(),
        label: field.label(lang).to_owned(),
        value,
    }
}

/// Swedish and most of Europe write a decimal comma; English a point.
pub fn decimal_separator(lang: &str) -> char {
    if lang == "en" {
        '.'
    } else {
        ','
    }
}

/// A file size as people read it: `340 kB`, `2,4 MB`.
pub fn format_bytes(size: u64, separator: char) -> String {
    const KB: u64 = 1_000;
    const MB: u64 = 1_000_000;
    if size < MB {
        format!("{}\u{a0}kB", size.div_ceil(KB).max(1))
    } else {
        let tenths = (size + MB / 20) / (MB / 10);
        format!("{}{separator}{}\u{a0}MB", tenths / 10, tenths % 10)
    }
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
    use super::{format_bytes, format_integer};

    #[test]
    fn file_sizes_read_as_people_say_them() {
        assert_eq!(format_bytes(1, ','), "1\u{a0}kB");
        assert_eq!(format_bytes(340_200, ','), "341\u{a0}kB");
        assert_eq!(format_bytes(2_449_000, ','), "2,4\u{a0}MB");
        assert_eq!(format_bytes(2_460_000, '.'), "2.5\u{a0}MB");
    }

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

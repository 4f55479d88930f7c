//! A question's settings in the builder: the limits, patterns, units,
//! bounds, file types, rows, expressions and information text each kind
//! has, and the condition that makes a question required. Shown as named
//! inputs on the question's page (`setting.<name>`, or
//! `setting.<name>.<lang>` for a text in every language) and written back
//! into the definition; a value that does not read names its setting, so
//! the page can say so at the input. The definition compiler checks the
//! rest (a minimum above a maximum, an expression that does not parse).

use app::model::{Choice, Setting};
use forms::{Block, ChoiceDisplay, DateBound, Decimal, FieldKind, FieldSpec, Text};

/// A megabyte, as file sizes are set in the builder.
const MEGABYTE: u64 = 1024 * 1024;

fn scalar(name: &str, value: Option<String>) -> Setting {
    Setting {
        name: name.to_owned(),
        value: value.unwrap_or_default(),
        texts: None,
        choices: Vec::new(),
        multiline: false,
    }
}

fn number<T: ToString>(name: &str, value: Option<T>) -> Setting {
    scalar(name, value.map(|v| v.to_string()))
}

fn by_language(name: &str, text: Option<&Text>, languages: &[String], multiline: bool) -> Setting {
    Setting {
        name: name.to_owned(),
        value: String::new(),
        texts: Some(
            languages
                .iter()
                .map(|l| {
                    let t = text.and_then(|t| t.get(l)).cloned().unwrap_or_default();
                    (l.clone(), t)
                })
                .collect(),
        ),
        choices: Vec::new(),
        multiline,
    }
}

/// Information text the builder can edit: paragraphs only (anything else
/// is left to the definition itself). Paragraphs are separated by an empty
/// line.
fn paragraphs(blocks: &[Block]) -> Option<Text> {
    let mut text = Text::new();
    for block in blocks {
        let Block::Paragraph { text: p } = block else {
            return None;
        };
        for (lang, words) in p {
            let joined = text.entry(lang.clone()).or_default();
            if !joined.is_empty() {
                joined.push_str("\n\n");
            }
            joined.push_str(words);
        }
    }
    Some(text)
}

/// The settings of `field`, in the order the page shows them.
pub fn settings_of(field: &FieldSpec, languages: &[String]) -> Vec<Setting> {
    let mut settings = match &field.kind {
        FieldKind::ShortText {
            min_length,
            max_length,
            pattern,
        } => vec![
            number("min_length", *min_length),
            number("max_length", *max_length),
            scalar("pattern", pattern.clone()),
        ],
        FieldKind::LongText {
            min_length,
            max_length,
        } => vec![
            number("min_length", *min_length),
            number("max_length", *max_length),
        ],
        FieldKind::Integer { min, max, unit } => vec![
            number("min", *min),
            number("max", *max),
            by_language("unit", unit.as_ref(), languages, false),
        ],
        FieldKind::Decimal {
            min,
            max,
            decimals,
            unit,
        } => vec![
            number("min", *min),
            number("max", *max),
            number("decimals", *decimals),
            by_language("unit", unit.as_ref(), languages, false),
        ],
        FieldKind::SingleChoice { display, .. } => vec![Setting {
            choices: ["radios", "select"]
                .iter()
                .map(|v| Choice {
                    value: (*v).to_owned(),
                    label: String::new(),
                })
                .collect(),
            ..scalar(
                "display",
                Some(
                    if matches!(display, ChoiceDisplay::Radios) {
                        "radios"
                    } else {
                        "select"
                    }
                    .to_owned(),
                ),
            )
        }],
        FieldKind::MultipleChoice {
            min_selected,
            max_selected,
            ..
        } => vec![
            number("min_selected", *min_selected),
            number("max_selected", *max_selected),
        ],
        FieldKind::Date { earliest, latest } => vec![
            scalar("earliest", earliest.map(String::from)),
            scalar("latest", latest.map(String::from)),
        ],
        FieldKind::File {
            accept,
            max_bytes,
            max_files,
        } => vec![
            scalar("accept", Some(accept.join(", "))),
            number("max_megabytes", Some(max_bytes.div_ceil(MEGABYTE))),
            number("max_files", *max_files),
        ],
        FieldKind::Group {
            row_label,
            min_rows,
            max_rows,
            ..
        } => vec![
            by_language("row_label", Some(row_label), languages, false),
            number("min_rows", *min_rows),
            number("max_rows", *max_rows),
        ],
        FieldKind::Computed { expression, unit } => vec![
            scalar("expression", Some(expression.clone())),
            by_language("unit", unit.as_ref(), languages, false),
        ],
        FieldKind::Information { blocks } => paragraphs(blocks)
            .map(|text| vec![by_language("text", Some(&text), languages, true)])
            .unwrap_or_default(),
        FieldKind::Email
        | FieldKind::YesNo
        | FieldKind::Consent
        | FieldKind::Phone
        | FieldKind::PostalCode
        | FieldKind::PersonalIdentityNumber
        | FieldKind::OrganisationNumber
        | FieldKind::PostalAddress => Vec::new(),
    };
    if !matches!(
        field.kind,
        FieldKind::Computed { .. } | FieldKind::Information { .. } | FieldKind::Consent
    ) {
        settings.push(scalar("required_if", field.required_if.clone()));
    }
    settings
}

/// What a post gives for setting `name`: the value, trimmed.
pub type Posted<'a> = &'a dyn Fn(&str) -> String;
/// What a post gives for setting `name` in every language.
pub type PostedTexts<'a> = &'a dyn Fn(&str) -> Text;

/// A text with only what was written; `None` if nothing was.
fn written(text: Text) -> Option<Text> {
    let text: Text = text
        .into_iter()
        .map(|(l, t)| (l, t.trim().to_owned()))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    (!text.is_empty()).then_some(text)
}

/// Writes the posted settings into `field`. A value that does not read
/// gives the name of its setting, and nothing is changed.
pub fn set(field: &mut FieldSpec, get: Posted<'_>, texts: PostedTexts<'_>) -> Result<(), String> {
    let mut kind = field.kind.clone();
    let whole = |name: &str| -> Result<Option<u32>, String> {
        let v = get(name);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse().map(Some).map_err(|_| name.to_owned())
    };
    let optional = |name: &str| Some(get(name)).filter(|v| !v.is_empty());
    match &mut kind {
        FieldKind::ShortText {
            min_length,
            max_length,
            pattern,
        } => {
            *min_length = whole("min_length")?;
            *max_length = whole("max_length")?;
            *pattern = optional("pattern");
        }
        FieldKind::LongText {
            min_length,
            max_length,
        } => {
            *min_length = whole("min_length")?;
            *max_length = whole("max_length")?;
        }
        FieldKind::Integer { min, max, unit } => {
            let int = |name: &str| -> Result<Option<i64>, String> {
                optional(name)
                    .map(|v| v.parse().map_err(|_| name.to_owned()))
                    .transpose()
            };
            *min = int("min")?;
            *max = int("max")?;
            *unit = written(texts("unit"));
        }
        FieldKind::Decimal {
            min,
            max,
            decimals,
            unit,
        } => {
            let dec = |name: &str| -> Result<Option<Decimal>, String> {
                optional(name)
                    .map(|v| Decimal::parse_plain(&v.replace(',', ".")).ok_or(name.to_owned()))
                    .transpose()
            };
            *min = dec("min")?;
            *max = dec("max")?;
            *decimals = whole("decimals")?;
            *unit = written(texts("unit"));
        }
        FieldKind::SingleChoice { display, .. } => {
            *display = match get("display").as_str() {
                "select" => ChoiceDisplay::Select,
                "radios" | "" => ChoiceDisplay::Radios,
                _ => return Err("display".into()),
            };
        }
        FieldKind::MultipleChoice {
            min_selected,
            max_selected,
            ..
        } => {
            *min_selected = whole("min_selected")?;
            *max_selected = whole("max_selected")?;
        }
        FieldKind::Date { earliest, latest } => {
            let bound = |name: &str| -> Result<Option<DateBound>, String> {
                optional(name)
                    .map(|v| DateBound::try_from(v).map_err(|_| name.to_owned()))
                    .transpose()
            };
            *earliest = bound("earliest")?;
            *latest = bound("latest")?;
        }
        FieldKind::File {
            accept,
            max_bytes,
            max_files,
        } => {
            let types: Vec<String> = get("accept")
                .split([',', ' '])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect();
            if types.is_empty() || types.iter().any(|t| t.split('/').count() != 2) {
                return Err("accept".into());
            }
            *accept = types;
            let megabytes = whole("max_megabytes")?
                .filter(|m| *m > 0)
                .ok_or("max_megabytes")?;
            *max_bytes = u64::from(megabytes) * MEGABYTE;
            *max_files = whole("max_files")?;
        }
        FieldKind::Group {
            row_label,
            min_rows,
            max_rows,
            ..
        } => {
            *row_label = texts("row_label")
                .into_iter()
                .map(|(l, t)| (l, t.trim().to_owned()))
                .collect();
            *min_rows = whole("min_rows")?;
            *max_rows = whole("max_rows")?;
        }
        FieldKind::Computed { expression, unit } => {
            *expression = get("expression");
            *unit = written(texts("unit"));
        }
        FieldKind::Information { blocks } => {
            if paragraphs(blocks).is_some() {
                *blocks = paragraph_blocks(texts("text"));
            }
        }
        FieldKind::Email
        | FieldKind::YesNo
        | FieldKind::Consent
        | FieldKind::Phone
        | FieldKind::PostalCode
        | FieldKind::PersonalIdentityNumber
        | FieldKind::OrganisationNumber
        | FieldKind::PostalAddress => {}
    }
    field.kind = kind;
    if !matches!(
        field.kind,
        FieldKind::Computed { .. } | FieldKind::Information { .. } | FieldKind::Consent
    ) {
        field.required_if = optional("required_if");
    }
    Ok(())
}

/// Paragraphs written in every language, an empty line between two, as
/// blocks: the n-th paragraph of each language together.
fn paragraph_blocks(text: Text) -> Vec<Block> {
    let split: Vec<(String, Vec<String>)> = text
        .into_iter()
        .map(|(lang, words)| {
            let parts = words
                .replace("\r\n", "\n")
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect();
            (lang, parts)
        })
        .collect();
    let count = split.iter().map(|(_, p)| p.len()).max().unwrap_or(0);
    (0..count)
        .map(|n| Block::Paragraph {
            text: split
                .iter()
                .map(|(lang, parts)| (lang.clone(), parts.get(n).cloned().unwrap_or_default()))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn field(kind: FieldKind) -> FieldSpec {
        serde_json::from_value(
            serde_json::json!({"key": "q", "type": "email", "label": {"sv": "Q"}}),
        )
        .map(|mut f: FieldSpec| {
            f.kind = kind;
            f
        })
        .expect("field")
    }

    fn post(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn apply(f: &mut FieldSpec, pairs: &[(&str, &str)]) -> Result<(), String> {
        let posted = post(pairs);
        let get = |name: &str| posted.get(name).cloned().unwrap_or_default();
        let texts = |name: &str| -> Text {
            ["sv", "en"]
                .iter()
                .map(|l| ((*l).to_owned(), get(&format!("{name}.{l}"))))
                .collect()
        };
        set(f, &get, &texts)
    }

    #[test]
    fn every_kinds_settings_are_written_and_read_back() {
        let mut text = field(FieldKind::ShortText {
            min_length: None,
            max_length: None,
            pattern: None,
        });
        apply(
            &mut text,
            &[
                ("min_length", "2"),
                ("max_length", "40"),
                ("pattern", "[A-Z]+"),
                ("required_if", "$a == true"),
            ],
        )
        .expect("set");
        assert_eq!(
            text.kind,
            FieldKind::ShortText {
                min_length: Some(2),
                max_length: Some(40),
                pattern: Some("[A-Z]+".into())
            }
        );
        assert_eq!(text.required_if.as_deref(), Some("$a == true"));
        let shown = settings_of(&text, &["sv".into()]);
        assert_eq!(
            shown
                .iter()
                .map(|s| (s.name.as_str(), s.value.as_str()))
                .collect::<Vec<_>>(),
            [
                ("min_length", "2"),
                ("max_length", "40"),
                ("pattern", "[A-Z]+"),
                ("required_if", "$a == true")
            ]
        );

        let mut money = field(FieldKind::Decimal {
            min: None,
            max: None,
            decimals: None,
            unit: None,
        });
        apply(
            &mut money,
            &[
                ("min", "0"),
                ("max", "12,5"),
                ("decimals", "1"),
                ("unit.sv", "kr"),
                ("unit.en", " "),
            ],
        )
        .expect("set");
        let FieldKind::Decimal { max, unit, .. } = &money.kind else {
            panic!()
        };
        assert_eq!(max.map(|m| m.to_string()).as_deref(), Some("12.5"));
        assert_eq!(
            unit.as_ref().map(|u| u.len()),
            Some(1),
            "an empty language is no text"
        );

        let mut file = field(FieldKind::File {
            accept: vec!["application/pdf".into()],
            max_bytes: MEGABYTE,
            max_files: None,
        });
        apply(
            &mut file,
            &[
                ("accept", "image/*, application/pdf"),
                ("max_megabytes", "5"),
                ("max_files", "3"),
            ],
        )
        .expect("set");
        assert_eq!(
            file.kind,
            FieldKind::File {
                accept: vec!["image/*".into(), "application/pdf".into()],
                max_bytes: 5 * MEGABYTE,
                max_files: Some(3)
            }
        );

        let mut info = field(FieldKind::Information { blocks: Vec::new() });
        apply(
            &mut info,
            &[("text.sv", "Ett.\r\n\r\nTvå."), ("text.en", "One.\n\nTwo.")],
        )
        .expect("set");
        let FieldKind::Information { blocks } = &info.kind else {
            panic!()
        };
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            paragraphs(blocks).expect("paragraphs")["en"],
            "One.\n\nTwo."
        );

        let mut date = field(FieldKind::Date {
            earliest: None,
            latest: None,
        });
        apply(&mut date, &[("earliest", "today"), ("latest", "today+30")]).expect("set");
        assert_eq!(settings_of(&date, &[])[1].value, "today+30");
    }

    #[test]
    fn a_value_that_does_not_read_names_its_setting_and_changes_nothing() {
        let mut text = field(FieldKind::LongText {
            min_length: Some(1),
            max_length: None,
        });
        let before = text.clone();
        assert_eq!(
            apply(&mut text, &[("min_length", "två")]),
            Err("min_length".into())
        );
        assert_eq!(text, before);
        let mut date = field(FieldKind::Date {
            earliest: None,
            latest: None,
        });
        assert_eq!(
            apply(&mut date, &[("latest", "nästa vecka")]),
            Err("latest".into())
        );
        let mut file = field(FieldKind::File {
            accept: vec![],
            max_bytes: 1,
            max_files: None,
        });
        assert_eq!(
            apply(&mut file, &[("accept", "pdf"), ("max_megabytes", "1")]),
            Err("accept".into())
        );
        assert_eq!(
            apply(
                &mut file,
                &[("accept", "application/pdf"), ("max_megabytes", "0")]
            ),
            Err("max_megabytes".into())
        );
    }
}

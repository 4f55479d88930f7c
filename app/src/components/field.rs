use crate::i18n::{use_locale, FluentArg, Locale};
use forms::{ErrorCode, Field as EngineField, FieldKind};
use leptos::prelude::*;

/// A field of the form, with its texts in the page's language.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldView {
    pub key: String,
    pub label: String,
    pub hint: Option<String>,
    pub required: bool,
    pub kind: FieldKind,
    /// `(value, label)` of each option, for choice fields.
    pub options: Vec<(String, String)>,
}

impl FieldView {
    pub fn new(field: EngineField<'_>, lang: &str) -> Self {
        let options = match field.kind() {
            FieldKind::SingleChoice { options } => options
                .iter()
                .map(|o| {
                    let label = field.option_label(&o.value, lang).unwrap_or(&o.value);
                    (o.value.clone(), label.to_owned())
                })
                .collect(),
            FieldKind::ShortText { .. }
            | FieldKind::LongText { .. }
            | FieldKind::Email
            | FieldKind::Integer { .. } => Vec::new(),
        };
        Self {
            key: field.key().to_owned(),
            label: field.label(lang).to_owned(),
            hint: field.hint(lang).map(str::to_owned),
            required: field.required(),
            kind: field.kind().clone(),
            options,
        }
    }

    /// The id of the input an error links to: the field's input, or the
    /// first option of a choice.
    pub fn input_id(&self) -> String {
        if self.options.is_empty() {
            format!("f-{}", self.key)
        } else {
            format!("f-{}-0", self.key)
        }
    }

    /// The words for an error on this field.
    pub fn error_message(&self, code: &ErrorCode, locale: Locale) -> String {
        let label = FluentArg::Str(self.label.clone());
        match code {
            ErrorCode::Required if !self.options.is_empty() => {
                locale.t_args("error-required-choice", &[("label", label)])
            }
            ErrorCode::Required => locale.t_args("error-required", &[("label", label)]),
            ErrorCode::TooLong { max } => locale.t_args(
                "error-too-long",
                &[("label", label), ("max", FluentArg::Num(i64::from(*max)))],
            ),
            ErrorCode::InvalidEmail => locale.t_args("error-invalid-email", &[("label", label)]),
            ErrorCode::NotAnInteger => locale.t_args("error-not-an-integer", &[("label", label)]),
            ErrorCode::TooSmall { min } => locale.t_args(
                "error-too-small",
                &[("label", label), ("min", FluentArg::Num(*min))],
            ),
            ErrorCode::TooLarge { max } => locale.t_args(
                "error-too-large",
                &[("label", label), ("max", FluentArg::Num(*max))],
            ),
            ErrorCode::UnknownOption => locale.t_args("error-unknown-option", &[("label", label)]),
        }
    }
}

/// Renders any field: label or legend, hint, inline error and the input,
/// tied together with `aria-describedby`.
#[component]
pub fn Field(
    field: FieldView,
    value: String,
    error: Signal<Option<String>>,
    /// Whether the field's condition does not hold just now.
    hidden: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let id = format!("f-{}", field.key);
    let hint_id = field.hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let ids: Vec<&str> = hint_id
                .iter()
                .map(String::as_str)
                .chain(error.get().is_some().then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let label_text = if field.required {
        field.label.clone()
    } else {
        format!("{} {}", field.label, locale.t("optional-suffix"))
    };
    let hint = field.hint.clone().map(|h| {
        let hint_id = hint_id.clone().unwrap_or_default();
        view! { <div class="hint" id=hint_id>{h}</div> }
    });
    let error_view = {
        let error_id = error_id.clone();
        move || {
            error.get().map(|message| {
                view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">{locale.t("error-prefix")}</span>
                        {message}
                    </p>
                }
            })
        }
    };
    let group_class = move || {
        if error.get().is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let name = field.key.clone();

    match field.kind {
        FieldKind::SingleChoice { .. } => view! {
            <div class=group_class hidden=hidden>
                <fieldset class="fieldset" aria-describedby=described_by>
                    <legend class="fieldset__legend">{label_text}</legend>
                    {hint}
                    {error_view}
                    <div class="radios">
                        {field
                            .options
                            .iter()
                            .enumerate()
                            .map(|(i, (option, option_label))| {
                                let option_id = format!("{id}-{i}");
                                let checked = *option == value;
                                view! {
                                    <div class="radios__item">
                                        <input
                                            class="radios__input"
                                            type="radio"
                                            id=option_id.clone()
                                            name=name.clone()
                                            value=option.clone()
                                            checked=checked
                                        />
                                        <label class="radios__label" for=option_id>
                                            {option_label.clone()}
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            </div>
        }
        .into_any(),
        FieldKind::LongText { .. } => {
            // tachys writes a textarea's children to HTML without escaping
            // them (it lists `<textarea>` as raw text), so the server escapes
            // here; in the browser the text goes through the DOM and needs none.
            let content = if cfg!(feature = "ssr") {
                escape_text(&value)
            } else {
                value
            };
            view! {
            <div class=group_class hidden=hidden>
                <label class="label" for=id.clone()>{label_text}</label>
                {hint}
                {error_view}
                <textarea
                    class="textarea"
                    id=id
                    name=name
                    rows="5"
                    aria-describedby=described_by
                    aria-invalid=invalid
                >
                    {content}
                </textarea>
            </div>
            }
            .into_any()
        }
        kind => {
            let (input_type, input_mode, autocomplete, spellcheck, width) = match kind {
                FieldKind::Email => ("email", None, Some("email"), Some("false"), "input--wide"),
                FieldKind::Integer { .. } => {
                    ("text", Some("numeric"), None, Some("false"), "input--short")
                }
                _ => ("text", None, None, None, "input--wide"),
            };
            view! {
                <div class=group_class hidden=hidden>
                    <label class="label" for=id.clone()>{label_text}</label>
                    {hint}
                    {error_view}
                    <input
                        class=format!("input {width}")
                        type=input_type
                        id=id
                        name=name
                        value=value
                        inputmode=input_mode
                        autocomplete=autocomplete
                        spellcheck=spellcheck
                        aria-describedby=described_by
                        aria-invalid=invalid
                    />
                </div>
            }
            .into_any()
        }
    }
}

/// Escapes text for an HTML text context.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_escaped() {
        assert_eq!(
            super::escape_text("a</textarea><script>&"),
            "a&lt;/textarea&gt;&lt;script&gt;&amp;"
        );
    }
}

use crate::i18n::{use_locale, FluentArg, Locale};
use forms::{ErrorCode, Field as EngineField, FieldKind, FormDefinition};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A field of the form, with its texts in the page's language.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldView {
    pub key: String,
    pub label: String,
    pub hint: Option<String>,
    pub required: bool,
    pub kind: FieldKind,
    /// `(value, label)` of each option, for choice fields and yes/no.
    pub options: Vec<(String, String)>,
    /// The author's own words for errors, by error code name.
    pub messages: BTreeMap<String, String>,
    /// The words of the cross-field rules shown at this field, by rule key.
    pub rule_messages: BTreeMap<String, String>,
    /// For information text: its blocks in the page's language.
    pub blocks: Vec<InfoBlock>,
    /// The names the field's inputs post under.
    pub input_names: Vec<String>,
    /// What a number counts, shown after its input.
    pub unit: Option<String>,
    /// For a repeating group: the fields of one row, what a row is called,
    /// and how many rows it takes.
    pub row_fields: Vec<FieldView>,
    pub row_label: Option<String>,
    pub min_rows: usize,
    pub max_rows: usize,
    /// For a prefilled field that cannot be changed.
    pub read_only: bool,
    /// In a row of a group: the row's name ("Barn 2"), said in errors so
    /// that the error summary tells the rows apart.
    pub row_name: Option<String>,
    /// The language of the form's own texts when it differs from the
    /// page's (a form not offered in the page's language).
    pub content_lang: Option<String>,
}

/// A block of information text, in one language.
#[derive(Clone, Debug, PartialEq)]
pub enum InfoBlock {
    Heading(String),
    Paragraph(String),
    List(Vec<String>),
    Link { text: String, href: String },
}

/// How a field is drawn; every kind maps to one of these.
enum Control {
    /// A group of radios or checkboxes in a fieldset.
    Choices {
        multiple: bool,
        inline: bool,
    },
    /// A drop-down list.
    Select,
    /// Files to attach.
    File,
    /// Rows of fields; drawn by the form page.
    Group,
    /// One checkbox that must be ticked.
    Consent,
    /// Text to read.
    Information,
    /// Street, postal code and town in a fieldset.
    Address,
    /// A worked-out value, shown and announced as it changes.
    Computed,
    TextArea,
    Input {
        input_type: &'static str,
        input_mode: Option<&'static str>,
        autocomplete: Option<&'static str>,
        width: &'static str,
    },
}

impl FieldView {
    pub fn new(field: EngineField<'_>, definition: &FormDefinition, locale: Locale) -> Self {
        let lang = locale.tag();
        let messages = ErrorCode::NAMES
            .iter()
            .filter_map(|code| {
                Some((
                    (*code).to_owned(),
                    field.custom_message(code, lang)?.to_owned(),
                ))
            })
            .collect();
        let rule_messages = definition
            .rules_on(field.key())
            .filter_map(|rule| {
                Some((
                    rule.to_owned(),
                    definition.rule_message(rule, lang)?.to_owned(),
                ))
            })
            .collect();
        let option_pairs = |options: &[forms::ChoiceOption]| {
            options
                .iter()
                .map(|o| {
                    let label = field.option_label(&o.value, lang).unwrap_or(&o.value);
                    (o.value.clone(), label.to_owned())
                })
                .collect()
        };
        let options = match field.kind() {
            FieldKind::SingleChoice { options, .. } | FieldKind::MultipleChoice { options, .. } => {
                option_pairs(options)
            }
            FieldKind::YesNo => vec![
                ("yes".to_owned(), locale.t("answer-yes")),
                ("no".to_owned(), locale.t("answer-no")),
            ],
            FieldKind::ShortText { .. }
            | FieldKind::LongText { .. }
            | FieldKind::Email
            | FieldKind::Integer { .. }
            | FieldKind::Decimal { .. }
            | FieldKind::File { .. }
            | FieldKind::Group { .. }
            | FieldKind::Consent
            | FieldKind::Date { .. }
            | FieldKind::Phone
            | FieldKind::PostalCode
            | FieldKind::PersonalIdentityNumber
            | FieldKind::OrganisationNumber
            | FieldKind::PostalAddress
            | FieldKind::Computed { .. }
            | FieldKind::Information { .. } => Vec::new(),
        };
        let blocks = match field.kind() {
            FieldKind::Information { blocks } => blocks
                .iter()
                .map(|b| match b {
                    forms::Block::Heading { text } => {
                        InfoBlock::Heading(field.text(text, lang).to_owned())
                    }
                    forms::Block::Paragraph { text } => {
                        InfoBlock::Paragraph(field.text(text, lang).to_owned())
                    }
                    forms::Block::List { items } => InfoBlock::List(
                        items
                            .iter()
                            .map(|i| field.text(i, lang).to_owned())
                            .collect(),
                    ),
                    forms::Block::Link { text, href } => InfoBlock::Link {
                        text: field.text(text, lang).to_owned(),
                        href: href.trim().to_owned(),
                    },
                })
                .collect(),
            _ => Vec::new(),
        };
        // Kinds with a format people must follow say it in the hint.
        let format_hint = match field.kind() {
            FieldKind::Date { .. } => Some(locale.t("hint-date-format")),
            FieldKind::PersonalIdentityNumber => Some(locale.t("hint-personal-identity-number")),
            FieldKind::OrganisationNumber => Some(locale.t("hint-organisation-number")),
            _ => None,
        };
        let hint = match (field.hint(lang), format_hint) {
            (Some(h), Some(f)) => Some(format!("{h} {f}")),
            (Some(h), None) => Some(h.to_owned()),
            (None, f) => f,
        };
        Self {
            key: field.key().to_owned(),
            label: field.label(lang).to_owned(),
            hint,
            // A field that is required only sometimes is not marked optional.
            required: field.required() || field.is_conditionally_required(),
            kind: field.kind().clone(),
            options,
            messages,
            rule_messages,
            blocks,
            input_names: field.input_names(),
            unit: field.unit(lang).map(str::to_owned),
            row_fields: field
                .row_fields()
                .map(|f| FieldView::new(f, definition, locale))
                .collect(),
            row_label: field.row_label(lang).map(str::to_owned),
            min_rows: match field.kind() {
                FieldKind::Group { min_rows, .. } => min_rows.unwrap_or(0) as usize,
                _ => 0,
            },
            max_rows: match field.kind() {
                FieldKind::Group { max_rows, .. } => max_rows.unwrap_or(forms::MAX_ROWS) as usize,
                _ => 0,
            },
            read_only: field.prefill().is_some_and(|(_, fixed)| fixed),
            row_name: None,
            content_lang: content_lang(definition, lang),
        }
    }

    /// This field as asked in row `row` of group `group`: its names and
    /// id carry the row (`children[1].name`), as the engine reports them.
    pub fn in_row(&self, group: &str, row: usize, row_name: String) -> FieldView {
        let base = format!("{group}[{row}].");
        FieldView {
            row_name: Some(row_name),
            key: format!("{base}{}", self.key),
            input_names: self
                .input_names
                .iter()
                .map(|n| format!("{base}{n}"))
                .collect(),
            ..self.clone()
        }
    }

    /// How many rows to draw for a group: as many as were posted, at
    /// least its minimum, and at least one.
    pub fn rows_to_show(&self, posted: usize) -> usize {
        posted.max(self.min_rows).max(1).min(self.max_rows.max(1))
    }

    /// Whether this is a repeating group.
    pub fn is_group(&self) -> bool {
        matches!(self.kind, FieldKind::Group { .. })
    }

    fn control(&self) -> Control {
        let input = |input_type, input_mode, autocomplete, width| Control::Input {
            input_type,
            input_mode,
            autocomplete,
            width,
        };
        match self.kind {
            FieldKind::SingleChoice {
                display: forms::ChoiceDisplay::Select,
                ..
            } => Control::Select,
            FieldKind::SingleChoice { .. } => Control::Choices {
                multiple: false,
                inline: false,
            },
            FieldKind::File { .. } => Control::File,
            FieldKind::Group { .. } => Control::Group,
            FieldKind::Decimal { .. } => input("text", Some("decimal"), None, "input--short"),
            FieldKind::MultipleChoice { .. } => Control::Choices {
                multiple: true,
                inline: false,
            },
            FieldKind::YesNo => Control::Choices {
                multiple: false,
                inline: true,
            },
            FieldKind::Consent => Control::Consent,
            FieldKind::Information { .. } => Control::Information,
            FieldKind::PostalAddress => Control::Address,
            FieldKind::Computed { .. } => Control::Computed,
            FieldKind::LongText { .. } => Control::TextArea,
            FieldKind::ShortText { .. } => input("text", None, None, "input--wide"),
            FieldKind::Email => input("email", None, Some("email"), "input--wide"),
            FieldKind::Integer { .. } => input("text", Some("numeric"), None, "input--short"),
            FieldKind::Date { .. } => input("text", Some("numeric"), None, "input--medium"),
            FieldKind::Phone => input("tel", None, Some("tel"), "input--medium"),
            FieldKind::PostalCode => {
                input("text", Some("numeric"), Some("postal-code"), "input--short")
            }
            FieldKind::PersonalIdentityNumber | FieldKind::OrganisationNumber => {
                input("text", Some("numeric"), Some("off"), "input--medium")
            }
        }
    }

    /// The id of the input an error links to: the field's input, the
    /// first option of a choice, or the part of an address that is wrong.
    pub fn input_id_for(&self, code: &ErrorCode) -> String {
        match (self.control(), code) {
            (Control::Address, ErrorCode::AddressIncomplete { part }) => {
                format!("f-{}-{part}", self.key)
            }
            (Control::Address, ErrorCode::InvalidPostalCode) => {
                format!("f-{}-postal_code", self.key)
            }
            (Control::Address, _) => format!("f-{}-street", self.key),
            // A group's own error goes to the first question of its first row.
            (Control::Group, _) => self
                .row_fields
                .first()
                .map(|f| {
                    f.in_row(&self.key, 0, String::new())
                        .input_id_for(&ErrorCode::Required)
                })
                .unwrap_or_else(|| format!("f-{}", self.key)),
            _ if !self.options.is_empty() => format!("f-{}-0", self.key),
            _ => format!("f-{}", self.key),
        }
    }

    /// The words for an error on this field.
    pub fn error_message(&self, code: &ErrorCode, locale: Locale) -> String {
        let label = || {
            let label = match &self.row_name {
                Some(row) => format!("{} ({row})", self.label),
                None => self.label.clone(),
            };
            ("label", FluentArg::Str(label))
        };
        let t = |key: &str| locale.t_args(key, &[label()]);
        let num = |key: &str, name: &'static str, n: i64| {
            locale.t_args(key, &[label(), (name, FluentArg::Num(n))])
        };
        let decimal = |key: &str, name: &'static str, n: &forms::Decimal| {
            let text = n.to_local_string(forms::decimal_separator(locale.tag()));
            locale.t_args(key, &[label(), (name, FluentArg::Str(text))])
        };
        let date = |key: &str, d: &forms::Date| {
            locale.t_args(key, &[label(), ("date", FluentArg::Str(d.to_string()))])
        };
        if let Some(own) = self.messages.get(code.name()) {
            return own.clone();
        }
        match code {
            ErrorCode::Rule { rule } => self
                .rule_messages
                .get(rule)
                .cloned()
                .unwrap_or_else(|| t("error-check-answer")),
            ErrorCode::Required => match self.control() {
                Control::Consent => t("error-required-consent"),
                Control::Choices { .. } | Control::Select => t("error-required-choice"),
                Control::File => t("error-required-file"),
                Control::Group => t("error-required-rows"),
                _ => t("error-required"),
            },
            ErrorCode::TooLong { max } => num("error-too-long", "max", i64::from(*max)),
            ErrorCode::InvalidEmail => t("error-invalid-email"),
            ErrorCode::NotAnInteger => t("error-not-an-integer"),
            ErrorCode::TooSmall { min } => decimal("error-too-small", "min", min),
            ErrorCode::TooLarge { max } => decimal("error-too-large", "max", max),
            ErrorCode::TooShort { min } => num("error-too-short", "min", i64::from(*min)),
            ErrorCode::PatternMismatch => t("error-pattern-mismatch"),
            ErrorCode::NotANumber => t("error-not-a-number"),
            ErrorCode::TooManyDecimals { max } => {
                num("error-too-many-decimals", "max", i64::from(*max))
            }
            ErrorCode::TooFewRows { min } => num("error-too-few-rows", "min", i64::from(*min)),
            ErrorCode::TooManyRows { max } => num("error-too-many-rows", "max", i64::from(*max)),
            ErrorCode::FileTypeNotAllowed => t("error-file-type"),
            ErrorCode::FileTooLarge { max_bytes } => num(
                "error-file-too-large",
                "megabytes",
                i64::try_from(max_bytes.div_ceil(1_000_000)).unwrap_or(i64::MAX),
            ),
            ErrorCode::TooManyFiles { max } => num("error-too-many-files", "max", i64::from(*max)),
            ErrorCode::InvalidFile => t("error-invalid-file"),
            ErrorCode::UnknownOption => t("error-unknown-option"),
            ErrorCode::TooFewSelected { min } => {
                num("error-too-few-selected", "min", i64::from(*min))
            }
            ErrorCode::TooManySelected { max } => {
                num("error-too-many-selected", "max", i64::from(*max))
            }
            ErrorCode::InvalidDate => t("error-invalid-date"),
            ErrorCode::DateTooEarly { earliest } => date("error-date-too-early", earliest),
            ErrorCode::DateTooLate { latest } => date("error-date-too-late", latest),
            ErrorCode::InvalidPhone => t("error-invalid-phone"),
            ErrorCode::InvalidPostalCode => t("error-invalid-postal-code"),
            ErrorCode::InvalidIdentityNumber => t("error-invalid-identity-number"),
            ErrorCode::IdentityNumberDate => t("error-identity-number-date"),
            ErrorCode::WrongCheckDigit => t("error-wrong-check-digit"),
            ErrorCode::InvalidOrganisationNumber => t("error-invalid-organisation-number"),
            ErrorCode::AddressIncomplete { part } => match part.as_str() {
                "street" => t("error-address-street"),
                "postal_code" => t("error-address-postal-code"),
                _ => t("error-address-city"),
            },
        }
    }
}

/// Renders any field: label or legend, hint, inline error and the input,
/// tied together with `aria-describedby`.
#[component]
pub fn Field(
    field: FieldView,
    /// Every value posted under each of the field's input names
    /// (checkboxes post several values, an address several names).
    values: BTreeMap<String, Vec<String>>,
    error: Signal<Option<String>>,
    /// Whether the field's condition does not hold just now.
    hidden: Signal<bool>,
    /// For a computed field: its value as shown, once there is one.
    #[prop(optional)]
    computed: Option<Signal<Option<String>>>,
    /// Put the cursor here when the page is drawn (a row just added).
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let locale = use_locale();
    let id = format!("f-{}", field.key);
    let hint_id = field.hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    // The unit is read out with the input, after the hint.
    let unit_id = field.unit.as_ref().map(|_| format!("{id}-unit"));
    let described_by = {
        let hint_id = hint_id.clone();
        let unit_id = unit_id.clone();
        let error_id = error_id.clone();
        move || {
            let ids: Vec<&str> = hint_id
                .iter()
                .chain(unit_id.iter())
                .map(String::as_str)
                .chain(error.get().is_some().then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    // The author's words are in the form's language, which is not the
    // page's when the form is not offered in it: they say so with `lang`.
    let content_lang = field.content_lang.clone();
    let label_text = {
        let (label, lang) = (field.label.clone(), content_lang.clone());
        let suffix = if field.required {
            String::new()
        } else {
            format!(" {}", locale.t("optional-suffix"))
        };
        move || match &lang {
            Some(lang) => {
                view! { <span lang=lang.clone()>{label.clone()}</span>{suffix.clone()} }.into_any()
            }
            None => format!("{label}{suffix}").into_any(),
        }
    };
    let hint = field.hint.clone().map(|h| {
        let hint_id = hint_id.clone().unwrap_or_default();
        view! { <div class="hint" id=hint_id lang=content_lang.clone()>{h}</div> }
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
    let first_of = |name: &str| {
        values
            .get(name)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    };
    let first = first_of(&field.key);
    let all = values.get(&field.key).cloned().unwrap_or_default();

    match field.control() {
        Control::Choices { multiple, inline } => {
            let (input_type, class) = if multiple {
                ("checkbox", "checkboxes")
            } else if inline {
                ("radio", "radios radios--inline")
            } else {
                ("radio", "radios")
            };
            view! {
                <div class=group_class hidden=hidden>
                    <fieldset class="fieldset" aria-describedby=described_by>
                        <legend class="fieldset__legend">{label_text}</legend>
                        {hint}
                        {error_view}
                        <div class=class>
                            {field
                                .options
                                .iter()
                                .enumerate()
                                .map(|(i, (option, option_label))| {
                                    let option_id = format!("{id}-{i}");
                                    let checked = all.contains(option);
                                    view! {
                                        <div class="choice">
                                            <input
                                                class="choice__input"
                                                type=input_type
                                                id=option_id.clone()
                                                name=name.clone()
                                                value=option.clone()
                                                checked=checked
                                            />
                                            <label class="choice__label" for=option_id lang=content_lang.clone()>
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
            .into_any()
        }
        Control::Select => {
            let choose = locale.t("select-choose");
            view! {
                <div class=group_class hidden=hidden>
                    <label class="label" for=id.clone()>{label_text}</label>
                    {hint}
                    {error_view}
                    <select
                        class="select"
                        id=id
                        name=name
                        aria-describedby=described_by
                        aria-invalid=invalid
                    >
                        <option value="">{choose}</option>
                        {field
                            .options
                            .iter()
                            .map(|(option, option_label)| {
                                let selected = first == *option;
                                view! {
                                    <option value=option.clone() selected=selected lang=content_lang.clone()>
                                        {option_label.clone()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            }
            .into_any()
        }
        Control::File => {
            let (accept, multiple) = match &field.kind {
                FieldKind::File {
                    accept, max_files, ..
                } => (accept.join(","), max_files.unwrap_or(1) > 1),
                _ => (String::new(), false),
            };
            // Files already attached (stored by the server) are listed, are
            // posted again to be kept, and can be taken away.
            let kept: Vec<forms::FileRef> = all
                .iter()
                .filter_map(|v| serde_json::from_str::<forms::FileRef>(v).ok())
                .filter(|f| !f.id.is_empty())
                .collect();
            let separator = forms::decimal_separator(locale.tag());
            let kept_view = (!kept.is_empty()).then(|| {
                let kept_name = format!("{}{name}", crate::pages::citizen::form::KEPT_FILE_PREFIX);
                view! {
                    <ul class="file-list">
                        {kept
                            .into_iter()
                            .map(|file| {
                                let json = serde_json::to_string(&file).unwrap_or_default();
                                let action = format!("unattach:{name}:{}", file.id);
                                let size = forms::format_bytes(file.size, separator);
                                let remove = locale.t_args(
                                    "file-remove",
                                    &[("file", FluentArg::Str(file.name.clone()))],
                                );
                                view! {
                                    <li class="file-list__item">
                                        <span>{format!("{} ({size})", file.name)}</span>
                                        <input type="hidden" name=kept_name.clone() value=json />
                                        <button
                                            type="submit"
                                            class="button button--secondary button--small"
                                            name=crate::pages::citizen::form::ACTION_INPUT
                                            value=action
                                            formnovalidate=true
                                        >
                                            {remove}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            });
            view! {
                <div class=group_class hidden=hidden>
                    <label class="label" for=id.clone()>{label_text}</label>
                    {hint}
                    {error_view}
                    {kept_view}
                    <input
                        class="file-input"
                        type="file"
                        id=id
                        name=name
                        accept=accept
                        multiple=multiple
                        aria-describedby=described_by
                        aria-invalid=invalid
                    />
                </div>
            }
            .into_any()
        }
        // Rows are drawn by the form page, which knows how many there are.
        Control::Group => ().into_any(),
        Control::Computed => {
            let label_id = format!("{id}-label");
            let shown = move || {
                computed
                    .and_then(|c| c.get())
                    .unwrap_or_else(|| locale.t("computed-pending"))
            };
            view! {
                <div class=group_class hidden=hidden>
                    <p class="label" id=label_id.clone() lang=content_lang.clone()>{field.label.clone()}</p>
                    {hint}
                    <output class="computed" id=id aria-labelledby=label_id aria-live="polite">
                        {shown}
                    </output>
                </div>
            }
            .into_any()
        }
        Control::Information => view! {
            <div class="information" hidden=hidden lang=content_lang.clone()>
                <h2 class="information__heading">{field.label.clone()}</h2>
                {field
                    .blocks
                    .iter()
                    .map(|block| match block {
                        InfoBlock::Heading(text) => view! { <h3 class="information__subheading">{text.clone()}</h3> }.into_any(),
                        InfoBlock::Paragraph(text) => view! { <p>{text.clone()}</p> }.into_any(),
                        InfoBlock::List(items) => view! {
                            <ul class="list">
                                {items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        InfoBlock::Link { text, href } => view! {
                            <p>
                                <a href=href.clone() rel="external">{text.clone()}</a>
                            </p>
                        }
                        .into_any(),
                    })
                    .collect_view()}
            </div>
        }
        .into_any(),
        Control::Address => {
            let parts = [
                ("street", "address-street", "address-line1", "input--wide", None),
                ("postal_code", "address-postal-code", "postal-code", "input--short", Some("numeric")),
                ("city", "address-city", "address-level2", "input--medium", None),
            ];
            view! {
                <div class=group_class hidden=hidden>
                    <fieldset class="fieldset" aria-describedby=described_by>
                        <legend class="fieldset__legend">{label_text}</legend>
                        {hint}
                        {error_view}
                        {parts
                            .into_iter()
                            .map(|(part, label_key, autocomplete, width, input_mode)| {
                                let part_id = format!("{id}-{part}");
                                let part_name = format!("{name}.{part}");
                                let value = first_of(&part_name);
                                view! {
                                    <div class="form-group form-group--part">
                                        <label class="label label--part" for=part_id.clone()>
                                            {locale.t(label_key)}
                                        </label>
                                        <input
                                            class=format!("input {width}")
                                            type="text"
                                            id=part_id
                                            name=part_name
                                            value=value
                                            autocomplete=autocomplete
                                            inputmode=input_mode
                                            aria-invalid=invalid
                                        />
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                </div>
            }
            .into_any()
        }
        Control::Consent => view! {
            <div class=group_class hidden=hidden>
                {hint}
                {error_view}
                <div class="choice">
                    <input
                        class="choice__input"
                        type="checkbox"
                        id=id.clone()
                        name=name
                        value="yes"
                        checked=first == "yes"
                        aria-describedby=described_by
                        aria-invalid=invalid
                    />
                    <label class="choice__label" for=id lang=content_lang.clone()>
                        {field.label.clone()}
                    </label>
                </div>
            </div>
        }
        .into_any(),
        Control::TextArea => {
            // tachys writes a textarea's children to HTML without escaping
            // them (it lists `<textarea>` as raw text), so the server escapes
            // here; in the browser the text goes through the DOM and needs none.
            let content = if cfg!(feature = "ssr") {
                escape_text(&first)
            } else {
                first
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
        Control::Input {
            input_type,
            input_mode,
            autocomplete,
            width,
        } => {
            // Codes and numbers are not words: no spelling suggestions.
            let spellcheck = (input_type != "text" || input_mode.is_some()).then_some("false");
            let unit = field
                .unit
                .clone()
                .map(|u| view! { <span class="input__unit" id=unit_id.clone().unwrap_or_default()>{u}</span> });
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
                        value=first
                        inputmode=input_mode
                        autocomplete=autocomplete
                        spellcheck=spellcheck
                        readonly=field.read_only
                        autofocus=autofocus
                        aria-describedby=described_by
                        aria-invalid=invalid
                    />
                    {unit}
                </div>
            }
            .into_any()
        }
    }
}

/// The language of a form's own texts on a page in `page_lang`: `None`
/// when the form is offered in the page's language.
pub fn content_lang(definition: &FormDefinition, page_lang: &str) -> Option<String> {
    (!definition.languages().iter().any(|l| l == page_lang))
        .then(|| definition.default_language().to_owned())
}

/// A textarea's text as it must be given to `view!`: escaped on the server
/// (see `Field`), as it is in the browser.
pub(crate) fn textarea_text(text: &str) -> String {
    if cfg!(feature = "ssr") {
        escape_text(text)
    } else {
        text.to_owned()
    }
}

/// Escapes text for an HTML text context.
pub(crate) fn escape_text(text: &str) -> String {
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

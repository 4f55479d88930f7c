//! Compiling a spec into a checked, immutable definition.

use crate::expr::{Expr, ExprErrorCode, Type};
use crate::spec::{
    Block, ChoiceOption, DateBound, FieldKind, FieldSpec, FormSpec, Identification, PageSpec,
    PrivacyNotice, Text,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Longest key accepted for services, pages and fields. Keys appear in
/// addresses and HTML names, so they are kept short and plain.
const MAX_KEY_LEN: usize = 64;

/// A checked form definition. It can only be made by [`compile`], so every
/// value of this type has passed every check. It serialises as its spec, and
/// deserialising compiles again, so a definition sent to the browser is
/// checked there too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "FormSpec", into = "FormSpec")]
pub struct FormDefinition {
    spec: FormSpec,
    /// Compiled `visible_if` of pages and fields, by key.
    page_conditions: BTreeMap<String, Expr>,
    field_conditions: BTreeMap<String, Expr>,
    /// Compiled `required_if` of fields, by key.
    requirements: BTreeMap<String, Expr>,
    /// Compiled expressions of computed fields, by key.
    computed: BTreeMap<String, Expr>,
    /// Compiled cross-field rules, in the order written.
    rules: Vec<Rule>,
    /// Pages and fields in an order where each comes after everything its
    /// visibility depends on: evaluation visits them in this order.
    order: Vec<Step>,
}

/// A compiled cross-field rule.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Rule {
    pub key: String,
    pub check: Expr,
    pub field: String,
}

/// One step of evaluation: a page (by index) or a field (page index,
/// field index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Step {
    Page(usize),
    Field(usize, usize),
}

/// A page of a checked definition.
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    spec: &'a PageSpec,
    languages: &'a [String],
}

/// A field of a checked definition.
#[derive(Clone, Copy, Debug)]
pub struct Field<'a> {
    spec: &'a FieldSpec,
    languages: &'a [String],
}

impl FormDefinition {
    pub fn key(&self) -> &str {
        &self.spec.key
    }

    pub fn version(&self) -> u32 {
        self.spec.version
    }

    pub fn languages(&self) -> &[String] {
        &self.spec.languages
    }

    /// The form's default language: the first it is offered in.
    pub fn default_language(&self) -> &str {
        // `compile` guarantees at least one language.
        self.spec
            .languages
            .first()
            .map(String::as_str)
            .unwrap_or("sv")
    }

    pub fn topics(&self) -> &[String] {
        &self.spec.topics
    }

    pub fn organisation(&self, lang: &str) -> Option<&str> {
        self.spec
            .organisation
            .as_ref()
            .map(|t| localized(t, lang, &self.spec.languages))
    }

    pub fn processing_days(&self) -> Option<u32> {
        self.spec.processing_days
    }

    pub fn identification(&self) -> Identification {
        self.spec.identification
    }

    pub fn privacy(&self) -> Option<&PrivacyNotice> {
        self.spec.privacy.as_ref()
    }

    /// The purpose of the personal-data notice, in `lang`.
    pub fn privacy_purpose(&self, lang: &str) -> Option<&str> {
        self.spec
            .privacy
            .as_ref()
            .map(|p| localized(&p.purpose, lang, &self.spec.languages))
    }

    pub fn title(&self, lang: &str) -> &str {
        localized(&self.spec.title, lang, &self.spec.languages)
    }

    pub fn description(&self, lang: &str) -> &str {
        localized(&self.spec.description, lang, &self.spec.languages)
    }

    pub fn pages(&self) -> impl Iterator<Item = Page<'_>> {
        let languages = self.spec.languages.as_slice();
        self.spec
            .pages
            .iter()
            .map(move |spec| Page { spec, languages })
    }

    pub fn fields(&self) -> impl Iterator<Item = Field<'_>> {
        self.spec
            .pages
            .iter()
            .flat_map(|p| p.fields.iter())
            .map(move |spec| Field {
                spec,
                languages: &self.spec.languages,
            })
    }

    pub fn spec(&self) -> &FormSpec {
        &self.spec
    }

    pub(crate) fn order(&self) -> &[Step] {
        &self.order
    }

    pub(crate) fn page_at(&self, page: usize) -> Option<Page<'_>> {
        let spec = self.spec.pages.get(page)?;
        Some(Page {
            spec,
            languages: &self.spec.languages,
        })
    }

    pub(crate) fn field_at(&self, page: usize, field: usize) -> Option<Field<'_>> {
        let spec = self.spec.pages.get(page)?.fields.get(field)?;
        Some(Field {
            spec,
            languages: &self.spec.languages,
        })
    }

    pub(crate) fn page_condition(&self, key: &str) -> Option<&Expr> {
        self.page_conditions.get(key)
    }

    pub(crate) fn field_condition(&self, key: &str) -> Option<&Expr> {
        self.field_conditions.get(key)
    }

    pub(crate) fn requirement(&self, key: &str) -> Option<&Expr> {
        self.requirements.get(key)
    }

    pub(crate) fn computation(&self, key: &str) -> Option<&Expr> {
        self.computed.get(key)
    }

    /// The type of a computed field's value.
    pub fn computed_type(&self, key: &str) -> Option<Type> {
        self.computed.get(key).map(Expr::ty)
    }

    pub(crate) fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The keys of the rules whose errors are shown at `field`.
    pub fn rules_on<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.rules
            .iter()
            .filter(move |r| r.field == field)
            .map(|r| r.key.as_str())
    }

    /// The words of a cross-field rule's error, in `lang`.
    pub fn rule_message(&self, rule: &str, lang: &str) -> Option<&str> {
        let spec = self.spec.rules.iter().find(|r| r.key == rule)?;
        Some(localized(&spec.message, lang, &self.spec.languages))
    }
}

impl<'a> Page<'a> {
    pub fn key(&self) -> &'a str {
        &self.spec.key
    }

    pub fn title(&self, lang: &str) -> &'a str {
        localized(&self.spec.title, lang, self.languages)
    }

    pub fn fields(&self) -> impl Iterator<Item = Field<'a>> + 'a {
        let languages = self.languages;
        self.spec
            .fields
            .iter()
            .map(move |spec| Field { spec, languages })
    }
}

impl<'a> Field<'a> {
    pub fn key(&self) -> &'a str {
        &self.spec.key
    }

    pub fn label(&self, lang: &str) -> &'a str {
        localized(&self.spec.label, lang, self.languages)
    }

    pub fn hint(&self, lang: &str) -> Option<&'a str> {
        self.spec
            .hint
            .as_ref()
            .map(|h| localized(h, lang, self.languages))
    }

    /// Whether an answer is needed. A consent box always is; information
    /// text never is.
    pub fn required(&self) -> bool {
        match self.spec.kind {
            FieldKind::Consent => true,
            FieldKind::Information { .. } => false,
            _ => self.spec.required,
        }
    }

    /// Text in `lang` from this field's form (for information blocks).
    pub fn text(&self, text: &'a Text, lang: &str) -> &'a str {
        localized(text, lang, self.languages)
    }

    pub fn kind(&self) -> &'a FieldKind {
        &self.spec.kind
    }

    /// The author's words for an error code (`required`, ...), if given.
    pub fn custom_message(&self, code: &str, lang: &str) -> Option<&'a str> {
        self.spec
            .messages
            .get(code)
            .map(|t| localized(t, lang, self.languages))
    }

    /// The names this field reads from a post: its key, or one per part
    /// for compound fields.
    pub fn input_names(&self) -> Vec<String> {
        match self.spec.kind {
            FieldKind::PostalAddress => crate::answers::ADDRESS_PARTS
                .iter()
                .map(|part| format!("{}.{part}", self.spec.key))
                .collect(),
            _ => vec![self.spec.key.clone()],
        }
    }

    /// The unit of a number field, in `lang`.
    pub fn unit(&self, lang: &str) -> Option<&'a str> {
        match &self.spec.kind {
            FieldKind::Integer {
                unit: Some(unit), ..
            }
            | FieldKind::Computed {
                unit: Some(unit), ..
            } => Some(localized(unit, lang, self.languages)),
            _ => None,
        }
    }

    /// Whether the field is required only when a condition holds.
    pub fn is_conditionally_required(&self) -> bool {
        self.spec.required_if.is_some()
    }

    /// Whether the field has a condition for being shown.
    pub fn is_conditional(&self) -> bool {
        self.spec.visible_if.is_some()
    }

    /// The label of a choice option in `lang`, if this field has that option.
    pub fn option_label(&self, value: &str, lang: &str) -> Option<&'a str> {
        match &self.spec.kind {
            FieldKind::SingleChoice { options } | FieldKind::MultipleChoice { options, .. } => {
                options
                    .iter()
                    .find(|o| o.value == value)
                    .map(|o| localized(&o.label, lang, self.languages))
            }
            FieldKind::ShortText { .. }
            | FieldKind::LongText { .. }
            | FieldKind::Email
            | FieldKind::Integer { .. }
            | FieldKind::YesNo
            | FieldKind::Consent
            | FieldKind::Date { .. }
            | FieldKind::Phone
            | FieldKind::PostalCode
            | FieldKind::PersonalIdentityNumber
            | FieldKind::OrganisationNumber
            | FieldKind::PostalAddress
            | FieldKind::Computed { .. }
            | FieldKind::Information { .. } => None,
        }
    }
}

/// Text in `lang`, falling back to the form's languages in order. `compile`
/// guarantees every declared language is present, so the fallback only
/// matters for a language the form is not offered in.
fn localized<'a>(text: &'a Text, lang: &str, languages: &[String]) -> &'a str {
    text.get(lang)
        .or_else(|| languages.iter().find_map(|l| text.get(l)))
        .map(String::as_str)
        .unwrap_or("")
}

/// One problem found by [`compile`], with a path to where it is
/// (`pages[0].fields[2].label.en`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompileProblem {
    pub path: String,
    pub kind: CompileError,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CompileError {
    NoLanguages,
    DuplicateLanguage {
        language: String,
    },
    InvalidKey {
        key: String,
    },
    DuplicateKey {
        key: String,
    },
    MissingText {
        language: String,
    },
    NoPages,
    EmptyPage,
    NoOptions,
    DuplicateOption {
        value: String,
    },
    EmptyRange,
    /// A `visible_if` that does not parse or type-check; `at` is a
    /// character position in the expression.
    Expression {
        at: usize,
        problem: ExprErrorCode,
    },
    /// A `visible_if` whose value is not true or false.
    NotACondition {
        found: Type,
    },
    /// Conditions that depend on each other in a circle.
    ConditionCycle {
        keys: Vec<String>,
    },
    /// A rule names a field the form does not have.
    UnknownField {
        field: String,
    },
    /// A custom message for an error that does not exist.
    UnknownErrorCode {
        error_code: String,
    },
    /// A page whose condition can never hold: nobody would see it.
    NeverShown,
    /// A required field whose condition can never hold.
    RequiredButNeverShown,
    /// A computed field whose expression gives a list or an address.
    NotAValue {
        found: Type,
    },
    /// A link that is not `https://`, `mailto:`, `tel:` or a local path.
    UnsafeLink {
        href: String,
    },
}

/// Links in information text may go to the web over HTTPS, to e-mail or
/// telephone, or to a path on this site; never `javascript:` or `data:`.
fn is_safe_link(href: &str) -> bool {
    let h = href.trim();
    (h.starts_with("https://") && h.len() > "https://".len())
        || h.starts_with("mailto:")
        || h.starts_with("tel:")
        || (h.starts_with('/') && !h.starts_with("//") && !h.starts_with("/\\"))
}

impl fmt::Display for CompileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.path, self.kind)
    }
}

/// The problems of a spec that failed to compile; never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileProblems(pub Vec<CompileProblem>);

impl fmt::Display for CompileProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl TryFrom<FormSpec> for FormDefinition {
    type Error = CompileProblems;

    fn try_from(spec: FormSpec) -> Result<Self, Self::Error> {
        compile(spec).map_err(CompileProblems)
    }
}

impl From<FormDefinition> for FormSpec {
    fn from(def: FormDefinition) -> Self {
        def.spec
    }
}

/// Checks a spec completely and returns either a definition or every problem
/// found, each with a path.
pub fn compile(spec: FormSpec) -> Result<FormDefinition, Vec<CompileProblem>> {
    let mut c = Checker::default();
    c.check_form(&spec);
    let computed = c.compile_computed(&spec);
    let (page_conditions, field_conditions) = c.compile_conditions(&spec, &computed);
    let (requirements, rules) = c.compile_rules(&spec, &computed);
    let order = c.evaluation_order(&spec, &page_conditions, &field_conditions, &computed);
    c.check_reachable(&spec, &page_conditions, &field_conditions);
    if c.problems.is_empty() {
        Ok(FormDefinition {
            spec,
            page_conditions,
            field_conditions,
            requirements,
            computed,
            rules,
            order,
        })
    } else {
        Err(c.problems)
    }
}

/// The type of every field expressions may read: ordinary fields by kind,
/// computed fields by their compiled expression.
fn field_types<'a>(
    spec: &'a FormSpec,
    computed: &BTreeMap<String, Expr>,
) -> BTreeMap<&'a str, Type> {
    spec.pages
        .iter()
        .flat_map(|p| p.fields.iter())
        .filter_map(|f| {
            let ty = answer_type(&f.kind).or_else(|| computed.get(&f.key).map(Expr::ty))?;
            Some((f.key.as_str(), ty))
        })
        .collect()
}

/// The type a field's answer has in expressions; `None` for fields that
/// have no answer.
fn answer_type(kind: &FieldKind) -> Option<Type> {
    Some(match kind {
        FieldKind::ShortText { .. }
        | FieldKind::LongText { .. }
        | FieldKind::Email
        | FieldKind::SingleChoice { .. }
        | FieldKind::Phone
        | FieldKind::PostalCode
        | FieldKind::PersonalIdentityNumber
        | FieldKind::OrganisationNumber => Type::Text,
        FieldKind::Integer { .. } => Type::Number,
        FieldKind::MultipleChoice { .. } => Type::List,
        FieldKind::YesNo | FieldKind::Consent => Type::Bool,
        FieldKind::Date { .. } => Type::Date,
        // Not comparable as a whole; `answered($address)` is still allowed.
        FieldKind::PostalAddress => Type::Address,
        // Typed by its expression; see `field_types`.
        FieldKind::Computed { .. } | FieldKind::Information { .. } => return None,
    })
}

#[derive(Default)]
struct Checker {
    problems: Vec<CompileProblem>,
}

impl Checker {
    fn report(&mut self, path: impl Into<String>, kind: CompileError) {
        self.problems.push(CompileProblem {
            path: path.into(),
            kind,
        });
    }

    fn check_form(&mut self, spec: &FormSpec) {
        if spec.languages.is_empty() {
            self.report("languages", CompileError::NoLanguages);
        }
        let mut seen = BTreeSet::new();
        for (i, lang) in spec.languages.iter().enumerate() {
            if !seen.insert(lang.as_str()) {
                self.report(
                    format!("languages[{i}]"),
                    CompileError::DuplicateLanguage {
                        language: lang.clone(),
                    },
                );
            }
        }
        self.check_key("key", &spec.key);
        self.check_text("title", &spec.title, &spec.languages);
        self.check_text("description", &spec.description, &spec.languages);
        if let Some(organisation) = &spec.organisation {
            self.check_text("organisation", organisation, &spec.languages);
        }
        if let Some(privacy) = &spec.privacy {
            self.check_text("privacy.purpose", &privacy.purpose, &spec.languages);
            if privacy.retention_months == 0 {
                self.report("privacy.retention_months", CompileError::EmptyRange);
            }
        }
        if spec.pages.is_empty() {
            self.report("pages", CompileError::NoPages);
        }
        let mut page_keys = BTreeSet::new();
        let mut field_keys = BTreeSet::new();
        for (pi, page) in spec.pages.iter().enumerate() {
            let path = format!("pages[{pi}]");
            self.check_unique_key(&format!("{path}.key"), &page.key, &mut page_keys);
            self.check_text(&format!("{path}.title"), &page.title, &spec.languages);
            if page.fields.is_empty() {
                self.report(format!("{path}.fields"), CompileError::EmptyPage);
            }
            for (fi, field) in page.fields.iter().enumerate() {
                let path = format!("{path}.fields[{fi}]");
                self.check_unique_key(&format!("{path}.key"), &field.key, &mut field_keys);
                self.check_field(&path, field, &spec.languages);
            }
        }
    }

    fn check_field(&mut self, path: &str, field: &FieldSpec, languages: &[String]) {
        self.check_text(&format!("{path}.label"), &field.label, languages);
        if let Some(hint) = &field.hint {
            self.check_text(&format!("{path}.hint"), hint, languages);
        }
        match &field.kind {
            FieldKind::ShortText { max_length } | FieldKind::LongText { max_length } => {
                if *max_length == Some(0) {
                    self.report(format!("{path}.max_length"), CompileError::EmptyRange);
                }
            }
            FieldKind::Email => {}
            FieldKind::Integer { min, max, unit } => {
                if let Some(unit) = unit {
                    self.check_text(&format!("{path}.unit"), unit, languages);
                }
                if let (Some(min), Some(max)) = (min, max) {
                    if min > max {
                        self.report(format!("{path}.min"), CompileError::EmptyRange);
                    }
                }
            }
            FieldKind::SingleChoice { options } => self.check_options(path, options, languages),
            FieldKind::MultipleChoice {
                options,
                min_selected,
                max_selected,
            } => {
                self.check_options(path, options, languages);
                let count = u32::try_from(options.len()).unwrap_or(u32::MAX);
                if *max_selected == Some(0)
                    || min_selected
                        .zip(*max_selected)
                        .is_some_and(|(min, max)| min > max)
                    || min_selected.is_some_and(|min| min > count)
                {
                    self.report(format!("{path}.min_selected"), CompileError::EmptyRange);
                }
            }
            FieldKind::Date { earliest, latest } => {
                if let (Some(DateBound::Fixed(a)), Some(DateBound::Fixed(b))) = (earliest, latest) {
                    if a > b {
                        self.report(format!("{path}.earliest"), CompileError::EmptyRange);
                    }
                }
            }
            FieldKind::YesNo
            | FieldKind::Consent
            | FieldKind::Phone
            | FieldKind::PostalCode
            | FieldKind::PersonalIdentityNumber
            | FieldKind::OrganisationNumber
            | FieldKind::PostalAddress => {}
            FieldKind::Computed { unit, .. } => {
                if let Some(unit) = unit {
                    self.check_text(&format!("{path}.unit"), unit, languages);
                }
            }
            FieldKind::Information { blocks } => {
                if blocks.is_empty() {
                    self.report(format!("{path}.blocks"), CompileError::EmptyPage);
                }
                for (bi, block) in blocks.iter().enumerate() {
                    let bpath = format!("{path}.blocks[{bi}]");
                    match block {
                        Block::Paragraph { text } => {
                            self.check_text(&format!("{bpath}.text"), text, languages)
                        }
                        Block::List { items } => {
                            for (ii, item) in items.iter().enumerate() {
                                self.check_text(&format!("{bpath}.items[{ii}]"), item, languages);
                            }
                        }
                        Block::Link { text, href } => {
                            self.check_text(&format!("{bpath}.text"), text, languages);
                            if !is_safe_link(href) {
                                self.report(
                                    format!("{bpath}.href"),
                                    CompileError::UnsafeLink { href: href.clone() },
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    fn check_options(&mut self, path: &str, options: &[ChoiceOption], languages: &[String]) {
        if options.is_empty() {
            self.report(format!("{path}.options"), CompileError::NoOptions);
        }
        let mut values = BTreeSet::new();
        for (oi, option) in options.iter().enumerate() {
            let opath = format!("{path}.options[{oi}]");
            if option.value.is_empty() {
                self.report(
                    format!("{opath}.value"),
                    CompileError::InvalidKey { key: String::new() },
                );
            }
            if !values.insert(option.value.as_str()) {
                self.report(
                    format!("{opath}.value"),
                    CompileError::DuplicateOption {
                        value: option.value.clone(),
                    },
                );
            }
            self.check_text(&format!("{opath}.label"), &option.label, languages);
        }
    }

    /// Compiles the expressions of computed fields. They read the answers of
    /// ordinary fields only, so computing never goes round in a circle.
    fn compile_computed(&mut self, spec: &FormSpec) -> BTreeMap<String, Expr> {
        let base = field_types(spec, &BTreeMap::new());
        let field_type = |name: &str| base.get(name).copied();
        let mut computed = BTreeMap::new();
        for (pi, page) in spec.pages.iter().enumerate() {
            for (fi, field) in page.fields.iter().enumerate() {
                let FieldKind::Computed { expression, .. } = &field.kind else {
                    continue;
                };
                let path = format!("pages[{pi}].fields[{fi}].expression");
                match Expr::compile(expression, &field_type) {
                    Ok(e) if matches!(e.ty(), Type::List | Type::Address) => {
                        self.report(path, CompileError::NotAValue { found: e.ty() });
                    }
                    Ok(e) => {
                        computed.insert(field.key.clone(), e);
                    }
                    Err(e) => self.report(
                        path,
                        CompileError::Expression {
                            at: e.at,
                            problem: e.code,
                        },
                    ),
                }
            }
        }
        computed
    }

    /// Parses and type-checks every `visible_if`.
    fn compile_conditions(
        &mut self,
        spec: &FormSpec,
        computed: &BTreeMap<String, Expr>,
    ) -> (BTreeMap<String, Expr>, BTreeMap<String, Expr>) {
        let types = field_types(spec, computed);
        let field_type = |name: &str| types.get(name).copied();
        let mut pages = BTreeMap::new();
        let mut fields = BTreeMap::new();
        for (pi, page) in spec.pages.iter().enumerate() {
            if let Some(source) = &page.visible_if {
                if let Some(e) =
                    self.condition(&format!("pages[{pi}].visible_if"), source, &field_type)
                {
                    pages.insert(page.key.clone(), e);
                }
            }
            for (fi, field) in page.fields.iter().enumerate() {
                if let Some(source) = &field.visible_if {
                    let path = format!("pages[{pi}].fields[{fi}].visible_if");
                    if let Some(e) = self.condition(&path, source, &field_type) {
                        fields.insert(field.key.clone(), e);
                    }
                }
            }
        }
        (pages, fields)
    }

    /// Compiles `required_if`, cross-field rules and custom messages.
    fn compile_rules(
        &mut self,
        spec: &FormSpec,
        computed: &BTreeMap<String, Expr>,
    ) -> (BTreeMap<String, Expr>, Vec<Rule>) {
        let types = field_types(spec, computed);
        let field_type = |name: &str| types.get(name).copied();
        let mut requirements = BTreeMap::new();
        for (pi, page) in spec.pages.iter().enumerate() {
            for (fi, field) in page.fields.iter().enumerate() {
                let path = format!("pages[{pi}].fields[{fi}]");
                if let Some(source) = &field.required_if {
                    if let Some(e) =
                        self.condition(&format!("{path}.required_if"), source, &field_type)
                    {
                        requirements.insert(field.key.clone(), e);
                    }
                }
                for (code, text) in &field.messages {
                    if !crate::evaluate::ErrorCode::NAMES.contains(&code.as_str()) {
                        self.report(
                            format!("{path}.messages.{code}"),
                            CompileError::UnknownErrorCode {
                                error_code: code.clone(),
                            },
                        );
                    }
                    self.check_text(&format!("{path}.messages.{code}"), text, &spec.languages);
                }
            }
        }
        let mut rules = Vec::new();
        let mut keys = BTreeSet::new();
        for (ri, rule) in spec.rules.iter().enumerate() {
            let path = format!("rules[{ri}]");
            self.check_unique_key(&format!("{path}.key"), &rule.key, &mut keys);
            if !types.contains_key(rule.field.as_str()) {
                self.report(
                    format!("{path}.field"),
                    CompileError::UnknownField {
                        field: rule.field.clone(),
                    },
                );
            }
            self.check_text(&format!("{path}.message"), &rule.message, &spec.languages);
            if let Some(check) = self.condition(&format!("{path}.check"), &rule.check, &field_type)
            {
                rules.push(Rule {
                    key: rule.key.clone(),
                    check,
                    field: rule.field.clone(),
                });
            }
        }
        (requirements, rules)
    }

    fn condition(
        &mut self,
        path: &str,
        source: &str,
        field_type: &dyn Fn(&str) -> Option<Type>,
    ) -> Option<Expr> {
        match Expr::compile(source, field_type) {
            Ok(e) if e.ty() == Type::Bool => Some(e),
            Ok(e) => {
                self.report(path, CompileError::NotACondition { found: e.ty() });
                None
            }
            Err(e) => {
                self.report(
                    path,
                    CompileError::Expression {
                        at: e.at,
                        problem: e.code,
                    },
                );
                None
            }
        }
    }

    /// Reports pages that can never be shown, and required fields that can
    /// never be asked: their conditions are false whatever is answered.
    fn check_reachable(
        &mut self,
        spec: &FormSpec,
        page_conditions: &BTreeMap<String, Expr>,
        field_conditions: &BTreeMap<String, Expr>,
    ) {
        let never = |c: Option<&Expr>| {
            c.and_then(Expr::constant_value)
                .is_some_and(|v| v != crate::expr::Value::Bool(true))
        };
        for (pi, page) in spec.pages.iter().enumerate() {
            let page_never = never(page_conditions.get(&page.key));
            if page_never {
                self.report(format!("pages[{pi}].visible_if"), CompileError::NeverShown);
            }
            for (fi, field) in page.fields.iter().enumerate() {
                if !page_never && field.required && never(field_conditions.get(&field.key)) {
                    self.report(
                        format!("pages[{pi}].fields[{fi}].visible_if"),
                        CompileError::RequiredButNeverShown,
                    );
                }
            }
        }
    }

    /// Orders pages and fields so that each comes after everything its
    /// visibility depends on (its page, and the fields its condition reads),
    /// keeping the authored order wherever it can. Reports circles.
    fn evaluation_order(
        &mut self,
        spec: &FormSpec,
        page_conditions: &BTreeMap<String, Expr>,
        field_conditions: &BTreeMap<String, Expr>,
        computed: &BTreeMap<String, Expr>,
    ) -> Vec<Step> {
        let mut field_step: BTreeMap<&str, Step> = BTreeMap::new();
        let mut steps = Vec::new();
        for (pi, page) in spec.pages.iter().enumerate() {
            steps.push((
                Step::Page(pi),
                page.key.as_str(),
                page_conditions.get(&page.key),
            ));
            for (fi, field) in page.fields.iter().enumerate() {
                field_step
                    .entry(field.key.as_str())
                    .or_insert(Step::Field(pi, fi));
                steps.push((
                    Step::Field(pi, fi),
                    field.key.as_str(),
                    field_conditions.get(&field.key),
                ));
            }
        }
        let depends_on = |step: Step, condition: Option<&Expr>| -> Vec<Step> {
            let mut deps: Vec<Step> = condition
                .map(|c| {
                    c.fields()
                        .iter()
                        .filter_map(|f| field_step.get(f.as_str()).copied())
                        .collect()
                })
                .unwrap_or_default();
            if let Step::Field(pi, fi) = step {
                deps.push(Step::Page(pi));
                // A computed value comes after the answers it reads.
                let key = spec
                    .pages
                    .get(pi)
                    .and_then(|p| p.fields.get(fi))
                    .map(|f| f.key.as_str());
                if let Some(expr) = key.and_then(|k| computed.get(k)) {
                    deps.extend(
                        expr.fields()
                            .iter()
                            .filter_map(|f| field_step.get(f.as_str()).copied()),
                    );
                }
            }
            deps
        };
        let mut done: BTreeSet<Step> = BTreeSet::new();
        let mut order = Vec::with_capacity(steps.len());
        let mut remaining: Vec<_> = steps
            .iter()
            .map(|(s, k, c)| (*s, *k, depends_on(*s, *c)))
            .collect();
        while !remaining.is_empty() {
            let Some(i) = remaining
                .iter()
                .position(|(_, _, deps)| deps.iter().all(|d| done.contains(d)))
            else {
                let keys = remaining.iter().map(|(_, k, _)| (*k).to_owned()).collect();
                self.report("pages", CompileError::ConditionCycle { keys });
                break;
            };
            let (step, _, _) = remaining.remove(i);
            done.insert(step);
            order.push(step);
        }
        order
    }

    /// A valid key not used before among `seen`.
    fn check_unique_key<'a>(&mut self, path: &str, key: &'a str, seen: &mut BTreeSet<&'a str>) {
        self.check_key(path, key);
        if !seen.insert(key) {
            self.report(
                path,
                CompileError::DuplicateKey {
                    key: key.to_owned(),
                },
            );
        }
    }

    /// Keys are lowercase ASCII letters, digits and hyphens, starting with a
    /// letter: safe in addresses, HTML ids and SQL without escaping.
    fn check_key(&mut self, path: &str, key: &str) {
        let ok = key.len() <= MAX_KEY_LEN
            && key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            self.report(path, CompileError::InvalidKey { key: key.into() });
        }
    }

    fn check_text(&mut self, path: &str, text: &Text, languages: &[String]) {
        for lang in languages {
            if text.get(lang).is_none_or(|t| t.trim().is_empty()) {
                self.report(
                    format!("{path}.{lang}"),
                    CompileError::MissingText {
                        language: lang.clone(),
                    },
                );
            }
        }
    }
}

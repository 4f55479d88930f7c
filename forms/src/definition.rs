//! Compiling a spec into a checked, immutable definition.

use crate::expr::{Expr, ExprError, ExprErrorCode, Type};
use crate::spec::{
    Block, ChoiceOption, DateBound, FieldKind, FieldSpec, FormSpec, Identification, PageSpec,
    Prefill, PrivacyNotice, StartInfo, Text,
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
    /// The group of each row field, by the row field's key.
    groups: BTreeMap<String, String>,
    /// For each group, its fields' indices in evaluation order.
    row_orders: BTreeMap<String, Vec<usize>>,
    /// Compiled `pattern`s of text fields, by key.
    patterns: Patterns,
}

/// Compiled patterns. Two are equal when written the same.
#[derive(Clone, Debug, Default)]
pub(crate) struct Patterns(BTreeMap<String, regex_lite::Regex>);

impl PartialEq for Patterns {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(other.0.iter())
                .all(|((a, ra), (b, rb))| a == b && ra.as_str() == rb.as_str())
    }
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

    /// The keys of the statuses this service's cases move through, in
    /// order: its own model, or Blankett's default.
    pub fn status_keys(&self) -> Vec<&str> {
        if self.spec.statuses.is_empty() {
            crate::spec::DEFAULT_STATUSES.to_vec()
        } else {
            self.spec.statuses.iter().map(|s| s.key.as_str()).collect()
        }
    }

    /// The name the service gives a status in `lang`; `None` for a status
    /// of the default model (its name is the UI's) or one it does not have.
    pub fn status_name(&self, key: &str, lang: &str) -> Option<&str> {
        self.spec
            .statuses
            .iter()
            .find(|s| s.key == key)
            .map(|s| localized(&s.name, lang, &self.spec.languages))
    }

    /// Whether a resident may write to the handlers about a case in status
    /// `key`: as the service's model says; in the default model, until the
    /// case is closed.
    pub fn messages_allowed(&self, key: &str) -> bool {
        if self.spec.statuses.is_empty() {
            key != "closed"
        } else {
            self.spec
                .statuses
                .iter()
                .find(|s| s.key == key)
                .is_none_or(|s| s.messages)
        }
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

    /// What the start page tells before a person begins.
    pub fn start(&self) -> Option<&StartInfo> {
        self.spec.start.as_ref()
    }

    /// The e-mail questions whose answers get the receipt.
    pub fn receipt_to(&self) -> &[String] {
        &self.spec.receipt_to
    }

    /// Text of this form in `lang`, falling back to its first language.
    pub fn text<'a>(&'a self, text: &'a Text, lang: &str) -> &'a str {
        localized(text, lang, &self.spec.languages)
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

    /// The answers a field's `visible_if` reads (sorted, each once): what
    /// decides whether it is asked. `None` when it has no condition, or
    /// when the condition also reads today's date.
    pub fn condition_reads(&self, key: &str) -> Option<&[String]> {
        self.field_conditions
            .get(key)
            .filter(|e| !e.reads_today())
            .map(Expr::fields)
    }

    pub(crate) fn requirement(&self, key: &str) -> Option<&Expr> {
        self.requirements.get(key)
    }

    pub(crate) fn computation(&self, key: &str) -> Option<&Expr> {
        self.computed.get(key)
    }

    pub(crate) fn pattern(&self, key: &str) -> Option<&regex_lite::Regex> {
        self.patterns.0.get(key)
    }

    /// The group a row field belongs to; `None` for any other field.
    pub fn group_of(&self, key: &str) -> Option<&str> {
        self.groups.get(key).map(String::as_str)
    }

    /// A group's fields in the order a row evaluates them.
    pub(crate) fn row_order(&self, group: &str) -> &[usize] {
        self.row_orders.get(group).map_or(&[], Vec::as_slice)
    }

    /// Every name the form's inputs post under, with `rows(group)` rows of
    /// each group (and each group's row count, `<group>.rows`).
    pub fn input_names(&self, rows: &dyn Fn(&str) -> usize) -> Vec<String> {
        let mut names = Vec::new();
        for field in self.fields() {
            if let FieldKind::Group { .. } = field.kind() {
                names.push(format!("{}.rows", field.key()));
                for r in 0..rows(field.key()) {
                    for sub in field.row_fields() {
                        names.extend(sub.input_names_at(&format!(
                            "{}[{r}].{}",
                            field.key(),
                            sub.key()
                        )));
                    }
                }
            } else {
                names.extend(field.input_names());
            }
        }
        names
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
    /// text never is; a group is when it needs at least one row.
    pub fn required(&self) -> bool {
        match self.spec.kind {
            FieldKind::Consent => true,
            FieldKind::Information { .. } => false,
            FieldKind::Group { min_rows, .. } => self.spec.required || min_rows.unwrap_or(0) > 0,
            _ => self.spec.required,
        }
    }

    /// The fields of one row of a group; none for other fields.
    pub fn row_fields(&self) -> impl Iterator<Item = Field<'a>> + 'a {
        let languages = self.languages;
        let fields: &'a [FieldSpec] = match &self.spec.kind {
            FieldKind::Group { fields, .. } => fields,
            _ => &[],
        };
        fields.iter().map(move |spec| Field { spec, languages })
    }

    /// What one row of a group is called, in `lang`.
    pub fn row_label(&self, lang: &str) -> Option<&'a str> {
        match &self.spec.kind {
            FieldKind::Group { row_label, .. } => Some(localized(row_label, lang, self.languages)),
            _ => None,
        }
    }

    /// Filled in from the signed-in person, and whether it is then fixed.
    pub fn prefill(&self) -> Option<(Prefill, bool)> {
        self.spec.prefill.map(|p| (p, self.spec.read_only))
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
        self.input_names_at(&self.spec.key)
    }

    /// The names this field reads when posted under `name` (its key, or
    /// `group[row].key` in a row).
    pub fn input_names_at(&self, name: &str) -> Vec<String> {
        match self.spec.kind {
            FieldKind::PostalAddress => crate::answers::ADDRESS_PARTS
                .iter()
                .map(|part| format!("{name}.{part}"))
                .collect(),
            _ => vec![name.to_owned()],
        }
    }

    /// The unit of a number field, in `lang`.
    pub fn unit(&self, lang: &str) -> Option<&'a str> {
        match &self.spec.kind {
            FieldKind::Integer {
                unit: Some(unit), ..
            }
            | FieldKind::Decimal {
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
            FieldKind::SingleChoice { options, .. } | FieldKind::MultipleChoice { options, .. } => {
                options
                    .iter()
                    .find(|o| o.value == value)
                    .map(|o| localized(&o.label, lang, self.languages))
            }
            FieldKind::ShortText { .. }
            | FieldKind::LongText { .. }
            | FieldKind::Email
            | FieldKind::Integer { .. }
            | FieldKind::Decimal { .. }
            | FieldKind::File { .. }
            | FieldKind::Group { .. }
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
    /// A limit above what the engine allows.
    LimitTooLarge {
        max: u64,
    },
    /// A `pattern` that is not a valid regular expression, or too big.
    InvalidPattern {
        reason: String,
    },
    /// An accepted file type that is not `type/subtype` or `type/*`.
    InvalidMediaType {
        media_type: String,
    },
    /// A telephone number that is not digits with the usual separators.
    InvalidPhone {
        phone: String,
    },
    /// A group inside a group.
    NestedGroup,
    /// Prefill of a kind the field cannot hold (a name in a date field).
    PrefillMismatch,
    /// Prefill inside a repeating group.
    PrefillInGroup,
    /// `read_only` without `prefill`: nobody could ever answer it.
    ReadOnlyWithoutPrefill,
    /// A read-only prefilled field in a form anyone may fill in without
    /// signing in: there would be nobody to take the value from.
    ReadOnlyNeedsEId,
    /// `receipt_to` names a question that is not an e-mail question
    /// outside a repeating group.
    NotAnEmailField {
        field: String,
    },
    /// A service's own status model without one of the statuses Blankett
    /// itself moves cases to (`REQUIRED_STATUSES`).
    MissingStatus {
        key: String,
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

/// Most rows a repeating group may have.
pub const MAX_ROWS: u32 = 1_000;
/// Most files one field may take.
pub const MAX_FILES: u32 = 20;
/// Most decimals a decimal field may ask for.
pub const MAX_DECIMALS: u32 = crate::number::PLACES;
/// Longest pattern accepted, in characters.
pub const MAX_PATTERN_LEN: usize = 500;
/// Largest compiled pattern, in bytes: big enough for any real format,
/// small enough that matching stays cheap.
const PATTERN_SIZE_LIMIT: usize = 1 << 16;

/// Checks a spec completely and returns either a definition or every problem
/// found, each with a path.
pub fn compile(spec: FormSpec) -> Result<FormDefinition, Vec<CompileProblem>> {
    let mut c = Checker::default();
    c.check_form(&spec);
    let fields = located(&spec);
    let groups: BTreeMap<String, String> = fields
        .iter()
        .filter_map(|f| Some((f.field.key.clone(), f.group?.to_owned())))
        .collect();
    let computed = c.compile_computed(&fields);
    let types = Types::of(&fields, &computed);
    let (page_conditions, field_conditions) = c.compile_conditions(&spec, &fields, &types);
    let (requirements, rules) = c.compile_rules(&spec, &fields, &types);
    let patterns = c.compile_patterns(&fields);
    let order = c.evaluation_order(
        &spec,
        &fields,
        &field_conditions,
        &page_conditions,
        &computed,
    );
    let row_orders = c.row_orders(&spec, &field_conditions, &computed);
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
            groups,
            row_orders,
            patterns: Patterns(patterns),
        })
    } else {
        Err(c.problems)
    }
}

/// A field of a spec, with its path, its page and the group it is a row
/// field of (if any).
struct Located<'a> {
    path: String,
    field: &'a FieldSpec,
    group: Option<&'a str>,
}

/// Every field of a spec, in form order; a group's fields follow it.
fn located(spec: &FormSpec) -> Vec<Located<'_>> {
    let mut out = Vec::new();
    for (pi, page) in spec.pages.iter().enumerate() {
        for (fi, field) in page.fields.iter().enumerate() {
            let path = format!("pages[{pi}].fields[{fi}]");
            if let FieldKind::Group { fields, .. } = &field.kind {
                out.push(Located {
                    path: path.clone(),
                    field,
                    group: None,
                });
                for (si, sub) in fields.iter().enumerate() {
                    out.push(Located {
                        path: format!("{path}.fields[{si}]"),
                        field: sub,
                        group: Some(field.key.as_str()),
                    });
                }
            } else {
                out.push(Located {
                    path,
                    field,
                    group: None,
                });
            }
        }
    }
    out
}

/// The type of every field expressions may read, in the form's scope and
/// in each group's row scope.
#[derive(Default)]
struct Types {
    form: BTreeMap<String, Type>,
    rows: BTreeMap<String, BTreeMap<String, Type>>,
}

impl Types {
    fn of(fields: &[Located<'_>], computed: &BTreeMap<String, Expr>) -> Self {
        let mut types = Types::default();
        for f in fields {
            let ty =
                answer_type(&f.field.kind).or_else(|| computed.get(&f.field.key).map(Expr::ty));
            if let Some(ty) = ty {
                types.insert(&f.field.key, f.group, ty);
            }
        }
        types
    }

    fn insert(&mut self, key: &str, group: Option<&str>, ty: Type) {
        match group {
            None => {
                self.form.insert(key.to_owned(), ty);
            }
            Some(group) => {
                self.rows
                    .entry(group.to_owned())
                    .or_default()
                    .insert(key.to_owned(), ty);
                let column = if ty == Type::Number {
                    Type::NumberColumn
                } else {
                    Type::Column
                };
                self.form.insert(key.to_owned(), column);
            }
        }
    }

    /// The type of `name` read from `scope` (a group's rows, or the form).
    fn lookup(&self, scope: Option<&str>, name: &str) -> Option<Type> {
        scope
            .and_then(|g| self.rows.get(g)?.get(name).copied())
            .or_else(|| self.form.get(name).copied())
    }
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
        FieldKind::Integer { .. } | FieldKind::Decimal { .. } => Type::Number,
        FieldKind::MultipleChoice { .. } => Type::List,
        FieldKind::YesNo | FieldKind::Consent => Type::Bool,
        FieldKind::Date { .. } => Type::Date,
        // Not comparable as a whole; `answered($address)` is still allowed.
        FieldKind::PostalAddress => Type::Address,
        FieldKind::Group { .. } => Type::Rows,
        FieldKind::File { .. } => Type::Files,
        // Typed by its expression; see `Types::of`.
        FieldKind::Computed { .. } | FieldKind::Information { .. } => return None,
    })
}

/// Whether `media_type` is `type/subtype` or `type/*`, in plain ASCII.
fn is_media_type(media_type: &str) -> bool {
    let token = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
    };
    media_type
        .split_once('/')
        .is_some_and(|(t, s)| token(t) && (s == "*" || token(s)))
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

    /// An expression that does not parse or type-check, and where.
    fn report_expression(&mut self, path: impl Into<String>, e: ExprError) {
        self.report(
            path,
            CompileError::Expression {
                at: e.at,
                problem: e.code,
            },
        );
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
        if let Some(start) = &spec.start {
            for (i, item) in start.need.iter().enumerate() {
                self.check_text(&format!("start.need[{i}]"), item, &spec.languages);
            }
            if let Some(visit) = &start.visit {
                self.check_text("start.visit", visit, &spec.languages);
            }
            if start.minutes == Some(0) {
                self.report("start.minutes", CompileError::EmptyRange);
            }
            let phone_ok = start.phone.as_ref().is_none_or(|p| {
                let digits = p.chars().filter(char::is_ascii_digit).count();
                (3..=15).contains(&digits)
                    && p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
            });
            if !phone_ok {
                self.report(
                    "start.phone",
                    CompileError::InvalidPhone {
                        phone: start.phone.clone().unwrap_or_default(),
                    },
                );
            }
        }
        for (i, key) in spec.receipt_to.iter().enumerate() {
            let is_email = spec
                .pages
                .iter()
                .flat_map(|p| &p.fields)
                .any(|f| &f.key == key && matches!(f.kind, FieldKind::Email));
            if !is_email {
                self.report(
                    format!("receipt_to[{i}]"),
                    CompileError::NotAnEmailField { field: key.clone() },
                );
            }
        }
        if spec.pages.is_empty() {
            self.report("pages", CompileError::NoPages);
        }
        if !spec.statuses.is_empty() {
            let mut seen: Vec<&str> = Vec::new();
            for (i, status) in spec.statuses.iter().enumerate() {
                self.check_key(&format!("statuses[{i}].key"), &status.key);
                if seen.contains(&status.key.as_str()) {
                    self.report(
                        format!("statuses[{i}].key"),
                        CompileError::DuplicateKey {
                            key: status.key.clone(),
                        },
                    );
                }
                seen.push(&status.key);
                self.check_text(
                    &format!("statuses[{i}].name"),
                    &status.name,
                    &spec.languages,
                );
            }
            for required in crate::spec::REQUIRED_STATUSES {
                if !seen.contains(&required) {
                    self.report(
                        "statuses",
                        CompileError::MissingStatus {
                            key: required.to_owned(),
                        },
                    );
                }
            }
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
                self.check_field(&path, field, spec);
                if let FieldKind::Group { fields, .. } = &field.kind {
                    for (si, sub) in fields.iter().enumerate() {
                        let path = format!("{path}.fields[{si}]");
                        self.check_unique_key(&format!("{path}.key"), &sub.key, &mut field_keys);
                        if matches!(sub.kind, FieldKind::Group { .. }) {
                            self.report(path.clone(), CompileError::NestedGroup);
                        }
                        if sub.prefill.is_some() {
                            self.report(format!("{path}.prefill"), CompileError::PrefillInGroup);
                        }
                        self.check_field(&path, sub, spec);
                    }
                }
            }
        }
    }

    fn check_field(&mut self, path: &str, field: &FieldSpec, spec: &FormSpec) {
        let languages = spec.languages.as_slice();
        self.check_text(&format!("{path}.label"), &field.label, languages);
        if let Some(hint) = &field.hint {
            self.check_text(&format!("{path}.hint"), hint, languages);
        }
        self.check_prefill(path, field, spec);
        match &field.kind {
            FieldKind::ShortText {
                min_length,
                max_length,
                ..
            }
            | FieldKind::LongText {
                min_length,
                max_length,
            } => {
                if *max_length == Some(0)
                    || min_length
                        .zip(*max_length)
                        .is_some_and(|(min, max)| min > max)
                {
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
            FieldKind::Decimal {
                min,
                max,
                decimals,
                unit,
            } => {
                if let Some(unit) = unit {
                    self.check_text(&format!("{path}.unit"), unit, languages);
                }
                if let (Some(min), Some(max)) = (min, max) {
                    if min > max {
                        self.report(format!("{path}.min"), CompileError::EmptyRange);
                    }
                }
                if decimals.is_some_and(|d| d > MAX_DECIMALS) {
                    self.report(
                        format!("{path}.decimals"),
                        CompileError::LimitTooLarge {
                            max: u64::from(MAX_DECIMALS),
                        },
                    );
                }
            }
            FieldKind::SingleChoice { options, .. } => self.check_options(path, options, languages),
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
            FieldKind::File {
                accept,
                max_bytes,
                max_files,
            } => {
                if accept.is_empty() {
                    self.report(format!("{path}.accept"), CompileError::NoOptions);
                }
                for (ai, media_type) in accept.iter().enumerate() {
                    if !is_media_type(media_type) {
                        self.report(
                            format!("{path}.accept[{ai}]"),
                            CompileError::InvalidMediaType {
                                media_type: media_type.clone(),
                            },
                        );
                    }
                }
                if *max_bytes == 0 {
                    self.report(format!("{path}.max_bytes"), CompileError::EmptyRange);
                }
                match max_files {
                    Some(0) => self.report(format!("{path}.max_files"), CompileError::EmptyRange),
                    Some(n) if *n > MAX_FILES => self.report(
                        format!("{path}.max_files"),
                        CompileError::LimitTooLarge {
                            max: u64::from(MAX_FILES),
                        },
                    ),
                    _ => {}
                }
            }
            FieldKind::Group {
                fields,
                row_label,
                min_rows,
                max_rows,
            } => {
                self.check_text(&format!("{path}.row_label"), row_label, languages);
                if fields.is_empty() {
                    self.report(format!("{path}.fields"), CompileError::EmptyPage);
                }
                if *max_rows == Some(0)
                    || min_rows.zip(*max_rows).is_some_and(|(min, max)| min > max)
                {
                    self.report(format!("{path}.min_rows"), CompileError::EmptyRange);
                }
                for (name, limit) in [("min_rows", min_rows), ("max_rows", max_rows)] {
                    if limit.is_some_and(|n| n > MAX_ROWS) {
                        self.report(
                            format!("{path}.{name}"),
                            CompileError::LimitTooLarge {
                                max: u64::from(MAX_ROWS),
                            },
                        );
                    }
                }
            }
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
                        Block::Heading { text } | Block::Paragraph { text } => {
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

    /// Prefill must fit the field, and a read-only prefilled field needs a
    /// signed-in person to take its value from.
    fn check_prefill(&mut self, path: &str, field: &FieldSpec, spec: &FormSpec) {
        let Some(prefill) = field.prefill else {
            if field.read_only {
                self.report(
                    format!("{path}.read_only"),
                    CompileError::ReadOnlyWithoutPrefill,
                );
            }
            return;
        };
        let fits = matches!(
            (prefill, &field.kind),
            (Prefill::Name, FieldKind::ShortText { .. })
                | (
                    Prefill::PersonalIdentityNumber,
                    FieldKind::PersonalIdentityNumber
                )
                | (Prefill::Address, FieldKind::PostalAddress)
        );
        if !fits {
            self.report(format!("{path}.prefill"), CompileError::PrefillMismatch);
        }
        if field.read_only && spec.identification == Identification::Anonymous {
            self.report(format!("{path}.read_only"), CompileError::ReadOnlyNeedsEId);
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

    /// Compiles the expressions of computed fields. A computed value may
    /// read another, so they are compiled as the values they read become
    /// known; those left over read each other in a circle.
    fn compile_computed(&mut self, fields: &[Located<'_>]) -> BTreeMap<String, Expr> {
        let mut computed = BTreeMap::new();
        let mut types = Types::of(fields, &computed);
        let mut pending: Vec<(&Located<'_>, &str)> = fields
            .iter()
            .filter_map(|f| match &f.field.kind {
                FieldKind::Computed { expression, .. } => Some((f, expression.as_str())),
                _ => None,
            })
            .collect();
        let is_computed = |name: &str| {
            fields
                .iter()
                .any(|f| f.field.key == name && matches!(f.field.kind, FieldKind::Computed { .. }))
        };
        let mut failed = BTreeSet::new();
        loop {
            let mut progress = false;
            let mut waiting = Vec::new();
            for (f, expression) in pending {
                let path = format!("{}.expression", f.path);
                match Expr::compile(expression, &|name| types.lookup(f.group, name)) {
                    Ok(e)
                        if !matches!(
                            e.ty(),
                            Type::Bool | Type::Number | Type::Text | Type::Date
                        ) =>
                    {
                        self.report(path, CompileError::NotAValue { found: e.ty() });
                        failed.insert(f.field.key.clone());
                        progress = true;
                    }
                    Ok(e) => {
                        types.insert(&f.field.key, f.group, e.ty());
                        computed.insert(f.field.key.clone(), e);
                        progress = true;
                    }
                    Err(ExprError {
                        code: ExprErrorCode::UnknownField { field },
                        ..
                    }) if is_computed(&field) => {
                        if failed.contains(&field) {
                            // Reported where that value is computed.
                            failed.insert(f.field.key.clone());
                            progress = true;
                        } else {
                            waiting.push((f, expression));
                        }
                    }
                    Err(e) => {
                        self.report_expression(path, e);
                        failed.insert(f.field.key.clone());
                        progress = true;
                    }
                }
            }
            pending = waiting;
            if pending.is_empty() {
                break;
            }
            if !progress {
                let keys = pending.iter().map(|(f, _)| f.field.key.clone()).collect();
                self.report("pages", CompileError::ConditionCycle { keys });
                break;
            }
        }
        computed
    }

    /// Parses and type-checks every `visible_if`; a row field's condition
    /// reads its own row.
    fn compile_conditions(
        &mut self,
        spec: &FormSpec,
        fields: &[Located<'_>],
        types: &Types,
    ) -> (BTreeMap<String, Expr>, BTreeMap<String, Expr>) {
        let mut pages = BTreeMap::new();
        for (pi, page) in spec.pages.iter().enumerate() {
            if let Some(source) = &page.visible_if {
                let path = format!("pages[{pi}].visible_if");
                if let Some(e) = self.condition(&path, source, &|n| types.lookup(None, n)) {
                    pages.insert(page.key.clone(), e);
                }
            }
        }
        let mut conditions = BTreeMap::new();
        for f in fields {
            if let Some(source) = &f.field.visible_if {
                let path = format!("{}.visible_if", f.path);
                if let Some(e) = self.condition(&path, source, &|n| types.lookup(f.group, n)) {
                    conditions.insert(f.field.key.clone(), e);
                }
            }
        }
        (pages, conditions)
    }

    /// Compiles `required_if`, cross-field rules and custom messages. A rule
    /// on a row field is checked in every row, reading that row.
    fn compile_rules(
        &mut self,
        spec: &FormSpec,
        fields: &[Located<'_>],
        types: &Types,
    ) -> (BTreeMap<String, Expr>, Vec<Rule>) {
        let mut requirements = BTreeMap::new();
        for f in fields {
            if let Some(source) = &f.field.required_if {
                let path = format!("{}.required_if", f.path);
                if let Some(e) = self.condition(&path, source, &|n| types.lookup(f.group, n)) {
                    requirements.insert(f.field.key.clone(), e);
                }
            }
            for (code, text) in &f.field.messages {
                let path = format!("{}.messages.{code}", f.path);
                if !crate::evaluate::ErrorCode::NAMES.contains(&code.as_str()) {
                    self.report(
                        path.clone(),
                        CompileError::UnknownErrorCode {
                            error_code: code.clone(),
                        },
                    );
                }
                self.check_text(&path, text, &spec.languages);
            }
        }
        let mut rules = Vec::new();
        let mut keys = BTreeSet::new();
        for (ri, rule) in spec.rules.iter().enumerate() {
            let path = format!("rules[{ri}]");
            self.check_unique_key(&format!("{path}.key"), &rule.key, &mut keys);
            let target = fields.iter().find(|f| f.field.key == rule.field);
            let scope = target.and_then(|f| f.group);
            if target.is_none_or(|f| {
                answer_type(&f.field.kind).is_none()
                    && !matches!(f.field.kind, FieldKind::Computed { .. })
            }) {
                self.report(
                    format!("{path}.field"),
                    CompileError::UnknownField {
                        field: rule.field.clone(),
                    },
                );
            }
            self.check_text(&format!("{path}.message"), &rule.message, &spec.languages);
            let check = self.condition(&format!("{path}.check"), &rule.check, &|n| {
                types.lookup(scope, n)
            });
            if let Some(check) = check {
                rules.push(Rule {
                    key: rule.key.clone(),
                    check,
                    field: rule.field.clone(),
                });
            }
        }
        (requirements, rules)
    }

    /// Compiles every `pattern`, anchored to the whole answer. The regular
    /// expressions run in time linear in the answer's length whatever the
    /// pattern (no backtracking), and their size is capped.
    fn compile_patterns(&mut self, fields: &[Located<'_>]) -> BTreeMap<String, regex_lite::Regex> {
        let mut patterns = BTreeMap::new();
        for f in fields {
            let FieldKind::ShortText {
                pattern: Some(pattern),
                ..
            } = &f.field.kind
            else {
                continue;
            };
            let path = format!("{}.pattern", f.path);
            if pattern.chars().count() > MAX_PATTERN_LEN {
                self.report(
                    path,
                    CompileError::LimitTooLarge {
                        max: MAX_PATTERN_LEN as u64,
                    },
                );
                continue;
            }
            match regex_lite::RegexBuilder::new(&format!("^(?:{pattern})$"))
                .size_limit(PATTERN_SIZE_LIMIT)
                .nest_limit(32)
                .build()
            {
                Ok(regex) => {
                    patterns.insert(f.field.key.clone(), regex);
                }
                Err(e) => self.report(
                    path,
                    CompileError::InvalidPattern {
                        reason: e
                            .to_string()
                            .lines()
                            .last()
                            .unwrap_or_default()
                            .trim()
                            .to_owned(),
                    },
                ),
            }
        }
        patterns
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
                self.report_expression(path, e);
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
                continue;
            }
            for (fi, field) in page.fields.iter().enumerate() {
                let path = format!("pages[{pi}].fields[{fi}]");
                if never(field_conditions.get(&field.key)) {
                    if field.required {
                        self.report(
                            format!("{path}.visible_if"),
                            CompileError::RequiredButNeverShown,
                        );
                    }
                    continue;
                }
                if let FieldKind::Group { fields, .. } = &field.kind {
                    for (si, sub) in fields.iter().enumerate() {
                        if sub.required && never(field_conditions.get(&sub.key)) {
                            self.report(
                                format!("{path}.fields[{si}].visible_if"),
                                CompileError::RequiredButNeverShown,
                            );
                        }
                    }
                }
            }
        }
    }

    /// Orders pages and fields so that each comes after everything it
    /// depends on (its page, the fields its condition reads, and for a
    /// computed value the answers it reads), keeping the authored order
    /// wherever it can. A group is one step: it comes after everything its
    /// rows read from outside it, and a row field read from outside (by
    /// `count()` or `sum()`) stands for its group. Reports circles.
    fn evaluation_order(
        &mut self,
        spec: &FormSpec,
        fields: &[Located<'_>],
        field_conditions: &BTreeMap<String, Expr>,
        page_conditions: &BTreeMap<String, Expr>,
        computed: &BTreeMap<String, Expr>,
    ) -> Vec<Step> {
        let mut field_step: BTreeMap<&str, Step> = BTreeMap::new();
        let mut steps: Vec<(Step, &str)> = Vec::new();
        for (pi, page) in spec.pages.iter().enumerate() {
            steps.push((Step::Page(pi), page.key.as_str()));
            for (fi, field) in page.fields.iter().enumerate() {
                let step = Step::Field(pi, fi);
                field_step.entry(field.key.as_str()).or_insert(step);
                if let FieldKind::Group { fields, .. } = &field.kind {
                    for sub in fields {
                        field_step.entry(sub.key.as_str()).or_insert(step);
                    }
                }
                steps.push((step, field.key.as_str()));
            }
        }
        // What each step reads, by the keys of the fields read.
        let reads = |key: &str| -> Vec<&str> {
            let mut out: Vec<&str> = Vec::new();
            for f in fields
                .iter()
                .filter(|f| f.field.key == key || f.group == Some(key))
            {
                for expr in [
                    field_conditions.get(&f.field.key),
                    computed.get(&f.field.key),
                ]
                .into_iter()
                .flatten()
                {
                    out.extend(expr.fields().iter().map(String::as_str));
                }
            }
            // A row reading its own row is the group's business, not the order's.
            out.retain(|name| {
                !fields
                    .iter()
                    .any(|f| f.field.key == *name && f.group == Some(key))
            });
            out
        };
        let mut remaining: Vec<(Step, &str, Vec<Step>)> = steps
            .iter()
            .map(|&(step, key)| {
                let mut deps: Vec<Step> = match step {
                    Step::Page(_) => page_conditions
                        .get(key)
                        .map(|c| c.fields().iter().map(String::as_str).collect())
                        .unwrap_or_default(),
                    Step::Field(..) => reads(key),
                }
                .into_iter()
                .filter_map(|f| field_step.get(f).copied())
                .collect();
                if let Step::Field(pi, _) = step {
                    deps.push(Step::Page(pi));
                }
                (step, key, deps)
            })
            .collect();
        let mut done: BTreeSet<Step> = BTreeSet::new();
        let mut order = Vec::with_capacity(remaining.len());
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

    /// For each group, the order its fields are evaluated in within a row:
    /// each after the row fields its condition or computation reads.
    fn row_orders(
        &mut self,
        spec: &FormSpec,
        field_conditions: &BTreeMap<String, Expr>,
        computed: &BTreeMap<String, Expr>,
    ) -> BTreeMap<String, Vec<usize>> {
        let mut orders = BTreeMap::new();
        for field in spec.pages.iter().flat_map(|p| p.fields.iter()) {
            let FieldKind::Group { fields, .. } = &field.kind else {
                continue;
            };
            let index: BTreeMap<&str, usize> = fields
                .iter()
                .enumerate()
                .map(|(i, f)| (f.key.as_str(), i))
                .collect();
            let mut remaining: Vec<(usize, Vec<usize>)> = fields
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let deps = [field_conditions.get(&f.key), computed.get(&f.key)]
                        .into_iter()
                        .flatten()
                        .flat_map(|e| e.fields().iter())
                        .filter_map(|name| index.get(name.as_str()).copied())
                        .collect();
                    (i, deps)
                })
                .collect();
            let mut order = Vec::with_capacity(fields.len());
            while !remaining.is_empty() {
                let Some(at) = remaining
                    .iter()
                    .position(|(_, deps)| deps.iter().all(|d| order.contains(d)))
                else {
                    let keys = remaining
                        .iter()
                        .filter_map(|(i, _)| fields.get(*i).map(|f| f.key.clone()))
                        .collect();
                    self.report("pages", CompileError::ConditionCycle { keys });
                    break;
                };
                order.push(remaining.remove(at).0);
            }
            orders.insert(field.key.clone(), order);
        }
        orders
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

#[cfg(test)]
mod tests {
    use crate::{compile, FormSpec};

    #[test]
    fn a_condition_says_what_it_reads_unless_it_reads_the_date() {
        let spec: FormSpec = serde_json::from_value(serde_json::json!({
            "key": "k", "version": 1, "languages": ["sv"],
            "title": {"sv": "T"}, "description": {"sv": "D"},
            "pages": [
                {"key": "one", "title": {"sv": "Ett"}, "fields": [
                    {"key": "lang", "type": "short_text", "label": {"sv": "Språk"}},
                    {"key": "day", "type": "date", "label": {"sv": "Dag"}}
                ]},
                {"key": "two", "title": {"sv": "Två"}, "fields": [
                    {"key": "interpreter", "type": "short_text", "label": {"sv": "Tolk"},
                     "visible_if": "$lang == \"other\""},
                    {"key": "soon", "type": "short_text", "label": {"sv": "Snart"},
                     "visible_if": "$day < today()"},
                    {"key": "always", "type": "short_text", "label": {"sv": "Alltid"}}
                ]}
            ]
        }))
        .expect("spec");
        let definition = compile(spec).expect("compiles");
        assert_eq!(
            definition.condition_reads("interpreter"),
            Some(&["lang".to_owned()][..])
        );
        assert_eq!(definition.condition_reads("soon"), None, "reads the date");
        assert_eq!(definition.condition_reads("always"), None, "no condition");
    }
}

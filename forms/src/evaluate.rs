//! Evaluation: raw answers in, typed answers and every error out.

use crate::answers::{Address, FileRef, RawAnswers, Value};
use crate::date::Date;
use crate::definition::{Field, FormDefinition, Step, MAX_ROWS};
use crate::expr::{self, Scope};
use crate::identity::{self, IdentityError};
use crate::number::Decimal;
use crate::spec::{FieldKind, Prefill};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Longest e-mail address accepted (RFC 5321's path limit).
const MAX_EMAIL_LEN: usize = 254;
/// Free text without an author-set limit is still bounded, so one post
/// cannot store megabytes in a single answer.
const DEFAULT_MAX_TEXT: u32 = 10_000;
/// Decimals a decimal field takes unless its definition says otherwise.
const DEFAULT_DECIMALS: u32 = 2;

/// What the engine is told about the world: it reads no clock and no
/// session itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// Today's date where the form is filled in.
    pub today: Date,
    /// The signed-in person, for prefilled fields; `None` when anonymous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
}

impl Context {
    /// A context for `today`, with nobody signed in.
    pub fn on(today: Date) -> Self {
        Context {
            today,
            person: None,
        }
    }
}

/// What e-ID tells about the signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// `YYYYMMDD-NNNN`; `None` for a person without a Swedish number (a
    /// foreign eIDAS identity).
    pub personal_identity_number: Option<String>,
    /// The registered address, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

impl Person {
    /// What this person gives a prefilled field, as its inputs would post it.
    pub fn prefill(&self, prefill: Prefill) -> Vec<(&'static str, String)> {
        match prefill {
            Prefill::Name => vec![("", self.name.clone())],
            Prefill::PersonalIdentityNumber => self
                .personal_identity_number
                .iter()
                .map(|pin| ("", pin.clone()))
                .collect(),
            Prefill::Address => self
                .address
                .as_ref()
                .map(|a| {
                    vec![
                        (".street", a.street.clone()),
                        (".postal_code", a.postal_code.clone()),
                        (".city", a.city.clone()),
                    ]
                })
                .unwrap_or_default(),
        }
    }
}

/// The outcome of evaluating posted answers against a definition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Typed answers of the visible fields that were answered and valid.
    pub answers: BTreeMap<String, Value>,
    /// Every error of the visible fields, in the order the fields appear.
    /// A row field's error is at `group[row].field`.
    pub errors: Vec<FieldError>,
    /// Keys of the pages shown, in form order.
    pub visible_pages: Vec<String>,
    /// Keys of the fields asked, in form order; row fields as
    /// `group[row].field`, one per row posted.
    pub visible_fields: Vec<String>,
    /// The way through the form: the pages shown and which are complete.
    pub journey: Journey,
    /// For each group answered, the posted row number of each of its
    /// answered rows (rows where nothing was typed are left out).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rows: BTreeMap<String, Vec<usize>>,
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

    /// Whether a field (or a row field, as `group[row].field`) is asked.
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
    /// The field's key, or `group[row].field` for a row field.
    pub field: String,
    pub code: ErrorCode,
}

/// Why an answer was refused. The UI turns each code into words in the
/// person's language; the engine never does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ErrorCode {
    Required,
    TooShort {
        min: u32,
    },
    TooLong {
        max: u32,
    },
    /// A text that does not have the form the field's `pattern` asks for.
    PatternMismatch,
    InvalidEmail,
    NotAnInteger,
    /// Not a number (a decimal field).
    NotANumber,
    TooManyDecimals {
        max: u32,
    },
    TooSmall {
        min: Decimal,
    },
    TooLarge {
        max: Decimal,
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
    /// Fewer rows in a group than it needs.
    TooFewRows {
        min: u32,
    },
    TooManyRows {
        max: u32,
    },
    /// A file of a type the field does not accept.
    FileTypeNotAllowed,
    FileTooLarge {
        max_bytes: u64,
    },
    TooManyFiles {
        max: u32,
    },
    /// A file description the server did not make.
    InvalidFile,
    /// A cross-field rule of the form did not hold; its message is in the
    /// definition.
    Rule {
        rule: String,
    },
}

impl ErrorCode {
    /// The name of every code, as written in definitions' `messages`.
    pub const NAMES: [&'static str; 30] = [
        "required",
        "too_short",
        "too_long",
        "pattern_mismatch",
        "invalid_email",
        "not_an_integer",
        "not_a_number",
        "too_many_decimals",
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
        "too_few_rows",
        "too_many_rows",
        "file_type_not_allowed",
        "file_too_large",
        "too_many_files",
        "invalid_file",
        "rule",
    ];

    /// This code's name, as in [`Self::NAMES`].
    pub fn name(&self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooShort { .. } => "too_short",
            ErrorCode::TooLong { .. } => "too_long",
            ErrorCode::PatternMismatch => "pattern_mismatch",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::NotAnInteger => "not_an_integer",
            ErrorCode::NotANumber => "not_a_number",
            ErrorCode::TooManyDecimals { .. } => "too_many_decimals",
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
            ErrorCode::TooFewRows { .. } => "too_few_rows",
            ErrorCode::TooManyRows { .. } => "too_many_rows",
            ErrorCode::FileTypeNotAllowed => "file_type_not_allowed",
            ErrorCode::FileTooLarge { .. } => "file_too_large",
            ErrorCode::TooManyFiles { .. } => "too_many_files",
            ErrorCode::InvalidFile => "invalid_file",
            ErrorCode::Rule { .. } => "rule",
        }
    }
}

/// Where an answer sits: a field of a page, or a field of one posted row
/// of a group (row, index of the field in the group). Ordered as the form
/// reads: a group's own error comes before its rows'.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Slot {
    page: usize,
    field: usize,
    row: Option<(usize, usize)>,
}

/// A `required_if` to check once every answer is known.
struct Deferred {
    slot: Slot,
    key: String,
    /// For a row field: its group and the row's place among the answers.
    row: Option<(String, usize)>,
}

/// What a signed-in person brings to a form they start: their name,
/// personal identity number and address in the fields that ask for them,
/// as the inputs would post it. Fields fixed from e-ID (`read_only`) take
/// the person's values at every evaluation anyway; the others can be
/// changed.
pub fn prefilled(definition: &FormDefinition, person: &Person) -> RawAnswers {
    let mut raw = RawAnswers::new();
    for field in definition.fields() {
        if let Some((prefill, _)) = field.prefill() {
            for (suffix, value) in person.prefill(prefill) {
                raw.push(format!("{}{suffix}", field.key()), value);
            }
        }
    }
    raw
}

/// Evaluates posted answers against a definition: works out which pages and
/// fields are shown, parses every shown field into a typed value and
/// collects every error. Hidden fields are neither validated nor kept, and
/// names that are not fields of the form are ignored.
pub fn evaluate(definition: &FormDefinition, raw: &RawAnswers, context: &Context) -> Evaluation {
    let mut run = Run {
        definition,
        raw,
        context,
        state: State {
            answers: BTreeMap::new(),
            today: context.today,
            definition,
        },
        errors: BTreeMap::new(),
        pages: BTreeSet::new(),
        shown: Vec::new(),
        deferred: Vec::new(),
        row_positions: BTreeMap::new(),
        posted_rows: BTreeMap::new(),
    };
    for step in definition.order() {
        match *step {
            Step::Page(pi) => run.page(pi),
            Step::Field(pi, fi) => run.field(pi, fi),
        }
    }
    run.shown.sort_unstable();
    run.requirements();
    run.rules();
    run.finish()
}

struct Run<'a> {
    definition: &'a FormDefinition,
    raw: &'a RawAnswers,
    context: &'a Context,
    state: State<'a>,
    errors: BTreeMap<Slot, ErrorCode>,
    pages: BTreeSet<usize>,
    /// Slots shown, in the order visited; sorted when done.
    shown: Vec<Slot>,
    deferred: Vec<Deferred>,
    /// Where each posted row of a group sits among its answered rows.
    row_positions: BTreeMap<(usize, usize, usize), usize>,
    /// For each group, the posted row number of each answered row.
    posted_rows: BTreeMap<String, Vec<usize>>,
}

impl<'a> Run<'a> {
    fn page(&mut self, pi: usize) {
        let Some(page) = self.definition.page_at(pi) else {
            return;
        };
        if self
            .definition
            .page_condition(page.key())
            .is_none_or(|c| c.holds(&self.state))
        {
            self.pages.insert(pi);
        }
    }

    fn field(&mut self, pi: usize, fi: usize) {
        let Some(field) = self.definition.field_at(pi, fi) else {
            return;
        };
        let shown = self.pages.contains(&pi)
            && self
                .definition
                .field_condition(field.key())
                .is_none_or(|c| c.holds(&self.state));
        if !shown {
            return;
        }
        let slot = Slot {
            page: pi,
            field: fi,
            row: None,
        };
        self.shown.push(slot);
        if let FieldKind::Group { .. } = field.kind() {
            return self.group(slot, field);
        }
        let parsed = self.parse(field, field.key(), &self.state, self.raw);
        self.record(slot, field, parsed, None, |answers, value| {
            answers.insert(field.key().to_owned(), value);
        });
    }

    /// Files an answer or an error for a field just parsed.
    fn record(
        &mut self,
        slot: Slot,
        field: Field<'_>,
        parsed: Result<Option<Value>, ErrorCode>,
        row: Option<(String, usize)>,
        store: impl FnOnce(&mut BTreeMap<String, Value>, Value),
    ) {
        match parsed {
            Ok(Some(value)) => store(&mut self.state.answers, value),
            Ok(None) if field.required() => {
                self.errors.insert(slot, ErrorCode::Required);
            }
            Ok(None) => {
                if self.definition.requirement(field.key()).is_some() {
                    self.deferred.push(Deferred {
                        slot,
                        key: field.key().to_owned(),
                        row,
                    });
                }
            }
            Err(code) => {
                self.errors.insert(slot, code);
            }
        }
    }

    /// Evaluates every posted row of a group. A row where nothing is typed
    /// is shown but is no answer: it is neither checked nor kept.
    fn group(&mut self, slot: Slot, field: Field<'a>) {
        let key = field.key();
        let FieldKind::Group {
            min_rows, max_rows, ..
        } = field.kind()
        else {
            return;
        };
        let subs: Vec<Field<'a>> = field.row_fields().collect();
        // Looked up once, not once per row.
        let plan: Vec<(usize, Field<'a>, Option<&expr::Expr>)> = self
            .definition
            .row_order(key)
            .iter()
            .filter_map(|&si| {
                let sub = *subs.get(si)?;
                Some((si, sub, self.definition.field_condition(sub.key())))
            })
            .collect();
        let mut rows: Vec<BTreeMap<String, Value>> = Vec::new();
        for r in 0..self.raw.rows(key, MAX_ROWS as usize) {
            // One search for the row's inputs; names within it are short.
            let posted = RowPosted(self.raw.under(&format!("{key}[{r}].")).collect());
            let blank = posted
                .0
                .iter()
                .all(|(_, values)| values.iter().all(|v| v.trim().is_empty()));
            let mut row = BTreeMap::new();
            for &(si, sub, condition) in &plan {
                let row_slot = Slot {
                    row: Some((r, si)),
                    ..slot
                };
                let scope = RowScope {
                    group: key,
                    row: &row,
                    outer: &self.state,
                };
                if !condition.is_none_or(|c| c.holds(&scope)) {
                    continue;
                }
                self.shown.push(row_slot);
                if blank {
                    continue;
                }
                let parsed = self.parse(sub, sub.key(), &scope, &posted);
                let place = Some((key.to_owned(), rows.len()));
                let mut answer = None;
                self.record(row_slot, sub, parsed, place, |_, value| {
                    answer = Some(value)
                });
                if let Some(value) = answer {
                    row.insert(sub.key().to_owned(), value);
                }
            }
            if !blank {
                self.row_positions
                    .insert((slot.page, slot.field, r), rows.len());
                self.posted_rows.entry(key.to_owned()).or_default().push(r);
                rows.push(row);
            }
        }
        let count = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let error = if count == 0 && field.required() && min_rows.unwrap_or(1) <= 1 {
            Some(ErrorCode::Required)
        } else if let Some(min) = min_rows.filter(|min| count < *min) {
            Some(ErrorCode::TooFewRows { min })
        } else {
            let max = max_rows.unwrap_or(MAX_ROWS);
            (count > max).then_some(ErrorCode::TooManyRows { max })
        };
        if let Some(error) = error {
            self.errors.insert(slot, error);
        }
        if !rows.is_empty() {
            self.state.answers.insert(key.to_owned(), Value::Rows(rows));
        }
    }

    /// Parses one field posted under `name` (its key, or its place in a
    /// row). `Ok(None)` means unanswered.
    fn parse(
        &self,
        field: Field<'_>,
        name: &str,
        scope: &dyn Scope,
        posted: &dyn Posted,
    ) -> Result<Option<Value>, ErrorCode> {
        if let (Some((prefill, true)), Some(person)) = (field.prefill(), &self.context.person) {
            // Fixed from e-ID: what was posted does not count.
            let mut fixed = RawAnswers::new();
            for (suffix, value) in person.prefill(prefill) {
                fixed.push(format!("{name}{suffix}"), value);
            }
            return self.parse_posted(field, name, scope, &fixed);
        }
        self.parse_posted(field, name, scope, posted)
    }

    fn parse_posted(
        &self,
        field: Field<'_>,
        name: &str,
        scope: &dyn Scope,
        raw: &dyn Posted,
    ) -> Result<Option<Value>, ErrorCode> {
        match field.kind() {
            FieldKind::PostalAddress => parse_address(name, raw),
            FieldKind::Computed { .. } => Ok(self
                .definition
                .computation(field.key())
                .and_then(|e| computed_value(e.eval(scope)))),
            FieldKind::File {
                accept,
                max_bytes,
                max_files,
            } => parse_files(raw.values(name), accept, *max_bytes, max_files.unwrap_or(1)),
            _ => parse_field(
                field,
                raw.values(name),
                self.context.today,
                self.definition.pattern(field.key()),
            ),
        }
    }

    /// `required_if` reads every answer, so it is checked once all are known.
    fn requirements(&mut self) {
        for d in std::mem::take(&mut self.deferred) {
            let Some(condition) = self.definition.requirement(&d.key) else {
                continue;
            };
            let needed = match &d.row {
                None => condition.holds(&self.state),
                Some((group, at)) => self.state.row(group, *at).is_some_and(|row| {
                    condition.holds(&RowScope {
                        group,
                        row,
                        outer: &self.state,
                    })
                }),
            };
            if needed {
                self.errors.insert(d.slot, ErrorCode::Required);
            }
        }
    }

    /// Cross-field rules: on the field they name when it is shown, in every
    /// row for a row field, and only when every answer they read is there
    /// (a missing answer is for `required` to report).
    fn rules(&mut self) {
        for rule in self.definition.rules() {
            let group = self.definition.group_of(&rule.field);
            let targets: Vec<Slot> = self
                .shown
                .iter()
                .copied()
                .filter(|s| self.key_at(*s).as_deref() == Some(rule.field.as_str()))
                .collect();
            for slot in targets {
                if self.errors.contains_key(&slot) {
                    continue; // one error per field: its own comes first
                }
                let holds = |scope: &dyn Scope| {
                    let complete = rule
                        .check
                        .fields()
                        .iter()
                        .all(|f| scope.answer(f) != expr::Value::Absent);
                    !complete || rule.check.eval(scope) != expr::Value::Bool(false)
                };
                let ok = match (group, slot.row) {
                    (Some(group), Some((r, _))) => {
                        let Some(row) = self
                            .row_positions
                            .get(&(slot.page, slot.field, r))
                            .and_then(|at| self.state.row(group, *at))
                        else {
                            continue; // a blank row
                        };
                        holds(&RowScope {
                            group,
                            row,
                            outer: &self.state,
                        })
                    }
                    _ => holds(&self.state),
                };
                if !ok {
                    self.errors.insert(
                        slot,
                        ErrorCode::Rule {
                            rule: rule.key.clone(),
                        },
                    );
                }
            }
        }
    }

    /// The key of the field at a slot (a row field's own key).
    fn key_at(&self, slot: Slot) -> Option<String> {
        let field = self.definition.field_at(slot.page, slot.field)?;
        match slot.row {
            None => Some(field.key().to_owned()),
            Some((_, si)) => field.row_fields().nth(si).map(|f| f.key().to_owned()),
        }
    }

    /// Where a slot's answer is posted: `key`, or `group[row].key`.
    fn path_of(&self, slot: Slot) -> Option<String> {
        let field = self.definition.field_at(slot.page, slot.field)?;
        match slot.row {
            None => Some(field.key().to_owned()),
            Some((r, si)) => {
                let sub = field.row_fields().nth(si)?;
                Some(format!("{}[{r}].{}", field.key(), sub.key()))
            }
        }
    }

    fn finish(self) -> Evaluation {
        let journey_pages: Vec<PageProgress> = self
            .pages
            .iter()
            .filter_map(|&pi| {
                let page = self.definition.page_at(pi)?;
                Some(PageProgress {
                    key: page.key().to_owned(),
                    complete: !self.errors.keys().any(|s| s.page == pi),
                })
            })
            .collect();
        let journey = Journey {
            can_submit: journey_pages.iter().all(|p| p.complete),
            pages: journey_pages,
        };
        Evaluation {
            journey,
            errors: self
                .errors
                .iter()
                .filter_map(|(slot, code)| {
                    Some(FieldError {
                        field: self.path_of(*slot)?,
                        code: code.clone(),
                    })
                })
                .collect(),
            visible_pages: self
                .pages
                .iter()
                .filter_map(|pi| self.definition.page_at(*pi).map(|p| p.key().to_owned()))
                .collect(),
            visible_fields: self
                .shown
                .iter()
                .filter_map(|slot| self.path_of(*slot))
                .collect(),
            answers: self.state.answers,
            rows: self.posted_rows,
        }
    }
}

/// Where posted values are read from: the whole post, or one row of it.
trait Posted {
    /// Every value sent under `name`.
    fn values(&self, name: &str) -> &[String];
}

impl Posted for RawAnswers {
    fn values(&self, name: &str) -> &[String] {
        self.all(name)
    }
}

/// The inputs of one row, named without the row's prefix (`amount`).
struct RowPosted<'a>(Vec<(&'a str, &'a [String])>);

impl Posted for RowPosted<'_> {
    fn values(&self, name: &str) -> &[String] {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[], |(_, values)| values)
    }
}

/// What form-level expressions read: the answers known so far, in
/// dependency order. A row field reads as its column over every row.
struct State<'a> {
    answers: BTreeMap<String, Value>,
    today: Date,
    definition: &'a FormDefinition,
}

impl State<'_> {
    /// The answers of one answered row of a group.
    fn row(&self, group: &str, at: usize) -> Option<&BTreeMap<String, Value>> {
        match self.answers.get(group) {
            Some(Value::Rows(rows)) => rows.get(at),
            _ => None,
        }
    }
}

impl Scope for State<'_> {
    fn answer(&self, field: &str) -> expr::Value {
        if let Some(group) = self.definition.group_of(field) {
            return match self.answers.get(group) {
                Some(Value::Rows(rows)) => expr::Value::List(
                    rows.iter()
                        .map(|row| row.get(field).map_or(expr::Value::Absent, to_expr))
                        .collect(),
                ),
                _ => expr::Value::Absent,
            };
        }
        self.answers.get(field).map_or(expr::Value::Absent, to_expr)
    }

    fn today(&self) -> Date {
        self.today
    }
}

/// What a row's expressions read: the row's own answers, and the form's
/// for everything else.
struct RowScope<'a> {
    group: &'a str,
    row: &'a BTreeMap<String, Value>,
    outer: &'a State<'a>,
}

impl Scope for RowScope<'_> {
    fn answer(&self, field: &str) -> expr::Value {
        if let Some(value) = self.row.get(field) {
            return to_expr(value);
        }
        if self.outer.definition.group_of(field) == Some(self.group) {
            return expr::Value::Absent; // this row has no answer to it
        }
        self.outer.answer(field)
    }

    fn today(&self) -> Date {
        self.outer.today
    }
}

/// An answer as expressions see it.
fn to_expr(value: &Value) -> expr::Value {
    match value {
        Value::Text(t) | Value::Choice(t) => expr::Value::Text(t.clone()),
        Value::Integer(n) => expr::Value::Number(Decimal::from(*n)),
        Value::Decimal(n) => expr::Value::Number(*n),
        Value::Bool(b) => expr::Value::Bool(*b),
        Value::Date(d) => expr::Value::Date(*d),
        Value::Choices(c) => expr::Value::List(c.iter().cloned().map(expr::Value::Text).collect()),
        // Only `answered()` reads an address: any value but absent will do.
        Value::Address(_) => expr::Value::Bool(true),
        // `count()` reads these: one item per row or file.
        Value::Rows(rows) => expr::Value::List(vec![expr::Value::Bool(true); rows.len()]),
        Value::Files(files) => expr::Value::List(
            files
                .iter()
                .map(|f| expr::Value::Text(f.name.clone()))
                .collect(),
        ),
    }
}

/// Parses one field's raw text. `Ok(None)` means unanswered.
fn parse_field(
    field: Field<'_>,
    raw: &[String],
    today: Date,
    pattern: Option<&regex_lite::Regex>,
) -> Result<Option<Value>, ErrorCode> {
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
    // Numbers and codes may be typed with Arabic or Persian digits.
    let western;
    let text = match field.kind() {
        FieldKind::Integer { .. }
        | FieldKind::Decimal { .. }
        | FieldKind::Date { .. }
        | FieldKind::Phone
        | FieldKind::PostalCode
        | FieldKind::PersonalIdentityNumber
        | FieldKind::OrganisationNumber => {
            western = western_digits(text);
            western.as_ref()
        }
        _ => text,
    };
    let value = match field.kind() {
        FieldKind::ShortText {
            min_length,
            max_length,
            ..
        }
        | FieldKind::LongText {
            min_length,
            max_length,
        } => {
            let max = max_length.unwrap_or(DEFAULT_MAX_TEXT);
            let length = text.chars().count();
            if length > max as usize {
                return Err(ErrorCode::TooLong { max });
            }
            if let Some(min) = *min_length {
                if length < min as usize {
                    return Err(ErrorCode::TooShort { min });
                }
            }
            if pattern.is_some_and(|p| !p.is_match(text)) {
                return Err(ErrorCode::PatternMismatch);
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
            in_range(
                Decimal::from(n),
                min.map(Decimal::from),
                max.map(Decimal::from),
            )?;
            Value::Integer(n)
        }
        FieldKind::Decimal {
            min, max, decimals, ..
        } => {
            let (n, places) = Decimal::parse_typed(text).ok_or(ErrorCode::NotANumber)?;
            let allowed = decimals.unwrap_or(DEFAULT_DECIMALS);
            if places > allowed {
                return Err(ErrorCode::TooManyDecimals { max: allowed });
            }
            in_range(n, *min, *max)?;
            Value::Decimal(n)
        }
        FieldKind::SingleChoice { options, .. } => {
            if !options.iter().any(|o| o.value == text) {
                return Err(ErrorCode::UnknownOption);
            }
            Value::Choice(text.to_owned())
        }
        // Handled elsewhere, or never answered.
        FieldKind::MultipleChoice { .. }
        | FieldKind::PostalAddress
        | FieldKind::Computed { .. }
        | FieldKind::File { .. }
        | FieldKind::Group { .. }
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

fn in_range(n: Decimal, min: Option<Decimal>, max: Option<Decimal>) -> Result<(), ErrorCode> {
    if let Some(min) = min.filter(|min| n < *min) {
        return Err(ErrorCode::TooSmall { min });
    }
    if let Some(max) = max.filter(|max| n > *max) {
        return Err(ErrorCode::TooLarge { max });
    }
    Ok(())
}

/// Attached files, as described by the server that stored them.
fn parse_files(
    raw: &[String],
    accept: &[String],
    max_bytes: u64,
    max_files: u32,
) -> Result<Option<Value>, ErrorCode> {
    let files: Vec<FileRef> = raw
        .iter()
        .filter(|v| !v.trim().is_empty())
        .map(|v| serde_json::from_str(v).map_err(|_| ErrorCode::InvalidFile))
        .collect::<Result<_, _>>()?;
    if files.is_empty() {
        return Ok(None);
    }
    if files.len() > max_files as usize {
        return Err(ErrorCode::TooManyFiles { max: max_files });
    }
    for file in &files {
        if !accepts(accept, &file.content_type) {
            return Err(ErrorCode::FileTypeNotAllowed);
        }
        if file.size > max_bytes {
            return Err(ErrorCode::FileTooLarge { max_bytes });
        }
    }
    Ok(Some(Value::Files(files)))
}

/// Whether a media type is among those accepted (`image/*` takes any image).
pub fn accepts(accept: &[String], content_type: &str) -> bool {
    let content_type = content_type.trim().to_ascii_lowercase();
    accept.iter().any(|a| {
        let a = a.to_ascii_lowercase();
        match a.strip_suffix("/*") {
            Some(kind) => content_type.split_once('/').is_some_and(|(t, _)| t == kind),
            None => a == content_type,
        }
    })
}

/// A computed value as an answer; lists and "no value" are none. Numbers
/// are decimals, written without trailing zeros.
fn computed_value(value: expr::Value) -> Option<Value> {
    match value {
        expr::Value::Number(n) => Some(Value::Decimal(n)),
        expr::Value::Text(t) => Some(Value::Text(t)),
        expr::Value::Bool(b) => Some(Value::Bool(b)),
        expr::Value::Date(d) => Some(Value::Date(d)),
        expr::Value::Absent | expr::Value::List(_) => None,
    }
}

/// An address from its three posted parts: all empty is unanswered; a
/// missing part or a wrong postal code is an error.
fn parse_address(key: &str, raw: &dyn Posted) -> Result<Option<Value>, ErrorCode> {
    let part = |name: &str| {
        raw.values(&format!("{key}.{name}"))
            .first()
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let (street, city) = (part("street"), part("city"));
    let postal_code = western_digits(&part("postal_code")).into_owned();
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

/// Digits as Western digits: Arabic-Indic (٠–٩) and Persian (۰–۹) digits,
/// which Arabic and Persian keyboards type, become 0–9.
fn western_digits(text: &str) -> std::borrow::Cow<'_, str> {
    let convert = |c: char| match c {
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        _ => None,
    };
    if text.chars().any(|c| convert(c).is_some()) {
        text.chars().map(|c| convert(c).unwrap_or(c)).collect()
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Browsers post `\r\n` line breaks; answers store `\n` only.
fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_owned()
    }
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
pub fn is_plausible_email(text: &str) -> bool {
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
    fn every_error_code_has_its_name_listed_once() {
        let d = Decimal::ZERO;
        let codes = [
            ErrorCode::Required,
            ErrorCode::TooShort { min: 1 },
            ErrorCode::TooLong { max: 1 },
            ErrorCode::PatternMismatch,
            ErrorCode::InvalidEmail,
            ErrorCode::NotAnInteger,
            ErrorCode::NotANumber,
            ErrorCode::TooManyDecimals { max: 1 },
            ErrorCode::TooSmall { min: d },
            ErrorCode::TooLarge { max: d },
            ErrorCode::UnknownOption,
            ErrorCode::TooFewSelected { min: 1 },
            ErrorCode::TooManySelected { max: 1 },
            ErrorCode::InvalidDate,
            ErrorCode::DateTooEarly {
                earliest: Date::UNIX_EPOCH,
            },
            ErrorCode::DateTooLate {
                latest: Date::UNIX_EPOCH,
            },
            ErrorCode::InvalidPhone,
            ErrorCode::InvalidPostalCode,
            ErrorCode::InvalidIdentityNumber,
            ErrorCode::IdentityNumberDate,
            ErrorCode::WrongCheckDigit,
            ErrorCode::InvalidOrganisationNumber,
            ErrorCode::AddressIncomplete {
                part: "city".into(),
            },
            ErrorCode::TooFewRows { min: 1 },
            ErrorCode::TooManyRows { max: 1 },
            ErrorCode::FileTypeNotAllowed,
            ErrorCode::FileTooLarge { max_bytes: 1 },
            ErrorCode::TooManyFiles { max: 1 },
            ErrorCode::InvalidFile,
            ErrorCode::Rule { rule: "r".into() },
        ];
        let names: Vec<&str> = codes.iter().map(ErrorCode::name).collect();
        assert_eq!(names, ErrorCode::NAMES, "NAMES lists every code, in order");
        for code in &codes {
            // The name is what the code serialises as, so authors can use it.
            let json = serde_json::to_value(code).expect("serialises");
            assert_eq!(json["code"], code.name());
        }
    }

    #[test]
    fn arabic_and_persian_digits_are_read_as_digits() {
        assert_eq!(western_digits("١٢٣ ٤٥"), "123 45");
        assert_eq!(western_digits("۰۷۰-۱۲۳"), "070-123");
        assert_eq!(western_digits("Storgatan 1"), "Storgatan 1");
    }

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

//! Receiving a resident's form: evaluate with the engine, store the case
//! durably, and only then acknowledge it.

use crate::catalogue::Published;
use crate::config::Config;
use crate::db::{self, Db};
use crate::error::internal;
use app::i18n::Locale;
use app::model::FormState;
use app::pages::citizen::form::{SUBMISSION_INPUT, VERSION_INPUT};
use app::ssr::SignedIn;
use app::ssr::{PortError, PostedForm};
use forms::{evaluate, Context, Date, FieldKind, RawAnswers, MAX_ROWS};

pub enum Outcome {
    /// Stored (now, `new`, or by an earlier identical submission).
    Received { receipt_token: String, new: bool },
    /// The answers have errors: show the form again with them.
    Invalid(PostedForm),
}

/// How often a clash of random case references is retried. With 40-bit
/// references a single clash is already rare.
const REFERENCE_ATTEMPTS: usize = 4;

/// Evaluates `raw` against the form version it was filled in on and stores
/// the case (deleting `spent_draft`, the draft it was sent from, in the same
/// commit). The same submission key always yields the same case.
pub async fn submit(
    db: &Db,
    form: &Published,
    raw: &RawAnswers,
    locale: Locale,
    config: &Config,
    spent_draft: Option<i64>,
    signed_in: Option<&SignedIn>,
) -> Result<Outcome, PortError> {
    let timezone = &config.timezone;
    let definition = &form.definition;
    let evaluation = evaluate(definition, raw, &context(timezone, signed_in));
    let submission_key = key_of(raw);

    if !evaluation.is_valid() {
        let errors = evaluation.errors.clone();
        return Ok(Outcome::Invalid(drawn(form, raw, evaluation, errors, None)));
    }

    let answers =
        serde_json::to_string(&evaluation.answers).map_err(|e| internal("encoding answers", e))?;
    let receipt_token = crate::secret::token();
    let mut last_error = None;
    for _ in 0..REFERENCE_ATTEMPTS {
        let reference = crate::secret::case_reference();
        let submitted_at = db::now_millis();
        let mail: Vec<(String, String)> = receipt_recipients(definition, &evaluation.answers)
            .into_iter()
            .map(|to| (to.to_owned(), crate::mail::message_id(&config.mail_from)))
            .collect();
        // The receipt's text, written only when someone gets it.
        let text = (!mail.is_empty()).then(|| {
            let receipt = crate::catalogue::receipt_of(
                Some(definition),
                reference.clone(),
                submitted_at,
                &evaluation.answers,
                locale.tag(),
                timezone,
            );
            app::mail::receipt(locale, &receipt)
        });
        let case = (
            reference,
            receipt_token.clone(),
            submission_key.clone(),
            answers.clone(),
        );
        let form_version_id = form.id;
        let person_id = signed_in.map(|s| s.person_id);
        let applicant_name = signed_in.map(|s| s.name.clone());
        let service_key = definition.key().to_owned();
        let stored = db
            .writer
            .write(move |conn| {
                let (case, text, mail) = (case.clone(), text.clone(), mail.clone());
                let (service_key, applicant_name) = (service_key.clone(), applicant_name.clone());
                Box::pin(async move {
                    let (reference, receipt_token, submission_key, answers) = &case;
                    let case = db::cases::NewCase {
                        reference,
                        receipt_token,
                        submission_key,
                        form_version_id,
                        language: locale.tag(),
                        answers,
                        submitted_at,
                        person_id,
                        service_key: &service_key,
                        applicant_name: applicant_name.as_deref(),
                    };
                    let mail: Vec<_> = text
                        .iter()
                        .flat_map(|text| mail.iter().map(move |m| (text, m)))
                        .map(|(text, (recipient, message_id))| {
                            let new_mail = db::outbox::NewMail {
                                recipient,
                                subject: &text.subject,
                                body: &text.body,
                            };
                            (new_mail, message_id.clone())
                        })
                        .collect();
                    let stored = db::cases::insert_once(conn, &case, &mail).await?;
                    // The draft is spent once its case is stored, in the
                    // same commit.
                    if let Some(draft) = spent_draft {
                        db::drafts::delete(conn, draft).await?;
                    }
                    Ok(stored)
                })
            })
            .await;
        match stored {
            Ok(stored) => {
                tracing::info!(reference = %stored.reference, service = definition.key(), "case received");
                return Ok(Outcome::Received {
                    new: stored.receipt_token == receipt_token,
                    receipt_token: stored.receipt_token,
                });
            }
            Err(e) if is_unique_violation(&e) => last_error = Some(e),
            Err(e) => return Err(internal("storing a case", e)),
        }
    }
    Err(internal(
        "storing a case",
        last_error.map_or_else(|| "no attempt made".to_owned(), |e| e.to_string()),
    ))
}

/// The addresses the receipt goes to: the answers to the questions the
/// form names in `receipt_to`, each once.
pub fn receipt_recipients<'a>(
    definition: &forms::FormDefinition,
    answers: &'a std::collections::BTreeMap<String, forms::Value>,
) -> Vec<&'a str> {
    let mut recipients: Vec<&str> = Vec::new();
    for key in definition.receipt_to() {
        if let Some(forms::Value::Text(address)) = answers.get(key) {
            if !recipients.iter().any(|r| r.eq_ignore_ascii_case(address)) {
                recipients.push(address);
            }
        }
    }
    recipients
}

/// The form as posted, to show again after a failure to store it.
pub fn unsent(form: &Published, raw: &RawAnswers, failure_reference: String) -> PostedForm {
    PostedForm {
        version: form.definition.version(),
        state: FormState {
            values: typed_values(form, raw),
            submission_key: raw.first(SUBMISSION_INPUT).unwrap_or_default().to_owned(),
            failure_reference: Some(failure_reference),
            ..FormState::default()
        },
    }
}

/// The key that makes a submission idempotent. A post without a valid key
/// (a hand-made request) still gets one, so it is stored once; real forms
/// always carry theirs.
pub fn key_of(raw: &RawAnswers) -> String {
    raw.first(SUBMISSION_INPUT)
        .filter(|k| crate::secret::is_token(k))
        .map_or_else(crate::secret::token, str::to_owned)
}

/// The form as it stands, to draw one of its pages: the values as typed,
/// the engine's answers, which pages are shown, and the `errors` to show.
pub fn drawn(
    form: &Published,
    raw: &RawAnswers,
    evaluation: forms::Evaluation,
    errors: Vec<forms::FieldError>,
    focus: Option<String>,
) -> PostedForm {
    PostedForm {
        version: form.definition.version(),
        state: FormState {
            values: typed_values(form, raw),
            errors,
            answers: evaluation.answers,
            rows: evaluation.rows,
            visible_pages: evaluation.visible_pages,
            submission_key: raw.first(SUBMISSION_INPUT).unwrap_or_default().to_owned(),
            revision: crate::drafts::revision_in(raw),
            focus,
            failure_reference: None,
        },
    }
}

/// A change to the form that sends nothing: "add another" or "remove" in a
/// repeating group (`add:<group>`, `remove:<group>:<row>`), or taking an
/// attached file away (`unattach:<input>:<file id>`). Makes the change in
/// `raw` and gives the input to put the cursor in, if any; `None` for an
/// action that does not fit the form.
pub fn change(form: &Published, raw: &mut RawAnswers, action: &str) -> Option<Option<String>> {
    let definition = &form.definition;
    let (verb, rest) = action.split_once(':')?;
    let mut focus = None;
    match verb {
        "add" | "remove" => focus = change_rows(definition, raw, verb, rest)?,
        "unattach" => {
            let (input, id) = rest.split_once(':')?;
            let kept: Vec<String> = raw
                .all(input)
                .iter()
                .filter(|v| serde_json::from_str::<forms::FileRef>(v).is_ok_and(|f| f.id != id))
                .cloned()
                .collect();
            raw.set(input, kept);
        }
        _ => return None,
    }
    Some(focus)
}

/// Adds or removes a row; gives the input to put the cursor in, if any.
/// `None` when the group is not one of the form's.
fn change_rows(
    definition: &forms::FormDefinition,
    raw: &mut RawAnswers,
    verb: &str,
    rest: &str,
) -> Option<Option<String>> {
    let (group, remove) = match verb {
        "add" => (rest, None),
        _ => {
            let (group, row) = rest.split_once(':')?;
            (group, Some(row.parse::<usize>().ok()?))
        }
    };
    let field = definition.fields().find(|f| f.key() == group)?;
    let FieldKind::Group { max_rows, .. } = field.kind() else {
        return None;
    };
    let limit = max_rows.unwrap_or(MAX_ROWS) as usize;
    let rows = raw.rows(group, limit).max(1);
    raw.set(format!("{group}.rows"), vec![rows.to_string()]);
    Some(match remove {
        None => {
            raw.add_row(group, limit);
            // The cursor goes to the first question of the new row.
            let first = field.row_fields().next()?;
            first
                .input_names_at(&format!("{group}[{rows}].{}", first.key()))
                .into_iter()
                .next()
        }
        Some(row) => {
            raw.remove_row(group, row, limit);
            None
        }
    })
}

/// The raw text of each field as the person typed it.
pub fn typed_values(
    form: &Published,
    raw: &RawAnswers,
) -> std::collections::BTreeMap<String, Vec<String>> {
    form.definition
        .input_names(&|group| raw.rows(group, MAX_ROWS as usize))
        .into_iter()
        .map(|name| {
            let values = raw.all(&name).to_vec();
            (name, values)
        })
        .filter(|(_, values)| !values.is_empty())
        .collect()
}

/// What the engine is told: today's date in the municipality's time zone,
/// and who is signed in (for the answers e-ID gives).
pub fn context(timezone: &jiff::tz::TimeZone, signed_in: Option<&SignedIn>) -> Context {
    let today = jiff::Timestamp::now().to_zoned(timezone.clone()).date();
    let date = u8::try_from(today.month())
        .ok()
        .zip(u8::try_from(today.day()).ok())
        .and_then(|(m, d)| Date::new(i32::from(today.year()), m, d));
    let mut context = Context::on(date.unwrap_or(Date::UNIX_EPOCH));
    context.person = signed_in.map(SignedIn::person);
    context
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.is_unique_violation())
}

/// The form version a post refers to: the one in its hidden input, or the
/// newest if that is missing.
pub fn posted_version(raw: &RawAnswers) -> Option<u32> {
    raw.first(VERSION_INPUT).and_then(|v| v.parse().ok())
}

//! "My cases": what a signed-in resident sees of their drafts and cases
//! (the `Cases` port), the messages they write to the handlers, and the
//! files they sent. Every case is found by reference and then checked to
//! be the person's: to anyone else it does not exist.

use crate::catalogue::{format_date, format_time, CatalogueService};
use crate::db::{self, case_events, Db};
use crate::error::internal;
use crate::statuses::StatusModel;
use app::i18n::Locale;
use app::model::{
    CaseEvent, CaseEventKind, CaseFile, CaseView, CompletionRequest, MessageError, MyCase, MyCases,
    MyDraft, MAX_MESSAGE,
};
use app::pages::citizen::my_cases::MY_CASES_PATH;
use app::ssr::{Cases, PortFuture, SignedIn};
use std::collections::BTreeMap;

impl Cases for CatalogueService {
    fn mine<'a>(&'a self, signed_in: &'a SignedIn, locale: Locale) -> PortFuture<'a, MyCases> {
        Box::pin(async move {
            let now = db::now_millis();
            let lang = locale.tag();
            let drafts = db::drafts::of_person(&self.db.pool, signed_in.person_id, now)
                .await
                .map_err(|e| internal("listing a person's drafts", e))?;
            let cases = db::cases::of_person(&self.db.pool, signed_in.person_id)
                .await
                .map_err(|e| internal("listing a person's cases", e))?;
            let title_of = |version_id: i64| {
                self.read(|s| {
                    s.by_id(version_id).map(|p| {
                        let d = &p.definition;
                        (
                            d.key().to_owned(),
                            d.title(lang).to_owned(),
                            app::components::field::content_lang(d, lang),
                        )
                    })
                })
            };
            Ok(MyCases {
                drafts: drafts
                    .into_iter()
                    .filter_map(|d| {
                        let (_, service_title, content_lang) = title_of(d.form_version_id)?;
                        Some(MyDraft {
                            service_title,
                            content_lang,
                            href: format!("{MY_CASES_PATH}/drafts/{}", d.id),
                            saved_on: format_date(d.updated_at, &self.timezone),
                            expires_on: format_date(d.expires_at, &self.timezone),
                        })
                    })
                    .collect(),
                cases: cases
                    .into_iter()
                    .map(|c| {
                        let (key, service_title, content_lang) =
                            title_of(c.form_version_id).unwrap_or_default();
                        let model = StatusModel::of(&self.forms, &key);
                        MyCase {
                            status_name: model.name(&c.status, locale),
                            reference: c.reference,
                            service_title,
                            content_lang,
                            sent_on: format_date(c.submitted_at, &self.timezone),
                            status: c.status,
                            status_on: format_date(c.status_at, &self.timezone),
                            unread: u32::try_from(c.unread).unwrap_or(u32::MAX),
                        }
                    })
                    .collect(),
            })
        })
    }

    fn case<'a>(
        &'a self,
        signed_in: &'a SignedIn,
        reference: &'a str,
        locale: Locale,
    ) -> PortFuture<'a, Option<CaseView>> {
        Box::pin(async move {
            let Some(case) = own_case(&self.db, signed_in, reference)
                .await
                .map_err(|e| internal("loading a case", e))?
            else {
                return Ok(None);
            };
            let events = case_events::of_case(&self.db.pool, case.id)
                .await
                .map_err(|e| internal("loading a case's history", e))?;
            if events.iter().any(is_unread) {
                let (id, now) = (case.id, db::now_millis());
                self.db
                    .writer
                    .write(move |conn| {
                        Box::pin(async move { case_events::seen_by_resident(conn, id, now).await })
                    })
                    .await
                    .map_err(|e| internal("marking messages as read", e))?;
            }
            let read = read_case(&self.forms, &case, locale.tag())
                .map_err(|e| internal("reading a case's answers", e))?;
            // Notes and assignments are the handlers' own. The first
            // status is the case's sending.
            let href = |f: &forms::FileRef| file_link(MY_CASES_PATH, &case.reference, f);
            let model = StatusModel::of(&self.forms, &case.service_key);
            let received = CaseEvent {
                at: format_time(case.submitted_at, &self.timezone),
                what: CaseEventKind::Status(model.name(case_events::RECEIVED, locale)),
            };
            let request = case_events::open_request(&events).and_then(|e| match &e.what {
                case_events::What::Request { body, wants_files } => Some(CompletionRequest {
                    at: format_time(e.at, &self.timezone),
                    body: body.clone(),
                    wants_files: *wants_files,
                }),
                _ => None,
            });
            let history = std::iter::once(received)
                .chain(events.iter().filter_map(|e| {
                    let what = match &e.what {
                        case_events::What::Status(s) => {
                            CaseEventKind::Status(model.name(s, locale))
                        }
                        case_events::What::Message { body, from_staff } => CaseEventKind::Message {
                            body: body.clone(),
                            from_staff: *from_staff,
                            new: is_unread(e),
                        },
                        case_events::What::Request { body, .. } => {
                            CaseEventKind::Request { body: body.clone() }
                        }
                        case_events::What::Completion { body, files } => {
                            CaseEventKind::Completion {
                                body: body.clone(),
                                files: files.iter().map(href).collect(),
                            }
                        }
                        case_events::What::Note(_)
                        | case_events::What::Assigned(_)
                        | case_events::What::TakenOver(_) => return None,
                    };
                    Some(CaseEvent {
                        at: format_time(e.at, &self.timezone),
                        what,
                    })
                }))
                .collect();
            Ok(Some(CaseView {
                service_title: read.service_title,
                content_lang: read.content_lang,
                organisation: read.organisation,
                sent_at: format_time(case.submitted_at, &self.timezone),
                status_name: model.name(&case.status, locale),
                messages_open: model.messages_allowed(&case.status),
                processing_days: self.read(|s| {
                    s.get(&case.service_key, None)
                        .and_then(|p| p.definition.processing_days())
                }),
                status: case.status,
                history,
                summary: read.summary,
                files: read.files.iter().map(href).collect(),
                message: String::new(),
                message_key: crate::secret::token(),
                message_error: None,
                request,
                completion: String::new(),
                completion_error: None,
                reference: case.reference,
            }))
        })
    }
}

/// A message from the handlers the resident has not read.
fn is_unread(event: &case_events::Event) -> bool {
    matches!(
        event.what,
        case_events::What::Message {
            from_staff: true,
            ..
        }
    ) && event.seen_at.is_none()
}

/// The case with `reference` if it is `signed_in`'s.
pub async fn own_case(
    db: &Db,
    signed_in: &SignedIn,
    reference: &str,
) -> Result<Option<db::cases::Stored>, sqlx::Error> {
    if reference.len() > 32 {
        return Ok(None);
    }
    let case = db::cases::by_reference(&db.pool, reference).await?;
    Ok(case.filter(|c| c.person_id == Some(signed_in.person_id)))
}

/// A case's answers read against the form version they were given on, as
/// the resident's view, the handler's and the exports show them.
pub struct ReadCase {
    pub service_title: String,
    /// The form's language when the page's is not offered.
    pub content_lang: Option<String>,
    pub organisation: Option<String>,
    pub summary: Vec<forms::SummaryRow>,
    pub files: Vec<forms::FileRef>,
}

pub fn read_case(
    forms: &std::sync::RwLock<crate::catalogue::FormStore>,
    case: &db::cases::Stored,
    lang: &str,
) -> Result<ReadCase, serde_json::Error> {
    let definition = {
        let store = forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .by_id(case.form_version_id)
            .map(|p| p.definition.clone())
    };
    let answers: BTreeMap<String, forms::Value> = serde_json::from_str(&case.answers)?;
    let d = definition.as_deref();
    Ok(ReadCase {
        service_title: d.map(|d| d.title(lang).to_owned()).unwrap_or_default(),
        content_lang: d.and_then(|d| app::components::field::content_lang(d, lang)),
        organisation: d.and_then(|d| d.organisation(lang).map(str::to_owned)),
        summary: d
            .map(|d| forms::summary(d, &answers, lang))
            .unwrap_or_default(),
        files: files_of(&answers),
    })
}

/// A file of a case as a link under `base` (the resident's or the
/// handlers' address of the case).
pub fn file_link(base: &str, reference: &str, file: &forms::FileRef) -> CaseFile {
    CaseFile {
        href: format!("{base}/{reference}/files/{}", file.id),
        name: file.name.clone(),
        size: file.size,
    }
}

/// Every file of a case: those sent with its answers, then those sent
/// with completions.
pub async fn case_files(
    db: &Db,
    case: &db::cases::Stored,
) -> Result<Vec<forms::FileRef>, sqlx::Error> {
    let answers = serde_json::from_str(&case.answers).unwrap_or_default();
    let events = case_events::of_case(&db.pool, case.id).await?;
    let mut files = files_of(&answers);
    files.extend(case_events::files_sent(&events).cloned());
    Ok(files)
}

/// Every file among a case's answers, groups' rows included, in order.
pub fn files_of(answers: &BTreeMap<String, forms::Value>) -> Vec<forms::FileRef> {
    fn walk(value: &forms::Value, found: &mut Vec<forms::FileRef>) {
        match value {
            forms::Value::Files(files) => found.extend(files.iter().cloned()),
            forms::Value::Rows(rows) => rows
                .iter()
                .flat_map(|r| r.values())
                .for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    answers.values().for_each(|v| walk(v, &mut found));
    found
}

/// Checks a message typed to the handlers: its text, trimmed, or why not.
pub fn check_message(text: &str) -> Result<String, MessageError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(MessageError::Empty)
    } else if trimmed.chars().count() > MAX_MESSAGE {
        Err(MessageError::TooLong)
    } else {
        Ok(trimmed.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_must_have_words_and_not_too_many() {
        assert_eq!(check_message("  \n "), Err(MessageError::Empty));
        assert_eq!(check_message(" Hej! \n"), Ok("Hej!".to_owned()));
        assert_eq!(
            check_message(&"å".repeat(MAX_MESSAGE)).map(|m| m.len()),
            Ok(MAX_MESSAGE * 2)
        );
        assert_eq!(
            check_message(&"å".repeat(MAX_MESSAGE + 1)),
            Err(MessageError::TooLong)
        );
    }
}

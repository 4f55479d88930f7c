//! What case handlers do to a case: assign it, change its status (with an
//! optional note to the resident), write to the resident, keep a note, and
//! download its files. Plain posts, so everything works without
//! JavaScript; a bad one brings the case back (422) with the text kept.
//! Every change the resident should know about is e-mailed to them through
//! the outbox, in the same transaction as the change.

use crate::db::{self, case_events::What};
use crate::error::internal;
use crate::handling::{handled_case, CASES_PATH};
use crate::my_cases::{case_files, check_message};
use crate::statuses::StatusModel;
use crate::AppState;
use app::i18n::Locale;
use app::mail::Update;
use app::model::{HandlingAction, PostedAction};

/// The status of a case waiting for the resident's completion.
const WAITING: &str = "waiting";
use app::pages::citizen::my_cases::{MESSAGE_KEY_INPUT, MY_CASES_PATH};
use app::ssr::StaffSignedIn;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

/// A note or a message of 5,000 characters, each up to four bytes.
const MAX_BODY: usize = 64 * 1024;

/// The signed-in member of staff and the case they may handle, or the
/// answer to give instead: to the sign-in page, or no such case.
pub(super) async fn staff_and_case(
    state: &AppState,
    parts: &Parts,
    reference: &str,
    locale: Locale,
) -> Result<(StaffSignedIn, db::cases::Stored), Response> {
    let Some(staff) = parts.extensions.get::<StaffSignedIn>().cloned() else {
        return Err(Redirect::to("/staff/signin").into_response());
    };
    match handled_case(&state.db, &staff, reference).await {
        Ok(Some(case)) => Ok((staff, case)),
        Ok(None) => Err((StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response()),
        Err(e) => Err(super::unavailable_text(
            locale,
            internal("finding a case", e),
        )),
    }
}

/// A post about a case: what was posted, by whom, about which case.
struct Posted {
    parts: Parts,
    locale: Locale,
    pairs: Vec<(String, String)>,
    staff: StaffSignedIn,
    case: db::cases::Stored,
}

/// Reads a post about the case `reference` by a member of staff who may
/// handle it, or gives the answer to send instead.
async fn posted_on(
    state: &AppState,
    reference: &str,
    request: Request,
) -> Result<Posted, Response> {
    let (parts, locale, pairs) = super::read_small_post(request, MAX_BODY).await?;
    let (staff, case) = staff_and_case(state, &parts, reference, locale).await?;
    Ok(Posted {
        parts,
        locale,
        pairs,
        staff,
        case,
    })
}

fn back_to(case: &db::cases::Stored, anchor: &str) -> Response {
    Redirect::to(&format!("{CASES_PATH}/{}{anchor}", case.reference)).into_response()
}

/// The mails a change brings its resident: to the addresses the form sent
/// the receipt to, in the case's language.
pub(super) fn mails_for(
    state: &AppState,
    case: &db::cases::Stored,
    update: Update,
) -> Vec<(String, String, app::mail::MailText)> {
    let definition = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .by_id(case.form_version_id)
            .map(|p| p.definition.clone())
    };
    let Some(definition) = definition else {
        return Vec::new();
    };
    let answers: std::collections::BTreeMap<String, forms::Value> =
        serde_json::from_str(&case.answers).unwrap_or_default();
    let locale = Locale::from_tag(&case.language).unwrap_or_default();
    let link = case.person_id.map(|_| {
        format!(
            "{}{MY_CASES_PATH}/{}",
            state.config.public_url, case.reference
        )
    });
    // A status by its name, as the service calls it in the case's language.
    let named;
    let update = match update {
        Update::Status(key) => {
            named = StatusModel::of(&state.forms, &case.service_key).name(key, locale);
            Update::Status(&named)
        }
        other => other,
    };
    let text = app::mail::case_update(locale, &case.reference, update, link.as_deref());
    crate::submission::receipt_recipients(&definition, &answers)
        .into_iter()
        .map(|to| {
            let id = crate::mail::message_id(&state.config.mail_from);
            (to.to_owned(), id, text.clone())
        })
        .collect()
}

/// Who changes a case: a member of staff, or a back-office system through
/// the API.
#[derive(Clone, Debug)]
pub(super) enum Actor {
    Staff(i64),
    System(String),
}

/// Writes `events` to the case, and `mails` to the outbox, in one commit.
/// `post_key` makes the first event once-only (a form posted twice).
pub(super) async fn record(
    state: &AppState,
    case_id: i64,
    by: Actor,
    events: Vec<What>,
    post_key: Option<String>,
    mails: Vec<(String, String, app::mail::MailText)>,
) -> Result<bool, sqlx::Error> {
    let now = db::now_millis();
    let written = state
        .db
        .writer
        .write(move |conn| {
            let (events, post_key, mails) = (events.clone(), post_key.clone(), mails.clone());
            let by = by.clone();
            Box::pin(async move {
                let staff_id = match by {
                    Actor::Staff(id) => Some(id),
                    Actor::System(_) => None,
                };
                let mut first = true;
                for what in &events {
                    let key = if first { post_key.as_deref() } else { None };
                    let added =
                        db::case_events::add_once(conn, case_id, what, staff_id, now, key).await?;
                    if first && added.is_none() {
                        return Ok(false); // Posted before: nothing more to do.
                    }
                    if let (Actor::System(system), Some(id)) = (&by, added) {
                        db::integration::event_by(conn, id, system).await?;
                    }
                    first = false;
                }
                for (to, message_id, text) in &mails {
                    let mail = db::outbox::NewMail {
                        recipient: to,
                        subject: &text.subject,
                        body: &text.body,
                    };
                    db::outbox::insert(conn, Some(case_id), &mail, message_id, now).await?;
                }
                Ok(true)
            })
        })
        .await?;
    if written {
        state.mail_wake.notify_one();
    }
    Ok(written)
}

/// The case page again, with the form that had an error and its text.
async fn again(
    state: &AppState,
    mut parts: Parts,
    case: &db::cases::Stored,
    posted: PostedAction,
) -> Response {
    parts.method = axum::http::Method::GET;
    parts.uri = match format!("{CASES_PATH}/{}", case.reference).parse() {
        Ok(uri) => uri,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    super::render_with(
        state,
        Request::from_parts(parts, Body::empty()),
        Some(posted),
        None,
    )
    .await
}

/// The form's key, so that a post made twice is recorded once.
fn post_key(pairs: &[(String, String)], action: &str) -> String {
    let key = Some(super::posted(pairs, MESSAGE_KEY_INPUT))
        .filter(|k| crate::secret::is_token(k))
        .map_or_else(crate::secret::token, str::to_owned);
    format!("{action}:{key}")
}

/// `POST /staff/cases/<reference>/assign`: `to` = `me`, `none`, or the id
/// of a colleague who handles the service.
pub async fn assign(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    let Posted {
        locale,
        pairs,
        staff,
        case,
        ..
    } = match posted_on(&state, &reference, request).await {
        Ok(posted) => posted,
        Err(answer) => return answer,
    };
    let (assignee, name) = match super::posted(&pairs, "to") {
        "me" => (Some(staff.staff_id), Some(staff.name.clone())),
        "none" | "" => (None, None),
        other => {
            let handlers = match db::staff::handlers_of(&state.db.pool, &case.service_key).await {
                Ok(handlers) => handlers,
                Err(e) => return super::unavailable_text(locale, internal("listing handlers", e)),
            };
            match handlers.into_iter().find(|(id, _)| id.to_string() == other) {
                Some((id, name)) => (Some(id), Some(name)),
                None => {
                    return (StatusCode::UNPROCESSABLE_ENTITY, locale.t("not-found-body"))
                        .into_response()
                }
            }
        }
    };
    if case.assigned_to == assignee {
        return back_to(&case, "");
    }
    let (id, staff_id, now) = (case.id, staff.staff_id, db::now_millis());
    let written = state
        .db
        .writer
        .write(move |conn| {
            let name = name.clone();
            Box::pin(async move {
                db::cases::assign(conn, id, assignee).await?;
                db::case_events::add(conn, id, &What::Assigned(name), Some(staff_id), now).await
            })
        })
        .await;
    match written {
        Ok(_) => back_to(&case, ""),
        Err(e) => super::unavailable_text(locale, internal("assigning a case", e)),
    }
}

/// `POST /staff/cases/<reference>/status`: `status`, and `note`, an
/// optional message to the resident that comes with it.
pub async fn set_status(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    let Posted {
        parts,
        locale,
        pairs,
        staff,
        case,
    } = match posted_on(&state, &reference, request).await {
        Ok(posted) => posted,
        Err(answer) => return answer,
    };
    let status = super::posted(&pairs, "status").to_owned();
    if !StatusModel::of(&state.forms, &case.service_key).has(&status) {
        return (StatusCode::UNPROCESSABLE_ENTITY, locale.t("not-found-body")).into_response();
    }
    let typed = super::posted(&pairs, "note").replace("\r\n", "\n");
    let note = if typed.trim().is_empty() || case.person_id.is_none() {
        None
    } else {
        match check_message(&typed) {
            Ok(note) => Some(note),
            Err(error) => {
                let posted = PostedAction {
                    action: HandlingAction::Status,
                    text: typed,
                    error,
                };
                return again(&state, parts, &case, posted).await;
            }
        }
    };
    if status == case.status && note.is_none() {
        return back_to(&case, "");
    }
    let mut events = vec![What::Status(status.clone())];
    if let Some(note) = note {
        events.push(What::Message {
            body: note,
            from_staff: true,
        });
    }
    let mails = mails_for(&state, &case, Update::Status(&status));
    let key = post_key(&pairs, "status");
    match record(
        &state,
        case.id,
        Actor::Staff(staff.staff_id),
        events,
        Some(key),
        mails,
    )
    .await
    {
        Ok(_) => back_to(&case, ""),
        Err(e) => super::unavailable_text(locale, internal("changing a case's status", e)),
    }
}

/// `POST /staff/cases/<reference>/request`: asks the resident for
/// completion: `request` says what is needed; `files` (a checkbox) lets
/// them send files with the answer. The case waits for completion, and the
/// resident is told by e-mail and answers from "My cases" (so only a
/// resident who signed in can be asked).
pub async fn ask_completion(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    let Posted {
        parts,
        locale,
        pairs,
        staff,
        case,
    } = match posted_on(&state, &reference, request).await {
        Ok(posted) => posted,
        Err(answer) => return answer,
    };
    if case.person_id.is_none() {
        return (StatusCode::UNPROCESSABLE_ENTITY, locale.t("not-found-body")).into_response();
    }
    let typed = super::posted(&pairs, "request").replace("\r\n", "\n");
    let body = match check_message(&typed) {
        Ok(body) => body,
        Err(error) => {
            let posted = PostedAction {
                action: HandlingAction::Request,
                text: typed,
                error,
            };
            return again(&state, parts, &case, posted).await;
        }
    };
    let wants_files = !super::posted(&pairs, "files").is_empty();
    let mut events = vec![What::Request { body, wants_files }];
    if case.status != WAITING {
        events.push(What::Status(WAITING.to_owned()));
    }
    let mails = mails_for(&state, &case, Update::Request);
    let key = post_key(&pairs, "request");
    match record(
        &state,
        case.id,
        Actor::Staff(staff.staff_id),
        events,
        Some(key),
        mails,
    )
    .await
    {
        Ok(_) => back_to(&case, "#history"),
        Err(e) => super::unavailable_text(locale, internal("asking for completion", e)),
    }
}

/// `POST /staff/cases/<reference>/message`: `message` to the resident, who
/// reads it in "My cases" (so only to a resident who signed in).
pub async fn message(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    written(state, reference, request, HandlingAction::Message).await
}

/// `POST /staff/cases/<reference>/note`: `note`, for the handlers only.
pub async fn note(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    written(state, reference, request, HandlingAction::Note).await
}

async fn written(
    state: AppState,
    reference: String,
    request: Request,
    action: HandlingAction,
) -> Response {
    let Posted {
        parts,
        locale,
        pairs,
        staff,
        case,
    } = match posted_on(&state, &reference, request).await {
        Ok(posted) => posted,
        Err(answer) => return answer,
    };
    let (field, name) = match action {
        HandlingAction::Note => ("note", "note"),
        _ => ("message", "message"),
    };
    if action == HandlingAction::Message && case.person_id.is_none() {
        return (StatusCode::UNPROCESSABLE_ENTITY, locale.t("not-found-body")).into_response();
    }
    let typed = super::posted(&pairs, field).replace("\r\n", "\n");
    let body = match check_message(&typed) {
        Ok(body) => body,
        Err(error) => {
            let posted = PostedAction {
                action,
                text: typed,
                error,
            };
            return again(&state, parts, &case, posted).await;
        }
    };
    let (what, mails, anchor) = match action {
        HandlingAction::Note => (What::Note(body), Vec::new(), "#history"),
        _ => (
            What::Message {
                body,
                from_staff: true,
            },
            mails_for(&state, &case, Update::Message),
            "#history",
        ),
    };
    let key = post_key(&pairs, name);
    match record(
        &state,
        case.id,
        Actor::Staff(staff.staff_id),
        vec![what],
        Some(key),
        mails,
    )
    .await
    {
        Ok(_) => back_to(&case, anchor),
        Err(e) => super::unavailable_text(locale, internal("writing on a case", e)),
    }
}

/// `GET /staff/cases/<reference>/files/<id>`: a file of the case, to its
/// handlers only; each download is in the audit log.
pub async fn file(
    State(state): State<AppState>,
    Path((reference, id)): Path<(String, String)>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let locale = super::locale_of(&parts);
    let (staff, case) = match staff_and_case(&state, &parts, &reference, locale).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let files = match case_files(&state.db, &case).await {
        Ok(files) => files,
        Err(e) => return super::unavailable_text(locale, internal("finding a case's files", e)),
    };
    let Some(found) = files.into_iter().find(|f| f.id == id) else {
        return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
    };
    let subject = format!("case:{}", case.reference);
    let actor = format!("staff:{}", staff.staff_id);
    if let Err(e) =
        crate::auth::audit_strict(&state.db, &actor, "case-file-read", &subject, &found.id).await
    {
        return super::unavailable_text(locale, internal("recording a file read", e));
    }
    let bytes = match state.files.get(&found.id).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response(),
        Err(e) => return super::unavailable_text(locale, internal("reading a file", e)),
    };
    super::my_cases::download(&found, bytes)
}

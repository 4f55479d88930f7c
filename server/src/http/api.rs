//! The REST JSON API for back-office and archive systems, under `/api/v1`
//! (described by `server/openapi.json`, served at `/api/v1/openapi.json`).
//!
//! Every call carries `Authorization: Bearer <token>`; a token belongs to
//! one system and one service (`crate::integration`), and a case of any
//! other service does not exist for it. Reads of a case and its files are
//! in the audit log under `api:<token id>`, as staff reads are. Changes go
//! through the same path as the handlers' (events, mail in the outbox, in
//! one commit); an `Idempotency-Key` header makes a change once-only.

use super::handling::{mails_for, record, Actor};
use crate::db::{self, case_events, integration::ApiToken};
use crate::error::internal;
use crate::integration::{token_hash, API_BASE};
use crate::my_cases::{case_files, check_message};
use crate::statuses::StatusModel;
use crate::AppState;
use app::i18n::Locale;
use app::mail::Update;
use app::model::MessageError;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

/// The OpenAPI document of this API.
pub const OPENAPI: &str = include_str!("../../openapi.json");
/// Most cases in one page of the list.
const MAX_LIMIT: i64 = 100;
/// Largest request body.
const MAX_BODY: usize = 64 * 1024;

/// A JSON error: a stable code for programs and a sentence for people.
fn problem(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({ "error": code, "message": message })),
    )
        .into_response()
}

fn not_found() -> Response {
    problem(
        StatusCode::NOT_FOUND,
        "not_found",
        "No such case for this token.",
    )
}

fn unavailable(context: &str, e: impl std::fmt::Display) -> Response {
    let failure = internal(context, e);
    problem(
        StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
        &format!("Try again later (reference {}).", failure.reference),
    )
}

/// The token the request carries, if it is a live one.
async fn client(state: &AppState, headers: &HeaderMap) -> Result<ApiToken, Response> {
    let refused = || {
        let mut response = problem(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Give a live API token: Authorization: Bearer <token>.",
        );
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        response
    };
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
    else {
        return Err(refused());
    };
    let found = db::integration::token_by_hash(&state.db.pool, &token_hash(token))
        .await
        .map_err(|e| unavailable("finding an API token", e))?;
    let Some(found) = found else {
        return Err(refused());
    };
    // When it was last used, at most once a minute.
    let now = db::now_millis();
    if found.last_used_at.is_none_or(|at| now - at > 60_000) {
        let id = found.id;
        let _ = state
            .db
            .writer
            .write(move |conn| {
                Box::pin(async move { db::integration::token_used(conn, id, now).await })
            })
            .await;
    }
    Ok(found)
}

/// The case `reference` if it is of the token's service.
async fn case_for(
    state: &AppState,
    token: &ApiToken,
    reference: &str,
) -> Result<db::cases::Stored, Response> {
    if reference.len() > 32 {
        return Err(not_found());
    }
    match db::cases::by_reference(&state.db.pool, reference).await {
        Ok(Some(case)) if case.service_key == token.service_key => Ok(case),
        Ok(_) => Err(not_found()),
        Err(e) => Err(unavailable("finding a case", e)),
    }
}

/// The request's token and the case `reference` of its service, or the
/// answer to give instead.
async fn token_and_case(
    state: &AppState,
    headers: &HeaderMap,
    reference: &str,
) -> Result<(ApiToken, db::cases::Stored), Response> {
    let token = client(state, headers).await?;
    let case = case_for(state, &token, reference).await?;
    Ok((token, case))
}

fn actor(token: &ApiToken) -> String {
    format!("api:{}", token.id)
}

fn rfc3339(millis: i64) -> String {
    jiff::Timestamp::from_millisecond(millis)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

#[derive(Deserialize)]
pub struct ListQuery {
    /// `new` (not taken over; the default) or `all`.
    #[serde(default)]
    state: Option<String>,
    /// The `next` of the page before.
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    limit: Option<i64>,
}

/// `GET /api/v1/cases`: the service's cases, oldest first, a page at a time.
pub async fn list(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
    headers: HeaderMap,
) -> Response {
    let token = match client(&state, &headers).await {
        Ok(token) => token,
        Err(refusal) => return refusal,
    };
    let new_only = match query.state.as_deref() {
        None | Some("new") => true,
        Some("all") => false,
        Some(_) => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "bad_state",
                "state is `new` or `all`.",
            )
        }
    };
    let after = match query.after.as_deref().map(str::parse::<i64>) {
        None => 0,
        Some(Ok(after)) if after >= 0 => after,
        Some(_) => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "bad_after",
                "after is the `next` of an earlier page.",
            )
        }
    };
    let limit = query.limit.unwrap_or(50).clamp(1, MAX_LIMIT);
    let found =
        db::integration::cases_after(&state.db.pool, &token.service_key, after, new_only, limit)
            .await;
    let found = match found {
        Ok(found) => found,
        Err(e) => return unavailable("listing cases for the API", e),
    };
    let next = (found.len() as i64 == limit)
        .then(|| found.last().map(|c| c.id.to_string()))
        .flatten();
    let cases: Vec<serde_json::Value> = found
        .iter()
        .map(|c| {
            json!({
                "reference": c.reference,
                "submitted_at": rfc3339(c.submitted_at),
                "status": c.status,
                "taken_over_by": c.taken_over_by,
                "href": format!("{API_BASE}/cases/{}", c.reference),
            })
        })
        .collect();
    axum::Json(json!({ "cases": cases, "next": next })).into_response()
}

/// `GET /api/v1/cases/<reference>`: the case in full.
pub async fn case(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Response {
    let (token, case) = match token_and_case(&state, &headers, &reference).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let subject = format!("case:{}", case.reference);
    if let Err(e) =
        crate::auth::audit_strict(&state.db, &actor(&token), "case-read", &subject, "").await
    {
        return unavailable("recording a case read", e);
    }
    let events = match case_events::of_case(&state.db.pool, case.id).await {
        Ok(events) => events,
        Err(e) => return unavailable("loading a case's history", e),
    };
    let taken_over_by = match db::integration::taken_over_by(&state.db.pool, case.id).await {
        Ok(by) => by,
        Err(e) => return unavailable("loading a case", e),
    };
    let locale = Locale::from_tag(&case.language).unwrap_or_default();
    let read = match crate::my_cases::read_case(&state.forms, &case, locale.tag()) {
        Ok(read) => read,
        Err(e) => return unavailable("reading a case's answers", e),
    };
    let version = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .by_id(case.form_version_id)
            .map(|p| p.definition.version())
    };
    let file_json = |f: &forms::FileRef| {
        json!({
            "id": f.id,
            "name": f.name,
            "content_type": f.content_type,
            "size": f.size,
            "href": format!("{API_BASE}/cases/{}/files/{}", case.reference, f.id),
        })
    };
    let mut attachments: Vec<serde_json::Value> = read.files.iter().map(file_json).collect();
    attachments.extend(case_events::files_sent(&events).map(file_json));
    let received = json!({
        "at": rfc3339(case.submitted_at), "kind": "status", "status": case_events::RECEIVED, "by": "resident",
    });
    let history: Vec<serde_json::Value> = std::iter::once(received)
        .chain(events.iter().filter_map(|e| {
            let by = match (&e.staff_name, &e.actor) {
                (Some(_), _) => "staff",
                (None, Some(_)) => "system",
                _ => "resident",
            };
            let mut item = json!({ "at": rfc3339(e.at), "by": by });
            match &e.what {
                case_events::What::Status(status) => {
                    item["kind"] = "status".into();
                    item["status"] = status.as_str().into();
                    if by == "resident" {
                        item["by"] = "blankett".into();
                    }
                }
                case_events::What::Message { body, from_staff } => {
                    item["kind"] = "message".into();
                    item["body"] = body.as_str().into();
                    if !from_staff {
                        item["by"] = "resident".into();
                    }
                }
                case_events::What::Request { body, wants_files } => {
                    item["kind"] = "completion_request".into();
                    item["body"] = body.as_str().into();
                    item["files_allowed"] = (*wants_files).into();
                }
                case_events::What::Completion { body, files } => {
                    item["kind"] = "completion".into();
                    item["body"] = body.as_str().into();
                    item["files"] = files.iter().map(file_json).collect();
                }
                case_events::What::TakenOver(system) => {
                    item["kind"] = "taken_over".into();
                    item["system"] = system.as_str().into();
                }
                // The handlers' own: notes and who has the case.
                case_events::What::Note(_) | case_events::What::Assigned(_) => return None,
            }
            Some(item)
        }))
        .collect();
    let typed: serde_json::Value = serde_json::from_str(&case.answers).unwrap_or_default();
    let body = json!({
        "reference": case.reference,
        "service": case.service_key,
        "form_version": version,
        "language": case.language,
        "submitted_at": rfc3339(case.submitted_at),
        "status": case.status,
        "taken_over_by": taken_over_by,
        "applicant": case.applicant_name.as_ref().map(|name| json!({ "name": name })),
        "answers": read.summary.iter().map(|r| json!({
            "field": r.field,
            "label": r.label,
            "value": r.value.as_ref().map(|v| super::export::cell(v, locale)),
        })).collect::<Vec<_>>(),
        "typed": typed,
        "attachments": attachments,
        "history": history,
    });
    let mut response = axum::Json(body).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// `GET /api/v1/cases/<reference>/files/<id>`: a file of the case.
pub async fn file(
    State(state): State<AppState>,
    Path((reference, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let (token, case) = match token_and_case(&state, &headers, &reference).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let files = match case_files(&state.db, &case).await {
        Ok(files) => files,
        Err(e) => return unavailable("finding a case's files", e),
    };
    let Some(found) = files.into_iter().find(|f| f.id == id) else {
        return not_found();
    };
    let subject = format!("case:{}", case.reference);
    if let Err(e) =
        crate::auth::audit_strict(&state.db, &actor(&token), "case-file-read", &subject, &id).await
    {
        return unavailable("recording a file read", e);
    }
    match state.files.get(&found.id).await {
        Ok(Some(bytes)) => super::my_cases::download(&found, bytes),
        Ok(None) => not_found(),
        Err(e) => unavailable("reading a file", e),
    }
}

/// A change posted to a case: its token, the case, the JSON body and the
/// idempotency key (as a post key), or the answer to give instead.
async fn change<T: for<'de> Deserialize<'de>>(
    state: &AppState,
    reference: &str,
    request: Request,
) -> Result<(ApiToken, db::cases::Stored, T, Option<String>), Response> {
    let (parts, body) = request.into_parts();
    let (token, case) = token_and_case(state, &parts.headers, reference).await?;
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return Err(problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "The body is too large.",
        ));
    };
    let posted: T = serde_json::from_slice(&bytes).map_err(|e| {
        problem(
            StatusCode::BAD_REQUEST,
            "bad_json",
            &format!("The body is not the JSON expected: {e}"),
        )
    })?;
    let key = parts
        .headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| !k.is_empty() && k.len() <= 200)
        .map(|k| format!("api:{}:{k}", token.id));
    Ok((token, case, posted, key))
}

fn message_problem(error: MessageError) -> Response {
    match error {
        MessageError::Empty => problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_message",
            "The message has no words.",
        ),
        MessageError::TooLong => problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "message_too_long",
            "The message is longer than 5,000 characters.",
        ),
        MessageError::Closed => problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "messages_closed",
            "The case is in a status where messages are closed.",
        ),
    }
}

fn no_resident() -> Response {
    problem(
        StatusCode::UNPROCESSABLE_ENTITY,
        "no_resident_account",
        "The applicant did not sign in and cannot read messages in My cases.",
    )
}

#[derive(Deserialize)]
pub struct StatusChange {
    status: String,
    #[serde(default)]
    message: Option<String>,
}

/// `POST /api/v1/cases/<reference>/status`: `{"status", "message"?}`.
pub async fn set_status(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    let (token, case, posted, key) = match change::<StatusChange>(&state, &reference, request).await
    {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let model = StatusModel::of(&state.forms, &case.service_key);
    if !model.has(&posted.status) {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_status",
            &format!("The status is one of: {}.", model.keys().join(", ")),
        );
    }
    let mut events = vec![case_events::What::Status(posted.status.clone())];
    if let Some(text) = posted.message.filter(|m| !m.trim().is_empty()) {
        if case.person_id.is_none() {
            return no_resident();
        }
        match check_message(&text) {
            Ok(body) => events.push(case_events::What::Message {
                body,
                from_staff: true,
            }),
            Err(error) => return message_problem(error),
        }
    }
    let mails = mails_for(&state, &case, Update::Status(&posted.status));
    let by = Actor::System(token.system.clone());
    match record(&state, case.id, by, events, key, mails).await {
        Ok(_) => axum::Json(json!({ "reference": case.reference, "status": posted.status }))
            .into_response(),
        Err(e) => unavailable("changing a case's status", e),
    }
}

#[derive(Deserialize)]
pub struct NewMessage {
    message: String,
}

/// `POST /api/v1/cases/<reference>/messages`: `{"message"}` to the
/// resident, who reads it in My cases.
pub async fn message(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    let (token, case, posted, key) = match change::<NewMessage>(&state, &reference, request).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    if case.person_id.is_none() {
        return no_resident();
    }
    let body = match check_message(&posted.message) {
        Ok(body) => body,
        Err(error) => return message_problem(error),
    };
    let events = vec![case_events::What::Message {
        body,
        from_staff: true,
    }];
    let mails = mails_for(&state, &case, Update::Message);
    let by = Actor::System(token.system.clone());
    match record(&state, case.id, by, events, key, mails).await {
        Ok(_) => (
            StatusCode::CREATED,
            axum::Json(json!({ "reference": case.reference })),
        )
            .into_response(),
        Err(e) => unavailable("writing to a resident", e),
    }
}

/// `POST /api/v1/cases/<reference>/taken-over`: the token's system has
/// taken the case over; it leaves the list of new cases. Doing it again
/// changes nothing.
pub async fn take_over(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Response {
    let (token, case) = match token_and_case(&state, &headers, &reference).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let (id, system, now) = (case.id, token.system.clone(), db::now_millis());
    let taken = state
        .db
        .writer
        .write(move |conn| {
            let system = system.clone();
            Box::pin(async move {
                let taken = db::integration::take_over(conn, id, &system, now).await?;
                if taken {
                    let what = case_events::What::TakenOver(system.clone());
                    let event = case_events::add(conn, id, &what, None, now).await?;
                    db::integration::event_by(conn, event, &system).await?;
                }
                Ok(taken)
            })
        })
        .await;
    match taken {
        Ok(true) => {}
        Ok(false) => match db::integration::taken_over_by(&state.db.pool, case.id).await {
            Ok(Some(by)) if by == token.system => {}
            Ok(_) => {
                return problem(
                    StatusCode::CONFLICT,
                    "taken_over_by_another",
                    "Another system has taken the case over.",
                )
            }
            Err(e) => return unavailable("finding who took a case over", e),
        },
        Err(e) => return unavailable("marking a case as taken over", e),
    }
    axum::Json(json!({ "reference": case.reference, "taken_over_by": token.system }))
        .into_response()
}

/// `GET /api/v1/openapi.json`.
pub async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
        .into_response()
}

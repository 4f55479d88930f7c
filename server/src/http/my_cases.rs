//! "My cases" beyond its pages: a resident's message to the handlers (a
//! plain post, so it works without JavaScript; a bad one brings the case
//! back, 422, with the text kept) and the files they sent.

use crate::db::{self, case_events};
use crate::error::internal;
use crate::my_cases::{case_files, check_message, own_case};
use crate::AppState;
use app::model::{CompletionError, COMPLETION_ACCEPT, MAX_COMPLETION_FILE, MAX_COMPLETION_FILES};
use app::pages::citizen::my_cases::{COMPLETION_INPUT, MESSAGE_KEY_INPUT, MY_CASES_PATH};
use app::ssr::{PostedCompletion, PostedMessage, SignedIn};
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// A message of 5,000 characters, each up to four bytes, form-encoded.
const MAX_BODY: usize = 64 * 1024;

/// `POST /my-cases/<reference>/messages`.
pub async fn write_message(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    let (mut parts, locale, pairs) = match super::read_small_post(request, MAX_BODY).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    let Some(person) = parts.extensions.get::<SignedIn>().cloned() else {
        return (StatusCode::UNAUTHORIZED, locale.t("my-cases-sign-in-body")).into_response();
    };
    let case = match own_case(&state.db, &person, &reference).await {
        Ok(Some(case)) => case,
        Ok(None) => return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response(),
        Err(e) => return super::unavailable_text(locale, internal("finding a case", e)),
    };
    let typed = super::posted(&pairs, "message").replace("\r\n", "\n");
    // A key of the server's own making, or a fresh one.
    let key = Some(super::posted(&pairs, MESSAGE_KEY_INPUT))
        .filter(|k| crate::secret::is_token(k))
        .map_or_else(crate::secret::token, str::to_owned);
    let open = crate::statuses::StatusModel::of(&state.forms, &case.service_key)
        .messages_allowed(&case.status);
    let checked = if open {
        check_message(&typed)
    } else {
        Err(app::model::MessageError::Closed)
    };
    match checked {
        Ok(body) => {
            let (id, now) = (case.id, crate::db::now_millis());
            let post_key = format!("message:{key}");
            let (service, reference) = (case.service_key.clone(), case.reference.clone());
            let what = crate::db::case_events::What::Message {
                body,
                from_staff: false,
            };
            let stored = state
                .db
                .writer
                .write(move |conn| {
                    let (what, post_key) = (what.clone(), post_key.clone());
                    let (service, reference) = (service.clone(), reference.clone());
                    Box::pin(async move {
                        let key = Some(post_key.as_str());
                        let added =
                            crate::db::case_events::add_once(conn, id, &what, None, now, key)
                                .await?;
                        if added.is_some() {
                            let event = crate::integration::MESSAGE_RECEIVED;
                            crate::integration::tell(conn, event, &service, &reference, now)
                                .await?;
                        }
                        Ok(())
                    })
                })
                .await;
            state.webhook_wake.notify_one();
            match stored {
                Ok(_) => Redirect::to(&format!(
                    "{MY_CASES_PATH}/{}#messages-heading",
                    case.reference
                ))
                .into_response(),
                Err(e) => super::unavailable_text(locale, internal("storing a message", e)),
            }
        }
        Err(error) => {
            // The case again, with the error and the text typed.
            parts.uri = match format!("{MY_CASES_PATH}/{}", case.reference).parse() {
                Ok(uri) => uri,
                Err(_) => return StatusCode::NOT_FOUND.into_response(),
            };
            let posted = PostedMessage {
                text: typed,
                key,
                error,
            };
            // The case's server function sets the status (422).
            super::render_with(
                &state,
                Request::from_parts(parts, Body::empty()),
                Some(posted),
                None,
            )
            .await
        }
    }
}

/// `POST /my-cases/<reference>/completion`: the resident's answer to the
/// handlers' open request for completion, `multipart/form-data`: words
/// (`completion`) and, if the request asks for them, files (`files`). The
/// case goes back from waiting to in progress. A bad answer brings the
/// case back (422) with the words kept and what is wrong said; an answer
/// posted twice, or to a request already answered, is stored once.
pub async fn complete(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let locale = super::locale_of(&parts);
    let Some(person) = parts.extensions.get::<SignedIn>().cloned() else {
        return (StatusCode::UNAUTHORIZED, locale.t("my-cases-sign-in-body")).into_response();
    };
    let case = match own_case(&state.db, &person, &reference).await {
        Ok(Some(case)) => case,
        Ok(None) => return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response(),
        Err(e) => return super::unavailable_text(locale, internal("finding a case", e)),
    };
    let (pairs, uploads) = match super::submit::read_post(&parts, body, locale).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    let back = Redirect::to(&format!(
        "{MY_CASES_PATH}/{}#messages-heading",
        case.reference
    ))
    .into_response();
    let events = match case_events::of_case(&state.db.pool, case.id).await {
        Ok(events) => events,
        Err(e) => return super::unavailable_text(locale, internal("loading a case's history", e)),
    };
    let wants_files = match case_events::open_request(&events).map(|e| &e.what) {
        Some(case_events::What::Request { wants_files, .. }) => *wants_files,
        // Answered already (a post made twice), or never asked.
        _ => return back,
    };
    let typed = super::posted(&pairs, COMPLETION_INPUT).replace("\r\n", "\n");
    let key = Some(super::posted(&pairs, MESSAGE_KEY_INPUT))
        .filter(|k| crate::secret::is_token(k))
        .map_or_else(crate::secret::token, str::to_owned);
    let uploads: Vec<_> = uploads
        .into_iter()
        .filter(|u| wants_files && u.input == "files")
        .collect();
    let files = match check_completion(&typed, &uploads) {
        Ok(files) => files,
        Err(error) => {
            parts.method = axum::http::Method::GET;
            parts.uri = match format!("{MY_CASES_PATH}/{}", case.reference).parse() {
                Ok(uri) => uri,
                Err(_) => return StatusCode::NOT_FOUND.into_response(),
            };
            let posted = PostedCompletion {
                text: typed,
                key,
                error,
            };
            return super::render_with(
                &state,
                Request::from_parts(parts, Body::empty()),
                Some(posted),
                None,
            )
            .await;
        }
    };
    // The bytes are safe in the store before the database names them.
    for (file, upload) in files.iter().zip(&uploads) {
        if let Err(e) = state.files.put(&file.id, &upload.content).await {
            return super::unavailable_text(locale, internal("storing a file's contents", e));
        }
    }
    let (id, submission_key, now) = (case.id, case.submission_key.clone(), db::now_millis());
    let back_in_progress = case.status == "waiting";
    let what = case_events::What::Completion {
        body: typed.trim().to_owned(),
        files: files.clone(),
    };
    let post_key = format!("completion:{key}");
    let (service, reference) = (case.service_key.clone(), case.reference.clone());
    let stored = state
        .db
        .writer
        .write(move |conn| {
            let (what, post_key, submission_key) =
                (what.clone(), post_key.clone(), submission_key.clone());
            let (service, reference) = (service.clone(), reference.clone());
            Box::pin(async move {
                let added =
                    case_events::add_once(conn, id, &what, None, now, Some(&post_key)).await?;
                if added.is_none() {
                    return Ok(false);
                }
                if let case_events::What::Completion { files, .. } = &what {
                    for f in files {
                        let new_file = db::files::NewFile {
                            id: &f.id,
                            submission_key: &submission_key,
                            name: &f.name,
                            content_type: &f.content_type,
                            size: f.size,
                            uploaded_at: now,
                        };
                        db::files::insert(conn, &new_file).await?;
                    }
                }
                if back_in_progress {
                    let status = case_events::What::Status("in-progress".to_owned());
                    case_events::add(conn, id, &status, None, now).await?;
                }
                let event = crate::integration::COMPLETION_RECEIVED;
                crate::integration::tell(conn, event, &service, &reference, now).await?;
                Ok(true)
            })
        })
        .await;
    state.webhook_wake.notify_one();
    match stored {
        Ok(true) => back,
        Ok(false) => {
            // Posted before: the files of this second post are not kept.
            for f in &files {
                let _ = state.files.delete(&f.id).await;
            }
            back
        }
        Err(e) => super::unavailable_text(locale, internal("storing a completion", e)),
    }
}

/// Checks an answer to a request for completion: its words (if any) and
/// its files. Gives the files' descriptions, each with a new id, or what
/// is wrong.
fn check_completion(
    typed: &str,
    uploads: &[crate::uploads::Upload],
) -> Result<Vec<forms::FileRef>, CompletionError> {
    if typed.trim().is_empty() && uploads.is_empty() {
        return Err(CompletionError::Empty);
    }
    if !typed.trim().is_empty() {
        if let Err(app::model::MessageError::TooLong) = check_message(typed) {
            return Err(CompletionError::TooLong);
        }
    }
    if uploads.len() > MAX_COMPLETION_FILES {
        return Err(CompletionError::TooManyFiles);
    }
    let accept: Vec<String> = COMPLETION_ACCEPT.iter().map(|a| (*a).to_owned()).collect();
    uploads
        .iter()
        .map(|upload| {
            let name = crate::uploads::clean_name(&upload.file_name);
            let content_type = crate::uploads::sniff(&upload.content);
            if upload.size > MAX_COMPLETION_FILE {
                Err(CompletionError::FileTooLarge(name))
            } else if !forms::accepts(&accept, content_type) {
                Err(CompletionError::FileType(name))
            } else {
                Ok(forms::FileRef {
                    id: crate::secret::token(),
                    name,
                    content_type: content_type.to_owned(),
                    size: upload.size,
                })
            }
        })
        .collect()
}

/// `GET /my-cases/drafts/<id>`: continues one of the person's drafts in
/// this browser, at the page last posted. Anyone else's, or one that has
/// expired, leads to the page that says it has expired.
pub async fn continue_draft(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let locale = super::locale_of(&parts);
    let Some(person) = parts.extensions.get::<SignedIn>() else {
        return Redirect::to(MY_CASES_PATH).into_response();
    };
    let now = crate::db::now_millis();
    let (draft, secret) =
        match crate::drafts::continue_for(&state.db, id, person.person_id, now).await {
            Ok(Some(found)) => found,
            Ok(None) => return Redirect::to("/drafts/expired").into_response(),
            Err(e) => return super::unavailable_text(locale, internal("continuing a draft", e)),
        };
    let key = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .by_id(draft.form_version_id)
            .map(|f| f.definition.key().to_owned())
    };
    let Some(key) = key else {
        return Redirect::to("/drafts/expired").into_response();
    };
    let mut response =
        Redirect::to(&format!("/services/{key}/form/{}", draft.page)).into_response();
    if let Some(cookie) = crate::drafts::set_cookie(&key, &secret, state.config.draft_days) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// `GET /my-cases/<reference>/files/<id>`: a file sent with the case, to
/// its resident only; to anyone else there is no such file.
pub async fn file(
    State(state): State<AppState>,
    Path((reference, id)): Path<(String, String)>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let locale = super::locale_of(&parts);
    let not_found = || (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
    let Some(person) = parts.extensions.get::<SignedIn>() else {
        return not_found();
    };
    let case = match own_case(&state.db, person, &reference).await {
        Ok(Some(case)) => case,
        Ok(None) => return not_found(),
        Err(e) => return super::unavailable_text(locale, internal("finding a case", e)),
    };
    // Only a file the case names: with its answers or a completion.
    let files = match case_files(&state.db, &case).await {
        Ok(files) => files,
        Err(e) => return super::unavailable_text(locale, internal("finding a case's files", e)),
    };
    let Some(found) = files.into_iter().find(|f| f.id == id) else {
        return not_found();
    };
    let bytes = match state.files.get(&found.id).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return not_found(),
        Err(e) => return super::unavailable_text(locale, internal("reading a file", e)),
    };
    download(&found, bytes)
}

/// A file's bytes as a download under the name it was sent with, in the
/// type the server found from its contents when it came; never cached.
pub(super) fn download(file: &forms::FileRef, bytes: Vec<u8>) -> Response {
    let content_type = HeaderValue::from_str(&file.content_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    download_as(Body::from(bytes), content_type, &file.name)
}

/// `body` as a download named `name`, never cached.
pub(super) fn download_as(body: Body, content_type: HeaderValue, name: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, content_type);
    headers.insert(header::CONTENT_DISPOSITION, attachment(name));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// `Content-Disposition` for a download under the name it was sent with
/// (RFC 6266: an ASCII fallback and the UTF-8 name percent-encoded).
pub(super) fn attachment(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_download_keeps_its_name_safely() {
        let value = super::attachment("Hål i \"gatan\".jpg");
        assert_eq!(
            value.to_str().ok(),
            Some("attachment; filename=\"H_l i _gatan_.jpg\"; filename*=UTF-8''H%C3%A5l%20i%20%22gatan%22.jpg")
        );
    }
}

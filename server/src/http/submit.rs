//! The post of a filled-in form. This is a plain route, not a server
//! function, so that a post without JavaScript gets a proper answer: a
//! redirect to the receipt, or the page again with status 422, every error
//! and every value kept.

use crate::submission::{self, Outcome};
use crate::uploads;
use crate::AppState;
use app::pages::citizen::form::{ACTION_INPUT, SUBMISSION_INPUT};
use app::ssr::PostedForm;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use forms::RawAnswers;

/// Largest form body accepted without files (files come as multipart).
const MAX_BODY: usize = 256 * 1024;

pub async fn submit_form(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let locale = super::locale_of(&parts);
    let bad_request = || (StatusCode::BAD_REQUEST, locale.t("error-bad-request")).into_response();
    let boundary = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| multer::parse_boundary(ct).ok());
    let (pairs, files) = match boundary {
        // A form with file inputs posts as multipart.
        Some(boundary) => match uploads::read_multipart(body, boundary).await {
            Ok(read) => read,
            Err(uploads::ReadError::TooLarge) => {
                return (
                    StatusCode::PAYLOAD_TOO_LARGE,
                    locale.t("error-body-too-large"),
                )
                    .into_response()
            }
            Err(uploads::ReadError::Malformed) => return bad_request(),
        },
        None => match super::read_urlencoded(body, MAX_BODY, locale).await {
            Ok(pairs) => (pairs, Vec::new()),
            Err(refusal) => return refusal,
        },
    };
    let mut raw = RawAnswers::from_pairs(pairs);

    let form = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .get(&key, submission::posted_version(&raw))
            .or_else(|| store.get(&key, None))
            .cloned()
    };
    parts.method = Method::GET;
    let page_request = Request::from_parts(parts, Body::empty());
    let Some(form) = form else {
        // The page says the service does not exist, in the person's language.
        return render_page(&state, page_request, None, StatusCode::NOT_FOUND).await;
    };
    // Files are stored under the submission's key, so it is settled first.
    let submission_key = submission::key_of(&raw);
    raw.set(SUBMISSION_INPUT, vec![submission_key.clone()]);
    if let Err(failure) = uploads::attach(
        &state.db,
        state.files.as_ref(),
        &form.definition,
        &mut raw,
        &files,
        &submission_key,
    )
    .await
    {
        let posted = submission::unsent(&form, &raw, failure.reference);
        return render_page(
            &state,
            page_request,
            Some(posted),
            StatusCode::SERVICE_UNAVAILABLE,
        )
        .await;
    }
    if let Some(action) = raw.first(ACTION_INPUT).map(str::to_owned) {
        // "Add another", "remove" or taking a file away: nothing is sent,
        // the page comes back.
        return match submission::change(&form, raw, &action, &state.config.timezone) {
            Some(posted) => render_page(&state, page_request, Some(posted), StatusCode::OK).await,
            None => bad_request(),
        };
    }
    match submission::submit(&state.db, &form, &raw, locale, &state.config).await {
        Ok(Outcome::Received { receipt_token }) => {
            // The receipt mail was committed with the case: send it now.
            state.mail_wake.notify_one();
            Redirect::to(&format!("/receipts/{receipt_token}")).into_response()
        }
        Ok(Outcome::Invalid(posted)) => {
            render_page(
                &state,
                page_request,
                Some(posted),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(failure) => {
            // Nothing typed is lost: the form comes back filled in, with the
            // reference of the failure.
            let posted = submission::unsent(&form, &raw, failure.reference);
            render_page(
                &state,
                page_request,
                Some(posted),
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

/// Renders the form page for `request`, with what was posted, if anything.
async fn render_page(
    state: &AppState,
    request: Request,
    posted: Option<PostedForm>,
    status: StatusCode,
) -> Response {
    super::render_with(state, request, posted, Some(status)).await
}

//! The posts of a form, one page at a time, and of the check-your-answers
//! page. These are plain routes, not server functions, so that a post
//! without JavaScript gets a proper answer: a redirect to the next page (or
//! to the receipt), or the same page again with status 422, every error and
//! every value kept.
//!
//! Each page's post is merged into the person's draft (`crate::drafts`):
//! the answers to that page's questions are replaced, the others kept. The
//! first post of a form makes the draft and gives the browser its secret.

use crate::db;
use crate::drafts;
use crate::statistics::Metric;
use crate::submission::{self, Outcome};
use crate::uploads;
use crate::AppState;
use app::model::ResumeMailError;
use app::pages::citizen::form::{
    ACTION_INPUT, RETURN_INPUT, REVISION_INPUT, SAVE_ACTION, SUBMISSION_INPUT,
};
use app::ssr::{PostedForm, PostedResumeMail, SignedIn};
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::header::{CONTENT_TYPE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use forms::RawAnswers;

/// Largest form body accepted without files (files come as multipart).
const MAX_BODY: usize = 256 * 1024;

/// `POST /services/{key}/form`: the first page.
pub async fn first_page(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    page_post(state, key, None, request).await
}

/// `POST /services/{key}/form/{page}`.
pub async fn page(
    State(state): State<AppState>,
    Path((key, page)): Path<(String, String)>,
    request: Request,
) -> Response {
    page_post(state, key, Some(page), request).await
}

async fn page_post(
    state: AppState,
    key: String,
    page: Option<String>,
    request: Request,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let locale = super::locale_of(&parts);
    let (pairs, files) = match read_post(&parts, body, locale).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    let mut posted = RawAnswers::from_pairs(pairs);
    parts.method = Method::GET;
    let now = db::now_millis();
    let secret = drafts::secret_in(&parts.headers, &key);
    let signed_in = parts.extensions.get::<SignedIn>().cloned();
    let person = signed_in.as_ref().map(|s| s.person_id);
    // A draft that cannot be read is reported once the page can be drawn
    // again with what was posted.
    let (draft, lookup_failure) =
        match drafts::find(&state.db, secret.as_deref(), now, person).await {
            Ok(draft) => (draft, None),
            Err(e) => (None, Some(crate::error::internal("loading a draft", e))),
        };
    let form = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store.for_post(&key, draft.as_ref(), &posted).cloned()
    };
    let page_key = form.as_ref().and_then(|f| match &page {
        Some(p) => f
            .definition
            .pages()
            .find(|x| x.key() == p)
            .map(|x| x.key().to_owned()),
        None => f.definition.pages().next().map(|x| x.key().to_owned()),
    });
    let (Some(form), Some(page_key)) = (form, page_key) else {
        // The page says the service does not exist, in the person's language.
        return render(&state, parts, None, StatusCode::NOT_FOUND).await;
    };
    if app::ssr::may_fill_in(&form.definition, signed_in.as_ref(), locale.tag()).is_err() {
        // The page asks them to sign in (a session that ran out, or a post
        // made without one).
        return render(&state, parts, None, StatusCode::UNAUTHORIZED).await;
    }
    let questions = drafts::questions_on(&form.definition, &page_key);

    // Files are stored under the submission's key, so it is settled first.
    let submission_key = drafts::submission_key(draft.as_ref(), &posted);
    posted.set(SUBMISSION_INPUT, vec![submission_key.clone()]);
    if let Some(failure) = lookup_failure {
        let shown = submission::unsent(&form, &posted, failure.reference);
        return render(&state, parts, Some(shown), StatusCode::SERVICE_UNAVAILABLE).await;
    }
    if let Err(failure) = uploads::attach(
        &state.db,
        state.files.as_ref(),
        &form.definition,
        &mut posted,
        &files,
        &submission_key,
    )
    .await
    {
        let shown = submission::unsent(&form, &posted, failure.reference);
        return render(&state, parts, Some(shown), StatusCode::SERVICE_UNAVAILABLE).await;
    }
    let earlier = draft.as_ref().map(drafts::answers_of).unwrap_or_default();
    let mut raw = drafts::merge(&earlier, &posted, &questions);
    raw.set(SUBMISSION_INPUT, vec![submission_key.clone()]);

    // "Add another", "remove" or taking a file away: the page comes back.
    let action = posted.first(ACTION_INPUT).map(str::to_owned);
    let saving = action.as_deref() == Some(SAVE_ACTION);
    let mut focus = None;
    if let Some(action) = action.as_ref().filter(|_| !saving) {
        match submission::change(&form, &mut raw, action) {
            Some(f) => focus = f,
            None => {
                return (StatusCode::BAD_REQUEST, locale.t("error-bad-request")).into_response()
            }
        }
    }

    // Everything typed is kept, errors or not.
    let saved = match drafts::save(
        &state.db,
        &form,
        draft.as_ref(),
        &raw,
        &page_key,
        locale,
        now,
        state.config.draft_days,
        person,
        drafts::Saving::Post,
    )
    .await
    // A post is always stored.
    .and_then(|saved| saved.ok_or(sqlx::Error::RowNotFound))
    {
        Ok(saved) => saved,
        Err(e) => {
            let failure = crate::error::internal("saving a draft", e);
            let shown = submission::unsent(&form, &raw, failure.reference);
            return render(&state, parts, Some(shown), StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    let (draft_id, new_secret) = (saved.id, saved.secret);
    if new_secret.is_some() {
        state.stats.count(&key, Metric::Start);
    }
    raw.set(REVISION_INPUT, vec![saved.revision.to_string()]);
    let with_cookie = |mut response: Response| {
        if let Some(cookie) = new_secret
            .as_deref()
            .and_then(|s| drafts::set_cookie(&key, s, state.config.draft_days))
        {
            response.headers_mut().append(SET_COOKIE, cookie);
        }
        response
    };

    if saving {
        // "Save and come back later": a resume link, shown this once.
        let resume = crate::secret::token();
        if let Err(e) = drafts::set_resume(&state.db, draft_id, &resume).await {
            let failure = crate::error::internal("making a resume link", e);
            let shown = submission::unsent(&form, &raw, failure.reference);
            return with_cookie(
                render(&state, parts, Some(shown), StatusCode::SERVICE_UNAVAILABLE).await,
            );
        }
        state.stats.count(&key, Metric::Saved);
        let mut response = Redirect::to(&format!("/services/{key}/saved")).into_response();
        if let Some(cookie) = drafts::resume_cookie(&key, &resume) {
            response.headers_mut().append(SET_COOKIE, cookie);
        }
        return with_cookie(response);
    }
    let evaluation = forms::evaluate(
        &form.definition,
        &raw,
        &submission::context(&state.config.timezone, signed_in.as_ref()),
    );
    if action.is_some() {
        let shown = submission::drawn(&form, &raw, evaluation, Vec::new(), focus);
        return with_cookie(render(&state, parts, Some(shown), StatusCode::OK).await);
    }
    let errors: Vec<_> = evaluation
        .errors
        .iter()
        .filter(|e| questions.contains(forms::question_of(&e.field)))
        .cloned()
        .collect();
    if !errors.is_empty() {
        let shown = submission::drawn(&form, &raw, evaluation, errors, None);
        return with_cookie(
            render(&state, parts, Some(shown), StatusCode::UNPROCESSABLE_ENTITY).await,
        );
    }
    let next = evaluation
        .visible_pages
        .iter()
        .skip_while(|p| **p != page_key)
        .nth(1);
    let back_to_check = posted.first(RETURN_INPUT) == Some("check");
    let to = match next {
        Some(next) if !back_to_check => format!("/services/{key}/form/{next}"),
        _ => format!("/services/{key}/check"),
    };
    with_cookie(Redirect::to(&to).into_response())
}

/// `GET /resume/{secret}`: a resume link. The draft gets a new session
/// secret for this browser, and the person goes on where they left off; a
/// link that has expired (or never was) says so.
pub async fn resume(
    State(state): State<AppState>,
    Path(secret): Path<String>,
    axum::Extension(locale): axum::Extension<app::i18n::Locale>,
    signed_in: Option<axum::Extension<SignedIn>>,
) -> Response {
    let signed_in = signed_in.map(|axum::Extension(s)| s);
    // Said in the person's language, with the reference of what went wrong.
    let failed = |e: sqlx::Error| {
        super::unavailable_text(locale, crate::error::internal("resuming a draft", e))
    };
    let now = db::now_millis();
    let found = if crate::secret::is_token(&secret) {
        db::drafts::by_resume(&state.db.pool, &drafts::hash(&secret), now).await
    } else {
        Ok(None)
    };
    let draft = match found {
        // A signed-in resident's draft opens only for them, signed in.
        Ok(Some(draft)) if drafts::belongs(&draft, signed_in.map(|s| s.person_id)) => draft,
        Ok(_) => return Redirect::to("/drafts/expired").into_response(),
        Err(e) => return failed(e),
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
    let session = crate::secret::token();
    if let Err(e) = drafts::set_session(&state.db, draft.id, &session).await {
        return failed(e);
    }
    let mut response =
        Redirect::to(&format!("/services/{key}/form/{}", draft.page)).into_response();
    if let Some(cookie) = drafts::set_cookie(&key, &session, state.config.draft_days) {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response
}

/// `POST /services/{key}/saved`: e-mails the resume link just shown. The
/// post carries the link's secret (it is on the page already), so nothing
/// of it is kept anywhere else; the mail goes through the outbox, and the
/// address is not stored once the mail is sent.
pub async fn mail_resume(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    let (mut parts, locale, pairs) = match super::read_small_post(request, 16 * 1024).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    let posted = RawAnswers::from_pairs(pairs);
    let secret = posted.first("resume").unwrap_or_default().to_owned();
    let email = posted.first("email").unwrap_or_default().trim().to_owned();
    let found = state
        .ports
        .catalogue
        .resume_link(&key, &secret, locale)
        .await;
    let saved = match found {
        Ok(Some(saved)) => saved,
        Ok(None) => return Redirect::to("/drafts/expired").into_response(),
        Err(failure) => return super::unavailable_text(locale, failure),
    };
    let error = if email.is_empty() {
        Some(ResumeMailError::Missing)
    } else if !forms::is_plausible_email(&email) {
        Some(ResumeMailError::Invalid)
    } else {
        None
    };
    if let Some(error) = error {
        // The page again, with the link, the address typed and the error
        // (its server function sets 422).
        parts.uri = match format!("/services/{key}/saved").parse() {
            Ok(uri) => uri,
            Err(_) => return StatusCode::NOT_FOUND.into_response(),
        };
        let posted = PostedResumeMail {
            secret,
            email,
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
    let text = app::mail::resume_link(locale, &saved.service_title, &saved.link, &saved.expires_on);
    if let Err(e) = crate::mail::enqueue(&state.db, &state.config.mail_from, &email, &text).await {
        let failure = crate::error::internal("queueing a resume link mail", e);
        return super::unavailable_text(locale, failure);
    }
    state.mail_wake.notify_one();
    Redirect::to(&format!("/services/{key}/saved?sent=1")).into_response()
}

/// `POST /services/{key}/check`: sends the draft. Sending twice (a double
/// click, or back and send again after the draft is gone) finds the case
/// already made and answers with the same receipt.
pub async fn check(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    let (parts, locale, pairs) = match super::read_small_post(request, MAX_BODY).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    let posted = RawAnswers::from_pairs(pairs);
    let sent = posted
        .first(SUBMISSION_INPUT)
        .filter(|k| crate::secret::is_token(k))
        .map(str::to_owned);
    let already_sent = || async {
        match &sent {
            Some(sent) => db::cases::receipt_token_by_submission(&state.db.pool, sent).await,
            None => Ok(None),
        }
    };
    let secret = drafts::secret_in(&parts.headers, &key);
    let signed_in = parts.extensions.get::<SignedIn>().cloned();
    let person = signed_in.as_ref().map(|s| s.person_id);
    let draft = match drafts::find(&state.db, secret.as_deref(), db::now_millis(), person).await {
        Ok(draft) => draft,
        Err(e) => return unavailable(&state, parts, "loading a draft", e).await,
    };
    // A send of this very draft needs no look-up: storing it finds a case
    // already made with its key. Anything else (no draft: sent a moment ago
    // by another request, or back to the check page of a form sent before
    // another was begun) is answered with the case the post names, if any.
    let this_draft = draft
        .as_ref()
        .is_some_and(|d| sent.as_deref() == Some(d.submission_key.as_str()));
    if !this_draft {
        match already_sent().await {
            Ok(Some(token)) => return Redirect::to(&format!("/receipts/{token}")).into_response(),
            Ok(None) => {}
            Err(e) => return unavailable(&state, parts, "looking up a case", e).await,
        }
    }
    let Some(draft) = draft else {
        return Redirect::to(&format!("/services/{key}/form")).into_response();
    };
    let form = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .by_id(draft.form_version_id)
            .cloned()
            .filter(|f| f.definition.key() == key)
    };
    let Some(form) = form else {
        return render(&state, parts, None, StatusCode::NOT_FOUND).await;
    };
    if app::ssr::may_fill_in(&form.definition, signed_in.as_ref(), locale.tag()).is_err() {
        return render(&state, parts, None, StatusCode::UNAUTHORIZED).await;
    }
    let mut raw = drafts::answers_of(&draft);
    raw.set(SUBMISSION_INPUT, vec![draft.submission_key.clone()]);
    match submission::submit(
        &state.db,
        &form,
        &raw,
        locale,
        &state.config,
        Some(draft.id),
        signed_in.as_ref(),
    )
    .await
    {
        Ok(Outcome::Received { receipt_token, new }) => {
            if new {
                state.stats.count(
                    &key,
                    Metric::Submitted {
                        e_id: signed_in.is_some(),
                        millis: db::now_millis() - draft.created_at,
                    },
                );
            }
            // The receipt mail was committed with the case: send it now.
            state.mail_wake.notify_one();
            state.webhook_wake.notify_one();
            let mut response = Redirect::to(&format!("/receipts/{receipt_token}")).into_response();
            if let Some(cookie) = drafts::clear_cookie(&key) {
                response.headers_mut().append(SET_COOKIE, cookie);
            }
            response
        }
        Ok(Outcome::Invalid(shown)) => {
            // Something is missing or wrong (an answer that no longer fits
            // after a change): to the first page with an error, showing it.
            let page = shown.state.visible_pages.iter().find(|p| {
                let questions = drafts::questions_on(&form.definition, p);
                shown
                    .state
                    .errors
                    .iter()
                    .any(|e| questions.contains(forms::question_of(&e.field)))
            });
            let to = match page {
                Some(page) => format!("/services/{key}/form/{page}?return=check&errors=1"),
                None => format!("/services/{key}/form?errors=1"),
            };
            Redirect::to(&to).into_response()
        }
        Err(failure) => {
            // Nothing is lost: the answers stay in the draft, and the page
            // says what happened, with the reference.
            let shown = submission::unsent(&form, &raw, failure.reference);
            render(&state, parts, Some(shown), StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

/// Reads a post: multipart (a form with file inputs) or urlencoded.
pub(super) async fn read_post(
    parts: &Parts,
    body: Body,
    locale: app::i18n::Locale,
) -> Result<(Vec<(String, String)>, Vec<uploads::Upload>), Response> {
    let boundary = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| multer::parse_boundary(ct).ok());
    match boundary {
        Some(boundary) => match uploads::read_multipart(body, boundary).await {
            Ok(read) => Ok(read),
            Err(uploads::ReadError::TooLarge) => Err((
                StatusCode::PAYLOAD_TOO_LARGE,
                locale.t("error-body-too-large"),
            )
                .into_response()),
            Err(uploads::ReadError::Malformed) => {
                Err((StatusCode::BAD_REQUEST, locale.t("error-bad-request")).into_response())
            }
        },
        None => super::read_urlencoded(body, MAX_BODY, locale)
            .await
            .map(|pairs| (pairs, Vec::new())),
    }
}

/// A storage failure before anything was typed on this page (sending from
/// the check page): the answers are safe in the draft. The failure is
/// logged with a reference, and the check page says so.
async fn unavailable(state: &AppState, parts: Parts, doing: &str, e: sqlx::Error) -> Response {
    let failure = crate::error::internal(doing, e);
    let shown = PostedForm {
        version: 0,
        state: app::model::FormState {
            failure_reference: Some(failure.reference),
            ..Default::default()
        },
    };
    render(state, parts, Some(shown), StatusCode::SERVICE_UNAVAILABLE).await
}

/// Renders the page at `parts`' address (a GET), with what was posted.
async fn render(
    state: &AppState,
    parts: Parts,
    posted: Option<PostedForm>,
    status: StatusCode,
) -> Response {
    let request = Request::from_parts(parts, Body::empty());
    super::render_with(state, request, posted, Some(status)).await
}

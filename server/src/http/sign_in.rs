//! The sign-in routes (see `crate::auth` for the flow) and the layer that
//! puts the signed-in person on each request.

use crate::auth::{self, Refusal};
use crate::AppState;
use app::pages::citizen::my_cases::MY_CASES_PATH;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

/// Puts the signed-in person, if any, on the request as `SignedIn`.
pub async fn identify(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(person) = auth::signed_in(&state.config, &state.db, &session).await {
        request.extensions_mut().insert(person);
    }
    if let Some(staff) = auth::staff_signed_in(&state.config, &state.db, &session).await {
        request.extensions_mut().insert(staff);
    }
    next.run(request).await
}

/// `POST /signin` with `service`: off to the e-ID provider. Without a
/// service the person comes back to "My cases".
pub async fn start(State(state): State<AppState>, session: Session, request: Request) -> Response {
    let (_, locale, pairs) = match super::read_small_post(request, 4 * 1024).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    let service = super::posted(&pairs, "service").to_owned();
    let exists = service.is_empty() || {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store.get(&service, None).is_some()
    };
    if !exists {
        return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
    }
    let pending = match auth::begin(&session, &service, false).await {
        Ok(p) => p,
        Err(e) => {
            let failure = crate::error::internal("starting a sign-in", e);
            return super::unavailable_text(locale, failure);
        }
    };
    if let Some(oidc) = &state.oidc {
        let redirect_uri = callback_uri(&state);
        return match oidc
            .authorize_url(
                &pending.state,
                &pending.nonce,
                &pending.verifier,
                &redirect_uri,
            )
            .await
        {
            Ok(url) => Redirect::to(&url).into_response(),
            Err(e) => {
                super::unavailable_text(locale, crate::error::internal("starting a sign-in", e))
            }
        };
    }
    if state.test_eid.is_some() {
        return Redirect::to(&format!(
            "/test-eid?state={}&nonce={}",
            pending.state, pending.nonce
        ))
        .into_response();
    }
    let failure = crate::error::internal("starting a sign-in", "no e-ID provider is configured");
    super::unavailable_text(locale, failure)
}

#[derive(Deserialize)]
pub struct TestEidQuery {
    #[serde(default)]
    state: String,
    #[serde(default)]
    nonce: String,
    error: Option<String>,
}

/// `GET /test-eid`: the test e-ID's page.
pub async fn test_eid_page(
    State(state): State<AppState>,
    axum::Extension(locale): axum::Extension<app::i18n::Locale>,
    Query(query): Query<TestEidQuery>,
) -> Response {
    if state.test_eid.is_none() {
        return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
    }
    let missing = query.error.is_some();
    let html = super::test_eid_page::render(locale, &query.state, &query.nonce, missing);
    let status = if missing {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    (
        status,
        [
            (axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (
                axum::http::header::CONTENT_SECURITY_POLICY,
                super::test_eid_page::POLICY,
            ),
        ],
        html,
    )
        .into_response()
}

/// `POST /test-eid`: the test e-ID's answer, as a provider's redirect back.
pub async fn test_eid_choose(State(state): State<AppState>, request: Request) -> Response {
    let Some(test_eid) = state.test_eid.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (_, _, pairs) = match super::read_small_post(request, 4 * 1024).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    let get = |name: &str| super::posted(&pairs, name);
    // Only tokens travel in the addresses below.
    let (sign_in_state, nonce) = (get("state"), get("nonce"));
    if !crate::secret::is_token(sign_in_state) || !crate::secret::is_token(nonce) {
        return Redirect::to("/signin/callback?error=invalid_request").into_response();
    }
    if !get("cancel").is_empty() {
        return Redirect::to(&format!(
            "/signin/callback?error=access_denied&state={sign_in_state}"
        ))
        .into_response();
    }
    match test_eid.grant(get("person"), nonce, crate::db::now_millis()) {
        Some(code) => Redirect::to(&format!(
            "/signin/callback?code={code}&state={sign_in_state}"
        ))
        .into_response(),
        None => Redirect::to(&format!(
            "/test-eid?state={sign_in_state}&nonce={nonce}&error=person"
        ))
        .into_response(),
    }
}

#[derive(Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /signin/callback`: the provider's answer.
pub async fn callback(
    State(state): State<AppState>,
    session: Session,
    Query(answer): Query<Callback>,
) -> Response {
    let refused = |refusal: Refusal, service: Option<&str>| {
        let back = service
            .filter(|s| !s.is_empty())
            .map(|s| format!("&service={s}"))
            .unwrap_or_default();
        Redirect::to(&format!(
            "/signin/refused?reason={}{back}",
            refusal.reason()
        ))
        .into_response()
    };
    let pending =
        match auth::take_pending(&session, answer.state.as_deref().unwrap_or(""), false).await {
            Ok(p) => p,
            Err((refusal, service)) => {
                auth::audit(&state.db, "anonymous", "sign-in-refused", "", "state").await;
                return refused(refusal, service.as_deref());
            }
        };
    let service = pending.service.as_str();
    if answer.error.as_deref() == Some("access_denied") {
        auth::audit(&state.db, "anonymous", "sign-in-cancelled", "", "").await;
        return refused(Refusal::Cancelled, Some(service));
    }
    let code = answer.code.as_deref().unwrap_or("");
    let redeemed = match (&state.oidc, &state.test_eid) {
        (Some(oidc), _) => oidc
            .redeem(
                code,
                &pending.verifier,
                &pending.nonce,
                &callback_uri(&state),
            )
            .await
            .map_err(|e| e.to_string()),
        (None, Some(test_eid)) => match test_eid.redeem(code, crate::db::now_millis()) {
            Some((identity, nonce))
                if auth::constant_time_eq(nonce.as_bytes(), pending.nonce.as_bytes()) =>
            {
                Ok(identity)
            }
            Some(_) => Err("the nonce is not this sign-in's".into()),
            None => Err("an unknown or spent code".into()),
        },
        (None, None) => Err("no e-ID is configured".into()),
    };
    let identity = match redeemed {
        Ok(identity) => identity,
        Err(why) => {
            tracing::warn!(reason = %why, "a sign-in was refused");
            auth::audit(
                &state.db,
                "anonymous",
                "sign-in-refused",
                "",
                &format!("failed: {why}"),
            )
            .await;
            return refused(Refusal::Failed, Some(service));
        }
    };
    let required = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .get(service, None)
            .and_then(|f| match f.definition.identification() {
                forms::Identification::EId { level } => Some(level),
                forms::Identification::Anonymous => None,
            })
    };
    match auth::complete(&state.db, &session, identity, required).await {
        Ok(_) if service.is_empty() => Redirect::to(MY_CASES_PATH).into_response(),
        Ok(_) => Redirect::to(&format!("/services/{service}/form")).into_response(),
        Err(refusal) => refused(refusal, Some(service)),
    }
}

/// `POST /signout`.
pub async fn sign_out(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    let signed_in = request.extensions().get::<app::ssr::SignedIn>().cloned();
    let staff = request
        .extensions()
        .get::<app::ssr::StaffSignedIn>()
        .cloned();
    auth::sign_out(&state.db, &session, signed_in.as_ref(), staff.as_ref()).await;
    // Signed in through a provider: its session ends too, and it sends the
    // browser back here.
    let signed_out = format!("{}/signed-out", state.config.public_url);
    if let (Some(oidc), Some(person)) = (&state.oidc, &signed_in) {
        if person.via != auth::test_eid::ISSUER {
            if let Some(url) = oidc.end_session_url(&signed_out).await {
                return Redirect::to(&url).into_response();
            }
        }
    }
    Redirect::to("/signed-out").into_response()
}

/// `POST /staff/signin`: a local staff account's username and password.
/// Wrong or missing, the page comes back with the username kept.
pub async fn staff_sign_in(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    use app::model::StaffSignInError;
    let (parts, locale, pairs) = match super::read_small_post(request, 4 * 1024).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    if !super::local_staff_accounts(&state) {
        return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
    }
    let username = super::posted(&pairs, "username").to_owned();
    let password = super::posted(&pairs, "password").to_owned();
    let again = |error: StaffSignInError, username: String| {
        let request = Request::from_parts(parts.clone(), axum::body::Body::empty());
        let posted = app::ssr::PostedStaffSignIn { username, error };
        let status = match error {
            StaffSignInError::Missing => StatusCode::UNPROCESSABLE_ENTITY,
            _ => StatusCode::UNAUTHORIZED,
        };
        super::render_with(&state, request, Some(posted), Some(status))
    };
    if username.trim().is_empty() || password.is_empty() {
        return again(StaffSignInError::Missing, username).await;
    }
    let found = match crate::staff::authenticate(&state.db, &username, password).await {
        Ok(found) => found,
        Err(e) => {
            let failure = crate::error::internal("signing staff in", e);
            return super::unavailable_text(super::locale_of(&parts), failure);
        }
    };
    let Some(staff) = found else {
        // Who tried is kept only when the account exists: a username typed
        // by mistake may be anything, a personal identity number too.
        let actor = match crate::db::staff::by_username(&state.db.pool, username.trim()).await {
            Ok(Some(s)) => format!("staff:{}", s.id),
            _ => "anonymous".into(),
        };
        auth::audit(&state.db, &actor, "sign-in-failed", "", "local account").await;
        return again(StaffSignInError::Wrong, username).await;
    };
    match auth::complete_staff(&state.db, &session, &staff, "local account").await {
        Ok(_) => Redirect::to("/staff").into_response(),
        Err(_) => super::unavailable_text(
            super::locale_of(&parts),
            crate::error::internal("signing staff in", "the session could not be stored"),
        ),
    }
}

/// `POST /session/extend`: "stay signed in", from the session warning (or
/// a plain post of it); back to `back`, a path on this site.
pub async fn extend(session: Session, request: Request) -> Response {
    let signed_in = request.extensions().get::<app::ssr::SignedIn>().is_some()
        || request
            .extensions()
            .get::<app::ssr::StaffSignedIn>()
            .is_some();
    let (_, _, pairs) = match super::read_small_post(request, 4 * 1024).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    if signed_in {
        auth::extend(&session).await;
    }
    let back = super::posted(&pairs, "back");
    let back = if super::is_local_path(back) {
        back
    } else {
        "/"
    };
    Redirect::to(back).into_response()
}

/// Where the provider sends the browser back to.
fn callback_uri(state: &AppState) -> String {
    format!("{}/signin/callback", state.config.public_url)
}

fn staff_callback_uri(state: &AppState) -> String {
    format!("{}/staff/signin/callback", state.config.public_url)
}

/// `POST /staff/signin/provider`: off to the municipality's identity
/// provider.
pub async fn staff_provider_start(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    let (_, locale, _) = match super::read_small_post(request, 4 * 1024).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    let Some(oidc) = &state.staff_oidc else {
        return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
    };
    let started = match auth::begin(&session, "", true).await {
        Ok(pending) => {
            oidc.authorize_url(
                &pending.state,
                &pending.nonce,
                &pending.verifier,
                &staff_callback_uri(&state),
            )
            .await
        }
        Err(e) => {
            return super::unavailable_text(locale, crate::error::internal("starting a sign-in", e))
        }
    };
    match started {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(e) => super::unavailable_text(locale, crate::error::internal("starting a sign-in", e)),
    }
}

/// `GET /staff/signin/callback`: the municipality's provider's answer. The
/// person must have a Blankett account under the username the provider
/// gives (an administrator adds it, with its roles and services); without
/// one they are told so on the sign-in page.
pub async fn staff_callback(
    State(state): State<AppState>,
    session: Session,
    Query(answer): Query<Callback>,
) -> Response {
    let refused = |why: &str| Redirect::to(&format!("/staff/signin?error={why}")).into_response();
    let Some(oidc) = &state.staff_oidc else {
        return refused("failed");
    };
    let pending =
        match auth::take_pending(&session, answer.state.as_deref().unwrap_or(""), true).await {
            Ok(p) => p,
            Err(_) => {
                auth::audit(
                    &state.db,
                    "anonymous",
                    "sign-in-refused",
                    "",
                    "staff: state",
                )
                .await;
                return refused("failed");
            }
        };
    if answer.error.is_some() {
        auth::audit(&state.db, "anonymous", "sign-in-cancelled", "", "staff").await;
        return refused("failed");
    }
    let redeemed = oidc
        .redeem_staff(
            answer.code.as_deref().unwrap_or(""),
            &pending.verifier,
            &pending.nonce,
            &staff_callback_uri(&state),
        )
        .await;
    let (username, _name) = match redeemed {
        Ok(found) => found,
        Err(e) => {
            tracing::warn!(reason = %e, "a staff sign-in was refused");
            let detail = format!("staff: failed: {e}");
            auth::audit(&state.db, "anonymous", "sign-in-refused", "", &detail).await;
            return refused("failed");
        }
    };
    let found = match crate::db::staff::by_username(&state.db.pool, username.trim()).await {
        Ok(found) => found.filter(|s| !s.disabled && !username.trim().is_empty()),
        Err(e) => {
            let failure = crate::error::internal("signing staff in", e);
            return super::unavailable_text(app::i18n::Locale::default(), failure);
        }
    };
    let Some(staff) = found else {
        let detail = format!(
            "staff: no account for the provider's user, via {}",
            oidc.issuer()
        );
        auth::audit(&state.db, "anonymous", "sign-in-refused", "", &detail).await;
        return refused("unknown");
    };
    let via = format!("via {}", oidc.issuer());
    match auth::complete_staff(&state.db, &session, &staff, &via).await {
        Ok(_) => Redirect::to("/staff").into_response(),
        Err(_) => refused("failed"),
    }
}

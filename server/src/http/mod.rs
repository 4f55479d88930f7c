//! The HTTP surface: the app's pages and server functions, plus the few
//! plain routes that are not pages (health checks, language switch, form
//! posts, assets).

mod admin;
mod api;
mod authoring;
pub use api::OPENAPI;
mod assets;
mod export;
mod feedback;
mod handling;
mod limits;
mod locale;
mod my_cases;
pub mod security;
mod sign_in;
mod submit;
mod test_eid_page;

use crate::AppState;
use app::i18n::Locale;
use axum::extract::{Path, Query, State};
use axum::handler::Handler;
use axum::http::Method;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use serde::Deserialize;
use tower_http::trace::TraceLayer;

/// The context every page render and server function call gets: the ports
/// and the language the locale layer chose.
pub fn context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let ports = state.ports.clone();
    let idle_seconds = state.config.session_idle.as_secs();
    let staff_ways = app::ssr::StaffSignInWays {
        provider: state.staff_oidc.is_some(),
        local: local_staff_accounts(state),
    };
    move || {
        provide_context(ports.clone());
        provide_context(staff_ways);
        let locale = use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Locale>().copied())
            .unwrap_or_default();
        provide_context(locale);
        // Who is signed in, for the header.
        let name = use_context::<axum::http::request::Parts>().and_then(|parts| {
            let extensions = &parts.extensions;
            let person = extensions
                .get::<app::ssr::SignedIn>()
                .map(|p| (p.name.clone(), true));
            person.or_else(|| {
                extensions
                    .get::<app::ssr::StaffSignedIn>()
                    .map(|s| (s.name.clone(), false))
            })
        });
        if let Some((name, resident)) = name {
            provide_context(app::model::Viewer { name, resident });
            provide_context(app::SessionIdle(idle_seconds));
        }
        // A page's inline scripts carry this render's nonce; its policy
        // names it.
        if let (Some(nonce), Some(response)) = (
            leptos::nonce::use_nonce(),
            use_context::<leptos_axum::ResponseOptions>(),
        ) {
            if let Ok(policy) = HeaderValue::from_str(&security::page_policy(&nonce)) {
                response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
            }
        }
    }
}

/// Whether staff may sign in with a local account: always, but in
/// production mode once the municipality's identity provider is configured.
pub fn local_staff_accounts(state: &AppState) -> bool {
    !(state.config.production && state.staff_oidc.is_some())
}

/// The router's own routes, each added through here so that their list
/// (`route_list`) is the router's: the access test walks every one.
struct Routes {
    router: Router<AppState>,
    listed: Vec<(Method, &'static str)>,
}

impl Routes {
    fn add(
        mut self,
        methods: &[Method],
        path: &'static str,
        route: MethodRouter<AppState>,
    ) -> Self {
        self.listed
            .extend(methods.iter().map(|m| (m.clone(), path)));
        self.router = self.router.route(path, route);
        self
    }
    fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(&[Method::GET], path, get(handler))
    }
    fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(&[Method::POST], path, post(handler))
    }
}

/// Every route of the server's own (not the app's pages or server
/// functions, which Leptos lists).
fn own_routes() -> Routes {
    Routes {
        router: Router::new(),
        listed: Vec::new(),
    }
    .get("/healthz", healthz)
    .get("/readyz", readyz)
    .get("/language/{tag}", set_language)
    .post("/services/{key}/form", submit::first_page)
    .post("/services/{key}/form/{page}", submit::page)
    .post("/services/{key}/check", submit::check)
    .post("/services/{key}/saved", submit::mail_resume)
    .get("/resume/{secret}", submit::resume)
    .post("/signin", sign_in::start)
    .get("/signin/callback", sign_in::callback)
    .post("/signout", sign_in::sign_out)
    .post("/staff/signin", sign_in::staff_sign_in)
    .post("/staff/signin/provider", sign_in::staff_provider_start)
    .get("/staff/signin/callback", sign_in::staff_callback)
    .post("/session/extend", sign_in::extend)
    .get(app::SESSION_SCRIPT_PATH, assets::session_script)
    .get(app::BUILDER_SCRIPT_PATH, assets::builder_script)
    .add(
        &[Method::GET, Method::POST],
        "/test-eid",
        get(sign_in::test_eid_page).post(sign_in::test_eid_choose),
    )
    .post("/receipts/{token}/feedback", feedback::give_feedback)
    .post("/my-cases/{reference}/messages", my_cases::write_message)
    .post("/my-cases/{reference}/completion", my_cases::complete)
    .get("/my-cases/{reference}/files/{id}", my_cases::file)
    .get("/my-cases/drafts/{id}", my_cases::continue_draft)
    .post("/staff/cases/{reference}/assign", handling::assign)
    .post("/staff/cases/{reference}/status", handling::set_status)
    .post("/staff/cases/{reference}/message", handling::message)
    .post("/staff/cases/{reference}/note", handling::note)
    .post("/staff/cases/{reference}/request", handling::ask_completion)
    .get("/staff/cases/{reference}/files/{id}", handling::file)
    .get("/staff/cases/{reference}/export.json", export::case)
    .get("/staff/export", export::cases)
    .post("/staff/admin/organisations", admin::add_organisation)
    .post("/staff/admin/staff", admin::add_staff)
    .post("/staff/admin/staff/{id}", admin::change_staff)
    .post("/staff/admin/services/{key}", admin::set_service)
    .post("/staff/admin/tokens", admin::add_token)
    .post("/staff/admin/tokens/{id}/revoke", admin::revoke_token)
    .post("/staff/admin/webhooks", admin::add_webhook)
    .post("/staff/admin/webhooks/{id}/remove", admin::remove_webhook)
    .post("/staff/forms", authoring::start)
    .post("/staff/forms/{key}", authoring::save)
    .post("/staff/forms/{key}/publish", authoring::publish)
    .post("/staff/forms/{key}/discard", authoring::discard)
    .post("/staff/forms/{key}/offer", authoring::offer)
    .post(
        "/staff/forms/{key}/versions/{version}/check",
        authoring::check,
    )
    .get(
        "/staff/forms/{key}/statistics/csv",
        export::service_statistics,
    )
    .get("/staff/statistics/csv", export::statistics)
    .post("/staff/forms/{key}/edit", authoring::edit)
    .get("/staff/forms/{key}/{file}", authoring::export)
    .get("/api/v1/openapi.json", api::openapi)
    .get("/api/v1/cases", api::list)
    .get("/api/v1/cases/{reference}", api::case)
    .get("/api/v1/cases/{reference}/files/{id}", api::file)
    .post("/api/v1/cases/{reference}/status", api::set_status)
    .post("/api/v1/cases/{reference}/messages", api::message)
    .post("/api/v1/cases/{reference}/taken-over", api::take_over)
    .get(app::STYLESHEET_PATH, assets::stylesheet)
    .get("/schemas/form-definition.json", assets::definition_schema)
}

/// Every route the server answers, as method and path (`{name}` for a part
/// that varies): its own, the app's pages, and the server functions.
pub fn route_list() -> Vec<(Method, String)> {
    let mut list: Vec<(Method, String)> = own_routes()
        .listed
        .into_iter()
        .map(|(m, p)| (m, p.to_owned()))
        .collect();
    list.extend(
        generate_route_list(app::App)
            .into_iter()
            .map(|r| (Method::GET, r.path().to_owned())),
    );
    list.extend(server_fn::axum::server_fn_paths().map(|(p, m)| (m, p.to_owned())));
    list
}

pub fn router(state: AppState) -> Router {
    let options = state.leptos_options.clone();
    let routes = generate_route_list(app::App);
    let shell = move || app::shell(options.clone());
    own_routes()
        .router
        .nest_service("/pkg", assets::pkg_service(&state.config.site_dir))
        .leptos_routes_with_context(&state, routes, context(&state), shell.clone())
        // Anything else is the app's "page not found", in the person's language.
        .fallback(leptos_axum::render_app_async_with_context(
            context(&state),
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            sign_in::identify,
        ))
        .layer(crate::auth::session_layer(&state.config, state.db.clone()))
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(limits::Limits::new(
                state.config.sign_ins_per_minute,
                state.config.submissions_per_minute,
            )),
            limits::limit,
        ))
        .layer(axum::middleware::from_fn(security::same_origin_writes))
        .layer(axum::middleware::from_fn(locale::choose_locale))
        .layer(axum::middleware::from_fn({
            let https = state.config.public_url.starts_with("https://");
            move |request, next| security::headers(https, request, next)
        }))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// The process is alive.
async fn healthz() -> &'static str {
    "ok"
}

/// The process can serve: its database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[derive(Deserialize)]
struct Back {
    back: Option<String>,
}

/// Remembers the chosen language in a cookie and goes back to the page the
/// person came from. Works without JavaScript.
async fn set_language(Path(tag): Path<String>, Query(q): Query<Back>) -> Response {
    let back = q
        .back
        .filter(|b| is_local_path(b))
        .unwrap_or_else(|| "/".into());
    let Some(locale) = Locale::from_tag(&tag) else {
        return Redirect::to(&back).into_response();
    };
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        locale::COOKIE,
        locale.tag()
    );
    let mut response = Redirect::to(&back).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Only paths on this site may be redirected to, never another host
/// (`//evil.example` and `/\evil.example` are other hosts to a browser).
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(|c| c.is_control())
}

/// A plain answer for an internal failure where no page can be drawn: in
/// the person's language, with the failure's reference (logged by
/// `crate::error::internal`).
fn unavailable_text(locale: Locale, failure: app::ssr::PortError) -> Response {
    let body = locale.t_args(
        "error-page-body",
        &[("reference", app::i18n::FluentArg::Str(failure.reference))],
    );
    (StatusCode::SERVICE_UNAVAILABLE, body).into_response()
}

/// The language the locale layer chose for a whole request.
fn locale_of_request(request: &axum::extract::Request) -> Locale {
    request
        .extensions()
        .get::<Locale>()
        .copied()
        .unwrap_or_default()
}

/// The language the locale layer chose for a request.
fn locale_of(parts: &axum::http::request::Parts) -> Locale {
    parts
        .extensions
        .get::<Locale>()
        .copied()
        .unwrap_or_default()
}

/// The value posted under `name` ("" when there is none).
fn posted<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Splits a small urlencoded post into its request parts (made a GET, to
/// render a page at the same address), its language and its pairs; a body
/// that is too large or malformed is answered plainly.
async fn read_small_post(
    request: axum::extract::Request,
    max: usize,
) -> Result<(axum::http::request::Parts, Locale, Vec<(String, String)>), Response> {
    let (mut parts, body) = request.into_parts();
    let locale = locale_of(&parts);
    let pairs = read_urlencoded(body, max, locale).await?;
    parts.method = axum::http::Method::GET;
    Ok((parts, locale, pairs))
}

/// Reads an `application/x-www-form-urlencoded` body of at most `max`
/// bytes as name/value pairs; anything else is answered with a plain,
/// translated refusal.
async fn read_urlencoded(
    body: axum::body::Body,
    max: usize,
    locale: Locale,
) -> Result<Vec<(String, String)>, Response> {
    let Ok(bytes) = axum::body::to_bytes(body, max).await else {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            locale.t("error-body-too-large"),
        )
            .into_response());
    };
    serde_urlencoded::from_bytes(&bytes)
        .map_err(|_| (StatusCode::BAD_REQUEST, locale.t("error-bad-request")).into_response())
}

/// A plain form posted by a member of staff whom `allowed` lets in: the
/// request, its language, what was posted, and who.
struct StaffPost {
    parts: axum::http::request::Parts,
    locale: Locale,
    pairs: Vec<(String, String)>,
    staff: app::ssr::StaffSignedIn,
}

impl StaffPost {
    /// Reads the post, or gives the answer instead: to the sign-in page,
    /// or (to other staff) no such address.
    async fn read(
        request: axum::extract::Request,
        max: usize,
        allowed: fn(&app::ssr::StaffSignedIn) -> bool,
    ) -> Result<StaffPost, Response> {
        let (parts, locale, pairs) = read_small_post(request, max).await?;
        let Some(staff) = parts.extensions.get::<app::ssr::StaffSignedIn>().cloned() else {
            return Err(axum::response::Redirect::to("/staff/signin").into_response());
        };
        if !allowed(&staff) {
            return Err((StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response());
        }
        Ok(StaffPost {
            parts,
            locale,
            pairs,
            staff,
        })
    }

    /// The first value posted under `name`, trimmed.
    fn one(&self, name: &str) -> String {
        posted(&self.pairs, name).trim().to_owned()
    }

    /// Every value posted under `name` that is not blank, trimmed.
    fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Who, as the audit log names them.
    fn actor(&self) -> String {
        format!("staff:{}", self.staff.staff_id)
    }
}

/// The page at `path` drawn again in answer to a staff form's post, with
/// what the post brought back (`ssr::AdminAnswer`).
async fn render_answer(
    state: &AppState,
    mut parts: axum::http::request::Parts,
    path: &str,
    answer: app::ssr::AdminAnswer,
) -> Response {
    parts.method = axum::http::Method::GET;
    parts.uri = match path.parse() {
        Ok(uri) => uri,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let request = axum::extract::Request::from_parts(parts, axum::body::Body::empty());
    render_with(state, request, Some(answer), None).await
}

/// What a staff form with errors brings back: the form, everything typed
/// in it, and each error as (input id, Fluent key).
fn refused_answer(
    form: &str,
    pairs: Vec<(String, String)>,
    errors: Vec<(&str, &str)>,
) -> app::ssr::AdminAnswer {
    app::ssr::AdminAnswer {
        posted: Some(app::model::AdminPosted {
            form: form.to_owned(),
            values: pairs,
            errors: errors
                .into_iter()
                .map(|(id, key)| (id.to_owned(), key.to_owned()))
                .collect(),
        }),
        shown_once: None,
    }
}

/// Renders the app for `request` (a GET of the page to show), with what a
/// post brought back provided as context, and `status` when given (server
/// functions may also set it).
async fn render_with<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    request: axum::extract::Request,
    posted: Option<T>,
    status: Option<StatusCode>,
) -> Response {
    let base = context(state);
    let provide = move || {
        base();
        if let Some(posted) = posted.clone() {
            provide_context(posted);
        }
    };
    let options = state.leptos_options.clone();
    let handler =
        leptos_axum::render_app_async_with_context(provide, move || app::shell(options.clone()));
    let mut response = handler(request).await.into_response();
    if let Some(status) = status {
        *response.status_mut() = status;
    }
    response
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/services/fault-report?x=1"));
        assert!(!is_local_path("https://evil.example"));
        assert!(!is_local_path("//evil.example"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("/a\r\nSet-Cookie: x"));
        assert!(!is_local_path(""));
    }
}

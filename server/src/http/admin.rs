//! What administrators post (`app::pages::admin` draws the pages): an
//! organisation, a member of staff, who owns and handles a service, API
//! tokens and webhooks. Only for administrators; to anyone else these
//! addresses do not exist. A post with errors draws its page again (422)
//! with what was typed; a new token, webhook secret or password is shown
//! once, in the answer to the post that made it. Every change is in the
//! audit log.

use crate::db;
use crate::error::internal;
use crate::integration::IntegrationError;
use crate::AppState;
use app::model::{ShownOnce, ROLES};
use app::pages::admin::ADMIN_PATH;
use app::ssr::{is_administrator, AdminAnswer};
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

const MAX_BODY: usize = 64 * 1024;

/// A post by an administrator.
type Posted = super::StaffPost;

async fn posted(request: Request) -> Result<Posted, Response> {
    super::StaffPost::read(request, MAX_BODY, is_administrator).await
}

/// The page again with `errors` (input id, Fluent key) and what was typed.
async fn refused(
    state: &AppState,
    post: Posted,
    path: &str,
    form: &str,
    errors: Vec<(&str, &str)>,
) -> Response {
    let answer = super::refused_answer(form, post.pairs, errors);
    super::render_answer(state, post.parts, path, answer).await
}

/// The page with a secret shown once.
async fn shown(state: &AppState, post: Posted, path: &str, kind: &str, secret: String) -> Response {
    let answer = AdminAnswer {
        posted: None,
        shown_once: Some(ShownOnce {
            kind: kind.to_owned(),
            secret,
        }),
    };
    super::render_answer(state, post.parts, path, answer).await
}

async fn audit(
    state: &AppState,
    post: &Posted,
    subject: &str,
    detail: &str,
) -> Result<(), Response> {
    crate::auth::audit_strict(&state.db, &post.actor(), "admin-change", subject, detail)
        .await
        .map_err(|e| super::unavailable_text(post.locale, internal("recording a change", e)))
}

fn unavailable(post: &Posted, context: &str, e: impl std::fmt::Display) -> Response {
    super::unavailable_text(post.locale, internal(context, e))
}

/// A key: lower-case letters, digits and dashes, 2 to 40 of them.
fn is_key(text: &str) -> bool {
    (2..=40).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
}

/// An id chosen in a list: `None` for none, `Err` for one not offered.
fn chosen_id(text: &str) -> Result<Option<i64>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>().map(Some).map_err(|_| ())
}

/// `POST /staff/admin/organisations`: `name`, `key`.
pub async fn add_organisation(State(state): State<AppState>, request: Request) -> Response {
    let post = match posted(request).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let (name, key) = (post.one("name"), post.one("key").to_lowercase());
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(("organisation-name", "admin-error-name"));
    }
    if !is_key(&key) {
        errors.push(("organisation-key", "admin-error-key"));
    }
    if !errors.is_empty() {
        return refused(&state, post, ADMIN_PATH, "organisation", errors).await;
    }
    let (k, n, now) = (key.clone(), name.clone(), db::now_millis());
    let added = state
        .db
        .writer
        .write(move |conn| {
            let (k, n) = (k.clone(), n.clone());
            Box::pin(async move { db::staff::add_organisation(conn, &k, &n, now).await })
        })
        .await;
    match added {
        Ok(Some(_)) => {}
        Ok(None) => {
            let errors = vec![("organisation-key", "admin-error-key-taken")];
            return refused(&state, post, ADMIN_PATH, "organisation", errors).await;
        }
        Err(e) => return unavailable(&post, "adding an organisation", e),
    }
    if let Err(answer) = audit(&state, &post, &format!("organisation:{key}"), &name).await {
        return answer;
    }
    Redirect::to(ADMIN_PATH).into_response()
}

/// What the staff form posted, checked: the errors, or the member.
struct StaffPosted {
    name: String,
    organisation: Option<i64>,
    roles: Vec<String>,
    services: Vec<String>,
}

fn check_staff(
    state: &AppState,
    post: &Posted,
) -> Result<StaffPosted, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let name = post.one("name");
    if name.is_empty() || name.chars().count() > 200 {
        errors.push(("staff-name", "admin-error-name"));
    }
    let roles: Vec<String> = post
        .all("roles")
        .into_iter()
        .filter(|r| ROLES.contains(&r.as_str()))
        .collect();
    if roles.is_empty() {
        errors.push(("staff-roles", "admin-error-roles"));
    }
    let known: Vec<String> = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store.newest().iter().map(|d| d.key().to_owned()).collect()
    };
    let services = post
        .all("services")
        .into_iter()
        .filter(|s| known.contains(s))
        .collect();
    let organisation = chosen_id(&post.one("organisation")).unwrap_or(None);
    if errors.is_empty() {
        Ok(StaffPosted {
            name,
            organisation,
            roles,
            services,
        })
    } else {
        Err(errors)
    }
}

/// `POST /staff/admin/staff`: `username`, `name`, `organisation`,
/// `roles`, `services`, `provider_only`. A local account gets a password,
/// shown once.
pub async fn add_staff(State(state): State<AppState>, request: Request) -> Response {
    let post = match posted(request).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let path = format!("{ADMIN_PATH}/staff/new");
    let username = post.one("username");
    let checked = check_staff(&state, &post);
    let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
    let username_ok = !username.is_empty()
        && username.len() <= 100
        && !username
            .chars()
            .any(|c| c.is_whitespace() || c.is_control());
    if !username_ok {
        errors.insert(0, ("staff-username", "admin-error-username"));
    }
    let member = match checked {
        Ok(member) if errors.is_empty() => member,
        _ => return refused(&state, post, &path, "staff", errors).await,
    };
    let provider_only = !post.one("provider_only").is_empty();
    let password = (!provider_only).then(|| crate::secret::code(20));
    let hash = match &password {
        Some(p) => match crate::staff::hash_password(p.clone()).await {
            Ok(hash) => Some(hash),
            Err(e) => return unavailable(&post, "hashing a password", e),
        },
        None => None,
    };
    let now = db::now_millis();
    let (u, roles) = (username.clone(), member.roles.join(","));
    let added = state
        .db
        .writer
        .write(move |conn| {
            let (u, roles, hash) = (u.clone(), roles.clone(), hash.clone());
            let (name, services) = (member.name.clone(), member.services.clone());
            Box::pin(async move {
                let new = db::staff::NewStaff {
                    username: &u,
                    name: &name,
                    organisation_key: None,
                    password_hash: hash.as_deref(),
                    roles: &roles,
                    services: &services,
                    default_for: &[],
                    now,
                };
                let Some(id) = db::staff::insert(conn, &new).await? else {
                    return Ok(None);
                };
                db::staff::set_organisation(conn, id, member.organisation).await?;
                Ok(Some(id))
            })
        })
        .await;
    let id = match added {
        Ok(Some(id)) => id,
        Ok(None) => {
            let errors = vec![("staff-username", "admin-error-username-taken")];
            return refused(&state, post, &path, "staff", errors).await;
        }
        Err(e) => return unavailable(&post, "adding a member of staff", e),
    };
    let detail = format!("added {username}, roles {}", post.all("roles").join(","));
    if let Err(answer) = audit(&state, &post, &format!("staff:{id}"), &detail).await {
        return answer;
    }
    let path = format!("{ADMIN_PATH}/staff/{id}");
    match password {
        Some(password) => shown(&state, post, &path, "password", password).await,
        None => Redirect::to(&path).into_response(),
    }
}

/// `POST /staff/admin/staff/<id>`: `name`, `organisation`, `roles`,
/// `services`, `disabled`. An administrator cannot take their own
/// administration away.
pub async fn change_staff(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let post = match posted(request).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    match db::staff::by_id(&state.db.pool, id).await {
        Ok(Some(_)) => {}
        Ok(None) => {
            return (StatusCode::NOT_FOUND, post.locale.t("not-found-body")).into_response()
        }
        Err(e) => return unavailable(&post, "finding a member of staff", e),
    }
    let path = format!("{ADMIN_PATH}/staff/{id}");
    let disabled = !post.one("disabled").is_empty();
    let member = match check_staff(&state, &post) {
        Ok(member) => member,
        Err(errors) => return refused(&state, post, &path, "staff", errors).await,
    };
    if id == post.staff.staff_id {
        let mut errors = Vec::new();
        if !member.roles.iter().any(|r| r == "administrator") {
            errors.push(("staff-roles", "admin-error-self"));
        }
        if disabled {
            errors.push(("staff-disabled", "admin-error-self"));
        }
        if !errors.is_empty() {
            return refused(&state, post, &path, "staff", errors).await;
        }
    }
    let now = db::now_millis();
    let roles = member.roles.join(",");
    let detail = format!(
        "roles {roles}; services {}; {}",
        member.services.join(","),
        if disabled { "disabled" } else { "active" }
    );
    let changed = state
        .db
        .writer
        .write(move |conn| {
            let (name, roles, services) =
                (member.name.clone(), roles.clone(), member.services.clone());
            Box::pin(async move {
                let change = db::staff::Change {
                    id,
                    name: &name,
                    organisation_id: member.organisation,
                    roles: &roles,
                    services: &services,
                    disabled,
                    now,
                };
                db::staff::change(conn, &change).await
            })
        })
        .await;
    if let Err(e) = changed {
        return unavailable(&post, "changing a member of staff", e);
    }
    if let Err(answer) = audit(&state, &post, &format!("staff:{id}"), &detail).await {
        return answer;
    }
    Redirect::to(ADMIN_PATH).into_response()
}

/// `POST /staff/admin/services/<key>`: `organisation`, `owner`,
/// `handlers`, `default` (one of the handlers, or none).
pub async fn set_service(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    let post = match posted(request).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let known = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store.newest().iter().any(|d| d.key() == key)
    };
    if !known {
        return (StatusCode::NOT_FOUND, post.locale.t("not-found-body")).into_response();
    }
    let path = format!("{ADMIN_PATH}/services/{key}");
    let organisation = chosen_id(&post.one("organisation")).unwrap_or(None);
    let owner = chosen_id(&post.one("owner")).unwrap_or(None);
    let handlers: Vec<i64> = post
        .all("handlers")
        .iter()
        .filter_map(|h| h.parse().ok())
        .collect();
    let default = chosen_id(&post.one("default")).unwrap_or(None);
    if default.is_some_and(|d| !handlers.contains(&d)) {
        let errors = vec![("service-handlers", "admin-error-default")];
        return refused(&state, post, &path, "service", errors).await;
    }
    let detail = format!(
        "handlers {:?}; default {:?}; owner {:?}",
        handlers, default, owner
    );
    let k = key.clone();
    let set = state
        .db
        .writer
        .write(move |conn| {
            let (k, handlers) = (k.clone(), handlers.clone());
            Box::pin(async move {
                db::staff::set_service(conn, &k, organisation, owner, &handlers, default).await
            })
        })
        .await;
    if let Err(e) = set {
        return unavailable(&post, "changing a service's handlers", e);
    }
    if let Err(answer) = audit(&state, &post, &format!("service:{key}"), &detail).await {
        return answer;
    }
    Redirect::to(ADMIN_PATH).into_response()
}

fn integrations_path() -> String {
    format!("{ADMIN_PATH}/integrations")
}

/// `POST /staff/admin/tokens`: `system`, `service`. The token is shown
/// once, on the page this answers with.
pub async fn add_token(State(state): State<AppState>, request: Request) -> Response {
    let post = match posted(request).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let (system, service) = (post.one("system"), post.one("service"));
    let by = post.actor();
    match crate::integration::create_token(&state.db, &system, &service, &by).await {
        Ok(token) => {
            let detail = format!("API token for {system} on {service}");
            if let Err(answer) = audit(&state, &post, "api-tokens", &detail).await {
                return answer;
            }
            shown(&state, post, &integrations_path(), "token", token).await
        }
        Err(IntegrationError::NoName) => {
            let errors = vec![("token-system", "admin-error-system")];
            refused(&state, post, &integrations_path(), "token", errors).await
        }
        Err(IntegrationError::NoService(_)) => {
            (StatusCode::NOT_FOUND, post.locale.t("not-found-body")).into_response()
        }
        Err(e) => unavailable(&post, "making an API token", e),
    }
}

/// `POST /staff/admin/webhooks`: `service`, `url`. The signing secret is
/// shown once.
pub async fn add_webhook(State(state): State<AppState>, request: Request) -> Response {
    let post = match posted(request).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let (service, url) = (post.one("service"), post.one("url"));
    let by = post.actor();
    match crate::integration::add_webhook(&state.db, &service, &url, &by).await {
        Ok(secret) => {
            let detail = format!("webhook for {service} to {url}");
            if let Err(answer) = audit(&state, &post, "webhooks", &detail).await {
                return answer;
            }
            shown(&state, post, &integrations_path(), "webhook", secret).await
        }
        Err(IntegrationError::BadUrl) => {
            let errors = vec![("webhook-url", "admin-error-url")];
            refused(&state, post, &integrations_path(), "webhook", errors).await
        }
        Err(IntegrationError::NoService(_)) => {
            (StatusCode::NOT_FOUND, post.locale.t("not-found-body")).into_response()
        }
        Err(e) => unavailable(&post, "adding a webhook", e),
    }
}

/// `POST /staff/admin/tokens/<id>/revoke`.
pub async fn revoke_token(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    retire(state, request, id, "api-token", |conn, id, now| {
        Box::pin(async move { db::integration::revoke_token(conn, id, now).await })
    })
    .await
}

/// `POST /staff/admin/webhooks/<id>/remove`.
pub async fn remove_webhook(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    retire(state, request, id, "webhook", |conn, id, now| {
        Box::pin(async move { db::integration::remove_webhook(conn, id, now).await })
    })
    .await
}

/// Revokes or removes one integration (`what` with `id`) through `end`,
/// which says whether it was live; audited, then back to the page.
async fn retire(
    state: AppState,
    request: Request,
    id: i64,
    what: &'static str,
    end: for<'c> fn(&'c mut sqlx::AnyConnection, i64, i64) -> db::writer::Step<'c, bool>,
) -> Response {
    let post = match posted(request).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let now = db::now_millis();
    let done = state.db.writer.write(move |conn| end(conn, id, now)).await;
    match done {
        Ok(true) => {
            if let Err(answer) = audit(&state, &post, &format!("{what}:{id}"), "retired").await {
                return answer;
            }
            Redirect::to(&integrations_path()).into_response()
        }
        Ok(false) => Redirect::to(&integrations_path()).into_response(),
        Err(e) => unavailable(&post, "retiring an integration", e),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_short_and_plain() {
        assert!(super::is_key("stadsbyggnad"));
        assert!(super::is_key("sbf-2"));
        assert!(!super::is_key("x"));
        assert!(!super::is_key("-sbf"));
        assert!(!super::is_key("Stadsbyggnad"));
        assert!(!super::is_key("stads byggnad"));
        assert!(!super::is_key(&"a".repeat(41)));
    }
}

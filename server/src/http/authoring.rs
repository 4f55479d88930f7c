//! What authors post (`app::pages::authoring` draws the pages): a new
//! service from a template or an imported definition, a draft saved as
//! written, published or discarded, and a definition exported. Only for
//! authors of the service's organisation (and administrators); to anyone
//! else a service they may not edit does not exist.

use crate::authoring::{self as authoring, Format, Offer, PublishError};
use crate::error::internal;
use crate::AppState;
use app::i18n::Locale;
use app::pages::authoring::FORMS_PATH;
use app::ssr::{is_author, StaffSignedIn};
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// A definition of a few hundred questions, with every language.
const MAX_BODY: usize = 2 * 1024 * 1024;

type Posted = super::StaffPost;

async fn posted(request: Request) -> Result<Posted, Response> {
    super::StaffPost::read(request, MAX_BODY, is_author).await
}

fn not_found(locale: Locale) -> Response {
    (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response()
}

/// The page at `path` again, with the form `form` and its errors.
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

/// Whether a service `key` is known: live or drafted.
async fn exists(state: &AppState, key: &str) -> Result<bool, sqlx::Error> {
    let live = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store.get(key, None).is_some()
    };
    Ok(live || authoring::draft_text(&state.db, key).await?.is_some())
}

/// `POST /staff/forms`: a new draft, `action` = `template` (`template`, a
/// demo service, under a new `key`) or `import` (`definition`, JSON or
/// TOML).
pub async fn start(State(state): State<AppState>, request: Request) -> Response {
    let post = match posted(request).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let action = super::posted(&post.pairs, "action").to_owned();
    let (form, input) = if action == "template" {
        ("template", "template-key")
    } else {
        ("import", "import-definition")
    };
    let spec = if action == "template" {
        let key = super::posted(&post.pairs, "key").trim().to_owned();
        let template = super::posted(&post.pairs, "template").to_owned();
        let found = crate::demo::DEFINITIONS
            .iter()
            .filter_map(|(file, text)| crate::demo::parse(file, text).ok())
            .find(|s| s.key == template);
        let Some(mut spec) = found else {
            return not_found(post.locale);
        };
        spec.key = key;
        spec.version = 1;
        spec
    } else {
        match authoring::import(super::posted(&post.pairs, "definition")) {
            Ok(spec) => spec,
            Err(_) => {
                let errors = vec![(input, "authoring-error-unreadable")];
                return refused(&state, post, FORMS_PATH, form, errors).await;
            }
        }
    };
    let key = spec.key.clone();
    let key_ok = key.len() <= 64
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !key_ok {
        let errors = vec![(input, "authoring-error-key")];
        return refused(&state, post, FORMS_PATH, form, errors).await;
    }
    let organisation = match exists(&state, &key).await {
        Ok(true) => match authoring::may_author(&state.db, &post.staff, &key).await {
            // Imported over a service of theirs: a new draft of it.
            Ok(true) => None,
            Ok(false) => {
                let errors = vec![(input, "authoring-error-taken")];
                return refused(&state, post, FORMS_PATH, form, errors).await;
            }
            Err(e) => {
                return super::unavailable_text(post.locale, internal("checking an author", e))
            }
        },
        Ok(false) => match authoring::organisation_of(&state.db, post.staff.staff_id).await {
            Ok(Some(organisation)) => Some(organisation),
            Ok(None) if post.staff.roles.iter().any(|r| r == "administrator") => None,
            Ok(None) => {
                let errors = vec![(input, "authoring-error-no-organisation")];
                return refused(&state, post, FORMS_PATH, form, errors).await;
            }
            Err(e) => {
                return super::unavailable_text(post.locale, internal("finding an organisation", e))
            }
        },
        Err(e) => return super::unavailable_text(post.locale, internal("finding a service", e)),
    };
    let text = match authoring::export(&spec, Format::Json) {
        Ok(text) => text,
        Err(e) => return super::unavailable_text(post.locale, internal("writing a definition", e)),
    };
    if let Err(e) =
        authoring::save_draft(&state.db, &key, &text, post.staff.staff_id, organisation).await
    {
        return super::unavailable_text(post.locale, internal("saving a draft", e));
    }
    Redirect::to(&format!("{FORMS_PATH}/{key}")).into_response()
}

/// The member of staff and the service they may edit, or the answer.
async fn editable(state: &AppState, post: &Posted, key: &str) -> Result<(), Response> {
    let known = exists(state, key).await;
    let allowed = authoring::may_author(&state.db, &post.staff, key).await;
    match (known, allowed) {
        (Ok(true), Ok(true)) => Ok(()),
        (Ok(_), Ok(_)) => Err(not_found(post.locale)),
        (Err(e), _) | (_, Err(e)) => Err(super::unavailable_text(
            post.locale,
            internal("checking an author", e),
        )),
    }
}

/// The post of an author who may edit `key`, or the answer instead.
async fn post_for(state: &AppState, request: Request, key: &str) -> Result<Posted, Response> {
    let post = posted(request).await?;
    editable(state, &post, key).await?;
    Ok(post)
}

/// `POST /staff/forms/<key>`: the draft as written (`definition`), kept
/// even when it does not read or compile: the page says what is wrong.
pub async fn save(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    let post = match post_for(&state, request, &key).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let text = super::posted(&post.pairs, "definition").replace("\r\n", "\n");
    if let Err(e) = authoring::save_draft(&state.db, &key, &text, post.staff.staff_id, None).await {
        return super::unavailable_text(post.locale, internal("saving a draft", e));
    }
    Redirect::to(&format!("{FORMS_PATH}/{key}")).into_response()
}

/// When a post says its change takes effect: `when` = `now` (or nothing),
/// or `later` with `at`, a local date and time still to come. The error
/// is a Fluent key.
fn when(post: &Posted, state: &AppState) -> Result<Option<i64>, &'static str> {
    if post.one("when") != "later" {
        return Ok(None);
    }
    let at = post.one("at");
    if at.is_empty() {
        return Err("authoring-error-at-missing");
    }
    match crate::catalogue::parse_time(&at, &state.config.timezone) {
        None => Err("authoring-error-at-invalid"),
        Some(at) if at <= crate::db::now_millis() => Err("authoring-error-at-past"),
        Some(at) => Ok(Some(at)),
    }
}

/// `POST /staff/forms/<key>/publish`: now, or `when` = `later` at `at`.
pub async fn publish(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    let post = match post_for(&state, request, &key).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let path = format!("{FORMS_PATH}/{key}");
    let at = match when(&post, &state) {
        Ok(at) => at,
        Err(error) => {
            return refused(&state, post, &path, "publish", vec![("publish-at", error)]).await
        }
    };
    match authoring::publish(&state.db, &state.forms, &key, &post.staff, at).await {
        Ok(version) => Redirect::to(&format!("{path}?published={version}")).into_response(),
        Err(PublishError::NoDraft) => Redirect::to(&path).into_response(),
        Err(PublishError::Problems | PublishError::OtherKey) => {
            let errors = vec![("problems", "authoring-error-problems")];
            refused(&state, post, &path, "publish", errors).await
        }
        Err(e) => super::unavailable_text(post.locale, internal("publishing a form", e)),
    }
}

/// `POST /staff/forms/<key>/offer`: `action` = `republish` (`version`,
/// now), `unpublish` (now, or `when` = `later` at `at`) or `cancel` (`id`,
/// a publication still to come).
pub async fn offer(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    let post = match post_for(&state, request, &key).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let path = format!("{FORMS_PATH}/{key}/versions");
    let number = |name: &str| post.one(name).parse::<i64>().ok();
    let (offer, at) = match post.one("action").as_str() {
        "republish" => match number("version") {
            Some(v) => (Offer::Republish(v), None),
            None => return not_found(post.locale),
        },
        "cancel" => match number("id") {
            Some(id) => (Offer::Cancel(id), None),
            None => return not_found(post.locale),
        },
        "unpublish" => match when(&post, &state) {
            Ok(at) => (Offer::Unpublish, at),
            Err(error) => {
                return refused(
                    &state,
                    post,
                    &path,
                    "unpublish",
                    vec![("unpublish-at", error)],
                )
                .await
            }
        },
        _ => return (StatusCode::BAD_REQUEST, post.locale.t("error-bad-request")).into_response(),
    };
    match authoring::change_offer(&state.db, &state.forms, &key, &post.staff, offer, at).await {
        Ok(true) => Redirect::to(&path).into_response(),
        Ok(false) => not_found(post.locale),
        Err(e) => super::unavailable_text(post.locale, internal("changing what is offered", e)),
    }
}

/// `POST /staff/forms/<key>/versions/<version>/check`: an accessibility
/// check of a published version, run in the background; answered with its
/// report's page, which says how far it has come.
pub async fn check(
    State(state): State<AppState>,
    Path((key, version)): Path<(String, String)>,
    request: Request,
) -> Response {
    let post = match post_for(&state, request, &key).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let Ok(version) = version.parse::<u32>() else {
        return not_found(post.locale);
    };
    let path = format!("{FORMS_PATH}/{key}/versions/{version}/accessibility");
    let asked = crate::accessibility::request(
        &state.checker,
        &state.db,
        &state.forms,
        &key,
        version,
        post.staff.staff_id,
    )
    .await;
    match asked {
        // Not available here: the report's page says so.
        Ok(_) | Err(crate::accessibility::RequestError::NotAvailable) => {
            Redirect::to(&path).into_response()
        }
        Err(crate::accessibility::RequestError::NoSuchVersion) => not_found(post.locale),
        Err(crate::accessibility::RequestError::Db(e)) => super::unavailable_text(
            post.locale,
            internal("asking for an accessibility check", e),
        ),
    }
}

/// `POST /staff/forms/<key>/discard`: the draft is thrown away; the live
/// version stays.
pub async fn discard(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    let post = match post_for(&state, request, &key).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    if let Err(e) = authoring::discard_draft(&state.db, &key).await {
        return super::unavailable_text(post.locale, internal("discarding a draft", e));
    }
    let live = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store.get(&key, None).is_some()
    };
    let to = if live {
        format!("{FORMS_PATH}/{key}")
    } else {
        FORMS_PATH.to_owned()
    };
    Redirect::to(&to).into_response()
}

/// `GET /staff/forms/<key>/export.json` and `export.toml`: the draft, or
/// the live version when there is none, as a download.
pub async fn export(
    State(state): State<AppState>,
    Path((key, file)): Path<(String, String)>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let locale = super::locale_of(&parts);
    let Some(staff) = parts.extensions.get::<StaffSignedIn>().cloned() else {
        return Redirect::to("/staff/signin").into_response();
    };
    let format = match file.as_str() {
        "export.json" => Format::Json,
        "export.toml" => Format::Toml,
        _ => return not_found(locale),
    };
    match authoring::may_author(&state.db, &staff, &key).await {
        Ok(true) if is_author(&staff) => {}
        Ok(_) => return not_found(locale),
        Err(e) => return super::unavailable_text(locale, internal("checking an author", e)),
    }
    let draft = match authoring::draft_text(&state.db, &key).await {
        Ok(draft) => draft,
        Err(e) => return super::unavailable_text(locale, internal("loading a draft", e)),
    };
    let spec = match draft {
        Some(text) => authoring::import(&text).ok(),
        None => {
            let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
            store.get(&key, None).map(|p| p.definition.spec().clone())
        }
    };
    let Some(spec) = spec else {
        return not_found(locale);
    };
    let (text, content_type) = match authoring::export(&spec, format) {
        Ok(text) if format == Format::Json => (text, "application/json"),
        Ok(text) => (text, "application/toml"),
        Err(e) => return super::unavailable_text(locale, internal("exporting a form", e)),
    };
    let name = format!("{key}-{}.{}", spec.version, &file["export.".len()..]);
    super::my_cases::download_as(text.into(), HeaderValue::from_static(content_type), &name)
}

/// `POST /staff/forms/<key>/edit`: one change of the builder (`op`), made
/// to the draft (or, without one, to the live version, which then becomes
/// the draft), which is saved at once.
pub async fn edit(
    State(state): State<AppState>,
    Path(key): Path<String>,
    request: Request,
) -> Response {
    use authoring::{Edit, EditError};
    let post = match post_for(&state, request, &key).await {
        Ok(post) => post,
        Err(answer) => return answer,
    };
    let draft_path = format!("{FORMS_PATH}/{key}");
    let text = match authoring::draft_text(&state.db, &key).await {
        Ok(Some(text)) => text,
        Ok(None) => {
            let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
            match store.get(&key, None) {
                Some(p) => serde_json::to_string(p.definition.spec()).unwrap_or_default(),
                None => String::new(),
            }
        }
        Err(e) => return super::unavailable_text(post.locale, internal("loading a draft", e)),
    };
    let Ok(mut spec) = authoring::import(&text) else {
        let errors = vec![("definition", "builder-error-unreadable")];
        return refused(&state, post, &draft_path, "builder", errors).await;
    };
    let one = |name: &str| super::posted(&post.pairs, name).to_owned();
    let index = |name: &str| one(name).parse::<usize>().unwrap_or(usize::MAX);
    let by_language = |name: &str| -> forms::Text {
        spec.languages
            .iter()
            .map(|l| (l.clone(), one(&format!("{name}.{l}"))))
            .collect()
    };
    let all = |name: &str| -> Vec<String> {
        post.pairs
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let page = index("page");
    let field = index("field");
    // A question in each row of the group question `group` of the page.
    let group = one("group").parse::<usize>().ok();
    let up = one("dir") == "up";
    let op = one("op");
    let group_path = group.map(|g| format!("{draft_path}/pages/{page}/fields/{g}"));
    let field_path = match &group_path {
        Some(path) => format!("{path}/fields/{field}"),
        None => format!("{draft_path}/pages/{page}/fields/{field}"),
    };
    // A question's option moved with its button: (index, up).
    let moved_option: Option<(usize, bool)> = one("move_option")
        .split_once(':')
        .and_then(|(n, dir)| Some((n.parse().ok()?, dir == "up")));
    // Where an error is shown: the page of the form, and its input.
    let (back, input_key, input_text) = match op.as_str() {
        "add-page" => (
            draft_path.clone(),
            "add-page-key".to_owned(),
            "add-page-title".to_owned(),
        ),
        "add-field" if group_path.is_some() => (
            group_path.clone().unwrap_or_default(),
            "add-inner-key".to_owned(),
            "add-inner-label".to_owned(),
        ),
        "add-field" => (
            draft_path.clone(),
            format!("add-field-key-{page}"),
            format!("add-field-label-{page}"),
        ),
        "set-field" => (
            field_path.clone(),
            "field-condition".to_owned(),
            "field-label".to_owned(),
        ),
        "details" => (
            format!("{draft_path}/details"),
            "definition".to_owned(),
            "definition".to_owned(),
        ),
        "own-statuses" | "set-statuses" | "add-status" | "move-status" | "remove-status" => (
            format!("{draft_path}/statuses"),
            "add-status-key".to_owned(),
            "add-status-name".to_owned(),
        ),
        "set-rule" if one("rule").is_empty() => (
            draft_path.clone(),
            "add-rule-key".to_owned(),
            "add-rule-check".to_owned(),
        ),
        "set-rule" => (
            draft_path.clone(),
            format!("rule-{}-check", index("rule")),
            format!("rule-{}-check", index("rule")),
        ),
        _ => (
            draft_path.clone(),
            "definition".to_owned(),
            "definition".to_owned(),
        ),
    };
    let change = match op.as_str() {
        "texts" => Edit::Texts {
            title: by_language("title"),
            description: by_language("description"),
        },
        "add-page" => Edit::AddPage {
            key: one("key").trim().to_owned(),
            title: one("title"),
        },
        "move-page" => Edit::MovePage { page, up },
        "remove-page" => Edit::RemovePage { page },
        "set-page" => Edit::SetPage {
            page,
            title: by_language("title"),
            visible_if: Some(one("visible_if")),
        },
        "add-field" => Edit::AddField {
            page,
            group,
            kind: one("kind"),
            key: one("key").trim().to_owned(),
            label: one("label"),
        },
        "set-rule" => Edit::SetRule {
            rule: Some(index("rule")).filter(|_| !one("rule").is_empty()),
            key: one("rule_key").trim().to_owned(),
            check: one("check"),
            field: one("rule_field"),
            message: by_language("message"),
        },
        "details" => Edit::Details(authoring::Details {
            languages: all("language"),
            organisation: by_language("organisation"),
            processing_days: one("processing_days"),
            identification: one("identification"),
            purpose: by_language("purpose"),
            legal_basis: one("legal_basis"),
            retention_months: one("retention_months"),
            need: by_language("need"),
            minutes: one("minutes"),
            phone: one("phone"),
            visit: by_language("visit"),
            receipt_to: all("receipt_to"),
        }),
        "own-statuses" => Edit::OwnStatuses(one("own") == "true"),
        "set-statuses" => Edit::SetStatuses(
            (0..spec.statuses.len())
                .map(|n| {
                    (
                        by_language(&format!("name.{n}")),
                        !one(&format!("messages.{n}")).is_empty(),
                    )
                })
                .collect(),
        ),
        "add-status" => Edit::AddStatus {
            key: one("key").trim().to_owned(),
            name: one("name"),
        },
        "move-status" => Edit::MoveStatus {
            status: index("status"),
            up,
        },
        "remove-status" => Edit::RemoveStatus {
            status: index("status"),
        },
        "remove-rule" => Edit::RemoveRule {
            rule: index("rule"),
        },
        "move-field" => Edit::MoveField {
            page,
            group,
            field,
            up,
        },
        "remove-field" => Edit::RemoveField { page, group, field },
        "set-field" => {
            // The guided editor, when used, writes the condition.
            let guided = one("cond_field");
            let visible_if = if guided.is_empty() {
                Some(one("visible_if"))
            } else {
                match authoring::condition(&guided, &one("cond_op"), &one("cond_value")) {
                    Some(expression) => Some(expression),
                    None => {
                        let errors = vec![("field-condition", "builder-error-condition")];
                        return refused(&state, post, &field_path, "field", errors).await;
                    }
                }
            };
            // A choice question's options: each kept unless marked to
            // go, its labels as posted, and a new one if one was given.
            let had: Option<Vec<String>> = spec
                .pages
                .get(page)
                .and_then(|p| match group {
                    None => p.fields.get(field),
                    Some(g) => match p.fields.get(g).map(|f| &f.kind) {
                        Some(forms::FieldKind::Group { fields, .. }) => fields.get(field),
                        _ => None,
                    },
                })
                .and_then(|f| match &f.kind {
                    forms::FieldKind::SingleChoice { options, .. }
                    | forms::FieldKind::MultipleChoice { options, .. } => {
                        Some(options.iter().map(|o| o.value.clone()).collect())
                    }
                    _ => None,
                });
            let options = had.map(|values| {
                let mut options: Vec<(String, forms::Text)> = values
                    .into_iter()
                    .enumerate()
                    .filter(|(n, _)| one(&format!("remove.{n}")).is_empty())
                    .map(|(n, value)| (value, by_language(&format!("option.{n}"))))
                    .collect();
                let new_value = one("new_option_value");
                if !new_value.trim().is_empty() {
                    let lang = spec.languages.first().cloned().unwrap_or_default();
                    let label = [(lang, one("new_option_label"))].into_iter().collect();
                    options.push((new_value, label));
                }
                // "Move up" or "move down" on an option: `<n>:up|down`.
                if let Some((n, dir)) = moved_option.as_ref() {
                    let other = if *dir {
                        n.checked_sub(1)
                    } else {
                        n.checked_add(1)
                    };
                    if let Some(other) = other.filter(|o| *o < options.len() && *n < options.len())
                    {
                        options.swap(*n, other);
                    }
                }
                options
            });
            let settings = post
                .pairs
                .iter()
                .filter_map(|(n, v)| Some((n.strip_prefix("setting.")?.to_owned(), v.clone())))
                .collect();
            Edit::SetField {
                page,
                group,
                field,
                label: by_language("label"),
                hint: by_language("hint"),
                required: !one("required").is_empty(),
                visible_if,
                options,
                settings,
            }
        }
        _ => return (StatusCode::BAD_REQUEST, post.locale.t("error-bad-request")).into_response(),
    };
    let form = match op.as_str() {
        "set-field" => "field",
        "details" => "details",
        "own-statuses" | "set-statuses" | "add-status" | "move-status" | "remove-status" => {
            "statuses"
        }
        _ => "builder",
    };
    if let Err(error) = authoring::apply(&mut spec, change) {
        let setting;
        let (at, message) = match &error {
            EditError::BadSetting(name) => {
                setting = format!("setting-{}", name.replace('_', "-"));
                (setting.as_str(), "builder-error-setting")
            }
            EditError::BadKey => (input_key.as_str(), "builder-error-key"),
            EditError::TakenKey => (input_key.as_str(), "builder-error-taken"),
            EditError::NoText if op == "set-rule" => (input_text.as_str(), "builder-error-rule"),
            EditError::NoText => (input_text.as_str(), "builder-error-text"),
            EditError::UnknownKind => (input_key.as_str(), "builder-error-kind"),
            EditError::Gone => ("definition", "builder-error-gone"),
            EditError::Required => ("statuses", "statuses-error-required"),
        };
        let back = if error == EditError::Gone {
            draft_path.clone()
        } else {
            back
        };
        return refused(&state, post, &back, form, vec![(at, message)]).await;
    }
    let text = match authoring::export(&spec, Format::Json) {
        Ok(text) => text,
        Err(e) => return super::unavailable_text(post.locale, internal("writing a definition", e)),
    };
    if let Err(e) = authoring::save_draft(&state.db, &key, &text, post.staff.staff_id, None).await {
        return super::unavailable_text(post.locale, internal("saving a draft", e));
    }
    let anchor = match op.as_str() {
        "texts" => "#builder".to_owned(),
        "add-page" => format!("#page-{}", spec.pages.len().saturating_sub(1)),
        "move-page" if up => format!("#page-{}", page.saturating_sub(1)),
        "move-page" => format!("#page-{}", page + 1),
        "remove-page" => "#builder".to_owned(),
        "set-rule" | "remove-rule" => "#rules".to_owned(),
        "details" => "/details".to_owned(),
        "own-statuses" | "set-statuses" | "add-status" | "move-status" | "remove-status" => {
            "/statuses".to_owned()
        }
        _ => format!("#page-{page}"),
    };
    // A change to a group's own questions: back to the group's page.
    let group_change = matches!(op.as_str(), "add-field" | "move-field" | "remove-field")
        || (op == "set-field" && moved_option.is_none());
    if let Some(path) = group_path.as_ref().filter(|_| group_change) {
        return Redirect::to(&format!("{path}#inner")).into_response();
    }
    if let Some((n, up)) = moved_option.filter(|_| op == "set-field") {
        // Back to the question, at the option that moved.
        let at = if up { n.saturating_sub(1) } else { n + 1 };
        return Redirect::to(&format!("{field_path}#option-{at}")).into_response();
    }
    Redirect::to(&format!("{draft_path}{anchor}")).into_response()
}

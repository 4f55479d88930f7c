//! Form authoring: the services an author may edit (`/staff/forms`), a new
//! one from a template or an imported definition, and one service's draft
//! (`/staff/forms/<key>`): its definition, its problems each where it is,
//! what it changes against the live version and how many residents' open
//! drafts that affects, export as JSON or TOML, and publishing. Plain
//! forms, posted to the server (`server::http::authoring`).

use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::i18n::{use_locale, FluentArg};
use crate::model::{AppError, AuthoringList, FormDraftView};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Where authoring is.
pub const FORMS_PATH: &str = "/staff/forms";

/// The signed-in author, or the error to show instead.
#[cfg(feature = "ssr")]
fn author() -> Result<crate::ssr::StaffSignedIn, AppError> {
    use crate::ssr::{is_author, redirect, set_status, staff_signed_in};
    let Some(staff) = staff_signed_in() else {
        redirect("/staff/signin");
        return Err(AppError::StaffSignInRequired);
    };
    if !is_author(&staff) {
        set_status(404);
        return Err(AppError::NotFound);
    }
    Ok(staff)
}

#[cfg(feature = "ssr")]
fn posted() -> Option<crate::model::AdminPosted> {
    let posted = use_context::<crate::ssr::AdminAnswer>()?.posted?;
    if !posted.errors.is_empty() {
        crate::ssr::set_status(422);
    }
    Some(posted)
}

#[server(endpoint = "authoring_list")]
pub async fn get_authoring_list() -> Result<AuthoringList, AppError> {
    let staff = author()?;
    let mut list = crate::ssr::ports()?
        .authoring
        .list(&staff, use_locale())
        .await?;
    list.posted = posted();
    Ok(list)
}

#[server(endpoint = "authoring_draft")]
pub async fn get_form_draft(key: String) -> Result<FormDraftView, AppError> {
    let staff = author()?;
    match crate::ssr::ports()?
        .authoring
        .draft(&staff, &key, use_locale())
        .await?
    {
        Some(mut view) => {
            view.posted = posted();
            // `?published=<version>` after publishing.
            view.published = use_context::<http::request::Parts>().and_then(|parts| {
                parts
                    .uri
                    .query()?
                    .split('&')
                    .find_map(|p| p.strip_prefix("published=")?.parse().ok())
            });
            Ok(view)
        }
        None => {
            crate::ssr::set_status(404);
            Err(AppError::NotFound)
        }
    }
}

#[component]
pub fn FormsPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new(|| (), |_| get_authoring_list());
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! { <FormsList list /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn FormDraftPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        get_form_draft,
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(draft) => view! { <Draft draft /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The summary of a form that came back with errors.
fn error_summary(posted: Option<&crate::model::AdminPosted>) -> Option<AnyView> {
    let locale = use_locale();
    let posted = posted.filter(|p| !p.errors.is_empty())?;
    let items = Signal::stored(
        posted
            .errors
            .iter()
            .map(|(id, key)| SummaryItem {
                target_id: id.clone(),
                message: locale.t(key),
            })
            .collect::<Vec<_>>(),
    );
    Some(view! { <ErrorSummary items node_ref=NodeRef::new() /> }.into_any())
}

#[component]
fn FormsList(list: AuthoringList) -> impl IntoView {
    let locale = use_locale();
    let posted = list.posted.clone();
    let typed = |form: &str, name: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value(form, name))
            .unwrap_or_default()
    };
    let error_at = |id: &str| {
        posted
            .as_ref()
            .and_then(|p| p.errors.iter().find(|(at, _)| at == id))
            .map(|(_, key)| locale.t(key))
    };
    let heading = locale.t("authoring-title");
    let title = if posted.as_ref().is_some_and(|p| !p.errors.is_empty()) {
        format!("{} {heading}", locale.t("error-title-prefix"))
    } else {
        heading.clone()
    };
    let field_error = |id: &'static str| {
        error_at(id).map(|message| {
            view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{locale.t("error-prefix")}</span>
                    {message}
                </p>
            }
        })
    };
    let group = |id: &str| {
        if error_at(id).is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let services = view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{locale.t("authoring-services")}</caption>
                <thead><tr>
                    <th scope="col">{locale.t("admin-service")}</th>
                    <th scope="col">{locale.t("authoring-live")}</th>
                    <th scope="col">{locale.t("authoring-draft")}</th>
                </tr></thead>
                <tbody>
                    {list.services.into_iter().map(|s| view! {
                        <tr>
                            <td><a href=format!("{FORMS_PATH}/{}", s.key)>{s.title}</a></td>
                            <td>{s.live_version.map_or_else(
                                || locale.t("authoring-not-published"),
                                |v| locale.t_args("authoring-version", &[("version", FluentArg::Num(i64::from(v)))]),
                            )}</td>
                            <td>{if s.has_draft { locale.t("authoring-has-draft") } else { String::new() }}</td>
                        </tr>
                    }.into_any()).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any();
    view! {
        {error_summary(posted.as_ref())}
        <Title text=title />
        <a class="back-link" href="/staff">{locale.t("admin-back-staff")}</a>
        <h1>{heading}</h1>
        <h2>{locale.t("authoring-services")}</h2>
        {services}

        <h2>{locale.t("authoring-template-heading")}</h2>
        <form method="post" action=FORMS_PATH novalidate=true>
            <input type="hidden" name="action" value="template" />
            <div class="form-group">
                <label class="label" for="template">{locale.t("authoring-template")}</label>
                <select class="select" id="template" name="template">
                    {list.templates.into_iter().map(|t| {
                        let chosen = t.value == typed("template", "template");
                        view! { <option value=t.value selected=chosen>{t.label}</option> }.into_any()
                    }).collect_view()}
                </select>
            </div>
            <div class=group("template-key")>
                <label class="label" for="template-key">{locale.t("authoring-key")}</label>
                <div class="hint" id="template-key-hint">{locale.t("authoring-key-hint")}</div>
                {field_error("template-key")}
                <input class="input" id="template-key" name="key" type="text" spellcheck="false"
                    value=typed("template", "key") aria-describedby="template-key-hint" />
            </div>
            <button type="submit" class="button">{locale.t("authoring-template-start")}</button>
        </form>

        <h2>{locale.t("authoring-import-heading")}</h2>
        <form method="post" action=FORMS_PATH novalidate=true>
            <input type="hidden" name="action" value="import" />
            <div class=group("import-definition")>
                <label class="label" for="import-definition">{locale.t("authoring-import-label")}</label>
                <div class="hint" id="import-definition-hint">{locale.t("authoring-import-hint")}</div>
                {field_error("import-definition")}
                <textarea class="textarea textarea--code" id="import-definition" name="definition" rows="10"
                    spellcheck="false" aria-describedby="import-definition-hint">
                    {crate::components::field::textarea_text(&typed("import", "definition"))}
                </textarea>
            </div>
            <button type="submit" class="button button--secondary">{locale.t("authoring-import")}</button>
        </form>
    }
}

#[component]
fn Draft(draft: FormDraftView) -> impl IntoView {
    let locale = use_locale();
    let base = format!("{FORMS_PATH}/{}", draft.key);
    let heading = draft.title.clone();
    let publishable = draft.unreadable.is_none() && draft.problems.is_empty() && draft.has_draft;
    let title = if draft.posted.as_ref().is_some_and(|p| !p.errors.is_empty()) {
        format!("{} {heading}", locale.t("error-title-prefix"))
    } else {
        heading.clone()
    };
    let problems = (draft.unreadable.is_some() || !draft.problems.is_empty()).then(|| {
        view! {
            <section class="panel panel--notice" aria-labelledby="problems-heading" id="problems">
                <h2 class="panel__title" id="problems-heading">
                    {locale.t_args("authoring-problems", &[("count", FluentArg::Num((draft.problems.len() + usize::from(draft.unreadable.is_some())) as i64))])}
                </h2>
                {draft.unreadable.clone().map(|why| view! {
                    <p>{locale.t("authoring-unreadable")}</p>
                    <pre class="code">{why}</pre>
                })}
                <ul class="list">
                    {draft.problems.iter().map(|p| view! {
                        <li><code>{p.path.clone()}</code>": "{p.message.clone()}</li>
                    }.into_any()).collect_view()}
                </ul>
            </section>
        }
        .into_any()
    });
    let changes = draft.changes.clone().map(|c| {
        let line = |key: &'static str, items: Vec<String>| {
            (!items.is_empty()).then(|| {
                view! {
                    <li>{locale.t(key)}": "{items.join(", ")}</li>
                }
            })
        };
        view! {
            <section aria-labelledby="changes-heading">
                <h2 id="changes-heading">{locale.t("authoring-changes")}</h2>
                <ul class="list">
                    {line("authoring-added-pages", c.added_pages)}
                    {line("authoring-removed-pages", c.removed_pages)}
                    {line("authoring-added-fields", c.added_fields)}
                    {line("authoring-removed-fields", c.removed_fields)}
                    {line("authoring-changed-fields", c.changed_fields)}
                </ul>
                <p>{locale.t_args("authoring-open-drafts", &[
                    ("count", FluentArg::Num(draft.open_drafts as i64)),
                    ("affected", FluentArg::Num(draft.affected_drafts as i64)),
                ])}</p>
            </section>
        }
        .into_any()
    });
    let exports = view! {
        <h2>{locale.t("authoring-export")}</h2>
        <ul class="list">
            <li><a href=format!("{base}/export.json") download=true>{locale.t("authoring-export-json")}</a></li>
            <li><a href=format!("{base}/export.toml") download=true>{locale.t("authoring-export-toml")}</a></li>
        </ul>
    }
    .into_any();
    view! {
        {error_summary(draft.posted.as_ref())}
        <Title text=title />
        <a class="back-link" href=FORMS_PATH>{locale.t("authoring-back")}</a>
        <p class="caption">{draft.key.clone()}</p>
        <h1>{heading}</h1>
        {draft.published.map(|v| view! {
            <div class="panel panel--notice" role="status">
                <p class="panel__title">{locale.t_args("authoring-published", &[("version", FluentArg::Num(i64::from(v)))])}</p>
            </div>
        })}
        <p>
            {draft.live_version.map_or_else(
                || locale.t("authoring-not-published"),
                |v| locale.t_args("authoring-live-version", &[("version", FluentArg::Num(i64::from(v)))]),
            )}
            " "
            {if draft.has_draft { locale.t("authoring-editing-draft") } else { locale.t("authoring-no-draft") }}
        </p>
        {problems}
        {changes}
        <form method="post" action=base.clone() novalidate=true>
            <div class="form-group">
                <label class="label" for="definition">{locale.t("authoring-definition")}</label>
                <div class="hint" id="definition-hint">{locale.t("authoring-definition-hint")}</div>
                <textarea class="textarea textarea--code" id="definition" name="definition" rows="24"
                    spellcheck="false" aria-describedby="definition-hint">
                    {crate::components::field::textarea_text(&draft.text)}
                </textarea>
            </div>
            <button type="submit" class="button button--secondary">{locale.t("authoring-save")}</button>
        </form>
        <form method="post" action=format!("{base}/publish") class="inline-form">
            <button type="submit" class="button" disabled=!publishable aria-describedby=(!publishable).then_some("publish-hint")>
                {locale.t("authoring-publish")}
            </button>
            {(!publishable).then(|| view! { <p class="hint" id="publish-hint">{locale.t("authoring-publish-hint")}</p> })}
        </form>
        {draft.has_draft.then(|| view! {
            <form method="post" action=format!("{base}/discard") class="inline-form">
                <button type="submit" class="button button--secondary">{locale.t("authoring-discard")}</button>
            </form>
        })}
        {exports}
    }
}

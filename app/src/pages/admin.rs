//! Administration: organisations, staff and their roles, who owns and
//! handles each service, and the back-office integrations (API tokens and
//! webhooks with their deliveries). Only for administrators; to anyone
//! else these pages do not exist. Plain pages with plain forms, which post
//! to the server (`server::http::admin`); a form with errors comes back
//! (422) with an error summary and everything typed kept.

use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::{
    AdminOverview, AdminPosted, AppError, Choice, Integrations, ServiceEdit, ShownOnce, StaffEdit,
    ROLES,
};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Where administration is.
pub const ADMIN_PATH: &str = "/staff/admin";

#[cfg(feature = "ssr")]
fn administrator() -> Result<crate::ssr::StaffSignedIn, AppError> {
    crate::ssr::staff_who(crate::ssr::is_administrator)
}

#[cfg(feature = "ssr")]
fn answer() -> (Option<AdminPosted>, Option<ShownOnce>) {
    let answer = crate::ssr::staff_answer();
    (answer.posted, answer.shown_once)
}

#[server(endpoint = "admin_overview")]
pub async fn get_admin_overview() -> Result<AdminOverview, AppError> {
    administrator()?;
    let mut overview = crate::ssr::ports()?.admin.overview(use_locale()).await?;
    overview.posted = answer().0;
    Ok(overview)
}

/// A member of staff by id, or `new` for the form that adds one.
#[server(endpoint = "admin_staff")]
pub async fn get_staff_edit(id: String) -> Result<StaffEdit, AppError> {
    administrator()?;
    let id = match id.as_str() {
        "new" => None,
        other => Some(other.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    match crate::ssr::ports()?
        .admin
        .staff_member(id, use_locale())
        .await?
    {
        Some(mut edit) => {
            (edit.posted, edit.shown_once) = answer();
            Ok(edit)
        }
        None => {
            crate::ssr::set_status(404);
            Err(AppError::NotFound)
        }
    }
}

#[server(endpoint = "admin_service")]
pub async fn get_service_edit(key: String) -> Result<ServiceEdit, AppError> {
    administrator()?;
    match crate::ssr::ports()?
        .admin
        .service(&key, use_locale())
        .await?
    {
        Some(mut edit) => {
            edit.posted = answer().0;
            Ok(edit)
        }
        None => {
            crate::ssr::set_status(404);
            Err(AppError::NotFound)
        }
    }
}

#[server(endpoint = "admin_integrations")]
pub async fn get_integrations() -> Result<Integrations, AppError> {
    administrator()?;
    let mut integrations = crate::ssr::ports()?
        .admin
        .integrations(use_locale())
        .await?;
    (integrations.posted, integrations.shown_once) = answer();
    Ok(integrations)
}

/// The error summary of a form that came back, and the page title's prefix.
pub(crate) fn summary(posted: Option<&AdminPosted>, locale: Locale) -> (Option<AnyView>, String) {
    let Some(posted) = posted.filter(|p| !p.errors.is_empty()) else {
        return (None, String::new());
    };
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
    (
        Some(view! { <ErrorSummary items node_ref=NodeRef::new() /> }.into_any()),
        format!("{} ", locale.t("error-title-prefix")),
    )
}

/// The error at input `id`, in words.
pub(crate) fn error_at(posted: Option<&AdminPosted>, id: &str, locale: Locale) -> Option<String> {
    posted?
        .errors
        .iter()
        .find(|(at, _)| at == id)
        .map(|(_, key)| locale.t(key))
}

/// A labelled text input, with its error.
#[component]
fn TextField(
    id: &'static str,
    name: &'static str,
    label: String,
    value: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] error: Option<String>,
    #[prop(optional)] kind: Option<&'static str>,
) -> impl IntoView {
    let locale = use_locale();
    let error = error.filter(|e| !e.is_empty());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<String> = hint
        .as_ref()
        .map(|_| hint_id.clone())
        .into_iter()
        .chain(error.as_ref().map(|_| error_id.clone()))
        .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    view! {
        <div class=if error.is_some() { "form-group form-group--error" } else { "form-group" }>
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=hint_id>{h}</div> })}
            {error.clone().map(|e| view! {
                <p class="error-message" id=error_id>
                    <span class="visually-hidden">{locale.t("error-prefix")}</span>
                    {e}
                </p>
            })}
            <input
                class="input"
                id=id
                name=name
                type=kind.unwrap_or("text")
                spellcheck="false"
                value=value
                aria-describedby=described
                aria-invalid=error.is_some().then_some("true")
            />
        </div>
    }
}

/// A labelled select with a first "none" choice when `none` is given.
#[component]
fn SelectField(
    id: &'static str,
    name: &'static str,
    label: String,
    choices: Vec<Choice>,
    selected: String,
    #[prop(optional)] none: Option<String>,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label" for=id>{label}</label>
            <select class="select" id=id name=name>
                {none.map(|n| view! { <option value="" selected=selected.is_empty()>{n}</option> })}
                {choices.into_iter().map(|c| {
                    let chosen = c.value == selected;
                    view! { <option value=c.value selected=chosen>{c.label}</option> }
                }.into_any()).collect_view()}
            </select>
        </div>
    }
}

/// A group of checkboxes under one legend, all posted under `name`.
#[component]
fn Checkboxes(
    id: &'static str,
    name: &'static str,
    legend: String,
    choices: Vec<Choice>,
    checked: Vec<String>,
    #[prop(optional)] error: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let error = error.filter(|e| !e.is_empty());
    let error_id = format!("{id}-error");
    view! {
        <div class=if error.is_some() { "form-group form-group--error" } else { "form-group" }>
            <fieldset class="fieldset" aria-describedby=error.as_ref().map(|_| error_id.clone())>
                <legend class="fieldset__legend">{legend}</legend>
                {error.clone().map(|e| view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">{locale.t("error-prefix")}</span>
                        {e}
                    </p>
                })}
                {choices.into_iter().enumerate().map(|(n, c)| {
                    // The first box carries the group's id, for the summary's link.
                    let box_id = if n == 0 { id.to_owned() } else { format!("{id}-{n}") };
                    let on = checked.contains(&c.value);
                    view! {
                        <div class="choice">
                            <input class="choice__input" type="checkbox" id=box_id.clone() name=name value=c.value checked=on />
                            <label class="choice__label" for=box_id>{c.label}</label>
                        </div>
                    }
                }.into_any()).collect_view()}
            </fieldset>
        </div>
    }
}

/// A secret shown once, with what to do with it.
#[component]
fn ShownOncePanel(shown: ShownOnce) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="panel panel--notice" role="status">
            <h2 class="panel__title">{locale.t(&format!("admin-shown-once-{}", shown.kind))}</h2>
            <p>{locale.t("admin-shown-once-hint")}</p>
            <p><code class="secret">{shown.secret}</code></p>
        </div>
    }
}

fn role_choices(locale: Locale) -> Vec<Choice> {
    ROLES
        .iter()
        .map(|r| Choice {
            value: (*r).to_owned(),
            label: locale.t(&format!("role-{r}")),
        })
        .collect()
}

/// A page that loads with `fetch` (given the route's parameter `param`, if
/// any) and draws `inner` with what came, or the error.
macro_rules! admin_page {
    ($name:ident, $inner:ident, $fetch:expr) => {
        admin_page!($name, $inner, |_: String| $fetch, "");
    };
    ($name:ident, $inner:ident, $fetch:expr, $param:expr) => {
        #[component]
        pub fn $name() -> impl IntoView {
            let locale = use_locale();
            let params = use_params_map();
            let data = Resource::new(
                move || params.read().get($param).unwrap_or_default(),
                $fetch,
            );
            view! {
                <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
                    {move || Suspend::new(async move {
                        match data.await {
                            Ok(data) => view! { <$inner data /> }.into_any(),
                            Err(error) => view! { <LoadError error /> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        }
    };
}

admin_page!(AdminPage, Overview, get_admin_overview());
admin_page!(IntegrationsPage, IntegrationsView, get_integrations());
admin_page!(StaffEditPage, StaffForm, get_staff_edit, "id");
admin_page!(ServiceEditPage, ServiceForm, get_service_edit, "key");

#[component]
fn Overview(data: AdminOverview) -> impl IntoView {
    let locale = use_locale();
    let posted = data.posted.clone();
    let (summary, prefix) = summary(posted.as_ref(), locale);
    let typed = |name: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value("organisation", name))
            .unwrap_or_default()
    };
    let heading = locale.t("admin-title");
    let none = || locale.t("admin-none");
    let staff_section = view! {
        <h2 id="staff-heading">{locale.t("admin-staff-heading")}</h2>
        <p><a class="button button--secondary" href=format!("{ADMIN_PATH}/staff/new")>{locale.t("admin-staff-add")}</a></p>
        <div class="table-wrap">
        <table class="table">
            <caption class="visually-hidden">{locale.t("admin-staff-heading")}</caption>
            <thead><tr>
                <th scope="col">{locale.t("admin-name")}</th>
                <th scope="col">{locale.t("admin-username")}</th>
                <th scope="col">{locale.t("admin-organisation")}</th>
                <th scope="col">{locale.t("admin-roles")}</th>
                <th scope="col">{locale.t("admin-services")}</th>
            </tr></thead>
            <tbody>
                {data.staff.into_iter().map(|s| {
                    let roles: Vec<String> = s.roles.iter().map(|r| locale.t(&format!("role-{r}"))).collect();
                    view! {
                        <tr>
                            <td>
                                <a href=format!("{ADMIN_PATH}/staff/{}", s.id)>{s.name}</a>
                                {s.disabled.then(|| view! { " " <strong class="tag">{locale.t("admin-disabled")}</strong> })}
                            </td>
                            <td>{s.username}</td>
                            <td>{s.organisation.unwrap_or_else(none)}</td>
                            <td>{roles.join(", ")}</td>
                            <td>{s.services.join(", ")}</td>
                        </tr>
                    }
                }.into_any()).collect_view()}
            </tbody>
        </table>
        </div>


    }
    .into_any();
    let services_section = view! {
        <h2>{locale.t("admin-services-heading")}</h2>
        <div class="table-wrap">
        <table class="table">
            <caption class="visually-hidden">{locale.t("admin-services-heading")}</caption>
            <thead><tr>
                <th scope="col">{locale.t("admin-service")}</th>
                <th scope="col">{locale.t("admin-organisation")}</th>
                <th scope="col">{locale.t("admin-owner")}</th>
                <th scope="col">{locale.t("admin-handlers")}</th>
                <th scope="col">{locale.t("admin-default-handler")}</th>
            </tr></thead>
            <tbody>
                {data.services.into_iter().map(|s| view! {
                    <tr>
                        <td><a href=format!("{ADMIN_PATH}/services/{}", s.key)>{s.title}</a></td>
                        <td>{s.organisation.unwrap_or_else(none)}</td>
                        <td>{s.owner.unwrap_or_else(none)}</td>
                        <td>{if s.handlers.is_empty() { none() } else { s.handlers.join(", ") }}</td>
                        <td>{s.default_handler.unwrap_or_else(none)}</td>
                    </tr>
                }.into_any()).collect_view()}
            </tbody>
        </table>
        </div>


    }
    .into_any();
    let organisations_section = view! {
        <h2>{locale.t("admin-organisations-heading")}</h2>
        <div class="table-wrap">
        <table class="table">
            <caption class="visually-hidden">{locale.t("admin-organisations-heading")}</caption>
            <thead><tr>
                <th scope="col">{locale.t("admin-name")}</th>
                <th scope="col">{locale.t("admin-key")}</th>
                <th scope="col">{locale.t("admin-members")}</th>
            </tr></thead>
            <tbody>
                {data.organisations.into_iter().map(|o| view! {
                    <tr><td>{o.name}</td><td>{o.key}</td><td>{o.members}</td></tr>
                }.into_any()).collect_view()}
            </tbody>
        </table>
        </div>
        <form method="post" action=format!("{ADMIN_PATH}/organisations") novalidate=true>
            <h3>{locale.t("admin-organisation-add")}</h3>
            <TextField id="organisation-name" name="name" label=locale.t("admin-name") value=typed("name")
                error=error_at(posted.as_ref(), "organisation-name", locale).unwrap_or_default() />
            <TextField id="organisation-key" name="key" label=locale.t("admin-key") value=typed("key")
                hint=locale.t("admin-key-hint") error=error_at(posted.as_ref(), "organisation-key", locale).unwrap_or_default() />
            <button type="submit" class="button">{locale.t("admin-organisation-add")}</button>
        </form>
    }
    .into_any();
    view! {
        {summary}
        <Title text=format!("{prefix}{heading}") />
        <a class="back-link" href="/staff">{locale.t("admin-back-staff")}</a>
        <h1>{heading}</h1>
        <p><a href=format!("{ADMIN_PATH}/integrations")>{locale.t("admin-integrations-title")}</a></p>

        {staff_section}
        {services_section}
        {organisations_section}

    }
}

#[component]
fn StaffForm(data: StaffEdit) -> impl IntoView {
    let locale = use_locale();
    let posted = data.posted.clone();
    let (summary, prefix) = summary(posted.as_ref(), locale);
    let form = "staff";
    let text = |name: &str, stored: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value(form, name))
            .unwrap_or_else(|| stored.to_owned())
    };
    let many = |name: &str, stored: &[String]| {
        posted
            .as_ref()
            .and_then(|p| p.values(form, name))
            .unwrap_or_else(|| stored.to_vec())
    };
    let err = |id: &str| error_at(posted.as_ref(), id, locale).unwrap_or_default();
    let heading = match data.id {
        Some(_) => data.name.clone(),
        None => locale.t("admin-staff-add"),
    };
    let action = match data.id {
        Some(id) => format!("{ADMIN_PATH}/staff/{id}"),
        None => format!("{ADMIN_PATH}/staff"),
    };
    let flag = |name: &str, stored: bool| {
        posted
            .as_ref()
            .and_then(|p| p.values(form, name))
            .map_or(stored, |v| !v.is_empty())
    };
    let disabled = flag("disabled", data.disabled);
    let provider_only = flag("provider_only", data.provider_only);
    view! {
        {summary}
        <Title text=format!("{prefix}{heading}") />
        <a class="back-link" href=ADMIN_PATH>{locale.t("admin-back")}</a>
        <h1>{heading}</h1>
        {data.shown_once.map(|shown| view! { <ShownOncePanel shown /> })}
        <form method="post" action=action novalidate=true>
            <TextField id="staff-name" name="name" label=locale.t("admin-name") value=text("name", &data.name) error=err("staff-name") />
            {match data.id {
                None => view! {
                    <TextField id="staff-username" name="username" label=locale.t("admin-username")
                        value=text("username", &data.username) hint=locale.t("admin-username-hint") error=err("staff-username") />
                }.into_any(),
                Some(_) => view! {
                    <p><strong>{locale.t("admin-username")}</strong>": "{data.username.clone()}</p>
                }.into_any(),
            }}
            <SelectField id="staff-organisation" name="organisation" label=locale.t("admin-organisation")
                choices=data.organisations.clone() selected=text("organisation", &data.organisation) none=locale.t("admin-none") />
            <Checkboxes id="staff-roles" name="roles" legend=locale.t("admin-roles") choices=role_choices(locale)
                checked=many("roles", &data.roles) error=err("staff-roles") />
            <Checkboxes id="staff-services" name="services" legend=locale.t("admin-services")
                choices=data.all_services.clone() checked=many("services", &data.services) />
            {match data.id {
                None => view! {
                    <div class="form-group">
                        <div class="choice">
                            <input class="choice__input" type="checkbox" id="staff-provider-only" name="provider_only" value="yes" checked=provider_only />
                            <label class="choice__label" for="staff-provider-only">{locale.t("admin-provider-only")}</label>
                        </div>
                    </div>
                }.into_any(),
                Some(_) => view! {
                    <div class=if err("staff-disabled").is_empty() { "form-group" } else { "form-group form-group--error" }>
                        {(!err("staff-disabled").is_empty()).then(|| view! {
                            <p class="error-message" id="staff-disabled-error">{err("staff-disabled")}</p>
                        })}
                        <div class="choice">
                            <input class="choice__input" type="checkbox" id="staff-disabled" name="disabled" value="yes" checked=disabled />
                            <label class="choice__label" for="staff-disabled">{locale.t("admin-disable")}</label>
                        </div>
                    </div>
                }.into_any(),
            }}
            <button type="submit" class="button">{locale.t("admin-save")}</button>
        </form>
    }
}

#[component]
fn ServiceForm(data: ServiceEdit) -> impl IntoView {
    let locale = use_locale();
    let posted = data.posted.clone();
    let (summary, prefix) = summary(posted.as_ref(), locale);
    let form = "service";
    let text = |name: &str, stored: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value(form, name))
            .unwrap_or_else(|| stored.to_owned())
    };
    let handlers = posted
        .as_ref()
        .and_then(|p| p.values(form, "handlers"))
        .unwrap_or_else(|| data.handlers.clone());
    let heading = data.title.clone();
    view! {
        {summary}
        <Title text=format!("{prefix}{heading}") />
        <a class="back-link" href=ADMIN_PATH>{locale.t("admin-back")}</a>
        <p class="caption">{locale.t("admin-service")}</p>
        <h1>{heading}</h1>
        <form method="post" action=format!("{ADMIN_PATH}/services/{}", data.key) novalidate=true>
            <SelectField id="service-organisation" name="organisation" label=locale.t("admin-organisation")
                choices=data.organisations.clone() selected=text("organisation", &data.organisation) none=locale.t("admin-none") />
            <SelectField id="service-owner" name="owner" label=locale.t("admin-owner")
                choices=data.staff.clone() selected=text("owner", &data.owner) none=locale.t("admin-none") />
            <Checkboxes id="service-handlers" name="handlers" legend=locale.t("admin-handlers")
                choices=data.staff.clone() checked=handlers
                error=error_at(posted.as_ref(), "service-handlers", locale).unwrap_or_default() />
            <SelectField id="service-default" name="default" label=locale.t("admin-default-handler")
                choices=data.staff.clone() selected=text("default", &data.default_handler) none=locale.t("admin-none") />
            <button type="submit" class="button">{locale.t("admin-save")}</button>
        </form>
    }
}

#[component]
fn IntegrationsView(data: Integrations) -> impl IntoView {
    let locale = use_locale();
    let posted = data.posted.clone();
    let (summary, prefix) = summary(posted.as_ref(), locale);
    let typed = |form: &str, name: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value(form, name))
            .unwrap_or_default()
    };
    let err = |id: &str| error_at(posted.as_ref(), id, locale).unwrap_or_default();
    let heading = locale.t("admin-integrations-title");
    let state = |gone: bool| {
        if gone {
            locale.t("admin-revoked")
        } else {
            locale.t("admin-live")
        }
    };
    let tokens_section = view! {
        <h2>{locale.t("admin-tokens-heading")}</h2>
        <div class="table-wrap">
        <table class="table">
            <caption class="visually-hidden">{locale.t("admin-tokens-heading")}</caption>
            <thead><tr>
                <th scope="col">{locale.t("admin-system")}</th>
                <th scope="col">{locale.t("admin-service")}</th>
                <th scope="col">{locale.t("admin-created")}</th>
                <th scope="col">{locale.t("admin-last-used")}</th>
                <th scope="col">{locale.t("admin-state")}</th>
            </tr></thead>
            <tbody>
                {data.tokens.into_iter().map(|t| view! {
                    <tr>
                        <td>{t.system.clone()}</td>
                        <td>{t.service}</td>
                        <td>{t.created}</td>
                        <td>{t.last_used.unwrap_or_else(|| locale.t("admin-never"))}</td>
                        <td>
                            {state(t.revoked)}
                            {(!t.revoked).then(|| view! {
                                <form method="post" action=format!("{ADMIN_PATH}/tokens/{}/revoke", t.id) class="inline-form">
                                    <button type="submit" class="button button--secondary button--small">
                                        {locale.t("admin-revoke")}
                                        <span class="visually-hidden">" "{t.system.clone()}</span>
                                    </button>
                                </form>
                            })}
                        </td>
                    </tr>
                }.into_any()).collect_view()}
            </tbody>
        </table>
        </div>
        <form method="post" action=format!("{ADMIN_PATH}/tokens") novalidate=true>
            <h3>{locale.t("admin-token-add")}</h3>
            <TextField id="token-system" name="system" label=locale.t("admin-system") value=typed("token", "system")
                hint=locale.t("admin-system-hint") error=err("token-system") />
            <SelectField id="token-service" name="service" label=locale.t("admin-service")
                choices=data.services.clone() selected=typed("token", "service") />
            <button type="submit" class="button">{locale.t("admin-token-add")}</button>
        </form>


    }
    .into_any();
    let webhooks_section = view! {
        <h2>{locale.t("admin-webhooks-heading")}</h2>
        <div class="table-wrap">
        <table class="table">
            <caption class="visually-hidden">{locale.t("admin-webhooks-heading")}</caption>
            <thead><tr>
                <th scope="col">{locale.t("admin-number")}</th>
                <th scope="col">{locale.t("admin-service")}</th>
                <th scope="col">{locale.t("admin-url")}</th>
                <th scope="col">{locale.t("admin-created")}</th>
                <th scope="col">{locale.t("admin-state")}</th>
            </tr></thead>
            <tbody>
                {data.webhooks.into_iter().map(|w| view! {
                    <tr>
                        <td>{w.id}</td>
                        <td>{w.service}</td>
                        <td class="break">{w.url}</td>
                        <td>{w.created}</td>
                        <td>
                            {state(w.removed)}
                            {(!w.removed).then(|| view! {
                                <form method="post" action=format!("{ADMIN_PATH}/webhooks/{}/remove", w.id) class="inline-form">
                                    <button type="submit" class="button button--secondary button--small">
                                        {locale.t("admin-remove")}
                                        <span class="visually-hidden">" "{w.id}</span>
                                    </button>
                                </form>
                            })}
                        </td>
                    </tr>
                }.into_any()).collect_view()}
            </tbody>
        </table>
        </div>
        <form method="post" action=format!("{ADMIN_PATH}/webhooks") novalidate=true>
            <h3>{locale.t("admin-webhook-add")}</h3>
            <SelectField id="webhook-service" name="service" label=locale.t("admin-service")
                choices=data.services.clone() selected=typed("webhook", "service") />
            <TextField id="webhook-url" name="url" label=locale.t("admin-url") value=typed("webhook", "url")
                hint=locale.t("admin-url-hint") error=err("webhook-url") kind="url" />
            <button type="submit" class="button">{locale.t("admin-webhook-add")}</button>
        </form>


    }
    .into_any();
    let deliveries_section = view! {
        <h2>{locale.t("admin-deliveries-heading")}</h2>
        {data.deliveries.is_empty().then(|| view! { <p>{locale.t("admin-deliveries-none")}</p> })}
        <div class="table-wrap">
        <table class="table">
            <caption class="visually-hidden">{locale.t("admin-deliveries-heading")}</caption>
            <thead><tr>
                <th scope="col">{locale.t("admin-event")}</th>
                <th scope="col">{locale.t("case-reference")}</th>
                <th scope="col">{locale.t("admin-webhook")}</th>
                <th scope="col">{locale.t("admin-created")}</th>
                <th scope="col">{locale.t("admin-attempts")}</th>
                <th scope="col">{locale.t("admin-state")}</th>
            </tr></thead>
            <tbody>
                {data.deliveries.into_iter().map(|d| view! {
                    <tr>
                        <td>{d.event}</td>
                        <td class="reference">{d.reference}</td>
                        <td>{d.webhook_id}</td>
                        <td>{d.created}</td>
                        <td>{d.attempts}</td>
                        <td>
                            <strong class="tag">{locale.t(&format!("admin-delivery-{}", d.state))}</strong>
                            " "
                            {locale.t_args(&format!("admin-delivery-{}-when", d.state), &[("time", FluentArg::Str(d.when))])}
                            {d.last_error.map(|e| view! { <br /> <span class="hint">{e}</span> })}
                        </td>
                    </tr>
                }.into_any()).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any();
    view! {
        {summary}
        <Title text=format!("{prefix}{heading}") />
        <a class="back-link" href=ADMIN_PATH>{locale.t("admin-back")}</a>
        <h1>{heading}</h1>
        <p>{locale.t("admin-integrations-intro")}</p>
        {data.shown_once.map(|shown| view! { <ShownOncePanel shown /> })}

        {tokens_section}
        {webhooks_section}
        {deliveries_section}

    }
}

//! Form authoring: the services an author may edit (`/staff/forms`), a new
//! one from a template or an imported definition, and one service's draft
//! (`/staff/forms/<key>`): its definition, its problems each where it is,
//! what it changes against the live version and how many residents' open
//! drafts that affects, export as JSON or TOML, and publishing. Plain
//! forms, posted to the server (`server::http::authoring`).

use crate::i18n::{use_locale, FluentArg};
use crate::model::{
    AppError, AuthoringList, BuilderView, Choice, FormDraftView, PreviewData, Texts,
};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Where authoring is.
pub const FORMS_PATH: &str = "/staff/forms";

#[cfg(feature = "ssr")]
fn author() -> Result<crate::ssr::StaffSignedIn, AppError> {
    crate::ssr::staff_who(crate::ssr::is_author)
}

#[cfg(feature = "ssr")]
fn posted() -> Option<crate::model::AdminPosted> {
    crate::ssr::staff_answer().posted
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
    crate::pages::admin::summary(posted, use_locale()).0
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
    let error_at = |id: &str| crate::pages::admin::error_at(posted.as_ref(), id, locale);
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
        <p><a href=crate::pages::publishing::STATISTICS_PATH>{locale.t("statistics-summary-open")}</a></p>
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
                    {draft.problems.iter().map(|p| {
                        let at = match (p.page, p.field) {
                            (Some(page), Some(field)) => Some(format!("{base}/pages/{page}/fields/{field}")),
                            (Some(page), None) => Some(format!("#page-{page}")),
                            _ => None,
                        };
                        let path = match at {
                            Some(href) => view! { <a href=href><code>{p.path.clone()}</code></a> }.into_any(),
                            None => view! { <code>{p.path.clone()}</code> }.into_any(),
                        };
                        view! { <li>{path}": "{p.message.clone()}</li> }.into_any()
                    }).collect_view()}
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
        <div id="problems-live" data-live="">{problems}</div>
        {changes}
        {draft.builder.clone().map(|builder| view! {
            <Builder builder base=base.clone() posted=draft.posted.clone() problems=draft.problems.clone() />
            <script src=crate::BUILDER_SCRIPT_PATH defer=true></script>
        })}
        <details class="details" open=draft.builder.is_none()>
            <summary class="details__summary">{locale.t("builder-advanced")}</summary>
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
        </details>
        <h2>{locale.t("authoring-publish-heading")}</h2>
        <form method="post" action=format!("{base}/publish") novalidate=true>
            {publishable.then(|| view! {
                <crate::pages::publishing::WhenFields form="publish" posted=draft.posted.clone() />
            })}
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
        <ul class="list">
            <li><a href=format!("{base}/preview")>{locale.t("preview-open")}</a></li>
            {draft.live_version.or(draft.has_draft.then_some(0)).map(|_| view! {
                <li><a href=format!("{base}/versions")>{locale.t("versions-open")}</a></li>
                <li><a href=format!("{base}/statistics")>{locale.t("statistics-open")}</a></li>
            })}
        </ul>
        {exports}
    }
}

/// The problems of one page or question, where it is drawn; always there
/// (empty when there are none), so that saving as one goes can draw it
/// again.
fn problem_list(id: String, messages: Vec<String>) -> AnyView {
    let locale = use_locale();
    view! {
        <div id=id data-live="">
            {(!messages.is_empty()).then(|| view! {
                <ul class="problem-list">
                    {messages.into_iter().map(|m| view! {
                        <li class="error-message"><span class="visually-hidden">{locale.t("error-prefix")}</span>{m}</li>
                    }.into_any()).collect_view()}
                </ul>
            })}
        </div>
    }
    .into_any()
}

/// One text in each of the form's languages, side by side; a missing one
/// is marked.
#[component]
fn TextsByLanguage(
    /// Posted as `<name>.<language>`.
    #[prop(into)]
    name: String,
    id: String,
    legend: String,
    texts: Texts,
    languages: Vec<Choice>,
    #[prop(optional)] multiline: bool,
    /// Nothing is marked missing: every text may be left out.
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{legend}</legend>
            <div class="side-by-side">
                {texts.into_iter().map(|(lang, text)| {
                    let input_id = format!("{id}-{lang}");
                    let language = languages.iter().find(|l| l.value == lang).map_or_else(|| lang.clone(), |l| l.label.clone());
                    let missing = !optional && text.trim().is_empty();
                    let input = if multiline {
                        view! {
                            <textarea class="textarea" id=input_id.clone() name=format!("{name}.{lang}") rows="3" lang=lang.clone()>
                                {crate::components::field::textarea_text(&text)}
                            </textarea>
                        }.into_any()
                    } else {
                        view! {
                            <input class="input" id=input_id.clone() name=format!("{name}.{lang}") type="text" value=text lang=lang.clone() />
                        }.into_any()
                    };
                    view! {
                        <div class="form-group side-by-side__item">
                            <label class="label" for=input_id>
                                {language}
                                {missing.then(|| view! { " " <strong class="tag tag--missing">{locale.t("builder-missing")}</strong> })}
                            </label>
                            {input}
                        </div>
                    }.into_any()
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// A button in a form of its own that makes one change (`op`) to page
/// `page` (and question `field`), with words for a screen reader saying
/// which.
#[component]
fn EditButton(
    base: String,
    op: &'static str,
    page: usize,
    #[prop(optional)] field: Option<usize>,
    /// The group question whose own question `field` is.
    #[prop(optional)]
    group: Option<usize>,
    #[prop(optional)] dir: Option<&'static str>,
    text: String,
    which: String,
) -> impl IntoView {
    view! {
        <form method="post" action=format!("{base}/edit") class="inline-form">
            <input type="hidden" name="op" value=op />
            <input type="hidden" name="page" value=page.to_string() />
            {group.map(|g| view! { <input type="hidden" name="group" value=g.to_string() /> })}
            {field.map(|f| view! { <input type="hidden" name="field" value=f.to_string() /> })}
            {dir.map(|d| view! { <input type="hidden" name="dir" value=d /> })}
            <button type="submit" class="button button--secondary button--small">
                {text}<span class="visually-hidden">": "{which}</span>
            </button>
        </form>
    }
}

/// The builder: the form's texts, its pages and their questions, each
/// change a plain form of its own.
#[component]
fn Builder(
    builder: BuilderView,
    base: String,
    posted: Option<crate::model::AdminPosted>,
    /// The draft's compile problems, each shown where it is.
    problems: Vec<crate::model::ProblemRow>,
) -> impl IntoView {
    let locale = use_locale();
    let problems_at = |page: usize, field: Option<usize>| -> Vec<String> {
        problems
            .iter()
            .filter(|p| p.page == Some(page) && p.field == field)
            .map(|p| p.message.clone())
            .collect()
    };
    let default_text = |texts: &Texts| {
        texts
            .iter()
            .map(|(_, t)| t.clone())
            .find(|t| !t.trim().is_empty())
            .unwrap_or_default()
    };
    let err = |id: &str| crate::pages::admin::error_at(posted.as_ref(), id, locale);
    let typed = |name: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value("builder", name))
            .unwrap_or_default()
    };
    let error_line = move |id: String, message: Option<String>| {
        message.map(|m| {
            view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{locale.t("error-prefix")}</span>
                    {m}
                </p>
            }
        })
    };
    let pages = builder.pages.len();
    let texts = view! {
        <form method="post" action=format!("{base}/edit") novalidate=true data-autosave="" data-autosave-saving=locale.t("builder-autosave-saving") data-autosave-saved=locale.t("builder-autosave-saved") data-autosave-failed=locale.t("builder-autosave-failed")>
            <input type="hidden" name="op" value="texts" />
            <h3>{locale.t("builder-texts-heading")}</h3>
            <TextsByLanguage name="title" id="form-title".into() legend=locale.t("builder-title") texts=builder.title.clone() languages=builder.languages.clone() />
            <TextsByLanguage name="description" id="form-description".into() legend=locale.t("builder-description") texts=builder.description.clone() languages=builder.languages.clone() multiline=true />
            <button type="submit" class="button button--secondary">{locale.t("builder-save-texts")}</button>
        </form>
        <p><a href=format!("{base}/details")>{locale.t("details-open")}</a></p>
        <p><a href=format!("{base}/statuses")>{locale.t("statuses-open")}</a></p>
    }
    .into_any();
    let page_sections = builder.pages.iter().enumerate().map(|(i, page)| {
        let title = default_text(&page.title);
        let which = locale.t_args("builder-page", &[("number", FluentArg::Num(i as i64 + 1)), ("title", FluentArg::Str(title.clone()))]);
        let key_id = format!("add-field-key-{i}");
        let label_id = format!("add-field-label-{i}");
        let key_error = err(&key_id);
        let label_error = err(&label_id);
        let rows = page.fields.iter().enumerate().map(|(f, field)| {
            let label = default_text(&field.label);
            let missing = field.label.iter().any(|(_, t)| t.trim().is_empty());
            view! {
                <tr>
                    <td>
                        {label.clone()}
                        {field.required.then(|| view! { " " <span class="tag">{locale.t("builder-required")}</span> })}
                        {missing.then(|| view! { " " <strong class="tag tag--missing">{locale.t("builder-missing")}</strong> })}
                        {problem_list(format!("problems-{i}-{f}"), problems_at(i, Some(f)))}
                    </td>
                    <td><code>{field.key.clone()}</code></td>
                    <td>{field.kind.clone()}</td>
                    <td>
                        <a href=format!("{base}/pages/{i}/fields/{f}")>{locale.t("builder-edit")}<span class="visually-hidden">": "{label.clone()}</span></a>
                        {(f > 0).then(|| view! { <EditButton base=base.clone() op="move-field" page=i field=f dir="up" text=locale.t("builder-up") which=label.clone() /> })}
                        {(f + 1 < page.fields.len()).then(|| view! { <EditButton base=base.clone() op="move-field" page=i field=f dir="down" text=locale.t("builder-down") which=label.clone() /> })}
                        <EditButton base=base.clone() op="remove-field" page=i field=f text=locale.t("builder-remove") which=label.clone() />
                    </td>
                </tr>
            }.into_any()
        }).collect_view();
        view! {
            <section class="builder-page" id=format!("page-{i}") aria-labelledby=format!("page-{i}-heading")>
                <h3 id=format!("page-{i}-heading")>{which.clone()}</h3>
                {problem_list(format!("problems-{i}"), problems_at(i, None))}
                <div class="builder-actions">
                    {(i > 0).then(|| view! { <EditButton base=base.clone() op="move-page" page=i dir="up" text=locale.t("builder-up") which=which.clone() /> })}
                    {(i + 1 < pages).then(|| view! { <EditButton base=base.clone() op="move-page" page=i dir="down" text=locale.t("builder-down") which=which.clone() /> })}
                    <EditButton base=base.clone() op="remove-page" page=i text=locale.t("builder-remove") which=which.clone() />
                </div>
                <form method="post" action=format!("{base}/edit") novalidate=true data-autosave="" data-autosave-saving=locale.t("builder-autosave-saving") data-autosave-saved=locale.t("builder-autosave-saved") data-autosave-failed=locale.t("builder-autosave-failed")>
                    <input type="hidden" name="op" value="set-page" />
                    <input type="hidden" name="page" value=i.to_string() />
                    <TextsByLanguage name="title" id=format!("page-{i}-title") legend=locale.t("builder-page-title") texts=page.title.clone() languages=builder.languages.clone() />
                    <div class="form-group">
                        <label class="label" for=format!("page-{i}-condition")>{locale.t("builder-condition")}</label>
                        <div class="hint" id=format!("page-{i}-condition-hint")>{locale.t("builder-condition-hint")}</div>
                        <input class="input input--code" id=format!("page-{i}-condition") name="visible_if" type="text" spellcheck="false"
                            value=page.visible_if.clone() aria-describedby=format!("page-{i}-condition-hint") />
                    </div>
                    <button type="submit" class="button button--secondary">{locale.t("builder-save-page")}</button>
                </form>
                {page.fields.is_empty().then(|| view! { <p>{locale.t("builder-no-questions")}</p> })}
                {(!page.fields.is_empty()).then(|| question_table(locale, which.clone(), rows.into_any()))}
                <form method="post" action=format!("{base}/edit") novalidate=true class="builder-add">
                    <input type="hidden" name="op" value="add-field" />
                    <input type="hidden" name="page" value=i.to_string() />
                    <h4>{locale.t("builder-add-question")}<span class="visually-hidden">": "{which.clone()}</span></h4>
                    <div class="form-group">
                        <label class="label" for=format!("add-field-kind-{i}")>{locale.t("builder-kind")}</label>
                        <select class="select" id=format!("add-field-kind-{i}") name="kind">
                            {builder.kinds.iter().map(|k| view! { <option value=k.value.clone()>{k.label.clone()}</option> }.into_any()).collect_view()}
                        </select>
                    </div>
                    <div class=if key_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                        <label class="label" for=key_id.clone()>{locale.t("builder-key")}</label>
                        {error_line(key_id.clone(), key_error.clone())}
                        <input class="input" id=key_id.clone() name="key" type="text" spellcheck="false"
                            value=if key_error.is_some() || label_error.is_some() { typed("key") } else { String::new() } />
                    </div>
                    <div class=if label_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                        <label class="label" for=label_id.clone()>{locale.t("builder-question-label")}</label>
                        {error_line(label_id.clone(), label_error.clone())}
                        <input class="input" id=label_id.clone() name="label" type="text"
                            value=if key_error.is_some() || label_error.is_some() { typed("label") } else { String::new() } />
                    </div>
                    <button type="submit" class="button button--secondary">{locale.t("builder-add-question")}</button>
                </form>
            </section>
        }.into_any()
    }).collect_view();
    let page_key_error = err("add-page-key");
    let page_title_error = err("add-page-title");
    let add_page = view! {
        <form method="post" action=format!("{base}/edit") novalidate=true class="builder-add">
            <input type="hidden" name="op" value="add-page" />
            <h3>{locale.t("builder-add-page")}</h3>
            <div class=if page_key_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for="add-page-key">{locale.t("builder-key")}</label>
                {error_line("add-page-key".into(), page_key_error.clone())}
                <input class="input" id="add-page-key" name="key" type="text" spellcheck="false" value=typed("key") />
            </div>
            <div class=if page_title_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for="add-page-title">{locale.t("builder-new-page-title")}</label>
                {error_line("add-page-title".into(), page_title_error.clone())}
                <input class="input" id="add-page-title" name="title" type="text" value=typed("title") />
            </div>
            <button type="submit" class="button button--secondary">{locale.t("builder-add-page")}</button>
        </form>
    }
    .into_any();
    let rules = view! {
        <Rules builder=builder.clone() base=base.clone() posted=posted.clone() />
    }
    .into_any();
    view! {
        <section id="builder" aria-labelledby="builder-heading">
            <h2 id="builder-heading">{locale.t("builder-heading")}</h2>
            {texts}
            {page_sections}
            {add_page}
            {rules}
        </section>
    }
}

/// Checks across questions: each with its expression, the question its
/// message is shown at and the message in every language; changed,
/// removed, or a new one added.
#[component]
fn Rules(
    builder: BuilderView,
    base: String,
    posted: Option<crate::model::AdminPosted>,
) -> impl IntoView {
    let locale = use_locale();
    let action = format!("{base}/edit");
    let error_at = |id: &str| crate::pages::admin::error_at(posted.as_ref(), id, locale);
    let typed = |name: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value("builder", name))
            .unwrap_or_default()
    };
    let group = |error: &Option<String>| {
        if error.is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let error_line = move |id: &str, message: Option<String>| {
        message.map(|m| {
            view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{locale.t("error-prefix")}</span>
                    {m}
                </p>
            }
        })
    };
    let field_select = |id: String, chosen: String| {
        view! {
            <div class="form-group">
                <label class="label" for=id.clone()>{locale.t("builder-rule-field")}</label>
                <select class="select" id=id name="rule_field">
                    {builder.field_keys.iter().map(|k| {
                        let selected = *k == chosen;
                        view! { <option value=k.clone() selected=selected>{k.clone()}</option> }.into_any()
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any()
    };
    let existing = builder
        .rules
        .iter()
        .enumerate()
        .map(|(n, rule)| {
            let check_id = format!("rule-{n}-check");
            let check_error = error_at(&check_id);
            view! {
                <div class="builder-rule">
                    <h4>{rule.key.clone()}</h4>
                    <form method="post" action=action.clone() novalidate=true data-autosave="" data-autosave-saving=locale.t("builder-autosave-saving") data-autosave-saved=locale.t("builder-autosave-saved") data-autosave-failed=locale.t("builder-autosave-failed")>
                        <input type="hidden" name="op" value="set-rule" />
                        <input type="hidden" name="rule" value=n.to_string() />
                        <input type="hidden" name="rule_key" value=rule.key.clone() />
                        <div class=group(&check_error)>
                            <label class="label" for=check_id.clone()>{locale.t("builder-rule-check")}</label>
                            {error_line(&check_id, check_error.clone())}
                            <input class="input input--code" id=check_id.clone() name="check" type="text"
                                spellcheck="false" value=rule.check.clone() />
                        </div>
                        {field_select(format!("rule-{n}-field"), rule.field.clone())}
                        <TextsByLanguage name="message" id=format!("rule-{n}-message") legend=locale.t("builder-rule-message")
                            texts=rule.message.clone() languages=builder.languages.clone() />
                        <button type="submit" class="button button--secondary">
                            {locale.t_args("builder-rule-save", &[("key", FluentArg::Str(rule.key.clone()))])}
                        </button>
                    </form>
                    <form method="post" action=action.clone() class="inline-form">
                        <input type="hidden" name="op" value="remove-rule" />
                        <input type="hidden" name="rule" value=n.to_string() />
                        <button type="submit" class="button button--secondary">
                            {locale.t_args("builder-rule-remove", &[("key", FluentArg::Str(rule.key.clone()))])}
                        </button>
                    </form>
                </div>
            }
            .into_any()
        })
        .collect_view();
    let key_error = error_at("add-rule-key");
    let check_error = error_at("add-rule-check");
    let new_message: Texts = builder
        .languages
        .iter()
        .map(|l| (l.value.clone(), typed(&format!("message.{}", l.value))))
        .collect();
    view! {
        <section id="rules" aria-labelledby="rules-heading">
            <h3 id="rules-heading">{locale.t("builder-rules")}</h3>
            <p class="hint">{locale.t("builder-rules-hint")}</p>
            {existing}
            <form method="post" action=action.clone() novalidate=true class="builder-add">
                <input type="hidden" name="op" value="set-rule" />
                <h4>{locale.t("builder-rule-add")}</h4>
                <div class=group(&key_error)>
                    <label class="label" for="add-rule-key">{locale.t("builder-key")}</label>
                    {error_line("add-rule-key", key_error.clone())}
                    <input class="input" id="add-rule-key" name="rule_key" type="text" spellcheck="false" value=typed("rule_key") />
                </div>
                <div class=group(&check_error)>
                    <label class="label" for="add-rule-check">{locale.t("builder-rule-check")}</label>
                    <div class="hint" id="add-rule-check-hint">{locale.t("builder-rule-check-hint")}</div>
                    {error_line("add-rule-check", check_error.clone())}
                    <input class="input input--code" id="add-rule-check" name="check" type="text" spellcheck="false"
                        value=typed("check") aria-describedby="add-rule-check-hint" />
                </div>
                {field_select("add-rule-field".into(), typed("rule_field"))}
                <TextsByLanguage name="message" id="add-rule-message".into() legend=locale.t("builder-rule-message")
                    texts=new_message languages=builder.languages.clone() optional=true />
                <button type="submit" class="button button--secondary">{locale.t("builder-rule-add")}</button>
            </form>
        </section>
    }
}

#[component]
pub fn FieldEditPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        get_form_draft,
    );
    let at = move |name: &str| {
        params
            .read()
            .get(name)
            .and_then(|p| p.parse::<usize>().ok())
            .unwrap_or(usize::MAX)
    };
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let (page, field) = (at("page"), at("field"));
                // A question in each row of group question `field`.
                let inner = params.read_untracked().get("inner").map(|_| at("inner"));
                match data.await {
                    Ok(draft) => {
                        let found = draft.builder.as_ref().and_then(|b| {
                            let question = b.pages.get(page).and_then(|p| p.fields.get(field))?;
                            let question = match inner {
                                None => question,
                                Some(i) => question.fields.as_ref()?.get(i)?,
                            };
                            Some((b.clone(), question.clone()))
                        });
                        let (group, field) = match inner {
                            Some(i) => (Some(field), i),
                            None => (None, field),
                        };
                        match found {
                            Some((builder, question)) => view! {
                                <FieldForm draft builder question page group field />
                            }.into_any(),
                            None => view! { <LoadError error=AppError::NotFound /> }.into_any(),
                        }
                    }
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A table of questions (a page's, or a group's own), each row drawn by
/// the caller: its text, key, kind and what can be done with it.
fn question_table(locale: crate::i18n::Locale, caption: String, rows: AnyView) -> AnyView {
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>
                    <th scope="col">{locale.t("builder-question")}</th>
                    <th scope="col">{locale.t("builder-key")}</th>
                    <th scope="col">{locale.t("builder-kind")}</th>
                    <th scope="col">{locale.t("builder-actions")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The questions asked in each row of a group question: edited, moved and
/// removed one by one, and added, like a page's.
#[component]
fn GroupQuestions(
    inner: Vec<crate::model::BuilderField>,
    builder: BuilderView,
    base: String,
    page: usize,
    /// The group question.
    field: usize,
    posted: Option<crate::model::AdminPosted>,
    label: String,
) -> impl IntoView {
    let locale = use_locale();
    let count = inner.len();
    let err = |id: &str| crate::pages::admin::error_at(posted.as_ref(), id, locale);
    let (key_error, label_error) = (err("add-inner-key"), err("add-inner-label"));
    let typed = |name: &str| {
        posted
            .as_ref()
            .filter(|_| key_error.is_some() || label_error.is_some())
            .and_then(|p| p.value("builder", name))
            .unwrap_or_default()
    };
    let line = move |id: &str, message: Option<String>| {
        message.map(|m| {
            view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{locale.t("error-prefix")}</span>
                    {m}
                </p>
            }
        })
    };
    let rows = inner.iter().enumerate().map(|(n, q)| {
        let name = q.label.iter().map(|(_, t)| t.clone()).find(|t| !t.trim().is_empty()).unwrap_or_else(|| q.key.clone());
        view! {
            <tr>
                <td>{name.clone()}</td>
                <td><code>{q.key.clone()}</code></td>
                <td>{q.kind.clone()}</td>
                <td>
                    <a href=format!("{base}/pages/{page}/fields/{field}/fields/{n}")>{locale.t("builder-edit")}<span class="visually-hidden">": "{name.clone()}</span></a>
                    {(n > 0).then(|| view! { <EditButton base=base.clone() op="move-field" page=page group=field field=n dir="up" text=locale.t("builder-up") which=name.clone() /> })}
                    {(n + 1 < count).then(|| view! { <EditButton base=base.clone() op="move-field" page=page group=field field=n dir="down" text=locale.t("builder-down") which=name.clone() /> })}
                    <EditButton base=base.clone() op="remove-field" page=page group=field field=n text=locale.t("builder-remove") which=name.clone() />
                </td>
            </tr>
        }
        .into_any()
    }).collect_view();
    let heading = locale.t_args("builder-inner-heading", &[("key", FluentArg::Str(label))]);
    view! {
        <section id="inner" aria-labelledby="inner-heading">
            <h2 id="inner-heading">{heading.clone()}</h2>
            {if count == 0 {
                view! { <p>{locale.t("builder-no-questions")}</p> }.into_any()
            } else {
                question_table(locale, heading.clone(), rows.into_any())
            }}
            <form method="post" action=format!("{base}/edit") novalidate=true class="builder-add">
                <input type="hidden" name="op" value="add-field" />
                <input type="hidden" name="page" value=page.to_string() />
                <input type="hidden" name="group" value=field.to_string() />
                <h3>{locale.t("builder-add-inner")}</h3>
                <div class="form-group">
                    <label class="label" for="add-inner-kind">{locale.t("builder-kind")}</label>
                    <select class="select" id="add-inner-kind" name="kind">
                        {builder.kinds.iter().filter(|k| k.value != "group").map(|k| view! { <option value=k.value.clone()>{k.label.clone()}</option> }.into_any()).collect_view()}
                    </select>
                </div>
                <div class=if key_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                    <label class="label" for="add-inner-key">{locale.t("builder-key")}</label>
                    {line("add-inner-key", key_error.clone())}
                    <input class="input" id="add-inner-key" name="key" type="text" spellcheck="false" value=typed("key") />
                </div>
                <div class=if label_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                    <label class="label" for="add-inner-label">{locale.t("builder-question-label")}</label>
                    {line("add-inner-label", label_error.clone())}
                    <input class="input" id="add-inner-label" name="label" type="text" value=typed("label") />
                </div>
                <button type="submit" class="button button--secondary">{locale.t("builder-add-inner")}</button>
            </form>
        </section>
    }
}

/// `/staff/forms/<key>/details`: what the service says of itself besides
/// its name.
#[component]
pub fn DetailsPage() -> impl IntoView {
    builder_page(|draft, builder| view! { <DetailsForm draft builder /> }.into_any())
}

/// A builder page's heading (Fluent `key`, with the form's title), its
/// document title (marked when its form `form` came back with errors), and
/// what was posted with that form.
fn builder_page_words(
    draft: &FormDraftView,
    key: &str,
    form: &str,
    locale: crate::i18n::Locale,
) -> (String, String, Option<crate::model::AdminPosted>) {
    let heading = locale.t_args(key, &[("title", FluentArg::Str(draft.title.clone()))]);
    let posted = draft.posted.clone().filter(|p| p.form == form);
    let title = if posted.as_ref().is_some_and(|p| !p.errors.is_empty()) {
        format!("{} {heading}", locale.t("error-title-prefix"))
    } else {
        heading.clone()
    };
    (heading, title, posted)
}

/// A page of the builder of its own, drawn by `draw` from the draft of the
/// service in the address, when it reads.
fn builder_page(draw: fn(FormDraftView, BuilderView) -> AnyView) -> impl IntoView {
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
                    Ok(draft) => match draft.builder.clone() {
                        Some(builder) => draw(draft, builder),
                        None => view! { <LoadError error=AppError::NotFound /> }.into_any(),
                    },
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DetailsForm(draft: FormDraftView, builder: BuilderView) -> impl IntoView {
    let locale = use_locale();
    let base = format!("{FORMS_PATH}/{}", draft.key);
    let (heading, title, posted) = builder_page_words(&draft, "details-heading", "details", locale);
    let d = builder.details.clone();
    let languages = builder.languages.clone();
    // After an error, what was typed.
    let typed_texts = {
        let posted = posted.clone();
        move |name: &str, current: Texts| -> Texts {
            current
                .into_iter()
                .map(|(lang, text)| {
                    let typed = posted
                        .as_ref()
                        .and_then(|p| p.value("details", &format!("{name}.{lang}")))
                        .unwrap_or(text);
                    (lang, typed)
                })
                .collect()
        }
    };
    let ticked = {
        let posted = posted.clone();
        move |name: &str, value: &str, current: bool| {
            posted
                .as_ref()
                .and_then(|p| p.values("details", name))
                .map_or(current, |values| values.iter().any(|v| v == value))
        }
    };
    let setting = |name: &str, value: String, choices: &[&str]| crate::model::Setting {
        name: name.to_owned(),
        value,
        texts: None,
        choices: choices
            .iter()
            .map(|c| Choice {
                value: (*c).to_owned(),
                label: String::new(),
            })
            .collect(),
        multiline: false,
    };
    let input = |setting: crate::model::Setting| {
        view! { <SettingInput setting posted=posted.clone() languages=languages.clone() form="details" prefix="" /> }
    };
    let purpose_optional = d.legal_basis == "none";
    // What stops publishing that is not at a page or question.
    let problems: Vec<String> = draft
        .problems
        .iter()
        .filter(|p| p.page.is_none() && !p.path.starts_with("statuses"))
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect();
    let language_boxes = d
        .languages
        .iter()
        .map(|(language, offered)| {
            let id = format!("language-{}", language.value);
            let checked = ticked("language", &language.value, *offered);
            view! {
                <div class="choice">
                    <input class="choice__input" type="checkbox" id=id.clone() name="language"
                        value=language.value.clone() checked=checked />
                    <label class="choice__label" for=id>{language.label.clone()}</label>
                </div>
            }
            .into_any()
        })
        .collect_view();
    let receipt_boxes = d.receipt_to.iter().map(|(question, chosen)| {
        let id = format!("receipt-to-{}", question.value);
        let checked = ticked("receipt_to", &question.value, *chosen);
        view! {
            <div class="choice">
                <input class="choice__input" type="checkbox" id=id.clone() name="receipt_to"
                    value=question.value.clone() checked=checked />
                <label class="choice__label" for=id>{question.label.clone()}" "<code>{question.value.clone()}</code></label>
            </div>
        }
        .into_any()
    }).collect_view();
    let no_email = d.receipt_to.is_empty();
    view! {
        {crate::pages::admin::summary(posted.as_ref(), locale).0}
        <Title text=title />
        <a class="back-link" href=format!("{base}#builder")>{locale.t("builder-back")}</a>
        <h1>{heading}</h1>
        <p>{locale.t("details-intro")}</p>
        <form method="post" action=format!("{base}/edit") novalidate=true data-autosave="" data-autosave-saving=locale.t("builder-autosave-saving") data-autosave-saved=locale.t("builder-autosave-saved") data-autosave-failed=locale.t("builder-autosave-failed")>
            <input type="hidden" name="op" value="details" />
            <h2>{locale.t("details-languages")}</h2>
            <p>{locale.t_args("details-default-language", &[("language", FluentArg::Str(d.default_language.label.clone()))])}</p>
            <fieldset class="fieldset" aria-describedby="languages-hint">
                <legend class="fieldset__legend">{locale.t("details-other-languages")}</legend>
                <div class="hint" id="languages-hint">{locale.t("details-languages-hint")}</div>
                {language_boxes}
            </fieldset>
            <h2>{locale.t("details-responsibility")}</h2>
            <TextsByLanguage name="organisation" id="details-organisation".into() legend=locale.t("details-organisation")
                texts=typed_texts("organisation", d.organisation.clone()) languages=languages.clone() />
            {input(setting("processing_days", d.processing_days.clone(), &[]))}
            {input(setting("identification", d.identification.clone(), &["anonymous", "loa2", "loa3", "loa4"]))}
            <h2>{locale.t("details-privacy")}</h2>
            {input(setting("legal_basis", d.legal_basis.clone(), &["none", "public_task", "legal_obligation", "consent", "contract", "vital_interests", "legitimate_interests"]))}
            <TextsByLanguage name="purpose" id="details-purpose".into() legend=locale.t("details-purpose")
                texts=typed_texts("purpose", d.purpose.clone()) languages=languages.clone() multiline=true optional=purpose_optional />
            {input(setting("retention_months", d.retention_months.clone(), &[]))}
            <h2>{locale.t("details-start")}</h2>
            <TextsByLanguage name="need" id="details-need".into() legend=locale.t("details-need")
                texts=typed_texts("need", d.need.clone()) languages=languages.clone() multiline=true optional=true />
            {input(setting("minutes", d.minutes.clone(), &[]))}
            {input(setting("phone", d.phone.clone(), &[]))}
            <TextsByLanguage name="visit" id="details-visit".into() legend=locale.t("details-visit")
                texts=typed_texts("visit", d.visit.clone()) languages=languages.clone() multiline=true optional=true />
            <h2>{locale.t("details-receipt")}</h2>
            {if no_email {
                view! { <p>{locale.t("details-receipt-none")}</p> }.into_any()
            } else {
                view! {
                    <fieldset class="fieldset" aria-describedby="receipt-hint">
                        <legend class="fieldset__legend">{locale.t("details-receipt-to")}</legend>
                        <div class="hint" id="receipt-hint">{locale.t("details-receipt-hint")}</div>
                        {receipt_boxes}
                    </fieldset>
                }.into_any()
            }}
            <button type="submit" class="button">{locale.t("details-save")}</button>
        </form>
        {(!problems.is_empty()).then(|| view! { <h2>{locale.t("details-problems")}</h2> })}
        {problem_list("details-problems".into(), problems)}
    }
}

/// `/staff/forms/<key>/statuses`: the statuses the service's cases move
/// through: Blankett's, or its own, named in every language.
#[component]
pub fn StatusesPage() -> impl IntoView {
    builder_page(|draft, builder| view! { <StatusesForm draft builder /> }.into_any())
}

/// A one-button form that changes status `status` (`op`), with words for a
/// screen reader saying which.
fn status_button(
    base: &str,
    op: &'static str,
    status: usize,
    dir: Option<&'static str>,
    text: String,
    which: String,
) -> AnyView {
    view! {
        <form method="post" action=format!("{base}/edit") class="inline-form">
            <input type="hidden" name="op" value=op />
            <input type="hidden" name="status" value=status.to_string() />
            {dir.map(|d| view! { <input type="hidden" name="dir" value=d /> })}
            <button type="submit" class="button button--secondary button--small">
                {text}<span class="visually-hidden">": "{which}</span>
            </button>
        </form>
    }
    .into_any()
}

#[component]
fn StatusesForm(draft: FormDraftView, builder: BuilderView) -> impl IntoView {
    let locale = use_locale();
    let base = format!("{FORMS_PATH}/{}", draft.key);
    let (heading, title, posted) =
        builder_page_words(&draft, "statuses-heading", "statuses", locale);
    let err = |id: &str| crate::pages::admin::error_at(posted.as_ref(), id, locale);
    let typed = |name: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value("statuses", name))
            .unwrap_or_default()
    };
    let name_of = |s: &crate::model::BuilderStatus| {
        s.name
            .iter()
            .map(|(_, t)| t.clone())
            .find(|t| !t.trim().is_empty())
            .unwrap_or_else(|| s.key.clone())
    };
    let count = builder.statuses.len();
    let own = builder.own_statuses;
    let problems: Vec<String> = draft
        .problems
        .iter()
        .filter(|p| p.path.starts_with("statuses"))
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect();
    let statuses_error = err("statuses");
    let list = builder.statuses.iter().enumerate().map(|(n, status)| {
        let name = name_of(status);
        view! {
            <li>
                {name.clone()}" "<code>{status.key.clone()}</code>
                {status.required.then(|| view! { " " <span class="tag">{locale.t("statuses-needed")}</span> })}
                {(!status.messages).then(|| view! { " " <span class="tag">{locale.t("statuses-no-messages")}</span> })}
                {own.then(|| view! {
                    <div class="builder-actions">
                        {(n > 0).then(|| status_button(&base, "move-status", n, Some("up"), locale.t("builder-up"), name.clone()))}
                        {(n + 1 < count).then(|| status_button(&base, "move-status", n, Some("down"), locale.t("builder-down"), name.clone()))}
                        {(!status.required).then(|| status_button(&base, "remove-status", n, None, locale.t("builder-remove"), name.clone()))}
                    </div>
                })}
            </li>
        }
        .into_any()
    }).collect_view();
    let names = builder.statuses.iter().enumerate().map(|(n, status)| {
        let texts: Texts = status.name.iter().map(|(lang, text)| {
            let typed = posted.as_ref().and_then(|p| p.value("statuses", &format!("name.{n}.{lang}"))).unwrap_or_else(|| text.clone());
            (lang.clone(), typed)
        }).collect();
        let messages = posted.as_ref().map_or(status.messages, |p| p.value("statuses", &format!("messages.{n}")).is_some_and(|v| !v.is_empty()));
        let id = format!("status-{n}-messages");
        view! {
            <section class="builder-page" id=format!("status-{n}") aria-labelledby=format!("status-{n}-heading")>
                <h3 id=format!("status-{n}-heading")>{name_of(status)}" "<code>{status.key.clone()}</code></h3>
                <TextsByLanguage name=format!("name.{n}") id=format!("status-{n}-name") legend=locale.t("statuses-name") texts languages=builder.languages.clone() />
                <div class="choice">
                    <input class="choice__input" type="checkbox" id=id.clone() name=format!("messages.{n}") value="yes" checked=messages />
                    <label class="choice__label" for=id>{locale.t("statuses-messages")}</label>
                </div>
            </section>
        }
        .into_any()
    }).collect_view();
    let group = |id: &str, error: &Option<String>| {
        if error.is_some() {
            format!("form-group form-group--error {id}")
        } else {
            "form-group".to_owned()
        }
    };
    let key_error = err("add-status-key");
    let name_error = err("add-status-name");
    view! {
        {crate::pages::admin::summary(posted.as_ref(), locale).0}
        <Title text=title />
        <a class="back-link" href=format!("{base}#builder")>{locale.t("builder-back")}</a>
        <h1>{heading}</h1>
        <p>{locale.t("statuses-intro")}</p>
        {(!problems.is_empty()).then(|| view! { <h2>{locale.t("details-problems")}</h2> })}
        {problem_list("statuses-problems".into(), problems)}
        <section id="statuses" aria-labelledby="statuses-order">
            <h2 id="statuses-order">{if own { locale.t("statuses-own") } else { locale.t("statuses-blanketts") }}</h2>
            {statuses_error.map(|m| view! {
                <p class="error-message" id="statuses-error"><span class="visually-hidden">{locale.t("error-prefix")}</span>{m}</p>
            })}
            <ol class="list">{list}</ol>
        </section>
        {if own {
            view! {
                <form method="post" action=format!("{base}/edit") novalidate=true data-autosave="" data-autosave-saving=locale.t("builder-autosave-saving") data-autosave-saved=locale.t("builder-autosave-saved") data-autosave-failed=locale.t("builder-autosave-failed")>
                    <input type="hidden" name="op" value="set-statuses" />
                    <h2>{locale.t("statuses-names")}</h2>
                    {names}
                    <button type="submit" class="button">{locale.t("statuses-save")}</button>
                </form>
                <h2>{locale.t("statuses-add")}</h2>
                <form method="post" action=format!("{base}/edit") novalidate=true data-no-autosave="">
                    <input type="hidden" name="op" value="add-status" />
                    <div class=group("key", &key_error)>
                        <label class="label" for="add-status-key">{locale.t("statuses-key")}</label>
                        <div class="hint" id="add-status-key-hint">{locale.t("statuses-key-hint")}</div>
                        {key_error.clone().map(|m| view! { <p class="error-message" id="add-status-key-error"><span class="visually-hidden">{locale.t("error-prefix")}</span>{m}</p> })}
                        <input class="input input--code" id="add-status-key" name="key" type="text" spellcheck="false" value=typed("key")
                            aria-describedby="add-status-key-hint" aria-invalid=key_error.is_some().then_some("true") />
                    </div>
                    <div class=group("name", &name_error)>
                        <label class="label" for="add-status-name">{locale.t("statuses-new-name")}</label>
                        {name_error.clone().map(|m| view! { <p class="error-message" id="add-status-name-error"><span class="visually-hidden">{locale.t("error-prefix")}</span>{m}</p> })}
                        <input class="input" id="add-status-name" name="name" type="text" value=typed("name") aria-invalid=name_error.is_some().then_some("true") />
                    </div>
                    <button type="submit" class="button button--secondary">{locale.t("statuses-add-button")}</button>
                </form>
                <form method="post" action=format!("{base}/edit") data-no-autosave="">
                    <input type="hidden" name="op" value="own-statuses" />
                    <input type="hidden" name="own" value="false" />
                    <button type="submit" class="button button--secondary">{locale.t("statuses-use-blanketts")}</button>
                </form>
            }
            .into_any()
        } else {
            view! {
                <form method="post" action=format!("{base}/edit")>
                    <input type="hidden" name="op" value="own-statuses" />
                    <input type="hidden" name="own" value="true" />
                    <p>{locale.t("statuses-own-hint")}</p>
                    <button type="submit" class="button">{locale.t("statuses-use-own")}</button>
                </form>
            }
            .into_any()
        }}
    }
}

#[component]
fn FieldForm(
    draft: FormDraftView,
    builder: BuilderView,
    question: crate::model::BuilderField,
    page: usize,
    /// The group question this is one of the own questions of.
    group: Option<usize>,
    field: usize,
) -> impl IntoView {
    let locale = use_locale();
    let base = format!("{FORMS_PATH}/{}", draft.key);
    let heading = locale.t_args(
        "builder-field-heading",
        &[("key", FluentArg::Str(question.key.clone()))],
    );
    let condition_error = draft
        .posted
        .as_ref()
        .and_then(|p| p.errors.iter().find(|(at, _)| at == "field-condition"))
        .map(|(_, key)| locale.t(key));
    let title = if draft.posted.as_ref().is_some_and(|p| !p.errors.is_empty()) {
        format!("{} {heading}", locale.t("error-title-prefix"))
    } else {
        heading.clone()
    };
    // After an error, what was typed is shown again.
    let posted = draft.posted.clone().filter(|p| p.form == "field");
    let typed = {
        let posted = posted.clone();
        move |name: &str, current: String| {
            posted
                .as_ref()
                .and_then(|p| p.value("field", name))
                .unwrap_or(current)
        }
    };
    let typed_texts = {
        let typed = typed.clone();
        move |name: &str, current: Texts| -> Texts {
            current
                .into_iter()
                .map(|(lang, text)| {
                    let text = typed(&format!("{name}.{lang}"), text);
                    (lang, text)
                })
                .collect()
        }
    };
    let settings = (!question.settings.is_empty()).then(|| {
        view! {
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{locale.t("builder-settings")}</legend>
                {question.settings.iter().map(|setting| {
                    view! {
                        <SettingInput setting=setting.clone() posted=posted.clone() languages=builder.languages.clone() />
                    }
                    .into_any()
                }).collect_view()}
            </fieldset>
        }
        .into_any()
    });
    let others: Vec<String> = builder
        .field_keys
        .iter()
        .filter(|k| **k != question.key)
        .cloned()
        .collect();
    let comparisons = [
        ("is", "builder-is"),
        ("is-not", "builder-is-not"),
        ("yes", "builder-yes"),
        ("no", "builder-no"),
        ("answered", "builder-answered"),
    ];
    view! {
        {error_summary(draft.posted.as_ref())}
        <Title text=title />
        {match group {
            Some(g) => view! { <a class="back-link" href=format!("{base}/pages/{page}/fields/{g}#inner")>{locale.t("builder-back-group")}</a> }.into_any(),
            None => view! { <a class="back-link" href=format!("{base}#page-{page}")>{locale.t("builder-back")}</a> }.into_any(),
        }}
        <p class="caption">{draft.title.clone()}</p>
        <h1>{heading}</h1>
        {problem_list(
            "field-problems".into(),
            draft.problems.iter().filter(|p| p.page == Some(page) && p.field == Some(group.unwrap_or(field))).map(|p| p.message.clone()).collect(),
        )}
        <form method="post" action=format!("{base}/edit") novalidate=true data-autosave="" data-autosave-saving=locale.t("builder-autosave-saving") data-autosave-saved=locale.t("builder-autosave-saved") data-autosave-failed=locale.t("builder-autosave-failed")>
            <input type="hidden" name="op" value="set-field" />
            <input type="hidden" name="page" value=page.to_string() />
            {group.map(|g| view! { <input type="hidden" name="group" value=g.to_string() /> })}
            <input type="hidden" name="field" value=field.to_string() />
            <TextsByLanguage name="label" id="field-label".into() legend=locale.t("builder-label") texts=typed_texts("label", question.label.clone()) languages=builder.languages.clone() />
            <TextsByLanguage name="hint" id="field-hint".into() legend=locale.t("builder-hint") texts=typed_texts("hint", question.hint.clone()) languages=builder.languages.clone() multiline=true />
            <div class="form-group">
                <div class="choice">
                    <input class="choice__input" type="checkbox" id="field-required" name="required" value="yes" checked=question.required />
                    <label class="choice__label" for="field-required">{locale.t("builder-required")}</label>
                </div>
            </div>
            {(!question.options.is_empty()).then(|| {
                let options = question.options.clone();
                let count = options.len();
                let languages = builder.languages.clone();
                view! {
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend">{locale.t("builder-options")}</legend>
                        {options.into_iter().enumerate().map(|(n, (value, texts))| view! {
                            <div class="builder-option" id=format!("option-{n}")>
                                <TextsByLanguage name=format!("option.{n}") id=format!("option-{n}") legend=locale.t_args("builder-option", &[("value", FluentArg::Str(value.clone()))]) texts languages=languages.clone() />
                                <div class="builder-actions">
                                    {(n > 0).then(|| view! {
                                        <button type="submit" class="button button--secondary button--small" name="move_option" value=format!("{n}:up")>
                                            {locale.t_args("builder-option-up", &[("value", FluentArg::Str(value.clone()))])}
                                        </button>
                                    })}
                                    {(n + 1 < count).then(|| view! {
                                        <button type="submit" class="button button--secondary button--small" name="move_option" value=format!("{n}:down")>
                                            {locale.t_args("builder-option-down", &[("value", FluentArg::Str(value.clone()))])}
                                        </button>
                                    })}
                                </div>
                                <div class="choice" data-no-autosave="">
                                    <input class="choice__input" type="checkbox" id=format!("remove-{n}") name=format!("remove.{n}") value="yes" />
                                    <label class="choice__label" for=format!("remove-{n}")>{locale.t_args("builder-option-remove", &[("value", FluentArg::Str(value.clone()))])}</label>
                                </div>
                            </div>
                        }.into_any()).collect_view()}
                        <div class="builder-add" data-no-autosave="">
                            <div class="form-group">
                                <label class="label" for="new-option-value">{locale.t("builder-new-option-value")}</label>
                                <input class="input" id="new-option-value" name="new_option_value" type="text" spellcheck="false" />
                            </div>
                            <div class="form-group">
                                <label class="label" for="new-option-label">{locale.t("builder-new-option-label")}</label>
                                <input class="input" id="new-option-label" name="new_option_label" type="text" />
                            </div>
                        </div>
                    </fieldset>
                }
                .into_any()
            })}
            <div class=if condition_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for="field-condition">{locale.t("builder-condition")}</label>
                <div class="hint" id="field-condition-hint">{locale.t("builder-condition-hint")}</div>
                {condition_error.clone().map(|m| view! {
                    <p class="error-message" id="field-condition-error">
                        <span class="visually-hidden">{locale.t("error-prefix")}</span>
                        {m}
                    </p>
                })}
                <input class="input input--code" id="field-condition" name="visible_if" type="text" spellcheck="false"
                    value=typed("visible_if", question.visible_if.clone()) aria-describedby="field-condition-hint" />
            </div>
            <fieldset class="fieldset" data-no-autosave="">
                <legend class="fieldset__legend">{locale.t("builder-guided")}</legend>
                <div class="filter">
                    <div class="form-group filter__item">
                        <label class="label" for="cond-field">{locale.t("builder-guided-field")}</label>
                        <select class="select" id="cond-field" name="cond_field">
                            <option value="">{locale.t("builder-guided-none")}</option>
                            {others.into_iter().map(|k| { let shown = k.clone(); view! { <option value=k>{shown}</option> }.into_any() }).collect_view()}
                        </select>
                    </div>
                    <div class="form-group filter__item">
                        <label class="label" for="cond-op">{locale.t("builder-guided-comparison")}</label>
                        <select class="select" id="cond-op" name="cond_op">
                            {comparisons.into_iter().map(|(value, key)| view! { <option value=value>{locale.t(key)}</option> }.into_any()).collect_view()}
                        </select>
                    </div>
                    <div class="form-group filter__item">
                        <label class="label" for="cond-value">{locale.t("builder-guided-value")}</label>
                        <input class="input" id="cond-value" name="cond_value" type="text" spellcheck="false" />
                    </div>
                </div>
            </fieldset>
            {settings}
            <button type="submit" class="button">{locale.t("builder-save-question")}</button>
        </form>
        {question.fields.clone().map(|inner| view! {
            <GroupQuestions inner builder=builder.clone() base=base.clone() page field posted=draft.posted.clone() label=question.key.clone() />
        })}
        <script src=crate::BUILDER_SCRIPT_PATH defer=true></script>
    }
}

/// One of a question's settings: a value, a choice, or a text in every
/// language; with its error, and what was typed after one.
#[component]
fn SettingInput(
    setting: crate::model::Setting,
    posted: Option<crate::model::AdminPosted>,
    languages: Vec<Choice>,
    /// The form it is posted with, and the prefix of its input's name.
    #[prop(default = "field")]
    form: &'static str,
    #[prop(default = "setting.")] prefix: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let dashed = setting.name.replace('_', "-");
    let id = format!("setting-{dashed}");
    let name = format!("{prefix}{}", setting.name);
    let label = locale.t(&format!("builder-setting-{dashed}"));
    if let Some(texts) = setting.texts.clone() {
        let texts = texts
            .into_iter()
            .map(|(lang, text)| {
                let typed = posted
                    .as_ref()
                    .and_then(|p| p.value(form, &format!("{name}.{lang}")))
                    .unwrap_or(text);
                (lang, typed)
            })
            .collect();
        return view! {
            <TextsByLanguage name id legend=label texts languages multiline=setting.multiline optional=true />
        }
        .into_any();
    }
    let value = posted
        .as_ref()
        .and_then(|p| p.value(form, &name))
        .unwrap_or(setting.value.clone());
    let error = posted
        .as_ref()
        .and_then(|p| p.errors.iter().find(|(at, _)| *at == id))
        .map(|(_, key)| locale.t(key));
    let group = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    let hint_id = format!("{id}-hint");
    let described = match &error {
        Some(_) => format!("{hint_id} {id}-error"),
        None => hint_id.clone(),
    };
    let input = if setting.choices.is_empty() {
        view! {
            <input class="input" id=id.clone() name=name type="text" spellcheck="false" value=value
                aria-describedby=described aria-invalid=error.is_some().then_some("true") />
        }
        .into_any()
    } else {
        view! {
            <select class="select" id=id.clone() name=name aria-describedby=described>
                {setting.choices.iter().map(|c| {
                    let words = locale.t(&format!("builder-setting-{dashed}-{}", c.value));
                    view! { <option value=c.value.clone() selected=c.value == value>{words}</option> }.into_any()
                }).collect_view()}
            </select>
        }
        .into_any()
    };
    view! {
        <div class=group>
            <label class="label" for=id.clone()>{label}</label>
            <div class="hint" id=hint_id>{locale.t(&format!("builder-setting-{dashed}-hint"))}</div>
            {error.map(|message| view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{locale.t("error-prefix")}</span>
                    {message}
                </p>
            })}
            {input}
        </div>
    }
    .into_any()
}

/// A draft's page as residents will see it, drawn by the real engine and
/// components: `?page=<key>&lang=<tag>&width=phone|desktop`.
#[server(endpoint = "authoring_preview")]
pub async fn get_preview(key: String) -> Result<PreviewData, AppError> {
    use crate::model::{FormPageData, FormState};
    let staff = author()?;
    let Some(found) = crate::ssr::ports()?.authoring.preview(&staff, &key).await? else {
        crate::ssr::set_status(404);
        return Err(AppError::NotFound);
    };
    let query: Vec<(String, String)> = use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.query().map(str::to_owned))
        .map(|q| {
            // Keys, language tags and `phone`/`desktop`: nothing encoded.
            q.split('&')
                .filter_map(|pair| pair.split_once('='))
                .map(|(n, v)| (n.to_owned(), v.to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let asked = |name: &str| {
        query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let locale = use_locale();
    let definition = match found {
        Ok(definition) => definition,
        Err(title) => {
            return Ok(PreviewData {
                key,
                title,
                data: None,
                page: String::new(),
                pages: Vec::new(),
                lang: locale.tag().to_owned(),
                languages: Vec::new(),
                phone: false,
            })
        }
    };
    let lang = asked("lang")
        .filter(|l| definition.languages().iter().any(|d| d == l))
        .unwrap_or_else(|| definition.default_language().to_owned());
    let pages: Vec<Choice> = definition
        .pages()
        .map(|p| Choice {
            value: p.key().to_owned(),
            label: p.title(&lang).to_owned(),
        })
        .collect();
    let page = asked("page")
        .filter(|p| pages.iter().any(|c| c.value == *p))
        .or_else(|| pages.first().map(|c| c.value.clone()))
        .unwrap_or_default();
    let state = FormState {
        visible_pages: pages.iter().map(|c| c.value.clone()).collect(),
        ..FormState::default()
    };
    Ok(PreviewData {
        key,
        title: definition.title(&lang).to_owned(),
        languages: definition
            .languages()
            .iter()
            .map(|l| Choice {
                value: l.clone(),
                label: crate::i18n::Locale::from_tag(l)
                    .map_or_else(|| l.clone(), |loc| loc.native_name().to_owned()),
            })
            .collect(),
        data: Some(FormPageData {
            definition,
            state,
            notices: Vec::new(),
        }),
        page,
        pages,
        lang,
        phone: asked("width").as_deref() == Some("phone"),
    })
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        get_preview,
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(preview) => view! { <Preview preview /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Preview(preview: PreviewData) -> impl IntoView {
    let locale = use_locale();
    let base = format!("{FORMS_PATH}/{}", preview.key);
    let heading = locale.t_args(
        "preview-title",
        &[("title", FluentArg::Str(preview.title.clone()))],
    );
    let Some(data) = preview.data.clone() else {
        return view! {
            <Title text=heading.clone() />
            <a class="back-link" href=base.clone()>{locale.t("builder-back")}</a>
            <h1>{heading}</h1>
            <p>{locale.t("preview-problems")}</p>
        }
        .into_any();
    };
    let href = |page: &str, lang: &str, phone: bool| {
        format!(
            "{base}/preview?page={page}&lang={lang}&width={}",
            if phone { "phone" } else { "desktop" }
        )
    };
    let (page, lang, phone) = (preview.page.clone(), preview.lang.clone(), preview.phone);
    let nav = |label: String, items: Vec<(String, String, bool)>| {
        let name = label.clone();
        view! {
            <nav class="preview-nav" aria-label=name>
                <p class="preview-nav__label">{label}</p>
                <ul class="preview-nav__list">
                    {items.into_iter().map(|(text, to, current)| view! {
                        <li><a href=to aria-current=current.then_some("page")>{text}</a></li>
                    }.into_any()).collect_view()}
                </ul>
            </nav>
        }
    };
    let pages = nav(
        locale.t("preview-pages"),
        preview
            .pages
            .iter()
            .map(|p| {
                (
                    p.label.clone(),
                    href(&p.value, &lang, phone),
                    p.value == page,
                )
            })
            .collect(),
    );
    let languages = nav(
        locale.t("preview-languages"),
        preview
            .languages
            .iter()
            .map(|l| {
                (
                    l.label.clone(),
                    href(&page, &l.value, phone),
                    l.value == lang,
                )
            })
            .collect(),
    );
    let widths = nav(
        locale.t("preview-widths"),
        vec![
            (locale.t("preview-phone"), href(&page, &lang, true), phone),
            (
                locale.t("preview-desktop"),
                href(&page, &lang, false),
                !phone,
            ),
        ],
    );
    let form_locale = crate::i18n::Locale::from_tag(&lang).unwrap_or(locale);
    view! {
        <Title text=heading.clone() />
        <a class="back-link" href=base.clone()>{locale.t("builder-back")}</a>
        <h1>{heading}</h1>
        <p>{locale.t("preview-intro")}</p>
        {pages}
        {languages}
        {widths}
        <section class=if phone { "preview preview--phone" } else { "preview" } aria-label=locale.t("preview-frame") inert=true lang=lang.clone()>
            <crate::pages::citizen::form::ServiceForm data page=Some(page.clone()) back_to_check=false locale=form_locale />
        </section>
    }
    .into_any()
}

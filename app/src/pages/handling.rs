//! Case handling: a handler's inbox and one case. Plain pages: the inbox's
//! filter is a GET form, so a filtered page has an address of its own; each
//! action on a case is a form of its own that posts and comes back.

use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::summary_list::SummaryList;
use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::{
    AppError, HandledCase, HandlingAction, HandlingEventKind, Inbox, InboxFilter, MAX_MESSAGE,
};
use crate::pages::citizen::my_cases::MESSAGE_KEY_INPUT;
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Where a handler's cases are.
pub const CASES_PATH: &str = "/staff/cases";

/// One page of the signed-in handler's inbox.
#[server(endpoint = "staff_inbox")]
pub async fn get_inbox(filter: InboxFilter) -> Result<Inbox, AppError> {
    use crate::ssr::{ports, redirect, staff_signed_in};
    let Some(staff) = staff_signed_in() else {
        redirect("/staff/signin");
        return Err(AppError::StaffSignInRequired);
    };
    Ok(ports()?
        .handling
        .inbox(&staff, filter, use_locale())
        .await?)
}

/// One case, if the signed-in handler may handle it.
#[server(endpoint = "staff_case")]
pub async fn get_handled_case(reference: String) -> Result<HandledCase, AppError> {
    use crate::model::PostedAction;
    use crate::ssr::{ports, redirect, set_status, staff_signed_in};
    let Some(staff) = staff_signed_in() else {
        redirect("/staff/signin");
        return Err(AppError::StaffSignInRequired);
    };
    match ports()?
        .handling
        .case(&staff, &reference, use_locale())
        .await?
    {
        Some(mut case) => {
            if let Some(posted) = use_context::<PostedAction>() {
                set_status(422);
                case.posted = Some(posted);
            }
            Ok(case)
        }
        None => {
            set_status(404);
            Err(AppError::NotFound)
        }
    }
}

#[component]
pub fn InboxPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            let get = |name: &str| q.get(name).unwrap_or_default();
            InboxFilter {
                service: get("service"),
                status: get("status"),
                assigned: get("assigned"),
                q: get("q"),
                from: get("from"),
                to: get("to"),
                sort: get("sort"),
                page: get("page").parse().unwrap_or(1),
            }
        },
        get_inbox,
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(inbox) => view! { <InboxView inbox /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The inbox's address for `filter` on `page`.
fn inbox_href(filter: &InboxFilter, page: u32) -> String {
    let pairs = [
        ("service", filter.service.as_str()),
        ("status", filter.status.as_str()),
        ("assigned", filter.assigned.as_str()),
        ("q", filter.q.as_str()),
        ("from", filter.from.as_str()),
        ("to", filter.to.as_str()),
        ("sort", filter.sort.as_str()),
    ];
    let mut query: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::components::layout::encode_query_value(v)))
        .collect();
    if page > 1 {
        query.push(format!("page={page}"));
    }
    if query.is_empty() {
        CASES_PATH.to_owned()
    } else {
        format!("{CASES_PATH}?{}", query.join("&"))
    }
}

#[component]
fn Choice(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    chosen: String,
    #[prop(default = "filter")] id_prefix: &'static str,
) -> impl IntoView {
    let id = format!("{id_prefix}-{name}");
    view! {
        <div class="form-group filter__item">
            <label class="label" for=id.clone()>{label}</label>
            <select class="select" id=id name=name>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn InboxView(inbox: Inbox) -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t("inbox-title");
    let f = inbox.filter.clone();
    let any = || (String::new(), locale.t("inbox-any"));
    let services: Vec<(String, String)> = std::iter::once(any())
        .chain(inbox.services.clone())
        .collect();
    let statuses: Vec<(String, String)> = std::iter::once(any())
        .chain(
            inbox
                .counts
                .iter()
                .map(|(key, name, _)| (key.clone(), name.clone())),
        )
        .collect();
    let assigned = vec![
        any(),
        ("me".to_owned(), locale.t("inbox-assigned-me")),
        ("none".to_owned(), locale.t("inbox-assigned-none")),
    ];
    let sorts = vec![
        (String::new(), locale.t("inbox-sort-newest")),
        ("oldest".to_owned(), locale.t("inbox-sort-oldest")),
    ];
    let date_error = inbox.bad_date.then(|| locale.t("inbox-date-error"));
    let summary = date_error.clone().map(|message| {
        let items = Signal::stored(vec![SummaryItem {
            target_id: "filter-from".to_owned(),
            message,
        }]);
        view! { <ErrorSummary items node_ref=NodeRef::new() /> }
    });
    let page = f.page.max(1);
    let previous = (page > 1).then(|| inbox_href(&f, page - 1));
    let next = (page < inbox.pages).then(|| inbox_href(&f, page + 1));
    view! {
        {summary}
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <ul class="status-counts" aria-label=locale.t("inbox-counts")>
            {inbox
                .counts
                .iter()
                .map(|(status, name, n)| {
                    let href = inbox_href(&InboxFilter { status: status.clone(), page: 1, ..f.clone() }, 1);
                    view! {
                        <li>
                            <a href=href>{name.clone()}</a>
                            " "
                            <span class="tag">{n.to_string()}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <form method="get" action=CASES_PATH class="filter" role="search">
            <Choice name="service" label=locale.t("inbox-service") options=services chosen=f.service.clone() />
            <Choice name="status" label=locale.t("case-status") options=statuses chosen=f.status.clone() />
            <Choice name="assigned" label=locale.t("inbox-assigned") options=assigned chosen=f.assigned.clone() />
            <div class="form-group filter__item">
                <label class="label" for="filter-q">{locale.t("inbox-search")}</label>
                <input class="input" id="filter-q" name="q" type="search" value=f.q.clone() spellcheck="false" />
            </div>
            <div class=if date_error.is_some() { "form-group filter__item form-group--error" } else { "form-group filter__item" }>
                <label class="label" for="filter-from">{locale.t("inbox-from")}</label>
                <input class="input" id="filter-from" name="from" type="date" value=f.from.clone() />
            </div>
            <div class="form-group filter__item">
                <label class="label" for="filter-to">{locale.t("inbox-to")}</label>
                <input class="input" id="filter-to" name="to" type="date" value=f.to.clone() />
            </div>
            <Choice name="sort" label=locale.t("inbox-sort") options=sorts chosen=f.sort.clone() />
            <div class="filter__item filter__buttons">
                <button type="submit" class="button">{locale.t("inbox-filter")}</button>
                <a href=CASES_PATH>{locale.t("inbox-clear")}</a>
            </div>
        </form>
        <p role="status">{locale.t_args("inbox-total", &[("count", FluentArg::Num(inbox.total as i64))])}</p>
        {(!inbox.rows.is_empty()).then(|| view! {
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{locale.t("inbox-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{locale.t("case-reference")}</th>
                            <th scope="col">{locale.t("inbox-service")}</th>
                            <th scope="col">{locale.t("case-applicant")}</th>
                            <th scope="col">{locale.t("case-sent")}</th>
                            <th scope="col">{locale.t("case-status")}</th>
                            <th scope="col">{locale.t("case-assigned")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {inbox
                            .rows
                            .into_iter()
                            .map(|r| view! {
                                <tr>
                                    <td><a href=format!("{CASES_PATH}/{}", r.reference)>{r.reference.clone()}</a></td>
                                    <td>{r.service_title}</td>
                                    <td>{r.applicant.unwrap_or_default()}</td>
                                    <td>{r.sent_on}</td>
                                    <td>{r.status_name.clone()}</td>
                                    <td>{r.assigned.unwrap_or_default()}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        })}
        {(!inbox.services.is_empty()).then(|| view! { <ExportForm services=inbox.services.clone() /> }.into_any())}
        {(inbox.pages > 1).then(|| view! {
            <nav class="pagination" aria-label=locale.t("inbox-pages")>
                {previous.map(|href| view! { <a href=href rel="prev">{locale.t("inbox-previous")}</a> })}
                <span>{locale.t_args("inbox-page", &[("page", FluentArg::Num(i64::from(page))), ("pages", FluentArg::Num(i64::from(inbox.pages)))])}</span>
                {next.map(|href| view! { <a href=href rel="next">{locale.t("inbox-next")}</a> })}
            </nav>
        })}
    }
}

/// Downloads a service's cases over dates, as CSV or JSON.
#[component]
fn ExportForm(services: Vec<(String, String)>) -> impl IntoView {
    let locale = use_locale();
    view! {
                <section aria-labelledby="export-heading">
                    <h2 id="export-heading">{locale.t("export-heading")}</h2>
                    <form method="get" action="/staff/export" class="filter">
                        <Choice name="service" label=locale.t("inbox-service") options=services chosen=String::new() id_prefix="export" />
                        <div class="form-group filter__item">
                            <label class="label" for="export-from">{locale.t("inbox-from")}</label>
                            <input class="input" id="export-from" name="from" type="date" required=true />
                        </div>
                        <div class="form-group filter__item">
                            <label class="label" for="export-to">{locale.t("inbox-to")}</label>
                            <input class="input" id="export-to" name="to" type="date" required=true />
                        </div>
                        <fieldset class="fieldset filter__item">
                            <legend class="fieldset__legend">{locale.t("export-format")}</legend>
                            <div class="radios radios--inline">
                                <div class="radios__item">
                                    <input class="radios__input" id="export-csv" type="radio" name="format" value="csv" checked=true />
                                    <label class="label radios__label" for="export-csv">"CSV"</label>
                                </div>
                                <div class="radios__item">
                                    <input class="radios__input" id="export-json" type="radio" name="format" value="json" />
                                    <label class="label radios__label" for="export-json">"JSON"</label>
                                </div>
                            </div>
                        </fieldset>
                        <div class="filter__item filter__buttons">
                            <button type="submit" class="button button--secondary">{locale.t("export-button")}</button>
                        </div>
                    </form>
                </section>
    }
    .into_any()
}

#[component]
pub fn HandledCasePage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("reference").unwrap_or_default(),
        get_handled_case,
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(case) => view! { <CaseView case /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn event_text(what: &HandlingEventKind, locale: Locale) -> (String, Option<String>) {
    match what {
        HandlingEventKind::Status(s) => (
            locale.t_args("history-status", &[("status", FluentArg::Str(s.clone()))]),
            None,
        ),
        HandlingEventKind::Message {
            body,
            from_staff: true,
        } => (locale.t("history-message-to"), Some(body.clone())),
        HandlingEventKind::Message {
            body,
            from_staff: false,
        } => (locale.t("history-message-from"), Some(body.clone())),
        HandlingEventKind::Note(body) => (locale.t("history-note"), Some(body.clone())),
        HandlingEventKind::Assigned(Some(name)) => (
            locale.t_args(
                "history-assigned",
                &[("name", FluentArg::Str(name.clone()))],
            ),
            None,
        ),
        HandlingEventKind::Assigned(None) => (locale.t("history-unassigned"), None),
        HandlingEventKind::Read => (locale.t("history-read"), None),
        HandlingEventKind::TakenOver(system) => (
            locale.t_args(
                "history-taken-over",
                &[("system", FluentArg::Str(system.clone()))],
            ),
            None,
        ),
        HandlingEventKind::Request { body, wants_files } => (
            if *wants_files {
                locale.t("history-request-files")
            } else {
                locale.t("history-request")
            },
            Some(body.clone()),
        ),
        HandlingEventKind::Completion { body, .. } => (
            locale.t("history-completion"),
            (!body.is_empty()).then(|| body.clone()),
        ),
    }
}

/// One text box of the case page (message, note, or the note that comes
/// with a status), with its error if the post came back with one.
#[component]
fn TextBox(
    id: &'static str,
    name: &'static str,
    label: String,
    hint: String,
    posted: Option<(String, String)>,
) -> impl IntoView {
    let locale = use_locale();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let (text, error) = posted.map_or((String::new(), None), |(t, e)| (t, Some(e)));
    let described_by = if error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    let class = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    view! {
        <div class=class>
            <label class="label" for=id>{label}</label>
            <div class="hint" id=hint_id>{hint}</div>
            {error.map(|message| view! {
                <p class="error-message" id=error_id>
                    <span class="visually-hidden">{locale.t("error-prefix")}</span>
                    {message}
                </p>
            })}
            <textarea class="textarea" id=id name=name rows="4" aria-describedby=described_by>{crate::components::field::textarea_text(&text)}</textarea>
        </div>
    }
}

#[component]
fn CaseView(case: HandledCase) -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t_args(
        "case-title",
        &[("reference", FluentArg::Str(case.reference.clone()))],
    );
    let action = |what: &str| format!("{CASES_PATH}/{}/{what}", case.reference);
    let hint = locale.t_args(
        "case-message-hint-staff",
        &[("max", FluentArg::Num(MAX_MESSAGE as i64))],
    );
    // The form that came back with an error keeps its text and says why.
    let posted_in = |which: HandlingAction| {
        case.posted.as_ref().filter(|p| p.action == which).map(|p| {
            let message = crate::pages::citizen::my_cases::message_error(p.error, locale);
            (p.text.clone(), message)
        })
    };
    let error_target = case.posted.as_ref().map(|p| match p.action {
        HandlingAction::Status => "status-note",
        HandlingAction::Message => "message",
        HandlingAction::Note => "note",
        HandlingAction::Request => "request",
    });
    let summary = case.posted.as_ref().and_then(|p| {
        let (_, message) = posted_in(p.action)?;
        let items = Signal::stored(vec![SummaryItem {
            target_id: error_target.unwrap_or("message").to_owned(),
            message,
        }]);
        Some(view! { <ErrorSummary items node_ref=NodeRef::new() /> })
    });
    let title = if case.posted.is_some() {
        format!("{} {heading}", locale.t("error-title-prefix"))
    } else {
        heading.clone()
    };
    // The page's key: a post made twice is recorded once.
    let form_key = case.form_key.clone();
    let key =
        move || view! { <input type="hidden" name=MESSAGE_KEY_INPUT value=form_key.clone() /> };
    let status_note = posted_in(HandlingAction::Status);
    let message_posted = posted_in(HandlingAction::Message);
    let note_posted = posted_in(HandlingAction::Note);
    let request_posted = posted_in(HandlingAction::Request);
    let files = (!case.files.is_empty()).then(|| {
        view! {
            <h2>{locale.t("case-files-heading")}</h2>
            <ul class="file-list">
                {case.files.iter().map(|f| view! {
                    <li>
                        <a href=f.href.clone() download=true>{f.name.clone()}</a>
                        " ("
                        {forms::format_bytes(f.size, forms::decimal_separator(locale.tag()))}
                        ")"
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        {summary}
        <Title text=title />
        <a class="back-link" href=CASES_PATH>{locale.t("inbox-back")}</a>
        <p class="caption" lang=case.content_lang.clone()>{case.service_title.clone()}</p>
        <h1>{heading}</h1>
        <dl class="case-list__facts">
            <dt>{locale.t("case-status")}</dt>
            <dd><strong class="tag">{case.status_name.clone()}</strong></dd>
            <dt>{locale.t("case-sent")}</dt>
            <dd>{case.sent_at.clone()}</dd>
            <dt>{locale.t("case-applicant")}</dt>
            <dd>{case.applicant.clone().unwrap_or_else(|| locale.t("case-applicant-anonymous"))}</dd>
            <dt>{locale.t("case-assigned")}</dt>
            <dd>{case.assigned.clone().unwrap_or_else(|| locale.t("inbox-assigned-none"))}</dd>
        </dl>
        <form method="post" action=action("assign") class="inline-form">
            <input type="hidden" name="to" value=if case.assigned_to_me { "none" } else { "me" } />
            <button type="submit" class="button button--secondary">
                {if case.assigned_to_me { locale.t("case-unassign") } else { locale.t("case-assign-me") }}
            </button>
        </form>
        <form method="post" action=action("assign") class="inline-form filter">
            <div class="form-group filter__item">
                <label class="label" for="assign-to">{locale.t("case-assign-to")}</label>
                <select class="select" id="assign-to" name="to">
                    <option value="none" selected=case.assigned_id.is_empty()>{locale.t("inbox-assigned-none")}</option>
                    {case.handlers.iter().map(|h| {
                        let chosen = h.value == case.assigned_id;
                        view! { <option value=h.value.clone() selected=chosen>{h.label.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="filter__item filter__buttons">
                <button type="submit" class="button button--secondary">{locale.t("case-assign")}</button>
            </div>
        </form>

        <section aria-labelledby="status-heading">
            <h2 id="status-heading">{locale.t("case-change-status")}</h2>
            <form method="post" action=action("status") novalidate=true>
                {key()}
                <div class="form-group">
                    <label class="label" for="status">{locale.t("case-new-status")}</label>
                    <select class="select" id="status" name="status">
                        {case.statuses.iter().map(|s| {
                            let selected = s.value == case.status;
                            view! { <option value=s.value.clone() selected=selected>{s.label.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {case.may_message.then(|| view! {
                    <TextBox id="status-note" name="note" label=locale.t("case-status-note") hint=hint.clone() posted=status_note.clone() />
                })}
                <button type="submit" class="button">{locale.t("case-change-status")}</button>
            </form>
        </section>

        {case.may_message.then(|| view! {
            <section aria-labelledby="message-heading">
                <h2 id="message-heading">{locale.t("case-write-heading")}</h2>
                <form method="post" action=action("message") novalidate=true>
                    {key()}
                    <TextBox id="message" name="message" label=locale.t("case-write-label") hint=hint.clone() posted=message_posted.clone() />
                    <button type="submit" class="button">{locale.t("case-write-send")}</button>
                </form>
            </section>
        })}
        {(!case.may_message).then(|| view! { <p>{locale.t("case-no-messages-anonymous")}</p> })}
        {case.may_message.then(|| view! {
            <section aria-labelledby="request-heading">
                <h2 id="request-heading">{locale.t("case-request-heading")}</h2>
                {case.open_request.then(|| view! { <p>{locale.t("case-request-open")}</p> })}
                <form method="post" action=action("request") novalidate=true>
                    {key()}
                    <TextBox id="request" name="request" label=locale.t("case-request-label") hint=hint.clone() posted=request_posted.clone() />
                    <div class="form-group">
                        <div class="choice">
                            <input class="choice__input" id="request-files" type="checkbox" name="files" value="yes" />
                            <label class="choice__label" for="request-files">{locale.t("case-request-files")}</label>
                        </div>
                    </div>
                    <button type="submit" class="button">{locale.t("case-request-send")}</button>
                </form>
            </section>
        })}

        <section aria-labelledby="note-heading">
            <h2 id="note-heading">{locale.t("case-note-heading")}</h2>
            <form method="post" action=action("note") novalidate=true>
                {key()}
                <TextBox id="note" name="note" label=locale.t("case-note-label") hint=locale.t("case-note-hint") posted=note_posted />
                <button type="submit" class="button button--secondary">{locale.t("case-note-save")}</button>
            </form>
        </section>

        <h2>{locale.t("receipt-answers-heading")}</h2>
        <SummaryList rows=case.summary.clone() content_lang=case.content_lang.clone() />
        {files}
        <p>
            <a href=action("export.json") download=true>{locale.t("export-case")}</a>
        </p>

        <h2 id="history">{locale.t("case-history-heading")}</h2>
        <ol class="timeline">
            {case.history.iter().map(|e| {
                let (text, body) = event_text(&e.what, locale);
                let who = e.who.clone().map(|w| view! { " · " {w} });
                let files = match &e.what {
                    HandlingEventKind::Completion { files, .. } if !files.is_empty() => Some(view! {
                        <ul class="file-list">
                            {files.iter().map(|f| view! {
                                <li>
                                    <a href=f.href.clone() download=true>{f.name.clone()}</a>
                                    " ("
                                    {forms::format_bytes(f.size, forms::decimal_separator(locale.tag()))}
                                    ")"
                                </li>
                            }).collect_view()}
                        </ul>
                    }),
                    _ => None,
                };
                view! {
                    <li class="timeline__item">
                        <span class="timeline__title">{text}</span>
                        <span class="timeline__time">{e.at.clone()}{who}</span>
                        {body.map(|b| view! { <p class="message__body">{b}</p> })}
                        {files}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

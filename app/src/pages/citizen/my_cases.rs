//! "My cases": a signed-in resident's drafts and the cases they sent, and
//! each case with its history, its answers, its files and the messages
//! with the handlers. Plain pages: links, and one form that posts a message.

use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::summary_list::SummaryList;
use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::{
    AppError, CaseEvent, CaseEventKind, CaseFile, CaseView, CompletionError, CompletionRequest,
    MessageError, MyCases, MAX_COMPLETION_FILE, MAX_COMPLETION_FILES, MAX_MESSAGE,
};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Where "My cases" is.
pub const MY_CASES_PATH: &str = "/my-cases";
/// The message form's key, so that a message posted twice is stored once.
pub const MESSAGE_KEY_INPUT: &str = "_key";

/// The signed-in resident's drafts and cases.
#[server(endpoint = "my_cases")]
pub async fn get_my_cases() -> Result<MyCases, AppError> {
    use crate::ssr::{ports, set_status, signed_in};
    let Some(person) = signed_in() else {
        set_status(401);
        return Err(AppError::ResidentSignInRequired);
    };
    Ok(ports()?.cases.mine(&person, use_locale()).await?)
}

/// One of the signed-in resident's cases.
#[server(endpoint = "my_case")]
pub async fn get_my_case(reference: String) -> Result<CaseView, AppError> {
    use crate::ssr::{ports, set_status, signed_in, PostedCompletion, PostedMessage};
    let Some(person) = signed_in() else {
        set_status(401);
        return Err(AppError::ResidentSignInRequired);
    };
    match ports()?
        .cases
        .case(&person, &reference, use_locale())
        .await?
    {
        Some(mut case) => {
            if let Some(posted) = use_context::<PostedMessage>() {
                set_status(422);
                case.message = posted.text;
                case.message_key = posted.key;
                case.message_error = Some(posted.error);
            }
            if let Some(posted) = use_context::<PostedCompletion>() {
                set_status(422);
                case.completion = posted.text;
                case.message_key = posted.key;
                case.completion_error = Some(posted.error);
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
pub fn MyCasesPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new(|| (), |_| get_my_cases());
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(mine) => view! { <MyCasesList mine /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MyCasesList(mine: MyCases) -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t("my-cases-title");
    let nothing = mine.drafts.is_empty() && mine.cases.is_empty();
    let drafts = (!mine.drafts.is_empty()).then(|| {
        view! {
            <section aria-labelledby="drafts-heading">
                <h2 id="drafts-heading">{locale.t("my-cases-drafts-heading")}</h2>
                <ul class="case-list">
                    {mine
                        .drafts
                        .into_iter()
                        .map(|d| {
                            view! {
                                <li class="case-list__item">
                                    <h3 class="case-list__title">
                                        <a href=d.href rel="external" lang=d.content_lang>{d.service_title}</a>
                                    </h3>
                                    <p class="case-list__meta">
                                        {locale.t_args("my-cases-draft-saved", &[("date", FluentArg::Str(d.saved_on))])}
                                        " "
                                        {locale.t_args("my-cases-draft-expires", &[("date", FluentArg::Str(d.expires_on))])}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    let cases = (!mine.cases.is_empty()).then(|| {
        view! {
            <section aria-labelledby="cases-heading">
                <h2 id="cases-heading">{locale.t("my-cases-sent-heading")}</h2>
                <ul class="case-list">
                    {mine
                        .cases
                        .into_iter()
                        .map(|c| {
                            let unread = (c.unread > 0).then(|| {
                                view! {
                                    <strong class="tag tag--new">
                                        {locale.t_args("my-cases-unread", &[("count", FluentArg::Num(i64::from(c.unread)))])}
                                    </strong>
                                }
                            });
                            view! {
                                <li class="case-list__item">
                                    <h3 class="case-list__title">
                                        <a href=format!("{MY_CASES_PATH}/{}", c.reference) lang=c.content_lang>
                                            {c.service_title}
                                        </a>
                                    </h3>
                                    <dl class="case-list__facts">
                                        <dt>{locale.t("case-reference")}</dt>
                                        <dd class="reference">{c.reference.clone()}</dd>
                                        <dt>{locale.t("case-sent")}</dt>
                                        <dd>{c.sent_on}</dd>
                                        <dt>{locale.t("case-status")}</dt>
                                        <dd>
                                            <strong class="tag">{c.status_name}</strong>
                                            " "
                                            {locale.t_args("case-status-since", &[("date", FluentArg::Str(c.status_on))])}
                                        </dd>
                                    </dl>
                                    {unread}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        {nothing.then(|| view! { <p>{locale.t("my-cases-none")}</p> })}
        {drafts}
        {cases}
        <p>
            <a href="/">{locale.t("my-cases-find-service")}</a>
        </p>
    }
}

#[component]
pub fn CasePage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("reference").unwrap_or_default(),
        get_my_case,
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(case) => view! { <Case case /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Why a message was not sent, in words.
pub fn message_error(error: MessageError, locale: Locale) -> String {
    match error {
        MessageError::Empty => locale.t("message-error-empty"),
        MessageError::TooLong => locale.t_args(
            "message-error-too-long",
            &[("max", FluentArg::Num(MAX_MESSAGE as i64))],
        ),
        MessageError::Closed => locale.t("message-error-closed"),
    }
}

/// What is wrong with an answer to a request for completion, and the id of
/// the input it concerns.
fn completion_error(error: &CompletionError, locale: Locale) -> (String, &'static str) {
    let file =
        |key: &str, name: &str| locale.t_args(key, &[("name", FluentArg::Str(name.to_owned()))]);
    match error {
        CompletionError::Empty => (locale.t("completion-error-empty"), COMPLETION_INPUT),
        CompletionError::TooLong => (
            message_error(MessageError::TooLong, locale),
            COMPLETION_INPUT,
        ),
        CompletionError::TooManyFiles => (
            locale.t_args(
                "completion-error-too-many",
                &[("max", FluentArg::Num(MAX_COMPLETION_FILES as i64))],
            ),
            COMPLETION_FILES_INPUT,
        ),
        CompletionError::FileTooLarge(name) => (
            locale.t_args(
                "completion-error-too-large",
                &[
                    ("name", FluentArg::Str(name.clone())),
                    ("max", FluentArg::Str(max_file_size(locale))),
                ],
            ),
            COMPLETION_FILES_INPUT,
        ),
        CompletionError::FileType(name) => {
            (file("completion-error-type", name), COMPLETION_FILES_INPUT)
        }
    }
}

fn max_file_size(locale: Locale) -> String {
    forms::format_bytes(MAX_COMPLETION_FILE, forms::decimal_separator(locale.tag()))
}

/// The inputs of the answer to a request for completion.
pub const COMPLETION_INPUT: &str = "completion";
pub const COMPLETION_FILES_INPUT: &str = "completion-files";

#[component]
fn Case(case: CaseView) -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t_args(
        "case-title",
        &[("reference", FluentArg::Str(case.reference.clone()))],
    );
    let error = case.message_error.map(|e| message_error(e, locale));
    let completion_error = case
        .completion_error
        .as_ref()
        .map(|e| completion_error(e, locale));
    let title = match error.is_some() || completion_error.is_some() {
        true => format!("{} {heading}", locale.t("error-title-prefix")),
        false => heading.clone(),
    };
    let items: Vec<SummaryItem> = error
        .clone()
        .map(|message| {
            let target = if case.message_error == Some(MessageError::Closed) {
                "messages-heading"
            } else {
                "message"
            };
            (target, message)
        })
        .into_iter()
        .chain(completion_error.clone().map(|(m, target)| (target, m)))
        .map(|(target, message)| SummaryItem {
            target_id: target.to_owned(),
            message,
        })
        .collect();
    let summary = (!items.is_empty()).then(|| {
        let items = Signal::stored(items);
        view! { <ErrorSummary items node_ref=NodeRef::new() /> }
    });
    let request = case.request.clone().map(|request| {
        let action = format!("{MY_CASES_PATH}/{}/completion", case.reference);
        view! {
            <CompletionForm
                request
                action
                key=case.message_key.clone()
                text=case.completion.clone()
                error=completion_error.clone()
            />
        }
    });
    let (statuses, messages): (Vec<CaseEvent>, Vec<CaseEvent>) = case
        .history
        .into_iter()
        .partition(|e| matches!(e.what, CaseEventKind::Status(_)));
    let file_list = |files: Vec<CaseFile>| {
        view! {
            <ul class="file-list">
                {files
                    .into_iter()
                    .map(|f| {
                        view! {
                            <li>
                                <a href=f.href download=true>{f.name}</a>
                                " ("
                                {forms::format_bytes(f.size, forms::decimal_separator(locale.tag()))}
                                ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    };
    let described_by = if error.is_some() {
        "message-hint message-error"
    } else {
        "message-hint"
    };
    let files = (!case.files.is_empty()).then(|| {
        view! {
            <h2>{locale.t("case-files-heading")}</h2>
            {file_list(case.files)}
        }
    });
    view! {
        {summary}
        <Title text=title />
        <a class="back-link" href=MY_CASES_PATH>{locale.t("my-cases-back")}</a>
        <p class="caption" lang=case.content_lang.clone()>{case.service_title}</p>
        <h1>{heading}</h1>
        <p>
            {locale.t("case-status")}
            ": "
            <strong class="tag">{case.status_name.clone()}</strong>
        </p>
        {case.processing_days.map(|days| view! {
            <p>{locale.t_args("case-processing-days", &[("days", FluentArg::Num(i64::from(days)))])}</p>
        })}
        {case.organisation.map(|o| view! {
            <p>{locale.t_args("start-responsible", &[("organisation", FluentArg::Str(o))])}</p>
        })}
        {request}
        <h2>{locale.t("case-history-heading")}</h2>
        <ol class="timeline">
            {statuses
                .into_iter()
                .map(|e| {
                    let CaseEventKind::Status(status) = e.what else { return ().into_any() };
                    view! {
                        <li class="timeline__item">
                            <span class="timeline__title">{status}</span>
                            <span class="timeline__time">{e.at}</span>
                        </li>
                    }
                    .into_any()
                })
                .collect_view()}
        </ol>
        <section aria-labelledby="messages-heading">
            <h2 id="messages-heading">{locale.t("case-messages-heading")}</h2>
            {messages.is_empty().then(|| view! { <p>{locale.t("case-messages-none")}</p> })}
            <ol class="messages">
                {messages
                    .into_iter()
                    .map(|e| {
                        let (who, class, body, new, files) = match e.what {
                            CaseEventKind::Message { body, from_staff: true, new } => {
                                (locale.t("case-message-from-staff"), "message message--staff", body, new, Vec::new())
                            }
                            CaseEventKind::Message { body, new, .. } => {
                                (locale.t("case-message-from-you"), "message", body, new, Vec::new())
                            }
                            CaseEventKind::Request { body } => {
                                (locale.t("case-request-from-staff"), "message message--staff", body, false, Vec::new())
                            }
                            CaseEventKind::Completion { body, files } => {
                                (locale.t("case-completion-from-you"), "message", body, false, files)
                            }
                            CaseEventKind::Status(_) => return ().into_any(),
                        };
                        view! {
                            <li class=class>
                                <p class="message__meta">
                                    <strong>{who}</strong>
                                    " · "
                                    {e.at}
                                    {new.then(|| view! { " " <strong class="tag tag--new">{locale.t("case-message-new")}</strong> })}
                                </p>
                                {(!body.is_empty()).then(|| view! { <p class="message__body">{body}</p> })}
                                {(!files.is_empty()).then(|| file_list(files))}
                            </li>
                        }
                        .into_any()
                    })
                    .collect_view()}
            </ol>
            {if case.messages_open {
                view! { <form method="post" action=format!("{MY_CASES_PATH}/{}/messages", case.reference) novalidate=true>
                    <input type="hidden" name=MESSAGE_KEY_INPUT value=case.message_key />
                    <div class=if error.is_some() { "form-group form-group--error" } else { "form-group" }>
                        <label class="label" for="message">{locale.t("case-message-label")}</label>
                        <div class="hint" id="message-hint">
                            {locale.t_args("case-message-hint", &[("max", FluentArg::Num(MAX_MESSAGE as i64))])}
                        </div>
                        {error.clone().map(|message| view! {
                            <p class="error-message" id="message-error">
                                <span class="visually-hidden">{locale.t("error-prefix")}</span>
                                {message}
                            </p>
                        })}
                        <textarea class="textarea" id="message" name="message" rows="5" aria-describedby=described_by>
                            {crate::components::field::textarea_text(&case.message)}
                        </textarea>
                    </div>
                    <button type="submit" class="button">{locale.t("case-message-send")}</button>
                </form> }.into_any()
            } else {
                view! { <p>{locale.t("case-messages-closed")}</p> }.into_any()
            }}
        </section>
        <h2>{locale.t("receipt-answers-heading")}</h2>
        <p class="caption">{locale.t_args("case-sent-at", &[("time", FluentArg::Str(case.sent_at))])}</p>
        <SummaryList rows=case.summary content_lang=case.content_lang />
        {files}
    }
}

/// The handlers' request for completion and the form that answers it: words,
/// and files if they asked for them. Posted as `multipart/form-data`, so
/// it works without JavaScript.
#[component]
fn CompletionForm(
    request: CompletionRequest,
    action: String,
    key: String,
    text: String,
    error: Option<(String, &'static str)>,
) -> impl IntoView {
    let locale = use_locale();
    let error_on = |input: &str| {
        error
            .as_ref()
            .filter(|(_, target)| *target == input)
            .map(|(message, _)| message.clone())
    };
    let text_error = error_on(COMPLETION_INPUT);
    let files_error = error_on(COMPLETION_FILES_INPUT);
    let group = |error: &Option<String>| {
        if error.is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let described = |id: &str, error: &Option<String>| {
        if error.is_some() {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-hint")
        }
    };
    let error_line = |id: &str, error: Option<String>| {
        error.map(|message| {
            view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{locale.t("error-prefix")}</span>
                    {message}
                </p>
            }
        })
    };
    let files = request.wants_files.then(|| {
        view! {
            <div class=group(&files_error)>
                <label class="label" for=COMPLETION_FILES_INPUT>{locale.t("completion-files-label")}</label>
                <div class="hint" id=format!("{COMPLETION_FILES_INPUT}-hint")>
                    {locale.t_args(
                        "completion-files-hint",
                        &[
                            ("count", FluentArg::Num(MAX_COMPLETION_FILES as i64)),
                            ("max", FluentArg::Str(max_file_size(locale))),
                        ],
                    )}
                </div>
                {error_line(COMPLETION_FILES_INPUT, files_error.clone())}
                <input
                    class="file-input"
                    type="file"
                    id=COMPLETION_FILES_INPUT
                    name="files"
                    multiple=true
                    accept="application/pdf,image/*"
                    aria-describedby=described(COMPLETION_FILES_INPUT, &files_error)
                />
            </div>
        }
    });
    view! {
        <section class="completion" aria-labelledby="completion-heading">
            <h2 id="completion-heading">{locale.t("completion-heading")}</h2>
            <p class="caption">{request.at}</p>
            <p class="message__body">{request.body}</p>
            <form method="post" action=action enctype="multipart/form-data" novalidate=true>
                <input type="hidden" name=MESSAGE_KEY_INPUT value=key />
                <div class=group(&text_error)>
                    <label class="label" for=COMPLETION_INPUT>{locale.t("completion-label")}</label>
                    <div class="hint" id=format!("{COMPLETION_INPUT}-hint")>
                        {locale.t_args("case-message-hint", &[("max", FluentArg::Num(MAX_MESSAGE as i64))])}
                    </div>
                    {error_line(COMPLETION_INPUT, text_error.clone())}
                    <textarea
                        class="textarea"
                        id=COMPLETION_INPUT
                        name=COMPLETION_INPUT
                        rows="5"
                        aria-describedby=described(COMPLETION_INPUT, &text_error)
                    >
                        {crate::components::field::textarea_text(&text)}
                    </textarea>
                </div>
                {files}
                <button type="submit" class="button">{locale.t("completion-send")}</button>
            </form>
        </section>
    }
}

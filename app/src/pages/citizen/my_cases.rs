//! "My cases": a signed-in resident's drafts and the cases they sent, and
//! each case with its history, its answers, its files and the messages
//! with the handlers. Plain pages: links, and one form that posts a message.

use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::summary_list::SummaryList;
use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::{
    AppError, CaseEvent, CaseEventKind, CaseView, MessageError, MyCases, MAX_MESSAGE,
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
    use crate::ssr::{ports, set_status, signed_in, PostedMessage};
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
            Ok(case)
        }
        None => {
            set_status(404);
            Err(AppError::NotFound)
        }
    }
}

/// A status's name in the page's language.
pub fn status_name(status: &str, locale: Locale) -> String {
    locale.t(&format!("case-status-{status}"))
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
                                            <strong class="tag">{status_name(&c.status, locale)}</strong>
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

fn message_error(error: MessageError, locale: Locale) -> String {
    match error {
        MessageError::Empty => locale.t("message-error-empty"),
        MessageError::TooLong => locale.t_args(
            "message-error-too-long",
            &[("max", FluentArg::Num(MAX_MESSAGE as i64))],
        ),
    }
}

#[component]
fn Case(case: CaseView) -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t_args(
        "case-title",
        &[("reference", FluentArg::Str(case.reference.clone()))],
    );
    let error = case.message_error.map(|e| message_error(e, locale));
    let title = match &error {
        Some(_) => format!("{} {heading}", locale.t("error-title-prefix")),
        None => heading.clone(),
    };
    let summary = error.clone().map(|message| {
        let items = Signal::stored(vec![SummaryItem {
            target_id: "message".to_owned(),
            message,
        }]);
        view! { <ErrorSummary items node_ref=NodeRef::new() /> }
    });
    let (statuses, messages): (Vec<CaseEvent>, Vec<CaseEvent>) = case
        .history
        .into_iter()
        .partition(|e| matches!(e.what, CaseEventKind::Status(_)));
    let described_by = if error.is_some() {
        "message-hint message-error"
    } else {
        "message-hint"
    };
    let files = (!case.files.is_empty()).then(|| {
        view! {
            <h2>{locale.t("case-files-heading")}</h2>
            <ul class="file-list">
                {case
                    .files
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
            <strong class="tag">{status_name(&case.status, locale)}</strong>
        </p>
        {case.organisation.map(|o| view! {
            <p>{locale.t_args("start-responsible", &[("organisation", FluentArg::Str(o))])}</p>
        })}
        <h2>{locale.t("case-history-heading")}</h2>
        <ol class="timeline">
            {statuses
                .into_iter()
                .map(|e| {
                    let CaseEventKind::Status(status) = e.what else { return ().into_any() };
                    view! {
                        <li class="timeline__item">
                            <span class="timeline__title">{status_name(&status, locale)}</span>
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
                        let CaseEventKind::Message { body, from_staff, new } = e.what else {
                            return ().into_any();
                        };
                        let who = if from_staff { locale.t("case-message-from-staff") } else { locale.t("case-message-from-you") };
                        let class = if from_staff { "message message--staff" } else { "message" };
                        view! {
                            <li class=class>
                                <p class="message__meta">
                                    <strong>{who}</strong>
                                    " · "
                                    {e.at}
                                    {new.then(|| view! { " " <strong class="tag tag--new">{locale.t("case-message-new")}</strong> })}
                                </p>
                                <p class="message__body">{body}</p>
                            </li>
                        }
                        .into_any()
                    })
                    .collect_view()}
            </ol>
            <form method="post" action=format!("{MY_CASES_PATH}/{}/messages", case.reference) novalidate=true>
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
                        {case.message}
                    </textarea>
                </div>
                <button type="submit" class="button">{locale.t("case-message-send")}</button>
            </form>
        </section>
        <h2>{locale.t("receipt-answers-heading")}</h2>
        <p class="caption">{locale.t_args("case-sent-at", &[("time", FluentArg::Str(case.sent_at))])}</p>
        <SummaryList rows=case.summary content_lang=case.content_lang />
        {files}
    }
}

//! "Save and come back later": the resume link, shown once, and the page a
//! link that no longer works leads to.

use crate::api::saved_draft;
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::{ResumeMailError, SavedLink};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SavedPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.read().get("key").unwrap_or_default(),
                query.read().get("sent").is_some(),
            )
        },
        |(key, sent)| saved_draft(key, sent),
    );
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let key = params.read_untracked().get("key").unwrap_or_default();
                match data.await {
                    Ok(saved) if saved.sent => view! { <Sent /> }.into_any(),
                    Ok(saved) => view! { <Saved key saved /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn mail_error(error: ResumeMailError, locale: Locale) -> String {
    locale.t(match error {
        ResumeMailError::Missing => "saved-mail-error-missing",
        ResumeMailError::Invalid => "saved-mail-error-invalid",
    })
}

#[component]
fn Saved(key: String, saved: SavedLink) -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t("saved-title");
    let error = saved.error.map(|e| mail_error(e, locale));
    let summary = error.clone().map(|message| {
        let items = Signal::stored(vec![SummaryItem {
            target_id: "resume-email".to_owned(),
            message,
        }]);
        view! { <ErrorSummary items node_ref=NodeRef::new() /> }
    });
    let title = match &error {
        Some(_) => format!("{} {heading}", locale.t("error-title-prefix")),
        None => heading.clone(),
    };
    let described_by = if error.is_some() {
        "resume-email-hint resume-email-error"
    } else {
        "resume-email-hint"
    };
    view! {
        {summary}
        <Title text=title />
        <div class="panel panel--confirmation">
            <h1 class="panel__title">{heading}</h1>
        </div>
        <p>{locale.t("saved-use-link")}</p>
        <p class="resume-link">
            <a href=saved.link.clone() rel="external">{saved.link.clone()}</a>
        </p>
        <div class="notification" role="note">
            <p>{locale.t("saved-shown-once")}</p>
        </div>
        <p>
            {locale.t_args("saved-expires", &[("date", FluentArg::Str(saved.expires_on))])}
        </p>
        <section aria-labelledby="resume-mail-heading">
            <h2 id="resume-mail-heading">{locale.t("saved-mail-heading")}</h2>
            <form method="post" action=format!("/services/{key}/saved") novalidate=true>
                <input type="hidden" name="resume" value=saved.secret />
                <div class=if error.is_some() { "form-group form-group--error" } else { "form-group" }>
                    <label class="label" for="resume-email">{locale.t("saved-mail-label")}</label>
                    <div class="hint" id="resume-email-hint">{locale.t("saved-mail-hint")}</div>
                    {error.clone().map(|message| view! {
                        <p class="error-message" id="resume-email-error">
                            <span class="visually-hidden">{locale.t("error-prefix")}</span>
                            {message}
                        </p>
                    })}
                    <input
                        class="input input--wide"
                        type="email"
                        id="resume-email"
                        name="email"
                        autocomplete="email"
                        spellcheck="false"
                        value=saved.email
                        aria-describedby=described_by
                    />
                </div>
                <button type="submit" class="button button--secondary">{locale.t("saved-mail-send")}</button>
            </form>
        </section>
        <p>
            <a href="/">{locale.t("back-to-start")}</a>
        </p>
    }
}

/// After the link was e-mailed.
#[component]
fn Sent() -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t("saved-mail-sent-title");
    view! {
        <Title text=heading.clone() />
        <div class="panel panel--confirmation">
            <h1 class="panel__title">{heading}</h1>
        </div>
        <p>{locale.t("saved-mail-sent-body")}</p>
        <p>
            <a href="/">{locale.t("back-to-start")}</a>
        </p>
    }
}

/// Where a resume link that has expired, or never was, leads.
#[component]
pub fn ExpiredPage() -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t("expired-title");
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <p>{locale.t("expired-body")}</p>
        <p>
            <a href="/">{locale.t("back-to-start")}</a>
        </p>
    }
}

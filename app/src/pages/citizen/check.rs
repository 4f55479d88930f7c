//! Check your answers before sending: every answer under the page it was
//! given on, each with a "change" link that leads to the question and then
//! back here. Sending is a plain post of this page; sending twice gives the
//! same case and the same receipt.

use crate::api::check_answers;
use crate::components::error_summary::SubmitFailed;
use crate::components::notices::Notices;
use crate::components::summary_list::SummaryList;
use crate::i18n::use_locale;
use crate::model::CheckData;
use crate::pages::citizen::form::{SUBMISSION_INPUT, VERSION_INPUT};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CheckPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        check_answers,
    );
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <Check data /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Check(data: CheckData) -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t("check-title");
    let key = data.key.clone();
    view! {
        <Title text=format!("{heading} – {}", data.title) />
        <a class="back-link" href=format!("/services/{key}/form/{}", data.last_page) rel="external">
            {locale.t("back")}
        </a>
        {data.failure_reference.map(|reference| view! { <SubmitFailed reference /> })}
        <Notices notices=data.notices.clone() />
        <p class="caption" lang=data.content_lang.clone()>{data.title.clone()}</p>
        <h1>{heading}</h1>
        {data
            .sections
            .into_iter()
            .map(|section| {
                view! {
                    <h2 class="check__heading" lang=data.content_lang.clone()>{section.title}</h2>
                    <SummaryList rows=section.rows change=section.change content_lang=data.content_lang.clone() />
                }
            })
            .collect_view()}
        <h2>{locale.t("check-send-heading")}</h2>
        <p>{locale.t("check-send-body")}</p>
        <form method="post" action=format!("/services/{key}/check") novalidate=true>
            <input type="hidden" name=VERSION_INPUT value=data.version.to_string() />
            <input type="hidden" name=SUBMISSION_INPUT value=data.submission_key />
            <button type="submit" class="button">{locale.t("submit-button")}</button>
        </form>
    }
}

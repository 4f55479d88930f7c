//! "Save and come back later": the resume link, shown once, and the page a
//! link that no longer works leads to.

use crate::api::saved_draft;
use crate::i18n::{use_locale, FluentArg};
use crate::model::SavedLink;
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SavedPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        saved_draft,
    );
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(saved) => view! { <Saved saved /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Saved(saved: SavedLink) -> impl IntoView {
    let locale = use_locale();
    let heading = locale.t("saved-title");
    view! {
        <Title text=heading.clone() />
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

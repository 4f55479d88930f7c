//! The way in to a service that asks for e-ID.

use crate::i18n::{use_locale, FluentArg};
use leptos::prelude::*;
use leptos_meta::Title;

/// A button that starts signing in with e-ID for `service`: a plain post,
/// so it works without JavaScript; the person comes back to the form.
#[component]
pub fn SignInButton(service: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <form method="post" action="/signin" class="sign-in-form">
            <input type="hidden" name="service" value=service />
            <button type="submit" class="button button--start">
                {locale.t("sign-in-button")}
            </button>
        </form>
    }
}

/// Shown instead of a form (status 401) to someone not signed in, or
/// signed in at too low a level, for a service that asks for e-ID.
#[component]
pub fn SignInRequired(service: String, title: String, too_low: bool) -> impl IntoView {
    let locale = use_locale();
    let body = if too_low {
        "sign-in-too-low-body"
    } else {
        "sign-in-required-body"
    };
    view! {
        <Title text=locale.t("sign-in-required-title") />
        <a class="back-link" href=format!("/services/{service}")>
            {locale.t("back")}
        </a>
        <h1>{locale.t("sign-in-required-title")}</h1>
        <p>{locale.t_args(body, &[("service", FluentArg::Str(title))])}</p>
        <SignInButton service />
    }
}

/// Shown instead of "My cases" (status 401) to someone not signed in: the
/// button signs in with e-ID and comes back to "My cases".
#[component]
pub fn SignInToSeeCases() -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=locale.t("my-cases-title") />
        <h1>{locale.t("my-cases-title")}</h1>
        <p>{locale.t("my-cases-sign-in-body")}</p>
        // No service: the sign-in comes back to "My cases".
        <SignInButton service=String::new() />
    }
}

use crate::i18n::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any address that is not a page, with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(404);
    let locale = use_locale();
    view! {
        <Title text=locale.t("not-found-title") />
        <h1>{locale.t("not-found-title")}</h1>
        <p>{locale.t("not-found-body")}</p>
        <p>
            <a href="/">{locale.t("back-to-start")}</a>
        </p>
    }
}

/// The message for a failed load, shared by every page.
#[component]
pub fn LoadError(error: crate::model::AppError) -> impl IntoView {
    use crate::model::AppError;
    let locale = use_locale();
    match error {
        AppError::NotFound => view! { <NotFound /> }.into_any(),
        AppError::Unavailable { reference } => view! {
            <Title text=locale.t("error-page-title") />
            <h1>{locale.t("error-page-title")}</h1>
            <p>{locale.t_args("error-page-body", &[("reference", crate::i18n::FluentArg::Str(reference))])}</p>
        }
        .into_any(),
        // The request itself failed (no connection, or a reply that could not
        // be read): its technical text means nothing to the person.
        AppError::SignInRequired {
            service,
            title,
            too_low,
        } => view! { <crate::components::sign_in::SignInRequired service title too_low /> }
            .into_any(),
        AppError::ResidentSignInRequired => view! {
            <crate::components::sign_in::SignInToSeeCases />
        }
        .into_any(),
        AppError::StaffSignInRequired => view! {
            <Title text=locale.t("staff-signin-title") />
            <p>
                <a href="/staff/signin">{locale.t("staff-signin-title")}</a>
            </p>
        }
        .into_any(),
        AppError::Request(_) => view! {
            <Title text=locale.t("error-page-title") />
            <h1>{locale.t("error-page-title")}</h1>
            <p>{locale.t("error-connection")}</p>
        }
        .into_any(),
    }
}

//! Signing in and out: a refused sign-in, and the page after signing out.
//! The flow itself is the server's (`server/src/auth`); these pages only say
//! where it stands. (The test e-ID's page stands where a provider's would,
//! outside the app: `server/src/http/test_eid_page.rs`.)

use crate::components::sign_in::SignInButton;
use crate::i18n::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// A sign-in that was refused, and why, in words; `?reason=` is one of
/// `loa`, `state`, `cancelled` or `failed`, and `?service=` leads back.
#[component]
pub fn SignInRefusedPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(403);
    let locale = use_locale();
    let query = use_query_map();
    let reason = match query.read_untracked().get("reason").as_deref() {
        Some("loa") => "sign-in-refused-loa",
        Some("state") => "sign-in-refused-state",
        Some("cancelled") => "sign-in-refused-cancelled",
        _ => "sign-in-refused-failed",
    };
    // Only a service key, never an address from elsewhere.
    let service = query
        .read_untracked()
        .get("service")
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    view! {
        <Title text=locale.t("sign-in-refused-title") />
        <h1>{locale.t("sign-in-refused-title")}</h1>
        <p>{locale.t(reason)}</p>
        {match service {
            Some(service) => view! {
                <p>
                    <a href=format!("/services/{service}")>{locale.t("back")}</a>
                </p>
                <SignInButton service />
            }
            .into_any(),
            None => view! {
                <p>
                    <a href="/">{locale.t("back-to-start")}</a>
                </p>
            }
            .into_any(),
        }}
    }
}

/// After signing out.
#[component]
pub fn SignedOutPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=locale.t("signed-out-title") />
        <h1>{locale.t("signed-out-title")}</h1>
        <p>{locale.t("signed-out-body")}</p>
        <p>
            <a href="/">{locale.t("back-to-start")}</a>
        </p>
    }
}

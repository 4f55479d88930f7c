//! Blankett's user interface: pages, components and server functions, built
//! with Leptos for server rendering (`ssr`) and for hydration in the browser
//! (`hydrate`); never both at once.
//!
//! Invariants: every page is complete and usable as plain HTML, without
//! WebAssembly; hydration only adds instant feedback. Every string a person
//! reads comes from Fluent (`locales/`). Validation is never written here: it
//! is the forms engine's, run on both sides. This crate does no IO of its
//! own; the server implements the ports declared in [`ssr`] and provides
//! them as context.

pub mod api;
pub mod components;
pub mod i18n;
pub mod mail;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;

use crate::i18n::use_locale;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// Where the stylesheet is served; the server serves it from memory.
pub const STYLESHEET_PATH: &str = "/pkg/blankett.css";
/// Where the session warning's script is served (signed-in pages only).
pub const SESSION_SCRIPT_PATH: &str = "/session.js";

/// How long a signed-in session lasts without a request, in seconds: the
/// server provides it when rendering a signed-in person's page.
#[derive(Clone, Copy, Debug)]
pub struct SessionIdle(pub u64);

/// The HTML document around the app. The server renders it; the browser
/// hydrates what is inside `<body>`.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = use_locale();
    let viewer = components::layout::use_viewer().map(|v| v.name);
    // Signed in: the session warning's words and timing, and its script.
    let idle = viewer
        .as_ref()
        .and(use_context::<SessionIdle>())
        .map(|i| i.0);
    let minutes = idle.map(|i| i64::try_from(i.min(240) / 120).unwrap_or(2).max(1));
    let say =
        |key: &str| minutes.map(|m| locale.t_args(key, &[("minutes", i18n::FluentArg::Num(m))]));
    view! {
        <!DOCTYPE html>
        <html
            lang=locale.tag()
            dir=locale.dir()
            data-viewer=viewer
            data-session-idle=idle.map(|i| i.to_string())
            data-session-warning=say("session-warning")
            data-session-extend=say("session-extend")
            data-session-ended=say("session-ended")
        >
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href=STYLESHEET_PATH />
                // No icon yet; this keeps browsers from asking for /favicon.ico.
                <link rel="icon" href="data:," />
                <HydrationScripts options />
                {idle.map(|_| view! { <script src=SESSION_SCRIPT_PATH defer=true></script> })}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = use_locale();
    view! {
        <Title formatter=move |page: String| format!("{page} – {}", locale.t("site-name")) />
        <Router>
            <components::layout::Layout>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("") view=pages::citizen::catalogue::CataloguePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/services/:key")
                        view=pages::citizen::start::ServiceStartPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/services/:key/form")
                        view=pages::citizen::form::FormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/services/:key/form/:page")
                        view=pages::citizen::form::FormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/services/:key/saved")
                        view=pages::citizen::saved::SavedPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/drafts/expired") view=pages::citizen::saved::ExpiredPage />
                    <Route path=path!("/signin/refused") view=pages::sign_in::SignInRefusedPage />
                    <Route path=path!("/signed-out") view=pages::sign_in::SignedOutPage />
                    <Route path=path!("/staff/signin") view=pages::staff::StaffSignInPage ssr=SsrMode::Async />
                    <Route path=path!("/staff") view=pages::staff::StaffHomePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/services/:key/check")
                        view=pages::citizen::check::CheckPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/receipts/:token")
                        view=pages::citizen::receipt::ReceiptPage
                        ssr=SsrMode::Async
                    />
                    // A survey answer with an error is answered with the
                    // receipt at the address it was posted to; the browser
                    // must draw the same page there to hydrate it.
                    <Route
                        path=path!("/receipts/:token/feedback")
                        view=pages::citizen::receipt::ReceiptPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </components::layout::Layout>
        </Router>
    }
}

/// The browser's entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The server chose the language and wrote it on <html>; agree with it.
    let root = leptos::web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let locale = root
        .as_ref()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|tag| i18n::Locale::from_tag(&tag))
        .unwrap_or_default();
    // Who is signed in, as the server wrote it there.
    let viewer = root
        .as_ref()
        .and_then(|e| e.get_attribute("data-viewer"))
        .map(|name| model::Viewer { name });
    leptos::mount::hydrate_body(move || {
        provide_context(locale);
        if let Some(viewer) = viewer.clone() {
            provide_context(viewer);
        }
        view! { <App /> }
    });
    // Marks the page as interactive, for tests and for styles that only
    // make sense with JavaScript.
    if let Some(root) = root {
        let _ = root.set_attribute("data-hydrated", "");
    }
}

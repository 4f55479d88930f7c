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
/// Where the form builder's save-as-you-go script is served (its pages only).
pub const BUILDER_SCRIPT_PATH: &str = "/builder.js";

/// How long a signed-in session lasts without a request, in seconds: the
/// server provides it when rendering a signed-in person's page.
#[derive(Clone, Copy, Debug)]
pub struct SessionIdle(pub u64);

/// The HTML document around the app. The server renders it; the browser
/// hydrates what is inside `<body>`.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Islands: only the parts of a page that need the browser are
    // hydrated, and only a page with such a part loads the bundle (it draws
    // `IslandScripts` itself). Nothing outside an island is written for
    // hydration.
    if let Some(context) = leptos::reactive::owner::Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    provide_context(options);
    let locale = use_locale();
    let viewer = components::layout::use_viewer();
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
                    <Route path=path!("/my-cases") view=pages::citizen::my_cases::MyCasesPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/my-cases/:reference")
                        view=pages::citizen::my_cases::CasePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/staff/signin") view=pages::staff::StaffSignInPage ssr=SsrMode::Async />
                    <Route path=path!("/staff") view=pages::staff::StaffHomePage ssr=SsrMode::Async />
                    <Route path=path!("/staff/cases") view=pages::handling::InboxPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/admin") view=pages::admin::AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/forms") view=pages::authoring::FormsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/forms/:key")
                        view=pages::authoring::FormDraftPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/forms/:key/versions")
                        view=pages::publishing::VersionsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/forms/:key/versions/:version/accessibility")
                        view=pages::publishing::AccessibilityPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/forms/:key/statistics")
                        view=pages::publishing::ServiceStatisticsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/statistics")
                        view=pages::publishing::StatisticsSummaryPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/forms/:key/statuses")
                        view=pages::authoring::StatusesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/forms/:key/details")
                        view=pages::authoring::DetailsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/forms/:key/preview")
                        view=pages::authoring::PreviewPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/forms/:key/pages/:page/fields/:field")
                        view=pages::authoring::FieldEditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/forms/:key/pages/:page/fields/:field/fields/:inner")
                        view=pages::authoring::FieldEditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/admin/integrations")
                        view=pages::admin::IntegrationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/admin/staff/:id")
                        view=pages::admin::StaffEditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/admin/services/:key")
                        view=pages::admin::ServiceEditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/cases/:reference")
                        view=pages::handling::HandledCasePage
                        ssr=SsrMode::Async
                    />
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

/// The bundle's scripts, drawn by a page that holds an island (in its body,
/// where `link rel=modulepreload` is allowed too): pages without one load no
/// script at all.
#[component]
pub fn IslandScripts() -> impl IntoView {
    use_context::<LeptosOptions>()
        .map(|options| view! { <HydrationScripts options islands=true /> })
}

/// The browser's entry point, called by the island script before it
/// hydrates each island on the page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

/// Marks the page as interactive once an island has hydrated, for tests and
/// for styles that only make sense with JavaScript.
pub fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    Effect::new(|| {
        if let Some(root) = leptos::web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}

use crate::i18n::{use_locale, Locale};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Who is signed in on this page, if anyone: provided by the server when
/// rendering (the layout is never hydrated).
pub fn use_viewer() -> Option<crate::model::Viewer> {
    use_context::<crate::model::Viewer>()
}

/// The frame of every page: skip link, header with the language switch and,
/// for a signed-in person, their name and the way out; the main landmark.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let locale = use_locale();
    let account = use_viewer().map(|viewer| {
        view! {
            <div class="site-header__account">
                <span>
                    {locale.t_args("signed-in-as", &[("name", crate::i18n::FluentArg::Str(viewer.name))])}
                </span>
                {viewer.resident.then(|| view! {
                    <a href=crate::pages::citizen::my_cases::MY_CASES_PATH>{locale.t("my-cases-title")}</a>
                })}
                <form method="post" action="/signout">
                    <button type="submit" class="link-button">
                        {locale.t("sign-out-button")}
                    </button>
                </form>
            </div>
        }
    });
    view! {
        <a class="skip-link" href="#main">
            {locale.t("skip-to-content")}
        </a>
        <header class="site-header">
            <div class="width-container site-header__inner">
                <a class="site-header__name" href="/">
                    {locale.t("site-name")}
                </a>
                {account}
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" class="width-container" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="width-container">{locale.t("footer-text")}</div>
        </footer>
    }
}

/// Plain links that set the language cookie and come back to this page, so
/// switching works without JavaScript. `rel="external"` keeps the client
/// router from treating them as pages of the app.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    let back = move || {
        let path = location.pathname.get();
        let query = location.search.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    view! {
        <nav class="language-switch" aria-label=locale.t("language-switch-label")>
            <ul>
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        let current = l == locale;
                        view! {
                            <li>
                                <a
                                    href=move || format!("/language/{}?back={}", l.tag(), encode_query_value(&back()))
                                    rel="external"
                                    lang=l.tag()
                                    hreflang=l.tag()
                                    aria-current=current.then_some("true")
                                >
                                    {l.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Percent-encodes a value for a query string.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_values_are_encoded() {
        assert_eq!(super::encode_query_value("/services/a-b"), "/services/a-b");
        assert_eq!(
            super::encode_query_value("/x?y=1&z=å"),
            "/x%3Fy%3D1%26z%3D%C3%A5"
        );
    }
}

//! The test e-ID's own page. It stands where a real e-ID provider's page
//! would, outside Blankett's app: drawn here on the server, with no script
//! at all, in the person's language and with Blankett's stylesheet. It says
//! plainly that it is a test.

use crate::auth::test_eid::PEOPLE;
use crate::auth::{level_number, mask_pin};
use app::i18n::{FluentArg, Locale};
use leptos::prelude::*;

/// The policy of this page: its stylesheet and its form, nothing else.
pub const POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                          form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The page for the sign-in with `state` and `nonce`; `missing`: posted
/// without choosing anybody.
pub fn render(locale: Locale, state: &str, nonce: &str, missing: bool) -> String {
    let title = if missing {
        format!(
            "{} {}",
            locale.t("error-title-prefix"),
            locale.t("test-eid-title")
        )
    } else {
        locale.t("test-eid-title")
    };
    let summary = missing.then(|| {
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus=true>
                <h2 class="error-summary__title" id="error-summary-title">
                    {locale.t("error-summary-title")}
                </h2>
                <ul class="error-summary__list">
                    <li>
                        <a href="#test-person-0">{locale.t("test-eid-error")}</a>
                    </li>
                </ul>
            </div>
        }
    });
    let error = missing.then(|| {
        view! {
            <p class="error-message" id="test-person-error">
                <span class="visually-hidden">{locale.t("error-prefix")}</span>
                {locale.t("test-eid-error")}
            </p>
        }
    });
    let people = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, person)| {
            let id = format!("test-person-{i}");
            let pin = person
                .pin
                .map(mask_pin)
                .unwrap_or_else(|| locale.t("test-eid-no-pin"));
            let level = locale.t_args(
                "test-eid-loa",
                &[("level", FluentArg::Num(i64::from(level_number(person.loa))))],
            );
            view! {
                <div class="choice">
                    <input class="choice__input" type="radio" id=id.clone() name="person" value=person.id />
                    <label class="choice__label" for=id>
                        {person.name}
                        <span class="hint choice__hint">{format!("{pin} · {level}")}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let page = view! {
        <!DOCTYPE html>
        <html lang=locale.tag() dir=locale.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{title}</title>
                <link rel="stylesheet" href=app::STYLESHEET_PATH />
            </head>
            <body>
                <header class="site-header">
                    <div class="width-container site-header__inner">
                        <span class="site-header__name">{locale.t("test-eid-title")}</span>
                    </div>
                </header>
                <main id="main" class="width-container">
                    {summary}
                    <h1>{locale.t("test-eid-title")}</h1>
                    <div class="notification notification--warning">
                        <p>{locale.t("test-eid-warning")}</p>
                    </div>
                    <form method="post" action="/test-eid" novalidate=true>
                        <input type="hidden" name="state" value=state.to_owned() />
                        <input type="hidden" name="nonce" value=nonce.to_owned() />
                        <div class=if missing { "form-group form-group--error" } else { "form-group" }>
                            <fieldset class="fieldset" aria-describedby=missing.then_some("test-person-error")>
                                <legend class="fieldset__legend">{locale.t("test-eid-legend")}</legend>
                                {error}
                                <div class="radios">{people}</div>
                            </fieldset>
                        </div>
                        <div class="button-group">
                            <button type="submit" class="button">
                                {locale.t("test-eid-submit")}
                            </button>
                            <button type="submit" class="button button--secondary" name="cancel" value="1">
                                {locale.t("test-eid-cancel")}
                            </button>
                        </div>
                    </form>
                </main>
            </body>
        </html>
    };
    Owner::new().with(|| page.to_html())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_never_shows_a_whole_number_and_escapes_what_it_is_given() {
        let html = render(Locale::default(), "s\"><script>", "n", true);
        assert!(
            html.contains("19811218-XXXX") && !html.contains("19811218-9876"),
            "{html}"
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("Välj vem du vill logga in som") && html.contains(r#"lang="sv""#));
    }
}

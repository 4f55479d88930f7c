//! Signing in and out: the built-in test e-ID, a refused sign-in, and the
//! page after signing out. The flow itself is the server's
//! (`server/src/auth`); these pages only say where it stands.

use crate::components::sign_in::SignInButton;
use crate::i18n::{use_locale, FluentArg};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The people of the built-in test e-ID; not found when it is off.
#[server(endpoint = "test_eid_people")]
pub async fn test_eid_people() -> Result<Vec<crate::model::TestPerson>, crate::model::AppError> {
    use crate::model::AppError;
    use crate::ssr::{ports, set_status};
    match ports()?.test_people {
        Some(people) => Ok(people.to_vec()),
        None => {
            set_status(404);
            Err(AppError::NotFound)
        }
    }
}

/// The test e-ID's own page, standing where a real e-ID provider's would:
/// pick a made-up person, and the browser goes back to Blankett with a
/// one-time code, as from a real provider.
#[component]
pub fn TestEidPage() -> impl IntoView {
    let people = Resource::new(|| (), |_| test_eid_people());
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match people.await {
                    Ok(people) => view! { <TestEid people /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TestEid(people: Vec<crate::model::TestPerson>) -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let param = move |name: &str| query.read_untracked().get(name).unwrap_or_default();
    let missing = query.read_untracked().get("error").is_some();
    #[cfg(feature = "ssr")]
    if missing {
        crate::ssr::set_status(422);
    }
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
    view! {
        <Title text=title />
        {summary}
        <h1>{locale.t("test-eid-title")}</h1>
        <div class="notification notification--warning">
            <p>{locale.t("test-eid-warning")}</p>
        </div>
        <form method="post" action="/test-eid" novalidate=true>
            <input type="hidden" name="state" value=param("state") />
            <input type="hidden" name="nonce" value=param("nonce") />
            <div class=if missing { "form-group form-group--error" } else { "form-group" }>
                <fieldset class="fieldset" aria-describedby=missing.then_some("test-person-error")>
                    <legend class="fieldset__legend">{locale.t("test-eid-legend")}</legend>
                    {error}
                    <div class="radios">
                        {people
                            .into_iter()
                            .enumerate()
                            .map(|(i, person)| {
                                let id = format!("test-person-{i}");
                                let pin = person.masked_pin.unwrap_or_else(|| locale.t("test-eid-no-pin"));
                                let level = locale.t_args(
                                    "test-eid-loa",
                                    &[("level", FluentArg::Num(i64::from(person.level)))],
                                );
                                view! {
                                    <div class="choice">
                                        <input
                                            class="choice__input"
                                            type="radio"
                                            id=id.clone()
                                            name="person"
                                            value=person.id
                                        />
                                        <label class="choice__label" for=id>
                                            {person.name}
                                            <span class="hint choice__hint">{format!("{pin} · {level}")}</span>
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
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
    }
}

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

//! Staff: signing in with a local account, and their start page. (Case
//! handling and the form builder come later and start from here.)

use crate::i18n::use_locale;
use crate::model::{AppError, StaffHome, StaffSignIn, StaffSignInError};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;

/// What the sign-in page shows: empty, or what a post brought back.
#[server(endpoint = "staff_sign_in")]
pub async fn get_staff_sign_in() -> Result<StaffSignIn, AppError> {
    use crate::ssr::{set_status, PostedStaffSignIn, StaffSignInWays};
    let ways = use_context::<StaffSignInWays>().unwrap_or_default();
    // The provider's answer comes back as `?error=unknown|failed`.
    let from_provider = use_context::<http::request::Parts>().and_then(|parts| {
        let query = parts.uri.query()?.to_owned();
        query.split('&').find_map(|pair| match pair {
            "error=unknown" => Some(StaffSignInError::Unknown),
            "error=failed" => Some(StaffSignInError::Failed),
            _ => None,
        })
    });
    let (username, error) = match use_context::<PostedStaffSignIn>() {
        Some(posted) => (posted.username, Some(posted.error)),
        None => (String::new(), from_provider),
    };
    if let Some(error) = error {
        set_status(match error {
            StaffSignInError::Missing => 422,
            StaffSignInError::Wrong | StaffSignInError::Unknown | StaffSignInError::Failed => 401,
        });
    }
    Ok(StaffSignIn {
        username,
        error,
        provider: ways.provider,
        local: ways.local,
    })
}

/// The signed-in member of staff's start page; to the sign-in page if
/// nobody is signed in.
#[server(endpoint = "staff_home")]
pub async fn get_staff_home() -> Result<StaffHome, AppError> {
    use crate::i18n::use_locale;
    use crate::ssr::{ports, redirect, staff_signed_in};
    let Some(staff) = staff_signed_in() else {
        redirect("/staff/signin");
        return Err(AppError::StaffSignInRequired);
    };
    let locale = use_locale();
    let services = ports()?.catalogue.services().await?;
    Ok(StaffHome {
        administrator: crate::ssr::is_administrator(&staff),
        author: crate::ssr::is_author(&staff),
        name: staff.name,
        roles: staff
            .roles
            .iter()
            .map(|r| locale.t(&format!("role-{r}")))
            .collect(),
        services: services
            .iter()
            .filter(|d| staff.services.iter().any(|s| s == d.key()))
            .map(|d| d.title(locale.tag()).to_owned())
            .collect(),
    })
}

#[component]
pub fn StaffSignInPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_staff_sign_in());
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <SignInForm data /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SignInForm(data: StaffSignIn) -> impl IntoView {
    let locale = use_locale();
    let message = data.error.map(|e| match e {
        StaffSignInError::Missing => locale.t("staff-signin-missing"),
        StaffSignInError::Wrong => locale.t("staff-signin-wrong"),
        StaffSignInError::Unknown => locale.t("staff-signin-unknown"),
        StaffSignInError::Failed => locale.t("staff-signin-failed"),
    });
    // An error of the password form links to its field; one of the
    // provider's to its button.
    let from_provider = matches!(
        data.error,
        Some(StaffSignInError::Unknown | StaffSignInError::Failed)
    );
    let target = if from_provider {
        "#staff-provider"
    } else {
        "#staff-username"
    };
    let title = match &message {
        Some(_) => format!(
            "{} {}",
            locale.t("error-title-prefix"),
            locale.t("staff-signin-title")
        ),
        None => locale.t("staff-signin-title"),
    };
    let password_failed = message.is_some() && !from_provider;
    let password_message = message.clone().filter(|_| !from_provider);
    view! {
        <Title text=title />
        {message.clone().map(|m| view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus=true>
                <h2 class="error-summary__title" id="error-summary-title">{locale.t("error-summary-title")}</h2>
                <ul class="error-summary__list">
                    <li><a href=target>{m}</a></li>
                </ul>
            </div>
        })}
        <h1>{locale.t("staff-signin-title")}</h1>
        {data.provider.then(|| view! {
            <form method="post" action="/staff/signin/provider" class="sign-in-form">
                <button type="submit" class="button" id="staff-provider">
                    {locale.t("staff-signin-provider")}
                </button>
            </form>
        })}
        {(data.provider && data.local).then(|| view! {
            <h2>{locale.t("staff-signin-local-heading")}</h2>
        })}
        {data.local.then(|| view! {
        <form method="post" action="/staff/signin" novalidate=true>
            <div class=if password_failed { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for="staff-username">{locale.t("staff-username")}</label>
                {password_message.map(|m| view! {
                    <p class="error-message" id="staff-signin-error">
                        <span class="visually-hidden">{locale.t("error-prefix")}</span>
                        {m}
                    </p>
                })}
                <input
                    class="input input--medium"
                    id="staff-username"
                    name="username"
                    type="text"
                    autocomplete="username"
                    spellcheck="false"
                    value=data.username
                    aria-describedby=password_failed.then_some("staff-signin-error")
                    aria-invalid=password_failed.then_some("true")
                />
            </div>
            <div class="form-group">
                <label class="label" for="staff-password">{locale.t("staff-password")}</label>
                <input
                    class="input input--medium"
                    id="staff-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                />
            </div>
            <button type="submit" class="button">{locale.t("staff-signin-button")}</button>
        </form>
        })}
    }
}

#[component]
pub fn StaffHomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_staff_home());
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(home) => view! {
                        <Title text=locale.t("staff-home-title") />
                        <h1>{locale.t("staff-home-title")}</h1>
                        <p class="lead">{home.name}</p>
                        <h2>{locale.t("staff-roles")}</h2>
                        <ul class="list">{home.roles.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        <h2>{locale.t("staff-services")}</h2>
                        <ul class="list">{home.services.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                        <p><a href=crate::pages::handling::CASES_PATH>{locale.t("staff-home-cases")}</a></p>
                        {home.author.then(|| view! {
                            <p><a href=crate::pages::authoring::FORMS_PATH>{locale.t("staff-home-forms")}</a></p>
                        })}
                        {home.administrator.then(|| view! {
                            <p><a href=crate::pages::admin::ADMIN_PATH>{locale.t("staff-home-admin")}</a></p>
                        })}
                        <p>{locale.t("staff-home-next")}</p>
                    }
                    .into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

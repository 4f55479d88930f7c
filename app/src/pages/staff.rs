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
    use crate::ssr::{set_status, PostedStaffSignIn};
    Ok(match use_context::<PostedStaffSignIn>() {
        Some(posted) => {
            set_status(match posted.error {
                StaffSignInError::Missing => 422,
                StaffSignInError::Wrong => 401,
            });
            StaffSignIn {
                username: posted.username,
                error: Some(posted.error),
            }
        }
        None => StaffSignIn::default(),
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
    });
    let title = match &message {
        Some(_) => format!(
            "{} {}",
            locale.t("error-title-prefix"),
            locale.t("staff-signin-title")
        ),
        None => locale.t("staff-signin-title"),
    };
    let failed = message.is_some();
    view! {
        <Title text=title />
        {message.clone().map(|m| view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus=true>
                <h2 class="error-summary__title" id="error-summary-title">{locale.t("error-summary-title")}</h2>
                <ul class="error-summary__list">
                    <li><a href="#staff-username">{m}</a></li>
                </ul>
            </div>
        })}
        <h1>{locale.t("staff-signin-title")}</h1>
        <form method="post" action="/staff/signin" novalidate=true>
            <div class=if failed { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for="staff-username">{locale.t("staff-username")}</label>
                {message.map(|m| view! {
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
                    aria-describedby=failed.then_some("staff-signin-error")
                    aria-invalid=failed.then_some("true")
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
                        <p>{locale.t("staff-home-next")}</p>
                    }
                    .into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

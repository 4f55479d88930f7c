//! A service's start page: what it is for and everything a person should
//! know before beginning, then the way in.

use crate::api::get_service_start;
use crate::components::notices::Notices;
use crate::components::sign_in::SignInButton;
use crate::i18n::{use_locale, FluentArg};
use crate::model::ServiceStart;
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ServiceStartPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        get_service_start,
    );
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(service) => view! { <Start service /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Start(service: ServiceStart) -> impl IntoView {
    let locale = use_locale();
    let num = |key: &str, name: &'static str, n: u32| {
        locale.t_args(key, &[(name, FluentArg::Num(i64::from(n)))])
    };
    let before = (!service.need.is_empty() || service.minutes.is_some()).then(|| {
        view! {
            <h2>{locale.t("start-before-heading")}</h2>
            {(!service.need.is_empty())
                .then(|| {
                    view! {
                        <p>{locale.t("start-need")}</p>
                        <ul class="list" lang=service.content_lang.clone()>
                            {service.need.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {service.minutes.map(|m| view! { <p>{num("start-minutes", "minutes", m)}</p> })}
        }
    });
    let sign_in = if service.e_id {
        locale.t("start-e-id")
    } else {
        locale.t("start-anonymous")
    };
    let handling = (service.processing_days.is_some() || service.organisation.is_some()).then(|| {
        view! {
            <h2>{locale.t("start-handling-heading")}</h2>
            {service.processing_days.map(|d| view! { <p>{num("start-processing-days", "days", d)}</p> })}
            {service
                .organisation
                .clone()
                .map(|o| {
                    view! {
                        <p>{locale.t_args("start-responsible", &[("organisation", FluentArg::Str(o))])}</p>
                    }
                })}
        }
    });
    let privacy = service.privacy.clone().map(|p| {
        view! {
            <h2>{locale.t("start-privacy-heading")}</h2>
            <p lang=service.content_lang.clone()>{p.purpose}</p>
            <p>{locale.t(&format!("legal-basis-{}", p.legal_basis))}</p>
            <p>{num("start-retention", "months", p.retention_months)}</p>
        }
    });
    let other_ways = (service.phone.is_some() || service.visit.is_some()).then(|| {
        view! {
            <h2>{locale.t("start-other-ways-heading")}</h2>
            {service
                .phone
                .clone()
                .map(|phone| {
                    let href = format!(
                        "tel:{}",
                        phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>()
                    );
                    view! {
                        <p>
                            {locale.t("start-phone")} " " <a href=href>{phone}</a>
                        </p>
                    }
                })}
            {service.visit.clone().map(|v| view! { <p lang=service.content_lang.clone()>{v}</p> })}
        }
    });
    view! {
        <Title text=service.title.clone() />
        <a class="back-link" href="/">
            {locale.t("back-to-start")}
        </a>
        <Notices notices=service.notices.clone() />
        <h1 lang=service.content_lang.clone()>{service.title.clone()}</h1>
        <p class="lead" lang=service.content_lang.clone()>{service.description.clone()}</p>
        {before}
        <p>{sign_in}</p>
        {if service.may_start {
            // A link that looks like a button: starting is going somewhere.
            view! {
                <a class="button button--start" href=format!("/services/{}/form", service.key) draggable="false">
                    {locale.t("start-button")}
                </a>
            }
                .into_any()
        } else {
            view! { <SignInButton service=service.key.clone() /> }.into_any()
        }}
        {handling}
        {privacy}
        {other_ways}
    }
}

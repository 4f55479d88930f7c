//! The receipt shown after sending: the case reference to keep.

use crate::api::get_receipt;
use crate::components::summary_list::SummaryList;
use crate::i18n::{use_locale, FluentArg};
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("token").unwrap_or_default(),
        get_receipt,
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(r) => view! {
                        <Title text=locale.t("receipt-title") />
                        <div class="panel panel--confirmation">
                            <h1 class="panel__title">{locale.t("receipt-title")}</h1>
                            <div class="panel__body">
                                {locale.t("receipt-reference-label")}
                                <br />
                                <strong class="reference">{r.reference.clone()}</strong>
                            </div>
                        </div>
                        <p>
                            {locale.t_args(
                                "receipt-body",
                                &[
                                    ("service", FluentArg::Str(r.service_title.clone())),
                                    ("time", FluentArg::Str(r.submitted_at.clone())),
                                ],
                            )}
                        </p>
                        <p>{locale.t("receipt-keep-reference")}</p>
                        <h2>{locale.t("receipt-next-heading")}</h2>
                        <p>
                            {match r.processing_days {
                                Some(days) => locale.t_args("receipt-next-days", &[("days", FluentArg::Num(i64::from(days)))]),
                                None => locale.t("receipt-next"),
                            }}
                        </p>
                        {r.organisation.clone().map(|o| view! {
                            <p>{locale.t_args("start-responsible", &[("organisation", FluentArg::Str(o))])}</p>
                        })}
                        <h2>{locale.t("receipt-answers-heading")}</h2>
                        <p class="no-print">{locale.t("receipt-print-hint")}</p>
                        <SummaryList rows=r.summary.clone() />
                        <p class="no-print">
                            <a href="/">{locale.t("back-to-start")}</a>
                        </p>
                    }
                    .into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

//! The receipt shown after sending: the case reference to keep.

use crate::api::get_receipt;
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::summary_list::SummaryList;
use crate::i18n::{use_locale, FluentArg};
use crate::model::{Feedback, FeedbackError, MAX_FEEDBACK_COMMENT};
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
                        {r.feedback.error.map(|error| {
                            let items = Signal::stored(vec![SummaryItem {
                                target_id: survey_target(error).to_owned(),
                                message: survey_error(error, locale),
                            }]);
                            view! { <ErrorSummary items node_ref=NodeRef::new() /> }
                        })}
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
                        <SummaryList rows=r.summary.clone() content_lang=r.content_lang.clone() />
                        <Survey token=params.read_untracked().get("token").unwrap_or_default() feedback=r.feedback.clone() />
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

/// The input an error of the survey links to.
fn survey_target(error: FeedbackError) -> &'static str {
    match error {
        FeedbackError::NoRating => "feedback-rating-5",
        FeedbackError::TooLong => "feedback-comment",
    }
}

fn survey_error(error: FeedbackError, locale: crate::i18n::Locale) -> String {
    match error {
        FeedbackError::NoRating => locale.t("feedback-error-rating"),
        FeedbackError::TooLong => locale.t_args(
            "feedback-error-too-long",
            &[("max", FluentArg::Num(MAX_FEEDBACK_COMMENT as i64))],
        ),
    }
}

/// One question on how easy the service was, and room for a comment: no
/// personal data is asked for or kept with it. Once answered, it thanks.
#[component]
fn Survey(token: String, feedback: Feedback) -> impl IntoView {
    let locale = use_locale();
    if feedback.given {
        return view! {
            <div class="notification" id="feedback" role="status">
                <p>{locale.t("feedback-thanks")}</p>
            </div>
        }
        .into_any();
    }
    let rating_error = (feedback.error == Some(FeedbackError::NoRating))
        .then(|| survey_error(FeedbackError::NoRating, locale));
    let comment_error = (feedback.error == Some(FeedbackError::TooLong))
        .then(|| survey_error(FeedbackError::TooLong, locale));
    let options = [
        (5, "feedback-5"),
        (4, "feedback-4"),
        (3, "feedback-3"),
        (2, "feedback-2"),
        (1, "feedback-1"),
    ];
    // See `Field`: a textarea's text is escaped on the server by hand.
    let comment = if cfg!(feature = "ssr") {
        crate::components::field::escape_text(&feedback.comment)
    } else {
        feedback.comment.clone()
    };
    let group_class = |error: &Option<String>| {
        if error.is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    view! {
        <section class="survey no-print" id="feedback" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{locale.t("feedback-heading")}</h2>
            <form method="post" action=format!("/receipts/{token}/feedback") novalidate=true>
                <div class=group_class(&rating_error)>
                    <fieldset
                        class="fieldset"
                        aria-describedby=rating_error.as_ref().map(|_| "feedback-rating-error")
                    >
                        <legend class="fieldset__legend">{locale.t("feedback-question")}</legend>
                        {rating_error.clone().map(|message| view! {
                            <p class="error-message" id="feedback-rating-error">
                                <span class="visually-hidden">{locale.t("error-prefix")}</span>
                                {message}
                            </p>
                        })}
                        <div class="radios">
                            {options
                                .into_iter()
                                .map(|(value, key)| {
                                    let id = format!("feedback-rating-{value}");
                                    view! {
                                        <div class="choice">
                                            <input
                                                class="choice__input"
                                                type="radio"
                                                id=id.clone()
                                                name="rating"
                                                value=value.to_string()
                                            />
                                            <label class="choice__label" for=id>{locale.t(key)}</label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                </div>
                <div class=group_class(&comment_error)>
                    <label class="label" for="feedback-comment">
                        {format!("{} {}", locale.t("feedback-comment"), locale.t("optional-suffix"))}
                    </label>
                    <div class="hint" id="feedback-comment-hint">{locale.t("feedback-comment-hint")}</div>
                    {comment_error.clone().map(|message| view! {
                        <p class="error-message" id="feedback-comment-error">
                            <span class="visually-hidden">{locale.t("error-prefix")}</span>
                            {message}
                        </p>
                    })}
                    <textarea
                        class="textarea"
                        id="feedback-comment"
                        name="comment"
                        rows="4"
                        aria-describedby=if comment_error.is_some() {
                            "feedback-comment-hint feedback-comment-error"
                        } else {
                            "feedback-comment-hint"
                        }
                    >
                        {comment}
                    </textarea>
                </div>
                <button type="submit" class="button">{locale.t("feedback-send")}</button>
            </form>
        </section>
    }
    .into_any()
}

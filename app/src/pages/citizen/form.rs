//! A service's form: filled in, checked and sent.
//!
//! Without JavaScript the form posts to the server, which answers with a
//! redirect to the receipt or with this page again (status 422) showing every
//! error and every value typed. With JavaScript the same engine runs here:
//! a field is checked when it is left, and a form with errors is not sent
//! but shows the error summary at once.

use crate::api::open_form;
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::field::{Field, FieldView};
use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::FormPageData;
use crate::pages::not_found::LoadError;
use forms::{evaluate, Context, Date, Evaluation, FormDefinition, RawAnswers, SummaryValue};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Names of the form's own hidden inputs. Field keys start with a letter, so
/// these can never clash with a field.
pub const VERSION_INPUT: &str = "_version";
pub const SUBMISSION_INPUT: &str = "_submission";

#[component]
pub fn FormPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        open_form,
    );
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <ServiceForm data /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ServiceForm(data: FormPageData) -> impl IntoView {
    let locale = use_locale();
    let lang = locale.tag();
    let definition = Arc::new(data.definition);
    let title = definition.title(lang).to_owned();
    let pages: Vec<(String, String, Vec<FieldView>)> = definition
        .pages()
        .map(|p| {
            (
                p.key().to_owned(),
                p.title(lang).to_owned(),
                p.fields()
                    .map(|f| FieldView::new(f, &definition, locale))
                    .collect(),
            )
        })
        .collect();
    let all_fields: Arc<Vec<FieldView>> =
        Arc::new(pages.iter().flat_map(|(_, _, f)| f.clone()).collect());

    // Which pages and fields are shown. The server shows everything: without
    // JavaScript a conditional question cannot appear once it applies, so it
    // is always there and the server ignores it when it does not apply. In
    // the browser the engine decides, from the answers as they change.
    let shown = RwSignal::new(None::<Evaluation>);
    let is_shown = move |page: &str, field: Option<&str>| {
        shown.with(|s| {
            s.as_ref().is_none_or(|e| {
                e.visible_pages.iter().any(|p| p == page) && field.is_none_or(|f| e.is_visible(f))
            })
        })
    };

    let errors = RwSignal::new(data.state.errors.clone());
    let show_summary = RwSignal::new(!data.state.errors.is_empty());
    let summary_ref = NodeRef::<leptos::html::Div>::new();

    let summary_items = {
        let all_fields = all_fields.clone();
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .filter_map(|e| {
                        let field = all_fields.iter().find(|f| f.key == e.field)?;
                        Some(SummaryItem {
                            target_id: field.input_id_for(&e.code),
                            message: field.error_message(&e.code, locale),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let page_title = {
        let title = title.clone();
        move || {
            if show_summary.get() && !errors.with(Vec::is_empty) {
                format!("{} {title}", locale.t("error-title-prefix"))
            } else {
                title.clone()
            }
        }
    };

    // A field is checked when it is left. If it was left by pressing a
    // pointer on something else, showing or hiding a message would move that
    // thing before the pointer is released and the click would be lost, so
    // the check waits until the click is done.
    let pointer_down = StoredValue::new(false);
    let deferred = StoredValue::new(None::<String>);
    let apply_leave = {
        let definition = definition.clone();
        move |left: String, form: web_sys::HtmlFormElement| {
            let fresh = evaluate_form(&definition, &form).errors;
            errors.update(|shown| {
                // Errors already shown follow the answers as they change;
                // the field just left gets its own error, if it has one.
                let was_shown = |f: &str| f == left || shown.iter().any(|e| e.field == f);
                *shown = fresh.into_iter().filter(|e| was_shown(&e.field)).collect();
            });
        }
    };
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let refresh = {
        let definition = definition.clone();
        move || {
            if let Some(form) = form_ref.get_untracked() {
                shown.set(Some(evaluate_form(&definition, &form)));
            }
        }
    };
    Effect::new({
        let refresh = refresh.clone();
        move || {
            if form_ref.get().is_some() {
                refresh();
            }
        }
    });
    let down = window_event_listener(leptos::ev::pointerdown, move |_| {
        pointer_down.set_value(true)
    });
    let up = {
        let apply_leave = apply_leave.clone();
        window_event_listener(leptos::ev::pointerup, move |_| {
            pointer_down.set_value(false);
            if let (Some(left), Some(form)) = (
                deferred.try_update_value(Option::take).flatten(),
                form_ref.get_untracked(),
            ) {
                let apply_leave = apply_leave.clone();
                set_timeout(move || apply_leave(left, form), std::time::Duration::ZERO);
            }
        })
    };
    on_cleanup(move || {
        down.remove();
        up.remove();
    });
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let Some(form) = event_form(&ev) else { return };
        let Some(left) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("name"))
        else {
            return;
        };
        if pointer_down.get_value() {
            deferred.set_value(Some(left));
        } else {
            apply_leave(left, form);
        }
    };
    let on_submit = {
        let definition = definition.clone();
        move |ev: web_sys::SubmitEvent| {
            let Some(form) = event_form(&ev) else { return };
            let fresh = evaluate_form(&definition, &form).errors;
            if fresh.is_empty() {
                return; // The post goes ahead; the server checks again.
            }
            ev.prevent_default();
            errors.set(fresh);
            show_summary.set(true);
            // The summary is drawn on the next frame; focus it then, so a
            // screen reader announces it as it would after a page load.
            request_animation_frame(move || {
                if let Some(summary) = summary_ref.get_untracked() {
                    let _ = summary.focus();
                }
            });
        }
    };

    let version = definition.version().to_string();
    let action = format!("/services/{}", definition.key());
    let values = data.state.values;
    let initial_answers = Arc::new(data.state.answers);
    let description = definition.description(lang).to_owned();
    view! {
        <Title text=page_title />
        <a class="back-link" href="/">
            {locale.t("back-to-start")}
        </a>
        <Show when=move || show_summary.get() && !errors.with(Vec::is_empty)>
            <ErrorSummary items=summary_items node_ref=summary_ref />
        </Show>
        {data
            .state
            .failure_reference
            .map(|reference| {
                view! {
                    <div class="notification notification--error" role="alert">
                        <h2 class="notification__title">{locale.t("submit-failed-title")}</h2>
                        <p>
                            {locale.t_args("submit-failed-body", &[("reference", FluentArg::Str(reference))])}
                        </p>
                    </div>
                }
            })}
        <h1>{title}</h1>
        <p class="lead">{description}</p>
        <form
            method="post"
            action=action
            novalidate=true
            node_ref=form_ref
            on:focusout=on_focusout
            on:submit=on_submit
            on:input={
                let refresh = refresh.clone();
                move |_| refresh()
            }
            on:change=move |_| refresh()
        >
            <input type="hidden" name=VERSION_INPUT value=version />
            <input type="hidden" name=SUBMISSION_INPUT value=data.state.submission_key />
            {pages
                .into_iter()
                .map(|(page_key, page_title, fields)| {
                    let page_hidden = {
                        let page_key = page_key.clone();
                        move || !is_shown(&page_key, None)
                    };
                    view! {
                        <div class="form-page" hidden=page_hidden>
                        <h2>{page_title}</h2>
                        {fields
                            .into_iter()
                            .map(|field| {
                                let values: BTreeMap<String, Vec<String>> = field
                                    .input_names
                                    .iter()
                                    .filter_map(|n| Some((n.clone(), values.get(n)?.clone())))
                                    .collect();
                                let key = field.key.clone();
                                let hidden = {
                                    let page_key = page_key.clone();
                                    let key = key.clone();
                                    Signal::derive(move || !is_shown(&page_key, Some(&key)))
                                };
                                let error = Signal::derive(move || {
                                    errors.with(|errors| {
                                        errors.iter().find(|e| e.field == key).map(|e| e.code.clone())
                                    })
                                });
                                let message = {
                                    let field = field.clone();
                                    Signal::derive(move || error.get().map(|code| field.error_message(&code, locale)))
                                };
                                let computed = Signal::derive({
                                    let key = field.key.clone();
                                    let definition = definition.clone();
                                    let initial = initial_answers.clone();
                                    move || {
                                        shown.with(|s| {
                                            let answers = s.as_ref().map_or(&*initial, |e| &e.answers);
                                            shown_value(&definition, answers, &key, locale)
                                        })
                                    }
                                });
                                view! { <Field field values error=message hidden computed /> }
                            })
                            .collect_view()}
                        </div>
                    }
                })
                .collect_view()}
            <button type="submit" class="button">
                {locale.t("submit-button")}
            </button>
        </form>
    }
}

/// One answer as the summary shows it, for computed values on the page.
fn shown_value(
    definition: &FormDefinition,
    answers: &BTreeMap<String, forms::Value>,
    key: &str,
    locale: Locale,
) -> Option<String> {
    if !answers.contains_key(key) {
        return None;
    }
    let row = forms::summary(definition, answers, locale.tag())
        .into_iter()
        .find(|r| r.field == key)?;
    Some(match row.value? {
        SummaryValue::Text(t) => t,
        SummaryValue::YesNo(true) => locale.t("answer-yes"),
        SummaryValue::YesNo(false) => locale.t("answer-no"),
        SummaryValue::Lines(lines) => lines.join(", "),
    })
}

/// The form an event happened in (the handlers sit on the form itself).
fn event_form(ev: &web_sys::Event) -> Option<web_sys::HtmlFormElement> {
    ev.current_target()?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()
}

/// Runs the engine over what the form holds now.
fn evaluate_form(definition: &FormDefinition, form: &web_sys::HtmlFormElement) -> Evaluation {
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Evaluation::default();
    };
    let mut raw = RawAnswers::new();
    for field in definition.fields() {
        // Checkboxes send one value per ticked box; an address one per part.
        for name in field.input_names() {
            for value in data.get_all(&name).iter() {
                if let Some(value) = value.as_string() {
                    raw.push(name.clone(), value);
                }
            }
        }
    }
    evaluate(definition, &raw, &browser_context())
}

/// Today's date on the person's device. The server checks again with its
/// own date when the form is sent.
fn browser_context() -> Context {
    let now = web_sys::js_sys::Date::new_0();
    let today = (|| {
        let year = i32::try_from(now.get_full_year()).ok()?;
        let month = u8::try_from(now.get_month() + 1).ok()?;
        let day = u8::try_from(now.get_date()).ok()?;
        Date::new(year, month, day)
    })();
    Context {
        today: today.unwrap_or(Date::UNIX_EPOCH),
    }
}

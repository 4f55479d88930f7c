//! A service's form, one page at a time.
//!
//! Without JavaScript each page posts to the server, which keeps its answers
//! in the person's draft and answers with a redirect to the next page (or to
//! check-your-answers), or with this page again (status 422) showing every
//! error and every value typed. With JavaScript the same engine runs here,
//! over this page's inputs and the answers already given on other pages: a
//! field is checked when it is left, and a page with errors is not sent but
//! shows the error summary at once.

use crate::api::open_form;
use crate::components::error_summary::{ErrorSummary, SubmitFailed, SummaryItem};
use crate::components::field::{Field, FieldView};
use crate::components::notices::Notices;
use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::FormPageData;
use crate::pages::not_found::LoadError;
use forms::{evaluate, Context, Date, Evaluation, FormDefinition, RawAnswers, SummaryValue};
use leptos::prelude::AnyView;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Names of the form's own hidden inputs. Field keys start with a letter, so
/// these can never clash with a field.
pub const VERSION_INPUT: &str = "_version";
pub const SUBMISSION_INPUT: &str = "_submission";
/// The draft's revision when the page was drawn: a save made while the
/// page is filled in is stored only if no post came in since.
pub const REVISION_INPUT: &str = "_revision";
/// The name of the "add another" and "remove" buttons of repeating groups:
/// `add:<group>` or `remove:<group>:<row>`. The server adds or removes the
/// row and shows the page again; nothing is sent.
pub const ACTION_INPUT: &str = "_action";
/// Files already attached are posted again as `_kept.<input>`: the server
/// keeps each only if it was uploaded with this submission.
pub const KEPT_FILE_PREFIX: &str = "_kept.";
/// Posted as `check` when a page was opened from check-your-answers ("change"),
/// so that it leads back there.
pub const RETURN_INPUT: &str = "_return";
/// The `_action` of "save and come back later": the page's answers are
/// saved as they are, and a resume link is shown.
pub const SAVE_ACTION: &str = "save";

#[component]
pub fn FormPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            let show_errors = query.read().get("errors").is_some();
            (p.get("key").unwrap_or_default(), p.get("page"), show_errors)
        },
        |(key, _page, show_errors)| open_form(key, show_errors),
    );
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let page = params.read_untracked().get("page");
                let back_to_check = query.read_untracked().get("return").as_deref() == Some("check");
                match data.await {
                    Ok(data) => {
                        let title = document_title(&data, page.as_deref(), locale);
                        view! {
                            <Title text=title />
                            <crate::IslandScripts />
                            <ServiceForm data page back_to_check locale />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The page asked for, or the first.
fn page_of<'a>(definition: &'a FormDefinition, page: Option<&str>) -> Option<forms::Page<'a>> {
    definition
        .pages()
        .find(|p| page.is_none_or(|wanted| p.key() == wanted))
        .or_else(|| definition.pages().next())
}

/// The document's title: the page's heading and the form's, prefixed when
/// the page is drawn with errors. Plain text, drawn outside the island:
/// leptos_meta reads it after the render, outside the render's reactive
/// arena, so it must not read a signal. In the browser, errors found on
/// submit prefix it by hand.
fn document_title(data: &FormPageData, page: Option<&str>, locale: Locale) -> String {
    let lang = locale.tag();
    let this_page = page_of(&data.definition, page);
    let base = format!(
        "{} – {}",
        this_page.map(|p| p.title(lang)).unwrap_or_default(),
        data.definition.title(lang)
    );
    let questions: BTreeSet<&str> = this_page
        .map(|p| p.fields().map(|f| f.key()).collect())
        .unwrap_or_default();
    let has_errors = data
        .state
        .errors
        .iter()
        .any(|e| questions.contains(forms::question_of(&e.field)));
    if has_errors {
        format!("{} {base}", locale.t("error-title-prefix"))
    } else {
        base
    }
}

/// The form itself: the one island of the site. It is drawn on the server
/// like any component; in the browser it hydrates from its props (written
/// into the page as JSON) and runs the engine as the person types.
#[island]
pub(crate) fn ServiceForm(
    data: FormPageData,
    page: Option<String>,
    back_to_check: bool,
    locale: Locale,
) -> impl IntoView {
    // Nothing from outside an island reaches it in the browser: the
    // components inside read the language from here.
    provide_context(locale);
    crate::mark_hydrated();
    let lang = locale.tag();
    let definition = data.definition;
    let notices = data.notices;
    let title = definition.title(lang).to_owned();
    let key = definition.key().to_owned();
    let this_page = page_of(&definition, page.as_deref());
    let page_key = this_page.map(|p| p.key().to_owned()).unwrap_or_default();
    let page_title = this_page
        .map(|p| p.title(lang).to_owned())
        .unwrap_or_default();
    let fields: Vec<FieldView> = this_page
        .map(|p| {
            p.fields()
                .map(|f| FieldView::new(f, &definition, locale))
                .collect()
        })
        .unwrap_or_default();
    let questions: Arc<BTreeSet<String>> = Arc::new(fields.iter().map(|f| f.key.clone()).collect());
    let all_fields: Arc<Vec<FieldView>> = Arc::new(fields.clone());
    // Where this page is in the journey the answers lead through.
    let journey = data.state.visible_pages.clone();
    let position = journey.iter().position(|p| *p == page_key);
    let step = position.map(|i| (i + 1, journey.len()));
    let back_href = match position {
        _ if back_to_check => format!("/services/{key}/check"),
        Some(i) if i > 0 => format!("/services/{key}/form/{}", journey[i - 1]),
        _ => format!("/services/{key}"),
    };
    let is_first_page = definition.pages().next().map(|p| p.key()) == Some(page_key.as_str());
    // What was answered on the other pages: the engine reads it with this
    // page's inputs, so conditions and totals across pages hold here too.
    let others = Arc::new(RawAnswers::from_pairs(
        data.state
            .values
            .iter()
            .filter(|(name, _)| !questions.contains(forms::question_of(name)))
            .flat_map(|(name, vs)| vs.iter().map(move |v| (name.clone(), v.clone()))),
    ));
    // A question that depends only on answers given on other pages is
    // settled before this page is drawn: when it does not apply it is left
    // out from the start, so a person without JavaScript is never asked it.
    // (One that depends on this page's answers is shown until the browser's
    // engine, or the server when the page is sent, says it does not apply.)
    let settled_hidden = StoredValue::new({
        let settled: Vec<&str> = fields
            .iter()
            .map(|f| f.key.as_str())
            .filter(|key| {
                definition.condition_reads(key).is_some_and(|reads| {
                    !reads.is_empty()
                        && reads.iter().all(|r| {
                            !questions.contains(forms::question_of(r))
                                && definition.computed_type(r).is_none()
                                && definition.group_of(r).is_none()
                        })
                })
            })
            .collect();
        if settled.is_empty() {
            BTreeSet::new()
        } else {
            // Only other pages' answers are read, so no date is needed.
            let evaluation = evaluate(&definition, &others, &Context::on(Date::UNIX_EPOCH));
            settled
                .into_iter()
                .filter(|key| !evaluation.is_visible(key))
                .map(str::to_owned)
                .collect::<BTreeSet<String>>()
        }
    });
    let on_this_page = {
        let questions = questions.clone();
        move |errors: Vec<forms::FieldError>| -> Vec<forms::FieldError> {
            errors
                .into_iter()
                .filter(|e| questions.contains(forms::question_of(&e.field)))
                .collect()
        }
    };

    // Which pages and fields are shown. The server shows every question but
    // those settled above: without JavaScript a conditional question cannot
    // appear once it applies, so it is there and the server ignores it when
    // it does not apply. In the browser the engine decides, from the answers
    // as they change.
    let shown = RwSignal::new(None::<Evaluation>);
    let is_shown = move |page: &str, field: Option<&str>| {
        shown.with(|s| match s {
            Some(e) => {
                e.visible_pages.iter().any(|p| p == page) && field.is_none_or(|f| e.is_visible(f))
            }
            None => field.is_none_or(|f| settled_hidden.with_value(|h| !h.contains(f))),
        })
    };

    // Only this page's errors: from its post, or, when check-your-answers
    // sent the person back here, from the draft.
    let errors = RwSignal::new(on_this_page(data.state.errors.clone()));
    let show_summary = RwSignal::new(!errors.with_untracked(Vec::is_empty));
    let summary_ref = NodeRef::<leptos::html::Div>::new();

    let summary_items = {
        let all_fields = all_fields.clone();
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .filter_map(|e| {
                        let field = find_view(&all_fields, &e.field)?;
                        Some(SummaryItem {
                            target_id: field.input_id_for(&e.code),
                            message: field.error_message(&e.code, locale),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    // Errors found on submit prefix the document's title.
    let error_title = format!("{} {page_title} – {title}", locale.t("error-title-prefix"));

    // A field is checked when it is left. If it was left by pressing a
    // pointer on something else, showing or hiding a message would move that
    // thing before the pointer is released and the click would be lost, so
    // the check waits until the click is done.
    let pointer_down = StoredValue::new(false);
    let deferred = StoredValue::new(None::<String>);
    let apply_leave = {
        let (definition, others, questions, on_this_page) = (
            definition.clone(),
            others.clone(),
            questions.clone(),
            on_this_page.clone(),
        );
        move |left: String, form: web_sys::HtmlFormElement| {
            let fresh = on_this_page(evaluate_form(&definition, &form, &others, &questions).errors);
            errors.update(|shown| {
                // Errors already shown follow the answers as they change;
                // the field just left gets its own error, if it has one.
                let was_shown = |f: &str| f == left || shown.iter().any(|e| e.field == f);
                *shown = fresh.into_iter().filter(|e| was_shown(&e.field)).collect();
            });
        }
    };
    // With JavaScript, what the page holds is saved as the person goes:
    // each time a field is left and something changed since the last save.
    // One save at a time, in order: a save asked for while one is on its
    // way waits, and only the newest waiting one is sent. The server keeps
    // a save only if the page's revision is still the draft's, so one that
    // arrives after the page's post is dropped there.
    let last_saved = StoredValue::new(None::<Vec<(String, String)>>);
    let saving = StoredValue::new(false);
    let waiting = StoredValue::new(None::<Vec<(String, String)>>);
    let save_as_you_go = {
        let (definition, questions, key, page_key) = (
            definition.clone(),
            questions.clone(),
            key.clone(),
            page_key.clone(),
        );
        move |form: &web_sys::HtmlFormElement, first: bool| {
            let pairs = typed_pairs(&definition, form, &questions);
            let unchanged = last_saved.with_value(|l| l.as_ref() == Some(&pairs));
            last_saved.set_value(Some(pairs.clone()));
            if first || unchanged {
                return;
            }
            if saving.get_value() {
                waiting.set_value(Some(pairs));
                return;
            }
            saving.set_value(true);
            let (key, page) = (key.clone(), page_key.clone());
            leptos::task::spawn_local(async move {
                let mut next = Some(pairs);
                while let Some(pairs) = next {
                    // Best effort: the page's own post saves everything anyway.
                    let _ = crate::api::autosave(key.clone(), page.clone(), pairs).await;
                    next = waiting.try_update_value(Option::take).flatten();
                }
                saving.try_update_value(|s| *s = false);
            });
        }
    };
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let refresh = {
        let (definition, others, questions) =
            (definition.clone(), others.clone(), questions.clone());
        move || {
            if let Some(form) = form_ref.get_untracked() {
                shown.set(Some(evaluate_form(&definition, &form, &others, &questions)));
            }
        }
    };
    Effect::new({
        let (refresh, save_as_you_go) = (refresh.clone(), save_as_you_go.clone());
        move || {
            if let Some(form) = form_ref.get() {
                refresh();
                save_as_you_go(&form, true);
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
        // Leaving a field for one of the form's buttons: the post about to
        // be made saves the page, so no save races it.
        let to_button = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|e| {
                e.tag_name().eq_ignore_ascii_case("button")
                    && e.get_attribute("type").is_none_or(|t| t == "submit")
            })
            .is_some_and(|b| form.contains(Some(&b)));
        if !to_button {
            save_as_you_go(&form, false);
        }
        if pointer_down.get_value() {
            deferred.set_value(Some(left));
        } else {
            apply_leave(left, form);
        }
    };
    let on_submit = {
        let (definition, others, questions) =
            (definition.clone(), others.clone(), questions.clone());
        move |ev: web_sys::SubmitEvent| {
            let Some(form) = event_form(&ev) else { return };
            let adds_or_removes_a_row = ev
                .submitter()
                .and_then(|b| b.get_attribute("name"))
                .is_some_and(|name| name == ACTION_INPUT);
            if adds_or_removes_a_row {
                return; // The server redraws the rows; nothing is sent.
            }
            let fresh = on_this_page(evaluate_form(&definition, &form, &others, &questions).errors);
            if fresh.is_empty() {
                return; // The post goes ahead; the server checks again.
            }
            ev.prevent_default();
            errors.set(fresh);
            show_summary.set(true);
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&format!("{error_title} – {}", locale.t("site-name")));
            }
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
    let action = format!("/services/{key}/form/{page_key}");
    let values = Arc::new(data.state.values);
    let initial = Arc::new((data.state.answers, data.state.rows));
    let description = definition.description(lang).to_owned();
    let focus = data.state.focus;
    let form_lang = crate::components::field::content_lang(&definition, lang);
    // Files go with the post only as multipart.
    let has_files = this_page.is_some_and(|p| {
        p.fields()
            .flat_map(|f| std::iter::once(f).chain(f.row_fields()))
            .any(|f| matches!(f.kind(), forms::FieldKind::File { .. }))
    });

    // One field, top-level or in a row: its values, whether it is shown, its
    // error and, for a computed value, what it comes to.
    let field_view = {
        let definition = definition.clone();
        let values = values.clone();
        move |page_key: String, field: FieldView| -> AnyView {
            let field_values: BTreeMap<String, Vec<String>> = field
                .input_names
                .iter()
                .filter_map(|n| Some((n.clone(), values.get(n)?.clone())))
                .collect();
            let key = field.key.clone();
            let hidden = {
                let key = key.clone();
                Signal::derive(move || !is_shown(&page_key, Some(&key)))
            };
            let error = {
                let key = key.clone();
                Signal::derive(move || {
                    errors.with(|errors| {
                        errors
                            .iter()
                            .find(|e| e.field == key)
                            .map(|e| e.code.clone())
                    })
                })
            };
            let message = {
                let field = field.clone();
                Signal::derive(move || error.get().map(|code| field.error_message(&code, locale)))
            };
            let computed = Signal::derive({
                let definition = definition.clone();
                let initial = initial.clone();
                move || {
                    shown.with(|s| {
                        let (answers, rows) = s
                            .as_ref()
                            .map_or((&initial.0, &initial.1), |e| (&e.answers, &e.rows));
                        shown_value(&definition, answers, rows, &key, locale)
                    })
                }
            });
            let autofocus = focus
                .as_ref()
                .is_some_and(|f| field.input_names.contains(f));
            view! { <Field field values=field_values error=message hidden computed autofocus /> }
                .into_any()
        }
    };
    // A repeating group: a fieldset per row, with "remove" on each and
    // "add another" after them. Without JavaScript the buttons post the
    // form and the server draws the rows again.
    let group_view = {
        let values = values.clone();
        let field_view = field_view.clone();
        move |page_key: String, group: FieldView| -> AnyView {
            let key = group.key.clone();
            let rows = group.rows_to_show(posted_rows(&values, &key));
            let row_label = group.row_label.clone().unwrap_or_default();
            let hidden = {
                let (page_key, key) = (page_key.clone(), key.clone());
                Signal::derive(move || !is_shown(&page_key, Some(&key)))
            };
            let message = {
                let (group, key) = (group.clone(), key.clone());
                move || {
                    errors.with(|errors| {
                        errors
                            .iter()
                            .find(|e| e.field == key)
                            .map(|e| group.error_message(&e.code, locale))
                    })
                }
            };
            let error_id = format!("f-{key}-error");
            let class = {
                let message = message.clone();
                move || {
                    if message().is_some() {
                        "form-group form-group--error"
                    } else {
                        "form-group"
                    }
                }
            };
            let described_by = {
                let (message, error_id) = (message.clone(), error_id.clone());
                move || message().is_some().then(|| error_id.clone())
            };
            let error_view = {
                let error_id = error_id.clone();
                move || {
                    message().map(|m| {
                        view! {
                            <p class="error-message" id=error_id.clone()>
                                <span class="visually-hidden">{locale.t("error-prefix")}</span>
                                {m}
                            </p>
                        }
                    })
                }
            };
            let row_word = row_label.to_lowercase();
            let add = (rows < group.max_rows).then(|| {
                view! {
                    <button
                        type="submit"
                        class="button button--secondary"
                        name=ACTION_INPUT
                        value=format!("add:{key}")
                        formnovalidate=true
                    >
                        {locale.t_args("group-add", &[("row", FluentArg::Str(row_word.clone()))])}
                    </button>
                }
            });
            view! {
                <div class=class hidden=hidden>
                    <fieldset class="fieldset group" aria-describedby=described_by>
                        <legend class="fieldset__legend">{group.label.clone()}</legend>
                        {group.hint.clone().map(|h| view! { <div class="hint">{h}</div> })}
                        {error_view}
                        <input type="hidden" name=format!("{key}.rows") value=rows.to_string() />
                        {(0..rows)
                            .map(|r| {
                                let name = format!("{row_label} {}", r + 1);
                                let remove = (rows > 1).then(|| {
                                    view! {
                                        <button
                                            type="submit"
                                            class="button button--secondary button--small"
                                            name=ACTION_INPUT
                                            value=format!("remove:{key}:{r}")
                                            formnovalidate=true
                                        >
                                            {locale.t_args("group-remove", &[("row", FluentArg::Str(name.clone()))])}
                                        </button>
                                    }
                                });
                                view! {
                                    <fieldset class="group__row">
                                        <legend class="group__row-title">{name.clone()}</legend>
                                        {group
                                            .row_fields
                                            .iter()
                                            .map(|sub| field_view(page_key.clone(), sub.in_row(&key, r, name.clone())))
                                            .collect_view()}
                                        {remove}
                                    </fieldset>
                                }
                            })
                            .collect_view()}
                        {add}
                    </fieldset>
                </div>
            }
            .into_any()
        }
    };
    view! {
        // Pages come from the draft on the server, so links between them load
        // the page afresh.
        <a class="back-link" href=back_href rel="external">
            {locale.t("back")}
        </a>
        <Show when=move || show_summary.get() && !errors.with(Vec::is_empty)>
            <ErrorSummary items=summary_items node_ref=summary_ref />
        </Show>
        {data.state.failure_reference.map(|reference| view! { <SubmitFailed reference /> })}
        <Notices notices=notices />
        <p class="caption">
            <span lang=form_lang.clone()>{title}</span>
            {step.map(|(n, of)| {
                view! {
                    <span class="caption__step">
                        {locale.t_args("form-step", &[("step", FluentArg::Num(n as i64)), ("steps", FluentArg::Num(of as i64))])}
                    </span>
                }
            })}
        </p>
        <h1 lang=form_lang.clone()>{page_title}</h1>
        {is_first_page.then(|| view! { <p class="lead" lang=form_lang.clone()>{description}</p> })}
        <form
            method="post"
            action=action
            enctype=has_files.then_some("multipart/form-data")
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
            <input type="hidden" name=REVISION_INPUT value=data.state.revision.to_string() />
            {back_to_check.then(|| view! { <input type="hidden" name=RETURN_INPUT value="check" /> })}
            {fields
                .into_iter()
                .map(|field| {
                    if field.is_group() {
                        group_view(page_key.clone(), field)
                    } else {
                        field_view(page_key.clone(), field)
                    }
                })
                .collect_view()}
            <div class="button-group">
                <button type="submit" class="button">
                    {locale.t("continue-button")}
                </button>
                <button
                    type="submit"
                    class="button button--secondary"
                    name=ACTION_INPUT
                    value=SAVE_ACTION
                    formnovalidate=true
                >
                    {locale.t("save-button")}
                </button>
            </div>
        </form>
    }
}

/// One answer as the summary shows it, for computed values on the page.
/// `key` is a field's key or a row field's place (`lines[2].total`); `rows`
/// says which posted row each answered row of a group is.
fn shown_value(
    definition: &FormDefinition,
    answers: &BTreeMap<String, forms::Value>,
    rows: &BTreeMap<String, Vec<usize>>,
    key: &str,
    locale: Locale,
) -> Option<String> {
    let value = match split_row_path(key) {
        Some((group, posted_row, field)) => {
            let at = rows.get(group)?.iter().position(|r| *r == posted_row)?;
            let summary = forms::summary(definition, answers, locale.tag());
            let group_row = summary.into_iter().find(|r| r.field == group)?;
            let Some(SummaryValue::Rows(group_rows)) = group_row.value else {
                return None;
            };
            group_rows
                .into_iter()
                .nth(at)?
                .rows
                .into_iter()
                .find(|r| r.field == field)?
                .value?
        }
        None => {
            if !answers.contains_key(key) {
                return None;
            }
            forms::summary(definition, answers, locale.tag())
                .into_iter()
                .find(|r| r.field == key)?
                .value?
        }
    };
    Some(match value {
        SummaryValue::Text(t) => t,
        SummaryValue::YesNo(true) => locale.t("answer-yes"),
        SummaryValue::YesNo(false) => locale.t("answer-no"),
        SummaryValue::Lines(lines) => lines.join(", "),
        SummaryValue::Rows(_) => return None,
    })
}

/// `group[3].field` as its parts.
pub fn split_row_path(path: &str) -> Option<(&str, usize, &str)> {
    let (group, rest) = path.split_once('[')?;
    let (row, field) = rest.split_once("].")?;
    Some((group, row.parse().ok()?, field))
}

/// The field view an error or a name belongs to, row fields included.
fn find_view(fields: &[FieldView], path: &str) -> Option<FieldView> {
    match split_row_path(path) {
        Some((group, row, field)) => {
            let group_view = fields.iter().find(|f| f.key == group)?;
            let name = format!(
                "{} {}",
                group_view.row_label.as_deref().unwrap_or_default(),
                row + 1
            );
            group_view
                .row_fields
                .iter()
                .find(|f| f.key == field)
                .map(|f| f.in_row(group, row, name))
        }
        None => fields.iter().find(|f| f.key == path).cloned(),
    }
}

/// How many rows of a group were posted (see `RawAnswers::rows`).
fn posted_rows(values: &BTreeMap<String, Vec<String>>, group: &str) -> usize {
    let raw = forms::RawAnswers::from_pairs(
        values
            .iter()
            .filter(|(name, _)| name.starts_with(group))
            .flat_map(|(name, vs)| vs.iter().map(move |v| (name.clone(), v.clone()))),
    );
    raw.rows(group, forms::MAX_ROWS as usize)
}

/// The form an event happened in (the handlers sit on the form itself).
fn event_form(ev: &web_sys::Event) -> Option<web_sys::HtmlFormElement> {
    ev.current_target()?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()
}

/// What this page's inputs hold now, named as a post names them, files
/// aside: what is saved as the person goes.
fn typed_pairs(
    definition: &FormDefinition,
    form: &web_sys::HtmlFormElement,
    questions: &BTreeSet<String>,
) -> Vec<(String, String)> {
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Vec::new();
    };
    // Files are objects, not strings, and are left out here.
    let text = |name: &str| -> Vec<String> {
        data.get_all(name)
            .iter()
            .filter_map(|v| v.as_string())
            .collect()
    };
    let rows = |group: &str| {
        data.get(&format!("{group}.rows"))
            .as_string()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let here = definition
        .input_names(&rows)
        .into_iter()
        .filter(|name| questions.contains(forms::question_of(name)));
    let rows_inputs = questions.iter().map(|q| format!("{q}.rows"));
    [
        SUBMISSION_INPUT.to_owned(),
        VERSION_INPUT.to_owned(),
        REVISION_INPUT.to_owned(),
    ]
    .into_iter()
    .chain(here)
    .chain(rows_inputs)
    .flat_map(|name| text(&name).into_iter().map(move |v| (name.clone(), v)))
    .collect()
}

/// Runs the engine over what this page's inputs hold now and what the
/// other pages' questions were answered (`others`).
fn evaluate_form(
    definition: &FormDefinition,
    form: &web_sys::HtmlFormElement,
    others: &RawAnswers,
    questions: &BTreeSet<String>,
) -> Evaluation {
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Evaluation::default();
    };
    let mut raw = RawAnswers::new();
    let here = |name: &str| questions.contains(forms::question_of(name));
    // Each group's rows are as many as the page draws (or were posted, for
    // a group on another page).
    let rows = |group: &str| {
        if here(group) {
            data.get(&format!("{group}.rows"))
                .as_string()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        } else {
            others.rows(group, forms::MAX_ROWS as usize)
        }
    };
    // Checkboxes send one value per ticked box; an address one per part.
    for name in definition.input_names(&rows) {
        if !here(&name) {
            for value in others.all(&name) {
                raw.push(name.clone(), value.clone());
            }
            continue;
        }
        for value in data.get_all(&format!("{KEPT_FILE_PREFIX}{name}")).iter() {
            if let Some(kept) = value.as_string() {
                raw.push(name.clone(), kept);
            }
        }
        for value in data.get_all(&name).iter() {
            if let Some(value) = value.as_string().or_else(|| chosen_file(&value)) {
                raw.push(name.clone(), value);
            }
        }
    }
    evaluate(definition, &raw, &browser_context())
}

/// A file chosen in a file input, described as the server would describe it
/// (its type as the browser guesses it; the server looks at the contents).
/// An input with no file chosen gives an empty, nameless file: none.
fn chosen_file(value: &leptos::wasm_bindgen::JsValue) -> Option<String> {
    use web_sys::js_sys::Reflect;
    let get = |key: &str| Reflect::get(value, &key.into()).ok();
    let name = get("name")?.as_string()?;
    let size = get("size")?.as_f64()?;
    if name.is_empty() && size == 0.0 {
        return None;
    }
    let file = forms::FileRef {
        id: String::new(),
        name,
        content_type: get("type")?.as_string().unwrap_or_default(),
        size: size as u64,
    };
    serde_json::to_string(&file).ok()
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
    Context::on(today.unwrap_or(Date::UNIX_EPOCH))
}

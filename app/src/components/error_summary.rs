use crate::i18n::use_locale;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;

/// One line of the error summary: the message and the id of the input it
/// links to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SummaryItem {
    pub target_id: String,
    pub message: String,
}

/// The GOV.UK error summary: a focused box at the top of the page listing
/// every error, each linking to its field. It takes focus on load through
/// `autofocus`, so it is announced without JavaScript too.
#[component]
pub fn ErrorSummary(
    items: Signal<Vec<SummaryItem>>,
    node_ref: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div
            class="error-summary"
            role="alert"
            aria-labelledby="error-summary-title"
            tabindex="-1"
            autofocus=true
            node_ref=node_ref
        >
            <h2 class="error-summary__title" id="error-summary-title">
                {locale.t("error-summary-title")}
            </h2>
            <ul class="error-summary__list">
                <For each=move || items.get() key=|item| item.clone() let:item>
                    <li>
                        <a
                            href=format!("#{}", item.target_id)
                            on:click={
                                let target = item.target_id.clone();
                                move |ev| focus_field(ev, &target)
                            }
                        >
                            {item.message.clone()}
                        </a>
                    </li>
                </For>
            </ul>
        </div>
    }
}

/// Moves focus to the field an error link names. The client router would
/// otherwise take the fragment link as a navigation; without JavaScript the
/// browser follows the fragment itself.
fn focus_field(ev: web_sys::MouseEvent, target: &str) {
    let field = document()
        .get_element_by_id(target)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        ev.prevent_default();
        let _ = field.focus();
    }
}

/// Said when valid answers could not be stored or sent: nothing is lost,
/// and the reference lets support find what happened.
#[component]
pub fn SubmitFailed(reference: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="notification notification--error" role="alert">
            <h2 class="notification__title">{locale.t("submit-failed-title")}</h2>
            <p>
                {locale.t_args(
                    "submit-failed-body",
                    &[("reference", crate::i18n::FluentArg::Str(reference))],
                )}
            </p>
        </div>
    }
}

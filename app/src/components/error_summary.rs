use crate::i18n::use_locale;
use leptos::prelude::*;

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
pub fn ErrorSummary(items: Signal<Vec<SummaryItem>>, node_ref: NodeRef<leptos::html::Div>) -> impl IntoView {
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
                        <a href=format!("#{}", item.target_id)>{item.message.clone()}</a>
                    </li>
                </For>
            </ul>
        </div>
    }
}

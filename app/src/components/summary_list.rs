//! Answers as a list of labels and values: the receipt, and later the
//! check-your-answers page and the case view, all from the engine's summary.

use crate::i18n::use_locale;
use forms::{SummaryRow, SummaryValue};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The answered rows of a summary; unanswered and hidden questions are left
/// out. A repeating group shows each of its rows under its own heading.
/// With `change`, each row whose question has an address there gets a
/// "change" link to it (check-your-answers).
#[component]
pub fn SummaryList(
    rows: Vec<SummaryRow>,
    #[prop(optional)] change: BTreeMap<String, String>,
    /// The language of the form's texts when it is not the page's.
    #[prop(optional_no_strip)]
    content_lang: Option<String>,
) -> AnyView {
    let locale = use_locale();
    let answered: Vec<(String, String, SummaryValue)> = rows
        .into_iter()
        .filter_map(|row| Some((row.field, row.label, row.value?)))
        .collect();
    view! {
        <dl class="summary-list">
            {answered
                .into_iter()
                .map(|(field, label, value)| {
                    let shown = match value {
                        SummaryValue::Text(text) => view! { <span>{text}</span> }.into_any(),
                        SummaryValue::YesNo(yes) => {
                            let word = if yes { locale.t("answer-yes") } else { locale.t("answer-no") };
                            view! { <span>{word}</span> }.into_any()
                        }
                        SummaryValue::Lines(lines) => view! {
                            <ul class="summary-list__lines">
                                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        SummaryValue::Rows(group_rows) => group_rows
                            .into_iter()
                            .map(|group_row| {
                                view! {
                                    <div class="summary-list__group">
                                        <p class="summary-list__group-title">{group_row.label}</p>
                                        <SummaryList rows=group_row.rows />
                                    </div>
                                }
                            })
                            .collect_view()
                            .into_any(),
                    };
                    let action = change.get(&field).map(|href| {
                        view! {
                            <dd class="summary-list__actions">
                                <a href=href.clone() rel="external">
                                    {locale.t("check-change")}
                                    <span class="visually-hidden">{format!(" {label}")}</span>
                                </a>
                            </dd>
                        }
                    });
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key" lang=content_lang.clone()>{label.clone()}</dt>
                            <dd class="summary-list__value" lang=content_lang.clone()>{shown}</dd>
                            {action}
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
    .into_any()
}

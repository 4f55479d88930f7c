//! Answers as a list of labels and values: the receipt, and later the
//! check-your-answers page and the case view, all from the engine's summary.

use crate::i18n::use_locale;
use forms::{SummaryRow, SummaryValue};
use leptos::prelude::*;

/// The answered rows of a summary; unanswered and hidden questions are left
/// out. A repeating group shows each of its rows under its own heading.
#[component]
pub fn SummaryList(rows: Vec<SummaryRow>) -> AnyView {
    let locale = use_locale();
    let answered: Vec<(String, SummaryValue)> = rows
        .into_iter()
        .filter_map(|row| Some((row.label, row.value?)))
        .collect();
    view! {
        <dl class="summary-list">
            {answered
                .into_iter()
                .map(|(label, value)| {
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
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{label}</dt>
                            <dd class="summary-list__value">{shown}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
    .into_any()
}

//! The start page: every service, grouped by topic.

use crate::api::list_services;
use crate::i18n::use_locale;
use crate::model::ServiceCard;
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use std::collections::BTreeMap;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let locale = use_locale();
    let services = Resource::new(|| (), |_| list_services());
    view! {
        <Title text=locale.t("catalogue-title") />
        <h1>{locale.t("catalogue-heading")}</h1>
        <p class="lead">{locale.t("catalogue-intro")}</p>
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match services.await {
                    Ok(cards) => view! { <Topics cards /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The catalogue's topics, in the order the start page shows them. Each has
/// a `topic-<name>` text in every language; a service naming any other
/// topic is listed under "other".
pub const TOPICS: [&str; 5] = [
    "parking-and-streets",
    "preschool-and-school",
    "business-and-permits",
    "family-and-life-events",
    "other",
];

/// Services under a heading per topic; a service with several topics is
/// listed under each, so nobody has to know how the municipality is
/// organised to find it.
#[component]
fn Topics(cards: Vec<ServiceCard>) -> impl IntoView {
    let locale = use_locale();
    let other = TOPICS.len() - 1;
    let mut by_topic: BTreeMap<usize, Vec<ServiceCard>> = BTreeMap::new();
    for card in cards {
        let mut places: Vec<usize> = card
            .topics
            .iter()
            .map(|t| TOPICS.iter().position(|known| known == t).unwrap_or(other))
            .collect();
        places.sort_unstable();
        places.dedup();
        if places.is_empty() {
            places.push(other);
        }
        for place in places {
            by_topic.entry(place).or_default().push(card.clone());
        }
    }
    if by_topic.is_empty() {
        return view! { <p>{locale.t("catalogue-empty")}</p> }.into_any();
    }
    by_topic
        .into_iter()
        .map(|(place, cards)| {
            let topic = TOPICS[place];
            let heading_id = format!("topic-{topic}");
            let labelled_by = heading_id.clone();
            view! {
                <section class="topic" aria-labelledby=labelled_by>
                    <h2 id=heading_id.clone()>{locale.t(&format!("topic-{topic}"))}</h2>
                    <ul class="service-list">
                        {cards
                            .into_iter()
                            .map(|card| {
                                view! {
                                    <li class="service-list__item">
                                        <a class="service-list__link" href=format!("/services/{}", card.key)>
                                            {card.title}
                                        </a>
                                        <p class="service-list__description">{card.description}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

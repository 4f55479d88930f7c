//! The start page: every service, grouped by topic, and a search over the
//! services' titles, descriptions and topics in the page's language.

use crate::api::list_services;
use crate::components::notices::Notices;
use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::ServiceCard;
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let locale = use_locale();
    let services = Resource::new(|| (), |_| list_services());
    let query = use_query_map();
    let searched = move || query.read().get("q").unwrap_or_default();
    view! {
        <Title text=locale.t("catalogue-title") />
        <h1>{locale.t("catalogue-heading")}</h1>
        <p class="lead">{locale.t("catalogue-intro")}</p>
        // A plain GET form: searching works the same with or without JavaScript.
        <form class="search" method="get" action="/" role="search">
            <label class="label" for="search-q">
                {locale.t("search-label")}
            </label>
            <div class="search__row">
                <input
                    class="input search__input"
                    type="search"
                    id="search-q"
                    name="q"
                    value=searched
                    autocomplete="off"
                />
                <button type="submit" class="button search__button">
                    {locale.t("search-button")}
                </button>
            </div>
        </form>
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || {
                let searched = searched();
                Suspend::new(async move {
                    match services.await {
                        Ok(data) if searched.trim().is_empty() => view! {
                            <Notices notices=data.notices />
                            <Topics cards=data.services />
                        }.into_any(),
                        Ok(data) => view! {
                            <Notices notices=data.notices />
                            <SearchResults cards=data.services searched />
                        }.into_any(),
                        Err(error) => view! { <LoadError error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Whether a service is what a person searched for: every word they typed
/// appears in its title, description or topics, whatever the letter case.
pub fn matches(card: &ServiceCard, searched: &str, locale: Locale) -> bool {
    let topics: Vec<String> = card
        .topics
        .iter()
        .map(|t| locale.t(&format!("topic-{t}")))
        .collect();
    let text = format!("{} {} {}", card.title, card.description, topics.join(" ")).to_lowercase();
    let words: Vec<String> = searched.split_whitespace().map(str::to_lowercase).collect();
    !words.is_empty() && words.iter().all(|w| text.contains(w.as_str()))
}

/// The services that match a search, or a plain "nothing matched" with a
/// way on.
#[component]
fn SearchResults(cards: Vec<ServiceCard>, searched: String) -> impl IntoView {
    let locale = use_locale();
    let found: Vec<ServiceCard> = cards
        .into_iter()
        .filter(|c| matches(c, &searched, locale))
        .collect();
    let count = i64::try_from(found.len()).unwrap_or(i64::MAX);
    let shown = searched.trim().to_owned();
    let heading = locale.t_args(
        "search-results",
        &[
            ("count", FluentArg::Num(count)),
            ("query", FluentArg::Str(shown)),
        ],
    );
    view! {
        <section class="topic" aria-labelledby="search-results">
            <h2 id="search-results">{heading}</h2>
            {if found.is_empty() {
                view! { <p>{locale.t("search-none")}</p> }.into_any()
            } else {
                view! { <ServiceList cards=found /> }.into_any()
            }}
            <p>
                <a href="/">{locale.t("search-show-all")}</a>
            </p>
        </section>
    }
}

#[component]
fn ServiceList(cards: Vec<ServiceCard>) -> impl IntoView {
    view! {
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
                    <ServiceList cards />
                </section>
            }
        })
        .collect_view()
        .into_any()
}

#[cfg(test)]
mod tests {
    use super::matches;
    use crate::i18n::Locale;
    use crate::model::ServiceCard;

    #[test]
    fn every_word_searched_must_appear_in_any_case() {
        let card = ServiceCard {
            key: "parking-permit".into(),
            title: "Boendeparkering".into(),
            description: "Ansök om tillstånd att parkera nära hemmet.".into(),
            topics: vec!["parking-and-streets".into()],
        };
        let sv = Locale::Sv;
        assert!(matches(&card, "PARKERING", sv));
        assert!(matches(&card, " tillstånd  boende ", sv));
        // Topics count, in the page's language.
        assert!(matches(&card, "gator", sv));
        assert!(matches(&card, "streets", Locale::En));
        assert!(!matches(&card, "streets", sv));
        assert!(!matches(&card, "parkering förskola", sv));
        assert!(!matches(&card, "   ", sv));
    }
}

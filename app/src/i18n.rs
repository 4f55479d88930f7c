//! User-interface text through Fluent, and the choice of language.
//!
//! Every string a person reads comes from `locales/{form,pages}/<lang>/*.ftl`, embedded at
//! build time so the server and the browser hold the same text. Form content
//! (labels, hints, options) is translated inside the form definition instead.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

// Two sets of text: the form page's island's (`locales/form`), which the
// browser's bundle carries, and every other page's (`locales/pages`), which
// only the server draws. A page's text is looked up in its own set first.
// Isolation marks surround every argument with invisible characters.
// Left-to-right text needs none; in Arabic they keep a Swedish label or a
// number in its own order inside the sentence.
fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../locales/form",
        fallback_language: "sv",
        customise: |bundle| {
            let right_to_left = bundle.locales.iter().any(|l| l.language.as_str() == "ar");
            bundle.set_use_isolating(right_to_left)
        },
    };
}

#[cfg(feature = "ssr")]
fluent_templates::static_loader! {
    static PAGE_LOCALES = {
        locales: "../locales/pages",
        fallback_language: "sv",
        customise: |bundle| {
            let right_to_left = bundle.locales.iter().any(|l| l.language.as_str() == "ar");
            bundle.set_use_isolating(right_to_left)
        },
    };
}

/// A language the user interface is offered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Sv,
    En,
    Ar,
}

static LANGIDS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| {
    [
        LanguageIdentifier::from_bytes(b"sv").unwrap_or_default(),
        LanguageIdentifier::from_bytes(b"en").unwrap_or_default(),
        LanguageIdentifier::from_bytes(b"ar").unwrap_or_default(),
    ]
});

impl Locale {
    /// Every language offered, in the order the language switch shows them.
    pub const ALL: [Locale; 3] = [Locale::Sv, Locale::En, Locale::Ar];

    /// The BCP 47 tag, as used in `lang` attributes, cookies and definitions.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Sv => "sv",
            Locale::En => "en",
            Locale::Ar => "ar",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// Text direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Sv | Locale::En => "ltr",
            Locale::Ar => "rtl",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Sv => "Svenska",
            Locale::En => "English",
            Locale::Ar => "العربية",
        }
    }

    /// The server's choice: the language cookie if it names an offered
    /// language, then the best match in `Accept-Language`, then Swedish.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Self {
        if let Some(locale) = cookie.and_then(Self::from_tag) {
            return locale;
        }
        let mut best: Option<(f32, Locale)> = None;
        for item in accept_language.unwrap_or("").split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(locale) = Self::from_tag(tag) {
                if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, locale));
                }
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Locale::Sv => &LANGIDS[0],
            Locale::En => &LANGIDS[1],
            Locale::Ar => &LANGIDS[2],
        }
    }

    /// The text of `key` in this language.
    pub fn t(self, key: &str) -> String {
        #[cfg(feature = "ssr")]
        if let Some(text) = PAGE_LOCALES.try_lookup(self.langid(), key) {
            return text;
        }
        LOCALES.lookup(self.langid(), key)
    }

    /// The text of `key` with arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, FluentArg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    FluentArg::Str(s) => FluentValue::from(s.clone()),
                    FluentArg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        #[cfg(feature = "ssr")]
        if let Some(text) = PAGE_LOCALES.try_lookup_with_args(self.langid(), key, &args) {
            return text;
        }
        LOCALES.lookup_with_args(self.langid(), key, &args)
    }
}

/// An argument to a translated message.
#[derive(Clone, Debug)]
pub enum FluentArg {
    Str(String),
    Num(i64),
}

/// The language of the page being rendered, provided at the root of the app.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn cookie_wins_then_accept_language_then_swedish() {
        assert_eq!(Locale::negotiate(Some("en"), Some("sv")), Locale::En);
        assert_eq!(
            Locale::negotiate(Some("xx"), Some("en-GB,sv;q=0.5")),
            Locale::En
        );
        assert_eq!(
            Locale::negotiate(None, Some("de, en;q=0.4, sv;q=0.8")),
            Locale::Sv
        );
        assert_eq!(Locale::negotiate(None, Some("en;q=0")), Locale::Sv);
        assert_eq!(Locale::negotiate(None, Some("fi")), Locale::Sv);
        assert_eq!(Locale::negotiate(None, None), Locale::Sv);
    }

    #[test]
    fn every_key_has_text_in_every_language() {
        for locale in Locale::ALL {
            assert_eq!(locale.t("site-name"), "Blankett");
        }
        for topic in crate::pages::citizen::catalogue::TOPICS {
            for locale in Locale::ALL {
                let key = format!("topic-{topic}");
                assert!(
                    !locale.t(&key).contains(&key),
                    "{key} has no {} text",
                    locale.tag()
                );
            }
        }
        assert_ne!(
            Locale::Sv.t("catalogue-heading"),
            Locale::En.t("catalogue-heading")
        );
    }
}

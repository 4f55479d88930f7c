//! A service's status model: the statuses its cases move through, what
//! they are called, and in which a resident may write to the handlers.
//! Each service may have its own (`statuses` in its definition); the
//! newest version's model holds for all its cases. Without one, Blankett's
//! default applies, named in the UI's own words (`case-status-<key>`).

use crate::catalogue::FormStore;
use app::i18n::Locale;
use app::model::Choice;
use forms::FormDefinition;
use std::sync::{Arc, RwLock};

pub struct StatusModel {
    definition: Option<Arc<FormDefinition>>,
}

impl StatusModel {
    /// The model of service `service` (its newest version's).
    pub fn of(forms: &RwLock<FormStore>, service: &str) -> Self {
        let store = forms.read().unwrap_or_else(|e| e.into_inner());
        StatusModel {
            definition: store.get(service, None).map(|p| p.definition.clone()),
        }
    }

    /// The statuses' keys, in order.
    pub fn keys(&self) -> Vec<String> {
        match &self.definition {
            Some(d) => d.status_keys().into_iter().map(str::to_owned).collect(),
            None => forms::DEFAULT_STATUSES
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.keys().iter().any(|k| k == key)
    }

    /// A status's name in `locale`: the service's own, or the UI's.
    pub fn name(&self, key: &str, locale: Locale) -> String {
        if let Some(name) = self
            .definition
            .as_ref()
            .and_then(|d| d.status_name(key, locale.tag()))
        {
            return name.to_owned();
        }
        if forms::DEFAULT_STATUSES.contains(&key) {
            locale.t(&format!("case-status-{key}"))
        } else {
            // A status the newest version no longer has.
            key.to_owned()
        }
    }

    /// Whether a resident may write while their case is in `key`.
    pub fn messages_allowed(&self, key: &str) -> bool {
        match &self.definition {
            Some(d) => d.messages_allowed(key),
            None => key != "closed",
        }
    }

    /// Every status, for a list to choose from.
    pub fn choices(&self, locale: Locale) -> Vec<Choice> {
        self.keys()
            .into_iter()
            .map(|key| Choice {
                label: self.name(&key, locale),
                value: key,
            })
            .collect()
    }
}

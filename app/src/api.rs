//! Server functions: thin verbs that call the ports. Imports sit inside the
//! bodies so the browser build, which only gets the call stubs, has none.
//!
//! Each has a fixed endpoint. Without one, the address carries a hash of the
//! crate's folder on disk, so a browser bundle and a server built from two
//! checkouts of the same code would not find each other.

use crate::model::{AppError, FormPageData, Receipt, ServiceCard, ServiceStart};
use leptos::prelude::*;

#[server(endpoint = "list_services")]
pub async fn list_services() -> Result<Vec<ServiceCard>, AppError> {
    use crate::i18n::use_locale;
    let lang = use_locale().tag();
    let services = crate::ssr::ports()?.catalogue.services().await?;
    Ok(services
        .iter()
        .map(|d| ServiceCard {
            key: d.key().to_owned(),
            title: d.title(lang).to_owned(),
            description: d.description(lang).to_owned(),
            topics: d.topics().to_vec(),
        })
        .collect())
}

#[server(endpoint = "service_start")]
pub async fn get_service_start(key: String) -> Result<ServiceStart, AppError> {
    use crate::i18n::use_locale;
    use crate::model::PrivacyText;
    use crate::ssr::{ports, set_status};
    let lang = use_locale().tag();
    let Some(open) = ports()?.catalogue.open_form(&key, None).await? else {
        set_status(404);
        return Err(AppError::NotFound);
    };
    let d = &open.definition;
    let start = d.start().cloned().unwrap_or_default();
    Ok(ServiceStart {
        key: d.key().to_owned(),
        content_lang: crate::components::field::content_lang(d, lang),
        title: d.title(lang).to_owned(),
        description: d.description(lang).to_owned(),
        organisation: d.organisation(lang).map(str::to_owned),
        processing_days: d.processing_days(),
        e_id: d.identification() != forms::Identification::Anonymous,
        need: start
            .need
            .iter()
            .map(|t| d.text(t, lang).to_owned())
            .collect(),
        minutes: start.minutes,
        phone: start.phone.clone(),
        visit: start.visit.as_ref().map(|t| d.text(t, lang).to_owned()),
        privacy: d.privacy().map(|p| PrivacyText {
            purpose: d.text(&p.purpose, lang).to_owned(),
            legal_basis: serde_json::to_value(p.legal_basis)
                .ok()
                .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
                .unwrap_or_default(),
            retention_months: p.retention_months,
        }),
    })
}

#[server(endpoint = "open_form")]
pub async fn open_form(key: String) -> Result<FormPageData, AppError> {
    use crate::model::FormState;
    use crate::ssr::{ports, set_status, PostedForm};
    let posted = use_context::<PostedForm>();
    let version = posted.as_ref().map(|p| p.version);
    let Some(open) = ports()?.catalogue.open_form(&key, version).await? else {
        set_status(404);
        return Err(AppError::NotFound);
    };
    let definition = (*open.definition).clone();
    let state = match posted {
        Some(posted) => posted.state,
        None => FormState {
            submission_key: open.submission_key,
            ..FormState::default()
        },
    };
    Ok(FormPageData { definition, state })
}

#[server(endpoint = "get_receipt")]
pub async fn get_receipt(token: String) -> Result<Receipt, AppError> {
    use crate::i18n::use_locale;
    use crate::ssr::{ports, set_status, PostedFeedback};
    match ports()?.catalogue.receipt(&token, use_locale()).await? {
        Some(mut r) => {
            if let Some(posted) = use_context::<PostedFeedback>() {
                set_status(422);
                r.feedback.comment = posted.comment;
                r.feedback.error = Some(posted.error);
            }
            Ok(r)
        }
        None => {
            set_status(404);
            Err(AppError::NotFound)
        }
    }
}

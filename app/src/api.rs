//! Server functions: thin verbs that call the ports. Imports sit inside the
//! bodies so the browser build, which only gets the call stubs, has none.
//!
//! Each has a fixed endpoint. Without one, the address carries a hash of the
//! crate's folder on disk, so a browser bundle and a server built from two
//! checkouts of the same code would not find each other.

use crate::model::{
    AppError, CatalogueData, CheckData, FormPageData, Receipt, SavedLink, ServiceStart,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "list_services")]
pub async fn list_services() -> Result<CatalogueData, AppError> {
    use crate::i18n::use_locale;
    use crate::model::ServiceCard;
    let locale = use_locale();
    let lang = locale.tag();
    let catalogue = crate::ssr::ports()?.catalogue;
    let services = catalogue.services().await?;
    Ok(CatalogueData {
        services: services
            .iter()
            .map(|d| ServiceCard {
                key: d.key().to_owned(),
                title: d.title(lang).to_owned(),
                description: d.description(lang).to_owned(),
                topics: d.topics().to_vec(),
            })
            .collect(),
        notices: catalogue.notices(None, locale).await?,
    })
}

#[server(endpoint = "service_start")]
pub async fn get_service_start(key: String) -> Result<ServiceStart, AppError> {
    use crate::i18n::use_locale;
    use crate::model::PrivacyText;
    use crate::ssr::{ports, set_status};
    let locale = use_locale();
    let lang = locale.tag();
    let catalogue = ports()?.catalogue;
    let checked = catalogue.checking(&key, &crate::ssr::request_headers());
    let open = match checked {
        Some(checked) => checked.definition,
        None => {
            let Some(open) = catalogue.open_form(&key, None).await? else {
                set_status(404);
                return Err(AppError::NotFound);
            };
            catalogue.viewed(&key);
            open.definition
        }
    };
    let notices = catalogue.notices(Some(&key), locale).await?;
    let d = &open;
    let start = d.start().cloned().unwrap_or_default();
    Ok(ServiceStart {
        key: d.key().to_owned(),
        content_lang: crate::components::field::content_lang(d, lang),
        title: d.title(lang).to_owned(),
        description: d.description(lang).to_owned(),
        organisation: d.organisation(lang).map(str::to_owned),
        processing_days: d.processing_days(),
        e_id: d.identification() != forms::Identification::Anonymous,
        may_start: crate::ssr::may_fill_in(d, crate::ssr::signed_in().as_ref(), lang).is_ok(),
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
        notices,
    })
}

/// A page of a form: as just posted (when the server draws it again after
/// a post), or as the person's draft has it.
/// `show_errors`: the page was sent back from check-your-answers because
/// an answer no longer fits; its errors are shown at once.
#[server(endpoint = "open_form")]
pub async fn open_form(key: String, show_errors: bool) -> Result<FormPageData, AppError> {
    use crate::i18n::use_locale;
    use crate::ssr::{ports, request_headers, set_status, PostedForm};
    let catalogue = ports()?.catalogue;
    let notices = catalogue.notices(Some(&key), use_locale()).await?;
    if let Some(posted) = use_context::<PostedForm>() {
        if let Some(open) = catalogue.open_form(&key, Some(posted.version)).await? {
            return Ok(FormPageData {
                definition: open.definition,
                state: posted.state,
                notices,
            });
        }
    }
    if let Some(mut checked) = catalogue.checking(&key, &request_headers()) {
        if !show_errors {
            checked.state.errors.clear();
        }
        return Ok(FormPageData {
            definition: checked.definition,
            state: checked.state,
            notices,
        });
    }
    let signed_in = crate::ssr::signed_in();
    let Some(drafted) = catalogue
        .draft(&key, &request_headers(), signed_in.as_ref())
        .await?
    else {
        set_status(404);
        return Err(AppError::NotFound);
    };
    if let Err(refused) =
        crate::ssr::may_fill_in(&drafted.definition, signed_in.as_ref(), use_locale().tag())
    {
        set_status(401);
        return Err(refused);
    }
    let mut state = drafted.state;
    if !show_errors {
        state.errors.clear();
    }
    Ok(FormPageData {
        definition: drafted.definition,
        state,
        notices,
    })
}

/// Everything answered so far, page by page, to check before sending.
/// Without a draft there is nothing to check: the form starts instead.
#[server(endpoint = "check_answers")]
pub async fn check_answers(key: String) -> Result<CheckData, AppError> {
    use crate::components::field::FieldView;
    use crate::i18n::use_locale;
    use crate::model::CheckSection;
    use crate::ssr::{ports, redirect, request_headers, set_status, PostedForm};
    use forms::ErrorCode;
    let locale = use_locale();
    let lang = locale.tag();
    let signed_in = crate::ssr::signed_in();
    let Some(drafted) = ports()?
        .catalogue
        .draft(&key, &request_headers(), signed_in.as_ref())
        .await?
    else {
        set_status(404);
        return Err(AppError::NotFound);
    };
    if let Err(refused) = crate::ssr::may_fill_in(&drafted.definition, signed_in.as_ref(), lang) {
        set_status(401);
        return Err(refused);
    }
    if !drafted.saved {
        redirect(&format!("/services/{key}/form"));
    }
    let d = &drafted.definition;
    let summary = forms::summary(d, &drafted.state.answers, lang);
    let sections = d
        .pages()
        .filter(|p| drafted.state.visible_pages.iter().any(|v| v == p.key()))
        .map(|page| {
            let keys: Vec<&str> = page.fields().map(|f| f.key()).collect();
            let change = page
                .fields()
                .map(|f| {
                    let target = FieldView::new(f, d, locale).input_id_for(&ErrorCode::Required);
                    let href = format!("/services/{key}/form/{}?return=check#{target}", page.key());
                    (f.key().to_owned(), href)
                })
                .collect();
            CheckSection {
                page: page.key().to_owned(),
                title: page.title(lang).to_owned(),
                change,
                rows: summary
                    .iter()
                    .filter(|row| keys.contains(&row.field.as_str()))
                    .cloned()
                    .collect(),
            }
        })
        .collect();
    Ok(CheckData {
        notices: ports()?.catalogue.notices(Some(&key), locale).await?,
        key: d.key().to_owned(),
        title: d.title(lang).to_owned(),
        content_lang: crate::components::field::content_lang(d, lang),
        version: d.version(),
        submission_key: drafted.state.submission_key.clone(),
        last_page: drafted
            .state
            .visible_pages
            .last()
            .cloned()
            .unwrap_or_default(),
        sections,
        failure_reference: use_context::<PostedForm>().and_then(|p| p.state.failure_reference),
    })
}

/// The resume link of a draft just saved. It exists only in the answer to
/// the post that saved it, and again after a post asking for it by e-mail
/// that had an error; anywhere else the form starts instead. `sent`: the
/// link has just been e-mailed, which the page says and nothing more.
#[server(endpoint = "saved_draft")]
pub async fn saved_draft(key: String, sent: bool) -> Result<SavedLink, AppError> {
    use crate::i18n::use_locale;
    use crate::ssr::{ports, redirect, request_headers, set_status, PostedResumeMail};
    if sent {
        return Ok(SavedLink {
            sent: true,
            ..SavedLink::default()
        });
    }
    let locale = use_locale();
    let catalogue = ports()?.catalogue;
    let posted = use_context::<PostedResumeMail>();
    let found = match &posted {
        Some(posted) => catalogue.resume_link(&key, &posted.secret, locale).await?,
        None => catalogue.saved(&key, &request_headers(), locale).await?,
    };
    let Some(saved) = found else {
        redirect(&format!("/services/{key}/form"));
        return Ok(SavedLink::default());
    };
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        // Shown once: the browser forgets the secret now.
        if let Ok(cookie) = http::HeaderValue::from_str(&saved.clear_cookie) {
            response.append_header(http::header::SET_COOKIE, cookie);
        }
        response.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
    }
    let (email, error) = match posted {
        Some(posted) => {
            set_status(422);
            (posted.email, Some(posted.error))
        }
        None => (saved.email.unwrap_or_default(), None),
    };
    Ok(SavedLink {
        link: saved.link,
        expires_on: saved.expires_on,
        secret: saved.secret,
        email,
        error,
        sent: false,
    })
}

/// Saves what a page holds while the person is still on it: with
/// JavaScript, each time a field is left and something changed. Files wait
/// for the page's real post.
#[server(endpoint = "autosave", input = Json)]
pub async fn autosave(
    key: String,
    page: String,
    answers: Vec<(String, String)>,
) -> Result<(), AppError> {
    use crate::i18n::use_locale;
    use crate::ssr::{ports, request_headers};
    let catalogue = ports()?.catalogue;
    let cookie = catalogue
        .autosave(
            &key,
            &page,
            answers,
            &request_headers(),
            use_locale(),
            crate::ssr::signed_in().as_ref(),
        )
        .await?;
    if let (Some(cookie), Some(response)) = (cookie, use_context::<leptos_axum::ResponseOptions>())
    {
        if let Ok(value) = http::HeaderValue::from_str(&cookie) {
            response.append_header(http::header::SET_COOKIE, value);
        }
    }
    Ok(())
}

#[server(endpoint = "get_receipt")]
pub async fn get_receipt(token: String) -> Result<Receipt, AppError> {
    use crate::i18n::use_locale;
    use crate::ssr::{ports, set_status, PostedFeedback};
    let signed_in = crate::ssr::signed_in();
    match ports()?
        .catalogue
        .receipt(&token, use_locale(), signed_in.as_ref())
        .await?
    {
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

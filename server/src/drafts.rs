//! Drafts: a form filled in one page at a time. Each page's post is kept
//! on the server, so the form works page by page without JavaScript, the
//! check-your-answers page can show everything, and a person can come back.
//!
//! A draft is found only through a secret the person holds: a 128-bit token
//! in a cookie named after the service (`draft-<service>`, `HttpOnly`,
//! `SameSite=Lax`), and, if they ask to save and come back later, a second
//! token in a resume link shown once. Only SHA-256 hashes of the tokens are
//! stored. A draft is pinned to the form version it was started on and is
//! deleted for good when it expires (`BLANKETT_DRAFT_DAYS` after it was
//! last saved), with the files attached to it.

use crate::catalogue::Published;
use crate::db::{self, drafts::Draft, Db};
use crate::files::FileStore;
use app::pages::citizen::form::{REVISION_INPUT, SUBMISSION_INPUT};
use axum::http::{header, HeaderMap, HeaderValue};
use forms::{question_of, RawAnswers};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// The hash stored for a secret.
pub fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The name of the cookie holding a service's draft secret.
pub fn cookie_name(service: &str) -> String {
    format!("draft-{service}")
}

/// The draft secret the request carries for `service`, if it looks like one.
pub fn secret_in(headers: &HeaderMap, service: &str) -> Option<String> {
    cookie_in(headers, &cookie_name(service))
}

/// The name of the cookie that carries a resume link's secret from the post
/// that saved the draft to the one page that shows it.
pub fn resume_cookie_name(service: &str) -> String {
    format!("resume-{service}")
}

/// The cookie that carries a new resume secret to the page that shows it,
/// for ten minutes at most; that page clears it.
pub fn resume_cookie(service: &str, secret: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!(
        "{}={secret}; Path=/services/{service}/saved; Max-Age=600; SameSite=Lax; HttpOnly",
        resume_cookie_name(service)
    ))
    .ok()
}

/// The header that clears the resume cookie once the link has been shown.
pub fn clear_resume_cookie(service: &str) -> String {
    format!(
        "{}=; Path=/services/{service}/saved; Max-Age=0; SameSite=Lax; HttpOnly",
        resume_cookie_name(service)
    )
}

/// The value of cookie `name`, if it is a token.
pub fn cookie_in(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| crate::secret::is_token(v))
}

/// The cookie that gives the browser its draft secret, for `days`.
pub fn set_cookie(service: &str, secret: &str, days: u32) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!(
        "{}={secret}; Path=/; Max-Age={}; SameSite=Lax; HttpOnly",
        cookie_name(service),
        u64::from(days) * 86_400
    ))
    .ok()
}

/// The cookie that makes the browser forget the draft.
pub fn clear_cookie(service: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!(
        "{}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly",
        cookie_name(service)
    ))
    .ok()
}

/// When a draft saved at `now` expires.
pub fn expiry(now: i64, days: u32) -> i64 {
    now + i64::from(days) * 86_400_000
}

/// The live draft behind a session secret, if `person` (the signed-in
/// resident's id) may have it: a signed-in resident's draft is theirs alone.
/// (In another browser they continue it from "My cases", which gives that
/// browser the draft: `continue_for`.)
pub async fn find(
    db: &Db,
    secret: Option<&str>,
    now: i64,
    person: Option<i64>,
) -> Result<Option<Draft>, sqlx::Error> {
    let found = match secret {
        Some(secret) => db::drafts::by_secret(&db.pool, &hash(secret), now).await?,
        None => None,
    };
    Ok(found.filter(|d| belongs(d, person)))
}

/// Gives the browser of `person` their draft `id`: a new session secret
/// for it (the one a browser held before stops working there). `None` when
/// it is not their live draft.
pub async fn continue_for(
    db: &Db,
    id: i64,
    person: i64,
    now: i64,
) -> Result<Option<(Draft, String)>, sqlx::Error> {
    let Some(draft) = db::drafts::by_id(&db.pool, id, now).await? else {
        return Ok(None);
    };
    if draft.person_id != Some(person) {
        return Ok(None);
    }
    let secret = crate::secret::token();
    set_session(db, draft.id, &secret).await?;
    Ok(Some((draft, secret)))
}

/// Whether `person` (the signed-in resident's id, if any) may have `draft`.
pub fn belongs(draft: &Draft, person: Option<i64>) -> bool {
    draft.person_id.is_none() || draft.person_id == person
}

/// A draft's answers. A draft that cannot be read (it never should) starts
/// empty rather than stopping the person.
pub fn answers_of(draft: &Draft) -> RawAnswers {
    serde_json::from_str(&draft.answers).unwrap_or_else(|e| {
        tracing::error!(draft = draft.id, error = %e, "a draft's answers could not be read");
        RawAnswers::new()
    })
}

/// The keys of the questions on `page` of `definition`.
pub fn questions_on(definition: &forms::FormDefinition, page: &str) -> BTreeSet<String> {
    definition
        .pages()
        .find(|p| p.key() == page)
        .map(|p| p.fields().map(|f| f.key().to_owned()).collect())
        .unwrap_or_default()
}

/// `draft` with every answer to the questions in `page` replaced by what
/// was posted; answers to other pages stay as they were, and nothing posted
/// for another page's questions is taken.
pub fn merge(draft: &RawAnswers, posted: &RawAnswers, page: &BTreeSet<String>) -> RawAnswers {
    let on_page = |name: &str| page.contains(question_of(name));
    let kept = draft.iter().filter(|(name, _)| !on_page(name));
    let new = posted.iter().filter(|(name, _)| on_page(name));
    RawAnswers::from_pairs(
        kept.chain(new)
            .flat_map(|(name, values)| values.iter().map(move |v| (name.to_owned(), v.clone()))),
    )
}

/// Deletes expired drafts and the files attached to them, counting where
/// each was left for the statistics; gives how many drafts went. Run at
/// start-up and every hour.
pub async fn sweep(
    db: &Db,
    files: &dyn FileStore,
    stats: &crate::statistics::Statistics,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let (left, file_ids) = db
        .writer
        .write(move |conn| Box::pin(async move { db::drafts::delete_expired(conn, now).await }))
        .await?;
    for id in file_ids {
        if let Err(e) = files.delete(&id).await {
            tracing::warn!(file = %id, error = %e, "an expired draft's file could not be removed");
        }
    }
    for draft in &left {
        let page = crate::statistics::Metric::Left {
            page: draft.page.clone(),
        };
        stats.count_at(&draft.service_key, page, draft.updated_at);
    }
    let deleted = left.len() as u64;
    if deleted > 0 {
        tracing::info!(deleted, "expired drafts deleted");
    }
    Ok(deleted)
}

/// The submission key of a post: the draft's, or for a first post the
/// one its page carried (a new one if it carried none).
pub fn submission_key(draft: Option<&Draft>, posted: &RawAnswers) -> String {
    match draft {
        Some(d) => d.submission_key.clone(),
        None => crate::submission::key_of(posted),
    }
}

/// Makes `secret` the draft's resume secret; an earlier link stops working.
pub async fn set_resume(db: &Db, id: i64, secret: &str) -> Result<(), sqlx::Error> {
    let resume_hash = hash(secret);
    db.writer
        .write(move |conn| {
            let resume_hash = resume_hash.clone();
            Box::pin(async move { db::drafts::set_resume(conn, id, &resume_hash).await })
        })
        .await
}

/// Makes `secret` the draft's session secret (a browser's own, after a
/// resume link was opened).
pub async fn set_session(db: &Db, id: i64, secret: &str) -> Result<(), sqlx::Error> {
    let secret_hash = hash(secret);
    db.writer
        .write(move |conn| {
            let secret_hash = secret_hash.clone();
            Box::pin(async move { db::drafts::set_secret(conn, id, &secret_hash).await })
        })
        .await
}

/// What a page holds while the person is still on it (sent with
/// JavaScript each time a field is left), merged into the draft's answers:
/// like [`merge`], except that files stay as the draft has them, since only
/// a real post brings files.
pub fn merge_typed(
    definition: &forms::FormDefinition,
    draft: &RawAnswers,
    posted: &RawAnswers,
    page: &BTreeSet<String>,
) -> RawAnswers {
    let files: BTreeSet<&str> = definition
        .fields()
        .flat_map(|f| std::iter::once(f).chain(f.row_fields()))
        .filter(|f| matches!(f.kind(), forms::FieldKind::File { .. }))
        .map(|f| f.key())
        .collect();
    // `photos`, `receipts[2].scan`: the field is the last key in the name.
    let is_file = |name: &str| files.contains(name.rsplit(['.', ']']).next().unwrap_or(name));
    let typed = RawAnswers::from_pairs(
        posted
            .iter()
            .filter(|(name, _)| !is_file(name))
            .flat_map(|(name, values)| values.iter().map(move |v| (name.to_owned(), v.clone()))),
    );
    let mut merged = merge(draft, &typed, page);
    for (name, values) in draft.iter() {
        if page.contains(question_of(name)) && is_file(name) {
            merged.set(name, values.to_vec());
        }
    }
    merged
}

/// How a draft is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saving {
    /// A page's post: always stored, and the revision counts up.
    Post,
    /// What a page held while still being filled in, by a page drawn at
    /// this revision: stored only if no post came in since. A save sent
    /// as a field was left can reach the server after the page's own post
    /// (or after the case was sent), and must not undo it.
    Typed(i64),
}

/// A draft as just saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub id: i64,
    /// For a new draft, the secret for the browser.
    pub secret: Option<String>,
    pub revision: i64,
}

/// The revision a page was drawn at, as its post or save carries it.
pub fn revision_in(raw: &RawAnswers) -> i64 {
    raw.first(REVISION_INPUT)
        .and_then(|r| r.parse().ok())
        .unwrap_or(0)
}

/// Saves the draft (a new one if `draft` is `None`). `None` when a
/// [`Saving::Typed`] save came too late and nothing was stored.
#[allow(clippy::too_many_arguments)]
pub async fn save(
    db: &Db,
    form: &Published,
    draft: Option<&Draft>,
    raw: &RawAnswers,
    page: &str,
    locale: app::i18n::Locale,
    now: i64,
    days: u32,
    person: Option<i64>,
    saving: Saving,
) -> Result<Option<Saved>, sqlx::Error> {
    let mut kept = raw.clone();
    kept.set(SUBMISSION_INPUT, Vec::new());
    kept.set(REVISION_INPUT, Vec::new());
    let answers = serde_json::to_string(&kept).unwrap_or_else(|_| "{}".into());
    let expires_at = expiry(now, days);
    let page = page.to_owned();
    let writer = &db.writer;
    match (draft, saving) {
        (Some(d), Saving::Post) => {
            let id = d.id;
            let revision = writer
                .write(move |conn| {
                    let (answers, page) = (answers.clone(), page.clone());
                    Box::pin(async move {
                        db::drafts::save(conn, id, &answers, &page, now, expires_at).await
                    })
                })
                .await?;
            Ok(Some(Saved {
                id,
                secret: None,
                revision,
            }))
        }
        (Some(d), Saving::Typed(revision)) => {
            let id = d.id;
            let saved = writer
                .write(move |conn| {
                    let (answers, page) = (answers.clone(), page.clone());
                    Box::pin(async move {
                        db::drafts::save_typed(conn, id, &answers, &page, now, expires_at, revision)
                            .await
                    })
                })
                .await?;
            Ok(saved.then_some(Saved {
                id,
                secret: None,
                revision,
            }))
        }
        // The page belonged to a draft that is gone (sent, or expired).
        (None, Saving::Typed(revision)) if revision > 0 => Ok(None),
        (None, _) => {
            let secret = crate::secret::token();
            let secret_hash = hash(&secret);
            let form_version_id = form.id;
            let submission_key = raw.first(SUBMISSION_INPUT).unwrap_or_default().to_owned();
            let id = writer
                .write(move |conn| {
                    let (secret_hash, submission_key) =
                        (secret_hash.clone(), submission_key.clone());
                    let (answers, page) = (answers.clone(), page.clone());
                    Box::pin(async move {
                        let draft = db::drafts::NewDraft {
                            secret_hash: &secret_hash,
                            form_version_id,
                            submission_key: &submission_key,
                            language: locale.tag(),
                            answers: &answers,
                            page: &page,
                            now,
                            expires_at,
                            person_id: person,
                        };
                        db::drafts::insert(conn, &draft).await
                    })
                })
                .await?;
            Ok(Some(Saved {
                id,
                secret: Some(secret),
                revision: 0,
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_belong_to_their_question() {
        // forms::question_of, as the merge relies on it.
        assert_eq!(question_of("children[0].name"), "children");
        assert_eq!(question_of("children.rows"), "children");
        assert_eq!(question_of("address.street"), "address");
        assert_eq!(question_of("email"), "email");
    }

    #[test]
    fn a_page_post_replaces_only_that_page() {
        let draft = RawAnswers::from_pairs([
            ("email", "a@example.se"),
            ("kind", "pothole"),
            ("children.rows", "2"),
            ("children[1].name", "Bo"),
        ]);
        let posted = RawAnswers::from_pairs([
            ("children.rows", "1"),
            ("children[0].name", "Ada"),
            ("email", "forged@example.se"),
        ]);
        let page: BTreeSet<String> = ["children".to_string(), "kind".to_string()].into();
        let merged = merge(&draft, &posted, &page);
        assert_eq!(merged.first("email"), Some("a@example.se"));
        assert_eq!(merged.first("kind"), None, "an emptied answer stays empty");
        assert_eq!(merged.first("children.rows"), Some("1"));
        assert_eq!(merged.first("children[0].name"), Some("Ada"));
        assert_eq!(merged.first("children[1].name"), None);
    }

    #[test]
    fn secrets_come_from_the_service_cookie_only() {
        let token = crate::secret::token();
        let mut headers = HeaderMap::new();
        let cookie = format!("lang=sv; draft-parking-permit=nope; draft-fault-report={token}");
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&cookie).expect("header"),
        );
        assert_eq!(secret_in(&headers, "fault-report"), Some(token.clone()));
        assert_eq!(secret_in(&headers, "parking-permit"), None, "not a token");
        assert_eq!(secret_in(&headers, "wedding-ceremony"), None);
        assert_eq!(hash(&token).len(), 64);
        assert_ne!(hash(&token), token);
    }
}

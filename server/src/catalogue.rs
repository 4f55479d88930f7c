//! The published forms, held in memory, and the catalogue port that the UI
//! reads them through.

use crate::db::{self, Db};
use crate::error::internal;
use app::i18n::Locale;
use app::model::Receipt;
use app::pages::citizen::form::{REVISION_INPUT, SUBMISSION_INPUT};
use app::ssr::{Catalogue, Drafted, OpenForm, PortFuture, SavedDraft, SignedIn};
use forms::{FormDefinition, FormSpec, RawAnswers};
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

/// A published form version and its row id.
#[derive(Clone, Debug)]
pub struct Published {
    pub id: i64,
    pub definition: Arc<FormDefinition>,
}

/// Every published form version, loaded from the database, and which of
/// them residents are offered. Versions are immutable, so the copy in
/// memory can only be missing versions, never hold stale ones; what is
/// offered is loaded again when a publication changes it
/// ([`reload_when_changed`]).
#[derive(Default)]
pub struct FormStore {
    by_id: BTreeMap<i64, Published>,
    /// (service key, version) -> row id.
    by_key: BTreeMap<(String, u32), i64>,
    /// Services whose publications decide what residents get: the row id
    /// of the version offered, or `None` for a service taken down. A
    /// service not here offers its newest version.
    live: BTreeMap<String, Option<i64>>,
    /// When the next scheduled publication takes effect.
    due: Option<i64>,
    /// What the store was loaded from (`db::forms::stamp`).
    stamp: (i64, i64, i64),
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("stored form {key} v{version} does not load: {problem}")]
    Invalid {
        key: String,
        version: i64,
        problem: String,
    },
    #[error("demo definition {file}: {problem}")]
    Demo { file: String, problem: String },
}

impl FormStore {
    pub async fn load(db: &Db) -> Result<Self, LoadError> {
        let mut store = FormStore {
            stamp: db::forms::stamp(&db.pool).await?,
            ..FormStore::default()
        };
        for row in db::forms::all(&db.pool).await? {
            let invalid = |problem: String| LoadError::Invalid {
                key: row.service_key.clone(),
                version: row.version,
                problem,
            };
            let definition: FormDefinition =
                serde_json::from_str(&row.definition).map_err(|e| invalid(e.to_string()))?;
            store
                .by_key
                .insert((definition.key().to_owned(), definition.version()), row.id);
            store.by_id.insert(
                row.id,
                Published {
                    id: row.id,
                    definition: Arc::new(definition),
                },
            );
        }
        let now = db::now_millis();
        for p in db::forms::publications(&db.pool).await? {
            if p.at > now {
                // Not offered before its first publication's time.
                store.live.entry(p.service_key).or_insert(None);
                store.due = Some(store.due.map_or(p.at, |d| d.min(p.at)));
                continue;
            }
            let id = p.version.and_then(|v| {
                let v = u32::try_from(v).ok()?;
                store.by_key.get(&(p.service_key.clone(), v)).copied()
            });
            store.live.insert(p.service_key, id);
        }
        Ok(store)
    }

    /// Whether the store must be loaded again: something was published
    /// or cancelled since it was loaded, or a scheduled publication's time
    /// has come.
    pub fn is_stale(&self, stamp: (i64, i64, i64), now: i64) -> bool {
        stamp != self.stamp || self.due.is_some_and(|d| d <= now)
    }

    /// The version new residents get of a service: the one published last,
    /// or its newest if it was never published through the builder.
    /// `None` if the service is taken down or unknown.
    pub fn live(&self, key: &str) -> Option<&Published> {
        match self.live.get(key) {
            Some(id) => id.and_then(|id| self.by_id.get(&id)),
            None => self.get(key, None),
        }
    }

    /// The newest version of a service, or a given one (whether offered or
    /// not: cases and drafts stay on their own version).
    pub fn get(&self, key: &str, version: Option<u32>) -> Option<&Published> {
        let id = match version {
            Some(v) => self.by_key.get(&(key.to_owned(), v))?,
            None => {
                self.by_key
                    .range((key.to_owned(), 0)..=(key.to_owned(), u32::MAX))
                    .next_back()?
                    .1
            }
        };
        self.by_id.get(id)
    }

    pub fn by_id(&self, id: i64) -> Option<&Published> {
        self.by_id.get(&id)
    }

    /// The version a post of service `key` is taken against: a draft stays
    /// on the version it was started on; a first post on the version its
    /// page showed (`_version`), or the newest.
    pub fn for_post(
        &self,
        key: &str,
        draft: Option<&db::drafts::Draft>,
        posted: &RawAnswers,
    ) -> Option<&Published> {
        match draft {
            Some(d) => self.by_id(d.form_version_id),
            None => crate::submission::posted_version(posted)
                .and_then(|v| self.get(key, Some(v)))
                .or_else(|| self.live(key)),
        }
        .filter(|f| f.definition.key() == key)
    }

    /// The version residents are offered of every service that is
    /// offered, by key.
    pub fn offered(&self) -> Vec<Arc<FormDefinition>> {
        self.newest()
            .iter()
            .filter_map(|d| self.live(d.key()).map(|p| p.definition.clone()))
            .collect()
    }

    /// The newest version of every service, by key.
    pub fn newest(&self) -> Vec<Arc<FormDefinition>> {
        let mut newest: BTreeMap<&str, &Published> = BTreeMap::new();
        for ((key, _), id) in &self.by_key {
            if let Some(p) = self.by_id.get(id) {
                newest.insert(key, p);
            }
        }
        newest.into_values().map(|p| p.definition.clone()).collect()
    }
}

/// Loads the published forms again whenever a publication changed what is
/// offered (here or in another server on the same database), checking
/// every `every`, and within a second of a scheduled one's time.
pub async fn reload_when_changed(
    db: Db,
    forms: Arc<RwLock<FormStore>>,
    every: std::time::Duration,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    // A scheduled publication is looked for every second (in memory); the
    // database every `every`.
    let tick = std::time::Duration::from_secs(1);
    let mut since_asked = std::time::Duration::ZERO;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(tick) => {}
            _ = stop.changed() => return,
        }
        since_asked += tick;
        let due = forms
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .due
            .is_some_and(|d| d <= db::now_millis());
        if !due && since_asked < every {
            continue;
        }
        since_asked = std::time::Duration::ZERO;
        if let Err(e) = reload_if_stale(&db, &forms).await {
            tracing::warn!(error = %e, "the published forms could not be loaded again");
        }
    }
}

/// Loads the published forms again if they changed. Whether they did.
pub async fn reload_if_stale(db: &Db, forms: &RwLock<FormStore>) -> Result<bool, LoadError> {
    let stamp = db::forms::stamp(&db.pool).await?;
    let stale = forms
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .is_stale(stamp, db::now_millis());
    if stale {
        let store = FormStore::load(db).await?;
        *forms.write().unwrap_or_else(|e| e.into_inner()) = store;
    }
    Ok(stale)
}

/// Publishes the demo definitions that are not yet stored.
pub async fn import_demo(db: &Db) -> Result<usize, LoadError> {
    let mut imported = 0;
    for (file, text) in crate::demo::DEFINITIONS {
        let demo_error = |problem: String| LoadError::Demo {
            file: (*file).to_owned(),
            problem,
        };
        let spec: FormSpec = crate::demo::parse(file, text).map_err(demo_error)?;
        let definition = forms::compile(spec).map_err(|problems| {
            demo_error(
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        let stored = serde_json::to_string(&definition).map_err(|e| demo_error(e.to_string()))?;
        let version = i64::from(definition.version());
        if db::forms::insert_if_absent(
            &db.pool,
            definition.key(),
            version,
            &stored,
            db::now_millis(),
        )
        .await?
        {
            imported += 1;
        } else if db::forms::definition_text(&db.pool, definition.key(), version)
            .await?
            .as_deref()
            != Some(&stored)
        {
            // Published versions never change; a changed demo needs a new version.
            tracing::warn!(
                service = definition.key(),
                version,
                "the stored demo service differs from the shipped one; the stored version is kept"
            );
        }
    }
    Ok(imported)
}

/// The catalogue port, implemented over the database and the form store.
pub struct CatalogueService {
    pub db: Db,
    pub forms: Arc<RwLock<FormStore>>,
    pub timezone: jiff::tz::TimeZone,
    /// Where people reach Blankett, for resume links.
    pub public_url: String,
    pub notices: Arc<crate::notices::Notices>,
    /// How long a draft lives after its last save.
    pub draft_days: u32,
    pub stats: Arc<crate::statistics::Statistics>,
    pub checker: Arc<crate::accessibility::Checker>,
}

impl CatalogueService {
    /// A page's state for `raw` answers on `form`, as the page draws it.
    fn state_of(
        &self,
        form: &Published,
        mut raw: RawAnswers,
        submission_key: String,
        revision: Option<i64>,
        signed_in: Option<&SignedIn>,
    ) -> app::model::FormState {
        raw.set(SUBMISSION_INPUT, vec![submission_key]);
        raw.set(REVISION_INPUT, vec![revision.unwrap_or(0).to_string()]);
        let evaluation = forms::evaluate(
            &form.definition,
            &raw,
            &crate::submission::context(&self.timezone, signed_in),
        );
        let errors = evaluation.errors.clone();
        crate::submission::drawn(form, &raw, evaluation, errors, None).state
    }

    pub(crate) fn read<T>(&self, f: impl FnOnce(&FormStore) -> T) -> T {
        // A poisoned lock only means a panic elsewhere while holding it;
        // the store itself is replaced whole, so its data is intact.
        let guard = self.forms.read().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    }
}

impl Catalogue for CatalogueService {
    fn services(&self) -> PortFuture<'_, Vec<Arc<FormDefinition>>> {
        let services = self.read(FormStore::offered);
        Box::pin(async move { Ok(services) })
    }

    fn open_form<'a>(
        &'a self,
        key: &'a str,
        version: Option<u32>,
    ) -> PortFuture<'a, Option<OpenForm>> {
        let found = self.read(|s| {
            match version {
                Some(_) => s.get(key, version),
                None => s.live(key),
            }
            .map(|p| p.definition.clone())
        });
        Box::pin(async move {
            Ok(found.map(|definition| OpenForm {
                definition,
                submission_key: crate::secret::token(),
            }))
        })
    }

    fn checking(&self, key: &str, request: &axum::http::HeaderMap) -> Option<Drafted> {
        let form = self.checker.pass(key, request)?;
        let mut state = self.state_of(
            &form,
            RawAnswers::default(),
            crate::secret::token(),
            None,
            None,
        );
        // Every page is checked, those shown only after some answer too.
        state.visible_pages = form
            .definition
            .pages()
            .map(|p| p.key().to_owned())
            .collect();
        Some(Drafted {
            definition: form.definition,
            state,
            saved: false,
        })
    }

    fn viewed(&self, key: &str) {
        self.stats.count(key, crate::statistics::Metric::View);
    }

    fn draft<'a>(
        &'a self,
        key: &'a str,
        request: &'a axum::http::HeaderMap,
        signed_in: Option<&'a SignedIn>,
    ) -> PortFuture<'a, Option<Drafted>> {
        Box::pin(async move {
            let secret = crate::drafts::secret_in(request, key);
            let person = signed_in.map(|s| s.person_id);
            let found = crate::drafts::find(&self.db, secret.as_deref(), db::now_millis(), person)
                .await
                .map_err(|e| internal("loading a draft", e))?;
            let pinned = found.as_ref().and_then(|d| {
                self.read(|s| s.by_id(d.form_version_id).cloned())
                    .filter(|p| p.definition.key() == key)
            });
            let (form, raw, submission_key, revision) = match (found, pinned) {
                (Some(draft), Some(form)) => (
                    form,
                    crate::drafts::answers_of(&draft),
                    draft.submission_key,
                    Some(draft.revision),
                ),
                // Nothing typed yet: what e-ID tells is filled in.
                _ => match self.read(|s| s.live(key).cloned()) {
                    Some(form) => {
                        let raw = signed_in
                            .map(|s| forms::prefilled(&form.definition, &s.person()))
                            .unwrap_or_default();
                        (form, raw, crate::secret::token(), None)
                    }
                    None => return Ok(None),
                },
            };
            let state = self.state_of(&form, raw, submission_key, revision, signed_in);
            Ok(Some(Drafted {
                definition: form.definition,
                state,
                saved: revision.is_some(),
            }))
        })
    }

    fn saved<'a>(
        &'a self,
        key: &'a str,
        request: &'a axum::http::HeaderMap,
        locale: Locale,
    ) -> PortFuture<'a, Option<SavedDraft>> {
        Box::pin(async move {
            match crate::drafts::cookie_in(request, &crate::drafts::resume_cookie_name(key)) {
                Some(secret) => self.resume_link(key, &secret, locale).await,
                None => Ok(None),
            }
        })
    }

    fn resume_link<'a>(
        &'a self,
        key: &'a str,
        secret: &'a str,
        locale: Locale,
    ) -> PortFuture<'a, Option<SavedDraft>> {
        Box::pin(async move {
            if !crate::secret::is_token(secret) {
                return Ok(None);
            }
            let draft = db::drafts::by_resume(
                &self.db.pool,
                &crate::drafts::hash(secret),
                db::now_millis(),
            )
            .await
            .map_err(|e| internal("showing a resume link", e))?;
            let Some(draft) = draft else {
                return Ok(None);
            };
            let definition = self
                .read(|s| s.by_id(draft.form_version_id).map(|p| p.definition.clone()))
                .filter(|d| d.key() == key);
            let Some(definition) = definition else {
                return Ok(None);
            };
            // An address the form was given for its receipt, to suggest.
            let answers = crate::drafts::answers_of(&draft);
            let email = definition
                .receipt_to()
                .iter()
                .filter_map(|q| answers.first(q))
                .map(str::trim)
                .find(|a| forms::is_plausible_email(a))
                .map(str::to_owned);
            Ok(Some(SavedDraft {
                link: format!("{}/resume/{secret}", self.public_url),
                secret: secret.to_owned(),
                expires_on: format_date(draft.expires_at, &self.timezone),
                clear_cookie: crate::drafts::clear_resume_cookie(key),
                service_title: definition.title(locale.tag()).to_owned(),
                email,
            }))
        })
    }

    fn autosave<'a>(
        &'a self,
        key: &'a str,
        page: &'a str,
        answers: Vec<(String, String)>,
        request: &'a axum::http::HeaderMap,
        locale: Locale,
        signed_in: Option<&'a SignedIn>,
    ) -> PortFuture<'a, Option<String>> {
        Box::pin(async move {
            let now = db::now_millis();
            let failed = |e: sqlx::Error| internal("saving a page as it is filled in", e);
            let secret = crate::drafts::secret_in(request, key);
            let person = signed_in.map(|s| s.person_id);
            let draft = crate::drafts::find(&self.db, secret.as_deref(), now, person)
                .await
                .map_err(failed)?;
            let posted = RawAnswers::from_pairs(answers);
            let form = self.read(|s| s.for_post(key, draft.as_ref(), &posted).cloned());
            // Nothing is kept of a page that does not exist, or of a form
            // the person may not fill in.
            let Some(form) = form.filter(|f| {
                f.definition.pages().any(|p| p.key() == page)
                    && app::ssr::may_fill_in(&f.definition, signed_in, locale.tag()).is_ok()
            }) else {
                return Ok(None);
            };
            let questions = crate::drafts::questions_on(&form.definition, page);
            let earlier = draft
                .as_ref()
                .map(crate::drafts::answers_of)
                .unwrap_or_default();
            let mut raw =
                crate::drafts::merge_typed(&form.definition, &earlier, &posted, &questions);
            raw.set(
                SUBMISSION_INPUT,
                vec![crate::drafts::submission_key(draft.as_ref(), &posted)],
            );
            let saved = crate::drafts::save(
                &self.db,
                &form,
                draft.as_ref(),
                &raw,
                page,
                locale,
                now,
                self.draft_days,
                person,
                crate::drafts::Saving::Typed(crate::drafts::revision_in(&posted)),
            )
            .await
            .map_err(failed)?;
            if saved.as_ref().is_some_and(|s| s.secret.is_some()) {
                self.stats.count(key, crate::statistics::Metric::Start);
            }
            Ok(saved
                .and_then(|s| s.secret)
                .and_then(|s| crate::drafts::set_cookie(key, &s, self.draft_days))
                .and_then(|v| v.to_str().ok().map(str::to_owned)))
        })
    }

    fn notices<'a>(
        &'a self,
        service: Option<&'a str>,
        locale: Locale,
    ) -> PortFuture<'a, Vec<app::model::Notice>> {
        Box::pin(async move {
            let rows = self
                .notices
                .current(&self.db)
                .await
                .map_err(|e| internal("reading notices", e))?;
            Ok(crate::notices::shown(
                &rows,
                service,
                db::now_millis(),
                locale.tag(),
            ))
        })
    }

    fn receipt<'a>(
        &'a self,
        token: &'a str,
        locale: Locale,
        signed_in: Option<&'a SignedIn>,
    ) -> PortFuture<'a, Option<Receipt>> {
        Box::pin(async move {
            if !crate::secret::is_token(token) {
                return Ok(None);
            }
            let Some(case) = db::cases::by_receipt_token(&self.db.pool, token)
                .await
                .map_err(|e| internal("loading a receipt", e))?
            else {
                return Ok(None);
            };
            // A signed-in resident's case is theirs alone: to anyone else
            // there is no such receipt.
            if case.person_id.is_some() && case.person_id != signed_in.map(|s| s.person_id) {
                return Ok(None);
            }
            let lang = locale.tag();
            let definition =
                self.read(|s| s.by_id(case.form_version_id).map(|p| p.definition.clone()));
            let answers: std::collections::BTreeMap<String, forms::Value> =
                serde_json::from_str(&case.answers)
                    .map_err(|e| internal("reading a case's answers", e))?;
            let mut receipt = receipt_of(
                definition.as_deref(),
                case.reference,
                case.submitted_at,
                &answers,
                lang,
                &self.timezone,
            );
            receipt.feedback.given = case.feedback_given;
            Ok(Some(receipt))
        })
    }
}

/// What the receipt page and the receipt mail say about a case, read
/// against `definition`, the version the answers were given on.
pub fn receipt_of(
    definition: Option<&FormDefinition>,
    reference: String,
    submitted_at: i64,
    answers: &std::collections::BTreeMap<String, forms::Value>,
    lang: &str,
    timezone: &jiff::tz::TimeZone,
) -> Receipt {
    Receipt {
        reference,
        service_title: definition
            .map(|d| d.title(lang).to_owned())
            .unwrap_or_default(),
        submitted_at: format_time(submitted_at, timezone),
        processing_days: definition.and_then(|d| d.processing_days()),
        organisation: definition.and_then(|d| d.organisation(lang).map(str::to_owned)),
        summary: definition
            .map(|d| forms::summary(d, answers, lang))
            .unwrap_or_default(),
        content_lang: definition.and_then(|d| app::components::field::content_lang(d, lang)),
        feedback: app::model::Feedback::default(),
    }
}

/// A stored time's date as people read it: `2026-12-23` in the configured
/// zone.
pub fn format_date(millis: i64, timezone: &jiff::tz::TimeZone) -> String {
    jiff::Timestamp::from_millisecond(millis)
        .map(|t| t.to_zoned(timezone.clone()).date().to_string())
        .unwrap_or_default()
}

/// A local time as people write it (`2026-11-24T18:00`, as a browser's
/// date-and-time input posts it, or with a space) in the configured zone.
pub fn parse_time(text: &str, timezone: &jiff::tz::TimeZone) -> Option<i64> {
    text.trim()
        .replace(' ', "T")
        .parse::<jiff::civil::DateTime>()
        .ok()
        .and_then(|t| t.to_zoned(timezone.clone()).ok())
        .map(|t| t.timestamp().as_millisecond())
}

/// A stored time as people read it: `2026-11-23 14:05` in the configured zone.
pub fn format_time(millis: i64, timezone: &jiff::tz::TimeZone) -> String {
    jiff::Timestamp::from_millisecond(millis)
        .map(|t| {
            t.to_zoned(timezone.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

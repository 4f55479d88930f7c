//! Form authoring: the version of a service being edited (`form_drafts`,
//! migration 0016), its problems, what it changes against the live
//! version, import and export as JSON or TOML, and publishing.
//!
//! Only authors of the service's organisation (the `services` table's,
//! set by administrators) may edit it; administrators may edit any. A
//! draft is kept as written, even when it does not compile, so nothing an
//! author wrote is lost; it can only be published once it compiles.
//! Publishing makes it an immutable row of `form_versions` (the next
//! version number), loads it into the running catalogue, deletes the draft
//! and writes the audit log; earlier versions stay, and every resident's
//! draft and case stays on its own.

use crate::catalogue::FormStore;
use crate::db::{self, Db};
use app::ssr::StaffSignedIn;
use forms::{CompileProblem, FormDefinition, FormSpec};
use sqlx::Row;
use std::sync::{Arc, RwLock};

/// A definition's text formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Toml,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "json" => Some(Format::Json),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }
}

/// A definition as text: JSON (pretty) or TOML. Reading it back with
/// [`import`] gives the same definition.
pub fn export(spec: &FormSpec, format: Format) -> Result<String, String> {
    match format {
        Format::Json => serde_json::to_string_pretty(spec)
            .map(|t| t + "\n")
            .map_err(|e| e.to_string()),
        Format::Toml => forms::spec_to_toml(spec),
    }
}

/// Reads a definition written as JSON (it starts with `{`) or TOML.
pub fn import(text: &str) -> Result<FormSpec, String> {
    if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| e.to_string())
    } else {
        forms::spec_from_toml(text)
    }
}

/// Whether `staff` may edit service `key`: an administrator, or an author
/// of the organisation that owns it. A service no organisation owns yet
/// is the administrators'.
pub async fn may_author(db: &Db, staff: &StaffSignedIn, key: &str) -> Result<bool, sqlx::Error> {
    if staff.roles.iter().any(|r| r == "administrator") {
        return Ok(true);
    }
    if !staff.roles.iter().any(|r| r == "author") {
        return Ok(false);
    }
    let owner: Option<i64> =
        sqlx::query_scalar("SELECT organisation_id FROM services WHERE key = $1")
            .bind(key)
            .fetch_optional(&db.pool)
            .await?
            .flatten();
    let mine = organisation_of(db, staff.staff_id).await?;
    Ok(owner.is_some() && owner == mine)
}

/// A member of staff's organisation.
pub async fn organisation_of(db: &Db, staff_id: i64) -> Result<Option<i64>, sqlx::Error> {
    Ok(db::staff::by_id(&db.pool, staff_id)
        .await?
        .and_then(|s| s.organisation_id))
}

/// The draft of service `key` as written, if there is one.
pub async fn draft_text(db: &Db, key: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT definition FROM form_drafts WHERE service_key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get("definition"))
        .transpose()
}

/// Every service with a draft.
pub async fn drafted(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT service_key FROM form_drafts ORDER BY service_key")
        .fetch_all(&db.pool)
        .await
}

/// Saves the draft of `key` as written; with `organisation`, a new service
/// is made that organisation's.
pub async fn save_draft(
    db: &Db,
    key: &str,
    text: &str,
    staff_id: i64,
    organisation: Option<i64>,
) -> Result<(), sqlx::Error> {
    let (key, text, now) = (key.to_owned(), text.to_owned(), db::now_millis());
    db.writer
        .write(move |conn| {
            let (key, text) = (key.clone(), text.clone());
            Box::pin(async move {
                sqlx::query(
                    "INSERT INTO form_drafts (service_key, definition, updated_at, updated_by) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (service_key) DO UPDATE SET \
                     definition = excluded.definition, updated_at = excluded.updated_at, \
                     updated_by = excluded.updated_by",
                )
                .bind(&key)
                .bind(&text)
                .bind(now)
                .bind(staff_id)
                .execute(&mut *conn)
                .await?;
                if let Some(organisation) = organisation {
                    sqlx::query(
                        "INSERT INTO services (key, organisation_id) VALUES ($1, $2) \
                         ON CONFLICT (key) DO NOTHING",
                    )
                    .bind(&key)
                    .bind(organisation)
                    .execute(&mut *conn)
                    .await?;
                }
                Ok(())
            })
        })
        .await
}

pub async fn discard_draft(db: &Db, key: &str) -> Result<(), sqlx::Error> {
    let key = key.to_owned();
    db.writer
        .write(move |conn| {
            let key = key.clone();
            Box::pin(async move {
                sqlx::query("DELETE FROM form_drafts WHERE service_key = $1")
                    .bind(&key)
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            })
        })
        .await
}

/// What a draft is: the spec it reads as (or why it does not read), and
/// the definition it compiles to (or its problems).
pub struct Checked {
    pub spec: Result<FormSpec, String>,
    pub definition: Result<FormDefinition, Vec<CompileProblem>>,
}

pub fn check(text: &str) -> Checked {
    let spec = import(text);
    let definition = match &spec {
        Ok(spec) => forms::compile(spec.clone()),
        Err(_) => Err(Vec::new()),
    };
    Checked { spec, definition }
}

/// How many residents' open drafts are on the live version of `key`, and
/// how many of them `new` would affect (an answer dropped or checked
/// again, `forms::Changes::affects`).
pub async fn open_drafts(
    db: &Db,
    forms: &RwLock<FormStore>,
    key: &str,
    new: &FormDefinition,
) -> Result<(u64, u64), sqlx::Error> {
    let live = {
        let store = forms.read().unwrap_or_else(|e| e.into_inner());
        store.get(key, None).map(|p| (p.id, p.definition.clone()))
    };
    let Some((live_id, live)) = live else {
        return Ok((0, 0));
    };
    let changes = forms::compare(&live, new);
    let rows =
        sqlx::query("SELECT answers FROM drafts WHERE form_version_id = $1 AND expires_at > $2")
            .bind(live_id)
            .bind(db::now_millis())
            .fetch_all(&db.pool)
            .await?;
    let mut affected = 0;
    for row in &rows {
        let answers: std::collections::BTreeMap<String, serde_json::Value> =
            serde_json::from_str(&row.try_get::<String, _>("answers")?).unwrap_or_default();
        if changes.affects(answers.keys().map(String::as_str)) {
            affected += 1;
        }
    }
    Ok((rows.len() as u64, affected))
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("there is no draft")]
    NoDraft,
    #[error("the draft has problems")]
    Problems,
    #[error("the draft is of another service")]
    OtherKey,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("the published forms could not be loaded again: {0}")]
    Reload(String),
}

/// Publishes the draft of `key`: the next version number, stored,
/// loaded into `forms`, the draft deleted, the audit log written. Gives
/// the version.
pub async fn publish(
    db: &Db,
    forms: &Arc<RwLock<FormStore>>,
    key: &str,
    staff: &StaffSignedIn,
) -> Result<u32, PublishError> {
    let text = draft_text(db, key).await?.ok_or(PublishError::NoDraft)?;
    let mut spec = import(&text).map_err(|_| PublishError::Problems)?;
    if spec.key != key {
        return Err(PublishError::OtherKey);
    }
    let newest: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(CAST(version AS BIGINT)) FROM form_versions WHERE service_key = $1",
    )
    .bind(key)
    .fetch_one(&db.pool)
    .await?;
    let version = u32::try_from(newest.unwrap_or(0) + 1).unwrap_or(u32::MAX);
    spec.version = version;
    let definition = forms::compile(spec).map_err(|_| PublishError::Problems)?;
    let stored =
        serde_json::to_string(&definition).map_err(|e| PublishError::Reload(e.to_string()))?;
    let (k, now, actor) = (
        key.to_owned(),
        db::now_millis(),
        format!("staff:{}", staff.staff_id),
    );
    db.writer
        .write(move |conn| {
            let (k, stored, actor) = (k.clone(), stored.clone(), actor.clone());
            Box::pin(async move {
                sqlx::query(
                    "INSERT INTO form_versions (service_key, version, definition, published_at) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(&k)
                .bind(i64::from(version))
                .bind(&stored)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                sqlx::query("DELETE FROM form_drafts WHERE service_key = $1")
                    .bind(&k)
                    .execute(&mut *conn)
                    .await?;
                let entry = db::audit::Entry {
                    at: now,
                    actor,
                    action: "form-published".into(),
                    subject: format!("service:{k}"),
                    detail: format!("version {version}"),
                };
                db::audit::insert(conn, &entry).await
            })
        })
        .await?;
    let store = FormStore::load(db)
        .await
        .map_err(|e| PublishError::Reload(e.to_string()))?;
    *forms.write().unwrap_or_else(|e| e.into_inner()) = store;
    Ok(version)
}

impl app::ssr::Authoring for crate::catalogue::CatalogueService {
    fn list<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        locale: app::i18n::Locale,
    ) -> app::ssr::PortFuture<'a, app::model::AuthoringList> {
        Box::pin(async move {
            let failed = |e| crate::error::internal("listing a member of staff's forms", e);
            let lang = locale.tag();
            let live: Vec<(String, String, u32)> = self.read(|s| {
                s.newest()
                    .iter()
                    .map(|d| (d.key().to_owned(), d.title(lang).to_owned(), d.version()))
                    .collect()
            });
            let drafts = drafted(&self.db).await.map_err(failed)?;
            let mut services = Vec::new();
            for (key, title, version) in &live {
                if may_author(&self.db, staff, key).await.map_err(failed)? {
                    services.push(app::model::AuthoredService {
                        key: key.clone(),
                        title: title.clone(),
                        live_version: Some(*version),
                        has_draft: drafts.contains(key),
                    });
                }
            }
            for key in drafts
                .iter()
                .filter(|k| !live.iter().any(|(l, _, _)| l == *k))
            {
                if may_author(&self.db, staff, key).await.map_err(failed)? {
                    let text = draft_text(&self.db, key)
                        .await
                        .map_err(failed)?
                        .unwrap_or_default();
                    let title = import(&text)
                        .ok()
                        .and_then(|s| {
                            s.title
                                .get(lang)
                                .or_else(|| s.title.values().next())
                                .cloned()
                        })
                        .unwrap_or_else(|| key.clone());
                    services.push(app::model::AuthoredService {
                        key: key.clone(),
                        title,
                        live_version: None,
                        has_draft: true,
                    });
                }
            }
            let templates = crate::demo::DEFINITIONS
                .iter()
                .filter_map(|(file, text)| {
                    let spec = crate::demo::parse(file, text).ok()?;
                    let label = spec
                        .title
                        .get(lang)
                        .or_else(|| spec.title.values().next())?
                        .clone();
                    Some(app::model::Choice {
                        value: spec.key,
                        label,
                    })
                })
                .collect();
            Ok(app::model::AuthoringList {
                services,
                templates,
                posted: None,
            })
        })
    }

    fn draft<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
        locale: app::i18n::Locale,
    ) -> app::ssr::PortFuture<'a, Option<app::model::FormDraftView>> {
        Box::pin(async move {
            let failed = |e| crate::error::internal("loading a form's draft", e);
            let lang = locale.tag();
            let live = self.read(|s| s.get(key, None).map(|p| p.definition.clone()));
            let draft = draft_text(&self.db, key).await.map_err(failed)?;
            if (live.is_none() && draft.is_none())
                || !may_author(&self.db, staff, key).await.map_err(failed)?
            {
                return Ok(None);
            }
            let has_draft = draft.is_some();
            let text = match draft {
                Some(text) => text,
                None => live
                    .as_ref()
                    .and_then(|d| export(d.spec(), Format::Json).ok())
                    .unwrap_or_default(),
            };
            let checked = check(&text);
            let unreadable = checked.spec.as_ref().err().cloned();
            let mut problems: Vec<app::model::ProblemRow> = match &checked.definition {
                Err(problems) => problems.iter().map(|p| problem_row(p, locale)).collect(),
                Ok(_) => Vec::new(),
            };
            if let Ok(spec) = &checked.spec {
                if spec.key != key {
                    problems.insert(
                        0,
                        app::model::ProblemRow {
                            path: "key".into(),
                            message: locale.t_args(
                                "problem-key-changed",
                                &[("key", app::i18n::FluentArg::Str(key.to_owned()))],
                            ),
                        },
                    );
                }
            }
            // A title being written may be empty in some language: the
            // heading falls back to one that is not, and then to the key.
            let title = checked
                .spec
                .as_ref()
                .ok()
                .and_then(|s| {
                    s.title
                        .get(lang)
                        .filter(|t| !t.trim().is_empty())
                        .or_else(|| s.title.values().find(|t| !t.trim().is_empty()))
                        .cloned()
                })
                .or_else(|| live.as_ref().map(|d| d.title(lang).to_owned()))
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| key.to_owned());
            let (changes, open, affected) = match (&live, &checked.definition) {
                (Some(live), Ok(new)) if has_draft => {
                    let c = forms::compare(live, new);
                    let (open, affected) = open_drafts(&self.db, &self.forms, key, new)
                        .await
                        .map_err(failed)?;
                    let changes = app::model::DraftChanges {
                        added_pages: c.added_pages,
                        removed_pages: c.removed_pages,
                        added_fields: c.added_fields,
                        removed_fields: c.removed_fields,
                        changed_fields: c.changed_fields.into_iter().map(|f| f.field).collect(),
                    };
                    (Some(changes), open, affected)
                }
                _ => (None, 0, 0),
            };
            Ok(Some(app::model::FormDraftView {
                key: key.to_owned(),
                title,
                live_version: live.as_ref().map(|d| d.version()),
                has_draft,
                text,
                unreadable,
                problems,
                changes,
                open_drafts: open,
                affected_drafts: affected,
                published: None,
                posted: None,
            }))
        })
    }
}

/// A compile problem in the author's language: `problem-<code>`, with the
/// problem's details as arguments.
pub fn problem_row(problem: &CompileProblem, locale: app::i18n::Locale) -> app::model::ProblemRow {
    let kind = serde_json::to_value(&problem.kind).unwrap_or_default();
    let code = kind["code"].as_str().unwrap_or("unknown").replace('_', "-");
    let args: Vec<(&'static str, app::i18n::FluentArg)> = [
        "key",
        "language",
        "value",
        "field",
        "href",
        "max",
        "at",
        "phone",
        "media_type",
        "reason",
        "error_code",
        "found",
    ]
    .into_iter()
    .filter_map(|name| {
        let value = kind.get(name)?;
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Some((name, app::i18n::FluentArg::Str(text)))
    })
    .collect();
    app::model::ProblemRow {
        path: problem.path.clone(),
        message: locale.t_args(&format!("problem-{code}"), &args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every demo service, exported as JSON and as TOML and imported again,
    /// is exactly the same definition.
    #[test]
    fn every_demo_survives_export_and_import() {
        for (name, text) in crate::demo::DEFINITIONS {
            let spec = crate::demo::parse(name, text).expect("reads");
            for format in [Format::Json, Format::Toml] {
                let written = export(&spec, format).unwrap_or_else(|e| panic!("{name}: {e}"));
                let again = import(&written)
                    .unwrap_or_else(|e| panic!("{name} {format:?}: {e}\n{written}"));
                assert_eq!(again, spec, "{name} as {format:?}");
                assert_eq!(
                    forms::compile(again).expect("compiles"),
                    forms::compile(spec.clone()).expect("compiles"),
                    "{name} as {format:?}"
                );
            }
        }
    }

    #[test]
    fn a_draft_that_does_not_read_or_compile_says_so() {
        assert!(check("{ not json").spec.is_err());
        let checked = check(
            r#"{"key": "x", "version": 1, "languages": ["sv"], "title": {"sv": ""}, "description": {"sv": "d"}, "pages": []}"#,
        );
        let problems = checked.definition.expect_err("problems");
        assert!(
            problems.iter().any(|p| p.path == "title.sv"),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.path == "pages"), "{problems:?}");
    }
}

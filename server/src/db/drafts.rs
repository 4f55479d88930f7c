//! Drafts: forms being filled in, page by page. Found only by the hash of a
//! secret the person holds; see `crate::drafts`.

use sqlx::{AnyConnection, AnyPool, Connection, Row};

/// A draft as stored.
#[derive(Clone, Debug)]
pub struct Draft {
    pub id: i64,
    pub form_version_id: i64,
    pub submission_key: String,
    pub language: String,
    /// The raw answers so far, as JSON (`forms::RawAnswers`).
    pub answers: String,
    /// The page the person was last on.
    pub page: String,
    /// When the first page was sent.
    pub created_at: i64,
    pub expires_at: i64,
    /// Counted up by each post of a page (see [`save`]).
    pub revision: i64,
    /// The signed-in resident whose draft it is; `None` for an anonymous one.
    pub person_id: Option<i64>,
}

pub struct NewDraft<'a> {
    pub secret_hash: &'a str,
    pub form_version_id: i64,
    pub submission_key: &'a str,
    pub language: &'a str,
    pub answers: &'a str,
    pub page: &'a str,
    pub now: i64,
    pub expires_at: i64,
    pub person_id: Option<i64>,
}

const COLUMNS: &str =
    "id, form_version_id, submission_key, language, answers, page, created_at, expires_at, revision, person_id";

pub async fn insert(conn: &mut AnyConnection, draft: &NewDraft<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO drafts (secret_hash, form_version_id, submission_key, language, answers, page, \
         created_at, updated_at, expires_at, person_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9) \
         RETURNING id",
    )
    .bind(draft.secret_hash)
    .bind(draft.form_version_id)
    .bind(draft.submission_key)
    .bind(draft.language)
    .bind(draft.answers)
    .bind(draft.page)
    .bind(draft.now)
    .bind(draft.expires_at)
    .bind(draft.person_id)
    .fetch_one(conn)
    .await?
    .try_get("id")
}

/// The live draft whose session secret hashes to `secret_hash`.
pub async fn by_secret(
    pool: &AnyPool,
    secret_hash: &str,
    now: i64,
) -> Result<Option<Draft>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM drafts WHERE secret_hash = $1 AND expires_at > $2"
    ))
    .bind(secret_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// The live draft whose resume secret hashes to `resume_hash`.
pub async fn by_resume(
    pool: &AnyPool,
    resume_hash: &str,
    now: i64,
) -> Result<Option<Draft>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM drafts WHERE resume_hash = $1 AND expires_at > $2"
    ))
    .bind(resume_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// Saves the answers and the page as a page's post brings them, moves the
/// expiry on and counts up the revision; gives the new revision.
pub async fn save(
    conn: &mut AnyConnection,
    id: i64,
    answers: &str,
    page: &str,
    now: i64,
    expires_at: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "UPDATE drafts SET answers = $2, page = $3, updated_at = $4, expires_at = $5, \
         revision = revision + 1 WHERE id = $1 RETURNING revision",
    )
    .bind(id)
    .bind(answers)
    .bind(page)
    .bind(now)
    .bind(expires_at)
    .fetch_one(conn)
    .await?
    .try_get("revision")
}

/// Saves what a page held while it was being filled in, only if the draft
/// is still at `revision`: no post has come in since the page was drawn.
/// Gives whether it was saved.
pub async fn save_typed(
    conn: &mut AnyConnection,
    id: i64,
    answers: &str,
    page: &str,
    now: i64,
    expires_at: i64,
    revision: i64,
) -> Result<bool, sqlx::Error> {
    let saved = sqlx::query(
        "UPDATE drafts SET answers = $2, page = $3, updated_at = $4, expires_at = $5 \
         WHERE id = $1 AND revision = $6",
    )
    .bind(id)
    .bind(answers)
    .bind(page)
    .bind(now)
    .bind(expires_at)
    .bind(revision)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(saved == 1)
}

/// Replaces the draft's session secret (after resuming from a link, the
/// browser gets a secret of its own).
pub async fn set_secret(
    conn: &mut AnyConnection,
    id: i64,
    secret_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE drafts SET secret_hash = $2 WHERE id = $1")
        .bind(id)
        .bind(secret_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets the resume secret; an earlier resume link stops working.
pub async fn set_resume(
    conn: &mut AnyConnection,
    id: i64,
    resume_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE drafts SET resume_hash = $2 WHERE id = $1")
        .bind(id)
        .bind(resume_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM drafts WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A draft left unsent until it expired, for the statistics: its service,
/// the page it was left on and when it was last saved.
pub struct Left {
    pub service_key: String,
    pub page: String,
    pub updated_at: i64,
}

/// Deletes every draft that expired at or before `now`, with the records
/// of files attached to it and not part of a case; gives what was left
/// where, and the ids of those files, whose contents the caller removes.
pub async fn delete_expired(
    conn: &mut AnyConnection,
    now: i64,
) -> Result<(Vec<Left>, Vec<String>), sqlx::Error> {
    let mut tx = conn.begin().await?;
    let left = sqlx::query(
        "SELECT v.service_key, d.page, d.updated_at FROM drafts d \
         JOIN form_versions v ON v.id = d.form_version_id WHERE d.expires_at <= $1",
    )
    .bind(now)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| {
        Ok(Left {
            service_key: r.try_get("service_key")?,
            page: r.try_get("page")?,
            updated_at: r.try_get("updated_at")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let files: Vec<String> = sqlx::query(
        "SELECT f.id FROM files f JOIN drafts d ON d.submission_key = f.submission_key \
         WHERE d.expires_at <= $1 \
         AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.submission_key = f.submission_key)",
    )
    .bind(now)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| r.try_get("id"))
    .collect::<Result<_, _>>()?;
    for id in &files {
        sqlx::query("DELETE FROM files WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM drafts WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((left, files))
}

fn from_row(row: &sqlx::any::AnyRow) -> Result<Draft, sqlx::Error> {
    Ok(Draft {
        id: row.try_get("id")?,
        form_version_id: row.try_get("form_version_id")?,
        submission_key: row.try_get("submission_key")?,
        language: row.try_get("language")?,
        answers: row.try_get("answers")?,
        page: row.try_get("page")?,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        revision: row.try_get("revision")?,
        person_id: row.try_get("person_id")?,
    })
}

/// A draft as its resident's "My cases" lists it.
#[derive(Clone, Debug)]
pub struct Listed {
    pub id: i64,
    pub form_version_id: i64,
    /// The page the person was last on.
    pub page: String,
    pub updated_at: i64,
    pub expires_at: i64,
}

/// A person's live drafts, the most recently saved first.
pub async fn of_person(
    pool: &AnyPool,
    person_id: i64,
    now: i64,
) -> Result<Vec<Listed>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, form_version_id, page, updated_at, expires_at FROM drafts \
         WHERE person_id = $1 AND expires_at > $2 ORDER BY updated_at DESC, id DESC",
    )
    .bind(person_id)
    .bind(now)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Listed {
                id: row.try_get("id")?,
                form_version_id: row.try_get("form_version_id")?,
                page: row.try_get("page")?,
                updated_at: row.try_get("updated_at")?,
                expires_at: row.try_get("expires_at")?,
            })
        })
        .collect()
}

/// A live draft by its id.
pub async fn by_id(pool: &AnyPool, id: i64, now: i64) -> Result<Option<Draft>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM drafts WHERE id = $1 AND expires_at > $2"
    ))
    .bind(id)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(from_row).transpose()
}

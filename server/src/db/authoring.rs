//! Form authoring's storage (migration 0016): drafts of services being
//! edited, who owns a service, and the versions publishing adds.

use sqlx::{AnyConnection, AnyPool, Row};

/// The organisation that owns service `key`, if one does.
pub async fn owner(pool: &AnyPool, key: &str) -> Result<Option<i64>, sqlx::Error> {
    Ok(
        sqlx::query_scalar("SELECT organisation_id FROM services WHERE key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await?
            .flatten(),
    )
}

/// The draft of service `key` as written, if there is one.
pub async fn draft(pool: &AnyPool, key: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT definition FROM form_drafts WHERE service_key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await?
        .map(|r| r.try_get("definition"))
        .transpose()
}

/// Every service with a draft.
pub async fn drafted(pool: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT service_key FROM form_drafts ORDER BY service_key")
        .fetch_all(pool)
        .await
}

/// Saves the draft of `key`; with `organisation`, a service nobody owns
/// yet becomes that organisation's.
pub async fn save_draft(
    conn: &mut AnyConnection,
    key: &str,
    text: &str,
    staff_id: i64,
    organisation: Option<i64>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO form_drafts (service_key, definition, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (service_key) DO UPDATE SET \
         definition = excluded.definition, updated_at = excluded.updated_at, \
         updated_by = excluded.updated_by",
    )
    .bind(key)
    .bind(text)
    .bind(now)
    .bind(staff_id)
    .execute(&mut *conn)
    .await?;
    if let Some(organisation) = organisation {
        sqlx::query(
            "INSERT INTO services (key, organisation_id) VALUES ($1, $2) \
             ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(organisation)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn delete_draft(conn: &mut AnyConnection, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM form_drafts WHERE service_key = $1")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// The answers (as JSON) of every residents' draft on form version
/// `version_id` that has not expired at `now`.
pub async fn open_answers(
    pool: &AnyPool,
    version_id: i64,
    now: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT answers FROM drafts WHERE form_version_id = $1 AND expires_at > $2")
        .bind(version_id)
        .bind(now)
        .fetch_all(pool)
        .await
}

/// The highest version of service `key`, if it has any.
pub async fn newest_version(pool: &AnyPool, key: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT MAX(CAST(version AS BIGINT)) FROM form_versions WHERE service_key = $1",
    )
    .bind(key)
    .fetch_one(pool)
    .await
}

/// Stores a new version of `key` (its definition as JSON).
pub async fn insert_version(
    conn: &mut AnyConnection,
    key: &str,
    version: i64,
    definition: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO form_versions (service_key, version, definition, published_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(key)
    .bind(version)
    .bind(definition)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether any version of service `key` is published.
pub async fn service_exists(pool: &AnyPool, key: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM form_versions WHERE service_key = $1")
        .bind(key)
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

/// Makes `version` of `key` what new residents get from `at` on (`None`:
/// the service is taken down then).
pub async fn insert_publication(
    conn: &mut AnyConnection,
    key: &str,
    version: Option<i64>,
    at: i64,
    now: i64,
    staff_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO publications (service_key, version, at, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(key)
    .bind(version)
    .bind(at)
    .bind(now)
    .bind(staff_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes down that `key` offers its newest version from `now`, unless its
/// publications already say what it offers (or it has no version).
pub async fn pin_newest(
    conn: &mut AnyConnection,
    key: &str,
    now: i64,
    staff_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO publications (service_key, version, at, created_at, created_by) \
         SELECT $1, m.v, $2, $2, $3 FROM \
         (SELECT MAX(CAST(version AS BIGINT)) AS v FROM form_versions WHERE service_key = $1) m \
         WHERE m.v IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM publications WHERE service_key = $1)",
    )
    .bind(key)
    .bind(now)
    .bind(staff_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes down that `key` is not offered from `now`, unless a publication
/// already says what it offers now: cancelling the only publication of a
/// service scheduled for later must not offer its newest version at once.
pub async fn hold_if_unoffered(
    conn: &mut AnyConnection,
    key: &str,
    now: i64,
    staff_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO publications (service_key, version, at, created_at, created_by) \
         SELECT $1, CAST(NULL AS BIGINT), $2, $2, $3 \
         WHERE NOT EXISTS (SELECT 1 FROM publications WHERE service_key = $1 AND at <= $2)",
    )
    .bind(key)
    .bind(now)
    .bind(staff_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Cancels a publication of `key` that has not taken effect yet. Whether
/// there was one.
pub async fn cancel_publication(
    conn: &mut AnyConnection,
    key: &str,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM publications WHERE id = $1 AND service_key = $2 AND at > $3")
            .bind(id)
            .bind(key)
            .bind(now)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// One published version: its number and when it was made.
pub struct VersionRow {
    pub version: i64,
    pub published_at: i64,
    pub cases: i64,
}

/// Every version of `key`, newest first, with how many cases each has.
pub async fn versions(pool: &AnyPool, key: &str) -> Result<Vec<VersionRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT CAST(v.version AS BIGINT) AS version, v.published_at, \
                (SELECT COUNT(*) FROM cases c WHERE c.form_version_id = v.id) AS cases \
         FROM form_versions v WHERE v.service_key = $1 ORDER BY v.version DESC",
    )
    .bind(key)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(VersionRow {
                version: r.try_get("version")?,
                published_at: r.try_get("published_at")?,
                cases: r.try_get("cases")?,
            })
        })
        .collect()
}

/// The publications of `key`, in the order they take effect: (id,
/// version, at).
pub async fn publications_of(
    pool: &AnyPool,
    key: &str,
) -> Result<Vec<(i64, Option<i64>, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, version, at FROM publications WHERE service_key = $1 ORDER BY at, id",
    )
    .bind(key)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("version")?, r.try_get("at")?)))
        .collect()
}

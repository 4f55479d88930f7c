//! Operating notices; see `crate::notices`.

use sqlx::{AnyConnection, AnyPool, Row};

/// A notice as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeRow {
    pub id: i64,
    /// `None`: every page.
    pub service_key: Option<String>,
    /// JSON: language tag to text.
    pub message: String,
    pub warning: bool,
    pub starts_at: i64,
    pub ends_at: Option<i64>,
}

pub struct NewNotice<'a> {
    pub service_key: Option<&'a str>,
    pub message: &'a str,
    pub warning: bool,
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    pub now: i64,
}

pub async fn insert(conn: &mut AnyConnection, notice: &NewNotice<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO notices (service_key, message, warning, starts_at, ends_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(notice.service_key)
    .bind(notice.message)
    .bind(i64::from(notice.warning))
    .bind(notice.starts_at)
    .bind(notice.ends_at)
    .bind(notice.now)
    .fetch_one(conn)
    .await?
    .try_get("id")
}

/// Ends a notice now (one that has not ended yet); whether there was one.
pub async fn end(conn: &mut AnyConnection, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let ended = sqlx::query(
        "UPDATE notices SET ends_at = $2 WHERE id = $1 AND (ends_at IS NULL OR ends_at > $2)",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(ended == 1)
}

/// Notices that have not ended by `now` (shown now or later), oldest first.
pub async fn not_ended(pool: &AnyPool, now: i64) -> Result<Vec<NoticeRow>, sqlx::Error> {
    sqlx::query(
        "SELECT id, service_key, message, warning, starts_at, ends_at FROM notices \
         WHERE ends_at IS NULL OR ends_at > $1 ORDER BY id",
    )
    .bind(now)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        Ok(NoticeRow {
            id: r.try_get("id")?,
            service_key: r.try_get("service_key")?,
            message: r.try_get("message")?,
            warning: r.try_get::<i64, _>("warning")? != 0,
            starts_at: r.try_get("starts_at")?,
            ends_at: r.try_get("ends_at")?,
        })
    })
    .collect()
}

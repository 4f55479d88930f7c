//! The audit log: what happened, by whom, when. Rows are only ever added
//! (the database refuses changes); see `crate::auth::audit`.

use sqlx::{AnyConnection, AnyPool, Row};

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub at: i64,
    /// `person:<id>`, `staff:<id>` or `anonymous`.
    pub actor: String,
    /// `sign-in`, `sign-out`, `sign-in-failed`, …
    pub action: String,
    /// What it concerns, for example `service:preschool-place`.
    pub subject: String,
    /// More, without personal data: the reason of a failure, the e-ID used.
    pub detail: String,
}

pub async fn insert(conn: &mut AnyConnection, entry: &Entry) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(entry.at)
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(&entry.subject)
    .bind(&entry.detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub async fn newest(pool: &AnyPool, limit: i64) -> Result<Vec<Entry>, sqlx::Error> {
    sqlx::query(
        "SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|row| {
        Ok(Entry {
            at: row.try_get("at")?,
            actor: row.try_get("actor")?,
            action: row.try_get("action")?,
            subject: row.try_get("subject")?,
            detail: row.try_get("detail")?,
        })
    })
    .collect()
}

/// When a case (by reference) was read by staff, and by whom (their name),
/// oldest first.
pub async fn case_reads(
    pool: &AnyPool,
    reference: &str,
) -> Result<Vec<(i64, Option<String>)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.at, COALESCE(s.name, t.system) AS name FROM audit_log a \
         LEFT JOIN staff s ON a.actor = 'staff:' || s.id \
         LEFT JOIN api_tokens t ON a.actor = 'api:' || t.id \
         WHERE a.subject = $1 AND a.action = 'case-read' ORDER BY a.id",
    )
    .bind(format!("case:{reference}"))
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("at")?, row.try_get("name")?)))
        .collect()
}

//! The outbox: mail waiting to go out, written in the same transaction as
//! the change that caused it and delivered by `crate::mail`'s worker.

use sqlx::{AnyConnection, AnyPool, Row};

/// A mail to write into the outbox.
pub struct NewMail<'a> {
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// A mail claimed for delivery.
#[derive(Clone, Debug)]
pub struct Pending {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// Stable across attempts, so a receiving server can tell a repeat.
    pub message_id: String,
    /// Attempts made so far, this one included.
    pub attempts: i64,
}

/// Writes mail into the outbox on `conn` (inside the caller's transaction), so it is sent exactly when the
/// change that caused it is committed.
pub async fn insert(
    conn: &mut AnyConnection,
    case_id: Option<i64>,
    mail: &NewMail<'_>,
    message_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO outbox (case_id, recipient, subject, body, message_id, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(case_id)
    .bind(mail.recipient)
    .bind(mail.subject)
    .bind(mail.body)
    .bind(message_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Claims up to `limit` mails that are due and not claimed by anyone else,
/// until `lease_until`. The conditions are repeated outside the subquery so
/// that PostgreSQL re-checks them on a row another server has just claimed.
pub async fn claim_due(
    conn: &mut AnyConnection,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<Pending>, sqlx::Error> {
    let rows = sqlx::query(
        "UPDATE outbox SET locked_until = $2, attempts = attempts + 1 \
         WHERE sent_at IS NULL AND failed_at IS NULL AND locked_until <= $1 AND next_attempt_at <= $1 \
         AND id IN (SELECT id FROM outbox \
                    WHERE sent_at IS NULL AND failed_at IS NULL AND locked_until <= $1 AND next_attempt_at <= $1 \
                    ORDER BY id LIMIT $3) \
         RETURNING id, recipient, subject, body, message_id, attempts",
    )
    .bind(now)
    .bind(lease_until)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    let mut claimed = rows
        .iter()
        .map(|r| {
            Ok(Pending {
                id: r.try_get("id")?,
                recipient: r.try_get("recipient")?,
                subject: r.try_get("subject")?,
                body: r.try_get("body")?,
                message_id: r.try_get("message_id")?,
                attempts: r.try_get("attempts")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    claimed.sort_by_key(|m| m.id);
    Ok(claimed)
}

/// Records a delivery and forgets the text, which may hold personal data,
/// and the address of a mail that belongs to no case (a resume link's: the
/// person was told it is not kept).
pub async fn mark_sent(conn: &mut AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $2, body = '', locked_until = 0, last_error = NULL, \
         recipient = CASE WHEN case_id IS NULL THEN '' ELSE recipient END WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a failed attempt: tried again at `next_attempt_at`, or given up
/// for good when that is `None`.
pub async fn mark_failed(
    conn: &mut AnyConnection,
    id: i64,
    error: &str,
    next_attempt_at: Option<i64>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let query = match next_attempt_at {
        Some(at) => sqlx::query(
            "UPDATE outbox SET next_attempt_at = $2, locked_until = 0, last_error = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(at),
        None => sqlx::query(
            "UPDATE outbox SET failed_at = $2, locked_until = 0, last_error = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(now),
    };
    query.bind(error).execute(conn).await?;
    Ok(())
}

/// How many mails are in each state: waiting, sent, given up.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub waiting: i64,
    pub sent: i64,
    pub failed: i64,
}

pub async fn counts(pool: &AnyPool) -> Result<Counts, sqlx::Error> {
    let row = sqlx::query(
        "SELECT \
           COALESCE(SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0) AS waiting, \
           COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS sent, \
           COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS failed \
         FROM outbox",
    )
    .fetch_one(pool)
    .await?;
    Ok(Counts {
        waiting: row.try_get("waiting")?,
        sent: row.try_get("sent")?,
        failed: row.try_get("failed")?,
    })
}

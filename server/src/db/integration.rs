//! Back-office integration (migration 0014): API tokens, cases taken over
//! by a system, webhooks and their deliveries.

use sqlx::{AnyConnection, AnyPool, Row};

/// An API token's holder: a system, allowed one service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub system: String,
    pub service_key: String,
    pub created_at: i64,
    pub created_by: String,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

fn token_from_row(row: &sqlx::any::AnyRow) -> Result<ApiToken, sqlx::Error> {
    Ok(ApiToken {
        id: row.try_get("id")?,
        system: row.try_get("system")?,
        service_key: row.try_get("service_key")?,
        created_at: row.try_get("created_at")?,
        created_by: row.try_get("created_by")?,
        revoked_at: row.try_get("revoked_at")?,
        last_used_at: row.try_get("last_used_at")?,
    })
}

const TOKEN_COLUMNS: &str =
    "id, system, service_key, created_at, created_by, revoked_at, last_used_at";

pub async fn add_token(
    conn: &mut AnyConnection,
    system: &str,
    service_key: &str,
    token_hash: &str,
    created_by: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO api_tokens (system, service_key, token_hash, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(system)
    .bind(service_key)
    .bind(token_hash)
    .bind(now)
    .bind(created_by)
    .fetch_one(conn)
    .await
}

/// The live (not revoked) token with this hash.
pub async fn token_by_hash(pool: &AnyPool, hash: &str) -> Result<Option<ApiToken>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL"
    ))
    .bind(hash)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(token_from_row).transpose()
}

pub async fn tokens(pool: &AnyPool) -> Result<Vec<ApiToken>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {TOKEN_COLUMNS} FROM api_tokens ORDER BY id"
    ))
    .fetch_all(pool)
    .await?;
    rows.iter().map(token_from_row).collect()
}

/// Revokes a token; `false` if there is no live token with that id.
pub async fn revoke_token(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .bind(now)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn token_used(conn: &mut AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// A case in the API's list.
#[derive(Clone, Debug)]
pub struct Listed {
    pub id: i64,
    pub reference: String,
    pub submitted_at: i64,
    pub status: String,
    pub taken_over_by: Option<String>,
}

/// Cases of `service_key` after the one with id `after`, oldest first; only
/// those not taken over when `new_only`.
pub async fn cases_after(
    pool: &AnyPool,
    service_key: &str,
    after: i64,
    new_only: bool,
    limit: i64,
) -> Result<Vec<Listed>, sqlx::Error> {
    let new = if new_only {
        "AND taken_over_at IS NULL"
    } else {
        ""
    };
    let rows = sqlx::query(&format!(
        "SELECT id, reference, submitted_at, status, taken_over_by FROM cases \
         WHERE service_key = $1 AND id > $2 {new} ORDER BY id LIMIT $3"
    ))
    .bind(service_key)
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Listed {
                id: row.try_get("id")?,
                reference: row.try_get("reference")?,
                submitted_at: row.try_get("submitted_at")?,
                status: row.try_get("status")?,
                taken_over_by: row.try_get("taken_over_by")?,
            })
        })
        .collect()
}

/// Marks a case as taken over by `system`; `false` if it was already.
pub async fn take_over(
    conn: &mut AnyConnection,
    case_id: i64,
    system: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE cases SET taken_over_at = $2, taken_over_by = $3 \
         WHERE id = $1 AND taken_over_at IS NULL",
    )
    .bind(case_id)
    .bind(now)
    .bind(system)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Who took a case over, if a system did.
pub async fn taken_over_by(pool: &AnyPool, case_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT taken_over_by FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_one(pool)
        .await
}

/// Names the system that did an event.
pub async fn event_by(
    conn: &mut AnyConnection,
    event_id: i64,
    system: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE case_events SET actor = $2 WHERE id = $1")
        .bind(event_id)
        .bind(system)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Webhook {
    pub id: i64,
    pub service_key: String,
    pub url: String,
    pub created_at: i64,
    pub created_by: String,
    pub removed_at: Option<i64>,
}

pub async fn add_webhook(
    conn: &mut AnyConnection,
    service_key: &str,
    url: &str,
    secret: &str,
    created_by: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO webhooks (service_key, url, secret, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(service_key)
    .bind(url)
    .bind(secret)
    .bind(now)
    .bind(created_by)
    .fetch_one(conn)
    .await
}

pub async fn remove_webhook(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE webhooks SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL")
            .bind(id)
            .bind(now)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn webhooks(pool: &AnyPool) -> Result<Vec<Webhook>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, service_key, url, created_at, created_by, removed_at FROM webhooks ORDER BY id",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Webhook {
                id: row.try_get("id")?,
                service_key: row.try_get("service_key")?,
                url: row.try_get("url")?,
                created_at: row.try_get("created_at")?,
                created_by: row.try_get("created_by")?,
                removed_at: row.try_get("removed_at")?,
            })
        })
        .collect()
}

/// Writes a delivery of `event` about case `reference` for every live
/// webhook of `service_key`, inside the caller's transaction: it goes out
/// exactly when what it tells of is committed.
pub async fn enqueue(
    conn: &mut AnyConnection,
    service_key: &str,
    event: &str,
    reference: &str,
    payload: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO webhook_deliveries \
         (webhook_id, event, case_reference, payload, created_at, next_attempt_at) \
         SELECT id, $2, $3, $4, $5, $5 FROM webhooks WHERE service_key = $1 AND removed_at IS NULL",
    )
    .bind(service_key)
    .bind(event)
    .bind(reference)
    .bind(payload)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A delivery claimed by the worker, with where it goes.
#[derive(Clone, Debug)]
pub struct Due {
    pub id: i64,
    pub event: String,
    pub payload: String,
    /// Attempts made so far, this one included.
    pub attempts: i64,
    pub url: String,
    pub secret: String,
}

/// Claims up to `limit` due deliveries until `lease_until` (as the mail
/// outbox does, so two servers never send one at the same time).
pub async fn claim_due(
    conn: &mut AnyConnection,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<Due>, sqlx::Error> {
    let due = "delivered_at IS NULL AND failed_at IS NULL AND locked_until <= $1 \
               AND next_attempt_at <= $1";
    let ids: Vec<i64> = sqlx::query_scalar(&format!(
        "UPDATE webhook_deliveries SET locked_until = $2, attempts = attempts + 1 \
         WHERE {due} AND id IN (SELECT id FROM webhook_deliveries WHERE {due} ORDER BY id LIMIT $3) \
         RETURNING id"
    ))
    .bind(now)
    .bind(lease_until)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut claimed = Vec::with_capacity(ids.len());
    for id in ids {
        let row = sqlx::query(
            "SELECT d.id, d.event, d.payload, d.attempts, w.url, w.secret \
             FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
        claimed.push(Due {
            id: row.try_get("id")?,
            event: row.try_get("event")?,
            payload: row.try_get("payload")?,
            attempts: row.try_get("attempts")?,
            url: row.try_get("url")?,
            secret: row.try_get("secret")?,
        });
    }
    claimed.sort_by_key(|d| d.id);
    Ok(claimed)
}

/// Records the outcome of an attempt: delivered, to be tried again at
/// `retry_at`, or (with `retry_at` `None`) given up.
pub async fn record_attempt(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
    status: Option<u16>,
    error: Option<&str>,
    retry_at: Option<i64>,
) -> Result<(), sqlx::Error> {
    let status = status.map(i64::from);
    let query = match (error, retry_at) {
        (None, _) => {
            "UPDATE webhook_deliveries SET delivered_at = $2, locked_until = 0, last_status = $3, \
             last_error = $4 WHERE id = $1"
        }
        (Some(_), Some(_)) => {
            "UPDATE webhook_deliveries SET next_attempt_at = $5, locked_until = 0, last_status = $3, \
             last_error = $4 WHERE id = $1"
        }
        (Some(_), None) => {
            "UPDATE webhook_deliveries SET failed_at = $2, locked_until = 0, last_status = $3, \
             last_error = $4 WHERE id = $1"
        }
    };
    sqlx::query(query)
        .bind(id)
        .bind(now)
        .bind(status)
        .bind(error)
        .bind(retry_at.unwrap_or(now))
        .execute(conn)
        .await?;
    Ok(())
}

/// A delivery as administrators see it.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub id: i64,
    pub webhook_id: i64,
    pub event: String,
    pub case_reference: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub delivered_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
}

/// The newest `limit` deliveries, newest first.
pub async fn deliveries(pool: &AnyPool, limit: i64) -> Result<Vec<Delivery>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, webhook_id, event, case_reference, created_at, attempts, next_attempt_at, \
         delivered_at, failed_at, last_status, last_error FROM webhook_deliveries \
         ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Delivery {
                id: row.try_get("id")?,
                webhook_id: row.try_get("webhook_id")?,
                event: row.try_get("event")?,
                case_reference: row.try_get("case_reference")?,
                created_at: row.try_get("created_at")?,
                attempts: row.try_get("attempts")?,
                next_attempt_at: row.try_get("next_attempt_at")?,
                delivered_at: row.try_get("delivered_at")?,
                failed_at: row.try_get("failed_at")?,
                last_status: row.try_get("last_status")?,
                last_error: row.try_get("last_error")?,
            })
        })
        .collect()
}

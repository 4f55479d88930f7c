//! Accessibility checks of published versions (migration 0018); see
//! `crate::accessibility`.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

/// One run of the check, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRow {
    pub id: i64,
    pub version: i64,
    /// `queued`, `running`, `passed`, `failed` or `error`.
    pub state: String,
    pub requested_at: i64,
    pub finished_at: Option<i64>,
    pub views: i64,
    pub violations: i64,
    pub reference: Option<String>,
    /// Only read for one check (`latest`).
    pub report: Option<String>,
}

/// How a finished run ended.
pub struct Finished<'a> {
    pub state: &'a str,
    pub at: i64,
    pub views: i64,
    pub violations: i64,
    pub reference: Option<&'a str>,
    pub report: Option<&'a str>,
}

/// A run asked for by staff member `by`, waiting for its turn.
pub async fn insert(
    conn: &mut AnyConnection,
    key: &str,
    version: i64,
    by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO accessibility_checks (service_key, version, state, requested_at, requested_by) \
         VALUES ($1, $2, 'queued', $3, $4) RETURNING id",
    )
    .bind(key)
    .bind(version)
    .bind(now)
    .bind(by)
    .fetch_one(conn)
    .await?
    .try_get("id")
}

/// The run has its turn.
pub async fn start(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accessibility_checks SET state = 'running' WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn finish(
    conn: &mut AnyConnection,
    id: i64,
    finished: &Finished<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accessibility_checks SET state = $2, finished_at = $3, views = $4, \
         violations = $5, reference = $6, report = $7 WHERE id = $1",
    )
    .bind(id)
    .bind(finished.state)
    .bind(finished.at)
    .bind(finished.views)
    .bind(finished.violations)
    .bind(finished.reference)
    .bind(finished.report)
    .execute(conn)
    .await?;
    Ok(())
}

/// Runs left unfinished by a server that stopped before `before` (they
/// can no longer finish) are marked as errors.
pub async fn abandon(conn: &mut AnyConnection, before: i64, now: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE accessibility_checks SET state = 'error', finished_at = $2 \
         WHERE state IN ('queued', 'running') AND requested_at < $1",
    )
    .bind(before)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected())
}

const COLUMNS: &str = "id, CAST(version AS BIGINT) AS version, state, requested_at, finished_at, \
                       views, violations, reference";

fn row(r: &AnyRow, report: bool) -> Result<CheckRow, sqlx::Error> {
    Ok(CheckRow {
        id: r.try_get("id")?,
        version: r.try_get("version")?,
        state: r.try_get("state")?,
        requested_at: r.try_get("requested_at")?,
        finished_at: r.try_get("finished_at")?,
        views: r.try_get("views")?,
        violations: r.try_get("violations")?,
        reference: r.try_get("reference")?,
        report: if report { r.try_get("report")? } else { None },
    })
}

/// The newest run of each version of `key` (without reports).
pub async fn newest_of_each(pool: &AnyPool, key: &str) -> Result<Vec<CheckRow>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM accessibility_checks c WHERE service_key = $1 AND id = \
         (SELECT MAX(id) FROM accessibility_checks n \
          WHERE n.service_key = c.service_key AND n.version = c.version)"
    ))
    .bind(key)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|r| row(r, false)).collect()
}

/// The newest run of version `version` of `key`, with its report.
pub async fn newest(
    pool: &AnyPool,
    key: &str,
    version: i64,
) -> Result<Option<CheckRow>, sqlx::Error> {
    let found = sqlx::query(&format!(
        "SELECT {COLUMNS}, report FROM accessibility_checks \
         WHERE service_key = $1 AND version = $2 ORDER BY id DESC LIMIT 1"
    ))
    .bind(key)
    .bind(version)
    .fetch_optional(pool)
    .await?;
    found.map(|r| row(&r, true)).transpose()
}

//! Statistics' storage (migration 0017): counts by service, day, metric
//! and page, added to as the counts gathered in memory are written.

use sqlx::{AnyConnection, AnyPool, Row};

/// One count: service, day (`YYYY-MM-DD`), metric, page (or bucket) and
/// how many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    pub service_key: String,
    pub day: String,
    pub metric: String,
    pub page: String,
    pub count: i64,
}

/// Adds `counts` to what is stored.
pub async fn add(conn: &mut AnyConnection, counts: &[Count]) -> Result<(), sqlx::Error> {
    for c in counts {
        sqlx::query(
            "INSERT INTO service_stats (service_key, day, metric, page, count) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (service_key, day, metric, page) \
             DO UPDATE SET count = service_stats.count + excluded.count",
        )
        .bind(&c.service_key)
        .bind(&c.day)
        .bind(&c.metric)
        .bind(&c.page)
        .bind(c.count)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The counts of `services` from day `from` to day `to`, both included.
pub async fn between(
    pool: &AnyPool,
    services: &[String],
    from: &str,
    to: &str,
) -> Result<Vec<Count>, sqlx::Error> {
    let mut counts = Vec::new();
    // One query a service: a list of services is never long, and the
    // common SQL of both databases has no array parameters.
    for service in services {
        let rows = sqlx::query(
            "SELECT service_key, day, metric, page, count FROM service_stats \
             WHERE service_key = $1 AND day >= $2 AND day <= $3 ORDER BY day, metric, page",
        )
        .bind(service)
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await?;
        for r in &rows {
            counts.push(Count {
                service_key: r.try_get("service_key")?,
                day: r.try_get("day")?,
                metric: r.try_get("metric")?,
                page: r.try_get("page")?,
                count: r.try_get("count")?,
            });
        }
    }
    Ok(counts)
}

/// How many residents' drafts of `service` are open now, by the page
/// they were last on.
pub async fn open_by_page(
    pool: &AnyPool,
    service: &str,
    now: i64,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT d.page, COUNT(*) AS n FROM drafts d \
         JOIN form_versions v ON v.id = d.form_version_id \
         WHERE v.service_key = $1 AND d.expires_at > $2 GROUP BY d.page ORDER BY d.page",
    )
    .bind(service)
    .bind(now)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("page")?, r.try_get("n")?)))
        .collect()
}

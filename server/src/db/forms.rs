//! Published form versions.

use sqlx::{AnyPool, Row};

pub struct FormVersionRow {
    pub id: i64,
    pub service_key: String,
    pub version: i64,
    pub definition: String,
}

/// Stores a version unless that key and version already exist. Returns
/// whether it was stored.
pub async fn insert_if_absent(
    pool: &AnyPool,
    service_key: &str,
    version: i64,
    definition: &str,
    published_at: i64,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO form_versions (service_key, version, definition, published_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (service_key, version) DO NOTHING",
    )
    .bind(service_key)
    .bind(version)
    .bind(definition)
    .bind(published_at)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The stored definition of one version, if it exists.
pub async fn definition_text(
    pool: &AnyPool,
    service_key: &str,
    version: i64,
) -> Result<Option<String>, sqlx::Error> {
    let row =
        sqlx::query("SELECT definition FROM form_versions WHERE service_key = $1 AND version = $2")
            .bind(service_key)
            .bind(version)
            .fetch_optional(pool)
            .await?;
    row.map(|r| r.try_get("definition")).transpose()
}

/// Every published version, oldest first.
pub async fn all(pool: &AnyPool) -> Result<Vec<FormVersionRow>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, service_key, version, definition FROM form_versions ORDER BY id")
            .fetch_all(pool)
            .await?;
    rows.iter()
        .map(|r| {
            Ok(FormVersionRow {
                id: r.try_get("id")?,
                service_key: r.try_get("service_key")?,
                version: r
                    .try_get::<i64, _>("version")
                    .or_else(|_| r.try_get::<i32, _>("version").map(i64::from))?,
                definition: r.try_get("definition")?,
            })
        })
        .collect()
}

/// One row of `publications`: from `at` on, new residents get `version`
/// of the service, or nothing if it is `None`.
pub struct PublicationRow {
    pub id: i64,
    pub service_key: String,
    pub version: Option<i64>,
    pub at: i64,
}

/// Every publication, in the order they take effect.
pub async fn publications(pool: &AnyPool) -> Result<Vec<PublicationRow>, sqlx::Error> {
    let rows = sqlx::query("SELECT id, service_key, version, at FROM publications ORDER BY at, id")
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(PublicationRow {
                id: r.try_get("id")?,
                service_key: r.try_get("service_key")?,
                version: r.try_get("version")?,
                at: r.try_get("at")?,
            })
        })
        .collect()
}

/// What the published forms were loaded from: the newest version's row,
/// the newest publication's row and how many publications there are (a
/// cancelled one lowers the count). Cheap to ask every few seconds.
pub async fn stamp(pool: &AnyPool) -> Result<(i64, i64, i64), sqlx::Error> {
    let row = sqlx::query(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM form_versions) AS v, \
                (SELECT COALESCE(MAX(id), 0) FROM publications) AS p, \
                (SELECT COUNT(*) FROM publications) AS n",
    )
    .fetch_one(pool)
    .await?;
    Ok((row.try_get("v")?, row.try_get("p")?, row.try_get("n")?))
}

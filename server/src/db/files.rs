//! What is known of attached files; their bytes are in the file store
//! (`crate::files`).

use forms::FileRef;
use sqlx::{AnyConnection, AnyPool, Row};

pub struct NewFile<'a> {
    pub id: &'a str,
    pub submission_key: &'a str,
    pub name: &'a str,
    pub content_type: &'a str,
    pub size: u64,
    pub uploaded_at: i64,
}

pub async fn insert(conn: &mut AnyConnection, file: &NewFile<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO files (id, submission_key, name, content_type, size, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(file.id)
    .bind(file.submission_key)
    .bind(file.name)
    .bind(file.content_type)
    .bind(i64::try_from(file.size).unwrap_or(i64::MAX))
    .bind(file.uploaded_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The description of a stored file, if it belongs to `submission_key`:
/// a post can only keep files it uploaded itself.
pub async fn find(
    pool: &AnyPool,
    id: &str,
    submission_key: &str,
) -> Result<Option<FileRef>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, name, content_type, size FROM files WHERE id = $1 AND submission_key = $2",
    )
    .bind(id)
    .bind(submission_key)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(FileRef {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            content_type: row.try_get("content_type")?,
            size: u64::try_from(row.try_get::<i64, _>("size")?).unwrap_or(0),
        })
    })
    .transpose()
}

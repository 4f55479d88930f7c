//! Residents who have signed in; see `crate::auth`.

use sqlx::{AnyConnection, Row};

/// The person with `person_key`, made if new; their name and last sign-in
/// are brought up to date. Gives their id.
pub async fn sign_in(
    conn: &mut AnyConnection,
    person_key: &str,
    name: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO people (person_key, name, created_at, last_sign_in_at) \
         VALUES ($1, $2, $3, $3) ON CONFLICT (person_key) \
         DO UPDATE SET name = excluded.name, last_sign_in_at = excluded.last_sign_in_at \
         RETURNING id",
    )
    .bind(person_key)
    .bind(name)
    .bind(now)
    .fetch_one(conn)
    .await?
    .try_get("id")
}

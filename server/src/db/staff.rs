//! Staff accounts and organisations; see `crate::staff`.

use sqlx::{AnyConnection, AnyPool, Row};

/// A member of staff as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffRow {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub roles: String,
    pub disabled: bool,
}

pub struct NewStaff<'a> {
    pub username: &'a str,
    pub name: &'a str,
    pub organisation_key: Option<&'a str>,
    pub password_hash: Option<&'a str>,
    pub roles: &'a str,
    pub services: &'a [String],
    /// Services whose new cases are assigned to them.
    pub default_for: &'a [String],
    pub now: i64,
}

/// The organisation with `key`, made if new; gives its id.
pub async fn organisation(
    conn: &mut AnyConnection,
    key: &str,
    name: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO organisations (key, name, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id",
    )
    .bind(key)
    .bind(name)
    .bind(now)
    .fetch_one(conn)
    .await?
    .try_get("id")
}

/// Adds a member of staff; `None` if the username is taken.
pub async fn insert(
    conn: &mut AnyConnection,
    staff: &NewStaff<'_>,
) -> Result<Option<i64>, sqlx::Error> {
    let organisation_id: Option<i64> = match staff.organisation_key {
        Some(key) => sqlx::query("SELECT id FROM organisations WHERE key = $1")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?
            .map(|r| r.try_get("id"))
            .transpose()?,
        None => None,
    };
    let id: Option<i64> = sqlx::query(
        "INSERT INTO staff (username, name, organisation_id, password_hash, roles, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id",
    )
    .bind(staff.username)
    .bind(staff.name)
    .bind(organisation_id)
    .bind(staff.password_hash)
    .bind(staff.roles)
    .bind(staff.now)
    .fetch_optional(&mut *conn)
    .await?
    .map(|r| r.try_get("id"))
    .transpose()?;
    if let Some(id) = id {
        for service in staff.services {
            let default = staff.default_for.contains(service);
            if default {
                // One default handler a service: the newest.
                sqlx::query("UPDATE staff_services SET default_handler = 0 WHERE service_key = $1")
                    .bind(service)
                    .execute(&mut *conn)
                    .await?;
            }
            sqlx::query(
                "INSERT INTO staff_services (staff_id, service_key, default_handler) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(service)
            .bind(i64::from(default))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(id)
}

pub async fn by_username(pool: &AnyPool, username: &str) -> Result<Option<StaffRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, username, name, password_hash, roles, disabled_at FROM staff WHERE username = $1",
    )
    .bind(username)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(StaffRow {
            id: row.try_get("id")?,
            username: row.try_get("username")?,
            name: row.try_get("name")?,
            password_hash: row.try_get("password_hash")?,
            roles: row.try_get("roles")?,
            disabled: row.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
        })
    })
    .transpose()
}

/// The keys of the services a member of staff handles or authors.
pub async fn services(pool: &AnyPool, staff_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("SELECT service_key FROM staff_services WHERE staff_id = $1 ORDER BY service_key")
        .bind(staff_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| r.try_get("service_key"))
        .collect()
}

/// A member of staff's name.
pub async fn name_of(conn: &mut AnyConnection, id: i64) -> Result<String, sqlx::Error> {
    sqlx::query("SELECT name FROM staff WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("name")
}

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

/// The active members of staff who handle `service`: id and name.
pub async fn handlers_of(pool: &AnyPool, service: &str) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.id, s.name, s.roles FROM staff s JOIN staff_services ss ON ss.staff_id = s.id \
         WHERE ss.service_key = $1 AND s.disabled_at IS NULL ORDER BY s.name",
    )
    .bind(service)
    .fetch_all(pool)
    .await?;
    let mut found = Vec::new();
    for row in &rows {
        let roles: String = row.try_get("roles")?;
        if roles
            .split(',')
            .any(|r| r == "handler" || r == "administrator")
        {
            found.push((row.try_get("id")?, row.try_get("name")?));
        }
    }
    Ok(found)
}

/// A member of staff's name.
pub async fn name_of(conn: &mut AnyConnection, id: i64) -> Result<String, sqlx::Error> {
    sqlx::query("SELECT name FROM staff WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("name")
}

/// A member of staff as administrators see them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub organisation_id: Option<i64>,
    pub organisation: Option<String>,
    pub roles: Vec<String>,
    /// Signs in through the identity provider only (no password).
    pub provider_only: bool,
    pub disabled: bool,
}

fn listed(row: &sqlx::any::AnyRow) -> Result<Listed, sqlx::Error> {
    Ok(Listed {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        name: row.try_get("name")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation: row.try_get("organisation")?,
        roles: row
            .try_get::<String, _>("roles")?
            .split(',')
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect(),
        provider_only: row.try_get::<Option<String>, _>("password_hash")?.is_none(),
        disabled: row.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
    })
}

const LISTED: &str = "SELECT s.id, s.username, s.name, s.organisation_id, o.name AS organisation, \
     s.roles, s.password_hash, s.disabled_at FROM staff s \
     LEFT JOIN organisations o ON o.id = s.organisation_id";

/// Every member of staff, by name.
pub async fn all(pool: &AnyPool) -> Result<Vec<Listed>, sqlx::Error> {
    let rows = sqlx::query(&format!("{LISTED} ORDER BY s.name, s.id"))
        .fetch_all(pool)
        .await?;
    rows.iter().map(listed).collect()
}

pub async fn by_id(pool: &AnyPool, id: i64) -> Result<Option<Listed>, sqlx::Error> {
    let row = sqlx::query(&format!("{LISTED} WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(listed).transpose()
}

/// Every organisation: id, key, name, and how many staff are in it.
pub async fn organisations(pool: &AnyPool) -> Result<Vec<(i64, String, String, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT o.id, o.key, o.name, \
         (SELECT COUNT(*) FROM staff s WHERE s.organisation_id = o.id) AS members \
         FROM organisations o ORDER BY o.name",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("id")?,
                r.try_get("key")?,
                r.try_get("name")?,
                r.try_get("members")?,
            ))
        })
        .collect()
}

/// Adds an organisation; `None` if its key is taken.
pub async fn add_organisation(
    conn: &mut AnyConnection,
    key: &str,
    name: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO organisations (key, name, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (key) DO NOTHING RETURNING id",
    )
    .bind(key)
    .bind(name)
    .bind(now)
    .fetch_optional(conn)
    .await
}

/// Who handles what: (staff id, service key, default handler).
pub async fn assignments(pool: &AnyPool) -> Result<Vec<(i64, String, bool)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT staff_id, service_key, default_handler FROM staff_services ORDER BY staff_id",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("staff_id")?,
                r.try_get("service_key")?,
                r.try_get::<i64, _>("default_handler")? != 0,
            ))
        })
        .collect()
}

/// A change to a member of staff.
pub struct Change<'a> {
    pub id: i64,
    pub name: &'a str,
    pub organisation_id: Option<i64>,
    pub roles: &'a str,
    pub services: &'a [String],
    pub disabled: bool,
    pub now: i64,
}

/// Changes a member of staff: their name, organisation, roles, services
/// (a service they keep keeps its default-handler mark) and whether they
/// are disabled.
pub async fn change(conn: &mut AnyConnection, change: &Change<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE staff SET name = $2, organisation_id = (SELECT id FROM organisations WHERE id = $3), roles = $4, \
         disabled_at = CASE WHEN $5 = 1 THEN COALESCE(disabled_at, $6) ELSE NULL END WHERE id = $1",
    )
    .bind(change.id)
    .bind(change.name)
    .bind(change.organisation_id)
    .bind(change.roles)
    .bind(i64::from(change.disabled))
    .bind(change.now)
    .execute(&mut *conn)
    .await?;
    let had = sqlx::query_scalar::<_, String>(
        "SELECT service_key FROM staff_services WHERE staff_id = $1",
    )
    .bind(change.id)
    .fetch_all(&mut *conn)
    .await?;
    for gone in had.iter().filter(|s| !change.services.contains(s)) {
        sqlx::query("DELETE FROM staff_services WHERE staff_id = $1 AND service_key = $2")
            .bind(change.id)
            .bind(gone)
            .execute(&mut *conn)
            .await?;
    }
    for new in change.services.iter().filter(|s| !had.contains(s)) {
        sqlx::query("INSERT INTO staff_services (staff_id, service_key) VALUES ($1, $2)")
            .bind(change.id)
            .bind(new)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Each service's owning organisation and named owner, where set.
pub async fn service_settings(
    pool: &AnyPool,
) -> Result<Vec<(String, Option<i64>, Option<i64>)>, sqlx::Error> {
    let rows = sqlx::query("SELECT key, organisation_id, owner_id FROM services")
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("key")?,
                r.try_get("organisation_id")?,
                r.try_get("owner_id")?,
            ))
        })
        .collect()
}

/// Sets who owns a service and who handles it: exactly `handlers`, with
/// `default` (one of them) getting its new cases.
pub async fn set_service(
    conn: &mut AnyConnection,
    key: &str,
    organisation_id: Option<i64>,
    owner_id: Option<i64>,
    handlers: &[i64],
    default: Option<i64>,
) -> Result<(), sqlx::Error> {
    // Ids that name nothing (a forged post) are none.
    sqlx::query(
        "INSERT INTO services (key, organisation_id, owner_id) VALUES ($1, \
         (SELECT id FROM organisations WHERE id = $2), (SELECT id FROM staff WHERE id = $3)) \
         ON CONFLICT (key) DO UPDATE SET organisation_id = excluded.organisation_id, \
         owner_id = excluded.owner_id",
    )
    .bind(key)
    .bind(organisation_id)
    .bind(owner_id)
    .execute(&mut *conn)
    .await?;
    let had =
        sqlx::query_scalar::<_, i64>("SELECT staff_id FROM staff_services WHERE service_key = $1")
            .bind(key)
            .fetch_all(&mut *conn)
            .await?;
    for gone in had.iter().filter(|s| !handlers.contains(s)) {
        sqlx::query("DELETE FROM staff_services WHERE staff_id = $1 AND service_key = $2")
            .bind(gone)
            .bind(key)
            .execute(&mut *conn)
            .await?;
    }
    for new in handlers.iter().filter(|s| !had.contains(s)) {
        sqlx::query("INSERT INTO staff_services (staff_id, service_key) SELECT id, $2 FROM staff WHERE id = $1")
            .bind(new)
            .bind(key)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "UPDATE staff_services SET default_handler = CASE WHEN staff_id = $2 THEN 1 ELSE 0 END \
         WHERE service_key = $1",
    )
    .bind(key)
    .bind(default.unwrap_or(0))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What a signed-in member of staff may do now: their name, roles and
/// services, or `None` if they are disabled or gone.
pub async fn current(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(String, Vec<String>, Vec<String>)>, sqlx::Error> {
    let Some(found) = by_id(pool, id).await?.filter(|s| !s.disabled) else {
        return Ok(None);
    };
    let services = services(pool, id).await?;
    Ok(Some((found.name, found.roles, services)))
}

/// Puts a member of staff in an organisation; an id that names none (a
/// forged post) leaves them in none.
pub async fn set_organisation(
    conn: &mut AnyConnection,
    id: i64,
    organisation: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE staff SET organisation_id = (SELECT id FROM organisations WHERE id = $2) \
         WHERE id = $1",
    )
    .bind(id)
    .bind(organisation)
    .execute(conn)
    .await?;
    Ok(())
}

/// Makes every published service that no organisation owns yet the
/// organisation `key`'s.
pub async fn services_to_organisation(
    conn: &mut AnyConnection,
    key: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO services (key, organisation_id) \
         SELECT DISTINCT v.service_key, o.id FROM form_versions v \
         JOIN organisations o ON o.key = $1 \
         ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .execute(conn)
    .await?;
    Ok(())
}

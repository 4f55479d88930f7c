//! A case's history: status changes and messages, in order (migration
//! 0011). What the resident sees in "My cases" and the handler in the case
//! view.

use sqlx::{AnyConnection, AnyPool, Row};

/// The status every case starts in.
pub const RECEIVED: &str = "received";

/// What happened to a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// The case moved to this status.
    Status(String),
    /// A message between the resident and the handlers.
    Message { body: String, from_staff: bool },
    /// A handler's note, never shown to the resident.
    Note(String),
    /// The case was assigned to this handler (by name), or to no one.
    Assigned(Option<String>),
    /// A handler asks the resident for more: what, and whether files may
    /// come with the answer.
    Request { body: String, wants_files: bool },
    /// A back-office system (by name) took the case over.
    TakenOver(String),
    /// The resident's answer to a request, and the files sent with it.
    Completion {
        body: String,
        files: Vec<forms::FileRef>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub at: i64,
    pub what: What,
    /// Who did it, when a member of staff did (their name).
    pub staff_name: Option<String>,
    /// The back-office system that did it through the API, if one did.
    pub actor: Option<String>,
    /// When the other side first read it (messages only).
    pub seen_at: Option<i64>,
}

/// Adds an event to case `case_id`; a status change also becomes the
/// case's status. `staff_id`: the member of staff who did it, if any.
pub async fn add(
    conn: &mut AnyConnection,
    case_id: i64,
    what: &What,
    staff_id: Option<i64>,
    at: i64,
) -> Result<i64, sqlx::Error> {
    add_once(conn, case_id, what, staff_id, at, None)
        .await?
        .ok_or(sqlx::Error::RowNotFound)
}

/// Like [`add`], once per `post_key`: `None` when an event with the same key
/// is there already (the same form posted twice).
pub async fn add_once(
    conn: &mut AnyConnection,
    case_id: i64,
    what: &What,
    staff_id: Option<i64>,
    at: i64,
    post_key: Option<&str>,
) -> Result<Option<i64>, sqlx::Error> {
    let (kind, status, body, from_staff) = match what {
        What::Status(status) => ("status", Some(status.as_str()), None, staff_id.is_some()),
        What::Message { body, from_staff } => ("message", None, Some(body.as_str()), *from_staff),
        What::Note(body) => ("note", None, Some(body.as_str()), true),
        What::Assigned(name) => ("assigned", None, name.as_deref(), true),
        What::Request { body, .. } => ("request", None, Some(body.as_str()), true),
        What::Completion { body, .. } => ("completion", None, Some(body.as_str()), false),
        What::TakenOver(system) => ("taken-over", None, Some(system.as_str()), true),
    };
    let (wants_files, files) = match what {
        What::Request { wants_files, .. } => (i64::from(*wants_files), None),
        What::Completion { files, .. } => (0, serde_json::to_string(files).ok()),
        _ => (0, None),
    };
    let inserted = sqlx::query(
        "INSERT INTO case_events \
         (case_id, at, kind, status, body, from_staff, staff_id, post_key, wants_files, files) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (post_key) DO NOTHING RETURNING id",
    )
    .bind(case_id)
    .bind(at)
    .bind(kind)
    .bind(status)
    .bind(body)
    .bind(i64::from(from_staff))
    .bind(staff_id)
    .bind(post_key)
    .bind(wants_files)
    .bind(files)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = inserted else {
        return Ok(None);
    };
    let id: i64 = row.try_get("id")?;
    if let Some(status) = status {
        sqlx::query("UPDATE cases SET status = $1, status_at = $2 WHERE id = $3")
            .bind(status)
            .bind(at)
            .bind(case_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(Some(id))
}

/// Every event of a case, oldest first.
pub async fn of_case(pool: &AnyPool, case_id: i64) -> Result<Vec<Event>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.id, e.at, e.kind, e.status, e.body, e.from_staff, e.seen_at, e.wants_files, \
         e.files, e.actor, s.name AS staff_name FROM case_events e LEFT JOIN staff s ON s.id = e.staff_id \
         WHERE e.case_id = $1 ORDER BY e.id",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            let body: Option<String> = row.try_get("body")?;
            let what = match kind.as_str() {
                "message" => What::Message {
                    body: body.unwrap_or_default(),
                    from_staff: row.try_get::<i64, _>("from_staff")? != 0,
                },
                "note" => What::Note(body.unwrap_or_default()),
                "assigned" => What::Assigned(body),
                "taken-over" => What::TakenOver(body.unwrap_or_default()),
                "request" => What::Request {
                    body: body.unwrap_or_default(),
                    wants_files: row.try_get::<i64, _>("wants_files")? != 0,
                },
                "completion" => What::Completion {
                    body: body.unwrap_or_default(),
                    files: row
                        .try_get::<Option<String>, _>("files")?
                        .and_then(|f| serde_json::from_str(&f).ok())
                        .unwrap_or_default(),
                },
                _ => What::Status(
                    row.try_get::<Option<String>, _>("status")?
                        .unwrap_or_default(),
                ),
            };
            Ok(Event {
                id: row.try_get("id")?,
                at: row.try_get("at")?,
                staff_name: row.try_get("staff_name")?,
                actor: row.try_get("actor")?,
                what,
                seen_at: row.try_get("seen_at")?,
            })
        })
        .collect()
}

/// Marks the handlers' messages on a case as read by the resident.
pub async fn seen_by_resident(
    conn: &mut AnyConnection,
    case_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE case_events SET seen_at = $2 \
         WHERE case_id = $1 AND kind = 'message' AND from_staff = 1 AND seen_at IS NULL",
    )
    .bind(case_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The request for completion still waiting for its answer: the last
/// request with no completion after it.
pub fn open_request(events: &[Event]) -> Option<&Event> {
    let last = events
        .iter()
        .rposition(|e| matches!(e.what, What::Request { .. } | What::Completion { .. }))?;
    events
        .get(last)
        .filter(|e| matches!(e.what, What::Request { .. }))
}

/// Every file the resident sent after the case: with their completions.
pub fn files_sent(events: &[Event]) -> impl Iterator<Item = &forms::FileRef> {
    events.iter().flat_map(|e| match &e.what {
        What::Completion { files, .. } => files.as_slice(),
        _ => &[],
    })
}

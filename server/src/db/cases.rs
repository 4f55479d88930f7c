//! Cases: what residents sent in.

use sqlx::{AnyConnection, AnyPool, Row};

pub struct NewCase<'a> {
    pub reference: &'a str,
    pub receipt_token: &'a str,
    pub submission_key: &'a str,
    pub form_version_id: i64,
    pub language: &'a str,
    pub answers: &'a str,
    pub submitted_at: i64,
    /// The signed-in resident who sent it, if any.
    pub person_id: Option<i64>,
    pub service_key: &'a str,
    /// The signed-in resident's name, to search by.
    pub applicant_name: Option<&'a str>,
}

pub struct CaseReceipt {
    pub reference: String,
    pub receipt_token: String,
    pub form_version_id: i64,
    pub submitted_at: i64,
    /// The typed answers, as JSON.
    pub answers: String,
    /// Whether the satisfaction survey has been answered.
    pub feedback_given: bool,
    /// The signed-in resident who sent it, if any.
    pub person_id: Option<i64>,
}

/// Inserts a case unless one with the same submission key exists, then
/// returns the case stored under that key: submitting twice gives one case.
/// The case's mail (each with its `Message-ID`) goes into the outbox only
/// when this call inserted the case, so it is sent once. Runs in the
/// caller's transaction (the writer's, `super::writer`), which makes the
/// case and its mail one change. A clash on the reference (a random code)
/// is an error the caller retries.
pub async fn insert_once(
    conn: &mut AnyConnection,
    case: &NewCase<'_>,
    mail: &[(super::outbox::NewMail<'_>, String)],
) -> Result<CaseReceipt, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO cases \
         (reference, receipt_token, submission_key, form_version_id, language, answers, submitted_at, \
         person_id, status, status_at, service_key, applicant_name, assigned_to) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7, $10, $11, \
         (SELECT ss.staff_id FROM staff_services ss JOIN staff s ON s.id = ss.staff_id \
          WHERE ss.service_key = $10 AND ss.default_handler = 1 AND s.disabled_at IS NULL \
          ORDER BY ss.staff_id LIMIT 1)) \
         ON CONFLICT (submission_key) DO NOTHING RETURNING id, assigned_to",
    )
    .bind(case.reference)
    .bind(case.receipt_token)
    .bind(case.submission_key)
    .bind(case.form_version_id)
    .bind(case.language)
    .bind(case.answers)
    .bind(case.submitted_at)
    .bind(case.person_id)
    .bind(super::case_events::RECEIVED)
    .bind(case.service_key)
    .bind(case.applicant_name)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = inserted else {
        // Sent before: the case already stored is the answer.
        let row = sqlx::query(
            "SELECT reference, receipt_token, form_version_id, submitted_at, answers, feedback_given, \
             person_id FROM cases WHERE submission_key = $1",
        )
        .bind(case.submission_key)
        .fetch_one(&mut *conn)
        .await?;
        return receipt_from_row(&row);
    };
    let case_id: i64 = row.try_get("id")?;
    // The service's default handler got it at once (in the insert).
    if let Some(handler) = row.try_get::<Option<i64>, _>("assigned_to")? {
        let name = super::staff::name_of(&mut *conn, handler).await?;
        let assigned = super::case_events::What::Assigned(Some(name));
        super::case_events::add(&mut *conn, case_id, &assigned, None, case.submitted_at).await?;
    }
    crate::integration::tell(
        &mut *conn,
        crate::integration::CASE_SUBMITTED,
        case.service_key,
        case.reference,
        case.submitted_at,
    )
    .await?;
    for (new_mail, message_id) in mail {
        super::outbox::insert(
            &mut *conn,
            Some(case_id),
            new_mail,
            message_id,
            case.submitted_at,
        )
        .await?;
    }
    Ok(CaseReceipt {
        reference: case.reference.to_owned(),
        receipt_token: case.receipt_token.to_owned(),
        form_version_id: case.form_version_id,
        submitted_at: case.submitted_at,
        answers: case.answers.to_owned(),
        feedback_given: false,
        person_id: case.person_id,
    })
}

pub async fn by_receipt_token(
    pool: &AnyPool,
    token: &str,
) -> Result<Option<CaseReceipt>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT reference, receipt_token, form_version_id, submitted_at, answers, feedback_given, \
         person_id FROM cases WHERE receipt_token = $1",
    )
    .bind(token)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(receipt_from_row).transpose()
}

/// The receipt token of the case sent with `submission_key`, if any.
pub async fn receipt_token_by_submission(
    pool: &AnyPool,
    submission_key: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT receipt_token FROM cases WHERE submission_key = $1")
        .bind(submission_key)
        .fetch_optional(pool)
        .await?
        .map(|r| r.try_get("receipt_token"))
        .transpose()
}

/// The stored answers of a case, by reference (for checks and, later, the
/// case handler's view).
pub async fn answers_by_reference(
    pool: &AnyPool,
    reference: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    let row = sqlx::query("SELECT form_version_id, answers FROM cases WHERE reference = $1")
        .bind(reference)
        .fetch_optional(pool)
        .await?;
    row.map(|r| Ok((r.try_get("form_version_id")?, r.try_get("answers")?)))
        .transpose()
}

/// A case as its resident's "My cases" lists it.
#[derive(Clone, Debug)]
pub struct Listed {
    pub reference: String,
    pub form_version_id: i64,
    pub submitted_at: i64,
    pub status: String,
    pub status_at: i64,
    /// Messages from the handlers the resident has not read yet.
    pub unread: i64,
}

/// A person's cases, newest first.
pub async fn of_person(pool: &AnyPool, person_id: i64) -> Result<Vec<Listed>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.reference, c.form_version_id, c.submitted_at, c.status, \
         COALESCE(c.status_at, c.submitted_at) AS status_at, \
         (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'message' \
          AND e.from_staff = 1 AND e.seen_at IS NULL) AS unread \
         FROM cases c WHERE c.person_id = $1 ORDER BY c.submitted_at DESC, c.id DESC",
    )
    .bind(person_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Listed {
                reference: row.try_get("reference")?,
                form_version_id: row.try_get("form_version_id")?,
                submitted_at: row.try_get("submitted_at")?,
                status: row.try_get("status")?,
                status_at: row.try_get("status_at")?,
                unread: row.try_get("unread")?,
            })
        })
        .collect()
}

/// What the inbox asks for: cases of these services, perhaps in one
/// status, assigned to someone or no one, matching a reference or an
/// applicant's name, sent within dates; newest or oldest first; one page.
#[derive(Clone, Debug, Default)]
pub struct InboxQuery {
    pub services: Vec<String>,
    pub status: Option<String>,
    /// `Some(Some(id))`: assigned to that member of staff; `Some(None)`:
    /// to no one.
    pub assigned: Option<Option<i64>>,
    /// One case by its reference.
    pub reference: Option<String>,
    /// Part of the applicant's name.
    pub search: Option<String>,
    /// Sent at or after, and before, in milliseconds.
    pub from: Option<i64>,
    pub until: Option<i64>,
    pub oldest_first: bool,
    pub limit: i64,
    pub offset: i64,
}

/// Whether `text` has the shape of a case reference (`ABCD-1234`, the
/// dash optional, any case).
pub fn looks_like_reference(text: &str) -> Option<String> {
    let compact: String = text.trim().chars().filter(|c| *c != '-').collect();
    (compact.len() == 8 && compact.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| format!("{}-{}", &compact[..4], &compact[4..]).to_uppercase())
}

/// Whether a case with `reference` exists.
pub async fn exists(pool: &AnyPool, reference: &str) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("SELECT 1 AS one FROM cases WHERE reference = $1")
            .bind(reference)
            .fetch_optional(pool)
            .await?
            .is_some(),
    )
}

/// A case as the inbox lists it.
#[derive(Clone, Debug)]
pub struct InboxRow {
    pub reference: String,
    pub service_key: String,
    pub submitted_at: i64,
    pub status: String,
    pub applicant_name: Option<String>,
    pub assigned_name: Option<String>,
}

/// The `WHERE` of an inbox query and its parameters, in order. Without
/// the status when `with_status` is false (for the counts per status).
fn inbox_where(q: &InboxQuery, with_status: bool) -> (String, Vec<Param>) {
    let mut params = Vec::new();
    let next = |p: Param, params: &mut Vec<Param>| {
        params.push(p);
        format!("${}", params.len())
    };
    let mut clauses = Vec::new();
    let services: Vec<String> = q
        .services
        .iter()
        .map(|s| next(Param::Text(s.clone()), &mut params))
        .collect();
    if services.is_empty() {
        clauses.push("1 = 0".to_owned());
    } else {
        clauses.push(format!("c.service_key IN ({})", services.join(", ")));
    }
    if let (true, Some(status)) = (with_status, &q.status) {
        clauses.push(format!(
            "c.status = {}",
            next(Param::Text(status.clone()), &mut params)
        ));
    }
    match q.assigned {
        Some(Some(id)) => clauses.push(format!(
            "c.assigned_to = {}",
            next(Param::Int(id), &mut params)
        )),
        Some(None) => clauses.push("c.assigned_to IS NULL".to_owned()),
        None => {}
    }
    if let Some(reference) = &q.reference {
        let reference = next(Param::Text(reference.clone()), &mut params);
        clauses.push(format!("c.reference = {reference}"));
    }
    if let Some(search) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let escaped = search
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let name = next(Param::Text(format!("%{escaped}%")), &mut params);
        clauses.push(format!("LOWER(c.applicant_name) LIKE {name} ESCAPE '\\'"));
    }
    if let Some(from) = q.from {
        clauses.push(format!(
            "c.submitted_at >= {}",
            next(Param::Int(from), &mut params)
        ));
    }
    if let Some(until) = q.until {
        clauses.push(format!(
            "c.submitted_at < {}",
            next(Param::Int(until), &mut params)
        ));
    }
    (clauses.join(" AND "), params)
}

#[derive(Clone, Debug)]
enum Param {
    Text(String),
    Int(i64),
}

fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    params: &'q [Param],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for p in params {
        query = match p {
            Param::Text(t) => query.bind(t.as_str()),
            Param::Int(i) => query.bind(*i),
        };
    }
    query
}

/// One page of the inbox, and how many cases match in all (from the
/// counts per status, which the page shows anyway).
pub async fn inbox(
    pool: &AnyPool,
    q: &InboxQuery,
) -> Result<(Vec<InboxRow>, i64, Vec<(String, i64)>), sqlx::Error> {
    let (clause, params) = inbox_where(q, true);
    let order = if q.oldest_first { "ASC" } else { "DESC" };
    // The page's cases are chosen from the indexes alone, and only those
    // 25 are read (a page far down skips thousands without reading them).
    let sql = format!(
        "SELECT c.reference, c.service_key, c.submitted_at, c.status, c.applicant_name, \
         s.name AS assigned_name FROM cases c LEFT JOIN staff s ON s.id = c.assigned_to \
         WHERE c.id IN (SELECT c.id FROM cases c WHERE {clause} \
         ORDER BY c.submitted_at {order}, c.id {order} LIMIT {} OFFSET {}) \
         ORDER BY c.submitted_at {order}, c.id {order}",
        q.limit.clamp(1, 500),
        q.offset.max(0)
    );
    let rows = bind_all(sqlx::query(&sql), &params).fetch_all(pool).await?;
    let rows = rows
        .iter()
        .map(|row| {
            Ok(InboxRow {
                reference: row.try_get("reference")?,
                service_key: row
                    .try_get::<Option<String>, _>("service_key")?
                    .unwrap_or_default(),
                submitted_at: row.try_get("submitted_at")?,
                status: row.try_get("status")?,
                applicant_name: row.try_get("applicant_name")?,
                assigned_name: row.try_get("assigned_name")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let counts = inbox_counts(pool, q).await?;
    let total = counts
        .iter()
        .filter(|(status, _)| q.status.as_ref().is_none_or(|s| s == status))
        .map(|(_, n)| n)
        .sum();
    Ok((rows, total, counts))
}

/// How many of the matching cases are in each status (the status filter
/// itself aside).
pub async fn inbox_counts(
    pool: &AnyPool,
    q: &InboxQuery,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let (clause, params) = inbox_where(q, false);
    let sql = format!(
        "SELECT c.status, COUNT(*) AS n FROM cases c WHERE {clause} GROUP BY c.status ORDER BY c.status"
    );
    let rows = bind_all(sqlx::query(&sql), &params).fetch_all(pool).await?;
    rows.iter()
        .map(|row| Ok((row.try_get("status")?, row.try_get("n")?)))
        .collect()
}

/// Assigns a case to a member of staff, or to no one.
pub async fn assign(
    conn: &mut AnyConnection,
    case_id: i64,
    staff_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE cases SET assigned_to = $1 WHERE id = $2")
        .bind(staff_id)
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// One case in full, by its reference.
#[derive(Clone, Debug)]
pub struct Stored {
    pub id: i64,
    pub reference: String,
    pub submission_key: String,
    pub form_version_id: i64,
    pub submitted_at: i64,
    pub status: String,
    /// The typed answers, as JSON.
    pub answers: String,
    pub person_id: Option<i64>,
    pub service_key: String,
    pub language: String,
    pub applicant_name: Option<String>,
    pub assigned_to: Option<i64>,
    pub assigned_name: Option<String>,
}

/// Every case of a service sent within the dates, oldest first, for an
/// export.
pub async fn of_service(
    pool: &AnyPool,
    service_key: &str,
    from: Option<i64>,
    until: Option<i64>,
) -> Result<Vec<Stored>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{STORED} WHERE c.service_key = $1 AND c.submitted_at >= $2 AND c.submitted_at < $3 \
         ORDER BY c.submitted_at, c.id"
    ))
    .bind(service_key)
    .bind(from.unwrap_or(i64::MIN))
    .bind(until.unwrap_or(i64::MAX))
    .fetch_all(pool)
    .await?;
    rows.iter().map(stored_from_row).collect()
}

const STORED: &str = "SELECT c.id, c.reference, c.submission_key, c.form_version_id, \
    c.submitted_at, c.status, c.answers, c.person_id, c.service_key, c.language, \
    c.applicant_name, c.assigned_to, s.name AS assigned_name \
    FROM cases c LEFT JOIN staff s ON s.id = c.assigned_to";

pub async fn by_reference(pool: &AnyPool, reference: &str) -> Result<Option<Stored>, sqlx::Error> {
    let row = sqlx::query(&format!("{STORED} WHERE c.reference = $1"))
        .bind(reference)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(stored_from_row).transpose()
}

fn stored_from_row(row: &sqlx::any::AnyRow) -> Result<Stored, sqlx::Error> {
    Ok(Stored {
        id: row.try_get("id")?,
        reference: row.try_get("reference")?,
        submission_key: row.try_get("submission_key")?,
        form_version_id: row.try_get("form_version_id")?,
        submitted_at: row.try_get("submitted_at")?,
        status: row.try_get("status")?,
        answers: row.try_get("answers")?,
        person_id: row.try_get("person_id")?,
        service_key: row
            .try_get::<Option<String>, _>("service_key")?
            .unwrap_or_default(),
        language: row.try_get("language")?,
        applicant_name: row.try_get("applicant_name")?,
        assigned_to: row.try_get("assigned_to")?,
        assigned_name: row.try_get("assigned_name")?,
    })
}

pub async fn count(pool: &AnyPool) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM cases")
        .fetch_one(pool)
        .await?
        .try_get("n")
}

fn receipt_from_row(row: &sqlx::any::AnyRow) -> Result<CaseReceipt, sqlx::Error> {
    Ok(CaseReceipt {
        reference: row.try_get("reference")?,
        receipt_token: row.try_get("receipt_token")?,
        form_version_id: row.try_get("form_version_id")?,
        submitted_at: row.try_get("submitted_at")?,
        answers: row.try_get("answers")?,
        feedback_given: row.try_get::<i64, _>("feedback_given")? != 0,
        person_id: row.try_get("person_id")?,
    })
}

/// A closed case whose time is up.
#[derive(Clone, Debug)]
pub struct Expired {
    pub id: i64,
    pub reference: String,
    pub service_key: String,
    /// The typed answers, as JSON: the files they name go too.
    pub answers: String,
}

/// The closed cases of `service_key` closed before `closed_before`.
pub async fn closed_before(
    pool: &AnyPool,
    service_key: &str,
    closed_before: i64,
) -> Result<Vec<Expired>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, reference, service_key, answers FROM cases \
         WHERE service_key = $1 AND status = 'closed' AND status_at < $2 ORDER BY id LIMIT 1000",
    )
    .bind(service_key)
    .bind(closed_before)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Expired {
                id: row.try_get("id")?,
                reference: row.try_get("reference")?,
                service_key: row.try_get("service_key")?,
                answers: row.try_get("answers")?,
            })
        })
        .collect()
}

/// Deletes a case for good: its history, its mail still waiting, its
/// files' records, and the case. The caller removes the files' bytes.
pub async fn delete(
    conn: &mut AnyConnection,
    case_id: i64,
    file_ids: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM case_events WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM outbox WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    for id in file_ids {
        sqlx::query("DELETE FROM files WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM cases WHERE id = $1")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

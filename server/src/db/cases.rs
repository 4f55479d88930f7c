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
         person_id, status, status_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7) \
         ON CONFLICT (submission_key) DO NOTHING RETURNING id",
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
    let received = super::case_events::What::Status(super::case_events::RECEIVED.to_owned());
    super::case_events::add(&mut *conn, case_id, &received, None, case.submitted_at).await?;
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
}

pub async fn by_reference(pool: &AnyPool, reference: &str) -> Result<Option<Stored>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, reference, submission_key, form_version_id, submitted_at, status, answers, \
         person_id FROM cases WHERE reference = $1",
    )
    .bind(reference)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(Stored {
            id: row.try_get("id")?,
            reference: row.try_get("reference")?,
            submission_key: row.try_get("submission_key")?,
            form_version_id: row.try_get("form_version_id")?,
            submitted_at: row.try_get("submitted_at")?,
            status: row.try_get("status")?,
            answers: row.try_get("answers")?,
            person_id: row.try_get("person_id")?,
        })
    })
    .transpose()
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

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
         person_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
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

//! Answers to the satisfaction survey, kept apart from the cases.

use sqlx::{AnyConnection, AnyPool, Connection, Row};

/// What happened to a piece of feedback.
#[derive(Debug, PartialEq, Eq)]
pub enum Given {
    /// Stored.
    Stored,
    /// This case's feedback was already given; nothing more is stored.
    Already,
    /// No case has this receipt token.
    NoSuchCase,
}

/// Stores feedback for the case behind `receipt_token`, once: the case is
/// marked in the same transaction, and the feedback itself does not name it.
pub async fn give(
    conn: &mut AnyConnection,
    receipt_token: &str,
    rating: u8,
    comment: Option<&str>,
    given_on: &str,
) -> Result<Given, sqlx::Error> {
    let mut tx = conn.begin().await?;
    let marked = sqlx::query(
        "UPDATE cases SET feedback_given = 1 WHERE receipt_token = $1 AND feedback_given = 0 \
         RETURNING form_version_id",
    )
    .bind(receipt_token)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = marked else {
        let exists = sqlx::query("SELECT 1 AS one FROM cases WHERE receipt_token = $1")
            .bind(receipt_token)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        tx.rollback().await?;
        return Ok(if exists {
            Given::Already
        } else {
            Given::NoSuchCase
        });
    };
    let form_version_id: i64 = row.try_get("form_version_id")?;
    sqlx::query(
        "INSERT INTO feedback (form_version_id, rating, comment, given_on) VALUES ($1, $2, $3, $4)",
    )
    .bind(form_version_id)
    .bind(i64::from(rating))
    .bind(comment)
    .bind(given_on)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Given::Stored)
}

/// How many answers of each rating (1 to 5) a form version has had.
pub async fn ratings(pool: &AnyPool, form_version_id: i64) -> Result<[i64; 5], sqlx::Error> {
    let rows = sqlx::query(
        "SELECT rating, COUNT(*) AS n FROM feedback WHERE form_version_id = $1 GROUP BY rating",
    )
    .bind(form_version_id)
    .fetch_all(pool)
    .await?;
    let mut counts = [0; 5];
    for row in rows {
        let rating: i64 = row.try_get("rating")?;
        if let Some(slot) = usize::try_from(rating - 1)
            .ok()
            .and_then(|i| counts.get_mut(i))
        {
            *slot = row.try_get("n")?;
        }
    }
    Ok(counts)
}

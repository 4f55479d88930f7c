//! The satisfaction survey under the receipt: a plain post, so it works
//! without JavaScript. A good answer is stored and the receipt thanks; a bad
//! one brings the receipt back (422) with the comment kept.

use crate::db::feedback::{self, Given};
use crate::error::internal;
use crate::AppState;
use app::model::{FeedbackError, MAX_FEEDBACK_COMMENT};
use app::ssr::PostedFeedback;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

/// A rating and a comment are small.
const MAX_BODY: usize = 16 * 1024;

pub async fn give_feedback(
    State(state): State<AppState>,
    Path(token): Path<String>,
    request: Request,
) -> Response {
    let (mut parts, locale, pairs) = match super::read_small_post(request, MAX_BODY).await {
        Ok(read) => read,
        Err(refusal) => return refusal,
    };
    // A signed-in resident's case takes feedback from them only.
    if crate::secret::is_token(&token) {
        let owner = match crate::db::cases::by_receipt_token(&state.db.pool, &token).await {
            Ok(case) => case.and_then(|c| c.person_id),
            Err(e) => return super::unavailable_text(locale, internal("finding a receipt", e)),
        };
        let asker = parts
            .extensions
            .get::<app::ssr::SignedIn>()
            .map(|s| s.person_id);
        if owner.is_some() && owner != asker {
            return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
        }
    }
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let comment = value("comment").replace("\r\n", "\n");
    let rating = value("rating")
        .parse::<u8>()
        .ok()
        .filter(|r| (1..=5).contains(r));
    let error = match rating {
        None => Some(FeedbackError::NoRating),
        Some(_) if comment.chars().count() > MAX_FEEDBACK_COMMENT => Some(FeedbackError::TooLong),
        Some(_) => None,
    };
    let back = format!("/receipts/{token}#feedback");
    if let (Some(rating), None) = (rating, error) {
        if !crate::secret::is_token(&token) {
            return StatusCode::NOT_FOUND.into_response();
        }
        let today = jiff::Timestamp::now()
            .to_zoned(state.config.timezone.clone())
            .date()
            .to_string();
        let comment = (!comment.is_empty()).then_some(comment);
        let given = state
            .db
            .writer
            .write(move |conn| {
                let (token, comment, today) = (token.clone(), comment.clone(), today.clone());
                Box::pin(async move {
                    feedback::give(conn, &token, rating, comment.as_deref(), &today).await
                })
            })
            .await;
        return match given {
            // Given now or before: either way the receipt thanks.
            Ok(Given::Stored | Given::Already) => Redirect::to(&back).into_response(),
            Ok(Given::NoSuchCase) => StatusCode::NOT_FOUND.into_response(),
            Err(e) => super::unavailable_text(locale, internal("storing feedback", e)),
        };
    }
    // The receipt again, with the error and the comment typed.
    let posted = PostedFeedback {
        comment,
        error: error.unwrap_or(FeedbackError::NoRating),
    };
    parts.uri = match format!("/receipts/{token}").parse() {
        Ok(uri) => uri,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    // The receipt's server function sets the status (422).
    super::render_with(
        &state,
        Request::from_parts(parts, Body::empty()),
        Some(posted),
        None,
    )
    .await
}

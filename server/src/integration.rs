//! Back-office integration: API tokens (for `http::api`) and webhooks.
//!
//! A token belongs to one system and one service; only its SHA-256 is
//! stored and the token is shown once, when an administrator makes it.
//! A webhook is told of a service's new cases, completions and residents'
//! messages: each event is written to `webhook_deliveries` in the same
//! commit as what it tells of, and this module's worker posts it, signed
//! with the webhook's secret, retrying with backoff until the receiver
//! answers 2xx. The body says only what happened and to which case; the
//! receiver fetches the case through the API with its token.

use crate::db::{self, integration as store, Db};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};

/// Where the API is.
pub const API_BASE: &str = "/api/v1";
/// The start of every API token, so one found in a log or a repository is
/// recognised.
pub const TOKEN_PREFIX: &str = "bkt_";

/// The events a webhook is told of.
pub const CASE_SUBMITTED: &str = "case.submitted";
pub const COMPLETION_RECEIVED: &str = "case.completion_received";
pub const MESSAGE_RECEIVED: &str = "case.message_received";

/// How many deliveries one round claims.
const BATCH: i64 = 32;
/// How long a claim lasts.
const LEASE: Duration = Duration::from_secs(120);
/// After this many failed attempts a delivery is given up (about a day
/// with the default 30 seconds doubling to an hour).
pub const MAX_ATTEMPTS: i64 = 30;
/// How long a receiver has to answer.
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_secs(10);

/// A new API token: the prefix and 256 random bits.
pub fn new_token() -> String {
    format!(
        "{TOKEN_PREFIX}{}{}",
        crate::secret::token(),
        crate::secret::token()
    )
}

/// What is stored of a token: its SHA-256, in hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The `Blankett-Signature` of a delivery: `t=<unix seconds>,v1=<hex>`,
/// the HMAC-SHA256 of `<t>.<body>` under the webhook's secret. The time is
/// signed too, so a receiver can refuse an old delivery replayed.
pub fn signature(secret: &str, unix_seconds: i64, body: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new(); // HMAC takes a key of any length.
    };
    mac.update(format!("{unix_seconds}.{body}").as_bytes());
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("t={unix_seconds},v1={hex}")
}

/// The body of a delivery: what happened, to which case, and where the
/// API has it. Nothing personal.
pub fn payload(event: &str, service_key: &str, reference: &str, at: i64) -> String {
    let at = jiff::Timestamp::from_millisecond(at)
        .map(|t| t.to_string())
        .unwrap_or_default();
    serde_json::json!({
        "event": event,
        "at": at,
        "service": service_key,
        "case": {
            "reference": reference,
            "href": format!("{API_BASE}/cases/{reference}"),
        },
    })
    .to_string()
}

/// Writes `event` about a case for every webhook of its service, in the
/// caller's transaction.
pub async fn tell(
    conn: &mut sqlx::AnyConnection,
    event: &str,
    service_key: &str,
    reference: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    let body = payload(event, service_key, reference, at);
    store::enqueue(conn, service_key, event, reference, &body, at).await
}

/// The webhook worker.
pub struct Worker {
    pub db: Db,
    pub client: reqwest::Client,
    /// The wait before the second attempt; it doubles after that.
    pub retry: Duration,
    pub wake: Arc<Notify>,
}

impl Worker {
    pub fn new(db: Db, retry: Duration, wake: Arc<Notify>) -> Self {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Blankett/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        Worker {
            db,
            client,
            retry,
            wake,
        }
    }

    /// Delivers due events until `stop` turns true.
    pub async fn run(self, stop: watch::Receiver<bool>) {
        let idle = POLL.min(self.retry.max(Duration::from_millis(200)));
        let what = "webhook deliveries";
        crate::mail::rounds(|| self.round(), BATCH, idle, &self.wake, stop, what).await;
    }

    /// Claims due deliveries and tries each once; gives how many.
    pub async fn round(&self) -> Result<usize, sqlx::Error> {
        let now = db::now_millis();
        let lease_until = now + crate::mail::millis(LEASE);
        let claimed = self
            .db
            .writer
            .write(move |conn| {
                Box::pin(async move { store::claim_due(conn, now, lease_until, BATCH).await })
            })
            .await?;
        for due in &claimed {
            let (status, error) = self.post(due).await;
            let now = db::now_millis();
            let give_up = error.is_some() && due.attempts >= MAX_ATTEMPTS;
            let retry_at = (error.is_some() && !give_up)
                .then(|| now + crate::mail::millis(crate::mail::delay(self.retry, due.attempts)));
            match &error {
                None => {
                    tracing::info!(
                        delivery = due.id,
                        attempts = due.attempts,
                        "webhook delivered"
                    )
                }
                Some(e) if give_up => {
                    tracing::error!(delivery = due.id, attempts = due.attempts, error = %e, "webhook delivery given up")
                }
                Some(e) => {
                    tracing::warn!(delivery = due.id, attempts = due.attempts, error = %e, "webhook not delivered yet; will try again")
                }
            }
            let id = due.id;
            self.db
                .writer
                .write(move |conn| {
                    let error = error.clone();
                    Box::pin(async move {
                        store::record_attempt(conn, id, now, status, error.as_deref(), retry_at)
                            .await
                    })
                })
                .await?;
        }
        Ok(claimed.len())
    }

    /// Posts one delivery: the status the receiver answered, and what went
    /// wrong if it was not a success.
    async fn post(&self, due: &store::Due) -> (Option<u16>, Option<String>) {
        let now = jiff::Timestamp::now().as_second();
        let sent = self
            .client
            .post(&due.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header("Blankett-Event", &due.event)
            .header("Blankett-Delivery", due.id.to_string())
            .header(
                "Blankett-Signature",
                signature(&due.secret, now, &due.payload),
            )
            .body(due.payload.clone())
            .send()
            .await;
        match sent {
            Ok(response) if response.status().is_success() => {
                (Some(response.status().as_u16()), None)
            }
            Ok(response) => (
                Some(response.status().as_u16()),
                Some(format!("the receiver answered {}", response.status())),
            ),
            Err(e) => (None, Some(e.without_url().to_string())),
        }
    }
}

/// `blankett api-token …` and `blankett webhook …`: what administrators
/// do from the command line (the same as on the administration pages).
pub async fn command(args: &[String], db: &Db) -> Result<String, String> {
    let failed = |e: sqlx::Error| e.to_string();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .ok_or(format!("{name} is needed"))
    };
    let id = || {
        args.get(2)
            .and_then(|a| a.parse::<i64>().ok())
            .ok_or("give the number shown by `list`".to_owned())
    };
    let now = db::now_millis();
    match (
        args.first().map(String::as_str),
        args.get(1).map(String::as_str),
    ) {
        (Some("api-token"), Some("add")) => {
            let (system, service) = (flag("--system")?, flag("--service")?);
            let token = create_token(db, &system, &service, "command line")
                .await
                .map_err(|e| e.to_string())?;
            Ok(format!(
                "API token for {system} on {service} (shown only now; keep it secret):\n{token}"
            ))
        }
        (Some("api-token"), Some("list")) => {
            let tokens = store::tokens(&db.pool).await.map_err(failed)?;
            Ok(tokens
                .iter()
                .map(|t| {
                    let state = if t.revoked_at.is_some() {
                        "revoked"
                    } else {
                        "live"
                    };
                    format!("{}\t{}\t{}\t{state}", t.id, t.system, t.service_key)
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        (Some("api-token"), Some("revoke")) => {
            let id = id()?;
            let revoked = db
                .writer
                .write(move |conn| {
                    Box::pin(async move { store::revoke_token(conn, id, now).await })
                })
                .await
                .map_err(failed)?;
            revoked
                .then(|| format!("API token {id} revoked"))
                .ok_or(format!("no live API token {id}"))
        }
        (Some("webhook"), Some("add")) => {
            let (service, url) = (flag("--service")?, flag("--url")?);
            let secret = add_webhook(db, &service, &url, "command line")
                .await
                .map_err(|e| e.to_string())?;
            Ok(format!(
                "Webhook for {service} to {url}. Its signing secret (shown only now):\n{secret}"
            ))
        }
        (Some("webhook"), Some("list")) => {
            let hooks = store::webhooks(&db.pool).await.map_err(failed)?;
            let deliveries = store::deliveries(&db.pool, 50).await.map_err(failed)?;
            let mut out: Vec<String> = hooks
                .iter()
                .map(|w| {
                    let state = if w.removed_at.is_some() {
                        "removed"
                    } else {
                        "live"
                    };
                    format!("webhook {}\t{}\t{}\t{state}", w.id, w.service_key, w.url)
                })
                .collect();
            out.extend(deliveries.iter().map(|d| {
                format!(
                    "delivery {}\twebhook {}\t{}\t{}\t{}\tattempts {}{}",
                    d.id,
                    d.webhook_id,
                    d.event,
                    d.case_reference,
                    delivery_state(d),
                    d.attempts,
                    d.last_error
                        .as_deref()
                        .map(|e| format!("\t{e}"))
                        .unwrap_or_default()
                )
            }));
            Ok(out.join("\n"))
        }
        (Some("webhook"), Some("remove")) => {
            let id = id()?;
            let removed = db
                .writer
                .write(move |conn| {
                    Box::pin(async move { store::remove_webhook(conn, id, now).await })
                })
                .await
                .map_err(failed)?;
            removed
                .then(|| format!("webhook {id} removed"))
                .ok_or(format!("no live webhook {id}"))
        }
        _ => Err(
            "usage: blankett api-token add --system <name> --service <key> | api-token list | \
                  api-token revoke <id> | webhook add --service <key> --url <https://…> | \
                  webhook list | webhook remove <id>"
                .to_owned(),
        ),
    }
}

/// A delivery's state in one word: delivered, failed (given up), or
/// waiting (for its next attempt).
pub fn delivery_state(d: &store::Delivery) -> &'static str {
    if d.delivered_at.is_some() {
        "delivered"
    } else if d.failed_at.is_some() {
        "failed"
    } else {
        "waiting"
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IntegrationError {
    #[error("there is no service `{0}`")]
    NoService(String),
    #[error("the system needs a name")]
    NoName,
    #[error("the address must start with https:// (or http:// for a receiver on this machine)")]
    BadUrl,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

async fn check_service(db: &Db, service: &str) -> Result<(), IntegrationError> {
    if !db::authoring::service_exists(&db.pool, service).await? {
        return Err(IntegrationError::NoService(service.to_owned()));
    }
    Ok(())
}

/// Makes an API token for `system` on `service`: gives the token, which is
/// not kept.
pub async fn create_token(
    db: &Db,
    system: &str,
    service: &str,
    by: &str,
) -> Result<String, IntegrationError> {
    let system = system.trim().to_owned();
    if system.is_empty() {
        return Err(IntegrationError::NoName);
    }
    check_service(db, service).await?;
    let token = new_token();
    let (hash, service, by) = (token_hash(&token), service.to_owned(), by.to_owned());
    let now = db::now_millis();
    db.writer
        .write(move |conn| {
            let (system, service, hash, by) =
                (system.clone(), service.clone(), hash.clone(), by.clone());
            Box::pin(
                async move { store::add_token(conn, &system, &service, &hash, &by, now).await },
            )
        })
        .await?;
    Ok(token)
}

/// Adds a webhook: gives its signing secret.
pub async fn add_webhook(
    db: &Db,
    service: &str,
    url: &str,
    by: &str,
) -> Result<String, IntegrationError> {
    let url = url.trim().to_owned();
    let local = ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"];
    let parsed = reqwest::Url::parse(&url).map_err(|_| IntegrationError::BadUrl)?;
    if parsed.scheme() != "https" && !local.iter().any(|l| url.starts_with(l)) {
        return Err(IntegrationError::BadUrl);
    }
    check_service(db, service).await?;
    let secret = format!("whsec_{}{}", crate::secret::token(), crate::secret::token());
    let (service, by, kept) = (service.to_owned(), by.to_owned(), secret.clone());
    let now = db::now_millis();
    db.writer
        .write(move |conn| {
            let (service, url, kept, by) = (service.clone(), url.clone(), kept.clone(), by.clone());
            Box::pin(async move { store::add_webhook(conn, &service, &url, &kept, &by, now).await })
        })
        .await?;
    Ok(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_is_the_hmac_of_the_time_and_the_body() {
        // Computed apart, with Python's hmac module.
        let body = r#"{"event":"case.submitted"}"#;
        assert_eq!(
            signature("Jefe", 1_700_000_000, body),
            "t=1700000000,v1=c2294e147340a420079205d493887f22ab28a175eb18903be8ebcfdfcfbd789c"
        );
        assert_ne!(
            signature("Jeff", 1_700_000_000, body),
            signature("Jefe", 1_700_000_000, body)
        );
    }

    #[test]
    fn tokens_are_long_random_and_stored_as_hashes() {
        let (a, b) = (new_token(), new_token());
        assert!(a.starts_with(TOKEN_PREFIX) && a.len() == 4 + 64 && a != b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), token_hash(&b));
        assert!(!token_hash(&a).contains(&a[4..]));
    }

    #[test]
    fn a_payload_names_the_case_and_nothing_personal() {
        let body = payload(CASE_SUBMITTED, "parking-permit", "BKT-2026-000001", 0);
        let json: serde_json::Value = serde_json::from_str(&body).expect("json");
        assert_eq!(json["event"], "case.submitted");
        assert_eq!(json["case"]["href"], "/api/v1/cases/BKT-2026-000001");
        assert_eq!(json["at"], "1970-01-01T00:00:00Z");
    }
}

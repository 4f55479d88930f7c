//! Delivering the outbox. Mail is written to the `outbox` table in the same
//! transaction as the change that caused it (`db::cases::insert_once`); this
//! worker claims due mail, hands it to SMTP (or, without SMTP settings, to
//! files under `<data dir>/mail/`), and records the outcome.
//!
//! A mail is marked sent only after the SMTP server has accepted it, so an
//! SMTP server that is down delays mail but never loses it and never fails a
//! submission. Claims are leases (`locked_until`), so two servers never send
//! the same mail at once. Each mail keeps one `Message-ID` across attempts,
//! so in the rare case where the server accepted a mail but the answer was
//! lost before it was recorded, the receiving side can tell the repeat.

use crate::config::Config;
use crate::db::{self, outbox::Pending, Db};
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};

/// How many mails one round claims.
const BATCH: i64 = 64;
/// How long a claim lasts; a server that stops mid-send frees it after this.
const LEASE: Duration = Duration::from_secs(120);
/// After this many failed attempts a mail is given up and logged.
pub const MAX_ATTEMPTS: i64 = 20;
/// The longest wait between two attempts.
const MAX_DELAY: Duration = Duration::from_secs(3600);
/// How often the outbox is looked at without being woken.
const POLL: Duration = Duration::from_secs(10);

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Embedded mode: one `.eml` file per mail, for a person trying
    /// Blankett out to read.
    Files(PathBuf),
}

/// Why a mail was not delivered.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    /// Trying again cannot help (a refused address, a malformed mail).
    pub permanent: bool,
}

impl Transport {
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        Ok(match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| {
                        anyhow::anyhow!(
                            "BLANKETT_SMTP_URL ({}): {e}",
                            crate::config::redact_url(url)
                        )
                    })?
                    .timeout(Some(Duration::from_secs(30)))
                    .build(),
            ),
            None => Transport::Files(config.data_dir.join("mail")),
        })
    }

    async fn deliver(&self, message: Message, name: &str) -> Result<(), Failure> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| Failure {
                permanent: e.is_permanent(),
                message: e.to_string(),
            }),
            Transport::Files(dir) => {
                let transient = |e: std::io::Error| Failure {
                    message: e.to_string(),
                    permanent: false,
                };
                tokio::fs::create_dir_all(dir).await.map_err(transient)?;
                let partial = dir.join(format!(".{name}.eml.partial"));
                tokio::fs::write(&partial, message.formatted())
                    .await
                    .map_err(transient)?;
                tokio::fs::rename(&partial, dir.join(format!("{name}.eml")))
                    .await
                    .map_err(transient)
            }
        }
    }
}

/// The outbox worker and what wakes it.
pub struct Worker {
    pub db: Db,
    pub transport: Transport,
    pub from: lettre::message::Mailbox,
    /// The wait before the second attempt; it doubles after that.
    pub retry: Duration,
    /// Poked after a commit that wrote mail, so it goes out at once.
    pub wake: Arc<Notify>,
}

impl Worker {
    /// Delivers due mail until `stop` turns true; then finishes the mail in
    /// hand and returns.
    pub async fn run(self, stop: watch::Receiver<bool>) {
        let idle = POLL.min(self.retry);
        rounds(|| self.round(), BATCH, idle, &self.wake, stop, "the outbox").await;
    }

    /// Claims due mail and tries each once; gives how many were claimed.
    pub async fn round(&self) -> Result<usize, sqlx::Error> {
        let now = db::now_millis();
        let lease_until = now + millis(LEASE);
        // Every change to the outbox goes through the writer, committed
        // with whatever else is being written.
        let writer = &self.db.writer;
        let claimed = writer
            .write(move |conn| {
                Box::pin(async move { db::outbox::claim_due(conn, now, lease_until, BATCH).await })
            })
            .await?;
        // Each mail is marked as soon as it is out; the marks are committed
        // with the writer's next batches while the next mails go, and the
        // round ends when all of them are.
        let mut marks = Vec::with_capacity(claimed.len());
        for mail in &claimed {
            let outcome = match self.message(mail) {
                Ok(message) => {
                    self.transport
                        .deliver(message, &format!("{now}-{}", mail.id))
                        .await
                }
                Err(failure) => Err(failure),
            };
            let now = db::now_millis();
            match outcome {
                Ok(()) => {
                    let (id, writer) = (mail.id, writer.clone());
                    marks.push(tokio::spawn(async move {
                        writer
                            .write(move |conn| {
                                Box::pin(async move { db::outbox::mark_sent(conn, id, now).await })
                            })
                            .await
                    }));
                    tracing::info!(mail = mail.id, attempts = mail.attempts, "mail sent");
                }
                Err(failure) => {
                    let give_up = failure.permanent || mail.attempts >= MAX_ATTEMPTS;
                    let next = (!give_up).then(|| now + millis(delay(self.retry, mail.attempts)));
                    let (id, message) = (mail.id, failure.message.clone());
                    writer
                        .write(move |conn| {
                            let message = message.clone();
                            Box::pin(async move {
                                db::outbox::mark_failed(conn, id, &message, next, now).await
                            })
                        })
                        .await?;
                    if give_up {
                        tracing::error!(mail = mail.id, attempts = mail.attempts, error = %failure.message, "mail given up");
                    } else {
                        tracing::warn!(mail = mail.id, attempts = mail.attempts, error = %failure.message, "mail not sent yet; will try again");
                    }
                }
            }
        }
        for mark in marks {
            mark.await
                .map_err(|e| sqlx::Error::Io(std::io::Error::other(e)))??;
        }
        Ok(claimed.len())
    }

    fn message(&self, mail: &Pending) -> Result<Message, Failure> {
        let permanent = |message: String| Failure {
            message,
            permanent: true,
        };
        let to = mail
            .recipient
            .parse()
            .map_err(|e| permanent(format!("recipient: {e}")))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(mail.message_id.clone()))
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| permanent(e.to_string()))
    }
}

/// An outbox worker's life: a round, then (unless the round claimed a full
/// `batch`, so more may be due) a wait until woken or `idle` has passed;
/// until `stop` turns true, after the round in hand.
pub(crate) async fn rounds<F, R>(
    mut round: F,
    batch: i64,
    idle: Duration,
    wake: &Notify,
    mut stop: watch::Receiver<bool>,
    what: &str,
) where
    F: FnMut() -> R,
    R: std::future::Future<Output = Result<usize, sqlx::Error>>,
{
    loop {
        let claimed = match round().await {
            Ok(n) => n,
            Err(e) => {
                tracing::error!(error = %e, what, "an outbox could not be read");
                0
            }
        };
        if *stop.borrow() {
            return;
        }
        if claimed as i64 == batch {
            continue;
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(idle) => {}
            _ = stop.changed() => return,
        }
    }
}

/// The wait after `attempts` failed attempts: the first retry waits
/// `retry`, each later one twice as long, never more than an hour.
pub(crate) fn delay(retry: Duration, attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).max(0))
        .unwrap_or(u32::MAX)
        .min(20);
    retry.saturating_mul(1 << doublings).min(MAX_DELAY)
}

/// Puts one mail that belongs to no case into the outbox (committed when
/// this returns), for the worker to send; wake it with `AppState::mail_wake`.
/// Mail that comes with a case is written with the case instead
/// (`db::cases::insert_once`).
pub async fn enqueue(
    db: &Db,
    from: &lettre::message::Mailbox,
    to: &str,
    text: &app::mail::MailText,
) -> Result<(), sqlx::Error> {
    let (to, text, message_id) = (to.to_owned(), text.clone(), message_id(from));
    let now = db::now_millis();
    db.writer
        .write(move |conn| {
            let (to, text, message_id) = (to.clone(), text.clone(), message_id.clone());
            Box::pin(async move {
                let mail = db::outbox::NewMail {
                    recipient: &to,
                    subject: &text.subject,
                    body: &text.body,
                };
                db::outbox::insert(conn, None, &mail, &message_id, now).await
            })
        })
        .await
}

/// A `Message-ID` for a new mail: random, and in the sender's domain.
pub fn message_id(from: &lettre::message::Mailbox) -> String {
    format!("<{}@{}>", crate::secret::token(), from.email.domain())
}

pub(crate) fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_and_stops_at_an_hour() {
        let retry = Duration::from_secs(30);
        assert_eq!(delay(retry, 1), Duration::from_secs(30));
        assert_eq!(delay(retry, 2), Duration::from_secs(60));
        assert_eq!(delay(retry, 4), Duration::from_secs(240));
        assert_eq!(delay(retry, 19), MAX_DELAY);
        assert_eq!(delay(retry, i64::MAX), MAX_DELAY);
        assert_eq!(delay(retry, 0), retry);
    }
}

//! The writer: the writes a person waits for (a draft saved, a case sent)
//! are queued here and committed together with whatever else is waiting,
//! in one transaction, by one task (group commit).
//!
//! Every commit is on disk before anyone is answered (`synchronous = FULL`
//! on SQLite), and that costs a flush of the log. One flush per request
//! caps a database at a few hundred writes a second on ordinary disks; one
//! flush per batch lets every request that arrived during the last flush
//! share the next one. SQLite allows one writer at a time anyway, so the
//! queue also ends the waiting on its lock.
//!
//! A batch first runs its jobs one after another in the transaction as
//! they are. If one fails, the transaction is rolled back and the batch
//! runs again with each job in a savepoint of its own: the failing job is
//! rolled back alone and told why, the others are stored. (Jobs are `Fn`
//! so they can run twice; savepoints cost two more round trips a job, so
//! they are paid only when something failed.) Nobody hears "done" before
//! the batch's commit has returned; if the commit fails, every job in it
//! is told it failed, and nothing of it was stored.

use sqlx::{AnyConnection, AnyPool, Connection};
use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// A boxed future borrowing the connection it runs on.
pub type Step<'c, T> = Pin<Box<dyn Future<Output = Result<T, sqlx::Error>> + Send + 'c>>;

type Output = Box<dyn Any + Send>;
type Work = Box<dyn for<'c> Fn(&'c mut AnyConnection) -> Step<'c, Output> + Send + Sync>;

struct Job {
    work: Work,
    reply: oneshot::Sender<Result<Output, sqlx::Error>>,
}

/// Most jobs in one transaction; more wait for the next.
const MAX_BATCH: usize = 512;
/// Jobs waiting before senders wait too (back-pressure instead of memory).
const QUEUE: usize = 16 * 1024;

#[derive(Clone)]
pub struct Writer {
    queue: mpsc::Sender<Job>,
    /// Batches committed so far.
    batches: Arc<AtomicU64>,
}

impl Writer {
    /// Starts the writing task on the current runtime. It ends when the
    /// last handle is dropped, after the jobs already queued.
    pub fn start(pool: AnyPool) -> Self {
        let (queue, jobs) = mpsc::channel(QUEUE);
        let batches = Arc::new(AtomicU64::new(0));
        tokio::spawn(run(pool, jobs, batches.clone()));
        Writer { queue, batches }
    }

    /// How many batches have been committed since the start.
    pub fn batches(&self) -> u64 {
        self.batches.load(Ordering::Relaxed)
    }

    /// Runs `work` in the next batch and answers once it is committed.
    /// `work` may be run twice (see above); only one run is ever kept.
    pub async fn write<T, F>(&self, work: F) -> Result<T, sqlx::Error>
    where
        T: Send + 'static,
        F: for<'c> Fn(&'c mut AnyConnection) -> Step<'c, T> + Send + Sync + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let work: Work = Box::new(move |conn| {
            let step = work(conn);
            Box::pin(async move { step.await.map(|t| Box::new(t) as Output) })
        });
        self.queue
            .send(Job { work, reply })
            .await
            .map_err(|_| stopped())?;
        let output = answer.await.map_err(|_| stopped())??;
        output
            .downcast::<T>()
            .map(|t| *t)
            .map_err(|_| sqlx::Error::Protocol("the writer answered with another type".into()))
    }
}

fn stopped() -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other("the writer has stopped"))
}

async fn run(pool: AnyPool, mut jobs: mpsc::Receiver<Job>, batches: Arc<AtomicU64>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        if commit(&pool, &mut batch).await {
            batches.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Runs and commits one batch, then answers every job in it; whether it
/// was committed.
async fn commit(pool: &AnyPool, batch: &mut Vec<Job>) -> bool {
    let size = batch.len();
    let outcome = match run_plain(pool, batch).await {
        Ok(Some(results)) => Ok(results),
        // A job failed, and nothing was kept: each in a savepoint now.
        Ok(None) => run_in_savepoints(pool, batch).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(results) => {
            for (job, result) in batch.drain(..).zip(results) {
                let _ = job.reply.send(result);
            }
            true
        }
        Err(e) => {
            tracing::error!(error = %e, jobs = size, "a batch of writes could not be committed");
            for job in batch.drain(..) {
                let _ = job.reply.send(Err(failed("committing")));
            }
            false
        }
    }
}

/// The batch in one transaction as it is: every job's result once
/// committed, or `None` (rolled back) as soon as one job fails.
async fn run_plain(
    pool: &AnyPool,
    batch: &[Job],
) -> Result<Option<Vec<Result<Output, sqlx::Error>>>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let mut tx = conn.begin().await?;
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        match (job.work)(&mut tx).await {
            Ok(output) => results.push(Ok(output)),
            Err(e) => {
                tracing::debug!(error = %e, "a job failed; its batch runs again in savepoints");
                tx.rollback().await?;
                return Ok(None);
            }
        }
    }
    tx.commit().await?;
    Ok(Some(results))
}

/// The batch in one transaction, each job in a savepoint of its own.
async fn run_in_savepoints(
    pool: &AnyPool,
    batch: &[Job],
) -> Result<Vec<Result<Output, sqlx::Error>>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let mut tx = conn.begin().await?;
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        let mut savepoint = tx.begin().await?;
        let result = (job.work)(&mut savepoint).await;
        if result.is_ok() {
            savepoint.commit().await?;
        } else {
            savepoint.rollback().await?;
        }
        results.push(result);
    }
    tx.commit().await?;
    Ok(results)
}

fn failed(step: &str) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other(format!(
        "the batch of writes failed while {step}; nothing of it was stored"
    )))
}

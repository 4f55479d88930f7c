//! Storage. All SQL lives in this module, one file per aggregate; services
//! decide where transactions begin and end.
//!
//! One pool type serves both databases (`sqlx::Any`), so every query is
//! written once. The SQL used is the common ground of SQLite and PostgreSQL:
//! `$1` parameters, `RETURNING`, `ON CONFLICT`, integers for times (Unix
//! milliseconds) and text for JSON. Schema differences live only in the two
//! migration folders.

pub mod accessibility;
pub mod audit;
pub mod authoring;
pub mod case_events;
pub mod cases;
pub mod drafts;
pub mod feedback;
pub mod files;
pub mod forms;
pub mod integration;
pub mod notices;
pub mod outbox;
pub mod people;
pub mod sessions;
pub mod staff;
pub mod statistics;
pub mod writer;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// Where the writes a person waits for go (see `writer`).
    pub writer: writer::Writer,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot connect to the database ({url}): {source}")]
    Connect { url: String, source: sqlx::Error },
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Db {
    /// Connects to `url`, or to the embedded SQLite file under `data_dir`
    /// when there is none, and brings the schema up to date.
    pub async fn connect(url: Option<&str>, data_dir: &Path) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let url = match url {
            Some(url) => url.to_owned(),
            None => {
                std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
                    path: data_dir.display().to_string(),
                    source,
                })?;
                format!(
                    "sqlite://{}?mode=rwc",
                    data_dir.join("blankett.db").display()
                )
            }
        };
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let redacted = crate::config::redact_url(&url);
        let options = AnyConnectOptions::from_str(&url).map_err(|source| DbError::Connect {
            url: redacted.clone(),
            source,
        })?;
        let pool_options = match backend {
            // One writer at a time is what SQLite allows; a small pool keeps
            // readers concurrent in WAL mode without queueing on the lock.
            Backend::Sqlite => AnyPoolOptions::new()
                .max_connections(4)
                // A file in this process cannot drop a connection: no
                // round trip to test one before each use.
                .test_before_acquire(false)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        // Everything acknowledged to a person is on disk first.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = FULL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        Ok(())
                    })
                }),
            Backend::Postgres => AnyPoolOptions::new().max_connections(16),
        };
        let pool = pool_options
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|source| DbError::Connect {
                url: redacted,
                source,
            })?;
        let writer = writer::Writer::start(pool.clone());
        let db = Db {
            pool,
            backend,
            writer,
        };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> Result<(), DbError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// Whether the database answers: the readiness check.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}

/// Milliseconds since the Unix epoch, as stored.
pub fn now_millis() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

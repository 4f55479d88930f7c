//! tower-sessions' store over Blankett's database: SQLite or PostgreSQL
//! alike, writes through the group-commit writer.

use crate::db::{self, Db};
use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};
use tower_sessions::SessionStore;

#[derive(Clone)]
pub struct DbStore {
    db: Db,
}

impl std::fmt::Debug for DbStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbStore")
    }
}

impl DbStore {
    pub fn new(db: Db) -> Self {
        DbStore { db }
    }

    /// Deletes sessions that have run out; gives how many went.
    pub async fn sweep(&self, now: i64) -> std::result::Result<u64, sqlx::Error> {
        self.db
            .writer
            .write(move |conn| {
                Box::pin(async move { db::sessions::delete_expired(conn, now).await })
            })
            .await
    }
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

fn millis(record: &Record) -> i64 {
    i64::try_from(record.expiry_date.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

#[async_trait]
impl SessionStore for DbStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(backend)?;
        let expires_at = millis(record);
        // A new random id until one is free (a clash of 128-bit ids is
        // all but impossible).
        loop {
            let id = record.id.to_string();
            let data = data.clone();
            let inserted = self
                .db
                .writer
                .write(move |conn| {
                    let (id, data) = (id.clone(), data.clone());
                    Box::pin(
                        async move { db::sessions::insert(conn, &id, &data, expires_at).await },
                    )
                })
                .await
                .map_err(backend)?;
            if inserted {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let id = record.id.to_string();
        let data = serde_json::to_string(&record.data).map_err(backend)?;
        let expires_at = millis(record);
        self.db
            .writer
            .write(move |conn| {
                let (id, data) = (id.clone(), data.clone());
                Box::pin(async move { db::sessions::save(conn, &id, &data, expires_at).await })
            })
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let found = db::sessions::load(&self.db.pool, &id.to_string(), db::now_millis())
            .await
            .map_err(backend)?;
        let Some((data, expires_at)) = found else {
            return Ok(None);
        };
        // Data that cannot be read (it never should) is no session.
        let Ok(data) = serde_json::from_str(&data) else {
            return Ok(None);
        };
        let expiry_date =
            time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(expires_at) * 1_000_000)
                .map_err(backend)?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        let id = id.to_string();
        self.db
            .writer
            .write(move |conn| {
                let id = id.clone();
                Box::pin(async move { db::sessions::delete(conn, &id).await })
            })
            .await
            .map_err(backend)
    }
}

//! Where the contents of attached files live. Metadata (name, type, size,
//! the submission a file belongs to) is in the database (`db::files`); the
//! bytes are in a [`FileStore`]: the filesystem under the data directory by
//! default. An S3-compatible store can implement the same trait later.

use std::future::Future;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;

pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

/// Stores file contents by id. Ids are made by the server (hex tokens), never
/// taken from a request.
pub trait FileStore: Send + Sync {
    /// Stores `content` durably under `id`: when this returns, the bytes
    /// survive a crash.
    fn put<'a>(&'a self, id: &'a str, content: &'a [u8]) -> StoreFuture<'a, ()>;
    /// The contents stored under `id`, if any.
    fn get<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<Vec<u8>>>;
    /// Removes the contents stored under `id`; removing what is not there
    /// is not an error.
    fn delete<'a>(&'a self, id: &'a str) -> StoreFuture<'a, ()>;
}

/// Files in a folder: `<root>/<first two characters of the id>/<id>`.
pub struct LocalFiles {
    root: PathBuf,
}

impl LocalFiles {
    pub fn new(root: PathBuf) -> Self {
        LocalFiles { root }
    }

    /// The path of `id`, or `None` for an id that is not a plain token (so
    /// no id can reach outside the folder).
    fn path(&self, id: &str) -> Option<PathBuf> {
        if id.len() < 3 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        Some(self.root.join(&id[..2]).join(id))
    }
}

fn invalid(id: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a file id: {id:?}"),
    )
}

impl FileStore for LocalFiles {
    fn put<'a>(&'a self, id: &'a str, content: &'a [u8]) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            use tokio::io::AsyncWriteExt;
            let path = self.path(id).ok_or_else(|| invalid(id))?;
            let folder = path.parent().ok_or_else(|| invalid(id))?.to_path_buf();
            tokio::fs::create_dir_all(&folder).await?;
            // Written aside, flushed to disk, then moved into place: a file
            // is either whole or not there.
            let partial = folder.join(format!(".{id}.partial"));
            let mut file = tokio::fs::File::create(&partial).await?;
            file.write_all(content).await?;
            file.sync_all().await?;
            drop(file);
            tokio::fs::rename(&partial, &path).await?;
            tokio::fs::File::open(&folder).await?.sync_all().await?;
            Ok(())
        })
    }

    fn get<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            let Some(path) = self.path(id) else {
                return Ok(None);
            };
            match tokio::fs::read(path).await {
                Ok(content) => Ok(Some(content)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn delete<'a>(&'a self, id: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let Some(path) = self.path(id) else {
                return Ok(());
            };
            match tokio::fs::remove_file(path).await {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{FileStore, LocalFiles};

    #[tokio::test]
    async fn contents_come_back_and_ids_cannot_escape() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let store = LocalFiles::new(dir.path().join("files"));
        store.put("abc123", b"photo").await.expect("stored");
        assert_eq!(
            store.get("abc123").await.expect("read"),
            Some(b"photo".to_vec())
        );
        assert!(dir.path().join("files/ab/abc123").is_file());
        assert_eq!(store.get("abc999").await.expect("read"), None);
        assert!(store.put("../x", b"no").await.is_err());
        assert_eq!(store.get("../../etc/passwd").await.expect("read"), None);
        store.delete("abc123").await.expect("deleted");
        assert_eq!(store.get("abc123").await.expect("read"), None);
        store
            .delete("abc123")
            .await
            .expect("deleting twice is fine");
        store
            .delete("../x")
            .await
            .expect("nothing outside is touched");
    }
}

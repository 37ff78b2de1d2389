//! SQLite storage: one connection behind a mutex (every query is short and none is held
//! across an await), cached prepared statements, and a folder for file contents, each held
//! by one server at a time through a lock file.

mod files;
mod replays;
mod responses;
mod schema;
mod threads;
mod users;

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

pub use files::{FileFilter, FileRow, NewFile};
pub use replays::Replay;
pub use responses::{CancelOutcome, NewResponse, ResponseFilter, ResponseRow};
pub use threads::ThreadRow;
pub use users::{UserChanges, UserRow};

/// The data of every tenant.
pub struct Store {
    conn: Mutex<Connection>,
    blobs: PathBuf,
    /// A blob folder the server made for an in-memory database and removes when it stops.
    temporary_blobs: bool,
    /// Held while the server runs (the OS lets go of it when the process ends, however it
    /// ends, and `release` at a shutdown), with the path of its file.
    lock: Mutex<Option<File>>,
    lock_path: PathBuf,
}

impl Store {
    /// Opens `db` (creating the schema), or an in-memory database when `db` is `None`.
    ///
    /// A database another server has open is refused: that server's running responses would
    /// be failed as interrupted, and a reset of either would wipe the other's files.
    pub fn open(db: Option<&Path>) -> std::io::Result<Self> {
        let (conn, blobs, temporary_blobs, lock_path, lock) = match db {
            Some(path) => {
                let lock_path = suffixed(path, ".lock");
                let lock = hold(&lock_path).map_err(|err| match err.kind() {
                    std::io::ErrorKind::WouldBlock => std::io::Error::other(format!(
                        "another lumnis-local has {} open",
                        path.display()
                    )),
                    _ => err,
                })?;
                let conn = Connection::open(path).map_err(to_io)?;
                conn.pragma_update(None, "journal_mode", "WAL")
                    .map_err(to_io)?;
                conn.pragma_update(None, "synchronous", "NORMAL")
                    .map_err(to_io)?;
                (conn, suffixed(path, ".files"), false, lock_path, lock)
            }
            None => {
                let temp = std::env::temp_dir();
                sweep_abandoned(&temp);
                let name = format!("{TEMP_PREFIX}{}", crate::ids::new_uuid().simple());
                let lock_path = temp.join(format!("{name}.lock"));
                let lock = hold(&lock_path)?;
                let conn = Connection::open_in_memory().map_err(to_io)?;
                (conn, temp.join(name), true, lock_path, lock)
            }
        };
        std::fs::create_dir_all(&blobs)?;
        conn.execute_batch(schema::SCHEMA).map_err(to_io)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Self {
            conn: Mutex::new(conn),
            blobs,
            temporary_blobs,
            lock: Mutex::new(Some(lock)),
            lock_path,
        })
    }

    /// Lets another server open this database: called when the server has stopped, since
    /// tasks of the old one (a file's processing) may keep the store alive a moment longer.
    pub fn release(&self) {
        self.lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
    }

    /// Whether the data is in a file (`--db`), kept across restarts.
    fn on_disk(&self) -> bool {
        !self.temporary_blobs
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .expect("storage mutex poisoned by a panicking request")
    }

    /// Where the bytes of file `name` live.
    pub fn blob_path(&self, name: &str) -> PathBuf {
        self.blobs.join(name)
    }

    /// Deletes every row of every tenant and every stored file.
    pub fn reset(&self) -> rusqlite::Result<()> {
        self.lock().execute_batch(schema::CLEAR)?;
        if let Ok(entries) = std::fs::read_dir(&self.blobs) {
            for entry in entries.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Ok(())
    }

    /// Fails responses that were running when the server last stopped: their agent is gone.
    pub fn interrupt_unfinished(&self) -> rusqlite::Result<usize> {
        let error = r#"{"code":"INTERRUPTED","message":"The server stopped while it ran"}"#;
        self.lock().execute(
            "UPDATE responses SET status = 'failed', error = ?1, completed_at = ?2 \
             WHERE status IN ('queued', 'in_progress')",
            rusqlite::params![error, crate::time::now()],
        )
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        if self.temporary_blobs {
            let _ = std::fs::remove_dir_all(&self.blobs);
            let _ = std::fs::remove_file(&self.lock_path);
        }
    }
}

/// The start of the names of in-memory servers' blob folders in the temp folder.
const TEMP_PREFIX: &str = "lumnis-local-";

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates or opens the lock file at `path` and takes its exclusive lock; `WouldBlock` when
/// another process holds it.
fn hold(path: &Path) -> std::io::Result<File> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(std::io::ErrorKind::WouldBlock.into()),
        Err(TryLockError::Error(err)) => Err(err),
    }
}

/// Removes the blob folders of in-memory servers that ended without removing them (killed,
/// or crashed): a folder whose lock file no process holds any more.
fn sweep_abandoned(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(stem) = name
            .to_str()
            .filter(|n| n.starts_with(TEMP_PREFIX))
            .and_then(|n| n.strip_suffix(".lock"))
        else {
            continue;
        };
        if let Ok(_held) = hold(&entry.path()) {
            let _ = std::fs::remove_dir_all(temp.join(stem));
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn to_io(err: rusqlite::Error) -> std::io::Error {
    std::io::Error::other(err)
}

/// Reads an optional JSON text column.
fn json_column(text: Option<String>) -> serde_json::Value {
    text.and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(serde_json::Value::Null)
}

/// Turns an optional JSON value into a column (SQL NULL for JSON null).
fn json_text(value: &serde_json::Value) -> Option<String> {
    (!value.is_null()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_killed_servers_blob_folder_is_swept_and_a_running_ones_kept() {
        let temp = std::env::temp_dir().join(format!("sweep-{}", crate::ids::new_uuid()));
        std::fs::create_dir_all(&temp).unwrap();
        for name in ["lumnis-local-dead", "lumnis-local-alive"] {
            std::fs::create_dir_all(temp.join(name)).unwrap();
            std::fs::write(temp.join(name).join("blob"), b"bytes").unwrap();
            std::fs::write(temp.join(format!("{name}.lock")), b"").unwrap();
        }
        let _alive = hold(&temp.join("lumnis-local-alive.lock")).unwrap();

        sweep_abandoned(&temp);
        assert!(!temp.join("lumnis-local-dead").exists());
        assert!(!temp.join("lumnis-local-dead.lock").exists());
        assert!(temp.join("lumnis-local-alive").join("blob").exists());
        let _ = std::fs::remove_dir_all(temp);
    }
}

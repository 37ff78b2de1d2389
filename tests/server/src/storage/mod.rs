//! SQLite storage: one connection behind a mutex (every query is short and none is held
//! across an await), cached prepared statements, and a folder for file contents.

mod files;
mod responses;
mod schema;
mod threads;
mod users;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

pub use files::{FileFilter, FileRow, NewFile};
pub use responses::{CancelOutcome, NewResponse, ResponseFilter, ResponseRow};
pub use threads::ThreadRow;
pub use users::{UserChanges, UserRow};

/// The data of every tenant.
pub struct Store {
    conn: Mutex<Connection>,
    blobs: PathBuf,
    /// A blob folder the server made for an in-memory database and removes when it stops.
    temporary_blobs: bool,
}

impl Store {
    /// Opens `db` (creating the schema), or an in-memory database when `db` is `None`.
    pub fn open(db: Option<&Path>) -> std::io::Result<Self> {
        let (conn, blobs, temporary_blobs) = match db {
            Some(path) => {
                let conn = Connection::open(path).map_err(to_io)?;
                conn.pragma_update(None, "journal_mode", "WAL")
                    .map_err(to_io)?;
                conn.pragma_update(None, "synchronous", "NORMAL")
                    .map_err(to_io)?;
                let mut blobs = path.as_os_str().to_owned();
                blobs.push(".files");
                (conn, PathBuf::from(blobs), false)
            }
            None => {
                let conn = Connection::open_in_memory().map_err(to_io)?;
                let name = format!("lumnis-local-{}", crate::ids::new_uuid().simple());
                (conn, std::env::temp_dir().join(name), true)
            }
        };
        std::fs::create_dir_all(&blobs)?;
        conn.execute_batch(schema::SCHEMA).map_err(to_io)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Self {
            conn: Mutex::new(conn),
            blobs,
            temporary_blobs,
        })
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

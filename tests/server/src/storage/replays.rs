//! Idempotency replays of a `--db` server, so that a key used before a restart is answered
//! with its stored reply after it too.

use axum::body::Bytes;
use axum::http::StatusCode;
use rusqlite::params;
use uuid::Uuid;

use super::Store;
use crate::idempotency::Stored;

/// A stored replay: the tenant and key, the request's fingerprint, the reply.
pub type Replay = ((Uuid, String), [u8; 32], Stored);

impl Store {
    /// Keeps the reply of a first use of `key`, when the data is on disk.
    pub fn replay_save(
        &self,
        tenant: Uuid,
        key: &str,
        fingerprint: [u8; 32],
        stored: &Stored,
    ) -> rusqlite::Result<()> {
        if !self.on_disk() {
            return Ok(());
        }
        self.lock()
            .prepare_cached(
                "INSERT OR REPLACE INTO replays \
                 (tenant_id, key, fingerprint, status, content_type, body) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                tenant.to_string(),
                key,
                fingerprint.as_slice(),
                stored.status.as_u16(),
                stored.content_type,
                stored.body.as_ref(),
            ])?;
        Ok(())
    }

    /// Every kept replay; a row that no longer reads is left out.
    pub fn replays(&self) -> rusqlite::Result<Vec<Replay>> {
        let conn = self.lock();
        let mut statement = conn.prepare(
            "SELECT tenant_id, key, fingerprint, status, content_type, body FROM replays",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Vec<u8>>(2)?,
                row.get::<_, u16>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, Vec<u8>>(5)?,
            ))
        })?;
        let mut replays = Vec::new();
        for row in rows {
            let (tenant, key, fingerprint, status, content_type, body) = row?;
            let (Ok(tenant), Ok(fingerprint), Ok(status)) = (
                Uuid::parse_str(&tenant),
                <[u8; 32]>::try_from(fingerprint),
                StatusCode::from_u16(status),
            ) else {
                continue;
            };
            let stored = Stored {
                status,
                content_type,
                body: Bytes::from(body),
            };
            replays.push(((tenant, key), fingerprint, stored));
        }
        Ok(replays)
    }
}

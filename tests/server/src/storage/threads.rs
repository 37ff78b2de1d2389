//! Threads: a conversation that responses are added to, possibly by several users.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use uuid::Uuid;

use super::responses::{read_response, RESPONSE_COLUMNS};
use super::{ResponseRow, Store};
use crate::time;

/// A thread as the wire shows it.
#[derive(Debug, Serialize)]
pub struct ThreadRow {
    pub thread_id: String,
    pub tenant_id: String,
    pub user_id: Option<String>,
    pub title: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub response_count: i64,
    pub last_response_at: Option<String>,
}

const SELECT: &str = "SELECT t.id, t.tenant_id, t.user_id, t.title, t.created_at, t.updated_at, \
    (SELECT COUNT(*) FROM responses r WHERE r.thread_id = t.id), \
    (SELECT MAX(r.created_at) FROM responses r WHERE r.thread_id = t.id) FROM threads t";

fn read(row: &Row<'_>) -> rusqlite::Result<ThreadRow> {
    Ok(ThreadRow {
        thread_id: row.get(0)?,
        tenant_id: row.get(1)?,
        user_id: row.get(2)?,
        title: row.get(3)?,
        created_at: row.get(4)?,
        updated_at: row.get(5)?,
        response_count: row.get(6)?,
        last_response_at: row.get(7)?,
    })
}

impl Store {
    pub fn thread_create(
        &self,
        tenant: Uuid,
        user: Option<Uuid>,
        title: Option<&str>,
    ) -> rusqlite::Result<ThreadRow> {
        let id = crate::ids::new_uuid();
        let now = time::now();
        self.lock()
            .prepare_cached(
                "INSERT INTO threads (id, tenant_id, user_id, title, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?
            .execute(params![
                id.to_string(),
                tenant.to_string(),
                user.map(|u| u.to_string()),
                title,
                now
            ])?;
        self.thread_get(tenant, id)?
            .ok_or(rusqlite::Error::QueryReturnedNoRows)
    }

    pub fn thread_get(&self, tenant: Uuid, id: Uuid) -> rusqlite::Result<Option<ThreadRow>> {
        self.lock()
            .prepare_cached(&format!("{SELECT} WHERE t.id = ?1 AND t.tenant_id = ?2"))?
            .query_row(params![id.to_string(), tenant.to_string()], read)
            .optional()
    }

    /// Newest first; with `user`, the threads it created or wrote a response in.
    pub fn thread_list(
        &self,
        tenant: Uuid,
        user: Option<Uuid>,
        limit: i64,
        offset: i64,
    ) -> rusqlite::Result<(Vec<ThreadRow>, i64)> {
        let filter = "t.tenant_id = ?1 AND (?2 IS NULL OR t.user_id = ?2 OR EXISTS \
            (SELECT 1 FROM responses r WHERE r.thread_id = t.id AND r.user_id = ?2))";
        let conn = self.lock();
        let tenant = tenant.to_string();
        let user = user.map(|u| u.to_string());
        let total = conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM threads t WHERE {filter}"))?
            .query_row(params![tenant, user], |r| r.get(0))?;
        let threads = conn
            .prepare_cached(&format!(
                "{SELECT} WHERE {filter} ORDER BY t.created_at DESC, t.seq DESC \
                 LIMIT ?3 OFFSET ?4"
            ))?
            .query_map(params![tenant, user, limit, offset], read)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((threads, total))
    }

    pub fn thread_set_title(
        &self,
        tenant: Uuid,
        id: Uuid,
        title: Option<&str>,
    ) -> rusqlite::Result<Option<ThreadRow>> {
        self.lock()
            .prepare_cached(
                "UPDATE threads SET title = COALESCE(?3, title), updated_at = ?4 \
                 WHERE id = ?1 AND tenant_id = ?2",
            )?
            .execute(params![
                id.to_string(),
                tenant.to_string(),
                title,
                time::now()
            ])?;
        self.thread_get(tenant, id)
    }

    /// Deletes a thread with its responses and their feedback; `None` when there is no such
    /// thread, else the ids of the responses deleted (their agents must stop).
    pub fn thread_delete(&self, tenant: Uuid, id: Uuid) -> rusqlite::Result<Option<Vec<Uuid>>> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let (id, tenant) = (id.to_string(), tenant.to_string());
        let gone = tx.execute(
            "DELETE FROM threads WHERE id = ?1 AND tenant_id = ?2",
            params![id, tenant],
        )?;
        let mut responses = Vec::new();
        if gone > 0 {
            let ids: Vec<String> = tx
                .prepare("SELECT id FROM responses WHERE thread_id = ?1")?
                .query_map(params![id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            responses = ids
                .iter()
                .filter_map(|id| Uuid::parse_str(id).ok())
                .collect();
            tx.execute(
                "DELETE FROM feedback WHERE response_id IN \
                 (SELECT id FROM responses WHERE thread_id = ?1)",
                params![id],
            )?;
            tx.execute("DELETE FROM responses WHERE thread_id = ?1", params![id])?;
        }
        tx.commit()?;
        Ok((gone > 0).then_some(responses))
    }

    /// The thread's responses oldest first, or `None` when the thread does not exist.
    pub fn thread_responses(
        &self,
        tenant: Uuid,
        id: Uuid,
        limit: i64,
        offset: i64,
    ) -> rusqlite::Result<Option<Vec<ResponseRow>>> {
        if self.thread_get(tenant, id)?.is_none() {
            return Ok(None);
        }
        let rows = self
            .lock()
            .prepare_cached(&format!(
                "SELECT {RESPONSE_COLUMNS} FROM responses WHERE thread_id = ?1 \
                 ORDER BY seq LIMIT ?2 OFFSET ?3"
            ))?
            .query_map(params![id.to_string(), limit, offset], read_response)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(rows))
    }
}

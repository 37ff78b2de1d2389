//! Responses (agent runs) and their feedback.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::{json_column, json_text, Store};
use crate::time;

/// A response as the wire shows it.
#[derive(Debug, Serialize)]
pub struct ResponseRow {
    pub response_id: String,
    pub thread_id: String,
    pub tenant_id: String,
    pub user_id: Option<String>,
    pub status: String,
    pub progress: Value,
    pub input_messages: Value,
    pub output_text: Option<String>,
    pub structured_response: Value,
    pub artifacts: Value,
    pub error: Value,
    pub options: Value,
    pub response_title: Option<String>,
    pub created_at: String,
    pub completed_at: Option<String>,
}

impl ResponseRow {
    pub fn is_final(&self) -> bool {
        is_final(&self.status)
    }
}

/// Whether a status ends a response.
pub fn is_final(status: &str) -> bool {
    matches!(status, "succeeded" | "failed" | "cancelled")
}

/// What a create stores.
pub struct NewResponse {
    pub id: Uuid,
    pub tenant: Uuid,
    pub thread: Uuid,
    pub user: Option<Uuid>,
    pub input_messages: Value,
    pub options: Value,
    pub title: Option<String>,
}

/// Filters of the response list.
#[derive(Debug, Default)]
pub struct ResponseFilter {
    pub user: Option<Uuid>,
    pub status: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// What a cancel found.
pub enum CancelOutcome {
    Cancelled,
    AlreadyFinal(String),
}

pub(super) const RESPONSE_COLUMNS: &str = "id, thread_id, tenant_id, user_id, status, progress, \
    input_messages, output_text, structured_response, artifacts, error, options, response_title, \
    created_at, completed_at";

pub(super) fn read_response(row: &Row<'_>) -> rusqlite::Result<ResponseRow> {
    Ok(ResponseRow {
        response_id: row.get(0)?,
        thread_id: row.get(1)?,
        tenant_id: row.get(2)?,
        user_id: row.get(3)?,
        status: row.get(4)?,
        progress: json_column(row.get(5)?),
        input_messages: json_column(row.get(6)?),
        output_text: row.get(7)?,
        structured_response: json_column(row.get(8)?),
        artifacts: json_column(row.get(9)?),
        error: json_column(row.get(10)?),
        options: json_column(row.get(11)?),
        response_title: row.get(12)?,
        created_at: row.get(13)?,
        completed_at: row.get(14)?,
    })
}

impl Store {
    pub fn response_insert(&self, new: &NewResponse) -> rusqlite::Result<String> {
        let now = time::now();
        let conn = self.lock();
        conn.prepare_cached(
            "INSERT INTO responses (id, tenant_id, thread_id, user_id, status, progress, \
             input_messages, artifacts, options, response_title, created_at) \
             VALUES (?1, ?2, ?3, ?4, 'queued', '[]', ?5, '[]', ?6, ?7, ?8)",
        )?
        .execute(params![
            new.id.to_string(),
            new.tenant.to_string(),
            new.thread.to_string(),
            new.user.map(|u| u.to_string()),
            new.input_messages.to_string(),
            new.options.to_string(),
            new.title,
            now
        ])?;
        conn.prepare_cached("UPDATE threads SET updated_at = ?2 WHERE id = ?1")?
            .execute(params![new.thread.to_string(), now])?;
        Ok(now)
    }

    pub fn response_get(&self, tenant: Uuid, id: Uuid) -> rusqlite::Result<Option<ResponseRow>> {
        self.lock()
            .prepare_cached(&format!(
                "SELECT {RESPONSE_COLUMNS} FROM responses WHERE id = ?1 AND tenant_id = ?2"
            ))?
            .query_row(params![id.to_string(), tenant.to_string()], read_response)
            .optional()
    }

    /// Newest first.
    pub fn response_list(
        &self,
        tenant: Uuid,
        filter: &ResponseFilter,
        limit: i64,
        offset: i64,
    ) -> rusqlite::Result<(Vec<ResponseRow>, i64)> {
        let clause = "tenant_id = ?1 AND (?2 IS NULL OR user_id = ?2) \
            AND (?3 IS NULL OR status = ?3) AND (?4 IS NULL OR created_at >= ?4) \
            AND (?5 IS NULL OR created_at <= ?5)";
        let conn = self.lock();
        let user = filter.user.map(|u| u.to_string());
        let args = params![
            tenant.to_string(),
            user,
            filter.status,
            filter.start,
            filter.end
        ];
        let total = conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM responses WHERE {clause}"))?
            .query_row(args, |r| r.get(0))?;
        let rows = conn
            .prepare_cached(&format!(
                "SELECT {RESPONSE_COLUMNS} FROM responses WHERE {clause} \
                 ORDER BY created_at DESC, seq DESC LIMIT ?6 OFFSET ?7"
            ))?
            .query_map(
                params![
                    tenant.to_string(),
                    user,
                    filter.status,
                    filter.start,
                    filter.end,
                    limit,
                    offset
                ],
                read_response,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((rows, total))
    }

    /// Writes the agent's progress while the response is still running; `false` once it is
    /// final (cancelled), which tells the agent to stop.
    pub fn response_progress(
        &self,
        id: Uuid,
        status: &str,
        progress: &Value,
    ) -> rusqlite::Result<bool> {
        let changed = self
            .lock()
            .prepare_cached(
                "UPDATE responses SET status = ?2, progress = ?3 \
                 WHERE id = ?1 AND status IN ('queued', 'in_progress')",
            )?
            .execute(params![id.to_string(), status, progress.to_string()])?;
        Ok(changed > 0)
    }

    /// Ends a running response.
    pub fn response_finish(
        &self,
        id: Uuid,
        status: &str,
        output_text: Option<&str>,
        structured: &Value,
        error: &Value,
    ) -> rusqlite::Result<bool> {
        let changed = self
            .lock()
            .prepare_cached(
                "UPDATE responses SET status = ?2, output_text = ?3, structured_response = ?4, \
                 error = ?5, completed_at = ?6 \
                 WHERE id = ?1 AND status IN ('queued', 'in_progress')",
            )?
            .execute(params![
                id.to_string(),
                status,
                output_text,
                json_text(structured),
                json_text(error),
                time::now()
            ])?;
        Ok(changed > 0)
    }

    /// Cancels a running response; `None` when there is no such response.
    pub fn response_cancel(
        &self,
        tenant: Uuid,
        id: Uuid,
    ) -> rusqlite::Result<Option<CancelOutcome>> {
        let conn = self.lock();
        let status: Option<String> = conn
            .prepare_cached("SELECT status FROM responses WHERE id = ?1 AND tenant_id = ?2")?
            .query_row(params![id.to_string(), tenant.to_string()], |r| r.get(0))
            .optional()?;
        let Some(status) = status else {
            return Ok(None);
        };
        if is_final(&status) {
            return Ok(Some(CancelOutcome::AlreadyFinal(status)));
        }
        conn.prepare_cached(
            "UPDATE responses SET status = 'cancelled', completed_at = ?2 WHERE id = ?1",
        )?
        .execute(params![id.to_string(), time::now()])?;
        Ok(Some(CancelOutcome::Cancelled))
    }

    /// Stores one feedback object (already shaped for the wire).
    pub fn feedback_insert(
        &self,
        tenant: Uuid,
        response: Uuid,
        id: Uuid,
        body: &Value,
        created_at: &str,
    ) -> rusqlite::Result<()> {
        self.lock()
            .prepare_cached(
                "INSERT INTO feedback (id, tenant_id, response_id, body, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                id.to_string(),
                tenant.to_string(),
                response.to_string(),
                body.to_string(),
                created_at
            ])?;
        Ok(())
    }

    pub fn feedback_list(&self, tenant: Uuid, response: Uuid) -> rusqlite::Result<Vec<Value>> {
        self.lock()
            .prepare_cached(
                "SELECT body FROM feedback WHERE tenant_id = ?1 AND response_id = ?2 ORDER BY seq",
            )?
            .query_map(params![tenant.to_string(), response.to_string()], |r| {
                Ok(json_column(r.get(0)?))
            })?
            .collect()
    }
}

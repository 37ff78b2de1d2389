//! File records; the bytes live in the blob folder under the file's id.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use uuid::Uuid;

use super::Store;
use crate::time;

/// A file as the wire shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FileRow {
    pub id: String,
    pub tenant_id: String,
    pub user_id: Option<String>,
    pub file_name: String,
    pub original_file_name: String,
    pub file_type: String,
    pub mime_type: String,
    pub file_size: i64,
    pub file_scope: String,
    pub blob_url: String,
    pub processing_status: String,
    pub error_message: Option<String>,
    pub total_chunks: i64,
    pub chunks_embedded: i64,
    pub tags: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

impl FileRow {
    /// A user-scoped file is visible only to requests naming its user.
    pub fn visible_to(&self, user: Option<Uuid>) -> bool {
        self.file_scope == "tenant" || user.map(|u| u.to_string()) == self.user_id
    }
}

/// What an upload stores.
pub struct NewFile {
    pub id: Uuid,
    pub tenant: Uuid,
    pub user: Option<Uuid>,
    pub file_name: String,
    pub original_file_name: String,
    pub mime_type: String,
    pub size: i64,
    pub scope: String,
    pub tags: Vec<String>,
}

/// Filters of the file list.
#[derive(Debug, Default)]
pub struct FileFilter {
    pub user: Option<Uuid>,
    pub scope: Option<String>,
    pub file_type: Option<String>,
    pub status: Option<String>,
    pub tags: Option<Vec<String>>,
}

const COLUMNS: &str = "id, tenant_id, user_id, file_name, original_file_name, file_type, \
    mime_type, file_size, file_scope, processing_status, error_message, total_chunks, \
    chunks_embedded, tags, created_at, updated_at, deleted_at";

fn read(row: &Row<'_>) -> rusqlite::Result<FileRow> {
    let id: String = row.get(0)?;
    let tags: String = row.get(13)?;
    Ok(FileRow {
        blob_url: format!("local://files/{id}"),
        id,
        tenant_id: row.get(1)?,
        user_id: row.get(2)?,
        file_name: row.get(3)?,
        original_file_name: row.get(4)?,
        file_type: row.get(5)?,
        mime_type: row.get(6)?,
        file_size: row.get(7)?,
        file_scope: row.get(8)?,
        processing_status: row.get(9)?,
        error_message: row.get(10)?,
        total_chunks: row.get(11)?,
        chunks_embedded: row.get(12)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
        deleted_at: row.get(16)?,
    })
}

/// The type a file name implies: its extension in lower case.
pub fn file_type(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_lowercase(),
        _ => String::new(),
    }
}

/// Chunks a file of `size` bytes is split into for embedding: one per started kilobyte.
pub fn chunks_for(size: i64) -> i64 {
    (size + 999) / 1000
}

impl Store {
    pub fn file_insert(&self, new: &NewFile) -> rusqlite::Result<FileRow> {
        let now = time::now();
        let tags = serde_json::to_string(&new.tags).unwrap_or_else(|_| "[]".to_owned());
        self.lock()
            .prepare_cached(
                "INSERT INTO files (id, tenant_id, user_id, file_name, original_file_name, \
                 file_type, mime_type, file_size, file_scope, processing_status, total_chunks, \
                 chunks_embedded, tags, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending', ?10, 0, ?11, ?12, ?12)",
            )?
            .execute(params![
                new.id.to_string(),
                new.tenant.to_string(),
                new.user.map(|u| u.to_string()),
                new.file_name,
                new.original_file_name,
                file_type(&new.file_name),
                new.mime_type,
                new.size,
                new.scope,
                chunks_for(new.size),
                tags,
                now
            ])?;
        self.file_get(new.tenant, new.id)?
            .ok_or(rusqlite::Error::QueryReturnedNoRows)
    }

    /// A file that is not deleted, whoever it belongs to in the tenant.
    pub fn file_get(&self, tenant: Uuid, id: Uuid) -> rusqlite::Result<Option<FileRow>> {
        self.lock()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM files WHERE id = ?1 AND tenant_id = ?2 \
                 AND deleted_at IS NULL"
            ))?
            .query_row(params![id.to_string(), tenant.to_string()], read)
            .optional()
    }

    /// A live file of that name in the same scope (and user, for user scope).
    pub fn file_find_name(
        &self,
        tenant: Uuid,
        user: Option<Uuid>,
        name: &str,
    ) -> rusqlite::Result<Option<FileRow>> {
        self.lock()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM files WHERE tenant_id = ?1 AND file_name = ?3 \
                 AND deleted_at IS NULL AND ((?2 IS NULL AND file_scope = 'tenant') \
                 OR (file_scope = 'user' AND user_id = ?2))"
            ))?
            .query_row(
                params![tenant.to_string(), user.map(|u| u.to_string()), name],
                read,
            )
            .optional()
    }

    /// Newest first: tenant files, plus the named user's files.
    pub fn file_list(
        &self,
        tenant: Uuid,
        filter: &FileFilter,
        limit: i64,
        offset: i64,
    ) -> rusqlite::Result<(Vec<FileRow>, i64)> {
        let clause = "tenant_id = ?1 AND deleted_at IS NULL \
            AND (file_scope = 'tenant' OR (file_scope = 'user' AND user_id = ?2)) \
            AND (?3 IS NULL OR file_scope = ?3) AND (?4 IS NULL OR file_type = ?4) \
            AND (?5 IS NULL OR processing_status = ?5) AND (?6 IS NULL OR EXISTS \
            (SELECT 1 FROM json_each(files.tags) t WHERE t.value IN \
            (SELECT value FROM json_each(?6))))";
        let conn = self.lock();
        let tags = filter
            .tags
            .as_ref()
            .map(|t| serde_json::Value::from(t.clone()).to_string());
        let user = filter.user.map(|u| u.to_string());
        let tenant = tenant.to_string();
        let total = conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM files WHERE {clause}"))?
            .query_row(
                params![
                    tenant,
                    user,
                    filter.scope,
                    filter.file_type,
                    filter.status,
                    tags
                ],
                |r| r.get(0),
            )?;
        let rows = conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM files WHERE {clause} \
                 ORDER BY created_at DESC, seq DESC LIMIT ?7 OFFSET ?8"
            ))?
            .query_map(
                params![
                    tenant,
                    user,
                    filter.scope,
                    filter.file_type,
                    filter.status,
                    tags,
                    limit,
                    offset
                ],
                read,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((rows, total))
    }

    /// New bytes for an existing file (duplicate handling `replace`): processing restarts.
    pub fn file_replace(&self, id: Uuid, size: i64, mime: &str) -> rusqlite::Result<()> {
        self.lock()
            .prepare_cached(
                "UPDATE files SET file_size = ?2, mime_type = ?3, processing_status = 'pending', \
                 total_chunks = ?4, chunks_embedded = 0, updated_at = ?5 WHERE id = ?1",
            )?
            .execute(params![
                id.to_string(),
                size,
                mime,
                chunks_for(size),
                time::now()
            ])?;
        Ok(())
    }

    /// Marks processing done: every chunk embedded.
    pub fn file_complete(&self, id: Uuid) -> rusqlite::Result<()> {
        self.lock()
            .prepare_cached(
                "UPDATE files SET processing_status = 'completed', \
                 chunks_embedded = total_chunks, updated_at = ?2 \
                 WHERE id = ?1 AND processing_status = 'pending'",
            )?
            .execute(params![id.to_string(), time::now()])?;
        Ok(())
    }

    /// Soft delete (hidden from every call) or hard delete (row gone).
    pub fn file_delete(&self, id: Uuid, hard: bool) -> rusqlite::Result<()> {
        let conn = self.lock();
        if hard {
            conn.prepare_cached("DELETE FROM files WHERE id = ?1")?
                .execute(params![id.to_string()])?;
        } else {
            let now = time::now();
            conn.prepare_cached("UPDATE files SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1")?
                .execute(params![id.to_string(), now])?;
        }
        Ok(())
    }
}

//! Users: upsert by case-insensitive email, soft delete, ordered pages.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::{json_column, json_text, Store};
use crate::time;

/// A user as the wire shows it.
#[derive(Debug, Serialize)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub tenant_id: String,
    pub is_active: bool,
    pub created_at: String,
    pub updated_at: String,
    pub metadata: Value,
}

/// Fields a create or update may set; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct UserChanges {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub metadata: Option<Value>,
}

/// A user query as a literal, so the hot lookups build no SQL string per call.
macro_rules! select_users {
    ($rest:literal) => {
        concat!(
            "SELECT id, email, first_name, last_name, tenant_id, is_active, created_at, \
             updated_at, metadata FROM users WHERE ",
            $rest
        )
    };
}

fn read(row: &Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        id: row.get(0)?,
        email: row.get(1)?,
        first_name: row.get(2)?,
        last_name: row.get(3)?,
        tenant_id: row.get(4)?,
        is_active: row.get(5)?,
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
        metadata: json_column(row.get(8)?),
    })
}

/// The comparison key of an email: Unicode lower case.
pub fn email_key(email: &str) -> String {
    email.to_lowercase()
}

impl Store {
    /// Returns the user with this email, creating it when there is none (`true`).
    ///
    /// A soft-deleted user with the email is reactivated and returned as existing.
    pub fn user_upsert(
        &self,
        tenant: Uuid,
        email: &str,
        changes: UserChanges,
    ) -> rusqlite::Result<(UserRow, bool)> {
        let conn = self.lock();
        let tenant = tenant.to_string();
        let key = email_key(email);
        let found: Option<(String, bool)> = conn
            .prepare_cached(
                "SELECT id, is_active FROM users WHERE tenant_id = ?1 AND email_key = ?2",
            )?
            .query_row(params![tenant, key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (id, created) = match found {
            Some((id, true)) => (id, false),
            Some((id, false)) => {
                // A deleted user comes back with the fields this create sends: they are what
                // the caller asked for now.
                conn.prepare_cached(
                    "UPDATE users SET is_active = 1, updated_at = ?2, \
                     first_name = COALESCE(?3, first_name), \
                     last_name = COALESCE(?4, last_name), metadata = COALESCE(?5, metadata) \
                     WHERE id = ?1",
                )?
                .execute(params![
                    id,
                    time::now(),
                    changes.first_name,
                    changes.last_name,
                    changes.metadata.as_ref().and_then(json_text),
                ])?;
                (id, false)
            }
            None => {
                let id = crate::ids::new_uuid().to_string();
                let now = time::now();
                conn.prepare_cached(
                    "INSERT INTO users (id, tenant_id, email, email_key, first_name, last_name, \
                     is_active, metadata, created_at, updated_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?8)",
                )?
                .execute(params![
                    id,
                    tenant,
                    email,
                    key,
                    changes.first_name,
                    changes.last_name,
                    changes.metadata.as_ref().and_then(json_text),
                    now
                ])?;
                (id, true)
            }
        };
        let user = conn
            .prepare_cached(select_users!("id = ?1"))?
            .query_row(params![id], read)?;
        Ok((user, created))
    }

    /// An active user by uuid or email.
    pub fn user_get(&self, tenant: Uuid, id_or_email: &str) -> rusqlite::Result<Option<UserRow>> {
        let conn = self.lock();
        let mut tenant_buf = Uuid::encode_buffer();
        let tenant: &str = tenant.hyphenated().encode_lower(&mut tenant_buf);
        if let Ok(id) = Uuid::parse_str(id_or_email) {
            return conn
                .prepare_cached(select_users!(
                    "id = ?1 AND tenant_id = ?2 AND is_active = 1"
                ))?
                .query_row(params![id.to_string(), tenant], read)
                .optional();
        }
        let user = conn
            .prepare_cached(select_users!(
                "tenant_id = ?1 AND email_key = ?2 AND is_active = 1"
            ))?
            .query_row(params![tenant, email_key(id_or_email)], read)
            .optional();
        user
    }

    /// The uuid of an active user named by uuid or email.
    pub fn user_resolve(&self, tenant: Uuid, id_or_email: &str) -> rusqlite::Result<Option<Uuid>> {
        Ok(self
            .user_get(tenant, id_or_email)?
            .and_then(|user| Uuid::parse_str(&user.id).ok()))
    }

    /// One page of active users in creation order, and how many there are in all.
    pub fn user_list(
        &self,
        tenant: Uuid,
        limit: i64,
        offset: i64,
    ) -> rusqlite::Result<(Vec<UserRow>, i64)> {
        let conn = self.lock();
        let tenant = tenant.to_string();
        let total = conn
            .prepare_cached("SELECT COUNT(*) FROM users WHERE tenant_id = ?1 AND is_active = 1")?
            .query_row(params![tenant], |r| r.get(0))?;
        let users = conn
            .prepare_cached(select_users!(
                "tenant_id = ?1 AND is_active = 1 ORDER BY created_at, seq LIMIT ?2 OFFSET ?3"
            ))?
            .query_map(params![tenant, limit, offset], read)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((users, total))
    }

    /// Applies `changes` to an active user.
    pub fn user_update(
        &self,
        tenant: Uuid,
        id_or_email: &str,
        changes: UserChanges,
    ) -> rusqlite::Result<Option<UserRow>> {
        let Some(user) = self.user_get(tenant, id_or_email)? else {
            return Ok(None);
        };
        let metadata = changes.metadata.as_ref().map(json_text);
        self.lock()
            .prepare_cached(
                "UPDATE users SET first_name = COALESCE(?2, first_name), \
                 last_name = COALESCE(?3, last_name), \
                 metadata = CASE WHEN ?4 THEN ?5 ELSE metadata END, updated_at = ?6 WHERE id = ?1",
            )?
            .execute(params![
                user.id,
                changes.first_name,
                changes.last_name,
                metadata.is_some(),
                metadata.flatten(),
                time::now()
            ])?;
        self.user_get(tenant, &user.id)
    }

    /// Soft-deletes an active user; `false` when there is none.
    pub fn user_delete(&self, tenant: Uuid, id_or_email: &str) -> rusqlite::Result<bool> {
        let Some(user) = self.user_get(tenant, id_or_email)? else {
            return Ok(false);
        };
        self.lock()
            .prepare_cached("UPDATE users SET is_active = 0, updated_at = ?2 WHERE id = ?1")?
            .execute(params![user.id, time::now()])?;
        Ok(true)
    }
}

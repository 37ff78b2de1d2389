//! Threads: conversations made of responses, possibly written by several users.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::null_default;

/// A conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thread {
    /// The thread's id.
    pub thread_id: Uuid,
    /// The tenant it belongs to.
    #[serde(default)]
    pub tenant_id: Option<Uuid>,
    /// The user who started it.
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// How many responses it holds.
    #[serde(default, deserialize_with = "null_default")]
    pub response_count: u64,
    /// When its last response was made.
    #[serde(default)]
    pub last_response_at: Option<DateTime<Utc>>,
}

/// One page of threads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadList {
    /// The threads of this page.
    #[serde(default, deserialize_with = "null_default")]
    pub threads: Vec<Thread>,
    /// How many threads there are in all.
    #[serde(default)]
    pub total: u64,
    /// The page size asked for.
    #[serde(default)]
    pub limit: u32,
    /// How many were skipped.
    #[serde(default)]
    pub offset: u64,
}

/// The body of a create call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CreateThread {
    /// The user the thread belongs to (uuid or email); the bound user when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Which threads to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListThreads {
    /// Only the threads of this user (uuid or email); the bound user when `None`.
    pub user_id: Option<String>,
    /// Threads per page.
    pub limit: u32,
    /// How many to skip.
    pub offset: u64,
}

impl Default for ListThreads {
    fn default() -> ListThreads {
        ListThreads {
            user_id: None,
            limit: 50,
            offset: 0,
        }
    }
}

/// The body of an update call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UpdateThread {
    /// The new title, at most 500 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

//! Threads: conversations made of responses, possibly written by several users.

use std::time::SystemTime;

use lumnisai::ErrorKind::Validation;

use crate::client::LumnisClient;
use crate::error::LumnisError;
use crate::ints::{int, long, unsigned};
use crate::json;
use crate::responses::Response;
use crate::users::DeleteResult;

/// A conversation. Named as in the Python package (and the official SDK), and not `Thread`,
/// which would hide `java.lang.Thread` and Foundation's `Thread` wherever it is imported.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ThreadObject {
    /// The thread's id.
    pub thread_id: String,
    /// The tenant it belongs to.
    pub tenant_id: Option<String>,
    /// The user who started it.
    pub user_id: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// When it was created.
    pub created_at: SystemTime,
    /// When it last changed.
    pub updated_at: Option<SystemTime>,
    /// How many responses it holds.
    pub response_count: i64,
    /// When its last response was made.
    pub last_response_at: Option<SystemTime>,
}

impl From<lumnisai::Thread> for ThreadObject {
    fn from(t: lumnisai::Thread) -> ThreadObject {
        ThreadObject {
            thread_id: t.thread_id.to_string(),
            tenant_id: json::id_opt(t.tenant_id),
            user_id: json::id_opt(t.user_id),
            title: t.title,
            created_at: json::time(t.created_at),
            updated_at: json::time_opt(t.updated_at),
            response_count: long(t.response_count),
            last_response_at: json::time_opt(t.last_response_at),
        }
    }
}

/// One page of threads.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ThreadList {
    /// The threads of this page.
    pub threads: Vec<ThreadObject>,
    /// How many threads there are in all.
    pub total: i64,
    /// The page size asked for.
    pub limit: i32,
    /// How many were skipped.
    pub offset: i64,
}

impl From<lumnisai::ThreadList> for ThreadList {
    fn from(list: lumnisai::ThreadList) -> ThreadList {
        ThreadList {
            threads: list.threads.into_iter().map(ThreadObject::from).collect(),
            total: long(list.total),
            limit: int(list.limit),
            offset: long(list.offset),
        }
    }
}

/// Which threads to list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ListThreadsParams {
    /// Only this user's threads (uuid or email); the bound user when unset.
    #[uniffi(default)]
    pub user_id: Option<String>,
    /// Threads per page, 1 to 100.
    #[uniffi(default = 50)]
    pub limit: i32,
    /// How many to skip.
    #[uniffi(default = 0)]
    pub offset: i64,
}

#[uniffi::export]
impl LumnisClient {
    /// Creates a thread for a user (the bound one when `userId` is unset).
    #[uniffi::method(default(user_id = None, title = None))]
    pub async fn create_thread(
        &self,
        user_id: Option<String>,
        title: Option<String>,
    ) -> Result<ThreadObject, LumnisError> {
        let params = lumnisai::CreateThread { user_id, title };
        self.call(|c| async move { c.threads().create(params).await.map(ThreadObject::from) })
            .await
    }

    /// One page of threads (50 by default).
    #[uniffi::method(default(params = None))]
    pub async fn list_threads(
        &self,
        params: Option<ListThreadsParams>,
    ) -> Result<ThreadList, LumnisError> {
        let params = match params {
            None => lumnisai::ListThreads::default(),
            Some(p) => lumnisai::ListThreads {
                user_id: p.user_id,
                limit: unsigned(Validation, "limit", p.limit)?,
                offset: unsigned(Validation, "offset", p.offset)?,
            },
        };
        self.call(|c| async move { c.threads().list(params).await.map(ThreadList::from) })
            .await
    }

    /// The thread with this id.
    pub async fn get_thread(&self, thread_id: String) -> Result<ThreadObject, LumnisError> {
        self.call(|c| async move { c.threads().get(&thread_id).await.map(ThreadObject::from) })
            .await
    }

    /// The responses of a thread, oldest first.
    #[uniffi::method(default(limit = 50, offset = 0))]
    pub async fn get_thread_responses(
        &self,
        thread_id: String,
        limit: i32,
        offset: i64,
    ) -> Result<Vec<Response>, LumnisError> {
        let limit = unsigned(Validation, "limit", limit)?;
        let offset = unsigned(Validation, "offset", offset)?;
        self.call(|c| async move {
            let responses = c.threads().responses(&thread_id, limit, offset).await?;
            Ok(responses.into_iter().map(Response::from).collect())
        })
        .await
    }

    /// Renames a thread (a title of at most 500 characters); without one, changes nothing.
    #[uniffi::method(default(title = None))]
    pub async fn update_thread(
        &self,
        thread_id: String,
        title: Option<String>,
    ) -> Result<ThreadObject, LumnisError> {
        let params = lumnisai::UpdateThread { title };
        self.call(|c| async move {
            c.threads()
                .update(&thread_id, params)
                .await
                .map(ThreadObject::from)
        })
        .await
    }

    /// Deletes a thread and its responses.
    pub async fn delete_thread(&self, thread_id: String) -> Result<DeleteResult, LumnisError> {
        self.call(|c| async move { c.threads().delete(&thread_id).await.map(DeleteResult::from) })
            .await
    }
}

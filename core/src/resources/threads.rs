//! `client.threads()`: create, list, get, read the responses of, update and delete threads.

use std::future::Future;

use futures::stream::BoxStream;
use reqwest::Method;

use super::{check_range, id_segment, walk, AsId};
use crate::error::{Error, Result};
use crate::models::UpdateThread;
use crate::models::{CreateThread, DeleteResult, ListThreads, Response, Thread, ThreadList};
use crate::transport::Request;
use crate::Client;

/// Threads; on a user-bound client, the bound user's.
///
/// ```no_run
/// # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
/// use lumnisai::{CreateThread, ListThreads};
///
/// let alice = client.for_user("alice@example.com");
/// let thread = alice.threads().create(CreateThread::default()).await?;
/// let mine = alice.threads().list(ListThreads::default()).await?;
/// assert!(mine.threads.iter().any(|t| t.thread_id == thread.thread_id));
/// let responses = alice.threads().responses(thread.thread_id, 50, 0).await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Threads {
    client: Client,
}

impl Threads {
    pub(crate) fn new(client: Client) -> Threads {
        Threads { client }
    }

    /// Creates a thread for the given user, else the bound one.
    pub fn create(
        &self,
        params: CreateThread,
    ) -> impl Future<Output = Result<Thread>> + Send + 'static {
        let this = self.clone();
        async move {
            check_title(params.title.as_deref())?;
            let user_id = this.client.call_user(params.user_id.as_deref())?;
            let body = CreateThread { user_id, ..params };
            let request =
                Request::new(Method::POST, "/v1/threads", "/v1/threads".into()).json(&body)?;
            this.client.send(request).await
        }
    }

    /// Lists one page of threads of the given user, else the bound one.
    pub fn list(
        &self,
        params: ListThreads,
    ) -> impl Future<Output = Result<ThreadList>> + Send + 'static {
        let this = self.clone();
        async move {
            check_range("the limit", params.limit, 1, 100)?;
            let user_id = this.client.call_user(params.user_id.as_deref())?;
            let request = Request::new(Method::GET, "/v1/threads", "/v1/threads".into())
                .query_opt("user_id", user_id)
                .query("limit", params.limit)
                .query("offset", params.offset);
            this.client.send(request).await
        }
    }

    /// Every thread matching `params`, from its offset on, as a stream.
    pub fn list_all(&self, params: ListThreads) -> BoxStream<'static, Result<Thread>> {
        let threads = self.clone();
        walk(params, move |params: ListThreads| {
            let page = threads.list(params.clone());
            async move {
                let page = page.await?;
                let seen = params.offset + page.threads.len() as u64;
                let more = !page.threads.is_empty() && seen < page.total;
                let next = more.then_some(ListThreads {
                    offset: seen,
                    ..params
                });
                Ok((page.threads, next))
            }
        })
    }
    /// Gets a thread.
    pub fn get(
        &self,
        thread_id: impl AsId,
    ) -> impl Future<Output = Result<Thread>> + Send + 'static {
        let this = self.clone();
        let thread_id = thread_id.to_id();
        async move {
            let thread_id = thread_id.as_str();
            let path = format!("/v1/threads/{}", id_segment("the thread id", thread_id)?);
            this.client
                .send(Request::new(Method::GET, "/v1/threads/{id}", path))
                .await
        }
    }

    /// The responses of a thread, oldest first.
    pub fn responses(
        &self,
        thread_id: impl AsId,
        limit: u32,
        offset: u64,
    ) -> impl Future<Output = Result<Vec<Response>>> + Send + 'static {
        let this = self.clone();
        let thread_id = thread_id.to_id();
        async move {
            let thread_id = thread_id.as_str();
            check_range("the limit", limit, 1, 100)?;
            let path = format!(
                "/v1/threads/{}/responses",
                id_segment("the thread id", thread_id)?
            );
            let request = Request::new(Method::GET, "/v1/threads/{id}/responses", path)
                .query("limit", limit)
                .query("offset", offset);
            this.client.send(request).await
        }
    }

    /// Changes a thread's title.
    pub fn update(
        &self,
        thread_id: impl AsId,
        params: UpdateThread,
    ) -> impl Future<Output = Result<Thread>> + Send + 'static {
        let this = self.clone();
        let thread_id = thread_id.to_id();
        async move {
            let thread_id = thread_id.as_str();
            check_title(params.title.as_deref())?;
            let path = format!("/v1/threads/{}", id_segment("the thread id", thread_id)?);
            let request = Request::new(Method::PATCH, "/v1/threads/{id}", path).json(&params)?;
            this.client.send(request).await
        }
    }

    /// Deletes a thread and its responses.
    pub fn delete(
        &self,
        thread_id: impl AsId,
    ) -> impl Future<Output = Result<DeleteResult>> + Send + 'static {
        let this = self.clone();
        let thread_id = thread_id.to_id();
        async move {
            let thread_id = thread_id.as_str();
            let path = format!("/v1/threads/{}", id_segment("the thread id", thread_id)?);
            this.client
                .send(Request::new(Method::DELETE, "/v1/threads/{id}", path))
                .await
        }
    }
}

fn check_title(title: Option<&str>) -> Result<()> {
    match title {
        Some(title) if title.chars().count() > 500 => Err(Error::validation(
            "a thread title is at most 500 characters",
        )),
        _ => Ok(()),
    }
}

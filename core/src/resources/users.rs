//! `client.users()`: create (upsert), get, list, iterate, update and delete users.

use std::future::Future;

use futures::stream::BoxStream;
use reqwest::Method;

use super::{check_email, check_metadata, check_range, id_segment, walk, AsId};
use crate::error::Result;
use crate::models::{CreateUser, DeleteResult, ListUsers, UpdateUser, User, UserList};
use crate::transport::Request;
use crate::Client;

/// The users of the tenant.
///
/// ```no_run
/// # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
/// use futures::TryStreamExt;
/// use lumnisai::{CreateUser, ListUsers, UpdateUser};
///
/// let user = client.users().create(CreateUser::new("ada@example.com").first_name("Ada")).await?;
/// let same = client.users().get("ADA@example.com").await?;
/// assert_eq!(user.id, same.id);
/// let page = client.users().list(ListUsers { page: 1, page_size: 50 }).await?;
/// println!("{} users", page.total);
/// let everyone: Vec<_> = client.users().list_all(100).try_collect().await?;
/// let update = UpdateUser { last_name: Some("Lovelace".into()), ..Default::default() };
/// client.users().update(&user.email, update).await?;
/// client.users().delete(&user.email).await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Users {
    client: Client,
}

impl Users {
    pub(crate) fn new(client: Client) -> Users {
        Users { client }
    }

    /// Creates a user, or returns the one that has this email already (in any case).
    pub fn create(
        &self,
        params: CreateUser,
    ) -> impl Future<Output = Result<User>> + Send + 'static {
        let this = self.clone();
        async move {
            check_email(params.email.trim())?;
            check_metadata(params.metadata.as_ref())?;
            let params = CreateUser {
                email: params.email.trim().to_owned(),
                ..params
            };
            let request =
                Request::new(Method::POST, "/v1/users", "/v1/users".into()).json(&params)?;
            this.client.send(request).await
        }
    }

    /// Gets a user by id or email.
    pub fn get(
        &self,
        id_or_email: impl AsId,
    ) -> impl Future<Output = Result<User>> + Send + 'static {
        let this = self.clone();
        let id_or_email = id_or_email.to_id();
        async move {
            let id_or_email = id_or_email.as_str();
            let path = format!(
                "/v1/users/{}",
                id_segment("the user id or email", id_or_email)?
            );
            this.client
                .send(Request::new(Method::GET, "/v1/users/{id}", path))
                .await
        }
    }

    /// Lists one page of active users, oldest first.
    pub fn list(
        &self,
        params: ListUsers,
    ) -> impl Future<Output = Result<UserList>> + Send + 'static {
        let this = self.clone();
        async move {
            if params.page < 1 {
                return Err(crate::Error::validation("page starts at 1"));
            }
            check_range("the page size", params.page_size, 1, 100)?;
            let request = Request::new(Method::GET, "/v1/users", "/v1/users".into())
                .query("page", params.page)
                .query("page_size", params.page_size);
            let mut list: UserList = this.client.send(request).await?;
            list.total = list.pagination.total;
            Ok(list)
        }
    }

    /// Every active user, page after page, as a stream.
    ///
    /// A bad `page_size` is the stream's first and only item.
    pub fn list_all(&self, page_size: u32) -> BoxStream<'static, Result<User>> {
        let users = self.clone();
        walk(1u32, move |page| {
            let list = users.list(ListUsers { page, page_size });
            async move {
                let list = list.await?;
                let more = list.pagination.has_next && !list.users.is_empty();
                Ok((list.users, more.then(|| page.checked_add(1)).flatten()))
            }
        })
    }
    /// Changes the fields that are set.
    pub fn update(
        &self,
        id_or_email: impl AsId,
        params: UpdateUser,
    ) -> impl Future<Output = Result<User>> + Send + 'static {
        let this = self.clone();
        let id_or_email = id_or_email.to_id();
        async move {
            let id_or_email = id_or_email.as_str();
            let path = format!(
                "/v1/users/{}",
                id_segment("the user id or email", id_or_email)?
            );
            check_metadata(params.metadata.as_ref())?;
            let request = Request::new(Method::PUT, "/v1/users/{id}", path).json(&params)?;
            this.client.send(request).await
        }
    }

    /// Soft-deletes a user: it leaves lists and `get` answers not found.
    pub fn delete(
        &self,
        id_or_email: impl AsId,
    ) -> impl Future<Output = Result<DeleteResult>> + Send + 'static {
        let this = self.clone();
        let id_or_email = id_or_email.to_id();
        async move {
            let id_or_email = id_or_email.as_str();
            let path = format!(
                "/v1/users/{}",
                id_segment("the user id or email", id_or_email)?
            );
            this.client
                .send(Request::new(Method::DELETE, "/v1/users/{id}", path))
                .await
        }
    }
}

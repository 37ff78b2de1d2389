//! Users: the end users of a tenant, and the calls that upsert, read, page, update and
//! delete them; `UserPages` walks every page with the core's `list_all`.

use std::sync::Arc;
use std::time::SystemTime;

use futures::stream::{BoxStream, StreamExt};
use lumnisai::ErrorKind::Validation;

use crate::bridge::run;
use crate::client::LumnisClient;
use crate::error::LumnisError;
use crate::ints::{int, long, unsigned};
use crate::json;

/// An end user of the tenant.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct User {
    /// The user's id.
    pub id: String,
    /// The email, unique in the tenant regardless of case.
    pub email: String,
    /// The first name, if known.
    pub first_name: Option<String>,
    /// The last name, if known.
    pub last_name: Option<String>,
    /// The tenant the user belongs to.
    pub tenant_id: Option<String>,
    /// False once the user is deleted.
    pub is_active: bool,
    /// When the user was created.
    pub created_at: SystemTime,
    /// When the user last changed.
    pub updated_at: Option<SystemTime>,
    /// Free-form metadata as JSON text, kept verbatim.
    pub metadata_json: Option<String>,
}

impl From<lumnisai::User> for User {
    fn from(user: lumnisai::User) -> User {
        User {
            id: user.id.to_string(),
            email: user.email,
            first_name: user.first_name,
            last_name: user.last_name,
            tenant_id: json::id_opt(user.tenant_id),
            is_active: user.is_active,
            created_at: json::time(user.created_at),
            updated_at: json::time_opt(user.updated_at),
            metadata_json: json::text(user.metadata),
        }
    }
}

/// Where a page of users stands.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Pagination {
    /// The page number, from 1.
    pub page: i32,
    /// The page size asked for.
    pub page_size: i32,
    /// How many users there are in all.
    pub total: i64,
    /// How many pages there are in all.
    pub total_pages: i32,
    /// Whether a later page exists.
    pub has_next: bool,
    /// Whether an earlier page exists.
    pub has_prev: bool,
}

/// One page of users.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UserList {
    /// The users of this page.
    pub users: Vec<User>,
    /// Where this page stands.
    pub pagination: Pagination,
    /// How many users there are in all.
    pub total: i64,
}

impl From<lumnisai::UserList> for UserList {
    fn from(list: lumnisai::UserList) -> UserList {
        let p = list.pagination;
        UserList {
            users: list.users.into_iter().map(User::from).collect(),
            pagination: Pagination {
                page: int(p.page),
                page_size: int(p.page_size),
                total: long(p.total),
                total_pages: int(p.total_pages),
                has_next: p.has_next,
                has_prev: p.has_prev,
            },
            total: long(list.total),
        }
    }
}

/// A user to create, or to find by email (an upsert).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CreateUserParams {
    /// The email: a new user is made unless one has it already.
    pub email: String,
    /// The first name.
    #[uniffi(default)]
    pub first_name: Option<String>,
    /// The last name.
    #[uniffi(default)]
    pub last_name: Option<String>,
    /// Free-form metadata as JSON text.
    #[uniffi(default)]
    pub metadata_json: Option<String>,
}

/// The fields of a user to change; unset fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct UpdateUserParams {
    /// The new first name.
    #[uniffi(default)]
    pub first_name: Option<String>,
    /// The new last name.
    #[uniffi(default)]
    pub last_name: Option<String>,
    /// New free-form metadata as JSON text.
    #[uniffi(default)]
    pub metadata_json: Option<String>,
}

/// What the server said about a delete.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DeleteResult {
    /// The server's message.
    pub message: Option<String>,
}

impl From<lumnisai::DeleteResult> for DeleteResult {
    fn from(result: lumnisai::DeleteResult) -> DeleteResult {
        DeleteResult {
            message: result.message,
        }
    }
}

#[uniffi::export]
impl LumnisClient {
    /// Creates a user, or returns the one with this email (compared regardless of case).
    pub async fn create_user(&self, params: CreateUserParams) -> Result<User, LumnisError> {
        let create = lumnisai::CreateUser {
            email: params.email,
            first_name: params.first_name,
            last_name: params.last_name,
            metadata: json::parse("metadataJson", params.metadata_json)?,
        };
        self.call(|c| async move { c.users().create(create).await.map(User::from) })
            .await
    }

    /// The user with this id or email.
    pub async fn get_user(&self, id_or_email: String) -> Result<User, LumnisError> {
        self.call(|c| async move { c.users().get(&id_or_email).await.map(User::from) })
            .await
    }

    /// One page of users: `page` from 1, `pageSize` 1 to 100.
    #[uniffi::method(default(page = 1, page_size = 20))]
    pub async fn list_users(&self, page: i32, page_size: i32) -> Result<UserList, LumnisError> {
        let params = lumnisai::ListUsers {
            page: unsigned(Validation, "page", page)?,
            page_size: unsigned(Validation, "pageSize", page_size)?,
        };
        self.call(|c| async move { c.users().list(params).await.map(UserList::from) })
            .await
    }

    /// Every active user, page after page (`pageSize` 1 to 100), fetched as it is read.
    #[uniffi::method(default(page_size = 20))]
    pub fn list_all_users(&self, page_size: i32) -> Arc<UserPages> {
        // A negative size fails at the first `next()`, as a size over 100 does in the core.
        let users = match unsigned(Validation, "pageSize", page_size) {
            Ok(page_size) => self.inner.users().list_all(page_size),
            Err(err) => futures::stream::once(async move { Err(err) }).boxed(),
        };
        Arc::new(UserPages {
            users: Arc::new(tokio::sync::Mutex::new(users)),
        })
    }

    /// Changes the fields set in `params` of the user with this id or email.
    pub async fn update_user(
        &self,
        id_or_email: String,
        params: UpdateUserParams,
    ) -> Result<User, LumnisError> {
        let update = lumnisai::UpdateUser {
            first_name: params.first_name,
            last_name: params.last_name,
            metadata: json::parse("metadataJson", params.metadata_json)?,
        };
        self.call(|c| async move { c.users().update(&id_or_email, update).await.map(User::from) })
            .await
    }

    /// Deletes (deactivates) the user with this id or email.
    pub async fn delete_user(&self, id_or_email: String) -> Result<DeleteResult, LumnisError> {
        self.call(|c| async move { c.users().delete(&id_or_email).await.map(DeleteResult::from) })
            .await
    }
}

/// The users of `listAllUsers`, one at a time; the next page is fetched when one ends.
#[derive(uniffi::Object)]
pub struct UserPages {
    // Shared with the task that reads it: each `next()` runs on the core's runtime.
    users: Arc<tokio::sync::Mutex<BoxStream<'static, lumnisai::Result<lumnisai::User>>>>,
}

#[uniffi::export]
impl UserPages {
    /// The next user, or none after the last one; an error (a bad `pageSize` first)
    /// ends the walk.
    pub async fn next(&self) -> Result<Option<User>, LumnisError> {
        let users = self.users.clone();
        run(async move { users.lock().await.next().await.transpose() })
            .await
            .map(|user| user.map(User::from))
    }
}

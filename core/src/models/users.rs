//! Users: the end users of a tenant.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::null_default;

/// An end user of the tenant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The user's id.
    pub id: Uuid,
    /// The user's email, unique in the tenant regardless of case.
    pub email: String,
    /// The first name, if known.
    #[serde(default)]
    pub first_name: Option<String>,
    /// The last name, if known.
    #[serde(default)]
    pub last_name: Option<String>,
    /// The tenant the user belongs to.
    #[serde(default)]
    pub tenant_id: Option<Uuid>,
    /// False once the user is deleted.
    #[serde(default = "active")]
    pub is_active: bool,
    /// When the user was created.
    pub created_at: DateTime<Utc>,
    /// When the user last changed.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// Free-form metadata, kept verbatim.
    #[serde(default)]
    pub metadata: Option<Value>,
}

fn active() -> bool {
    true
}

/// What the users list says about its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Pagination {
    /// The page number, from 1.
    pub page: u32,
    /// The page size asked for.
    pub page_size: u32,
    /// How many users there are in all.
    pub total: u64,
    /// How many pages there are in all.
    #[serde(default)]
    pub total_pages: u32,
    /// Whether a later page exists.
    #[serde(default)]
    pub has_next: bool,
    /// Whether an earlier page exists.
    #[serde(default)]
    pub has_prev: bool,
}

/// One page of users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserList {
    /// The users of this page.
    #[serde(default, deserialize_with = "null_default")]
    pub users: Vec<User>,
    /// Where this page stands.
    pub pagination: Pagination,
    /// How many users there are in all (the same as `pagination.total`).
    #[serde(default)]
    pub total: u64,
}

/// The body of a create (upsert) call.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateUser {
    /// The email: a new user is made unless one has it already.
    pub email: String,
    /// The first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Free-form metadata, sent verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
}

impl CreateUser {
    /// A user with just an email.
    pub fn new(email: impl Into<String>) -> CreateUser {
        CreateUser {
            email: email.into(),
            ..CreateUser::default()
        }
    }

    /// Sets the first name.
    #[must_use]
    pub fn first_name(mut self, name: impl Into<String>) -> CreateUser {
        self.first_name = Some(name.into());
        self
    }

    /// Sets the last name.
    #[must_use]
    pub fn last_name(mut self, name: impl Into<String>) -> CreateUser {
        self.last_name = Some(name.into());
        self
    }
}

/// The body of an update call: only the fields set are changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateUser {
    /// The new first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The new last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// New free-form metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
}

/// Which page of users to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListUsers {
    /// The page, from 1.
    pub page: u32,
    /// Users per page, 1 to 100.
    pub page_size: u32,
}

impl Default for ListUsers {
    fn default() -> ListUsers {
        ListUsers {
            page: 1,
            page_size: 20,
        }
    }
}

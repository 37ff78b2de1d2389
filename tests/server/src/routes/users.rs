//! `/v1/users`: upsert by email, get by uuid or email, pages, update, soft delete.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery, Tenant};
use crate::storage::{UserChanges, UserRow};

#[derive(Deserialize)]
pub struct CreateUser {
    email: String,
    first_name: Option<String>,
    last_name: Option<String>,
    metadata: Option<Value>,
}

#[derive(Deserialize)]
pub struct UpdateUser {
    first_name: Option<String>,
    last_name: Option<String>,
    /// `None` when absent (left as it is), `Some(Value::Null)` for an explicit null (cleared).
    #[serde(default, deserialize_with = "present")]
    metadata: Option<Value>,
}

/// Reads a field that is there, null included: serde's default reads null as absent.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

#[derive(Deserialize)]
pub struct Page {
    page: Option<i64>,
    page_size: Option<i64>,
}

/// A plausible address: one `@` with a local part before it and a dotted domain after it,
/// no spaces. Unicode, `+`, `%` and `/` are allowed.
fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    let clean = |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    clean(local)
        && clean(domain)
        && !local.contains('@')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.contains('.')
        && email.len() <= 320
}

fn check_metadata(metadata: &Option<Value>) -> ApiResult<()> {
    match metadata {
        None | Some(Value::Null) | Some(Value::Object(_)) => Ok(()),
        Some(_) => Err(ApiError::validation("metadata must be an object")),
    }
}

pub async fn create(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiJson(body): ApiJson<CreateUser>,
) -> ApiResult<(StatusCode, Json<UserRow>)> {
    let email = body.email.trim();
    if !valid_email(email) {
        return Err(
            ApiError::validation(format!("Invalid email address: {email:?}"))
                .with_details(json!([{"field": "email", "message": "invalid email"}])),
        );
    }
    check_metadata(&body.metadata)?;
    let changes = UserChanges {
        first_name: body.first_name,
        last_name: body.last_name,
        metadata: body.metadata,
    };
    let (user, created) = app.store.user_upsert(tenant, email, changes)?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(user)))
}

pub async fn get(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
) -> ApiResult<Json<UserRow>> {
    app.store
        .user_get(tenant, &id)?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("User"))
}

pub async fn list(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiQuery(query): ApiQuery<Page>,
) -> ApiResult<Json<Value>> {
    let page = query.page.unwrap_or(1);
    let page_size = query.page_size.unwrap_or(20);
    if page < 1 {
        return Err(ApiError::validation("page must be 1 or more"));
    }
    if !(1..=100).contains(&page_size) {
        return Err(ApiError::validation("page_size must be between 1 and 100"));
    }
    let offset = (page - 1).saturating_mul(page_size);
    let (users, total) = app.store.user_list(tenant, page_size, offset)?;
    let total_pages = (total + page_size - 1) / page_size;
    Ok(Json(json!({
        "users": users,
        "pagination": {
            "page": page,
            "page_size": page_size,
            "total": total,
            "total_pages": total_pages,
            "has_next": page < total_pages,
            "has_prev": page > 1,
        }
    })))
}

pub async fn update(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiJson(body): ApiJson<UpdateUser>,
) -> ApiResult<Json<UserRow>> {
    check_metadata(&body.metadata)?;
    let changes = UserChanges {
        first_name: body.first_name,
        last_name: body.last_name,
        metadata: body.metadata,
    };
    app.store
        .user_update(tenant, &id, changes)?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("User"))
}

pub async fn delete(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
) -> ApiResult<Json<Value>> {
    if app.store.user_delete(tenant, &id)? {
        Ok(Json(json!({"message": "User deleted"})))
    } else {
        Err(ApiError::not_found("User"))
    }
}

#[cfg(test)]
mod tests {
    use super::valid_email;

    #[test]
    fn emails() {
        assert!(valid_email("a@b.co"));
        assert!(valid_email("a+b%c/d@example.com"));
        assert!(valid_email("jürgen@bücher.de"));
        assert!(!valid_email("not-an-email"));
        assert!(!valid_email("a@b"));
        assert!(!valid_email("@b.com"));
        assert!(!valid_email("a b@c.com"));
    }
}

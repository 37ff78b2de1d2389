//! `/v1/threads`: conversations and the responses in them.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{parse_id, resolve_user};
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::extract::{check_limit, ApiJson, ApiPath, ApiQuery, Tenant};
use crate::storage::{ResponseRow, ThreadRow};

/// The longest title a thread takes.
const MAX_TITLE: usize = 500;

#[derive(Deserialize)]
pub struct CreateThread {
    user_id: Option<String>,
    title: Option<String>,
}

#[derive(Deserialize)]
pub struct UpdateThread {
    title: Option<String>,
}

#[derive(Deserialize)]
pub struct ListThreads {
    user_id: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

#[derive(Deserialize)]
pub struct Paging {
    limit: Option<i64>,
    offset: Option<i64>,
}

fn check_title(title: Option<&str>) -> ApiResult<()> {
    match title {
        Some(t) if t.chars().count() > MAX_TITLE => Err(ApiError::validation(format!(
            "title must be at most {MAX_TITLE} characters"
        ))),
        _ => Ok(()),
    }
}

pub async fn create(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiJson(body): ApiJson<CreateThread>,
) -> ApiResult<(StatusCode, Json<ThreadRow>)> {
    check_title(body.title.as_deref())?;
    let user = resolve_user(&app, tenant, body.user_id.as_deref())?;
    let thread = app
        .store
        .thread_create(tenant, user, body.title.as_deref())?;
    Ok((StatusCode::CREATED, Json(thread)))
}

pub async fn list(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiQuery(query): ApiQuery<ListThreads>,
) -> ApiResult<Json<Value>> {
    let (limit, offset) = check_limit(query.limit, query.offset, 50)?;
    let user = resolve_user(&app, tenant, query.user_id.as_deref())?;
    let (threads, total) = app.store.thread_list(tenant, user, limit, offset)?;
    Ok(Json(
        json!({"threads": threads, "total": total, "limit": limit, "offset": offset}),
    ))
}

pub async fn get(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
) -> ApiResult<Json<ThreadRow>> {
    let id = parse_id(&id, "Thread")?;
    app.store
        .thread_get(tenant, id)?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("Thread"))
}

pub async fn update(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiJson(body): ApiJson<UpdateThread>,
) -> ApiResult<Json<ThreadRow>> {
    let id = parse_id(&id, "Thread")?;
    check_title(body.title.as_deref())?;
    app.store
        .thread_set_title(tenant, id, body.title.as_deref())?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("Thread"))
}

pub async fn delete(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
) -> ApiResult<Json<Value>> {
    let id = parse_id(&id, "Thread")?;
    let Some(responses) = app.store.thread_delete(tenant, id)? else {
        return Err(ApiError::not_found("Thread"));
    };
    // Their agents have nothing left to write, and their long-polls must wake (to a 404).
    for response in responses {
        app.agents.cancel(response);
    }
    Ok(Json(json!({"message": "Thread deleted"})))
}

pub async fn responses(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiQuery(query): ApiQuery<Paging>,
) -> ApiResult<Json<Vec<ResponseRow>>> {
    let id = parse_id(&id, "Thread")?;
    let (limit, offset) = check_limit(query.limit, query.offset, 50)?;
    app.store
        .thread_responses(tenant, id, limit, offset)?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("Thread"))
}

//! The `/v1` router and helpers its handlers share.

mod files;
mod responses;
mod threads;
mod upload;
mod users;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use uuid::Uuid;

use crate::app::App;
use crate::error::{ApiError, ApiResult};

/// The largest body the API reads, except uploads, which stream to disk without a limit.
pub const BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The route whose body is not limited.
pub const UPLOAD_PATH: &str = "/v1/files/upload";

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(
            "/v1/health",
            get(|| async { Json(json!({"status": "ok"})) }),
        )
        .route("/v1/users", post(users::create).get(users::list))
        .route(
            "/v1/users/{id}",
            get(users::get).put(users::update).delete(users::delete),
        )
        .route("/v1/threads", post(threads::create).get(threads::list))
        .route(
            "/v1/threads/{id}",
            get(threads::get)
                .patch(threads::update)
                .delete(threads::delete),
        )
        .route("/v1/threads/{id}/responses", get(threads::responses))
        .route(
            "/v1/responses",
            post(responses::create).get(responses::list),
        )
        .route("/v1/responses/{id}", get(responses::get))
        .route("/v1/responses/{id}/cancel", post(responses::cancel))
        .route("/v1/responses/{id}/artifacts", get(responses::artifacts))
        .route(
            "/v1/responses/{id}/feedback",
            post(responses::add_feedback).get(responses::feedback),
        )
        .route(
            UPLOAD_PATH,
            post(upload::upload).layer(DefaultBodyLimit::disable()),
        )
        .route("/v1/files", get(files::list))
        .route("/v1/files/", get(files::list))
        .route("/v1/files/{id}", get(files::get).delete(files::delete))
        .route("/v1/files/{id}/content", get(files::content))
        .route("/v1/files/{id}/download", get(files::download))
        .route("/v1/files/{id}/status", get(files::status))
        .fallback(|| async { ApiError::not_found("Route").into_response() })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "Method not allowed",
            )
            .into_response()
        })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app)
}

/// A path id that must be a uuid; anything else cannot exist, so it is a 404.
fn parse_id(text: &str, what: &str) -> ApiResult<Uuid> {
    Uuid::parse_str(text).map_err(|_| ApiError::not_found(what))
}

/// Resolves an optional user reference (uuid or email) to an active user of the tenant.
fn resolve_user(app: &App, tenant: Uuid, user: Option<&str>) -> ApiResult<Option<Uuid>> {
    match user.map(str::trim).filter(|u| !u.is_empty()) {
        None => Ok(None),
        Some(user) => match app.store.user_resolve(tenant, user)? {
            Some(id) => Ok(Some(id)),
            None => Err(ApiError::not_found("User")),
        },
    }
}

/// The first `max` characters.
fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

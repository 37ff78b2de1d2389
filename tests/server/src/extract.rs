//! Body and query extractors whose rejections use the API's error body (422) instead of
//! axum's plain-text defaults.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body, read whatever its `Content-Type` says (some clients omit it).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|err| {
            if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::too_large(format!("The request body is too large: {err}"))
            } else {
                ApiError::validation(format!("Unreadable body: {err}"))
            }
        })?;
        // An empty body reads as `{}` so calls whose fields are all optional need none.
        let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &bytes
        };
        serde_json::from_slice(bytes)
            .map(ApiJson)
            .map_err(|err| ApiError::validation(format!("Invalid JSON body: {err}")))
    }
}

/// Query parameters.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|err| ApiError::validation(format!("Invalid query: {}", err.body_text())))
    }
}

/// The tenant the gate resolved from the key, put in the request's extensions.
#[derive(Debug, Clone, Copy)]
pub struct Tenant(pub uuid::Uuid);

impl<S: Send + Sync> FromRequestParts<S> for Tenant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Tenant>()
            .copied()
            .ok_or_else(ApiError::unauthorized)
    }
}

/// Checks `limit`/`offset` style paging: limit in 1..=100, offset from 0.
pub fn check_limit(
    limit: Option<i64>,
    offset: Option<i64>,
    default: i64,
) -> Result<(i64, i64), ApiError> {
    let limit = limit.unwrap_or(default);
    let offset = offset.unwrap_or(0);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::validation("limit must be between 1 and 100"));
    }
    if offset < 0 {
        return Err(ApiError::validation("offset must be 0 or more"));
    }
    Ok((limit, offset))
}

/// One path parameter, percent-decoded (so `%2F` inside an email stays in the one segment).
/// A segment that does not decode (`%FF` is not UTF-8) names nothing that can exist: 404.
pub struct ApiPath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ApiPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|_| ApiError::not_found(resource(parts.uri.path())))
    }
}

/// What a `/v1/{collection}/...` path names, for the 404 message.
fn resource(path: &str) -> &'static str {
    let collection = path.trim_start_matches("/v1/").split('/').next();
    match collection {
        Some("users") => "User",
        Some("threads") => "Thread",
        Some("responses") => "Response",
        Some("files") => "File",
        _ => "Resource",
    }
}

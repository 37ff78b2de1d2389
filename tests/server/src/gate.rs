//! What every `/v1` request passes before its handler: the key check, the rate limit and
//! idempotency replay.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::app::App;
use crate::error::ApiError;
use crate::extract::Tenant;
use crate::idempotency::{fingerprint, Claim, Stored};

/// Runs one API request through the checks and the router.
pub async fn serve(app: &Arc<App>, api: Router, mut req: Request<Body>) -> Response {
    if req.uri().path() == "/v1/health" {
        return call(api, req).await;
    }
    let Some((key, tenant)) = authenticate(app, req.headers()) else {
        return ApiError::unauthorized().into_response();
    };
    if let Some(rate) = &app.rate {
        if !rate.allow(&key) {
            return ApiError::rate_limited().into_response();
        }
    }
    req.extensions_mut().insert(Tenant(tenant));

    let writes = matches!(
        *req.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    let idempotency_key = req
        .headers()
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    match idempotency_key {
        Some(idem) if writes => idempotent(app, api, tenant, &idem, req).await,
        _ => call(api, req).await,
    }
}

async fn call(api: Router, req: Request<Body>) -> Response {
    match api.oneshot(req).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// The key of a request (`Authorization: Bearer` or `X-API-Key`) and its tenant.
fn authenticate(app: &App, headers: &HeaderMap) -> Option<(String, uuid::Uuid)> {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, key)| key.trim());
    let header = headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim);
    [bearer, header]
        .into_iter()
        .flatten()
        .find_map(|key| app.keys.get(key).map(|tenant| (key.to_owned(), *tenant)))
}

async fn idempotent(
    app: &Arc<App>,
    api: Router,
    tenant: uuid::Uuid,
    key: &str,
    req: Request<Body>,
) -> Response {
    let (parts, body) = req.into_parts();
    // The whole body is needed for the fingerprint before anything runs; this is the one
    // copy of it the handler then reads from.
    let bytes = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => {
            return ApiError::validation("The request body could not be read").into_response()
        }
    };
    let target = parts.uri.path_and_query().map_or("", |p| p.as_str());
    let hash = fingerprint(parts.method.as_str(), target, &bytes);
    let ticket = match app.idempotency.claim(tenant, key, hash) {
        Claim::Execute(ticket) => ticket,
        Claim::Replay(stored) => return replay(stored),
        Claim::Mismatch => {
            return ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "IDEMPOTENCY_KEY_REUSED",
                "This Idempotency-Key was already used with a different request body",
            )
            .into_response()
        }
        Claim::InFlight => {
            return ApiError::conflict(
                "A request with this Idempotency-Key is still in progress; retry later",
            )
            .into_response()
        }
    };

    let response = call(api, Request::from_parts(parts, Body::from(bytes))).await;
    if response.status().is_server_error() {
        // A failed attempt is not remembered, so the retry executes again.
        return response;
    }
    let (head, body) = response.into_parts();
    let Ok(collected) = body.collect().await else {
        return ApiError::internal("The reply could not be stored").into_response();
    };
    let body = collected.to_bytes();
    let content_type = head
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    ticket.complete(Stored {
        status: head.status,
        content_type,
        body: body.clone(),
    });
    Response::from_parts(head, Body::from(body))
}

fn replay(stored: Stored) -> Response {
    let mut response = Response::new(Body::from(stored.body));
    *response.status_mut() = stored.status;
    let headers = response.headers_mut();
    if let Some(value) = stored
        .content_type
        .and_then(|c| HeaderValue::from_str(&c).ok())
    {
        headers.insert("content-type", value);
    }
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

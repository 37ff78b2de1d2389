//! What each fault kind does to the request that takes it (the README's fault table).

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, StreamExt};
use http_body_util::BodyExt;
use hyper::body::Incoming;

use crate::conn::ConnState;
use crate::dispatch::Services;
use crate::error::ApiError;
use crate::faults::{Fault, FaultKind};

/// The longest a `hang` or `stall` holds a request whose client never goes away.
const HOLD_CAP: Duration = Duration::from_secs(600);

pub enum Outcome {
    Reply(Response),
    /// Close the connection without an answer.
    NoReply,
}

pub async fn apply(
    services: &Services,
    conn: &Arc<ConnState>,
    fault: Fault,
    req: Request<Incoming>,
) -> Outcome {
    match fault.kind {
        FaultKind::Status => Outcome::Reply(status_reply(&fault)),
        FaultKind::Delay => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            Outcome::Reply(services.normal(req).await)
        }
        FaultKind::Drop => {
            drain(req.into_body(), u64::MAX).await;
            Outcome::NoReply
        }
        FaultKind::Hang => {
            drain(req.into_body(), u64::MAX).await;
            let _ = tokio::time::timeout(HOLD_CAP, conn.disconnected()).await;
            Outcome::NoReply
        }
        FaultKind::DropAfterCommit => {
            let response = services.normal(req).await;
            let _ = response.into_body().collect().await;
            Outcome::NoReply
        }
        FaultKind::Truncate => {
            let (head, bytes) = executed(services, req).await;
            let len = bytes.len();
            let cut = fault
                .after_bytes
                .filter(|n| *n > 0)
                .map_or(len / 2, to_usize)
                .min(len);
            let prefix = bytes.slice(..cut);
            let body = stream::once(async move { Ok::<_, std::io::Error>(prefix) }).chain(
                stream::once(async {
                    // Pausing lets the connection flush the prefix before the error closes it.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    Err(std::io::Error::other("injected truncation"))
                }),
            );
            Outcome::Reply(with_length(head, len, Body::from_stream(body)))
        }
        FaultKind::Stall => {
            let (head, bytes) = executed(services, req).await;
            let len = bytes.len();
            let prefix = bytes.slice(..fault.after_bytes.map_or(0, to_usize).min(len));
            let conn = conn.clone();
            let hold = async move {
                let _ = tokio::time::timeout(HOLD_CAP, conn.disconnected()).await;
                Err::<Bytes, _>(std::io::Error::other("injected stall ended"))
            };
            let body =
                stream::iter((!prefix.is_empty()).then_some(Ok(prefix))).chain(stream::once(hold));
            let body = Body::from_stream(body);
            Outcome::Reply(with_length(head, len, body))
        }
        FaultKind::InvalidJson => Outcome::Reply(json_reply(r#"{"id": "abc", "email": "#)),
        FaultKind::WrongType => Outcome::Reply(json_reply(
            r#"{"id": 12345, "email": ["x"], "status": false, "users": "none", "threads": 7}"#,
        )),
        FaultKind::CutUpload => {
            let declared = req
                .headers()
                .get("content-length")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            let limit = fault
                .after_bytes
                .filter(|n| *n > 0)
                .or(declared.map(|n| n / 2))
                .unwrap_or(64 * 1024);
            drain(req.into_body(), limit).await;
            Outcome::NoReply
        }
        FaultKind::Endless => {
            let chunk = Bytes::from(r#"{"x":1},"#.repeat(2048));
            let body = stream::once(async { Ok::<_, std::io::Error>(Bytes::from_static(b"[")) })
                .chain(stream::repeat(chunk).map(Ok));
            let mut response = Response::new(Body::from_stream(body));
            response
                .headers_mut()
                .insert("content-type", HeaderValue::from_static("application/json"));
            Outcome::Reply(response)
        }
    }
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Runs the request normally and keeps the whole reply in memory.
async fn executed(
    services: &Services,
    req: Request<Incoming>,
) -> (axum::http::response::Parts, Bytes) {
    let (head, body) = services.normal(req).await.into_parts();
    let bytes = body
        .collect()
        .await
        .map(|c| c.to_bytes())
        .unwrap_or_default();
    (head, bytes)
}

/// A reply that announces `len` bytes whatever `body` then sends.
fn with_length(mut head: axum::http::response::Parts, len: usize, body: Body) -> Response {
    head.headers
        .insert("content-length", HeaderValue::from(len));
    Response::from_parts(head, body)
}

/// Reads up to `limit` bytes of the request body (all of it when shorter).
async fn drain(mut body: Incoming, limit: u64) {
    let mut read = 0u64;
    while read < limit {
        match body.frame().await {
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    read += data.len() as u64;
                }
            }
            _ => break,
        }
    }
}

fn status_reply(fault: &Fault) -> Response {
    let status = StatusCode::from_u16(fault.status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let mut error = ApiError::new(status, ApiError::code_for(status), "Injected fault");
    error.retry_after = fault.retry_after.clone();
    error.into_response()
}

fn json_reply(body: &'static str) -> Response {
    let mut response = Response::new(Body::from(body));
    response
        .headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    response
}

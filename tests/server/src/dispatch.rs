//! The top of every request: the request id, the control API, the request log, injected
//! faults and the per-request log line.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::http::{HeaderValue, Request};
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper::body::Incoming;
use tower::ServiceExt;

use crate::app::App;
use crate::conn::{ConnState, NoReply};
use crate::error::ApiError;
use crate::inject::{self, Outcome};
use crate::requestlog::LogEntry;

/// The routers a connection serves.
pub struct Services {
    pub app: Arc<App>,
    pub api: Router,
    pub control: Router,
}

impl Services {
    pub fn new(app: Arc<App>) -> Self {
        let api = crate::routes::router(app.clone());
        let control = crate::control::router(app.clone());
        Self { app, api, control }
    }

    /// The request as the API would answer it without any fault.
    pub async fn normal(&self, req: Request<Incoming>) -> Response {
        crate::gate::serve(&self.app, self.api.clone(), req.map(Body::new)).await
    }
}

/// Answers one request, or `Err(NoReply)` to close the connection without an answer.
pub async fn handle(
    services: Arc<Services>,
    conn: Arc<ConnState>,
    req: Request<Incoming>,
) -> Result<Response, NoReply> {
    let request_id = format!("req_{}", crate::ids::new_uuid().simple());
    let path = req.uri().path();
    if path == "/_control" || path.starts_with("/_control/") {
        let mut response = if services.app.faults_enabled {
            match services.control.clone().oneshot(req.map(Body::new)).await {
                Ok(response) => response,
                Err(never) => match never {},
            }
        } else {
            ApiError::not_found("Route").into_response()
        };
        set_request_id(&mut response, &request_id);
        return Ok(response);
    }

    let started = Instant::now();
    let app = &services.app;
    let method = req.method().as_str().to_owned();
    let path = path.to_owned();
    let fault = if app.faults_enabled {
        app.faults.take(&method, &path)
    } else {
        None
    };
    let seq = app.log.start(LogEntry {
        seq: 0,
        method: method.clone(),
        path: path.clone(),
        query: req.uri().query().map(str::to_owned),
        idempotency_key: req
            .headers()
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        connection_id: conn.id,
        started_ms: app.clock_ms(),
        elapsed_ms: None,
        status: None,
        fault: fault.as_ref().map(|f| f.kind.name()),
        request_id: request_id.clone(),
    });

    let fault_name = fault.as_ref().map(|f| f.kind.name());
    let pending = Pending {
        app: app.clone(),
        seq,
        started,
        status: None,
    };
    let outcome = match fault {
        None => Outcome::Reply(services.normal(req).await),
        Some(fault) => inject::apply(&services, &conn, fault, req).await,
    };
    let elapsed = started.elapsed();
    match outcome {
        Outcome::Reply(mut response) => {
            set_request_id(&mut response, &request_id);
            let status = response.status().as_u16();
            tracing::info!(
                %method, %path, status, elapsed_us = elapsed.as_micros() as u64,
                request_id, fault = fault_name, "request"
            );
            // The entry ends with the body: a stalled or endless one is still in flight.
            let pending = pending.answered(status);
            Ok(response.map(|inner| {
                Body::new(Logged {
                    inner,
                    _pending: pending,
                })
            }))
        }
        Outcome::NoReply => {
            drop(pending);
            tracing::info!(
                %method, %path, elapsed_us = elapsed.as_micros() as u64, request_id,
                fault = fault_name, "request closed without a reply"
            );
            Err(NoReply)
        }
    }
}

fn set_request_id(response: &mut Response, request_id: &str) {
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
}

/// A logged request not yet finished: its entry ends when this is dropped, with the reply's
/// status if one was sent. hyper drops the request's future when the client closes the
/// connection first (a `hang` fault, a long-poll given up), and a reply's body when it is
/// sent or cut, so the drop records the end either way.
struct Pending {
    app: Arc<App>,
    seq: u64,
    started: Instant,
    status: Option<u16>,
}

impl Pending {
    fn answered(mut self, status: u16) -> Pending {
        self.app.log.answered(self.seq, status);
        self.status = Some(status);
        self
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let elapsed_ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.app.log.finish(self.seq, self.status, elapsed_ms);
    }
}

/// A reply body that ends its log entry when it is done or dropped.
struct Logged {
    inner: Body,
    /// Held for its drop.
    _pending: Pending,
}

impl http_body::Body for Logged {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::pin::Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

//! What every `/v1` request passes before its handler: the key check, the rate limit and
//! idempotency replay.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use tokio::io::AsyncWriteExt;
use tokio_util::io::ReaderStream;
use tower::ServiceExt;

use crate::app::App;
use crate::error::ApiError;
use crate::extract::Tenant;
use crate::idempotency::{Claim, Fingerprint, Stored};
use crate::routes::{BODY_LIMIT, UPLOAD_PATH};

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
    let upload = req.uri().path() == UPLOAD_PATH;
    // A declared length over the limit is refused before a byte of the body is read, so the
    // client gets its answer instead of a connection closed in the middle of its upload.
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if !upload && declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return too_large().into_response();
    }

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
        Some(idem) if writes => idempotent(app, api, tenant, &idem, upload, req).await,
        _ if upload => {
            let (parts, body) = req.into_parts();
            let body = first_chunk_ready(body.into_data_stream()).await;
            call(api, Request::from_parts(parts, body)).await
        }
        _ => call(api, req).await,
    }
}

/// The body with its first chunk already read, for the multipart parser.
///
/// multer 3.1 looks for the first boundary by polling the body twice in one poll; when the
/// first poll is pending and the second both brings the data and ends the body, it reports
/// an "incomplete multipart stream" for a body that is whole. A tokio file or a socket can
/// do that when a read completes between the two polls: about one upload in a few thousand
/// under load. With the first chunk there at once, the first poll finds the boundary (a
/// first chunk holds it: the spool's is 64 KiB, a client's is its first write).
async fn first_chunk_ready<S, E>(mut chunks: S) -> Body
where
    S: futures::Stream<Item = Result<Bytes, E>> + Send + Unpin + 'static,
    E: Into<axum::BoxError> + Send + 'static,
{
    use futures::StreamExt;

    let first = chunks.next().await;
    Body::from_stream(futures::stream::iter(first).chain(chunks))
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

fn too_large() -> ApiError {
    ApiError::too_large(format!(
        "The request body is over the limit of {} MiB",
        BODY_LIMIT / (1024 * 1024)
    ))
}

fn unreadable() -> ApiError {
    ApiError::validation("The request body could not be read")
}

/// An upload body on disk, removed once the request is done with it.
struct Spooled(PathBuf);

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Reads a body of at most [`BODY_LIMIT`] bytes into memory, fingerprinting it.
async fn buffer(body: Body, hash: &mut Fingerprint) -> Result<Bytes, ApiError> {
    match Limited::new(body, BODY_LIMIT).collect().await {
        Ok(collected) => {
            let bytes = collected.to_bytes();
            hash.update(&bytes);
            Ok(bytes)
        }
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => Err(too_large()),
        Err(_) => Err(unreadable()),
    }
}

/// Streams an upload body to a file while fingerprinting it: uploads have no size limit, so
/// memory holds only one chunk at a time.
async fn spool(app: &App, mut body: Body, hash: &mut Fingerprint) -> Result<Spooled, ApiError> {
    let name = format!("idempotent-{}.part", crate::ids::new_uuid().simple());
    let spooled = Spooled(app.store.blob_path(&name));
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&spooled.0)
        .await?;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| unreadable())?;
        if let Some(data) = frame.data_ref() {
            hash.update(data);
            file.write_all(data).await?;
        }
    }
    file.flush().await?;
    Ok(spooled)
}

async fn idempotent(
    app: &Arc<App>,
    api: Router,
    tenant: uuid::Uuid,
    key: &str,
    upload: bool,
    req: Request<Body>,
) -> Response {
    let (parts, body) = req.into_parts();
    // The whole body is needed for the fingerprint before anything runs; the handler then
    // reads this one copy of it.
    let mut hash = fingerprint_of(&parts);
    let (body, spooled) = if upload {
        let spooled = match spool(app, body, &mut hash).await {
            Ok(spooled) => spooled,
            Err(err) => return err.into_response(),
        };
        match reopen(&spooled).await {
            Ok(body) => (body, Some(spooled)),
            Err(err) => return err.into_response(),
        }
    } else {
        match buffer(body, &mut hash).await {
            Ok(bytes) => (Body::from(bytes), None),
            Err(err) => return err.into_response(),
        }
    };
    let hash = hash.finish();
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

    let response = call(api, Request::from_parts(parts, body)).await;
    drop(spooled);
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
    let stored = Stored {
        status: head.status,
        content_type,
        body: body.clone(),
    };
    if let Err(err) = app
        .store
        .replay_save(tenant, key, ticket.fingerprint(), &stored)
    {
        // The reply still goes out, and replays from memory until a restart.
        tracing::error!(error = %err, "an idempotency replay could not be stored");
    }
    ticket.complete(stored);
    Response::from_parts(head, Body::from(body))
}

fn fingerprint_of(parts: &Parts) -> Fingerprint {
    let target = parts.uri.path_and_query().map_or("", |p| p.as_str());
    Fingerprint::new(parts.method.as_str(), target)
}

/// The spooled body as a stream read from the start of its file.
async fn reopen(spooled: &Spooled) -> Result<Body, ApiError> {
    let file = tokio::fs::File::open(&spooled.0).await?;
    Ok(first_chunk_ready(ReaderStream::with_capacity(file, 64 * 1024)).await)
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

#[cfg(test)]
mod tests {
    use axum::body::{Body, Bytes};
    use axum::extract::{FromRequest, Multipart};
    use axum::http::Request;

    const BOUNDARY: &str = "b0undary";

    /// A whole form that arrives as a socket or a file can deliver it: nothing on the first
    /// poll, then every byte, then the end without another pending poll.
    fn late_body() -> impl futures::Stream<Item = Result<Bytes, std::io::Error>> + Send + Unpin {
        let form = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\nuser\r\n\
             --{BOUNDARY}--\r\n"
        );
        Box::pin(futures::stream::once(async move {
            tokio::task::yield_now().await;
            Ok(Bytes::from(form))
        }))
    }

    async fn fields(body: Body) -> Result<usize, String> {
        let request = Request::builder()
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body)
            .map_err(|e| e.to_string())?;
        let mut form = Multipart::from_request(request, &())
            .await
            .map_err(|e| e.to_string())?;
        let mut count = 0;
        while let Some(mut field) = form.next_field().await.map_err(|e| e.to_string())? {
            while field.chunk().await.map_err(|e| e.to_string())?.is_some() {}
            count += 1;
        }
        Ok(count)
    }

    #[tokio::test]
    async fn a_form_whose_first_poll_is_pending_parses_once_its_first_chunk_is_ready() {
        assert_eq!(
            fields(super::first_chunk_ready(late_body()).await).await,
            Ok(1)
        );
        // The parser's own behaviour, which the helper works around: when this passes, the
        // multer in use is fixed and first_chunk_ready can go.
        let unaided = fields(Body::from_stream(late_body())).await;
        assert!(
            unaided.is_err(),
            "multer now parses a late body itself: {unaided:?}"
        );
    }
}

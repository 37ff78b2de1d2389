//! The HTTP transport: one shared connection pool (and one per current-thread runtime),
//! attempts with timeouts, retries with backoff and a shared budget, idempotency keys, the
//! body limit, and error mapping.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

use bytes::{Bytes, BytesMut};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::runtime;
use tracing::Instrument;

use crate::error::{Error, ErrorKind, Result};
use crate::fork;
use crate::multipart::Upload;
use crate::options::ClientOptions;
use crate::retry::{backoff_delay, parse_retry_after, RetryBudget};

/// Builds an upload body for one attempt; called again for each retry.
pub(crate) type UploadFactory = Arc<dyn Fn() -> Result<Upload> + Send + Sync>;

/// A request body, and whether it can be sent again on a retry.
pub(crate) enum Body {
    Empty,
    Json(Bytes),
    /// An upload that can be rebuilt from its source for every attempt.
    Upload(UploadFactory),
    /// An upload from a stream that can be read once: never retried once sent.
    UploadOnce(Mutex<Option<Upload>>),
}

/// One logical call: every attempt of it sends the same method, path, body and key.
pub(crate) struct Request {
    pub method: Method,
    /// The path template for logs, e.g. `/v1/users/{id}`: never an email or id.
    pub route: &'static str,
    /// The encoded path below the base URL.
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Body,
    pub idempotency_key: Option<String>,
    pub timeout: Option<Duration>,
    pub max_retries: Option<u32>,
}

impl Request {
    pub(crate) fn new(method: Method, route: &'static str, path: String) -> Request {
        Request {
            method,
            route,
            path,
            query: Vec::new(),
            body: Body::Empty,
            idempotency_key: None,
            timeout: None,
            max_retries: None,
        }
    }

    pub(crate) fn query(mut self, name: &'static str, value: impl ToString) -> Request {
        self.query.push((name, value.to_string()));
        self
    }

    pub(crate) fn query_opt(self, name: &'static str, value: Option<impl ToString>) -> Request {
        match value {
            Some(value) => self.query(name, value),
            None => self,
        }
    }

    pub(crate) fn json(mut self, body: &impl serde::Serialize) -> Result<Request> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::validation(format!("the request body cannot be encoded: {e}")))?;
        self.body = Body::Json(Bytes::from(bytes));
        Ok(self)
    }
}

/// A successful answer, read whole.
pub(crate) struct Raw {
    pub status: StatusCode,
    pub request_id: Option<String>,
    pub body: Bytes,
}

/// The connection pool and the fork generation it was built in.
struct Pool {
    generation: u64,
    http: reqwest::Client,
}

/// A current-thread runtime runs its connections' tasks only while a thread drives it, so
/// each gets a pool of its own: a connection checked out under another runtime would wait
/// for a runtime nobody drives. Keyed by runtime; cleared when it grows past this many (the
/// runtimes of threads that ended), which closes their idle connections.
const CURRENT_THREAD_POOLS_KEPT: usize = 64;

/// Shared by every clone and user-scoped view of a client.
pub(crate) struct Transport {
    pool: RwLock<Pool>,
    current_thread_pools: Mutex<HashMap<runtime::Id, Pool>>,
    options: ClientOptions,
    base_url: String,
    /// The parsed base URL: each request sets only its path, so the host is not parsed
    /// (and IDNA-checked) again on every call.
    base: reqwest::Url,
    /// The base URL's own path without its trailing slash, prefixed to every request path.
    base_path: String,
    api_key: String,
    default_headers: HeaderMap,
    /// The certificate authorities trusted besides the built-in roots, parsed once for every
    /// pool built (a forked child's, a current-thread runtime's).
    roots: Vec<reqwest::Certificate>,
    budget: RetryBudget,
}

const USER_AGENT: &str = concat!("lumnisai-rust/", env!("CARGO_PKG_VERSION"));
const EXCERPT_CHARS: usize = 120;

impl Transport {
    pub(crate) fn new(options: ClientOptions, base: reqwest::Url, api_key: String) -> Result<Self> {
        let mut headers = HeaderMap::new();
        let mut auth = HeaderValue::from_str(&format!("Bearer {api_key}")).map_err(|_| {
            Error::new(ErrorKind::Config, "the API key is not a valid header value")
        })?;
        auth.set_sensitive(true);
        headers.insert(AUTHORIZATION, auth);
        for (name, value) in &options.headers {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                Error::new(
                    ErrorKind::Config,
                    format!("{name:?} is not a valid header name"),
                )
            })?;
            let mut value = HeaderValue::from_str(value).map_err(|_| {
                Error::new(
                    ErrorKind::Config,
                    format!("the value of header {name} is not valid"),
                )
            })?;
            value.set_sensitive(true);
            headers.insert(name, value);
        }

        let base_url = base.as_str().trim_end_matches('/').to_owned();
        let base_path = base.path().trim_end_matches('/').to_owned();
        let roots = root_certificates(&options.root_certificates)?;
        let http = build_http(&options, &headers, &roots)?;
        let pool = RwLock::new(Pool {
            generation: fork::generation(),
            http,
        });
        let budget = RetryBudget::new();
        Ok(Transport {
            pool,
            current_thread_pools: Mutex::new(HashMap::new()),
            options,
            base_url,
            base,
            base_path,
            api_key,
            default_headers: headers,
            roots,
            budget,
        })
    }

    pub(crate) fn options(&self) -> &ClientOptions {
        &self.options
    }

    pub(crate) fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The pool of this process, or of the current-thread runtime the call runs on; a forked
    /// child builds its own, since the parent's connections and their tasks do not survive
    /// `fork()`.
    fn http(&self) -> Result<reqwest::Client> {
        let generation = fork::generation();
        if let Ok(handle) = runtime::Handle::try_current() {
            if handle.runtime_flavor() == runtime::RuntimeFlavor::CurrentThread {
                return self.current_thread_http(handle.id(), generation);
            }
        }
        {
            let pool = self.pool.read().unwrap_or_else(|p| p.into_inner());
            if pool.generation == generation {
                return Ok(pool.http.clone());
            }
        }
        let mut pool = self.pool.write().unwrap_or_else(|p| p.into_inner());
        if pool.generation != generation {
            let fresh = build_http(&self.options, &self.default_headers, &self.roots)?;
            std::mem::forget(std::mem::replace(&mut pool.http, fresh));
            pool.generation = generation;
        }
        Ok(pool.http.clone())
    }

    fn current_thread_http(&self, id: runtime::Id, generation: u64) -> Result<reqwest::Client> {
        let mut pools = self
            .current_thread_pools
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some(pool) = pools.get(&id) {
            if pool.generation == generation {
                return Ok(pool.http.clone());
            }
        }
        if pools.len() >= CURRENT_THREAD_POOLS_KEPT {
            pools.clear();
        }
        let http = build_http(&self.options, &self.default_headers, &self.roots)?;
        let fresh = Pool {
            generation,
            http: http.clone(),
        };
        if let Some(stale) = pools.insert(id, fresh) {
            // A pool from before a fork: its connections belong to the parent.
            std::mem::forget(stale);
        }
        Ok(http)
    }

    /// Sends a request, retrying as the policy allows, and decodes a JSON answer. An answer
    /// with no body (`204 No Content`, which a server may give a delete) reads as `{}`: a
    /// model whose fields are all optional comes back empty, any other is a decode error.
    pub(crate) async fn json<T: DeserializeOwned>(&self, request: Request) -> Result<T> {
        let route = request.route;
        let method = request.method.clone();
        let raw = self.execute(request).await?;
        let body: &[u8] = if raw.body.trim_ascii().is_empty() {
            b"{}"
        } else {
            &raw.body
        };
        serde_json::from_slice(body).map_err(|err| {
            let excerpt = self.excerpt(&raw.body);
            Error::new(
                ErrorKind::Decode,
                format!(
                    "the answer to {method} {route} is not the expected JSON ({err}); \
                     it starts with {excerpt:?}"
                ),
            )
            .with_status(raw.status.as_u16())
            .with_request_id(raw.request_id)
        })
    }

    /// Sends a request, retrying as the policy allows, and returns the whole body.
    pub(crate) async fn execute(&self, request: Request) -> Result<Raw> {
        let span = tracing::debug_span!("lumnisai.request", method = %request.method,
            path = request.route);
        let call = self.with_retries(&request, Bound::Whole, |response| async move {
            let status = response.status();
            let request_id = request_id(response.headers());
            let body = self.read_limited(response).await?;
            Ok(Raw {
                status,
                request_id,
                body,
            })
        });
        in_span(span, call).await
    }

    /// Sends a request and hands each successful answer to `consume`, which reads its body
    /// as it comes and bounds its own waits: the attempt timeout bounds the headers only, so
    /// a large body takes as long as it needs. A failure while consuming is retried, from a
    /// new request, as any other failed attempt.
    pub(crate) async fn consume<T, F, Fut>(&self, request: Request, consume: F) -> Result<T>
    where
        F: Fn(reqwest::Response) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let span = tracing::debug_span!("lumnisai.request", method = %request.method,
            path = request.route);
        in_span(span, self.with_retries(&request, Bound::Head, consume)).await
    }

    /// The retry loop: each attempt has its own timeout and the same idempotency key.
    async fn with_retries<T, F, Fut>(&self, request: &Request, bound: Bound, finish: F) -> Result<T>
    where
        F: Fn(reqwest::Response) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let max_retries = request.max_retries.unwrap_or(self.options.max_retries);
        let timeout = request.timeout.unwrap_or(self.options.timeout);
        // A blank key would make every call under it one operation to the server.
        if request
            .idempotency_key
            .as_deref()
            .is_some_and(|k| k.trim().is_empty())
        {
            return Err(Error::validation("the idempotency key must not be blank"));
        }
        let key = (request.method != Method::GET).then(|| {
            request
                .idempotency_key
                .clone()
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
        });

        let no_answer = || {
            Error::new(
                ErrorKind::Timeout,
                format!(
                    "{} {} got no answer within {timeout:?}",
                    request.method, request.route
                ),
            )
        };

        let mut retry = 0u32;
        loop {
            let started = Instant::now();
            let head = async {
                let response = self.send(request, key.as_deref(), retry).await?;
                if response.status().is_success() {
                    Ok(response)
                } else {
                    Err(self.error_from(response).await)
                }
            };
            let outcome = match bound {
                Bound::Whole => tokio::time::timeout(timeout, async { finish(head.await?).await })
                    .await
                    .unwrap_or_else(|_| Err(no_answer())),
                Bound::Head => match tokio::time::timeout(timeout, head).await {
                    Ok(Ok(response)) => finish(response).await,
                    Ok(Err(error)) => Err(error),
                    Err(_) => Err(no_answer()),
                },
            };
            let outcome = match outcome {
                Ok(value) => {
                    self.budget.refund();
                    tracing::debug!(attempt = retry + 1, elapsed_ms = ms(started), "ok");
                    return Ok(value);
                }
                Err(error) => error,
            };

            let replayable = !matches!(request.body, Body::UploadOnce(_));
            // A 409 to a retry, under the key of the attempts before it, is the server saying
            // that one of them is still running (as the local server and Stripe answer it):
            // the call will have an answer, which a later attempt is given. A first attempt's
            // 409 stays an error, as the contract has it.
            let in_flight = retry > 0 && key.is_some() && outcome.status() == Some(409);
            let retryable = outcome.is_retryable() || in_flight;
            tracing::debug!(
                attempt = retry + 1,
                elapsed_ms = ms(started),
                status = outcome.status(),
                request_id = outcome.request_id(),
                error = outcome.kind().as_str(),
                "attempt failed"
            );
            if !retryable || !replayable || retry >= max_retries {
                return Err(outcome);
            }

            let wait = match outcome.retry_after() {
                Some(wait) if wait > self.options.max_retry_after => return Err(outcome),
                Some(wait) => wait,
                None => backoff_delay(&self.options.backoff, retry),
            };
            if !self.budget.try_spend(outcome.kind() == ErrorKind::Timeout) {
                tracing::warn!("retry budget exhausted: not retrying a failed request");
                return Err(outcome);
            }
            tracing::info!(
                attempt = retry + 1,
                wait_ms = wait.as_millis() as u64,
                error = outcome.kind().as_str(),
                "retrying"
            );
            tokio::time::sleep(wait).await;
            retry += 1;
        }
    }

    async fn send(
        &self,
        request: &Request,
        key: Option<&str>,
        retry: u32,
    ) -> Result<reqwest::Response> {
        let url = self.url(&request.path);
        let mut builder = self.http()?.request(request.method.clone(), url);
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        if let Some(key) = key {
            builder = builder.header("Idempotency-Key", key);
        }
        if retry > 0 {
            builder = builder.header("X-Lumnis-Retry-Count", retry);
        }
        builder = match &request.body {
            Body::Empty => builder,
            Body::Json(bytes) => builder
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(bytes.clone()),
            Body::Upload(factory) => with_upload(builder, factory()?),
            Body::UploadOnce(slot) => {
                let taken = slot.lock().unwrap_or_else(|p| p.into_inner()).take();
                let upload = taken.ok_or_else(|| {
                    Error::validation("an upload from a stream cannot be sent twice")
                })?;
                with_upload(builder, upload)
            }
        };
        builder
            .send()
            .await
            .map_err(|err| self.transport_error(err))
    }

    /// The URL of an encoded path below the base URL.
    fn url(&self, path: &str) -> reqwest::Url {
        let mut url = self.base.clone();
        url.set_path(&[self.base_path.as_str(), path].concat());
        url
    }

    /// Reads a body into memory, refusing to go past the limit.
    pub(crate) async fn read_limited(&self, mut response: reqwest::Response) -> Result<Bytes> {
        let limit = self.options.max_response_bytes;
        if let Some(len) = response.content_length() {
            if len > limit {
                return Err(too_large(limit, &response));
            }
            // hyper reads a sized body to its length and no further, so the limit holds, and
            // a body that arrives in one piece is handed over without a copy.
            return response.bytes().await.map_err(|e| self.transport_error(e));
        }

        let mut body = BytesMut::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.transport_error(e))?
        {
            if (body.len() + chunk.len()) as u64 > limit {
                // Dropping the unfinished response closes its connection.
                return Err(too_large(limit, &response));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    }

    /// Turns an error answer into an [`Error`] carrying its status, request id and body.
    async fn error_from(&self, response: reqwest::Response) -> Error {
        let status = response.status();
        let headers = response.headers().clone();
        let request_id = request_id(&headers);
        let retry_after = parse_retry_after(
            header_str(&headers, "retry-after"),
            header_str(&headers, "retry-after-ms"),
            SystemTime::now(),
        );
        let body = match self.read_limited(response).await {
            Ok(body) => body,
            Err(err) => return err.with_status(status.as_u16()).with_request_id(request_id),
        };

        let parsed: Option<Value> = serde_json::from_slice(&body).ok();
        let (message, code) = parsed.as_ref().map(error_message).unwrap_or_default();
        let message = message.unwrap_or_else(|| {
            let reason = status.canonical_reason().unwrap_or("error");
            format!("the server answered {} {reason}", status.as_u16())
        });
        // A server may echo the request, its Authorization header included, in an error body.
        let details = parsed
            .map(|details| self.redact_json(details))
            .or_else(|| (!body.is_empty()).then(|| Value::String(self.excerpt(&body))));
        Error::new(
            ErrorKind::from_status(status.as_u16()),
            self.redact(&message),
        )
        .with_status(status.as_u16())
        .with_request_id(request_id)
        .with_code(code)
        .with_details(details)
        .with_retry_after(retry_after)
    }

    fn transport_error(&self, err: reqwest::Error) -> Error {
        let (kind, what) = if err.is_timeout() {
            (ErrorKind::Timeout, "timed out")
        } else if err.is_connect() {
            (ErrorKind::Transport, "could not connect")
        } else if err.is_body() || err.is_decode() {
            (
                ErrorKind::Transport,
                "the connection failed while reading the answer",
            )
        } else {
            (ErrorKind::Transport, "the request failed")
        };
        let cause = self.redact(&root_cause(&err));
        Error::new(kind, format!("{what} ({}): {cause}", self.base_url)).with_source(err)
    }

    /// A short excerpt of a body for messages, with the key removed.
    fn excerpt(&self, body: &[u8]) -> String {
        let text = String::from_utf8_lossy(body);
        let mut cut: String = text.chars().take(EXCERPT_CHARS).collect();
        if text.chars().count() > EXCERPT_CHARS {
            cut.push('…');
        }
        self.redact(&cut)
    }

    fn redact(&self, text: &str) -> String {
        redact_key(text, &self.api_key)
    }

    /// `value` with the key removed from every string in it, object keys included.
    fn redact_json(&self, value: Value) -> Value {
        match value {
            Value::String(text) => Value::String(self.redact(&text)),
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|v| self.redact_json(v)).collect())
            }
            Value::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(name, v)| (self.redact(&name), self.redact_json(v)))
                    .collect(),
            ),
            other => other,
        }
    }
}

/// What an attempt's timeout bounds.
#[derive(Clone, Copy)]
enum Bound {
    /// The request, its answer and whatever reads the answer.
    Whole,
    /// The request and the answer's headers; the reader of the body bounds its own waits.
    Head,
}

/// Runs a call inside its span, or bare when no subscriber wants the span: entering and
/// leaving even a disabled span on every poll is a cost each concurrent call would pay.
async fn in_span<T>(span: tracing::Span, call: impl std::future::Future<Output = T>) -> T {
    if span.is_disabled() {
        call.await
    } else {
        call.instrument(span).await
    }
}

/// Replaces every occurrence of the key (and of any 8-character run of it) in `text`.
pub(crate) fn redact_key(text: &str, key: &str) -> String {
    if key.len() < 8 {
        return if key.is_empty() {
            text.to_owned()
        } else {
            text.replace(key, "<redacted>")
        };
    }
    let mut out = text.replace(key, "<redacted>");
    for start in 0..=key.len() - 8 {
        if let Some(piece) = key.get(start..start + 8) {
            if out.contains(piece) {
                out = out.replace(piece, "<redacted>");
            }
        }
    }
    out
}

fn with_upload(builder: reqwest::RequestBuilder, upload: Upload) -> reqwest::RequestBuilder {
    let builder = builder.header(reqwest::header::CONTENT_TYPE, upload.content_type);
    let builder = match upload.length {
        Some(length) => builder.header(reqwest::header::CONTENT_LENGTH, length),
        None => builder,
    };
    builder.body(upload.body)
}

/// Parses PEM texts of certificate authorities; text with no certificate in it is refused,
/// since trusting nothing more is never what was meant.
fn root_certificates(pems: &[Vec<u8>]) -> Result<Vec<reqwest::Certificate>> {
    let mut roots = Vec::new();
    for pem in pems {
        let certificates = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
            Error::new(
                ErrorKind::Config,
                format!("a root certificate is not valid PEM: {e}"),
            )
        })?;
        if certificates.is_empty() {
            return Err(Error::new(
                ErrorKind::Config,
                "a root certificate text holds no PEM certificate",
            ));
        }
        roots.extend(certificates);
    }
    Ok(roots)
}

fn build_http(
    options: &ClientOptions,
    headers: &HeaderMap,
    roots: &[reqwest::Certificate],
) -> Result<reqwest::Client> {
    let agent = match &options.user_agent_suffix {
        Some(suffix) => format!("{USER_AGENT} {suffix}"),
        None => USER_AGENT.to_owned(),
    };
    let builder = roots
        .iter()
        .fold(reqwest::Client::builder(), |builder, root| {
            builder.add_root_certificate(root.clone())
        });
    builder
        .user_agent(agent)
        .default_headers(headers.clone())
        .connect_timeout(options.connect_timeout)
        .pool_idle_timeout(Duration::from_secs(60))
        .tcp_nodelay(true)
        .build()
        .map_err(|e| {
            Error::new(
                ErrorKind::Config,
                format!("cannot build the HTTP client: {e}"),
            )
        })
}

/// The message and code of an error body in either of the contract's forms.
fn error_message(body: &Value) -> (Option<String>, Option<String>) {
    let error = body.get("error");
    let code = error
        .and_then(|e| e.get("code"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let message = error
        .and_then(|e| {
            e.get("message")
                .and_then(Value::as_str)
                .or_else(|| e.as_str())
        })
        .map(str::to_owned)
        .or_else(|| match body.get("detail") {
            Some(Value::String(text)) => Some(text.clone()),
            Some(Value::Array(items)) => Some(
                items
                    .iter()
                    .map(|item| item.get("msg").and_then(Value::as_str).unwrap_or("invalid"))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            _ => None,
        })
        .or_else(|| {
            body.get("message")
                .and_then(Value::as_str)
                .map(str::to_owned)
        });
    (message, code)
}

fn too_large(limit: u64, response: &reqwest::Response) -> Error {
    Error::new(
        ErrorKind::BodyTooLarge,
        format!("the answer is larger than the {limit}-byte limit"),
    )
    .with_status(response.status().as_u16())
    .with_request_id(request_id(response.headers()))
}

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

fn request_id(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(X_REQUEST_ID)?;
    value.to_str().ok().map(str::to_owned)
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

fn ms(since: Instant) -> u64 {
    since.elapsed().as_millis() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_removes_the_key_and_its_fragments() {
        let key = "sk-live-abcdefghijklmnop";
        assert_eq!(
            redact_key("key sk-live-abcdefghijklmnop!", key),
            "key <redacted>!"
        );
        let partial = redact_key("leaked ghijklmn here", key);
        assert!(!partial.contains("ghijklmn"), "{partial}");
        assert_eq!(redact_key("nothing here", key), "nothing here");
    }

    #[test]
    fn request_urls_keep_the_base_path_and_the_encoded_segments() {
        let at = |base: &str, path: &str| {
            let options = ClientOptions::new().api_key("k");
            let base = reqwest::Url::parse(base).unwrap();
            let transport = Transport::new(options, base, "k".to_owned()).unwrap();
            transport.url(path).to_string()
        };
        assert_eq!(
            at("http://127.0.0.1:8080", "/v1/users/a%2Bb%40c.co"),
            "http://127.0.0.1:8080/v1/users/a%2Bb%40c.co"
        );
        assert_eq!(
            at(
                "https://api.example.com/lumnis",
                "/v1/users/%E2%9C%93%3F%23"
            ),
            "https://api.example.com/lumnis/v1/users/%E2%9C%93%3F%23"
        );
    }

    #[test]
    fn error_bodies_in_both_forms() {
        let body = serde_json::json!({"error": {"code": "NOT_FOUND", "message": "User not found"}});
        assert_eq!(
            error_message(&body),
            (Some("User not found".into()), Some("NOT_FOUND".into()))
        );
        let fastapi = serde_json::json!({"detail": "Invalid email"});
        assert_eq!(
            error_message(&fastapi),
            (Some("Invalid email".into()), None)
        );
        let list = serde_json::json!({"detail": [{"msg": "bad email"}, {"msg": "too short"}]});
        assert_eq!(
            error_message(&list).0.as_deref(),
            Some("bad email; too short")
        );
    }
}

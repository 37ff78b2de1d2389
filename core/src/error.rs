//! The one error type of the crate, with a stable kind that every binding maps to its own
//! exception classes.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

/// A specialized `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in a form that stays stable across versions and languages.
///
/// | kind | raised for |
/// | --- | --- |
/// | `Authentication` | HTTP 401 and 403 |
/// | `NotFound` | HTTP 404 |
/// | `Validation` | other 4xx (400, 409, 422), and bad arguments caught before any request |
/// | `RateLimit` | HTTP 429 after the retries, or a `Retry-After` longer than the cap |
/// | `Server` | HTTP 5xx after the retries |
/// | `Transport` | no answer: connection refused, reset, or closed mid-body |
/// | `Timeout` | HTTP 408 after the retries, or an attempt or an `invoke` deadline ran out |
/// | `Decode` | a body that is not the JSON the contract promises |
/// | `BodyTooLarge` | a response body over the configured limit |
/// | `MissingUserId` | user scope with no user, caught before any request |
/// | `TenantScopeUserIdConflict` | never: a user switches tenant scope to user scope |
/// | `LocalFileNotSupported` | a local path where a file reference is expected |
/// | `Config` | a client that cannot be built (no API key, a bad base URL) |
/// | `Io` | a local file could not be read or written |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The API key was missing, wrong or not allowed (401, 403).
    Authentication,
    /// The object does not exist for this tenant or user (404).
    NotFound,
    /// The request was rejected as invalid, by the server or before sending it.
    Validation,
    /// Too many requests (429).
    RateLimit,
    /// The server failed (5xx).
    Server,
    /// The request got no answer.
    Transport,
    /// An attempt or a total deadline ran out.
    Timeout,
    /// The answer was not the expected JSON.
    Decode,
    /// The answer was larger than the body limit.
    BodyTooLarge,
    /// User scope was asked for without a user.
    MissingUserId,
    /// Tenant scope with a user. No call raises it (the user switches the call to user
    /// scope, as in the official SDKs); the kind stays so that code catching their error
    /// class keeps working.
    TenantScopeUserIdConflict,
    /// A local path was given where the API takes an artifact id or a remote URI.
    LocalFileNotSupported,
    /// The client could not be built.
    Config,
    /// A local file could not be read or written.
    Io,
}

impl ErrorKind {
    /// The kind as a stable snake_case name, used by every binding.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Authentication => "authentication",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Validation => "validation",
            ErrorKind::RateLimit => "rate_limit",
            ErrorKind::Server => "server",
            ErrorKind::Transport => "transport",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Decode => "decode",
            ErrorKind::BodyTooLarge => "body_too_large",
            ErrorKind::MissingUserId => "missing_user_id",
            ErrorKind::TenantScopeUserIdConflict => "tenant_scope_user_id_conflict",
            ErrorKind::LocalFileNotSupported => "local_file_not_supported",
            ErrorKind::Config => "config",
            ErrorKind::Io => "io",
        }
    }

    /// The kind an HTTP error status maps to.
    pub fn from_status(status: u16) -> ErrorKind {
        match status {
            401 | 403 => ErrorKind::Authentication,
            404 => ErrorKind::NotFound,
            408 => ErrorKind::Timeout,
            429 => ErrorKind::RateLimit,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::Validation,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error from the Lumnis client: a kind, a message, and what the server said about it.
///
/// No field ever holds the API key: messages are built from status lines, error bodies and
/// local facts, and body excerpts are redacted before they are stored.
#[derive(Clone)]
pub struct Error(Box<Repr>);

// Boxed so that `Result<T, Error>` stays one pointer wide on the happy path.
#[derive(Clone)]
struct Repr {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    request_id: Option<String>,
    code: Option<String>,
    details: Option<Value>,
    retry_after: Option<Duration>,
    response_id: Option<String>,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    /// A new error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Repr {
            kind,
            message: message.into(),
            status: None,
            request_id: None,
            code: None,
            details: None,
            retry_after: None,
            response_id: None,
            source: None,
        }))
    }

    pub(crate) fn validation(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Validation, message)
    }

    pub(crate) fn with_status(mut self, status: u16) -> Error {
        self.0.status = Some(status);
        self
    }

    pub(crate) fn with_request_id(mut self, request_id: Option<String>) -> Error {
        self.0.request_id = request_id;
        self
    }

    pub(crate) fn with_code(mut self, code: Option<String>) -> Error {
        self.0.code = code;
        self
    }

    pub(crate) fn with_details(mut self, details: Option<Value>) -> Error {
        self.0.details = details;
        self
    }

    pub(crate) fn with_retry_after(mut self, retry_after: Option<Duration>) -> Error {
        self.0.retry_after = retry_after;
        self
    }

    pub(crate) fn with_response_id(mut self, response_id: impl Into<String>) -> Error {
        self.0.response_id = Some(response_id.into());
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.0.source = Some(Arc::new(source));
        self
    }

    /// The stable kind of the error.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message, without the status or request id.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        self.0.status
    }

    /// The server's `X-Request-ID`, when the server answered.
    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    /// The server's error code (`error.code` in the body), when it gave one.
    pub fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }

    /// The error details as JSON: the server's whole error body, as the contract gives it
    /// (`{"error": {...}}` or a FastAPI `{"detail": ...}`), or an excerpt of the body as a
    /// string when it was not JSON. For an `Io` error, `{"path": ..., "reason": ...}`, the
    /// reason one of `not_found`, `permission_denied`, `is_a_directory` and `other`.
    pub fn details(&self) -> Option<&Value> {
        self.0.details.as_ref()
    }

    /// How long the server asked to wait, for rate-limit errors.
    pub fn retry_after(&self) -> Option<Duration> {
        self.0.retry_after
    }

    /// The response an `invoke` was waiting for, for its deadline errors.
    pub fn response_id(&self) -> Option<&str> {
        self.0.response_id.as_deref()
    }

    /// Whether a new attempt of the same request could succeed: the client's own retry rule
    /// (408, 429, 500, 502, 503 and 504; no answer at all, or an attempt that timed out).
    pub fn is_retryable(&self) -> bool {
        match self.0.status {
            Some(status) => crate::retry::is_retryable_status(status),
            None => matches!(self.0.kind, ErrorKind::Transport | ErrorKind::Timeout),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)?;
        match (self.0.status, &self.0.request_id) {
            (Some(status), Some(id)) => write!(f, " (HTTP {status}, request {id})"),
            (Some(status), None) => write!(f, " (HTTP {status})"),
            (None, Some(id)) => write!(f, " (request {id})"),
            (None, None) => Ok(()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Error");
        out.field("kind", &self.0.kind)
            .field("message", &self.0.message);
        if let Some(status) = self.0.status {
            out.field("status", &status);
        }
        if let Some(id) = &self.0.request_id {
            out.field("request_id", id);
        }
        if let Some(code) = &self.0.code {
            out.field("code", code);
        }
        if let Some(details) = &self.0.details {
            out.field("details", details);
        }
        if let Some(wait) = self.0.retry_after {
            out.field("retry_after", &wait);
        }
        if let Some(id) = &self.0.response_id {
            out.field("response_id", id);
        }
        out.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ErrorKind::from_status(401), ErrorKind::Authentication);
        assert_eq!(ErrorKind::from_status(403), ErrorKind::Authentication);
        assert_eq!(ErrorKind::from_status(404), ErrorKind::NotFound);
        assert_eq!(ErrorKind::from_status(409), ErrorKind::Validation);
        assert_eq!(ErrorKind::from_status(422), ErrorKind::Validation);
        assert_eq!(ErrorKind::from_status(429), ErrorKind::RateLimit);
        assert_eq!(ErrorKind::from_status(503), ErrorKind::Server);
    }

    #[test]
    fn retryable_follows_the_status_then_the_kind() {
        let status = |s| Error::new(ErrorKind::from_status(s), "x").with_status(s);
        assert!(status(503).is_retryable() && status(429).is_retryable());
        assert!(!status(501).is_retryable() && !status(404).is_retryable());
        assert!(Error::new(ErrorKind::Transport, "reset").is_retryable());
        assert!(!Error::new(ErrorKind::Decode, "bad json").is_retryable());
    }

    #[test]
    fn display_is_one_sentence_with_status_and_request_id() {
        let err = Error::new(ErrorKind::NotFound, "User not found")
            .with_status(404)
            .with_request_id(Some("req_1".into()));
        assert_eq!(err.to_string(), "User not found (HTTP 404, request req_1)");
    }
}

//! `LumnisError`: the one error of every export, one variant per core [`ErrorKind`].
//!
//! Kotlin sees a sealed `LumnisException` hierarchy (`LumnisException.NotFound`, ...), Swift
//! a `LumnisError` enum. Every variant carries the message, the HTTP status and request id
//! when the server answered, the server's error code, and the details as JSON text; a rate
//! limit adds the asked wait, a timed-out `invoke` the response it was waiting for. No field
//! ever holds the API key: the core never puts it in an error.

use std::fmt;

use lumnisai::ErrorKind;

macro_rules! lumnis_error {
    ($( $(#[$doc:meta])* $variant:ident $kind:ident {
        $($(#[$extra_doc:meta])* $extra:ident: $ty:ty),*
    } )*) => {
        /// An error from the Lumnis client.
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
        pub enum LumnisError {
            $(
                $(#[$doc])*
                $variant {
                    /// What went wrong, in one sentence.
                    message: String,
                    /// The HTTP status, when the server answered.
                    status: Option<i32>,
                    /// The server's `X-Request-ID`, when the server answered.
                    request_id: Option<String>,
                    /// The server's error code, when it gave one.
                    code: Option<String>,
                    /// The error details as JSON text, when there are any.
                    details_json: Option<String>,
                    $($(#[$extra_doc])* $extra: $ty,)*
                },
            )*
        }

        impl From<lumnisai::Error> for LumnisError {
            fn from(err: lumnisai::Error) -> LumnisError {
                let message = err.message().to_owned();
                let status = err.status().map(i32::from);
                let request_id = err.request_id().map(str::to_owned);
                let code = err.code().map(str::to_owned);
                let details_json = err.details().map(|d| d.to_string());
                match err.kind() {
                    $(ErrorKind::$kind => LumnisError::$variant {
                        message, status, request_id, code, details_json,
                        $($extra: extra::$extra(&err),)*
                    },)*
                    // The core's kinds are non-exhaustive: a kind added later is a server
                    // error here until this binding names it.
                    _ => LumnisError::Server {
                        message, status, request_id, code, details_json,
                    },
                }
            }
        }

        impl LumnisError {
            /// The core's stable name of the kind: `not_found`, `rate_limit`, ...
            pub fn kind(&self) -> &'static str {
                match self {
                    $(LumnisError::$variant { .. } => ErrorKind::$kind.as_str(),)*
                }
            }

            fn parts(&self) -> (&str, Option<i32>, Option<&str>) {
                match self {
                    $(LumnisError::$variant { message, status, request_id, .. } => {
                        (message, *status, request_id.as_deref())
                    })*
                }
            }
        }
    };
}

lumnis_error! {
    /// The API key was missing, wrong or not allowed (401, 403).
    Authentication Authentication {}
    /// The object does not exist for this tenant or user (404).
    NotFound NotFound {}
    /// The request was rejected as invalid, by the server (400, 409, 422) or before sending.
    Validation Validation {}
    /// Too many requests (429) after the retries, or a `Retry-After` over the cap.
    RateLimit RateLimit {
        /// The wait the server asked for (`Retry-After`), in milliseconds, when it gave one.
        retry_after_ms: Option<i64>
    }
    /// The server failed (5xx) after the retries.
    Server Server {}
    /// The request got no answer: refused, reset, or closed mid-body.
    Transport Transport {}
    /// An attempt, or an `invoke`'s `maxWaitMs`, ran out.
    Timeout Timeout {
        /// The response a timed-out `invoke` was waiting for; the run goes on on the server.
        response_id: Option<String>
    }
    /// The answer was not the JSON the contract promises.
    Decode Decode {}
    /// The answer was larger than the body limit.
    BodyTooLarge BodyTooLarge {}
    /// User scope was asked for without a user.
    MissingUserId MissingUserId {}
    /// Never raised: a user switches a call to user scope (kept for the official SDKs' kind).
    TenantScopeUserIdConflict TenantScopeUserIdConflict {}
    /// A local path was given where the API takes a file id or a remote URI.
    LocalFileNotSupported LocalFileNotSupported {}
    /// The client could not be built (no API key, a bad base URL).
    Config Config {}
    /// A local file could not be read or written.
    Io Io {}
}

/// The fields only some variants carry.
mod extra {
    pub(super) fn retry_after_ms(err: &lumnisai::Error) -> Option<i64> {
        err.retry_after().map(|d| crate::ints::long(d.as_millis()))
    }

    pub(super) fn response_id(err: &lumnisai::Error) -> Option<String> {
        err.response_id().map(str::to_owned)
    }
}

impl fmt::Display for LumnisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (message, status, request_id) = self.parts();
        f.write_str(message)?;
        match (status, request_id) {
            (Some(status), Some(id)) => write!(f, " (HTTP {status}, request {id})"),
            (Some(status), None) => write!(f, " (HTTP {status})"),
            (None, Some(id)) => write!(f, " (request {id})"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for LumnisError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_maps_to_its_variant() {
        let kinds = [
            ErrorKind::Authentication,
            ErrorKind::NotFound,
            ErrorKind::Validation,
            ErrorKind::RateLimit,
            ErrorKind::Server,
            ErrorKind::Transport,
            ErrorKind::Timeout,
            ErrorKind::Decode,
            ErrorKind::BodyTooLarge,
            ErrorKind::MissingUserId,
            ErrorKind::TenantScopeUserIdConflict,
            ErrorKind::LocalFileNotSupported,
            ErrorKind::Config,
            ErrorKind::Io,
        ];
        for kind in kinds {
            let err = LumnisError::from(lumnisai::Error::new(kind, "x"));
            assert_eq!(err.kind(), kind.as_str());
        }
    }

    #[test]
    fn display_has_the_message() {
        let err = LumnisError::from(lumnisai::Error::new(ErrorKind::Config, "no API key"));
        assert_eq!(err.to_string(), "no API key");
    }
}

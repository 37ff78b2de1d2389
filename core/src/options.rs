//! Client options: what a `Client` is built from, the environment fallback, and the per-call
//! overrides.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The hosted API, used when neither the options nor `LUMNISAI_BASE_URL` name another.
pub const DEFAULT_BASE_URL: &str = "https://api.lumnis.ai";

/// The environment variable that holds the API key.
pub const ENV_API_KEY: &str = "LUMNISAI_API_KEY";
/// The environment variable that overrides the base URL.
pub const ENV_BASE_URL: &str = "LUMNISAI_BASE_URL";
/// The environment variable that names the tenant (optional: the key implies it).
pub const ENV_TENANT_ID: &str = "LUMNISAI_TENANT_ID";
/// A PEM file of certificate authorities trusted besides the built-in roots, as OpenSSL,
/// curl and Python's httpx read it: how a TLS-inspecting proxy's CA is given.
pub const ENV_CA_FILE: &str = "SSL_CERT_FILE";

/// Who a call acts for: the whole tenant, or one of its users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The call acts for the tenant and bypasses user isolation.
    #[default]
    Tenant,
    /// The call acts for one user.
    User,
}

impl Scope {
    /// The wire name: `tenant` or `user`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Tenant => "tenant",
            Scope::User => "user",
        }
    }
}

impl std::str::FromStr for Scope {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Scope> {
        match s.to_ascii_lowercase().as_str() {
            "tenant" => Ok(Scope::Tenant),
            "user" => Ok(Scope::User),
            _ => Err(crate::Error::validation(format!(
                "scope must be \"tenant\" or \"user\", not {s:?}"
            ))),
        }
    }
}

/// How long to wait between attempts: exponential from `initial`, capped at `max`, with jitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The wait before the first retry, before jitter.
    pub initial: Duration,
    /// The longest wait between two attempts, before jitter.
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff {
            initial: Duration::from_millis(500),
            max: Duration::from_secs(8),
        }
    }
}

/// Everything a [`Client`](crate::Client) is built from.
///
/// Fields left `None` are taken from the environment (`LUMNISAI_API_KEY`,
/// `LUMNISAI_BASE_URL`, `LUMNISAI_TENANT_ID`) when the client is built.
#[derive(Clone)]
pub struct ClientOptions {
    /// The API key; `LUMNISAI_API_KEY` when `None`.
    pub api_key: Option<String>,
    /// The base URL; `LUMNISAI_BASE_URL`, else [`DEFAULT_BASE_URL`], when `None`.
    pub base_url: Option<String>,
    /// The tenant id; `LUMNISAI_TENANT_ID` when `None`. Informational: the key implies it.
    pub tenant_id: Option<String>,
    /// The time one attempt may take, from sending to the last byte of the answer (for a
    /// download to a path: to the headers, then from one chunk to the next).
    pub timeout: Duration,
    /// The time a new connection may take to open.
    pub connect_timeout: Duration,
    /// How many times a failed request is retried (so attempts = `max_retries + 1`).
    pub max_retries: u32,
    /// The waits between attempts.
    pub backoff: Backoff,
    /// The longest `Retry-After` the client sleeps; a longer one is raised as a rate-limit
    /// error at once.
    pub max_retry_after: Duration,
    /// The scope of calls that do not name one.
    pub scope: Scope,
    /// Headers sent with every request.
    pub headers: Vec<(String, String)>,
    /// Appended to the `User-Agent`, e.g. `python/3.11` by a binding.
    pub user_agent_suffix: Option<String>,
    /// The largest response body read into memory.
    pub max_response_bytes: u64,
    /// How often `invoke` reads a response when the server does not hold `wait` requests.
    pub poll_interval: Duration,
    /// How long one `invoke` read asks the server to hold the request (`?wait=`).
    pub long_poll_wait: Duration,
    /// How long `invoke` waits in all for a final status.
    pub invoke_deadline: Duration,
    /// PEM certificate authorities trusted besides the built-in (Mozilla) roots: each entry
    /// one PEM text of one or more certificates. The file named by `SSL_CERT_FILE` is added
    /// to them when the client is built.
    pub root_certificates: Vec<Vec<u8>>,
}

impl Default for ClientOptions {
    fn default() -> ClientOptions {
        ClientOptions {
            api_key: None,
            base_url: None,
            tenant_id: None,
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(5),
            max_retries: 3,
            backoff: Backoff::default(),
            max_retry_after: Duration::from_secs(60),
            scope: Scope::Tenant,
            headers: Vec::new(),
            user_agent_suffix: None,
            max_response_bytes: 64 * 1024 * 1024,
            poll_interval: Duration::from_secs(1),
            long_poll_wait: Duration::from_secs(10),
            invoke_deadline: Duration::from_secs(300),
            root_certificates: Vec::new(),
        }
    }
}

impl ClientOptions {
    /// Options with every field at its default: the key and URL come from the environment.
    pub fn new() -> ClientOptions {
        ClientOptions::default()
    }

    /// Sets the API key.
    #[must_use]
    pub fn api_key(mut self, key: impl Into<String>) -> ClientOptions {
        self.api_key = Some(key.into());
        self
    }

    /// Sets the base URL.
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> ClientOptions {
        self.base_url = Some(url.into());
        self
    }

    /// Sets the per-attempt timeout.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> ClientOptions {
        self.timeout = timeout;
        self
    }

    /// Sets how many times a failed request is retried.
    #[must_use]
    pub fn max_retries(mut self, retries: u32) -> ClientOptions {
        self.max_retries = retries;
        self
    }

    /// Sets the waits between attempts.
    #[must_use]
    pub fn backoff(mut self, backoff: Backoff) -> ClientOptions {
        self.backoff = backoff;
        self
    }

    /// Sets the default scope.
    #[must_use]
    pub fn scope(mut self, scope: Scope) -> ClientOptions {
        self.scope = scope;
        self
    }

    /// Adds a header to every request.
    #[must_use]
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> ClientOptions {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Appends a product token to the `User-Agent`.
    #[must_use]
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> ClientOptions {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Sets the tenant id (a uuid; informational, since the key implies the tenant).
    #[must_use]
    pub fn tenant_id(mut self, tenant: impl Into<String>) -> ClientOptions {
        self.tenant_id = Some(tenant.into());
        self
    }

    /// Sets the time a new connection may take to open.
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> ClientOptions {
        self.connect_timeout = timeout;
        self
    }

    /// Sets the longest `Retry-After` the client sleeps before raising instead.
    #[must_use]
    pub fn max_retry_after(mut self, wait: Duration) -> ClientOptions {
        self.max_retry_after = wait;
        self
    }

    /// Sets the largest response body read into memory.
    #[must_use]
    pub fn max_response_bytes(mut self, bytes: u64) -> ClientOptions {
        self.max_response_bytes = bytes;
        self
    }

    /// Sets how often `invoke` reads a response when the server does not hold the read.
    #[must_use]
    pub fn poll_interval(mut self, interval: Duration) -> ClientOptions {
        self.poll_interval = interval;
        self
    }

    /// Sets how long each `invoke` read asks the server to hold it (`?wait=`).
    #[must_use]
    pub fn long_poll_wait(mut self, wait: Duration) -> ClientOptions {
        self.long_poll_wait = wait;
        self
    }

    /// Sets how long `invoke` waits in all for a final status.
    #[must_use]
    pub fn invoke_deadline(mut self, deadline: Duration) -> ClientOptions {
        self.invoke_deadline = deadline;
        self
    }

    /// Trusts the certificate authorities of this PEM text too, besides the built-in roots.
    #[must_use]
    pub fn root_certificate(mut self, pem: impl Into<Vec<u8>>) -> ClientOptions {
        self.root_certificates.push(pem.into());
        self
    }
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = self.api_key.as_ref().map(|_| "<redacted>");
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("ClientOptions")
            .field("api_key", &key)
            .field("base_url", &self.base_url)
            .field("tenant_id", &self.tenant_id)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field("backoff", &self.backoff)
            .field("max_retry_after", &self.max_retry_after)
            .field("scope", &self.scope)
            .field("headers", &headers)
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("poll_interval", &self.poll_interval)
            .field("long_poll_wait", &self.long_poll_wait)
            .field("invoke_deadline", &self.invoke_deadline)
            .field("root_certificates", &self.root_certificates.len())
            .finish()
    }
}

/// Overrides for the calls made through one handle: see
/// [`Client::with_options`](crate::Client::with_options).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// The per-attempt timeout of these calls.
    pub timeout: Option<Duration>,
    /// The retry count of these calls.
    pub max_retries: Option<u32>,
    /// The `Idempotency-Key` of every non-GET request made through the view that carries
    /// these options (otherwise a fresh uuid for each call): the server answers a second,
    /// different request under the same key with an error, so give one key to one operation.
    pub idempotency_key: Option<String>,
}

impl CallOptions {
    /// Overrides with nothing set.
    pub fn new() -> CallOptions {
        CallOptions::default()
    }

    /// Sets the per-attempt timeout.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> CallOptions {
        self.timeout = Some(timeout);
        self
    }

    /// Sets the retry count.
    #[must_use]
    pub fn max_retries(mut self, retries: u32) -> CallOptions {
        self.max_retries = Some(retries);
        self
    }

    /// Sets the idempotency key.
    #[must_use]
    pub fn idempotency_key(mut self, key: impl Into<String>) -> CallOptions {
        self.idempotency_key = Some(key.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_the_key_and_header_values() {
        let opts = ClientOptions::new()
            .api_key("sk-secret-123")
            .header("X-Token", "tok-456");
        let shown = format!("{opts:?}");
        assert!(!shown.contains("sk-secret-123"), "{shown}");
        assert!(!shown.contains("tok-456"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }

    #[test]
    fn every_setting_has_a_setter() {
        let second = Duration::from_secs(1);
        let opts = ClientOptions::new()
            .tenant_id("0b6f3b8e-8a8e-4d3a-9a53-1f6f0c7f9c11")
            .connect_timeout(second)
            .max_retry_after(2 * second)
            .max_response_bytes(1024)
            .poll_interval(3 * second)
            .long_poll_wait(4 * second)
            .invoke_deadline(5 * second);
        assert_eq!(
            opts.tenant_id.as_deref(),
            Some("0b6f3b8e-8a8e-4d3a-9a53-1f6f0c7f9c11")
        );
        let durations = [
            opts.connect_timeout,
            opts.max_retry_after,
            opts.poll_interval,
            opts.long_poll_wait,
            opts.invoke_deadline,
        ];
        assert_eq!(durations, [1, 2, 3, 4, 5].map(|n| n * second));
        assert_eq!(opts.max_response_bytes, 1024);
    }

    #[test]
    fn scope_parses_case_insensitively() {
        assert_eq!("USER".parse::<Scope>().unwrap(), Scope::User);
        assert!("team".parse::<Scope>().is_err());
    }
}

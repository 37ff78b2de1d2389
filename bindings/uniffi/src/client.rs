//! The `LumnisClient` object: built from options or the environment, viewed per user with
//! `forUser`, and overridden per call with `withOptions`. Every view shares one pool.
//!
//! The API key is a constructor argument, not a field of `ClientOptions`: records become
//! Kotlin data classes and Swift structs whose `toString` / `description` print every field.

use std::sync::Arc;
use std::time::Duration;

use crate::bridge::run;
use crate::error::LumnisError;
use crate::ints::unsigned_opt;

/// Who a call acts for: the whole tenant, or one of its users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Scope {
    /// The call acts for the tenant and bypasses user isolation.
    Tenant,
    /// The call acts for one user.
    User,
}

impl From<Scope> for lumnisai::Scope {
    fn from(scope: Scope) -> lumnisai::Scope {
        match scope {
            Scope::Tenant => lumnisai::Scope::Tenant,
            Scope::User => lumnisai::Scope::User,
        }
    }
}

impl From<lumnisai::Scope> for Scope {
    fn from(scope: lumnisai::Scope) -> Scope {
        match scope {
            lumnisai::Scope::Tenant => Scope::Tenant,
            lumnisai::Scope::User => Scope::User,
        }
    }
}

/// How a client is built; every field left unset keeps the core's default, and the base URL
/// and tenant fall back to `LUMNISAI_BASE_URL` and `LUMNISAI_TENANT_ID`.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ClientOptions {
    /// The base URL; `LUMNISAI_BASE_URL`, else `https://api.lumnis.ai`.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// The tenant id (a uuid); informational, the key implies it.
    #[uniffi(default)]
    pub tenant_id: Option<String>,
    /// The time one attempt may take, in milliseconds (60,000 by default).
    #[uniffi(default)]
    pub timeout_ms: Option<i64>,
    /// How many times a failed request is retried (3 by default).
    #[uniffi(default)]
    pub max_retries: Option<i32>,
    /// The first wait between attempts, in milliseconds (500 by default).
    #[uniffi(default)]
    pub backoff_initial_ms: Option<i64>,
    /// The scope of calls that do not name one (tenant by default).
    #[uniffi(default)]
    pub scope: Option<Scope>,
    /// The largest response body read into memory, in bytes (64 MiB by default).
    #[uniffi(default)]
    pub max_response_bytes: Option<i64>,
    /// How long `invoke` waits in all for a final status, in milliseconds, when its
    /// `maxWaitMs` is unset (5 minutes).
    #[uniffi(default)]
    pub invoke_max_wait_ms: Option<i64>,
    /// PEM texts of certificate authorities trusted besides the built-in roots (a
    /// TLS-inspecting proxy's, a private deployment's); the file `SSL_CERT_FILE` names is
    /// trusted too. A text with no certificate in it is a `Config` error.
    #[uniffi(default)]
    pub root_certificates: Option<Vec<String>>,
}

impl ClientOptions {
    /// The core's options; a negative number is a `Config` error, as the core's own bad
    /// options are.
    fn into_core(self, api_key: Option<String>) -> lumnisai::Result<lumnisai::ClientOptions> {
        let mut core = lumnisai::ClientOptions::new().user_agent_suffix(user_agent());
        core.api_key = api_key;
        core.base_url = self.base_url;
        core.tenant_id = self.tenant_id;
        if let Some(ms) = config("timeoutMs", self.timeout_ms)? {
            core.timeout = Duration::from_millis(ms);
        }
        if let Some(retries) = config("maxRetries", self.max_retries)? {
            core.max_retries = retries;
        }
        if let Some(ms) = config("backoffInitialMs", self.backoff_initial_ms)? {
            core.backoff.initial = Duration::from_millis(ms);
        }
        if let Some(scope) = self.scope {
            core.scope = scope.into();
        }
        if let Some(bytes) = config("maxResponseBytes", self.max_response_bytes)? {
            core.max_response_bytes = bytes;
        }
        if let Some(ms) = config("invokeMaxWaitMs", self.invoke_max_wait_ms)? {
            core.invoke_deadline = Duration::from_millis(ms);
        }
        let pems = self.root_certificates.unwrap_or_default();
        core.root_certificates
            .extend(pems.into_iter().map(String::into_bytes));
        Ok(core)
    }
}

/// An optional client option in the core's unsigned type.
fn config<S, U>(name: &str, value: Option<S>) -> lumnisai::Result<Option<U>>
where
    S: Copy + std::fmt::Display,
    U: TryFrom<S>,
{
    unsigned_opt(lumnisai::ErrorKind::Config, name, value)
}

fn user_agent() -> String {
    format!("lumnisai-uniffi/{}", env!("CARGO_PKG_VERSION"))
}

/// Overrides for the calls made through one view: see `LumnisClient.withOptions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct CallOptions {
    /// The per-attempt timeout of these calls, in milliseconds.
    #[uniffi(default)]
    pub timeout_ms: Option<i64>,
    /// The retry count of these calls.
    #[uniffi(default)]
    pub max_retries: Option<i32>,
    /// The `Idempotency-Key` of non-GET requests (a fresh uuid per call when unset).
    #[uniffi(default)]
    pub idempotency_key: Option<String>,
}

/// A client of the Lumnis API. Cheap to view per user; close it (Kotlin `use {}`) to free
/// the native handle at once rather than at garbage collection.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct LumnisClient {
    pub(crate) inner: lumnisai::Client,
}

impl LumnisClient {
    /// Runs a core call on a clone of this view, on the core's runtime.
    pub(crate) async fn call<T, F, Fut>(&self, work: F) -> Result<T, LumnisError>
    where
        F: FnOnce(lumnisai::Client) -> Fut,
        Fut: std::future::Future<Output = lumnisai::Result<T>> + Send + 'static,
        T: Send + 'static,
    {
        run(work(self.inner.clone())).await
    }
}

#[uniffi::export]
impl LumnisClient {
    /// A client with this key (or `LUMNISAI_API_KEY` when none is given) and these options.
    #[uniffi::constructor(default(api_key = None, options = None))]
    pub fn new(
        api_key: Option<String>,
        options: Option<ClientOptions>,
    ) -> Result<Arc<LumnisClient>, LumnisError> {
        crate::logging::init_from_env();
        let options = options.unwrap_or_default().into_core(api_key)?;
        let inner = lumnisai::Client::new(options)?;
        Ok(Arc::new(LumnisClient { inner }))
    }

    /// A client from `LUMNISAI_API_KEY`, `LUMNISAI_BASE_URL` and `LUMNISAI_TENANT_ID`.
    #[uniffi::constructor]
    pub fn from_env() -> Result<Arc<LumnisClient>, LumnisError> {
        LumnisClient::new(None, None)
    }

    /// A view bound to one user (an email or a uuid), sharing this client's pool.
    pub fn for_user(&self, user: String) -> Arc<LumnisClient> {
        Arc::new(LumnisClient {
            inner: self.inner.for_user(user),
        })
    }

    /// A view whose calls use these overrides; a negative timeout or retry count is a
    /// `Config` error, as it is in `ClientOptions`.
    pub fn with_options(&self, options: CallOptions) -> Result<Arc<LumnisClient>, LumnisError> {
        let call = lumnisai::CallOptions {
            timeout: config("timeoutMs", options.timeout_ms)?.map(Duration::from_millis),
            max_retries: config("maxRetries", options.max_retries)?,
            idempotency_key: options.idempotency_key,
        };
        Ok(Arc::new(LumnisClient {
            inner: self.inner.with_options(call),
        }))
    }

    /// The user this view is bound to.
    pub fn user_id(&self) -> Option<String> {
        self.inner.user().map(str::to_owned)
    }

    /// The scope of calls that do not name one.
    pub fn scope(&self) -> Scope {
        self.inner.scope().into()
    }

    /// The base URL, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// Whether two views share one connection pool.
    pub fn shares_pool_with(&self, other: Arc<LumnisClient>) -> bool {
        self.inner.shares_pool_with(&other.inner)
    }

    /// Asks the server whether it is up; the answer as JSON text.
    pub async fn health(&self) -> Result<String, LumnisError> {
        self.call(|c| async move { c.health().await.map(|v| v.to_string()) })
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_key() {
        let client = LumnisClient::new(Some("sk-uniffi-secret".into()), None).unwrap();
        let shown = format!("{client:?} {:?}", client.for_user("a@b.co".into()));
        assert!(!shown.contains("sk-uniffi-secret"), "{shown}");
    }

    #[test]
    fn a_bad_base_url_is_a_config_error() {
        let options = ClientOptions {
            base_url: Some("ftp://nowhere".into()),
            ..Default::default()
        };
        let err = LumnisClient::new(Some("k".into()), Some(options)).unwrap_err();
        assert!(matches!(err, LumnisError::Config { .. }), "{err:?}");
    }

    #[test]
    fn a_negative_option_is_a_config_error_naming_it() {
        let options = ClientOptions {
            timeout_ms: Some(-1),
            ..Default::default()
        };
        let err = LumnisClient::new(Some("k".into()), Some(options)).unwrap_err();
        assert!(matches!(err, LumnisError::Config { .. }), "{err:?}");
        assert!(err.to_string().contains("timeoutMs"), "{err}");

        let client = LumnisClient::new(Some("k".into()), None).unwrap();
        let call = CallOptions {
            max_retries: Some(-1),
            ..Default::default()
        };
        let err = client.with_options(call).unwrap_err();
        assert!(matches!(err, LumnisError::Config { .. }), "{err:?}");
        assert!(err.to_string().contains("maxRetries"), "{err}");
    }

    #[test]
    fn views_share_the_pool() {
        let client = LumnisClient::new(Some("k".into()), None).unwrap();
        let alice = client.for_user("alice@example.com".into());
        assert!(alice.shares_pool_with(client.clone()));
        assert_eq!(alice.scope(), Scope::User);
        assert_eq!(alice.user_id().as_deref(), Some("alice@example.com"));
    }
}

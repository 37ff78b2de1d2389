//! The `Client`: built once, cloned freely, and viewed per user with `for_user`; every view
//! shares one transport and so one connection pool.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::options::{CallOptions, ClientOptions, Scope, DEFAULT_BASE_URL};
use crate::options::{ENV_API_KEY, ENV_BASE_URL, ENV_CA_FILE, ENV_TENANT_ID};
use crate::resources::{Files, Responses, Threads, Users};
use crate::transport::{Request, Transport};

/// A client of the Lumnis API.
///
/// Cloning is cheap (two reference counts), and every clone, every
/// [`for_user`](Client::for_user) view and every [`with_options`](Client::with_options)
/// view shares one connection pool and one retry budget.
///
/// ```no_run
/// # async fn demo() -> lumnisai::Result<()> {
/// use lumnisai::{Client, ClientOptions, CreateUser};
///
/// let client = Client::new(ClientOptions::new().api_key("sk-..."))?;
/// let user = client.users().create(CreateUser::new("ada@example.com")).await?;
/// let ada = client.for_user(user.email.as_str());
/// let answer = ada.invoke("What's the weather?", Default::default()).await?;
/// println!("{}", answer.output_text.unwrap_or_default());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    transport: Arc<Transport>,
    tenant_id: Option<Arc<str>>,
    user: Option<Arc<str>>,
    scope: Scope,
    call: Arc<CallOptions>,
}

impl Client {
    /// Builds a client; options left `None`, or given as blank text, come from the
    /// environment, as both official SDKs read them (`api_key or env`), so that
    /// `api_key: os.getenv("KEY", "")` still finds `LUMNISAI_API_KEY`.
    ///
    /// The certificate authorities of `SSL_CERT_FILE`, when it is set, are trusted besides
    /// the built-in roots and `root_certificates`.
    ///
    /// Fails with [`ErrorKind::Config`] when no API key is given or set in
    /// `LUMNISAI_API_KEY`, when the base URL is not an http(s) URL, or when a root
    /// certificate cannot be read.
    pub fn new(mut options: ClientOptions) -> Result<Client> {
        let given = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
        let api_key = match given(options.api_key.take()).or_else(|| env(ENV_API_KEY)) {
            Some(key) if !key.trim().is_empty() => key.trim().to_owned(),
            _ => {
                return Err(Error::new(
                    ErrorKind::Config,
                    "no API key: pass one or set the LUMNISAI_API_KEY environment variable",
                ))
            }
        };
        let base_url = given(options.base_url.clone())
            .or_else(|| env(ENV_BASE_URL))
            .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        let base = normalize_base_url(&base_url)?;
        let tenant_id = given(options.tenant_id.clone()).or_else(|| env(ENV_TENANT_ID));
        if let Some(tenant) = &tenant_id {
            uuid::Uuid::parse_str(tenant).map_err(|_| {
                Error::new(
                    ErrorKind::Config,
                    format!("tenant_id {tenant:?} is not a uuid"),
                )
            })?;
        }

        check_durations(&options)?;
        if let Some(path) = env(ENV_CA_FILE) {
            let pem = std::fs::read(&path).map_err(|e| {
                Error::new(
                    ErrorKind::Config,
                    format!("{ENV_CA_FILE} names {path:?}, which cannot be read: {e}"),
                )
            })?;
            options.root_certificates.push(pem);
        }

        let scope = options.scope;
        let transport = Transport::new(options, base, api_key)?;
        Ok(Client {
            transport: Arc::new(transport),
            tenant_id: tenant_id.map(Arc::from),
            user: None,
            scope,
            call: Arc::new(CallOptions::default()),
        })
    }

    /// Builds a client from the environment alone.
    pub fn from_env() -> Result<Client> {
        Client::new(ClientOptions::default())
    }

    /// A view of this client bound to one user (an email or a uuid), sharing the pool.
    ///
    /// Every call that takes a user uses this one unless it names another: responses
    /// (create, list), threads (create, list) and files (upload, list, get, content,
    /// download, delete). A blank user binds none: the view stays in user scope, so its
    /// calls that name no user fail with [`ErrorKind::MissingUserId`] before any request.
    #[must_use]
    pub fn for_user(&self, user: impl Into<String>) -> Client {
        let user: String = user.into();
        Client {
            user: Some(Arc::from(user.trim())),
            scope: Scope::User,
            ..self.clone()
        }
    }

    /// A view of this client whose calls use these overrides (timeout, retries, key). Each
    /// one set replaces this view's; one left unset keeps this view's, so views stack.
    #[must_use]
    pub fn with_options(&self, call: CallOptions) -> Client {
        let base = &*self.call;
        let call = CallOptions {
            timeout: call.timeout.or(base.timeout),
            max_retries: call.max_retries.or(base.max_retries),
            idempotency_key: call
                .idempotency_key
                .or_else(|| base.idempotency_key.clone()),
        };
        Client {
            call: Arc::new(call),
            ..self.clone()
        }
    }

    /// The user this view is bound to.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// The scope of calls that do not name one.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// The tenant id given in the options or the environment.
    pub fn tenant_id(&self) -> Option<&str> {
        self.tenant_id.as_deref()
    }

    /// The base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        self.transport.base_url()
    }

    /// The options the client was built with (the key is not kept here).
    pub fn options(&self) -> &ClientOptions {
        self.transport.options()
    }

    /// Whether two handles share one connection pool.
    pub fn shares_pool_with(&self, other: &Client) -> bool {
        Arc::ptr_eq(&self.transport, &other.transport)
    }

    /// The users of the tenant.
    pub fn users(&self) -> Users {
        Users::new(self.clone())
    }

    /// Threads.
    pub fn threads(&self) -> Threads {
        Threads::new(self.clone())
    }

    /// Responses (agent runs).
    pub fn responses(&self) -> Responses {
        Responses::new(self.clone())
    }

    /// Files.
    pub fn files(&self) -> Files {
        Files::new(self.clone())
    }

    /// Asks the server whether it is up: `GET /v1/health`.
    pub fn health(&self) -> impl Future<Output = Result<serde_json::Value>> + Send + 'static {
        let this = self.clone();
        async move {
            let request = Request::new(reqwest::Method::GET, "/v1/health", "/v1/health".into());
            this.send(request).await
        }
    }

    pub(crate) fn transport(&self) -> &Transport {
        &self.transport
    }

    /// Applies this view's call options, then sends and decodes.
    ///
    /// The transport's future (its retry loop and every attempt's state) is boxed: one small
    /// allocation per call keeps each caller's future a few hundred bytes instead of kilobytes,
    /// which is what keeps a thousand concurrent calls within the CPU cache.
    pub(crate) async fn send<T: serde::de::DeserializeOwned>(&self, request: Request) -> Result<T> {
        Box::pin(self.transport.json(self.prepare(request))).await
    }

    pub(crate) fn prepare(&self, mut request: Request) -> Request {
        request.timeout = request.timeout.or(self.call.timeout);
        request.max_retries = request.max_retries.or(self.call.max_retries);
        if request.idempotency_key.is_none() {
            request.idempotency_key = self.call.idempotency_key.clone();
        }
        request
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.transport.base_url())
            .field("api_key", &"<redacted>")
            .field("tenant_id", &self.tenant_id)
            .field("user", &self.user)
            .field("scope", &self.scope)
            .finish()
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// A zero timeout or deadline would fail every call without sending it.
fn check_durations(options: &ClientOptions) -> Result<()> {
    let durations = [
        ("timeout", options.timeout),
        ("connect timeout", options.connect_timeout),
        ("invoke deadline", options.invoke_deadline),
    ];
    match durations.iter().find(|(_, value)| value.is_zero()) {
        Some((name, _)) => Err(Error::new(
            ErrorKind::Config,
            format!("the {name} must be longer than zero"),
        )),
        None => Ok(()),
    }
}

/// The base URL, checked and parsed once (the transport keeps it to build each request's URL).
///
/// A base URL that ends in `/v1` has it dropped, as the official SDKs do: every path the
/// client sends starts with `/v1` already.
fn normalize_base_url(url: &str) -> Result<reqwest::Url> {
    let trimmed = url.trim().trim_end_matches('/');
    let trimmed = trimmed.strip_suffix("/v1").unwrap_or(trimmed);
    let parsed = reqwest::Url::parse(trimmed).map_err(|e| {
        Error::new(
            ErrorKind::Config,
            format!("the base URL {:?} is invalid: {e}", without_userinfo(url)),
        )
    })?;
    // Credentials in the URL would be printed wherever the URL is: in errors, logs and the
    // client's own description. The API key is the one credential, and it is kept apart.
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Error::new(
            ErrorKind::Config,
            "the base URL must not carry a user name or password; pass the API key instead",
        ));
    }
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(Error::new(
            ErrorKind::Config,
            format!(
                "the base URL {:?} must be an http or https URL",
                without_userinfo(url)
            ),
        ));
    }
    Ok(parsed)
}

/// The URL as it may be shown: anything before an `@` in its authority is masked.
fn without_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://***{}", &rest[at..]),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_key() {
        let client = Client::new(ClientOptions::new().api_key("sk-very-secret-key")).unwrap();
        let shown = format!("{client:?} {:?}", client.for_user("a@b.co"));
        assert!(!shown.contains("sk-very-secret-key"), "{shown}");
    }

    #[test]
    fn a_missing_key_is_a_config_error() {
        let err = Client::new(ClientOptions::new().api_key("  ")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.message().contains("LUMNISAI_API_KEY"));
    }

    #[test]
    fn a_zero_timeout_is_a_config_error() {
        let options = ClientOptions::new()
            .api_key("k")
            .timeout(std::time::Duration::ZERO);
        let err = Client::new(options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.message().contains("timeout"), "{err}");
    }

    #[test]
    fn for_user_shares_the_pool() {
        let client = Client::new(ClientOptions::new().api_key("k")).unwrap();
        let alice = client.for_user("alice@example.com");
        assert!(client.shares_pool_with(&alice));
        assert_eq!(alice.user(), Some("alice@example.com"));
        assert_eq!(alice.scope(), Scope::User);
        assert_eq!(client.scope(), Scope::Tenant);
    }

    #[test]
    fn base_urls_are_checked_and_trimmed() {
        let options = ClientOptions::new()
            .api_key("k")
            .base_url("http://127.0.0.1:8080/");
        assert_eq!(
            Client::new(options).unwrap().base_url(),
            "http://127.0.0.1:8080"
        );
        let prefixed = normalize_base_url("http://127.0.0.1:8080/proxy/v1/").unwrap();
        assert_eq!(prefixed.path(), "/proxy");
        let bare = normalize_base_url("https://api.lumnis.ai/v1").unwrap();
        assert_eq!(bare.as_str(), "https://api.lumnis.ai/");
        assert!(normalize_base_url("ftp://x").is_err());
        for url in [
            "http://me:hunter2@127.0.0.1:8080",
            "http://me:hunter2@",
            "ftp://me:hunter2@x",
        ] {
            let err = normalize_base_url(url).unwrap_err();
            assert!(!err.to_string().contains("hunter2"), "{err}");
        }
        assert!(normalize_base_url("not a url").is_err());
    }
}

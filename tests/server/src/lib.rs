//! The local Lumnis server: real HTTP on loopback, SQLite storage, a deterministic agent and
//! fault injection, so every SDK can be tested without the hosted API.
//!
//! [`start`] binds, spawns the server on the current tokio runtime and returns at once; it
//! must be called from inside a tokio runtime (a sync test builds one and keeps it alive for
//! as long as the server runs):
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let server = lumnis_local::start(lumnis_local::Config::default()).await?;
//! println!("{} with key {}", server.base_url(), server.api_key());
//! server.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod agent;
mod app;
pub mod cli;
mod conn;
mod control;
mod dispatch;
mod error;
mod extract;
mod faults;
mod gate;
mod idempotency;
mod ids;
mod inject;
mod ratelimit;
mod requestlog;
mod routes;
mod schema;
mod storage;
mod time;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;
use uuid::Uuid;

/// The key the server accepts when it is given none.
pub const DEFAULT_API_KEY: &str = "lumnis-local-key";

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; port 0 picks a free port.
    pub addr: SocketAddr,
    /// Accepted keys; each key is its own tenant.
    pub api_keys: Vec<String>,
    /// SQLite file; `None` keeps everything in memory.
    pub db: Option<PathBuf>,
    /// How long the local agent takes from queued to final.
    pub agent_latency: Duration,
    /// Enables the `/_control` fault injection API.
    pub faults: bool,
    /// Requests per second allowed per key; `None` is unlimited.
    pub rate_limit: Option<u32>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            api_keys: vec![DEFAULT_API_KEY.to_owned()],
            db: None,
            agent_latency: Duration::from_millis(300),
            faults: false,
            rate_limit: None,
        }
    }
}

/// The tenant a key belongs to: `Uuid::new_v5(&Uuid::NAMESPACE_OID, key.as_bytes())`, so the
/// same key names the same tenant on every run and in every language's tests.
pub fn tenant_for_key(key: &str) -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_OID, key.as_bytes())
}

/// A running server; dropping it without [`Server::shutdown`] leaves it running until the
/// runtime ends.
pub struct Server {
    addr: SocketAddr,
    api_keys: Vec<String>,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Server {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every accepted key.
    pub fn api_keys(&self) -> &[String] {
        &self.api_keys
    }

    /// The first accepted key.
    pub fn api_key(&self) -> &str {
        self.api_keys
            .first()
            .map_or(DEFAULT_API_KEY, String::as_str)
    }

    /// The tenant of `key`, or `None` when the server does not accept it.
    pub fn tenant_id(&self, key: &str) -> Option<Uuid> {
        self.api_keys
            .iter()
            .any(|k| k == key)
            .then(|| tenant_for_key(key))
    }

    /// Stops accepting, lets requests in flight finish for a moment, then closes everything.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// Binds `config.addr`, starts serving on the current tokio runtime and returns at once.
///
/// Panics when called outside a tokio runtime.
pub async fn start(mut config: Config) -> std::io::Result<Server> {
    if config.api_keys.is_empty() {
        config.api_keys.push(DEFAULT_API_KEY.to_owned());
    }
    // The control API takes no key, and resets every tenant's data: only this machine may
    // reach it.
    if config.faults && !config.addr.ip().is_loopback() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "the control API (--faults) needs no key, so it listens on loopback only, \
                 not on {}",
                config.addr.ip()
            ),
        ));
    }
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    let app = Arc::new(app::App::new(&config)?);
    let (stop, stop_rx) = watch::channel(false);
    let task = tokio::spawn(conn::serve(listener, app, stop_rx));
    Ok(Server {
        addr,
        api_keys: config.api_keys,
        stop,
        task,
    })
}

//! The Rust client for the Lumnis AI API, and the core of the Python, Node, Swift and Kotlin
//! packages.
//!
//! Lumnis is a multi-tenant AI-agent platform. A tenant's backend manages its end users,
//! opens user-scoped views of the client so that every agent run, thread and file belongs to
//! one user, and runs agents: a *response* is created, runs on the server, and is read
//! (long-polled) until it ends.
//!
//! # A client
//!
//! ```no_run
//! use lumnisai::{Client, ClientOptions};
//!
//! // From the environment: LUMNISAI_API_KEY, and optionally LUMNISAI_BASE_URL.
//! let client = Client::from_env()?;
//! // Or from options; anything left unset still comes from the environment.
//! let client = Client::new(ClientOptions::new().api_key("sk-...").max_retries(2))?;
//! # Ok::<(), lumnisai::Error>(())
//! ```
//!
//! # Users
//!
//! ```no_run
//! # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
//! use lumnisai::{CreateUser, ListUsers, UpdateUser};
//!
//! let user = client.users().create(CreateUser::new("alice@example.com").first_name("Alice"))
//!     .await?;
//! let same = client.users().get("alice@example.com").await?;
//! let page = client.users().list(ListUsers { page: 1, page_size: 100 }).await?;
//! println!("{} users, {} on this page", page.total, page.users.len());
//! let update = UpdateUser { first_name: Some("Alicia".into()), ..Default::default() };
//! client.users().update(same.id, update).await?;
//! # Ok(()) }
//! ```
//!
//! # Scoping and invoke
//!
//! ```no_run
//! # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
//! use lumnisai::{AgentConfig, InvokeOptions, ListThreads};
//!
//! let alice = client.for_user("alice@example.com");
//! let config = AgentConfig {
//!     coordinator_model_name: Some("openai:gpt-4.1".into()),
//!     use_cognitive_tools: Some(true),
//!     ..Default::default()
//! };
//! let options = InvokeOptions { agent_config: Some(config), ..Default::default() };
//! let response = alice.invoke("What are the latest AI trends?", options).await?;
//! println!("{}", response.output_text.unwrap_or_default());
//! let threads = alice.threads().list(ListThreads::default()).await?;
//! # Ok(()) }
//! ```
//!
//! # Files
//!
//! ```no_run
//! # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
//! use lumnisai::{FileSource, UploadFile};
//!
//! let alice = client.for_user("alice@example.com");
//! let uploaded = alice.files()
//!     .upload(FileSource::Path("report.pdf".into()), UploadFile::default())
//!     .await?;
//! alice.files().download_to(uploaded.file_id, "report-copy.pdf", None).await?;
//! # Ok(()) }
//! ```
//!
//! # Errors
//!
//! Every call returns [`Error`], whose [`ErrorKind`] is stable across languages. Bad
//! arguments are rejected before any request; 408, 429 and 5xx answers, timeouts and
//! dropped connections are retried with backoff (honouring `Retry-After`), and every
//! non-GET request carries an `Idempotency-Key` that stays the same across its retries,
//! so a retried create never creates twice.
//!
//! ```no_run
//! # async fn demo(client: lumnisai::Client) {
//! use lumnisai::ErrorKind;
//!
//! match client.users().get("nobody@example.com").await {
//!     Err(err) if err.kind() == ErrorKind::NotFound => println!("no such user"),
//!     Err(err) => println!("{err} (request {:?})", err.request_id()),
//!     Ok(user) => println!("{}", user.email),
//! }
//! # }
//! ```
//!
//! # Logging
//!
//! Each attempt is a `tracing` event (method, path template, status, attempt, elapsed,
//! request id); bodies and the key are never logged. The bindings turn these on with
//! `LUMNISAI_LOG=debug` ([`logging::ENV_LOG`]).

#![warn(missing_docs)]

mod client;
mod error;
mod fork;
mod invoke;
pub mod models;
mod multipart;
mod options;
mod resources;
mod retry;
// For the language bindings, which run the client on it; not part of the Rust API.
#[doc(hidden)]
pub mod runtime;
mod scope;
mod transport;

pub use client::Client;
pub use error::{Error, ErrorKind, Result};
pub use invoke::{InvokeHandle, InvokeInput, InvokeOptions, InvokeStream};
pub use models::*;
pub use options::{Backoff, CallOptions, ClientOptions, Scope, DEFAULT_BASE_URL};
pub use options::{ENV_API_KEY, ENV_BASE_URL, ENV_CA_FILE, ENV_TENANT_ID};
pub use resources::{AsId, FileSource, Files, Responses, Threads, Users};

/// The logging switch every binding honours.
pub mod logging {
    /// Set to `debug` (or `info`, `warn`, `trace`) to see the client's request logs.
    pub const ENV_LOG: &str = "LUMNISAI_LOG";

    /// The level asked for in `LUMNISAI_LOG`, if any.
    pub fn level_from_env() -> Option<tracing::Level> {
        std::env::var(ENV_LOG).ok()?.trim().parse().ok()
    }
}

//! The shared state of one server: storage, keys, faults, logs and runtime settings.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::sync::watch;
use uuid::Uuid;

use crate::agent::Registry;
use crate::faults::FaultQueue;
use crate::idempotency::IdempotencyStore;
use crate::ratelimit::RateLimiter;
use crate::requestlog::RequestLog;
use crate::storage::Store;
use crate::Config;

/// Settings the control API can change while the server runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Close keep-alive connections idle this long; `None` keeps them open.
    pub idle_close_ms: Option<u64>,
    /// The agent's latency for responses created from now on.
    pub agent_latency_ms: u64,
}

pub struct App {
    pub store: Store,
    pub keys: HashMap<String, Uuid>,
    pub faults_enabled: bool,
    pub faults: FaultQueue,
    pub log: RequestLog,
    pub idempotency: IdempotencyStore,
    pub rate: Option<RateLimiter>,
    pub settings: watch::Sender<Settings>,
    pub initial_settings: Settings,
    pub agents: Registry,
    pub started: Instant,
    /// Held by an upload from its look-up of the name to the insert of the file, so that two
    /// uploads of one name never both find it free.
    pub file_names: std::sync::Mutex<()>,
}

impl App {
    pub fn new(config: &Config) -> std::io::Result<Self> {
        let store = Store::open(config.db.as_deref())?;
        store
            .interrupt_unfinished()
            .map_err(std::io::Error::other)?;
        let idempotency =
            IdempotencyStore::with_replays(store.replays().map_err(std::io::Error::other)?);
        let keys = config
            .api_keys
            .iter()
            .map(|key| (key.clone(), crate::tenant_for_key(key)))
            .collect();
        let latency_ms = u64::try_from(config.agent_latency.as_millis()).unwrap_or(u64::MAX);
        let initial_settings = Settings {
            idle_close_ms: None,
            agent_latency_ms: latency_ms,
        };
        Ok(Self {
            store,
            keys,
            faults_enabled: config.faults,
            faults: FaultQueue::default(),
            log: RequestLog::default(),
            idempotency,
            rate: config.rate_limit.map(RateLimiter::new),
            settings: watch::Sender::new(initial_settings),
            initial_settings,
            agents: Registry::default(),
            started: Instant::now(),
            file_names: std::sync::Mutex::new(()),
        })
    }

    pub fn agent_latency(&self) -> Duration {
        Duration::from_millis(self.settings.borrow().agent_latency_ms)
    }

    /// Milliseconds since the server started, the clock of the request log.
    pub fn clock_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Forgets everything: data of every tenant, faults, log, replays, settings.
    pub fn reset(&self) -> rusqlite::Result<()> {
        self.agents.stop_all();
        self.store.reset()?;
        self.faults.clear();
        self.log.clear();
        self.idempotency.clear();
        if let Some(rate) = &self.rate {
            rate.clear();
        }
        self.settings.send_replace(self.initial_settings);
        Ok(())
    }
}

//! The command line of the `lumnis-local` binary.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::{Config, DEFAULT_API_KEY};

/// A local Lumnis API server for SDK tests.
#[derive(Debug, Parser)]
#[command(name = "lumnis-local", version)]
pub struct Args {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:0")]
    pub addr: SocketAddr,
    /// An accepted API key; repeat for more tenants (default: lumnis-local-key).
    #[arg(long = "api-key", value_name = "KEY")]
    pub api_keys: Vec<String>,
    /// SQLite file to keep data in across restarts (default: in memory).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Milliseconds the local agent takes from queued to final.
    #[arg(long, value_name = "N", default_value_t = 300)]
    pub agent_latency_ms: u64,
    /// Enable the /_control fault injection API.
    #[arg(long)]
    pub faults: bool,
    /// Requests per second allowed per key (429 with Retry-After beyond it).
    #[arg(long, value_name = "N")]
    pub rate_limit: Option<u32>,
    /// Log filter, e.g. info or lumnis_local=debug (default: RUST_LOG, else warn).
    #[arg(long, value_name = "LEVEL")]
    pub log: Option<String>,
}

impl Args {
    pub fn config(&self) -> Config {
        let api_keys = if self.api_keys.is_empty() {
            vec![DEFAULT_API_KEY.to_owned()]
        } else {
            self.api_keys.clone()
        };
        Config {
            addr: self.addr,
            api_keys,
            db: self.db.clone(),
            agent_latency: Duration::from_millis(self.agent_latency_ms),
            faults: self.faults,
            rate_limit: self.rate_limit,
        }
    }
}

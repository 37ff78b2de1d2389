//! Shared test support: a local server per test, clients pointed at it, and the server's
//! fault-injection control API.

#![allow(dead_code)]

use std::time::Duration;

use lumnis_local::{Config, Server};
use lumnisai::{Backoff, Client, ClientOptions};
use serde_json::{json, Value};

/// A running local server and the means to misbehave it.
pub struct Local {
    pub server: Server,
    http: reqwest::Client,
}

/// Starts a server with faults enabled and a quick agent.
pub async fn start() -> Local {
    start_with(Config {
        faults: true,
        agent_latency: Duration::from_millis(200),
        ..Config::default()
    })
    .await
}

pub async fn start_with(config: Config) -> Local {
    let server = lumnis_local::start(config)
        .await
        .expect("the local server starts");
    Local {
        server,
        http: reqwest::Client::new(),
    }
}

impl Local {
    pub fn url(&self) -> String {
        self.server.base_url()
    }

    /// Options for a client of this server with quick, bounded retries.
    pub fn options(&self) -> ClientOptions {
        ClientOptions::new()
            .api_key(self.server.api_key())
            .base_url(self.url())
            .timeout(Duration::from_secs(5))
            .backoff(Backoff {
                initial: Duration::from_millis(20),
                max: Duration::from_millis(200),
            })
    }

    pub fn client(&self) -> Client {
        Client::new(self.options()).expect("client builds")
    }

    /// Queues a fault: `spec` holds `kind` and the rest of the control API's fields.
    pub async fn fault(&self, method: &str, path: &str, count: u32, spec: Value) {
        let mut body = json!({"method": method, "path": path, "count": count});
        if let (Some(body), Some(spec)) = (body.as_object_mut(), spec.as_object()) {
            body.extend(spec.clone());
        }
        let answer = self
            .http
            .post(format!("{}/_control/faults", self.url()))
            .json(&body)
            .send()
            .await
            .expect("control API answers");
        assert!(
            answer.status().is_success(),
            "fault not queued: {}",
            answer.status()
        );
    }

    /// The requests the server has seen (excluding control calls).
    pub async fn log(&self) -> Vec<Value> {
        let answer: Value = self
            .http
            .get(format!("{}/_control/log", self.url()))
            .send()
            .await
            .expect("control API answers")
            .json()
            .await
            .expect("log is JSON");
        answer["requests"].as_array().cloned().unwrap_or_default()
    }

    /// The logged requests with this method and a path starting with `prefix`.
    pub async fn requests(&self, method: &str, prefix: &str) -> Vec<Value> {
        self.log()
            .await
            .into_iter()
            .filter(|r| {
                r["method"] == method && r["path"].as_str().unwrap_or("").starts_with(prefix)
            })
            .collect()
    }

    /// Drops every queued fault.
    pub async fn clear_faults(&self) {
        self.http
            .delete(format!("{}/_control/faults", self.url()))
            .send()
            .await
            .expect("clears");
    }

    pub async fn clear_log(&self) {
        self.http
            .delete(format!("{}/_control/log", self.url()))
            .send()
            .await
            .expect("clears");
    }

    pub async fn settings(&self, settings: Value) {
        let answer = self
            .http
            .put(format!("{}/_control/settings", self.url()))
            .json(&settings)
            .send()
            .await
            .expect("control API answers");
        assert!(answer.status().is_success());
    }
}

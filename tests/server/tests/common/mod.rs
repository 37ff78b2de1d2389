//! Helpers shared by the integration tests: a server per test, a JSON client, raw sockets.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use lumnis_local::{Config, Server};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub const SECOND_KEY: &str = "second-tenant-key";

pub struct Api {
    pub server: Server,
    pub http: reqwest::Client,
    pub key: String,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

pub async fn start_with(config: Config) -> Api {
    let server = lumnis_local::start(config).await.expect("server starts");
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client builds");
    let key = server.api_key().to_owned();
    Api { server, http, key }
}

/// A server with two tenants, fast agent, faults on.
pub async fn start() -> Api {
    start_with(Config {
        api_keys: vec![
            lumnis_local::DEFAULT_API_KEY.to_owned(),
            SECOND_KEY.to_owned(),
        ],
        agent_latency: Duration::from_millis(200),
        faults: true,
        ..Config::default()
    })
    .await
}

impl Api {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.base_url(), path)
    }

    pub fn addr(&self) -> SocketAddr {
        self.server.addr()
    }

    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        self.call_as(&self.key.clone(), method, path, body).await
    }

    pub async fn call_as(
        &self,
        key: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Reply {
        let mut req = self.http.request(method, self.url(path)).bearer_auth(key);
        if let Some(body) = body {
            req = req.json(&body);
        }
        reply(req.send().await.expect("request sent")).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn control(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut req = self.http.request(method, self.url(path));
        if let Some(body) = body {
            req = req.json(&body);
        }
        reply(req.send().await.expect("control request sent")).await
    }

    pub async fn fault(&self, spec: Value) {
        let reply = self
            .control(Method::POST, "/_control/faults", Some(spec))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
        assert!(reply.body["fault_id"].is_string());
    }

    pub async fn log(&self) -> Vec<Value> {
        let reply = self.control(Method::GET, "/_control/log", None).await;
        reply.body["requests"].as_array().expect("log list").clone()
    }

    pub async fn user(&self, email: &str) -> Value {
        let reply = self
            .post("/v1/users", serde_json::json!({"email": email}))
            .await;
        assert!(reply.status.is_success(), "{:?}", reply.body);
        reply.body
    }

    pub async fn count_users(&self) -> i64 {
        self.get("/v1/users?page_size=100").await.body["pagination"]["total"]
            .as_i64()
            .expect("total")
    }
}

pub async fn reply(response: reqwest::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("body read");
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        body,
    }
}

/// Asserts the contract's error body and code.
pub fn assert_error(reply: &Reply, status: u16, code: &str) {
    assert_eq!(reply.status.as_u16(), status, "{:?}", reply.body);
    assert_eq!(reply.body["error"]["code"], code, "{:?}", reply.body);
    assert!(reply.body["error"]["message"].is_string());
    assert!(reply.body["error"].get("details").is_some());
}

/// How a raw exchange ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ending {
    /// The server closed the connection.
    Closed,
    /// Nothing more came within the read timeout.
    Quiet,
    /// Reading stopped after the byte limit.
    Limit,
}

/// Sends raw bytes and reads what comes back until close, silence or `limit` bytes.
pub async fn raw(
    addr: SocketAddr,
    request: &[u8],
    quiet: Duration,
    limit: usize,
) -> (Vec<u8>, Ending) {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let _ = stream.write_all(request).await;
    read_raw(&mut stream, quiet, limit).await
}

pub async fn read_raw(stream: &mut TcpStream, quiet: Duration, limit: usize) -> (Vec<u8>, Ending) {
    let mut got = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if got.len() >= limit {
            return (got, Ending::Limit);
        }
        match tokio::time::timeout(quiet, stream.read(&mut buf)).await {
            Err(_) => return (got, Ending::Quiet),
            Ok(Ok(0)) | Ok(Err(_)) => return (got, Ending::Closed),
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
        }
    }
}

/// A raw HTTP/1.1 request with the default key and a JSON body.
pub fn http_request(method: &str, path: &str, body: &str) -> Vec<u8> {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        lumnis_local::DEFAULT_API_KEY,
        body.len()
    )
    .into_bytes()
}

/// Splits a raw reply into head and body.
pub fn split_reply(bytes: &[u8]) -> (String, Vec<u8>) {
    let at = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a reply head");
    (
        String::from_utf8_lossy(&bytes[..at]).to_string(),
        bytes[at + 4..].to_vec(),
    )
}

pub fn encode(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Polls a response until it is final (tests only; the server side never polls).
pub async fn wait_final(api: &Api, id: &str) -> Value {
    for _ in 0..50 {
        let reply = api.get(&format!("/v1/responses/{id}?wait=5")).await;
        let status = reply.body["status"].as_str().unwrap_or("").to_owned();
        if ["succeeded", "failed", "cancelled"].contains(&status.as_str()) {
            return reply.body;
        }
    }
    panic!("response {id} never ended");
}

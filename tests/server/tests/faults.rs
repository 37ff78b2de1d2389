//! Every fault kind of the control API, the request log, settings and reset.

mod common;

use std::time::{Duration, Instant};

use common::{assert_error, http_request, raw, split_reply, start, Ending};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::AsyncWriteExt;

const QUIET: Duration = Duration::from_millis(500);

#[tokio::test]
async fn status_fault_answers_with_retry_after_and_executes_nothing() {
    let api = start().await;
    api.fault(json!({
        "method": "POST", "path": "/v1/users*", "kind": "status", "status": 503,
        "retry_after": "2", "count": 2
    }))
    .await;
    for _ in 0..2 {
        let reply = api
            .post("/v1/users", json!({"email": "s@example.com"}))
            .await;
        assert_error(&reply, 503, "SERVICE_UNAVAILABLE");
        assert_eq!(reply.headers["retry-after"], "2");
        assert!(reply.headers.contains_key("x-request-id"));
    }
    assert_eq!(api.count_users().await, 0);
    let reply = api
        .post("/v1/users", json!({"email": "s@example.com"}))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let faults = api
        .control(Method::GET, "/_control/faults", None)
        .await
        .body;
    assert_eq!(faults["faults"][0]["remaining"], 0);
    assert_eq!(faults["faults"][0]["count"], 2);
}

#[tokio::test]
async fn faults_only_take_matching_requests_in_order() {
    let api = start().await;
    api.fault(json!({"method": "GET", "path": "/v1/threads", "kind": "status", "status": 500}))
        .await;
    api.fault(json!({"path": "/v1/threads", "kind": "status", "status": 502}))
        .await;
    assert_eq!(api.get("/v1/users").await.status, StatusCode::OK);
    assert_eq!(
        api.post("/v1/threads", json!({})).await.status,
        StatusCode::BAD_GATEWAY
    );
    assert_eq!(
        api.get("/v1/threads").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(api.get("/v1/threads").await.status, StatusCode::OK);
    api.fault(json!({"kind": "status", "status": 429, "retry_after": 1}))
        .await;
    api.control(Method::DELETE, "/_control/faults", None).await;
    assert_eq!(api.get("/v1/threads").await.status, StatusCode::OK);
}

#[tokio::test]
async fn delay_fault_delays_then_answers() {
    let api = start().await;
    api.fault(json!({"kind": "delay", "delay_ms": 300})).await;
    let started = Instant::now();
    let reply = api
        .post("/v1/users", json!({"email": "d@example.com"}))
        .await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(reply.status, StatusCode::CREATED);
}

#[tokio::test]
async fn drop_closes_without_reply_and_creates_nothing() {
    let api = start().await;
    api.fault(json!({"method": "POST", "path": "/v1/users", "kind": "drop"}))
        .await;
    let request = http_request("POST", "/v1/users", r#"{"email":"drop@example.com"}"#);
    let (bytes, ending) = raw(api.addr(), &request, QUIET, usize::MAX).await;
    assert!(bytes.is_empty());
    assert_eq!(ending, Ending::Closed);
    assert_eq!(api.count_users().await, 0);
    let log = api.log().await;
    assert_eq!(log[0]["fault"], "drop");
    assert!(log[0]["status"].is_null());
}

#[tokio::test]
async fn drop_after_commit_creates_but_never_replies() {
    let api = start().await;
    api.fault(json!({"method": "POST", "path": "/v1/users", "kind": "drop_after_commit"}))
        .await;
    let request = http_request("POST", "/v1/users", r#"{"email":"commit@example.com"}"#);
    let (bytes, ending) = raw(api.addr(), &request, QUIET, usize::MAX).await;
    assert!(bytes.is_empty());
    assert_eq!(ending, Ending::Closed);
    assert_eq!(api.count_users().await, 1);
}

#[tokio::test]
async fn hang_holds_until_the_client_gives_up() {
    let api = start().await;
    api.fault(json!({"path": "/v1/users", "kind": "hang"}))
        .await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let result = client
        .post(api.url("/v1/users"))
        .bearer_auth(&api.key)
        .json(&json!({"email": "hang@example.com"}))
        .send()
        .await;
    assert!(result.expect_err("no answer").is_timeout());
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(api.count_users().await, 0);
    // The server notices the client left and closes its side.
    for _ in 0..50 {
        if api.log().await[0]["elapsed_ms"].is_number() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let log = api.log().await;
    assert_eq!(log[0]["fault"], "hang");
    assert!(log[0]["status"].is_null());
    assert!(log[0]["elapsed_ms"].is_number());
}

#[tokio::test]
async fn truncate_sends_half_the_body_then_closes() {
    let api = start().await;
    api.user("t@example.com").await;
    api.fault(json!({"method": "GET", "path": "/v1/users/*", "kind": "truncate"}))
        .await;
    let request = http_request("GET", "/v1/users/t%40example.com", "");
    let (bytes, ending) = raw(api.addr(), &request, QUIET, usize::MAX).await;
    assert_eq!(ending, Ending::Closed);
    let (head, body) = split_reply(&bytes);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length: ")
                .map(str::to_owned)
        })
        .expect("content-length")
        .parse()
        .unwrap();
    assert_eq!(body.len(), length / 2);
    assert!(serde_json::from_slice::<serde_json::Value>(&body).is_err());

    api.fault(json!({"path": "/v1/users/*", "kind": "truncate", "after_bytes": 10}))
        .await;
    let (bytes, _) = raw(api.addr(), &request, QUIET, usize::MAX).await;
    assert_eq!(split_reply(&bytes).1.len(), 10);
    let client = api
        .http
        .get(api.url("/v1/users/t%40example.com"))
        .bearer_auth(&api.key);
    api.fault(json!({"path": "/v1/users/*", "kind": "truncate"}))
        .await;
    let response = client.send().await.unwrap();
    assert!(response.bytes().await.is_err());
}

#[tokio::test]
async fn invalid_json_and_wrong_type_answer_200() {
    let api = start().await;
    api.fault(json!({"kind": "invalid_json"})).await;
    let response = api
        .http
        .get(api.url("/v1/users"))
        .bearer_auth(&api.key)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    let text = response.text().await.unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
    api.fault(json!({"kind": "wrong_type"})).await;
    let reply = api
        .post("/v1/users", json!({"email": "w@example.com"}))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body["id"], 12345);
    assert_eq!(reply.body["email"], json!(["x"]));
    assert_eq!(api.count_users().await, 0);
}

#[tokio::test]
async fn stall_sends_headers_then_nothing() {
    let api = start().await;
    api.user("st@example.com").await;
    api.fault(json!({"path": "/v1/users/*", "kind": "stall", "after_bytes": 5}))
        .await;
    let request = http_request("GET", "/v1/users/st%40example.com", "");
    let (bytes, ending) = raw(api.addr(), &request, QUIET, usize::MAX).await;
    assert_eq!(ending, Ending::Quiet);
    let (head, body) = split_reply(&bytes);
    assert!(head.starts_with("HTTP/1.1 200"));
    assert_eq!(body.len(), 5);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    api.fault(json!({"path": "/v1/users/*", "kind": "stall"}))
        .await;
    let response = client
        .get(api.url("/v1/users/st%40example.com"))
        .bearer_auth(&api.key)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.bytes().await.is_err());

    // The log entry ends with the body, when the client gives up on it: not at the head.
    api.fault(json!({"path": "/v1/users/*", "kind": "stall"}))
        .await;
    let sent = client
        .get(api.url("/v1/users/st%40example.com"))
        .bearer_auth(&api.key);
    let response = sent.send().await.unwrap();
    let entry = |log: Vec<serde_json::Value>| log.last().cloned().unwrap();
    assert_eq!(entry(api.log().await)["status"], 200);
    assert!(
        entry(api.log().await)["elapsed_ms"].is_null(),
        "in flight while the body stalls"
    );
    assert!(response.bytes().await.is_err());
    for _ in 0..50 {
        if entry(api.log().await)["elapsed_ms"].is_number() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let elapsed = entry(api.log().await)["elapsed_ms"].as_u64().unwrap();
    assert!((250..2_000).contains(&elapsed), "{elapsed} ms");
}

#[tokio::test]
async fn cut_upload_reads_half_and_stores_nothing() {
    let api = start().await;
    api.fault(json!({"path": "/v1/files/upload", "kind": "cut_upload"}))
        .await;
    let boundary = "XBOUNDARY";
    let content = "a".repeat(4 * 1024 * 1024);
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\
         Content-Type: text/plain\r\n\r\n{content}\r\n--{boundary}--\r\n"
    );
    let head = format!(
        "POST /v1/files/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
        api.key,
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(api.addr()).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let sent = stream.write_all(body.as_bytes()).await;
    let (bytes, ending) = common::read_raw(&mut stream, QUIET, usize::MAX).await;
    assert!(
        sent.is_err() || ending == Ending::Closed,
        "{sent:?} {ending:?}"
    );
    assert!(bytes.is_empty());
    let files = api.get("/v1/files").await.body;
    assert_eq!(files["total_count"], 0);
    let log = api.log().await;
    assert_eq!(log[0]["fault"], "cut_upload");
    assert!(log[0]["status"].is_null());
}

#[tokio::test]
async fn endless_streams_until_the_client_closes() {
    let api = start().await;
    api.fault(json!({"kind": "endless"})).await;
    let request = http_request("GET", "/v1/users", "");
    let (bytes, ending) = raw(api.addr(), &request, QUIET, 8 * 1024 * 1024).await;
    assert_eq!(ending, Ending::Limit);
    let (head, body) = split_reply(&bytes);
    assert!(head.starts_with("HTTP/1.1 200"));
    assert!(head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked"));
    assert!(String::from_utf8_lossy(&body).contains(r#"{"x":1},"#));
    // The server is still fine afterwards.
    assert_eq!(api.get("/v1/users").await.status, StatusCode::OK);
}

#[tokio::test]
async fn idle_close_closes_idle_keep_alive_connections() {
    let api = start().await;
    let reply = api
        .control(
            Method::PUT,
            "/_control/settings",
            Some(json!({"idle_close_ms": 100})),
        )
        .await;
    assert_eq!(reply.body["idle_close_ms"], 100);
    let mut stream = tokio::net::TcpStream::connect(api.addr()).await.unwrap();
    let request = http_request("GET", "/v1/users", "");
    stream.write_all(&request).await.unwrap();
    let started = Instant::now();
    let (bytes, ending) = common::read_raw(&mut stream, Duration::from_secs(3), usize::MAX).await;
    assert!(String::from_utf8_lossy(&bytes).starts_with("HTTP/1.1 200"));
    assert_eq!(ending, Ending::Closed);
    let idle = started.elapsed();
    assert!(
        idle >= Duration::from_millis(90) && idle < Duration::from_secs(1),
        "{idle:?}"
    );

    api.control(
        Method::PUT,
        "/_control/settings",
        Some(json!({"idle_close_ms": null})),
    )
    .await;
    let mut stream = tokio::net::TcpStream::connect(api.addr()).await.unwrap();
    stream.write_all(&request).await.unwrap();
    let (_, ending) = common::read_raw(&mut stream, QUIET, usize::MAX).await;
    assert_eq!(ending, Ending::Quiet);
}

#[tokio::test]
async fn a_misspelt_fault_or_setting_is_refused_not_ignored() {
    let api = start().await;
    let refused = |method: Method, path: &'static str, body: Value, says: &'static str| {
        let api = &api;
        async move {
            let reply = api.control(method, path, Some(body)).await;
            assert_eq!(
                reply.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{:?}",
                reply.body
            );
            assert!(reply.body.to_string().contains(says), "{:?}", reply.body);
        }
    };
    let typo = json!({"kind": "status", "paht": "/v1/users"});
    refused(Method::POST, "/_control/faults", typo, "paht").await;
    let faults = api.control(Method::GET, "/_control/faults", None).await;
    assert_eq!(faults.body["faults"], json!([]));

    let typo = json!({"agent_latncy_ms": 5});
    refused(Method::PUT, "/_control/settings", typo, "agent_latency_ms").await;
    assert_eq!(api.get("/v1/users").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_log_records_keys_faults_connections_and_401s() {
    let api = start().await;
    api.fault(json!({"path": "/v1/threads", "kind": "status", "status": 500}))
        .await;
    api.http
        .post(api.url("/v1/users"))
        .bearer_auth(&api.key)
        .header("Idempotency-Key", "key-1")
        .json(&json!({"email": "log@example.com"}))
        .send()
        .await
        .unwrap();
    api.get("/v1/threads").await;
    api.http
        .get(api.url("/v1/users?page=2"))
        .send()
        .await
        .unwrap();
    let log = api.log().await;
    assert_eq!(log.len(), 3, "{log:?}");
    assert_eq!(log[0]["idempotency_key"], "key-1");
    assert_eq!(log[0]["status"], 201);
    assert_eq!(log[0]["method"], "POST");
    assert!(log[0]["fault"].is_null());
    assert_eq!(log[1]["fault"], "status");
    assert_eq!(log[1]["status"], 500);
    assert_eq!(log[2]["status"], 401);
    assert_eq!(log[2]["query"], "page=2");
    assert_eq!(log[2]["path"], "/v1/users");
    for entry in &log {
        assert!(entry["connection_id"].as_u64().unwrap() >= 1);
        assert!(entry["request_id"].as_str().unwrap().starts_with("req_"));
        assert!(entry["started_ms"].is_number());
    }
    assert!(log[0]["seq"].as_u64() < log[1]["seq"].as_u64());
    api.control(Method::DELETE, "/_control/log", None).await;
    assert!(api.log().await.is_empty());
}

#[tokio::test]
async fn reset_forgets_everything() {
    let api = start().await;
    api.user("r@example.com").await;
    api.fault(json!({"kind": "status", "status": 500, "path": "/nothing"}))
        .await;
    api.control(
        Method::PUT,
        "/_control/settings",
        Some(json!({"idle_close_ms": 50})),
    )
    .await;
    let reset = api.control(Method::POST, "/_control/reset", None).await;
    assert_eq!(reset.status, StatusCode::OK);
    assert_eq!(api.count_users().await, 0);
    let faults = api
        .control(Method::GET, "/_control/faults", None)
        .await
        .body;
    assert_eq!(faults["faults"], json!([]));
    let settings = api
        .control(Method::GET, "/_control/settings", None)
        .await
        .body;
    assert_eq!(
        settings,
        json!({"idle_close_ms": null, "agent_latency_ms": 200})
    );
    assert_eq!(api.log().await.len(), 1);
}

#[tokio::test]
async fn control_api_is_404_without_faults() {
    let api = common::start_with(lumnis_local::Config::default()).await;
    let reply = api.control(Method::GET, "/_control/log", None).await;
    assert_error(&reply, 404, "NOT_FOUND");
    assert!(reply.headers.contains_key("x-request-id"));
    let bad = common::start().await;
    let invalid = bad
        .control(
            Method::POST,
            "/_control/faults",
            Some(json!({"kind": "nope"})),
        )
        .await;
    assert_error(&invalid, 422, "VALIDATION_ERROR");
}

#[tokio::test]
async fn status_faults_outside_200_to_599_are_refused() {
    let api = start().await;
    for status in [100, 101, 199, 600, 999] {
        let reply = api
            .control(
                Method::POST,
                "/_control/faults",
                Some(json!({"kind": "status", "status": status})),
            )
            .await;
        assert_error(&reply, 422, "VALIDATION_ERROR");
    }
    assert_eq!(
        api.control(Method::GET, "/_control/faults", None)
            .await
            .body["faults"],
        json!([])
    );
    api.fault(json!({"kind": "status", "status": 200, "path": "/v1/users"}))
        .await;
    assert_eq!(api.get("/v1/users").await.status, StatusCode::OK);
}

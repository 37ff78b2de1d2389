//! The rows of RELIABILITY.md that concern the core, staged with the local server's fault
//! injection or with sockets that misbehave on purpose, all on 127.0.0.1.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lumnisai::{Backoff, CallOptions, Client, CreateUser, ErrorKind, FileSource, InvokeOptions};
use lumnisai::{ListFiles, ListUsers, UploadFile};
use serde_json::json;
use tracing_subscriber::layer::SubscriberExt;

fn quick(local: &common::Local) -> lumnisai::ClientOptions {
    local
        .options()
        .timeout(Duration::from_millis(400))
        .max_retries(3)
}

async fn user_count(client: &Client) -> u64 {
    client
        .users()
        .list(ListUsers::default())
        .await
        .unwrap()
        .total
}

/// Asserts every logged attempt of a create carried one and the same Idempotency-Key.
fn same_key(attempts: &[serde_json::Value]) -> String {
    let keys: Vec<_> = attempts
        .iter()
        .map(|r| r["idempotency_key"].clone())
        .collect();
    let first = keys[0]
        .as_str()
        .expect("a key on every non-GET request")
        .to_owned();
    assert!(
        keys.iter().all(|k| k == &json!(first)),
        "keys differ across attempts: {keys:?}"
    );
    first
}

/// Counts the client's failed attempts from its own tracing events.
#[derive(Clone, Default)]
struct Attempts(Arc<AtomicUsize>);

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Attempts {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        let mut message = String::new();
        event.record(
            &mut |field: &tracing::field::Field, value: &dyn std::fmt::Debug| {
                if field.name() == "message" {
                    message = format!("{value:?}");
                }
            },
        );
        if message == "attempt failed" {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

#[tokio::test]
async fn row01_connection_refused_is_retried_then_a_transport_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let attempts = Attempts::default();
    let _guard =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(attempts.clone()));
    let options = lumnisai::ClientOptions::new()
        .api_key("k")
        .base_url(format!("http://127.0.0.1:{port}"))
        .max_retries(2)
        .backoff(Backoff {
            initial: Duration::from_millis(200),
            max: Duration::from_millis(400),
        });
    let started = Instant::now();
    let err = Client::new(options)
        .unwrap()
        .users()
        .get("a@b.co")
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert_eq!(
        attempts.0.load(Ordering::SeqCst),
        3,
        "attempts = max retries + 1"
    );
    // Two backoff waits, each at least half its step: 100 ms, then 200 ms.
    assert!(
        elapsed >= Duration::from_millis(300),
        "{elapsed:?}: no backoff"
    );
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row02_a_server_that_never_answers_times_out_per_attempt() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let held = Arc::new(Mutex::new(Vec::new()));
    let keep = held.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            keep.lock().unwrap().push(socket);
        }
    });

    let options = lumnisai::ClientOptions::new()
        .api_key("k")
        .base_url(format!("http://{addr}"))
        .timeout(Duration::from_millis(200))
        .max_retries(1)
        .backoff(Backoff {
            initial: Duration::from_millis(10),
            max: Duration::from_millis(20),
        });
    let started = Instant::now();
    let err = Client::new(options)
        .unwrap()
        .users()
        .get("a@b.co")
        .await
        .unwrap_err();
    let took = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_millis(900),
        "{took:?}"
    );
    assert_eq!(held.lock().unwrap().len(), 2, "one connection per attempt");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row03_request_read_no_answer_retries_with_the_same_key() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    local
        .fault("POST", "/v1/users", 1, json!({"kind": "hang"}))
        .await;

    client
        .users()
        .create(CreateUser::new("once@example.com"))
        .await
        .unwrap();
    let attempts = local.requests("POST", "/v1/users").await;
    assert_eq!(attempts.len(), 2);
    same_key(&attempts);
    assert_eq!(user_count(&client).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row04_dropped_and_lost_replies_create_one_user() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();

    local
        .fault("POST", "/v1/users", 1, json!({"kind": "drop"}))
        .await;
    client
        .users()
        .create(CreateUser::new("drop@example.com"))
        .await
        .unwrap();
    let attempts = local.requests("POST", "/v1/users").await;
    assert_eq!(attempts.len(), 2);
    same_key(&attempts);
    assert_ne!(
        attempts[0]["connection_id"], attempts[1]["connection_id"],
        "a new connection"
    );

    local.clear_log().await;
    local
        .fault("POST", "/v1/users", 1, json!({"kind": "drop_after_commit"}))
        .await;
    let user = client
        .users()
        .create(CreateUser::new("lost@example.com"))
        .await
        .unwrap();
    let attempts = local.requests("POST", "/v1/users").await;
    assert_eq!(attempts.len(), 2, "the lost reply is retried");
    same_key(&attempts);
    assert_eq!(
        client.users().get("lost@example.com").await.unwrap().id,
        user.id
    );
    assert_eq!(
        user_count(&client).await,
        2,
        "the committed create was not repeated"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row05_a_pooled_connection_closed_by_the_server_is_invisible() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    local.settings(json!({"idle_close_ms": 50})).await;

    client
        .users()
        .create(CreateUser::new("idle@example.com"))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    client
        .users()
        .create(CreateUser::new("idle2@example.com"))
        .await
        .unwrap();
    assert_eq!(user_count(&client).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row06_a_body_cut_short_is_retried_never_parsed() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    local
        .fault("POST", "/v1/users", 1, json!({"kind": "truncate"}))
        .await;

    let user = client
        .users()
        .create(CreateUser::new("cut@example.com"))
        .await
        .unwrap();
    assert_eq!(user.email, "cut@example.com");
    let attempts = local.requests("POST", "/v1/users").await;
    assert_eq!(attempts.len(), 2);
    same_key(&attempts);
    assert_eq!(user_count(&client).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row07_a_stalled_body_times_out_and_is_retried() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    client
        .users()
        .create(CreateUser::new("stall@example.com"))
        .await
        .unwrap();
    local
        .fault(
            "GET",
            "/v1/users/*",
            1,
            json!({"kind": "stall", "after_bytes": 10}),
        )
        .await;

    let started = Instant::now();
    let user = client.users().get("stall@example.com").await.unwrap();
    assert_eq!(user.email, "stall@example.com");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let attempts = local.requests("GET", "/v1/users/").await;
    assert_eq!(attempts.len(), 2);
    // Nothing is left running: the stalled attempt's connection was dropped at its timeout
    // (the server logs its end then), and the retry came on a new connection.
    let stalled = attempts[0]["elapsed_ms"]
        .as_u64()
        .expect("the stalled reply ended");
    assert!((350..1_500).contains(&stalled), "{stalled} ms");
    assert_ne!(attempts[0]["connection_id"], attempts[1]["connection_id"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row08_retry_after_is_honoured_and_a_long_one_is_raised() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    let spec = json!({"kind": "status", "status": 429, "retry_after": "2"});
    local.fault("POST", "/v1/users", 1, spec).await;

    let started = Instant::now();
    client
        .users()
        .create(CreateUser::new("patient@example.com"))
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(user_count(&client).await, 1);

    let mut options = quick(&local);
    options.max_retry_after = Duration::from_secs(1);
    let capped = Client::new(options).unwrap();
    let spec = json!({"kind": "status", "status": 429, "retry_after": "30"});
    local.fault("GET", "/v1/users/*", 1, spec).await;
    let started = Instant::now();
    let err = capped.users().get("patient@example.com").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimit);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    assert!(started.elapsed() < Duration::from_millis(500), "not slept");

    // A wait too long for any clock is raised the same way; the server's text never panics.
    for huge in ["1e20", "inf"] {
        let spec = json!({"kind": "status", "status": 429, "retry_after": huge});
        local.fault("GET", "/v1/users/*", 1, spec).await;
        let err = capped.users().get("patient@example.com").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::RateLimit, "{huge}");
        assert_eq!(err.retry_after(), Some(Duration::MAX), "{huge}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row09_server_errors_are_retried_up_to_the_limit() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    for (i, status) in [500, 502, 503, 504].into_iter().enumerate() {
        local.clear_log().await;
        local
            .fault(
                "POST",
                "/v1/users",
                2,
                json!({"kind": "status", "status": status}),
            )
            .await;
        client
            .users()
            .create(CreateUser::new(format!("r{i}@example.com")))
            .await
            .unwrap();
        assert_eq!(
            local.requests("POST", "/v1/users").await.len(),
            3,
            "{status}"
        );
    }
    assert_eq!(user_count(&client).await, 4);

    local.clear_log().await;
    local
        .fault(
            "GET",
            "/v1/users/*",
            10,
            json!({"kind": "status", "status": 503}),
        )
        .await;
    let err = client.users().get("r0@example.com").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(err.status(), Some(503));
    assert_eq!(
        local.requests("GET", "/v1/users/").await.len(),
        4,
        "max retries + 1"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row10_client_errors_are_never_retried() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    let cases = [
        (400, ErrorKind::Validation),
        (401, ErrorKind::Authentication),
        (403, ErrorKind::Authentication),
        (404, ErrorKind::NotFound),
        (422, ErrorKind::Validation),
    ];
    for (status, kind) in cases {
        local.clear_log().await;
        local
            .fault(
                "GET",
                "/v1/users/*",
                1,
                json!({"kind": "status", "status": status}),
            )
            .await;
        let err = client.users().get("x@example.com").await.unwrap_err();
        assert_eq!(err.kind(), kind, "{status}");
        assert_eq!(err.status(), Some(status));
        assert!(err.request_id().is_some(), "{status} keeps its request id");
        assert_eq!(
            local.requests("GET", "/v1/users/").await.len(),
            1,
            "{status}: one attempt"
        );
    }
}

/// A socket that answers its connections in turn with `answers`: `None` reads the request
/// and holds it unanswered, `Some` is a whole HTTP answer. It records each request's head.
async fn scripted(answers: Vec<Option<String>>) -> (String, Arc<Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let heads = Arc::new(Mutex::new(Vec::new()));
    let seen = heads.clone();
    tokio::spawn(async move {
        for answer in answers {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut request = Vec::new();
            let mut chunk = [0; 4096];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = socket.read(&mut chunk).await.unwrap();
                request.extend_from_slice(&chunk[..n]);
            }
            seen.lock()
                .unwrap()
                .push(String::from_utf8_lossy(&request).to_lowercase());
            // A held connection stays open while the next one is served.
            tokio::spawn(async move {
                match answer {
                    Some(answer) => socket.write_all(answer.as_bytes()).await.unwrap(),
                    None => tokio::time::sleep(Duration::from_secs(2)).await,
                }
            });
        }
    });
    (url, heads)
}

fn answer(status: &str, body: &serde_json::Value) -> String {
    let body = body.to_string();
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         connection: close\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conflict_on_a_retry_is_the_earlier_attempt_still_running() {
    let conflict = json!({"error": {"code": "CONFLICT", "message": "still in progress"}});
    let user = json!({
        "id": "6f1c2d4e-8a9b-4c3d-9e8f-7a6b5c4d3e2f", "email": "a@b.co", "first_name": null,
        "last_name": null, "tenant_id": null, "is_active": true,
        "created_at": "2026-12-04T08:00:00Z", "updated_at": null,
    });
    // The first attempt is held past its timeout; the retry finds it still running.
    let (url, heads) = scripted(vec![
        None,
        Some(answer("409 Conflict", &conflict)),
        Some(answer("201 Created", &user)),
    ])
    .await;
    let options = lumnisai::ClientOptions::new()
        .api_key("k")
        .base_url(url)
        .timeout(Duration::from_millis(300))
        .backoff(Backoff {
            initial: Duration::from_millis(10),
            max: Duration::from_millis(20),
        });
    let client = Client::new(options).unwrap();
    let created = client
        .users()
        .create(CreateUser::new("a@b.co"))
        .await
        .unwrap();
    assert_eq!(created.email, "a@b.co");

    let heads = heads.lock().unwrap().clone();
    assert_eq!(heads.len(), 3, "{heads:?}");
    let key = |head: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix("idempotency-key: ").map(str::to_owned))
    };
    assert!(key(&heads[0]).is_some());
    assert!(heads.iter().all(|h| key(h) == key(&heads[0])), "{heads:?}");
    assert!(!heads[0].contains("x-lumnis-retry-count"));
    assert!(heads[1].contains("x-lumnis-retry-count: 1\r\n"));
    assert!(heads[2].contains("x-lumnis-retry-count: 2\r\n"));

    // A first attempt's 409 is the contract's: an error, never retried.
    let (url, heads) = scripted(vec![Some(answer("409 Conflict", &conflict))]).await;
    let client = Client::new(lumnisai::ClientOptions::new().api_key("k").base_url(url)).unwrap();
    let err = client
        .users()
        .create(CreateUser::new("a@b.co"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.status()),
        (ErrorKind::Validation, Some(409))
    );
    assert_eq!(heads.lock().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row11_sustained_failure_under_load_is_bounded_by_the_retry_budget() {
    let local = common::start().await;
    let client = Client::new(local.options().max_retries(3)).unwrap();
    local
        .fault(
            "GET",
            "/v1/users/*",
            1_000_000,
            json!({"kind": "status", "status": 503}),
        )
        .await;

    let calls = (0..1_000).map(|i| {
        let users = client.users();
        async move { users.get(&format!("u{i}@example.com")).await }
    });
    let results = futures::future::join_all(calls).await;
    let kinds: std::collections::HashSet<_> = results
        .iter()
        .map(|r| r.as_ref().map_err(|e| e.kind()).err())
        .collect();
    assert_eq!(
        kinds,
        [Some(ErrorKind::Server)].into(),
        "every call fails as a server error"
    );
    let attempts = local.requests("GET", "/v1/users/").await.len();
    // 1,000 first attempts, and at most 100 retries: the budget's 500 tokens at 5 a retry.
    assert!(attempts <= 1_100, "{attempts} attempts");
    assert!(attempts >= 1_000);

    // The budget spent, a further failing call fails at once: one attempt, and no backoff
    // (whose first wait is at least 250 ms).
    local.clear_log().await;
    let started = Instant::now();
    let err = client.users().get("late@example.com").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert!(
        started.elapsed() < Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(local.requests("GET", "/v1/users/").await.len(), 1);

    // Successes refill it, a token each (a retry costs five), and a retry saves a call again.
    local.clear_faults().await;
    client
        .users()
        .create(CreateUser::new("back@example.com"))
        .await
        .unwrap();
    for _ in 0..5 {
        client.users().get("back@example.com").await.unwrap();
    }
    local
        .fault(
            "GET",
            "/v1/users/*",
            1,
            json!({"kind": "status", "status": 503}),
        )
        .await;
    local.clear_log().await;
    assert_eq!(
        client.users().get("back@example.com").await.unwrap().email,
        "back@example.com"
    );
    assert_eq!(local.requests("GET", "/v1/users/").await.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row12_a_long_poll_outlives_a_short_attempt_timeout() {
    let local = common::start().await;
    local.settings(json!({"agent_latency_ms": 2_000})).await;
    // With no retries, a held read timed out at 300 ms would fail the call.
    let options = local
        .options()
        .timeout(Duration::from_millis(300))
        .max_retries(0);
    let client = Client::new(options).unwrap();

    let options = InvokeOptions {
        wait: Some(Duration::from_secs(5)),
        ..Default::default()
    };
    let response = client.invoke("hold on", options).await.unwrap();
    assert_eq!(response.status, lumnisai::ResponseStatus::Succeeded);
    let reads = local.requests("GET", "/v1/responses/").await;
    assert!(reads.iter().all(|r| r["status"] == 200), "{reads:?}");
    assert!(
        reads
            .iter()
            .any(|r| r["elapsed_ms"].as_u64().unwrap_or(0) > 300),
        "a read was held past the attempt timeout: {reads:?}"
    );
    assert!(reads.len() <= 6, "{} reads: held, not polled", reads.len());
    assert_eq!(
        local.requests("POST", "/v1/responses").await.len(),
        1,
        "nothing re-created"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row13_a_cut_upload_is_resent_whole_or_refused() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();

    local
        .fault("POST", "/v1/files/upload", 1, json!({"kind": "cut_upload"}))
        .await;
    let params = UploadFile {
        file_name: Some("cut.bin".into()),
        ..Default::default()
    };
    let source = FileSource::Bytes(data.clone().into());
    let up = client.files().upload(source, params.clone()).await.unwrap();
    let attempts = local.requests("POST", "/v1/files/upload").await;
    assert_eq!(attempts.len(), 2);
    same_key(&attempts);
    let back = client
        .files()
        .download(&up.file_id.to_string(), None)
        .await
        .unwrap();
    assert_eq!(back.as_ref(), data.as_slice(), "the bytes are whole");
    assert_eq!(
        client
            .files()
            .list(ListFiles::default())
            .await
            .unwrap()
            .total_count,
        1
    );

    local
        .fault("POST", "/v1/files/upload", 1, json!({"kind": "cut_upload"}))
        .await;
    let reader = Box::new(std::io::Cursor::new(data.clone()));
    let once = UploadFile {
        file_name: Some("stream.bin".into()),
        ..Default::default()
    };
    let source = FileSource::Reader(reader, Some(data.len() as u64));
    let err = client.files().upload(source, once).await.unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::Transport,
        "a one-shot stream is not resent"
    );
    assert_eq!(
        client
            .files()
            .list(ListFiles::default())
            .await
            .unwrap()
            .total_count,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row14_an_endless_body_hits_the_limit() {
    let local = common::start().await;
    let mut options = quick(&local);
    options.max_response_bytes = 1 << 20;
    let client = Client::new(options).unwrap();
    client
        .users()
        .create(CreateUser::new("big@example.com"))
        .await
        .unwrap();
    local
        .fault("GET", "/v1/users/*", 1, json!({"kind": "endless"}))
        .await;

    let err = client.users().get("big@example.com").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BodyTooLarge);
    assert_eq!(
        client.users().get("big@example.com").await.unwrap().email,
        "big@example.com"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row14_a_declared_length_over_the_limit_is_refused_before_reading() {
    // 2 GiB announced, 10 bytes sent: the client must not wait for (or buffer) the rest.
    let huge = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                content-length: 2147483648\r\n\r\n0123456789";
    let (url, heads) = scripted(vec![Some(huge.to_owned())]).await;
    let options = lumnisai::ClientOptions::new()
        .api_key("k")
        .base_url(url)
        .timeout(Duration::from_secs(5));
    let started = Instant::now();
    let err = Client::new(options)
        .unwrap()
        .users()
        .get("a@b.co")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BodyTooLarge);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(heads.lock().unwrap().len(), 1, "never retried");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row15_malformed_json_is_a_decode_error_and_the_client_goes_on() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    client
        .users()
        .create(CreateUser::new("json@example.com"))
        .await
        .unwrap();

    for kind in ["invalid_json", "wrong_type"] {
        local.clear_log().await;
        local
            .fault("GET", "/v1/users/*", 1, json!({"kind": kind}))
            .await;
        let err = client.users().get("json@example.com").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{kind}");
        assert!(
            err.message().contains("starts with"),
            "an excerpt: {}",
            err.message()
        );
        assert_eq!(
            local.requests("GET", "/v1/users/").await.len(),
            1,
            "not retried"
        );
    }
    assert_eq!(
        client.users().get("json@example.com").await.unwrap().email,
        "json@example.com"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_with_no_body_reads_as_an_empty_object() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    let thread = client.threads().create(Default::default()).await.unwrap();
    let id = thread.thread_id.to_string();

    // A server may answer a delete with 204 No Content: the delete succeeded, with no message.
    let spec = json!({"kind": "status", "status": 204});
    local.fault("DELETE", "/v1/threads/*", 1, spec).await;
    let deleted = client.threads().delete(&id).await.unwrap();
    assert_eq!(deleted.message, None);

    // A model with required fields is still a decode error, not an empty value.
    let spec = json!({"kind": "status", "status": 204});
    local.fault("GET", "/v1/threads/*", 1, spec).await;
    let err = client.threads().get(&id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status(), Some(204));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row16_a_cancelled_call_stops_and_the_client_goes_on() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    local
        .fault("POST", "/v1/users", 1, json!({"kind": "hang"}))
        .await;

    let users = client.users();
    let call = tokio::spawn(async move { users.create(CreateUser::new("gone@example.com")).await });
    tokio::time::sleep(Duration::from_millis(150)).await;
    call.abort();
    assert!(call.await.unwrap_err().is_cancelled());
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        local.requests("POST", "/v1/users").await.len(),
        1,
        "no retry after cancel"
    );

    client
        .users()
        .create(CreateUser::new("next@example.com"))
        .await
        .unwrap();
}

#[tokio::test]
async fn row17_the_key_never_appears_in_logs_errors_or_debug() {
    let local = common::start().await;
    let key = local.server.api_key().to_owned();
    let captured = Arc::new(Mutex::new(Vec::<u8>::new()));
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || Writer(sink.clone()))
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let client = Client::new(quick(&local)).unwrap();
    local
        .fault(
            "GET",
            "/v1/users/*",
            1,
            json!({"kind": "status", "status": 503}),
        )
        .await;
    let err = client.users().get("nobody@example.com").await.unwrap_err();
    client
        .users()
        .create(CreateUser::new("seen@example.com"))
        .await
        .unwrap();

    let logs = String::from_utf8_lossy(&captured.lock().unwrap()).into_owned();
    assert!(logs.contains("attempt failed"), "the trace was captured");
    let shown = format!(
        "{logs}{err}{err:?}{client:?}{:?}",
        client.for_user("a@b.co")
    );
    assert!(!shown.contains(&key), "the key leaked");
}

struct Writer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Writer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_call_options_override_retries_and_key() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    local
        .fault(
            "GET",
            "/v1/users/*",
            5,
            json!({"kind": "status", "status": 503}),
        )
        .await;
    let once = client.with_options(CallOptions::new().max_retries(0));
    assert!(once.users().get("x@example.com").await.is_err());
    assert_eq!(local.requests("GET", "/v1/users/").await.len(), 1);

    let keyed = client.with_options(CallOptions::new().idempotency_key("my-key-1"));
    let first = keyed
        .users()
        .create(CreateUser::new("k@example.com"))
        .await
        .unwrap();
    let replay = keyed
        .users()
        .create(CreateUser::new("k@example.com"))
        .await
        .unwrap();
    assert_eq!(first.id, replay.id);
    let posts = local.requests("POST", "/v1/users").await;
    assert!(posts.iter().all(|r| r["idempotency_key"] == "my-key-1"));

    // A blank key would make every create under it one operation: refused, nothing sent.
    let blank = client.with_options(CallOptions::new().idempotency_key(" "));
    let err = blank.users().create(CreateUser::new("b@example.com")).await;
    assert_eq!(err.unwrap_err().kind(), ErrorKind::Validation);
    assert_eq!(local.requests("POST", "/v1/users").await.len(), posts.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row13_an_upload_whose_reply_was_lost_is_replayed_not_refused() {
    let local = common::start().await;
    let client = Client::new(quick(&local)).unwrap();
    local
        .fault(
            "POST",
            "/v1/files/upload",
            1,
            json!({"kind": "drop_after_commit"}),
        )
        .await;

    let params = UploadFile {
        file_name: Some("lost.txt".into()),
        ..Default::default()
    };
    let up = client
        .files()
        .upload(FileSource::Bytes("kept once".into()), params)
        .await
        .unwrap();
    let attempts = local.requests("POST", "/v1/files/upload").await;
    assert_eq!(attempts.len(), 2);
    same_key(&attempts);
    let list = client.files().list(ListFiles::default()).await.unwrap();
    assert_eq!(list.total_count, 1, "one file, not two");
    assert_eq!(list.files[0].id, up.file_id);
}

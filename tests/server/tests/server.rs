//! The server as a whole: persistence with `--db`, the rate limit, the binary's first line
//! and its shutdown on SIGTERM.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{assert_error, start_with};
use lumnis_local::Config;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn data_survives_a_restart_with_a_db_file() {
    let dir = std::env::temp_dir().join(format!("lumnis-local-test-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("data.sqlite");
    let config = Config {
        db: Some(db.clone()),
        ..Config::default()
    };

    let api = start_with(config.clone()).await;
    let user = api.user("keep@example.com").await;
    let keyed = |api: &common::Api| {
        api.http
            .post(api.url("/v1/threads"))
            .bearer_auth(&api.key)
            .header("Idempotency-Key", "kept-key")
            .json(&json!({"title": "once"}))
    };
    let thread = common::reply(keyed(&api).send().await.unwrap()).await;
    assert_eq!(thread.status, StatusCode::CREATED);
    assert!(thread.body["thread_id"].is_string());
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(b"kept bytes".to_vec()).file_name("k.txt"),
    );
    let up = api
        .http
        .post(api.url("/v1/files/upload"))
        .bearer_auth(&api.key)
        .multipart(form);
    let up = common::reply(up.send().await.unwrap()).await;
    let file_id = up.body["file_id"].as_str().unwrap().to_owned();
    // A second server is refused the database the first has open.
    let refused = lumnis_local::start(config.clone()).await.err().unwrap();
    assert!(
        refused.to_string().contains("another lumnis-local has"),
        "{refused}"
    );
    assert_eq!(
        api.get("/v1/users/keep%40example.com").await.status,
        StatusCode::OK
    );
    api.server.shutdown().await;

    let api = start_with(config).await;
    // A key used before the restart is answered with its reply, and makes nothing new.
    let replayed = keyed(&api).send().await.unwrap();
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    let replayed = common::reply(replayed).await;
    assert_eq!(replayed.body["thread_id"], thread.body["thread_id"]);
    assert_eq!(api.get("/v1/threads").await.body["total"], 1);
    let again = api.get("/v1/users/keep%40example.com").await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["id"], user["id"]);
    let download = api
        .http
        .get(api.url(&format!("/v1/files/{file_id}/download")))
        .bearer_auth(&api.key);
    assert_eq!(
        download
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .as_ref(),
        b"kept bytes"
    );
    api.server.shutdown().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let api = start_with(Config {
        rate_limit: Some(5),
        ..Config::default()
    })
    .await;
    let mut limited = None;
    for _ in 0..20 {
        let reply = api.get("/v1/users").await;
        if reply.status == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(reply);
            break;
        }
    }
    let limited = limited.expect("the limit was hit");
    assert_error(&limited, 429, "RATE_LIMITED");
    assert_eq!(limited.headers["retry-after"], "1");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(api.get("/v1/users").await.status, StatusCode::OK);
}

#[test]
fn a_sync_caller_can_run_the_server_on_its_own_runtime() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime
        .block_on(lumnis_local::start(Config::default()))
        .unwrap();
    assert!(server.base_url().starts_with("http://127.0.0.1:"));
    assert!(!server.base_url().ends_with('/'));
    assert_eq!(server.api_key(), lumnis_local::DEFAULT_API_KEY);
    assert_eq!(
        server.api_keys(),
        [lumnis_local::DEFAULT_API_KEY.to_owned()]
    );
    let url = format!("{}/v1/health", server.base_url());
    let status = runtime.spawn(async move { reqwest::get(url).await.unwrap().status() });
    assert_eq!(runtime.block_on(status).unwrap(), StatusCode::OK);
    runtime.block_on(server.shutdown());
}

#[test]
fn the_binary_prints_its_address_first_and_stops_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lumnis-local"))
        .args([
            "--addr",
            "127.0.0.1:0",
            "--api-key",
            "k1",
            "--api-key",
            "k2",
            "--faults",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .expect("the listening line")
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let http = reqwest::Client::new();
        let ok = http
            .get(format!("{url}/v1/users"))
            .header("X-API-Key", "k2")
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status(), StatusCode::OK);
        let default = http
            .get(format!("{url}/v1/users"))
            .bearer_auth("lumnis-local-key")
            .send();
        assert_eq!(default.await.unwrap().status(), StatusCode::UNAUTHORIZED);
        let control = http
            .post(format!("{url}/_control/reset"))
            .json(&json!({}))
            .send()
            .await;
        assert_eq!(control.unwrap().status(), StatusCode::OK);
    });

    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    panic!("the server did not stop on SIGTERM");
}

#[tokio::test]
async fn the_control_api_is_refused_off_loopback() {
    let config = Config {
        addr: "0.0.0.0:0".parse().unwrap(),
        faults: true,
        ..Config::default()
    };
    let refused = lumnis_local::start(config).await.err().unwrap();
    assert_eq!(refused.kind(), std::io::ErrorKind::InvalidInput);
    assert!(refused.to_string().contains("loopback only"), "{refused}");
}

//! `download_to` under RELIABILITY.md rows 6 and 7: a body that stalls or is cut after some
//! bytes is fetched again from the start within the retry policy, the bytes on disk are exact,
//! and a download that keeps failing leaves neither the file nor its `.part` behind.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lumnisai::{Client, ErrorKind, FileSource, UploadFile};
use serde_json::json;

const DOWNLOAD: &str = "/v1/files/*/download";

/// Bytes that differ from one position to the next, so a shifted or repeated piece shows.
fn content() -> Vec<u8> {
    (0..64 * 1024u32).map(|i| (i * 7 + i / 251) as u8).collect()
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lumnisai-download-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A client with a short attempt timeout, so each stalled attempt ends quickly.
fn client(local: &common::Local, max_retries: u32) -> Client {
    let options = local
        .options()
        .timeout(Duration::from_millis(400))
        .max_retries(max_retries);
    Client::new(options).unwrap()
}

async fn upload(client: &Client) -> String {
    let params = UploadFile {
        file_name: Some("data.bin".into()),
        ..Default::default()
    };
    let up = client
        .files()
        .upload(FileSource::Bytes(content().into()), params)
        .await
        .unwrap();
    up.file_id.to_string()
}

async fn download_attempts(local: &common::Local) -> usize {
    local
        .requests("GET", "/v1/files/")
        .await
        .iter()
        .filter(|r| r["path"].as_str().unwrap_or("").ends_with("/download"))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_stalls_once_is_fetched_again_whole() {
    let local = common::start().await;
    let client = client(&local, 3);
    let id = upload(&client).await;
    let stall = json!({"kind": "stall", "after_bytes": 5000});
    local.fault("GET", DOWNLOAD, 1, stall).await;

    let dir = scratch();
    let target = dir.join("copy.bin");
    let started = Instant::now();
    let written = client.files().download_to(&id, &target, None).await;
    let elapsed = started.elapsed();

    assert_eq!(written.unwrap(), content().len() as u64);
    assert!(
        std::fs::read(&target).unwrap() == content(),
        "the bytes differ"
    );
    assert!(!dir.join("copy.bin.part").exists());
    assert_eq!(download_attempts(&local).await, 2);
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_cut_short_is_fetched_again_whole() {
    let local = common::start().await;
    let client = client(&local, 3);
    let id = upload(&client).await;
    let cut = json!({"kind": "truncate", "after_bytes": 5000});
    local.fault("GET", DOWNLOAD, 1, cut).await;

    let dir = scratch();
    let target = dir.join("copy.bin");
    let written = client.files().download_to(&id, &target, None).await;

    assert_eq!(written.unwrap(), content().len() as u64);
    assert!(
        std::fs::read(&target).unwrap() == content(),
        "the bytes differ"
    );
    assert!(!dir.join("copy.bin.part").exists());
    assert_eq!(download_attempts(&local).await, 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_always_stalls_times_out_after_every_retry_and_leaves_nothing() {
    let local = common::start().await;
    let max_retries = 2;
    let client = client(&local, max_retries);
    let id = upload(&client).await;
    let stall = json!({"kind": "stall", "after_bytes": 5000});
    local.fault("GET", DOWNLOAD, 10, stall).await;

    let dir = scratch();
    let target = dir.join("copy.bin");
    let started = Instant::now();
    let err = client
        .files()
        .download_to(&id, &target, None)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();

    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    assert_eq!(download_attempts(&local).await, max_retries as usize + 1);
    // Three 400 ms attempts and two short backoffs: each attempt is bounded as a whole.
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
    assert!(!target.exists());
    assert!(!dir.join("copy.bin.part").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_file_is_not_retried_and_leaves_nothing() {
    let local = common::start().await;
    let client = client(&local, 3);
    let dir = scratch();
    let target = dir.join("copy.bin");
    let absent = uuid::Uuid::new_v4().to_string();

    let err = client
        .files()
        .download_to(&absent, &target, None)
        .await
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert_eq!(download_attempts(&local).await, 1);
    assert!(!target.exists());
    assert!(!dir.join("copy.bin.part").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

//! An upload with an Idempotency-Key streams to disk instead of being held in memory. Alone in
//! its test binary: it measures the process's peak memory, which other tests would disturb.

#![cfg(target_os = "linux")]

mod common;

use bytes::Bytes;
use common::start;
use futures::stream;

const BOUNDARY: &str = "lumnis-local-test-boundary";
const CHUNK: usize = 1024 * 1024;
const CHUNKS: usize = 96;

/// The peak resident memory of this process so far, in bytes.
fn peak_memory() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("proc status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("a VmHWM line");
    let kb: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("a number of kB");
    kb * 1024
}

/// The same multipart body every time (fixed boundary), produced chunk by chunk.
fn body() -> reqwest::Body {
    let head = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    );
    let tail = format!("\r\n--{BOUNDARY}--\r\n");
    let chunk = Bytes::from(vec![b'x'; CHUNK]);
    let parts = std::iter::once(Bytes::from(head))
        .chain(std::iter::repeat_n(chunk, CHUNKS))
        .chain(std::iter::once(Bytes::from(tail)));
    reqwest::Body::wrap_stream(stream::iter(parts.map(Ok::<_, std::io::Error>)))
}

#[tokio::test]
async fn a_keyed_upload_over_the_body_limit_is_not_held_in_memory() {
    let api = start().await;
    let send = || {
        api.http
            .post(api.url("/v1/files/upload"))
            .bearer_auth(&api.key)
            .header("Idempotency-Key", "big-upload")
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body())
            .send()
    };
    let before = peak_memory();
    let first = common::reply(send().await.expect("upload sent")).await;
    assert_eq!(first.status, 201, "{:?}", first.body);
    let grown = peak_memory().saturating_sub(before);
    let size = (CHUNK * CHUNKS) as u64;
    assert!(
        grown < size / 3,
        "peak memory grew by {grown} bytes for {size}"
    );

    let id = first.body["file_id"].as_str().expect("file id").to_owned();
    let file = api.get(&format!("/v1/files/{id}")).await.body;
    assert_eq!(file["file_size"], size);
    // The streamed fingerprint is the same for the same bytes: the resend is a replay.
    let again = common::reply(send().await.expect("upload sent")).await;
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.body, first.body);
    assert_eq!(api.get("/v1/files").await.body["total_count"], 1);
}

//! Size limits: the 64 MiB body limit holds with and without an Idempotency-Key and answers
//! 413 with the error body; upload form fields other than `file` are small.

mod common;

use std::time::Duration;

use common::{assert_error, raw, split_reply, start};
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const LIMIT: usize = 64 * 1024 * 1024;

fn head(path: &str, key: Option<&str>, length: &str) -> Vec<u8> {
    let idem = key.map_or(String::new(), |k| format!("Idempotency-Key: {k}\r\n"));
    format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {}\r\n{idem}\
         Content-Type: application/json\r\n{length}\r\n",
        lumnis_local::DEFAULT_API_KEY,
    )
    .into_bytes()
}

/// Checks a raw reply is the contract's 413 with a request id.
fn assert_too_large(bytes: &[u8]) {
    let (head, body) = split_reply(bytes);
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
    assert!(
        head.to_ascii_lowercase().contains("x-request-id: req_"),
        "{head}"
    );
    let body: Value = serde_json::from_slice(&body).expect("a JSON error body");
    assert_eq!(body["error"]["code"], "PAYLOAD_TOO_LARGE", "{body}");
    assert!(body["error"]["message"].is_string());
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_413_at_once_with_or_without_a_key() {
    let api = start().await;
    for key in [None, Some("big-1")] {
        let length = format!("Content-Length: {}\r\n", LIMIT + 1);
        let mut request = head("/v1/users", key, &length);
        request.extend_from_slice(b"{\"email\": ");
        // The server must not wait for the rest of the body (or hold it) before answering.
        let (bytes, _) = raw(api.addr(), &request, Duration::from_secs(3), 1 << 20).await;
        assert!(!bytes.is_empty(), "no answer with key {key:?}");
        assert_too_large(&bytes);
    }
    assert_eq!(api.count_users().await, 0);
}

/// Sends `size` bytes of chunked body and reads the reply while still sending.
async fn send_chunked(api: &common::Api, key: Option<&str>, size: usize) -> Vec<u8> {
    let stream = TcpStream::connect(api.addr()).await.expect("connect");
    let (mut read, mut write) = stream.into_split();
    let request = head("/v1/users", key, "Transfer-Encoding: chunked\r\n");
    let writer = tokio::spawn(async move {
        write.write_all(&request).await?;
        let chunk = vec![b' '; 1024 * 1024];
        let mut sent = 0;
        while sent < size {
            let n = chunk.len().min(size - sent);
            write.write_all(format!("{n:x}\r\n").as_bytes()).await?;
            write.write_all(&chunk[..n]).await?;
            write.write_all(b"\r\n").await?;
            sent += n;
        }
        write.write_all(b"0\r\n\r\n").await?;
        Ok::<_, std::io::Error>(write)
    });
    let mut got = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match tokio::time::timeout(Duration::from_secs(10), read.read(&mut buf)).await {
            Ok(Ok(n)) if n > 0 => got.extend_from_slice(&buf[..n]),
            _ => break,
        }
        if got.windows(4).any(|w| w == b"\r\n\r\n") && got.ends_with(b"}}") {
            break;
        }
    }
    writer.abort();
    got
}

#[tokio::test]
async fn a_streamed_body_over_the_limit_is_413_with_or_without_a_key() {
    let api = start().await;
    for key in [None, Some("big-2")] {
        let bytes = send_chunked(&api, key, LIMIT + 1024 * 1024).await;
        assert!(!bytes.is_empty(), "no answer with key {key:?}");
        assert_too_large(&bytes);
    }
    assert_eq!(api.count_users().await, 0);
}

async fn upload(api: &common::Api, form: Form) -> common::Reply {
    let response = api
        .http
        .post(api.url("/v1/files/upload"))
        .bearer_auth(&api.key)
        .multipart(form)
        .send()
        .await
        .expect("upload sent");
    common::reply(response).await
}

fn file_part() -> Part {
    Part::bytes(b"hello".to_vec()).file_name("a.txt")
}

#[tokio::test]
async fn upload_fields_other_than_file_are_limited() {
    let api = start().await;
    let big = "t,".repeat(50 * 1024);
    for name in ["tags", "scope", "user_id", "duplicate_handling", "unknown"] {
        let form = Form::new()
            .text(name, big.clone())
            .part("file", file_part());
        let reply = upload(&api, form).await;
        assert_error(&reply, 413, "PAYLOAD_TOO_LARGE");
    }
    assert_eq!(api.get("/v1/files").await.body["total_count"], 0);

    let tags = "a,".repeat(1000);
    let form = Form::new().text("tags", tags).part("file", file_part());
    assert_eq!(upload(&api, form).await.status, 201);
    assert_eq!(api.get("/v1/files").await.body["total_count"], 1);
}

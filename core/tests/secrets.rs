//! RELIABILITY row 17 against a socket that misbehaves on purpose: an error body that echoes
//! the request's key. In a process of its own, away from the tests that capture traces with
//! a thread's default subscriber (tracing's callsite cache is shared by the whole process).

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

use lumnisai::{Client, ErrorKind};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn row17_an_error_body_that_echoes_the_key_keeps_it_out_of_the_details() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    const KEY: &str = "sk-echoed-secret-0123456789";
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = vec![0; 4096];
        let _ = socket.read(&mut request).await.unwrap();
        let body = json!({"error": {
            "code": "BAD_REQUEST",
            "message": format!("rejected Bearer {KEY}"),
            "details": {"echo": {"authorization": format!("Bearer {KEY}")}, KEY: [KEY]},
        }})
        .to_string();
        let head = format!(
            "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n\
             content-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        socket.write_all(head.as_bytes()).await.unwrap();
        socket.write_all(body.as_bytes()).await.unwrap();
    });

    let options = lumnisai::ClientOptions::new()
        .api_key(KEY)
        .base_url(format!("http://{addr}"));
    let err = Client::new(options)
        .unwrap()
        .users()
        .get("a@b.co")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let shown = format!("{err} {err:?} {}", err.details().unwrap());
    assert!(!shown.contains(KEY), "{shown}");
    assert!(shown.contains("<redacted>"), "{shown}");
}

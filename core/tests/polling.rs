//! Invoke against a server that ignores `wait` and answers at once: the loop must fall back
//! to the poll interval instead of spinning. A minimal HTTP/1.1 responder on 127.0.0.1 plays
//! that server, since the local server always honours `wait`.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lumnisai::{Client, ClientOptions, ErrorKind, InvokeOptions};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

const ID: &str = "0b6f3b8e-8a8e-4d3a-9a53-1f6f0c7f9c11";

/// Serves `POST /v1/responses` with a queued response and every other request with the
/// same response still in progress, counting the reads.
async fn impatient_server(reads: Arc<AtomicUsize>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let reads = reads.clone();
            tokio::spawn(async move {
                let mut socket = BufReader::new(socket);
                loop {
                    let mut head = String::new();
                    let mut length = 0usize;
                    loop {
                        let mut line = String::new();
                        if socket.read_line(&mut line).await.unwrap_or(0) == 0 {
                            return;
                        }
                        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                            length = v.trim().parse().unwrap();
                        }
                        if line == "\r\n" {
                            break;
                        }
                        head.push_str(&line);
                    }
                    let mut body = vec![0; length];
                    socket.read_exact(&mut body).await.unwrap();
                    let json = if head.starts_with("POST") {
                        format!(r#"{{"response_id":"{ID}","thread_id":"{ID}","status":"queued"}}"#)
                    } else {
                        reads.fetch_add(1, Ordering::SeqCst);
                        format!(
                            r#"{{"response_id":"{ID}","thread_id":"{ID}","status":"in_progress",
                            "created_at":"2026-12-03T08:44:30.123456Z","progress":[]}}"#
                        )
                    };
                    let reply = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                         content-length: {}\r\n\r\n{json}",
                        json.len()
                    );
                    socket.get_mut().write_all(reply.as_bytes()).await.unwrap();
                }
            });
        }
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ignored_wait_falls_back_to_the_poll_interval() {
    let reads = Arc::new(AtomicUsize::new(0));
    let base = impatient_server(reads.clone()).await;
    let client = Client::new(ClientOptions::new().api_key("k").base_url(base)).unwrap();

    let options = InvokeOptions {
        poll_interval: Some(Duration::from_millis(100)),
        deadline: Some(Duration::from_secs(1)),
        ..Default::default()
    };
    let started = Instant::now();
    let err = client.invoke("hi", options).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert_eq!(err.response_id(), Some(ID));
    assert!(
        started.elapsed() < Duration::from_millis(1_300),
        "{:?}",
        started.elapsed()
    );

    // One read per poll interval in a second, give or take: not a busy loop.
    let reads = reads.load(Ordering::SeqCst);
    assert!((5..=13).contains(&reads), "{reads} reads in one second");
}

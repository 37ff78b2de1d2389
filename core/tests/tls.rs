//! Certificate authorities trusted besides the built-in roots: a TLS server on 127.0.0.1
//! whose certificate a test CA signed (`tests/tls/`), reached without that CA, with it as an
//! option, and with it in `SSL_CERT_FILE`. One test, since it sets the environment.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::Arc;

use lumnisai::{Client, ClientOptions, ErrorKind};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/tls")
        .join(name)
}

/// Answers every request with `{"status":"ok"}` over TLS, until the test ends.
async fn tls_server() -> String {
    let certs = CertificateDer::pem_file_iter(fixture("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(fixture("server.key")).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let (tcp, _) = listener.accept().await.unwrap();
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A client that refuses the certificate ends the handshake: nothing to answer.
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let body = br#"{"status":"ok"}"#;
                let head = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                     content-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                let _ = tls.write_all(head.as_bytes()).await;
                let _ = tls.write_all(body).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    format!("https://127.0.0.1:{port}")
}

fn options(base_url: &str) -> ClientOptions {
    let mut options = ClientOptions::new().max_retries(0);
    options.api_key = Some("k".into());
    options.base_url = Some(base_url.into());
    options
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_ca_is_trusted_from_the_options_or_ssl_cert_file() {
    std::env::remove_var("SSL_CERT_FILE");
    let url = tls_server().await;

    let stranger = Client::new(options(&url)).unwrap();
    let err = stranger.health().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    assert!(err.to_string().contains("certificate"), "{err}");

    let pem = std::fs::read(fixture("ca.pem")).unwrap();
    let trusting = Client::new(options(&url).root_certificate(pem)).unwrap();
    assert_eq!(trusting.health().await.unwrap()["status"], "ok");

    std::env::set_var("SSL_CERT_FILE", fixture("ca.pem"));
    let from_env = Client::new(options(&url)).unwrap();
    assert_eq!(from_env.health().await.unwrap()["status"], "ok");

    std::env::set_var("SSL_CERT_FILE", fixture("missing.pem"));
    let err = Client::new(options(&url)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config, "{err}");
    assert!(err.to_string().contains("SSL_CERT_FILE"), "{err}");
    std::env::remove_var("SSL_CERT_FILE");

    let err = Client::new(options(&url).root_certificate("not a certificate")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config, "{err}");
}

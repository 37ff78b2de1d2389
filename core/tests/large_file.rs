//! A 50 MB file goes up from disk and comes back to disk byte for byte, while the client's
//! memory grows by far less than the file. The server runs as a separate process here, so
//! that this process's peak RSS measures the client alone.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use lumnisai::{Client, ClientOptions, FileSource, UploadFile};

const SIZE: usize = 50 * 1024 * 1024;
const CHUNK: usize = 1 << 20;

fn server_binary() -> PathBuf {
    std::env::var_os("LUMNIS_LOCAL_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug/lumnis-local")
        })
}

fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn chunk(index: usize) -> Vec<u8> {
    (0..CHUNK)
        .map(|i| ((i * 31 + index * 7) % 251) as u8)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_megabytes_round_trip_with_bounded_memory() {
    let binary = server_binary();
    assert!(
        binary.exists(),
        "build the server first: make server ({})",
        binary.display()
    );
    let mut server = Command::new(binary)
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let base = first
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_owned();

    let dir = std::env::temp_dir().join(format!("lumnisai-large-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("big.bin");
    let mut file = std::fs::File::create(&source).unwrap();
    for index in 0..SIZE / CHUNK {
        file.write_all(&chunk(index)).unwrap();
    }
    drop(file);

    let options = ClientOptions::new()
        .api_key(lumnis_local::DEFAULT_API_KEY)
        .base_url(base);
    let client = Client::new(options).unwrap();
    client.health().await.unwrap();
    let before = peak_rss_kib();

    let params = UploadFile {
        file_name: Some("big.bin".into()),
        ..Default::default()
    };
    let up = client
        .files()
        .upload(FileSource::Path(source.clone()), params)
        .await
        .unwrap();
    let target = dir.join("back.bin");
    let written = client
        .files()
        .download_to(&up.file_id.to_string(), &target, None)
        .await;
    assert_eq!(written.unwrap(), SIZE as u64);
    let grown_mib = (peak_rss_kib() - before) / 1024;
    eprintln!("peak RSS grew by {grown_mib} MiB while moving 50 MiB");

    let mut back = std::fs::File::open(&target).unwrap();
    let mut buffer = vec![0u8; CHUNK];
    for index in 0..SIZE / CHUNK {
        back.read_exact(&mut buffer).unwrap();
        assert!(buffer == chunk(index), "chunk {index} differs");
    }
    assert_eq!(back.read(&mut buffer).unwrap(), 0, "no extra bytes");

    server.kill().unwrap();
    let _ = server.wait();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        grown_mib < 16,
        "the client grew by {grown_mib} MiB moving 50 MiB"
    );
}

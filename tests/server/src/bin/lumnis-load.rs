//! A load generator for the local server (a benchmark, not a test): drives
//! `GET /v1/users/{email}` and `POST /v1/users` over N keep-alive connections for a fixed
//! time and reports requests per second with p50 and p99 latency.
//!
//! `cargo run --release -p lumnis-local --bin lumnis-load -- --connections 32 --seconds 5`
//! starts a server in the process; `--url http://127.0.0.1:8787` targets a running one.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bytes::Bytes;
use clap::Parser;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

#[derive(Debug, Parser)]
#[command(name = "lumnis-load")]
struct Args {
    /// A running server to target; without it one is started in this process.
    #[arg(long)]
    url: Option<String>,
    /// The API key to send.
    #[arg(long, default_value = lumnis_local::DEFAULT_API_KEY)]
    key: String,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// Seconds each phase runs.
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// Phases to run: get, post or both.
    #[arg(long, default_value = "both")]
    mode: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Get,
    Post,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let (addr, server) = match &args.url {
        Some(url) => {
            let host = url.trim_start_matches("http://").trim_end_matches('/');
            (host.parse::<SocketAddr>()?, None)
        }
        None => {
            let server = lumnis_local::start(lumnis_local::Config::default()).await?;
            (server.addr(), Some(server))
        }
    };

    let (status, _) = send(addr, &args.key, Phase::Post, "bench@example.com").await?;
    if !(200..300).contains(&status) {
        return Err(format!("seeding the user failed with {status}").into());
    }
    let phases = match args.mode.as_str() {
        "get" => vec![Phase::Get],
        "post" => vec![Phase::Post],
        _ => vec![Phase::Get, Phase::Post],
    };
    for phase in phases {
        run(addr, &args, phase).await?;
    }
    if let Some(server) = server {
        server.shutdown().await;
    }
    Ok(())
}

/// One request on a fresh connection (used to seed).
async fn send(
    addr: SocketAddr,
    key: &str,
    phase: Phase,
    email: &str,
) -> Result<(u16, ()), Box<dyn std::error::Error>> {
    let stream = TcpStream::connect(addr).await?;
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let response = sender
        .send_request(request(addr, key, phase, email))
        .await?;
    let status = response.status().as_u16();
    response.into_body().collect().await?;
    Ok((status, ()))
}

fn request(addr: SocketAddr, key: &str, phase: Phase, email: &str) -> Request<Full<Bytes>> {
    let builder = Request::builder()
        .header("host", addr.to_string())
        .header("authorization", format!("Bearer {key}"));
    let built = match phase {
        Phase::Get => builder
            .method("GET")
            .uri("/v1/users/bench%40example.com")
            .body(Full::new(Bytes::new())),
        Phase::Post => builder
            .method("POST")
            .uri("/v1/users")
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(format!(r#"{{"email":"{email}"}}"#)))),
    };
    built.expect("a request built from fixed parts")
}

async fn run(
    addr: SocketAddr,
    args: &Args,
    phase: Phase,
) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let mut workers = Vec::new();
    for worker in 0..args.connections {
        let key = args.key.clone();
        workers.push(tokio::spawn(async move {
            drive(addr, key, phase, worker, deadline).await
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0u64;
    for worker in workers {
        let (mut times, failed) = worker.await??;
        latencies.append(&mut times);
        errors += failed;
    }
    latencies.sort_unstable();
    let seconds = args.seconds as f64;
    let pick = |q: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * q) as usize)
            .copied()
    };
    let name = if phase == Phase::Get {
        "GET /v1/users/{email}"
    } else {
        "POST /v1/users"
    };
    println!(
        "{name}: {} requests in {seconds}s over {} connections = {:.0} req/s, p50 {} us, \
         p99 {} us, {errors} errors",
        latencies.len(),
        args.connections,
        latencies.len() as f64 / seconds,
        pick(0.5).unwrap_or(0),
        pick(0.99).unwrap_or(0),
    );
    Ok(())
}

/// One connection sending requests back to back until the deadline; latencies in µs.
async fn drive(
    addr: SocketAddr,
    key: String,
    phase: Phase,
    worker: usize,
    deadline: Instant,
) -> Result<(Vec<u32>, u64), hyper::Error> {
    let Ok(stream) = TcpStream::connect(addr).await else {
        return Ok((Vec::new(), 1));
    };
    let _ = stream.set_nodelay(true);
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    let mut latencies = Vec::with_capacity(200_000);
    let mut errors = 0;
    let mut n = 0u64;
    while Instant::now() < deadline {
        n += 1;
        let email = format!("load-{worker}-{n}@example.com");
        let started = Instant::now();
        let response = sender
            .send_request(request(addr, &key, phase, &email))
            .await?;
        let ok = response.status().is_success();
        response.into_body().collect().await?;
        latencies.push(u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX));
        if !ok {
            errors += 1;
        }
    }
    Ok((latencies, errors))
}

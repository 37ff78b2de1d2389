//! `make bench-core`: the core's cost per call against raw reqwest doing the same requests
//! (bare, and with the per-request timeout a production client sets),
//! invoke latency over the agent's own, and memory with 10,000 requests in flight.
//!
//! The server runs as a separate release process, so that it does not share this process's
//! runtime or memory. Every figure is the median of several rounds measured in one run.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures::future::{FutureExt, LocalBoxFuture};
use lumnisai::{Client, ClientOptions, CreateUser, InvokeOptions, User};

const ROUNDS: usize = 9;
const CALLS: usize = 1_000;
const AGENT_MS: u64 = 300;

const TIMEOUT: Duration = Duration::from_secs(60);

type BoxError = Box<dyn std::error::Error>;

/// Raw reqwest against the server, with or without a per-request timeout.
struct Raw<'a> {
    http: reqwest::Client,
    base: &'a str,
    key: &'a str,
    timed: bool,
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let binary = std::env::var("LUMNIS_LOCAL_BIN")
        .unwrap_or_else(|_| "target/release/lumnis-local".to_owned());
    let (mut server, base) = spawn_server(&binary, &["--agent-latency-ms", "300", "--faults"])?;
    let outcome = run(&base).await;
    server.kill()?;
    let _ = server.wait();
    outcome
}

async fn run(base: &str) -> Result<(), BoxError> {
    let key = lumnis_local::DEFAULT_API_KEY;
    let core = Client::new(ClientOptions::new().api_key(key).base_url(base))?;
    let http = reqwest::Client::builder().tcp_nodelay(true).build()?;
    let raw = Raw {
        http: http.clone(),
        base,
        key,
        timed: false,
    };
    let timed = Raw {
        http,
        base,
        key,
        timed: true,
    };
    for i in 0..100 {
        let users = core.users();
        users
            .create(CreateUser::new(format!("bench{i}@example.com")))
            .await?;
    }

    let seq = compare([
        Box::new(|| raw_sequential(&raw).boxed_local()) as Case<'_>,
        Box::new(|| raw_sequential(&timed).boxed_local()),
        Box::new(|| core_sequential(&core).boxed_local()),
    ])
    .await?;
    let conc = compare([
        Box::new(|| raw_concurrent(&raw).boxed_local()) as Case<'_>,
        Box::new(|| raw_concurrent(&timed).boxed_local()),
        Box::new(|| core_concurrent(&core).boxed_local()),
    ])
    .await?;

    println!("| case | raw reqwest | raw + timeout | core | core / raw | core / raw + timeout |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let rows = [
        ("sequential get_user, wall per call", seq.wall),
        ("sequential get_user, client CPU per call", seq.cpu),
        ("1,000 concurrent, wall per call", conc.wall),
        ("1,000 concurrent, client CPU per call", conc.cpu),
    ];
    for (name, [bare, with_timeout, ours]) in rows {
        println!(
            "| {name} | {bare:.1} µs | {with_timeout:.1} µs | {ours:.1} µs | {:.3} | {:.3} |",
            ours / bare,
            ours / with_timeout
        );
    }

    let overhead = invoke_overhead(&core).await?;
    println!(
        "| invoke over the agent's own {AGENT_MS} ms (median of {ROUNDS}) | | {overhead:.2} ms | |"
    );
    let (before, peak) = memory_in_flight(&core, base).await?;
    println!("| RSS with 10,000 requests in flight | | {before} MiB idle, {peak} MiB peak | |");
    Ok(())
}

/// One benchmarked case: makes `CALLS` calls.
type Case<'a> = Box<dyn Fn() -> LocalBoxFuture<'a, Result<(), BoxError>> + 'a>;

/// Median microseconds per call of each case: wall time, and the CPU time of this process
/// (all its threads), which the server's share of the two cores does not blur.
struct PerCall {
    wall: [f64; 3],
    cpu: [f64; 3],
}

/// Runs the cases in turn, round after round, so that drift in the machine hits all alike.
async fn compare(cases: [Case<'_>; 3]) -> Result<PerCall, BoxError> {
    for case in &cases {
        case().await?;
    }
    let mut walls: [Vec<Duration>; 3] = Default::default();
    let mut cpus: [Vec<Duration>; 3] = Default::default();
    for _ in 0..ROUNDS {
        for ((case, wall), cpu) in cases.iter().zip(walls.iter_mut()).zip(cpus.iter_mut()) {
            let (started, cpu_before) = (Instant::now(), process_cpu()?);
            case().await?;
            wall.push(started.elapsed());
            cpu.push(process_cpu()?.saturating_sub(cpu_before));
        }
    }
    let per_call = |mut t: Vec<Duration>| median(&mut t).as_secs_f64() * 1e6 / CALLS as f64;
    Ok(PerCall {
        wall: walls.map(per_call),
        cpu: cpus.map(per_call),
    })
}

/// The CPU time all threads of this process have run, from the scheduler's nanosecond
/// counters (`/proc/self/task/*/schedstat`), finer than `getrusage`'s clock ticks.
fn process_cpu() -> Result<Duration, BoxError> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task")? {
        let stat = std::fs::read_to_string(task?.path().join("schedstat"))?;
        let ran: u64 = stat
            .split_whitespace()
            .next()
            .ok_or("empty schedstat")?
            .parse()?;
        total += ran;
    }
    Ok(Duration::from_nanos(total))
}

/// One raw request; with `timed`, bounded by the same per-attempt timeout the core sets, since
/// reqwest has none of its own and a production client must set one.
async fn raw_get(raw: &Raw<'_>, i: usize) -> Result<(), BoxError> {
    let url = format!("{}/v1/users/bench{}@example.com", raw.base, i % 100);
    let mut request = raw.http.get(url).bearer_auth(raw.key);
    if raw.timed {
        request = request.timeout(TIMEOUT);
    }
    let response = request.send().await?.error_for_status()?;
    let _: User = serde_json::from_slice(&response.bytes().await?)?;
    Ok(())
}

async fn raw_sequential(raw: &Raw<'_>) -> Result<(), BoxError> {
    for i in 0..CALLS {
        raw_get(raw, i).await?;
    }
    Ok(())
}

async fn raw_concurrent(raw: &Raw<'_>) -> Result<(), BoxError> {
    let calls = (0..CALLS).map(|i| raw_get(raw, i));
    futures::future::try_join_all(calls).await?;
    Ok(())
}

async fn core_sequential(core: &Client) -> Result<(), BoxError> {
    let users = core.users();
    for i in 0..CALLS {
        users.get(&format!("bench{}@example.com", i % 100)).await?;
    }
    Ok(())
}

async fn core_concurrent(core: &Client) -> Result<(), BoxError> {
    let users = core.users();
    let calls = (0..CALLS).map(|i| {
        let users = users.clone();
        async move { users.get(&format!("bench{}@example.com", i % 100)).await }
    });
    futures::future::try_join_all(calls).await?;
    Ok(())
}

/// The client's wall time for invoke minus the run's own time on the server.
async fn invoke_overhead(core: &Client) -> Result<f64, BoxError> {
    let mut overheads = vec![];
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let response = core.invoke("bench", InvokeOptions::default()).await?;
        let wall = started.elapsed();
        let done = response.completed_at.ok_or("no completed_at")?;
        let server = (done - response.created_at).to_std()?;
        overheads.push(wall.saturating_sub(server));
    }
    Ok(median(&mut overheads).as_secs_f64() * 1e3)
}

/// Peak RSS while 10,000 get_user calls wait on a server that holds each for a second.
async fn memory_in_flight(core: &Client, base: &str) -> Result<(u64, u64), BoxError> {
    let control = reqwest::Client::new();
    let fault = serde_json::json!({
        "method": "GET", "path": "/v1/users/*", "count": 10_000, "kind": "delay", "delay_ms": 1_000
    });
    control
        .post(format!("{base}/_control/faults"))
        .json(&fault)
        .send()
        .await?;
    let before = rss_mib("VmRSS")?;
    let users = core.users();
    let calls = (0..10_000).map(|i| {
        let users = users.clone();
        async move { users.get(&format!("bench{}@example.com", i % 100)).await }
    });
    let results = futures::future::join_all(calls).await;
    let failed = results.iter().filter(|r| r.is_err()).count();
    if failed > 0 {
        eprintln!("{failed} of 10,000 in-flight calls failed");
    }
    Ok((before, rss_mib("VmHWM")?))
}

fn rss_mib(field: &str) -> Result<u64, BoxError> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .ok_or("no such field")?;
    let kib: u64 = line.split_whitespace().nth(1).ok_or("bad line")?.parse()?;
    Ok(kib / 1024)
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn spawn_server(binary: &str, extra: &[&str]) -> Result<(Child, String), BoxError> {
    let mut child = Command::new(binary)
        .args(["--addr", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {binary}: {e} (run `make bench` to build it)"))?;
    let mut first = String::new();
    let stdout = child.stdout.take().ok_or("no stdout")?;
    BufReader::new(stdout).read_line(&mut first)?;
    let base = first
        .trim()
        .strip_prefix("listening on ")
        .ok_or("no address line")?
        .to_owned();
    Ok((child, base))
}

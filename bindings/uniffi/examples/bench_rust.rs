//! The Rust side of `make bench-kotlin`, loaded into the Kotlin benchmark's own process: the
//! same `getUser` calls through the core, made as a Rust program makes them (`block_on` on the
//! calling thread), so that each Kotlin run is compared with a Rust run made right before it,
//! on the same server, by the same process, under the same load; and the same synchronous
//! calls, which make no request, for the cost of the crossing alone. Built as a cdylib with C
//! entry points; it holds its own copy of the core and its own runtime.

// The JVM calls the entry points by their symbol names: `no_mangle` is what the lint flags.
#![allow(unsafe_code)]

use std::sync::OnceLock;
use std::time::Instant;

use lumnisai::{Client, CreateUser};

const EMAIL: &str = "bench@example.com";

/// Makes `calls` getUser calls for the bench user, one after another, and returns the
/// wall-clock microseconds per call; a negative number when a call failed (the error is
/// printed to stderr).
#[unsafe(no_mangle)]
pub extern "C" fn lumnisai_bench_sequential(calls: u32) -> f64 {
    run(calls, false)
}

/// As [`lumnisai_bench_sequential`], with the calls all made at once.
#[unsafe(no_mangle)]
pub extern "C" fn lumnisai_bench_concurrent(calls: u32) -> f64 {
    run(calls, true)
}

/// Reads the base URL `calls` times, each into a `String` of its own as the Kotlin side gets
/// it: a synchronous call with no request. Returns 0, or a negative number on failure.
#[unsafe(no_mangle)]
pub extern "C" fn lumnisai_bench_base_url(calls: u32) -> f64 {
    sync_calls(calls, |client| {
        std::hint::black_box(client.base_url().to_owned());
    })
}

/// Makes and drops a user's view of the client `calls` times.
#[unsafe(no_mangle)]
pub extern "C" fn lumnisai_bench_for_user(calls: u32) -> f64 {
    sync_calls(calls, |client| {
        std::hint::black_box(client.for_user("u@example.com"));
    })
}

fn sync_calls(calls: u32, call: impl Fn(&Client)) -> f64 {
    match lumnisai::runtime::block_on(client()) {
        Ok(client) => {
            for _ in 0..calls {
                call(client);
            }
            0.0
        }
        Err(error) => {
            eprintln!("bench_rust: {error}");
            -1.0
        }
    }
}

fn run(calls: u32, at_once: bool) -> f64 {
    match lumnisai::runtime::block_on(get_user(calls as usize, at_once)) {
        Ok(micros) => micros,
        Err(error) => {
            eprintln!("bench_rust: {error}");
            -1.0
        }
    }
}

async fn get_user(calls: usize, at_once: bool) -> lumnisai::Result<f64> {
    let client = client().await?;
    let started = Instant::now();
    if at_once {
        let all = (0..calls).map(|_| {
            let users = client.users();
            async move { users.get(EMAIL).await }
        });
        for result in futures::future::join_all(all).await {
            result?;
        }
    } else {
        for _ in 0..calls {
            client.users().get(EMAIL).await?;
        }
    }
    Ok(started.elapsed().as_secs_f64() * 1e6 / calls as f64)
}

/// The client of every run, made from the environment on the first, which also creates the
/// bench user (an upsert: the Kotlin side creates the same one).
async fn client() -> lumnisai::Result<&'static Client> {
    static CLIENT: OnceLock<Client> = OnceLock::new();
    if let Some(client) = CLIENT.get() {
        return Ok(client);
    }
    let client = Client::from_env()?;
    client.users().create(CreateUser::new(EMAIL)).await?;
    Ok(CLIENT.get_or_init(|| client))
}

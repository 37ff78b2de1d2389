//! The client on callers' own current-thread runtimes (`runtime::block_on_here`, what the
//! blocking bindings use): each runtime gets a pool of its own, and the faults of a pooled
//! connection are as invisible there as on the shared runtime.

mod common;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use lumnisai::runtime::block_on_here;
use lumnisai::{Client, CreateUser, ListUsers};
use serde_json::json;

/// A server on a runtime of its own, driven all along, as a real server is.
fn server() -> (tokio::runtime::Runtime, common::Local) {
    let runtime = tokio::runtime::Runtime::new().expect("the test runtime starts");
    let local = runtime.block_on(common::start());
    (runtime, local)
}

fn count(client: &Client) -> u64 {
    block_on_here(client.users().list(ListUsers::default()))
        .expect("users list")
        .pagination
        .total
}

/// A thread that stays alive (so its runtime and pool do too) and makes each create it is
/// sent on its own runtime, answering how long it took.
fn worker(client: Client) -> (mpsc::Sender<String>, mpsc::Receiver<(Duration, bool)>) {
    let (jobs, inbox) = mpsc::channel::<String>();
    let (outbox, answers) = mpsc::channel();
    std::thread::spawn(move || {
        for email in inbox {
            let started = Instant::now();
            let created = block_on_here(client.users().create(CreateUser::new(email)));
            let _ = outbox.send((started.elapsed(), created.is_ok()));
        }
    });
    (jobs, answers)
}

#[test]
fn threads_that_take_turns_never_wait_on_each_others_connections() {
    let (_runtime, local) = server();
    // No retries and a short timeout: a request sent on another thread's idle connection
    // would wait for a runtime nobody drives, and fail here.
    let client = Client::new(
        local
            .options()
            .timeout(Duration::from_millis(1_000))
            .max_retries(0),
    )
    .expect("client builds");
    let workers = [worker(client.clone()), worker(client.clone())];

    for turn in 0..3 {
        for (thread, (jobs, answers)) in workers.iter().enumerate() {
            jobs.send(format!("turn{turn}-thread{thread}@example.com"))
                .expect("the worker runs");
            let (took, created) = answers.recv().expect("the worker answers");
            assert!(created, "turn {turn}, thread {thread}: the create failed");
            assert!(took < Duration::from_millis(900));
        }
    }
    assert_eq!(count(&client), 6);
}

#[test]
fn row05_a_connection_the_server_closed_while_idle_is_invisible_here_too() {
    let (runtime, local) = server();
    let client = Client::new(local.options().max_retries(3)).expect("client builds");
    runtime.block_on(local.settings(json!({"idle_close_ms": 50})));

    block_on_here(client.users().create(CreateUser::new("idle@example.com"))).expect("first");
    // Nothing drives this thread's runtime meanwhile: its connection learns of the close
    // only on the next call.
    std::thread::sleep(Duration::from_millis(200));
    block_on_here(client.users().create(CreateUser::new("idle2@example.com"))).expect("second");
    assert_eq!(count(&client), 2, "each create ran once");
}

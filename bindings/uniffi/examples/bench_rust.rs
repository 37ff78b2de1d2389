//! The Rust side of `make bench-kotlin`: 1,000 sequential and 1,000 concurrent `getUser`
//! through the core, against the server at LUMNISAI_BASE_URL, on the core's runtime.
//! Prints `sequential_us_per_call concurrent_us_per_call`, the medians of seven runs, after
//! five warm-up runs of the same shape (the Kotlin side warms up until its JIT is done).

use std::time::Instant;

use lumnisai::{Client, CreateUser};

const CALLS: usize = 1_000;
const RUNS: usize = 7;
const WARMUP_RUNS: usize = 5;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() -> lumnisai::Result<()> {
    let client = Client::from_env()?;
    lumnisai::runtime::block_on(async {
        client
            .users()
            .create(CreateUser::new("bench@example.com"))
            .await?;
        let (mut sequential, mut concurrent) = (Vec::new(), Vec::new());
        for run in 0..WARMUP_RUNS + RUNS {
            let started = Instant::now();
            for _ in 0..CALLS {
                client.users().get("bench@example.com").await?;
            }
            let one_by_one = started.elapsed().as_secs_f64() * 1e6 / CALLS as f64;

            let started = Instant::now();
            let calls = (0..CALLS).map(|_| {
                let users = client.users();
                async move { users.get("bench@example.com").await }
            });
            for result in futures::future::join_all(calls).await {
                result?;
            }
            let at_once = started.elapsed().as_secs_f64() * 1e6 / CALLS as f64;
            if run >= WARMUP_RUNS {
                sequential.push(one_by_one);
                concurrent.push(at_once);
            }
        }
        println!("{:.1} {:.1}", median(sequential), median(concurrent));
        Ok(())
    })
}

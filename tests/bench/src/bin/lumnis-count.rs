//! `make bench-core-count`'s worker: makes a number of `get_user` calls through the core or
//! through raw reqwest, so that `valgrind --tool=callgrind` can count the instructions each
//! call costs on the client. Unlike wall time, the count does not move with the machine's
//! load, so small differences between the core and raw reqwest show.
//!
//! Usage: `lumnis-count <base-url> <raw|raw-timeout|core> <seq|conc> <calls>`, after
//! `lumnis-count <base-url> seed`, which creates the users `bench0@example.com` to
//! `bench99@example.com` that the calls ask for.

use std::time::Duration;

use lumnisai::{Client, ClientOptions, CreateUser, User};

type BoxError = Box<dyn std::error::Error>;

fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    if let [_, base, seed] = args.as_slice() {
        if seed == "seed" {
            return runtime.block_on(create_users(base));
        }
    }
    let [_, base, case, mode, calls] = args.as_slice() else {
        return Err(
            "usage: lumnis-count <base-url> <raw|raw-timeout|core> <seq|conc> <calls>".into(),
        );
    };
    let calls: usize = calls.parse()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(base, case, mode == "conc", calls))
}

async fn run(base: &str, case: &str, concurrent: bool, calls: usize) -> Result<(), BoxError> {
    let key = lumnis_local::DEFAULT_API_KEY;
    let core = Client::new(ClientOptions::new().api_key(key).base_url(base))?;
    let http = reqwest::Client::builder().tcp_nodelay(true).build()?;
    let one = |i: usize| {
        let (core, http) = (core.clone(), http.clone());
        let case = case.to_owned();
        async move {
            let email = format!("bench{}@example.com", i % 100);
            match case.as_str() {
                "core" => core
                    .users()
                    .get(&email)
                    .await
                    .map(drop)
                    .map_err(BoxError::from),
                "raw" => raw_get(&http, base, key, &email, None).await,
                _ => raw_get(&http, base, key, &email, Some(Duration::from_secs(60))).await,
            }
        }
    };
    if concurrent {
        futures::future::try_join_all((0..calls).map(one)).await?;
    } else {
        for i in 0..calls {
            one(i).await?;
        }
    }
    Ok(())
}

async fn create_users(base: &str) -> Result<(), BoxError> {
    let options = ClientOptions::new()
        .api_key(lumnis_local::DEFAULT_API_KEY)
        .base_url(base);
    let users = Client::new(options)?.users();
    for i in 0..100 {
        users
            .create(CreateUser::new(format!("bench{i}@example.com")))
            .await?;
    }
    Ok(())
}

async fn raw_get(
    http: &reqwest::Client,
    base: &str,
    key: &str,
    email: &str,
    timeout: Option<Duration>,
) -> Result<(), BoxError> {
    let mut request = http
        .get(format!("{base}/v1/users/{email}"))
        .bearer_auth(key);
    if let Some(timeout) = timeout {
        request = request.timeout(timeout);
    }
    let response = request.send().await?.error_for_status()?;
    let _: User = serde_json::from_slice(&response.bytes().await?)?;
    Ok(())
}

//! The parity scenario in Rust: the seed's complete user-management example, its multi-user
//! conversation and its error handling, printing the transcript of `tests/parity/README.md`.
//!
//! Reads `LUMNISAI_BASE_URL` and `LUMNISAI_API_KEY`; every other language prints the same
//! lines, and `run.py` compares them.

use std::process::ExitCode;

use lumnisai::{
    AgentConfig, Client, CreateUser, ErrorKind, InvokeOptions, ListThreads, ListUsers, Result,
    UpdateUser,
};

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("scenario failed: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<()> {
    let client = Client::from_env()?;

    let people = [
        ("alice@example.com", "Alice", "Johnson"),
        ("bob@example.com", "Bob", "Smith"),
        ("charlie@example.com", "Charlie", "Brown"),
    ];
    for (email, first, last) in people {
        let params = CreateUser::new(email).first_name(first).last_name(last);
        let user = client.users().create(params).await?;
        println!("Created: {} {}", user.email, user.id);
    }

    let params = CreateUser::new("ALICE@example.com").first_name("Other");
    let again = client.users().create(params).await?;
    println!("Upsert again: {} {}", again.email, again.id);

    let all = client
        .users()
        .list(ListUsers {
            page: 1,
            page_size: 100,
        })
        .await?;
    println!("Total users: {}", all.total);

    let alice = client.for_user("alice@example.com");
    let config = AgentConfig {
        coordinator_model_name: Some("openai:gpt-4.1".into()),
        use_cognitive_tools: Some(true),
        ..AgentConfig::default()
    };
    let options = InvokeOptions {
        agent_config: Some(config),
        ..InvokeOptions::default()
    };
    let response = alice
        .invoke("What are the latest AI trends?", options)
        .await?;
    let text: String = response
        .output_text
        .unwrap_or_default()
        .chars()
        .take(100)
        .collect();
    println!("Alice's response: {text}... ({})", response.status.as_str());

    let threads = alice.threads().list(ListThreads::default()).await?;
    println!("Alice has {} threads", threads.threads.len());

    let update = UpdateUser {
        first_name: Some("Robert".into()),
        ..UpdateUser::default()
    };
    let updated = client.users().update("bob@example.com", update).await?;
    println!(
        "Updated user: {} {}",
        name(&updated.first_name),
        name(&updated.last_name)
    );

    let user = client.users().get(&updated.id.to_string()).await?;
    println!("Retrieved by ID: {} {}", user.email, user.id);

    conversation(&client).await?;
    errors(&client).await?;

    client.users().delete("charlie@example.com").await?;
    let all = client
        .users()
        .list(ListUsers {
            page: 1,
            page_size: 100,
        })
        .await?;
    println!("After delete: {} users", all.total);
    println!("Done");
    Ok(())
}

/// Alice starts a conversation, Bob continues it, and the thread is read back.
async fn conversation(client: &Client) -> Result<()> {
    let first = InvokeOptions {
        user_id: Some("alice@example.com".into()),
        ..Default::default()
    };
    let r1 = client.invoke("What's the weather like?", first).await?;
    let thread_id = r1.thread_id.to_string();
    let second = InvokeOptions {
        user_id: Some("bob@example.com".into()),
        thread_id: Some(thread_id.clone()),
        ..Default::default()
    };
    let r2 = client.invoke("What about tomorrow?", second).await?;
    let same = r1.thread_id == r2.thread_id;
    println!(
        "Conversation: {} {} same thread: {same}",
        r1.status.as_str(),
        r2.status.as_str()
    );

    let thread = client.threads().get(&thread_id).await?;
    println!(
        "Thread: {} ({} responses)",
        name(&thread.title),
        thread.response_count
    );
    for response in client.threads().responses(&thread_id, 50, 0).await? {
        let user_id = response
            .user_id
            .map(|id| id.to_string())
            .unwrap_or_default();
        let user = client.users().get(&user_id).await?;
        println!(
            "{}: {}",
            name(&user.first_name),
            response.output_text.unwrap_or_default()
        );
    }
    Ok(())
}

/// The seed's error handling: create on not found, and a validation error.
async fn errors(client: &Client) -> Result<()> {
    match client.users().get("nonexistent@example.com").await {
        Err(err) if err.kind() == ErrorKind::NotFound => {
            println!("Not found: nonexistent@example.com");
            let new_user = CreateUser::new("nonexistent@example.com")
                .first_name("New")
                .last_name("User");
            let user = client.users().create(new_user).await?;
            println!("Created user: {}", user.email);
        }
        Err(err) => return Err(err),
        Ok(user) => println!("Unexpectedly found: {}", user.email),
    }

    match client.users().create(CreateUser::new("not-an-email")).await {
        Err(err) => println!("Validation error: {}", err.kind()),
        Ok(user) => println!("Unexpectedly created: {}", user.email),
    }
    Ok(())
}

fn name(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

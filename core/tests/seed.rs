//! The seed documentation's snippets, in Rust, each asserting what the snippet prints.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

mod common;

use futures::TryStreamExt;
use lumnisai::{
    AgentConfig, CreateResponse, CreateUser, ErrorKind, FileSource, InvokeOptions, ListThreads,
    ListUsers, Message, UpdateUser, UploadFile,
};

fn person(email: &str, first: &str, last: &str) -> CreateUser {
    CreateUser::new(email).first_name(first).last_name(last)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_management_snippets() {
    let local = common::start().await;
    let client = local.client();

    let user = client
        .users()
        .create(person("user@example.com", "John", "Doe"))
        .await
        .unwrap();
    assert_eq!(user.email, "user@example.com");

    let by_email = client.users().get("user@example.com").await.unwrap();
    let by_id = client.users().get(&user.id.to_string()).await.unwrap();
    assert_eq!((by_email.id, by_id.id), (user.id, user.id));
    let unknown = client
        .users()
        .get("550e8400-e29b-41d4-a716-446655440000")
        .await
        .unwrap_err();
    assert_eq!(unknown.kind(), ErrorKind::NotFound);

    let users = client
        .users()
        .list(ListUsers {
            page: 1,
            page_size: 50,
        })
        .await
        .unwrap();
    assert_eq!(users.total, 1);
    assert_eq!(users.users[0].first_name.as_deref(), Some("John"));

    let update = UpdateUser {
        first_name: Some("Jane".into()),
        last_name: Some("Smith".into()),
        ..Default::default()
    };
    let updated = client
        .users()
        .update("user@example.com", update)
        .await
        .unwrap();
    assert_eq!(updated.first_name.as_deref(), Some("Jane"));
    assert_eq!(updated.last_name.as_deref(), Some("Smith"));

    client.users().delete("user@example.com").await.unwrap();
    assert_eq!(
        client
            .users()
            .list(ListUsers::default())
            .await
            .unwrap()
            .total,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn for_user_snippet() {
    let local = common::start().await;
    let client = local.client();
    client
        .users()
        .create(CreateUser::new("user@example.com"))
        .await
        .unwrap();

    let user_client = client.for_user("user@example.com");
    let response = user_client
        .invoke("What's the weather?", InvokeOptions::default())
        .await;
    assert_eq!(
        response.unwrap().output_text.as_deref(),
        Some("Answer to: What's the weather?")
    );
    let threads = user_client
        .threads()
        .list(ListThreads::default())
        .await
        .unwrap();
    assert_eq!(threads.threads.len(), 1);
    let file_stream = Box::new(std::io::Cursor::new(b"file body".to_vec()));
    let params = UploadFile {
        scope: Some(lumnisai::FileScope::User),
        ..Default::default()
    };
    let file = user_client
        .files()
        .upload(FileSource::Reader(file_stream, None), params)
        .await;
    assert!(!file.unwrap().file_name.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn multi_user_conversation_snippet() {
    let local = common::start().await;
    let client = local.client();
    let users = client.users();
    let alice = users
        .create(CreateUser::new("alice@example.com").first_name("Alice"))
        .await;
    let alice = alice.unwrap();
    let bob = users
        .create(CreateUser::new("bob@example.com").first_name("Bob"))
        .await
        .unwrap();

    let first = CreateResponse {
        messages: vec![Message::user("What's the weather like?")],
        user_id: Some(alice.email.clone()),
        ..Default::default()
    };
    let response1 = client.responses().create(first).await.unwrap();
    let thread_id = response1.thread_id.to_string();
    let second = CreateResponse {
        thread_id: Some(thread_id.clone()),
        messages: vec![Message::user("What about tomorrow?")],
        user_id: Some(bob.email.clone()),
        ..Default::default()
    };
    let response2 = client.responses().create(second).await.unwrap();
    assert_eq!(response2.thread_id, response1.thread_id);

    let thread = client.threads().get(&thread_id).await.unwrap();
    assert_eq!(thread.title.as_deref(), Some("What's the weather like?"));
    let all = client.threads().responses(&thread_id, 50, 0).await.unwrap();
    let mut names = Vec::new();
    for resp in &all {
        let user = client
            .users()
            .get(&resp.user_id.unwrap().to_string())
            .await
            .unwrap();
        names.push(user.first_name.unwrap_or_default());
    }
    assert_eq!(names, vec!["Alice", "Bob"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn complete_user_management_example() {
    let local = common::start().await;
    let client = local.client();
    let people = [
        person("alice@example.com", "Alice", "Johnson"),
        person("bob@example.com", "Bob", "Smith"),
        person("charlie@example.com", "Charlie", "Brown"),
    ];
    for data in people {
        client.users().create(data).await.unwrap();
    }
    let all = client
        .users()
        .list(ListUsers {
            page: 1,
            page_size: 100,
        })
        .await
        .unwrap();
    assert_eq!(all.total, 3);

    let alice_client = client.for_user("alice@example.com");
    let config = AgentConfig {
        coordinator_model_name: Some("openai:gpt-4.1".into()),
        use_cognitive_tools: Some(true),
        ..Default::default()
    };
    let options = InvokeOptions {
        agent_config: Some(config),
        ..Default::default()
    };
    let response = alice_client
        .invoke("What are the latest AI trends?", options)
        .await
        .unwrap();
    let text = response.output_text.unwrap();
    assert_eq!(text, "Answer to: What are the latest AI trends?");
    let sent = &response.options.unwrap()["agent_config"];
    assert_eq!(sent["coordinator_model_name"], "openai:gpt-4.1");

    let threads = alice_client
        .threads()
        .list(ListThreads::default())
        .await
        .unwrap();
    assert_eq!(threads.threads.len(), 1);
    let update = UpdateUser {
        first_name: Some("Robert".into()),
        ..Default::default()
    };
    let updated = client
        .users()
        .update("bob@example.com", update)
        .await
        .unwrap();
    assert_eq!(updated.last_name.as_deref(), Some("Smith"));
    let user = client.users().get(&updated.id.to_string()).await.unwrap();
    assert_eq!(user.email, "bob@example.com");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_handling_and_pagination_snippets() {
    let local = common::start().await;
    let client = local.client();

    let err = client
        .users()
        .get("nonexistent@example.com")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let created = client
        .users()
        .create(person("nonexistent@example.com", "New", "User"))
        .await;
    assert_eq!(created.unwrap().email, "nonexistent@example.com");

    for i in 0..120 {
        client
            .users()
            .create(CreateUser::new(format!("p{i}@example.com")))
            .await
            .unwrap();
    }
    let (mut all, mut page, page_size) = (Vec::new(), 1, 50);
    loop {
        let result = client
            .users()
            .list(ListUsers { page, page_size })
            .await
            .unwrap();
        let n = result.users.len();
        all.extend(result.users);
        if n < page_size as usize {
            break;
        }
        page += 1;
    }
    assert_eq!(all.len(), 121);
    let streamed: Vec<_> = client.users().list_all(50).try_collect().await.unwrap();
    assert_eq!(
        streamed, all,
        "the stream gives the same users in the same order"
    );
}

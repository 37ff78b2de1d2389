//! A user-bound client applies its user wherever the contract takes one, and a thread shared
//! by two users keeps each response's user.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

mod common;

use lumnisai::{
    CreateThread, CreateUser, FileSource, InvokeOptions, ListFiles, ListResponses, ListThreads,
    UploadFile,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bound_user_reaches_threads_responses_and_files() {
    let local = common::start().await;
    let client = local.client();
    let alice = client
        .users()
        .create(CreateUser::new("alice@example.com"))
        .await
        .unwrap();
    client
        .users()
        .create(CreateUser::new("bob@example.com"))
        .await
        .unwrap();
    let as_alice = client.for_user("alice@example.com");
    let as_bob = client.for_user("bob@example.com");
    assert!(as_alice.shares_pool_with(&client));

    let run = as_alice
        .invoke("mine", InvokeOptions::default())
        .await
        .unwrap();
    assert_eq!(run.user_id, Some(alice.id));
    let thread = as_alice
        .threads()
        .create(CreateThread::default())
        .await
        .unwrap();
    assert_eq!(thread.user_id, Some(alice.id));

    let alice_threads = as_alice
        .threads()
        .list(ListThreads::default())
        .await
        .unwrap();
    assert_eq!(alice_threads.total, 2);
    let bob_threads = as_bob.threads().list(ListThreads::default()).await.unwrap();
    assert_eq!(bob_threads.total, 0, "bob sees none of alice's threads");

    let alice_runs = as_alice
        .responses()
        .list(ListResponses::default())
        .await
        .unwrap();
    assert_eq!(alice_runs.total, 1);
    assert_eq!(
        as_bob
            .responses()
            .list(ListResponses::default())
            .await
            .unwrap()
            .total,
        0
    );

    let source = FileSource::Bytes("private notes".into());
    let params = UploadFile {
        file_name: Some("notes.txt".into()),
        ..Default::default()
    };
    let file = as_alice.files().upload(source, params).await.unwrap();
    let id = file.file_id.to_string();
    let meta = as_alice.files().get(&id, None).await.unwrap();
    assert_eq!(meta.file_scope, Some(lumnisai::FileScope::User));
    assert_eq!(meta.user_id, Some(alice.id));
    assert_eq!(
        as_alice
            .files()
            .list(ListFiles::default())
            .await
            .unwrap()
            .total_count,
        1
    );

    let hidden = as_bob.files().get(&id, None).await.unwrap_err();
    assert_eq!(hidden.kind(), lumnisai::ErrorKind::NotFound);
    assert_eq!(
        as_bob
            .files()
            .list(ListFiles::default())
            .await
            .unwrap()
            .total_count,
        0
    );
    assert!(as_bob.files().download(&id, None).await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_thread_keeps_each_responses_user() {
    let local = common::start().await;
    let client = local.client();
    let alice = client
        .users()
        .create(CreateUser::new("alice@example.com"))
        .await
        .unwrap();
    let bob = client
        .users()
        .create(CreateUser::new("bob@example.com"))
        .await
        .unwrap();

    let first = InvokeOptions {
        user_id: Some(alice.email.clone()),
        ..Default::default()
    };
    let r1 = client
        .invoke("What's the weather like?", first)
        .await
        .unwrap();
    let thread_id = r1.thread_id.to_string();
    let second = InvokeOptions {
        user_id: Some(bob.email.clone()),
        thread_id: Some(thread_id.clone()),
        ..Default::default()
    };
    let r2 = client.invoke("What about tomorrow?", second).await.unwrap();
    assert_eq!(r2.thread_id, r1.thread_id);

    let thread = client.threads().get(&thread_id).await.unwrap();
    assert_eq!(thread.title.as_deref(), Some("What's the weather like?"));
    assert_eq!(thread.response_count, 2);
    let responses = client.threads().responses(&thread_id, 50, 0).await.unwrap();
    let users: Vec<_> = responses.iter().map(|r| r.user_id).collect();
    assert_eq!(users, vec![Some(alice.id), Some(bob.id)]);
    assert_eq!(
        responses[1].output_text.as_deref(),
        Some("Answer to: What about tomorrow?")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn threads_update_and_delete() {
    let local = common::start().await;
    let client = local.client();
    let thread = client
        .threads()
        .create(CreateThread {
            title: Some("draft".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let id = thread.thread_id.to_string();
    let update = lumnisai::UpdateThread {
        title: Some("final".into()),
    };
    assert_eq!(
        client
            .threads()
            .update(&id, update)
            .await
            .unwrap()
            .title
            .as_deref(),
        Some("final")
    );

    let too_long = lumnisai::UpdateThread {
        title: Some("x".repeat(501)),
    };
    let err = client.threads().update(&id, too_long).await.unwrap_err();
    assert_eq!(err.kind(), lumnisai::ErrorKind::Validation);

    client.threads().delete(&id).await.unwrap();
    let err = client.threads().get(&id).await.unwrap_err();
    assert_eq!(err.kind(), lumnisai::ErrorKind::NotFound);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn threads_and_responses_stream_across_pages() {
    use futures::TryStreamExt;

    let local = common::start().await;
    let client = local.client();
    let responses = client.responses();
    for i in 0..7 {
        responses
            .create(lumnisai::CreateResponse::new(format!("q{i}")))
            .await
            .unwrap();
    }
    let threads = ListThreads {
        limit: 3,
        ..Default::default()
    };
    let all: Vec<_> = client
        .threads()
        .list_all(threads)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 7);
    let runs = ListResponses {
        limit: 2,
        ..Default::default()
    };
    let all: Vec<_> = client
        .responses()
        .list_all(runs)
        .try_collect()
        .await
        .unwrap();
    let distinct: std::collections::HashSet<_> = all.iter().map(|r| r.response_id).collect();
    assert_eq!(distinct.len(), 7);
}

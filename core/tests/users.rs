//! Users through the core, over real HTTP against the local server.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

mod common;

use futures::{StreamExt, TryStreamExt};
use lumnisai::{CreateUser, ErrorKind, ListUsers, UpdateUser};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upsert_get_update_delete() {
    let local = common::start().await;
    let client = local.client();

    let user = client
        .users()
        .create(
            CreateUser::new("ada@example.com")
                .first_name("Ada")
                .last_name("Lovelace"),
        )
        .await
        .unwrap();
    assert_eq!(user.email, "ada@example.com");
    assert_eq!(user.first_name.as_deref(), Some("Ada"));
    assert!(user.is_active);

    let again = client
        .users()
        .create(CreateUser::new("ADA@Example.com"))
        .await
        .unwrap();
    assert_eq!(
        again.id, user.id,
        "upsert in another case returns the same user"
    );

    // Calls return 'static futures: this one outlives its handle and runs on another task.
    let pending = client.users().get("ada@example.com");
    let by_email = tokio::spawn(pending).await.unwrap().unwrap();
    let by_id = client.users().get(user.id).await.unwrap();
    assert_eq!(by_email.id, user.id);
    assert_eq!(by_id.email, "ada@example.com");

    let update = UpdateUser {
        first_name: Some("Augusta".into()),
        ..UpdateUser::default()
    };
    let updated = client
        .users()
        .update("ada@example.com", update)
        .await
        .unwrap();
    assert_eq!(updated.first_name.as_deref(), Some("Augusta"));
    assert_eq!(updated.last_name.as_deref(), Some("Lovelace"));

    client.users().delete(&user.id).await.unwrap();
    let err = client.users().get("ada@example.com").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.status(), Some(404));
    assert!(err.request_id().is_some(), "errors keep the request id");
    let list = client.users().list(ListUsers::default()).await.unwrap();
    assert!(
        list.users.iter().all(|u| u.id != user.id),
        "deleted users leave lists"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn emails_with_plus_percent_slash_and_unicode() {
    let local = common::start().await;
    let client = local.client();
    for email in [
        "a+tag@example.com",
        "100%/sure@example.com",
        "zoë@exämple.com",
    ] {
        let created = client.users().create(CreateUser::new(email)).await.unwrap();
        let got = client.users().get(email).await.unwrap();
        assert_eq!(got.id, created.id, "{email}");
        assert_eq!(got.email, email);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_arguments_are_rejected_before_any_request() {
    let local = common::start().await;
    let client = local.client();
    local.clear_log().await;

    let bad_email = client
        .users()
        .create(CreateUser::new("not-an-email"))
        .await
        .unwrap_err();
    assert_eq!(bad_email.kind(), ErrorKind::Validation);
    for page_size in [0, 101] {
        let err = client
            .users()
            .list(ListUsers { page: 1, page_size })
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "page_size {page_size}");
    }
    let empty = client.users().get("  ").await.unwrap_err();
    assert_eq!(empty.kind(), ErrorKind::Validation);
    let long = format!("{}@example.com", "a".repeat(300));
    for email in ["a@@b.com", long.as_str()] {
        let err = client.users().create(CreateUser::new(email)).await;
        assert_eq!(err.unwrap_err().kind(), ErrorKind::Validation, "{email}");
    }
    let mut not_an_object = CreateUser::new("meta@example.com");
    not_an_object.metadata = Some(serde_json::json!("plan: pro"));
    let err = client.users().create(not_an_object).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let update = UpdateUser {
        metadata: Some(serde_json::json!([1, 2])),
        ..Default::default()
    };
    let err = client.users().update("meta@example.com", update).await;
    assert_eq!(err.unwrap_err().kind(), ErrorKind::Validation);

    assert!(
        local.log().await.is_empty(),
        "no request reached the server"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pagination_totals_are_exact_over_ten_thousand_users() {
    let local = common::start().await;
    let client = local.client();

    // Created 16 at a time: enough to be quick, few enough to stay polite to the server.
    let emails: Vec<String> = (0..10_000)
        .map(|i| format!("user{i:05}@example.com"))
        .collect();
    futures::stream::iter(emails.iter().cloned())
        .map(|email| {
            let users = client.users();
            async move { users.create(CreateUser::new(email)).await }
        })
        .buffer_unordered(16)
        .try_collect::<Vec<_>>()
        .await
        .unwrap();

    let first = client
        .users()
        .list(ListUsers {
            page: 1,
            page_size: 100,
        })
        .await
        .unwrap();
    assert_eq!(first.total, 10_000);
    assert_eq!(first.pagination.total_pages, 100);
    assert!(first.pagination.has_next && !first.pagination.has_prev);

    let all: Vec<_> = client.users().list_all(100).try_collect().await.unwrap();
    assert_eq!(all.len(), 10_000);
    let distinct: std::collections::HashSet<_> = all.iter().map(|u| u.id).collect();
    assert_eq!(distinct.len(), 10_000, "no user twice across pages");

    let last = client
        .users()
        .list(ListUsers {
            page: 100,
            page_size: 100,
        })
        .await
        .unwrap();
    assert!(!last.pagination.has_next && last.pagination.has_prev);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tenants_are_isolated() {
    let config = lumnis_local::Config {
        api_keys: vec!["key-one".into(), "key-two".into()],
        faults: true,
        ..Default::default()
    };
    let local = common::start_with(config).await;
    let one = local.client();
    let two = lumnisai::Client::new(local.options().api_key("key-two")).unwrap();

    let user = one
        .users()
        .create(CreateUser::new("solo@example.com"))
        .await
        .unwrap();
    let err = two.users().get(&user.id.to_string()).await.unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::NotFound,
        "another tenant sees 404, not 403"
    );
    assert_eq!(
        two.users().list(ListUsers::default()).await.unwrap().total,
        0
    );

    let wrong = lumnisai::Client::new(local.options().api_key("wrong")).unwrap();
    let err = wrong.users().get("solo@example.com").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
}

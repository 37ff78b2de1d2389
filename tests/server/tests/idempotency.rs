//! Idempotency keys: replays create nothing, a changed body is refused.

mod common;

use common::{assert_error, start};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn same_key_same_body_replays_without_creating() {
    let api = start().await;
    let send = |body: serde_json::Value, key: &'static str| {
        api.http
            .post(api.url("/v1/responses"))
            .bearer_auth(&api.key)
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
    };
    let body = json!({"messages": [{"role": "user", "content": "once"}]});
    let first = common::reply(send(body.clone(), "k1").await.unwrap()).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert!(!first.headers.contains_key("idempotent-replayed"));
    let second = common::reply(send(body.clone(), "k1").await.unwrap()).await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(second.headers["idempotent-replayed"], "true");
    assert_eq!(second.body, first.body);
    assert_ne!(
        second.headers["x-request-id"],
        first.headers["x-request-id"]
    );
    assert_eq!(api.get("/v1/responses").await.body["total"], 1);

    let other = json!({"messages": [{"role": "user", "content": "twice"}]});
    let reused = common::reply(send(other, "k1").await.unwrap()).await;
    assert_error(&reused, 422, "IDEMPOTENCY_KEY_REUSED");
    assert_eq!(
        reused.body["error"]["message"],
        "This Idempotency-Key was already used with a different request body"
    );
    let fresh = common::reply(send(body, "k2").await.unwrap()).await;
    assert_eq!(fresh.status, StatusCode::CREATED);
    assert_eq!(api.get("/v1/responses").await.body["total"], 2);
}

#[tokio::test]
async fn a_retry_after_a_lost_reply_gets_the_original() {
    let api = start().await;
    api.fault(json!({"method": "POST", "path": "/v1/users", "kind": "drop_after_commit"}))
        .await;
    let send = || {
        api.http
            .post(api.url("/v1/users"))
            .bearer_auth(&api.key)
            .header("Idempotency-Key", "user-1")
            .json(&json!({"email": "once@example.com"}))
            .send()
    };
    assert!(send().await.is_err());
    let retry = common::reply(send().await.unwrap()).await;
    assert_eq!(retry.status, StatusCode::CREATED);
    assert_eq!(retry.headers["idempotent-replayed"], "true");
    assert_eq!(api.count_users().await, 1);
}

#[tokio::test]
async fn keys_are_per_tenant_and_cover_uploads() {
    let api = start().await;
    let upload = |key: &str| {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(b"hello".to_vec()).file_name("a.txt"),
        );
        api.http
            .post(api.url("/v1/files/upload"))
            .bearer_auth(key.to_owned())
            .header("Idempotency-Key", "up-1")
            .multipart(form)
            .send()
    };
    let first = common::reply(upload(&api.key).await.unwrap()).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let other_tenant = common::reply(upload(common::SECOND_KEY).await.unwrap()).await;
    assert_eq!(other_tenant.status, StatusCode::CREATED);
    assert!(!other_tenant.headers.contains_key("idempotent-replayed"));
    // reqwest picks a new multipart boundary each time, so the same key is now a new body.
    let again = common::reply(upload(&api.key).await.unwrap()).await;
    assert_error(&again, 422, "IDEMPOTENCY_KEY_REUSED");
    assert_eq!(api.get("/v1/files").await.body["total_count"], 1);
}

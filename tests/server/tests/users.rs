//! Users over real HTTP: upsert, lookups by encoded email, pages, soft delete, validation,
//! tenants, auth and request ids.

mod common;

use common::{assert_error, encode, start, SECOND_KEY};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn upsert_returns_one_user_for_an_email_in_any_case() {
    let api = start().await;
    let first = api
        .post(
            "/v1/users",
            json!({"email": "Ada@Example.com", "first_name": "Ada"}),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = api
        .post("/v1/users", json!({"email": "ada@EXAMPLE.com"}))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(first.body["id"], again.body["id"]);
    assert_eq!(again.body["first_name"], "Ada");
    assert_eq!(api.count_users().await, 1);
    let user = &first.body;
    for field in ["id", "email", "tenant_id", "created_at", "updated_at"] {
        assert!(user[field].is_string(), "{field}");
    }
    assert_eq!(user["is_active"], true);
    assert!(user["metadata"].is_null());
    let created = user["created_at"].as_str().unwrap();
    assert!(created.ends_with('Z') && created.len() == 27, "{created}");
    assert_eq!(
        user["tenant_id"],
        api.server.tenant_id(&api.key).unwrap().to_string()
    );
}

#[tokio::test]
async fn emails_with_special_characters_route_as_one_segment() {
    let api = start().await;
    for email in [
        "a+tag@example.com",
        "50%off@example.com",
        "a/b@example.com",
        "jürgen@bücher.de",
    ] {
        let created = api.user(email).await;
        let by_email = api.get(&format!("/v1/users/{}", encode(email))).await;
        assert_eq!(
            by_email.status,
            StatusCode::OK,
            "{email}: {:?}",
            by_email.body
        );
        assert_eq!(by_email.body["id"], created["id"]);
        let by_id = api
            .get(&format!("/v1/users/{}", created["id"].as_str().unwrap()))
            .await;
        assert_eq!(by_id.body["email"], email);
    }
}

#[tokio::test]
async fn metadata_is_stored_verbatim_and_update_changes_names() {
    let api = start().await;
    let meta = json!({"camelCase": 1, "snake_key": {"nestedKey": [true]}});
    let user = api
        .post(
            "/v1/users",
            json!({"email": "m@example.com", "metadata": meta}),
        )
        .await;
    assert_eq!(user.body["metadata"], meta);
    let updated = api
        .call(
            Method::PUT,
            "/v1/users/m%40example.com",
            Some(json!({"last_name": "Lovelace"})),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK);
    assert_eq!(updated.body["last_name"], "Lovelace");
    assert_eq!(updated.body["metadata"], meta);
}

#[tokio::test]
async fn soft_deleted_users_are_404_and_leave_lists() {
    let api = start().await;
    api.user("keep@example.com").await;
    let gone = api.user("gone@example.com").await;
    let deleted = api
        .call(Method::DELETE, "/v1/users/gone%40example.com", None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.body, json!({"message": "User deleted"}));
    assert_error(
        &api.get("/v1/users/gone%40example.com").await,
        404,
        "NOT_FOUND",
    );
    assert_error(
        &api.get(&format!("/v1/users/{}", gone["id"].as_str().unwrap()))
            .await,
        404,
        "NOT_FOUND",
    );
    let list = api.get("/v1/users").await;
    let emails: Vec<_> = list.body["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].clone())
        .collect();
    assert_eq!(emails, vec![json!("keep@example.com")]);
    assert_error(
        &api.call(Method::DELETE, "/v1/users/gone%40example.com", None)
            .await,
        404,
        "NOT_FOUND",
    );
    // Creating it again reactivates the same user, with the fields sent now.
    let back = api
        .post(
            "/v1/users",
            json!({"email": "gone@example.com", "first_name": "Back", "metadata": {"n": 2}}),
        )
        .await;
    assert_eq!(back.status, StatusCode::OK);
    assert_eq!(back.body["id"], gone["id"]);
    assert_eq!(back.body["first_name"], "Back");
    assert_eq!(back.body["metadata"], json!({"n": 2}));
}

#[tokio::test]
async fn pagination_totals_are_exact_across_pages() {
    let api = start().await;
    for n in 0..23 {
        api.user(&format!("u{n:02}@example.com")).await;
    }
    let mut seen = Vec::new();
    for page in 1..=3 {
        let reply = api
            .get(&format!("/v1/users?page={page}&page_size=10"))
            .await;
        let p = &reply.body["pagination"];
        assert_eq!(p["total"], 23);
        assert_eq!(p["total_pages"], 3);
        assert_eq!(p["page"], page);
        assert_eq!(p["page_size"], 10);
        assert_eq!(p["has_next"], page < 3);
        assert_eq!(p["has_prev"], page > 1);
        for user in reply.body["users"].as_array().unwrap() {
            seen.push(user["email"].as_str().unwrap().to_owned());
        }
    }
    let expected: Vec<_> = (0..23).map(|n| format!("u{n:02}@example.com")).collect();
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn validation_errors_use_the_error_body() {
    let api = start().await;
    for email in ["not-an-email", "a@b", "", "a b@c.com"] {
        assert_error(
            &api.post("/v1/users", json!({"email": email})).await,
            422,
            "VALIDATION_ERROR",
        );
    }
    for query in ["page_size=0", "page_size=101", "page=0", "page=x"] {
        assert_error(
            &api.get(&format!("/v1/users?{query}")).await,
            422,
            "VALIDATION_ERROR",
        );
    }
    let bad_json = api
        .http
        .post(api.url("/v1/users"))
        .bearer_auth(&api.key)
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .unwrap();
    assert_error(&common::reply(bad_json).await, 422, "VALIDATION_ERROR");
    assert_error(
        &api.post("/v1/users", json!({"first_name": "x"})).await,
        422,
        "VALIDATION_ERROR",
    );
    assert_error(&api.get("/v1/nothing-here").await, 404, "NOT_FOUND");
}

#[tokio::test]
async fn tenants_never_see_each_other() {
    let api = start().await;
    let mine = api.user("shared@example.com").await;
    let theirs = api
        .call_as(
            SECOND_KEY,
            Method::POST,
            "/v1/users",
            Some(json!({"email": "shared@example.com"})),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::CREATED);
    assert_ne!(theirs.body["id"], mine["id"]);
    let path = format!("/v1/users/{}", mine["id"].as_str().unwrap());
    assert_error(
        &api.call_as(SECOND_KEY, Method::GET, &path, None).await,
        404,
        "NOT_FOUND",
    );
    let thread = api.post("/v1/threads", json!({"title": "t"})).await;
    let path = format!("/v1/threads/{}", thread.body["thread_id"].as_str().unwrap());
    assert_error(
        &api.call_as(SECOND_KEY, Method::GET, &path, None).await,
        404,
        "NOT_FOUND",
    );
    let second = api
        .call_as(SECOND_KEY, Method::GET, "/v1/users", None)
        .await;
    assert_eq!(second.body["pagination"]["total"], 1);
    assert_eq!(
        api.server.tenant_id(SECOND_KEY),
        Some(uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_OID,
            SECOND_KEY.as_bytes()
        ))
    );
    assert_eq!(api.server.tenant_id("unknown"), None);
}

#[tokio::test]
async fn keys_in_either_header_and_401_otherwise() {
    let api = start().await;
    let url = api.url("/v1/users");
    let bearer = api
        .http
        .get(&url)
        .bearer_auth(&api.key)
        .send()
        .await
        .unwrap();
    assert_eq!(bearer.status(), StatusCode::OK);
    let header = api
        .http
        .get(&url)
        .header("X-API-Key", &api.key)
        .send()
        .await
        .unwrap();
    assert_eq!(header.status(), StatusCode::OK);
    let missing = common::reply(api.http.get(&url).send().await.unwrap()).await;
    assert_error(&missing, 401, "UNAUTHORIZED");
    assert!(missing.headers.contains_key("x-request-id"));
    let wrong = common::reply(
        api.http
            .get(&url)
            .header("X-API-Key", "nope")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(&wrong, 401, "UNAUTHORIZED");
    let health = api.http.get(api.url("/v1/health")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_answer_carries_a_server_request_id() {
    let api = start().await;
    let mut ids = std::collections::HashSet::new();
    let answers = [
        api.get("/v1/users").await,
        api.get("/v1/users/nobody%40example.com").await,
        api.post("/v1/users", json!({"email": "bad"})).await,
        common::reply(
            api.http
                .get(api.url("/v1/health"))
                .header("X-Request-ID", "mine")
                .send()
                .await
                .unwrap(),
        )
        .await,
        api.control(Method::GET, "/_control/log", None).await,
    ];
    for answer in answers {
        let id = answer.headers["x-request-id"].to_str().unwrap().to_owned();
        assert!(id.starts_with("req_"), "{id}");
        assert!(ids.insert(id));
    }
}

#[tokio::test]
async fn metadata_null_clears_it_and_absent_leaves_it() {
    let api = start().await;
    let meta = json!({"zeta": 1, "alpha": {"y": 2, "b": 3}});
    let user = api
        .post(
            "/v1/users",
            json!({"email": "n@example.com", "metadata": meta}),
        )
        .await;
    let keys: Vec<&String> = user.body["metadata"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["zeta", "alpha"], "keys keep the caller's order");
    let path = "/v1/users/n%40example.com";
    let kept = api
        .call(Method::PUT, path, Some(json!({"first_name": "N"})))
        .await;
    assert_eq!(kept.body["metadata"], meta);
    let cleared = api
        .call(Method::PUT, path, Some(json!({"metadata": null})))
        .await;
    assert_eq!(cleared.status, StatusCode::OK);
    assert!(cleared.body["metadata"].is_null(), "{:?}", cleared.body);
    assert_eq!(cleared.body["first_name"], "N");
    assert!(api.get(path).await.body["metadata"].is_null());
}

#[tokio::test]
async fn a_path_segment_that_is_not_utf8_is_404() {
    let api = start().await;
    for path in [
        "/v1/users/%FF",
        "/v1/threads/%FF",
        "/v1/files/%FF",
        "/v1/files/%FF/content",
        "/v1/responses/%FF",
    ] {
        assert_error(&api.get(path).await, 404, "NOT_FOUND");
    }
    let update = api
        .call(
            Method::PUT,
            "/v1/users/%C3",
            Some(json!({"first_name": "x"})),
        )
        .await;
    assert_error(&update, 404, "NOT_FOUND");
}

//! Files: upload, list, get, content, download, status, delete, user scope, duplicates.

mod common;

use std::time::Duration;

use common::{assert_error, start, Api};
use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn upload(api: &Api, name: &str, bytes: Vec<u8>, fields: &[(&str, &str)]) -> common::Reply {
    let mut form = Form::new().part(
        "file",
        Part::bytes(bytes)
            .file_name(name.to_owned())
            .mime_str("text/plain")
            .expect("a valid mime type"),
    );
    for (key, value) in fields {
        form = form.text(key.to_string(), value.to_string());
    }
    let sent = api
        .http
        .post(api.url("/v1/files/upload"))
        .bearer_auth(&api.key)
        .multipart(form);
    common::reply(sent.send().await.expect("upload sent")).await
}

async fn completed(api: &Api, id: &str) -> Value {
    for _ in 0..100 {
        let status = api.get(&format!("/v1/files/{id}/status")).await.body;
        if status["status"] == "completed" {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("file {id} never completed");
}

#[tokio::test]
async fn upload_list_get_content_download_status_delete() {
    let api = start().await;
    let text = "line one\nline two\nline three\n";
    let up = upload(
        &api,
        "notes.txt",
        text.as_bytes().to_vec(),
        &[("tags", "a, b")],
    )
    .await;
    assert_eq!(up.status, StatusCode::CREATED, "{:?}", up.body);
    assert_eq!(up.body["status"], "pending");
    assert_eq!(up.body["file_name"], "notes.txt");
    assert!(up.body["message"].is_string());
    let id = up.body["file_id"].as_str().unwrap().to_owned();

    let status = completed(&api, &id).await;
    assert_eq!(status["progress_percentage"], 100.0);
    assert_eq!(status["total_chunks"], 1);
    assert_eq!(status["chunks_embedded"], 1);
    assert!(status["error_message"].is_null());

    let file = api.get(&format!("/v1/files/{id}")).await.body;
    assert_eq!(file["file_scope"], "tenant");
    assert_eq!(file["file_type"], "txt");
    assert_eq!(file["mime_type"], "text/plain");
    assert_eq!(file["file_size"], text.len());
    assert_eq!(file["processing_status"], "completed");
    assert_eq!(file["tags"], json!(["a", "b"]));
    assert!(file["deleted_at"].is_null());

    for path in ["/v1/files", "/v1/files/"] {
        let list = api.get(path).await.body;
        assert_eq!(list["total_count"], 1);
        assert_eq!(list["page"], 1);
        assert_eq!(list["limit"], 20);
        assert_eq!(list["has_more"], false);
        assert_eq!(list["files"][0]["id"], json!(id));
    }
    assert_eq!(api.get("/v1/files?tags=b,zzz").await.body["total_count"], 1);
    assert_eq!(api.get("/v1/files?tags=zzz").await.body["total_count"], 0);
    assert_eq!(
        api.get("/v1/files?file_type=pdf").await.body["total_count"],
        0
    );
    assert_eq!(
        api.get("/v1/files?status=completed").await.body["total_count"],
        1
    );
    assert_error(&api.get("/v1/files?limit=0").await, 422, "VALIDATION_ERROR");

    let content = api.get(&format!("/v1/files/{id}/content")).await.body;
    assert_eq!(content["text"], text);
    assert_eq!(content["content_type"], "text");
    assert_eq!(content["total_lines"], 3);
    let lines = api
        .get(&format!("/v1/files/{id}/content?start_line=2&end_line=3"))
        .await
        .body;
    assert_eq!(lines["text"], "line two\nline three");
    assert_eq!(lines["start_line"], 2);
    assert_eq!(lines["end_line"], 3);

    let download = api
        .http
        .get(api.url(&format!("/v1/files/{id}/download")))
        .bearer_auth(&api.key)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "text/plain");
    assert_eq!(
        download.headers()["content-length"],
        text.len().to_string().as_str()
    );
    assert!(download.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("notes.txt"));
    assert_eq!(download.bytes().await.unwrap(), text.as_bytes());

    let deleted = api
        .call(Method::DELETE, &format!("/v1/files/{id}"), None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert!(deleted.body["message"].is_string());
    assert_error(&api.get(&format!("/v1/files/{id}")).await, 404, "NOT_FOUND");
    assert_eq!(api.get("/v1/files").await.body["total_count"], 0);
}

#[tokio::test]
async fn download_returns_exact_binary_bytes_of_a_large_file() {
    let api = start().await;
    let bytes: Vec<u8> = (0..50 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let up = upload(&api, "blob.bin", bytes.clone(), &[]).await;
    assert_eq!(up.status, StatusCode::CREATED);
    let id = up.body["file_id"].as_str().unwrap();
    let status = completed(&api, id).await;
    assert_eq!(status["total_chunks"], (bytes.len() as i64 + 999) / 1000);
    let got = api
        .http
        .get(api.url(&format!("/v1/files/{id}/download")))
        .bearer_auth(&api.key)
        .send()
        .await
        .unwrap();
    let got = got.bytes().await.unwrap();
    assert!(got.as_ref() == bytes.as_slice());
    let hard = api
        .call(
            Method::DELETE,
            &format!("/v1/files/{id}?hard_delete=true"),
            None,
        )
        .await;
    assert_eq!(hard.status, StatusCode::OK);
    assert_error(
        &api.get(&format!("/v1/files/{id}/status")).await,
        404,
        "NOT_FOUND",
    );
}

#[tokio::test]
async fn hard_delete_takes_the_booleans_fastapi_takes() {
    let api = start().await;
    for value in ["True", "1", "yes", "off"] {
        let up = upload(&api, &format!("{value}.txt"), b"x".to_vec(), &[]).await;
        let id = up.body["file_id"].as_str().unwrap().to_owned();
        let path = format!("/v1/files/{id}?hard_delete={value}");
        assert_eq!(
            api.call(Method::DELETE, &path, None).await.status,
            StatusCode::OK,
            "{value}"
        );
    }
    let up = upload(&api, "bad.txt", b"x".to_vec(), &[]).await;
    let id = up.body["file_id"].as_str().unwrap();
    let path = format!("/v1/files/{id}?hard_delete=maybe");
    assert_error(
        &api.call(Method::DELETE, &path, None).await,
        422,
        "VALIDATION_ERROR",
    );
}

#[tokio::test]
async fn user_scoped_files_are_visible_only_to_their_user() {
    let api = start().await;
    let ada = api.user("ada@example.com").await;
    api.user("bob@example.com").await;
    let missing = upload(&api, "x.txt", b"x".to_vec(), &[("scope", "user")]).await;
    assert_error(&missing, 422, "VALIDATION_ERROR");
    let unknown = upload(
        &api,
        "x.txt",
        b"x".to_vec(),
        &[("scope", "user"), ("user_id", "zed@example.com")],
    )
    .await;
    assert_error(&unknown, 404, "NOT_FOUND");
    let up = upload(
        &api,
        "mine.txt",
        b"secret".to_vec(),
        &[("scope", "user"), ("user_id", "ada@example.com")],
    )
    .await;
    assert_eq!(up.status, StatusCode::CREATED);
    let id = up.body["file_id"].as_str().unwrap().to_owned();
    upload(&api, "shared.txt", b"shared".to_vec(), &[]).await;

    let ada_id = ada["id"].as_str().unwrap();
    for user in ["ada@example.com", ada_id] {
        let file = api
            .get(&format!("/v1/files/{id}?user_id={}", common::encode(user)))
            .await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.body["file_scope"], "user");
        assert_eq!(file.body["user_id"], json!(ada_id));
    }
    for path in [
        format!("/v1/files/{id}"),
        format!("/v1/files/{id}?user_id=bob%40example.com"),
        format!("/v1/files/{id}/content"),
        format!("/v1/files/{id}/download?user_id=bob%40example.com"),
    ] {
        assert_error(&api.get(&path).await, 404, "NOT_FOUND");
    }
    assert_error(
        &api.call(Method::DELETE, &format!("/v1/files/{id}"), None)
            .await,
        404,
        "NOT_FOUND",
    );
    let tenant_list = api.get("/v1/files").await.body;
    assert_eq!(tenant_list["total_count"], 1);
    assert_eq!(tenant_list["files"][0]["file_name"], "shared.txt");
    let ada_list = api.get("/v1/files?user_id=ada%40example.com").await.body;
    assert_eq!(ada_list["total_count"], 2);
    let ada_only = api
        .get("/v1/files?user_id=ada%40example.com&scope=user")
        .await
        .body;
    assert_eq!(ada_only["total_count"], 1);
    let content = api
        .get(&format!("/v1/files/{id}/content?user_id=ada%40example.com"))
        .await;
    assert_eq!(content.body["text"], "secret");
    let deleted = api
        .call(
            Method::DELETE,
            &format!("/v1/files/{id}?user_id=ada%40example.com"),
            None,
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_of_one_name_at_once_each_get_their_own() {
    let api = std::sync::Arc::new(start().await);
    let uploads = (0..24).map(|i| {
        let api = api.clone();
        tokio::spawn(async move { upload(&api, "same.txt", vec![b'x'; i + 1], &[]).await })
    });
    let mut names = Vec::new();
    for reply in futures::future::join_all(uploads).await {
        let reply = reply.unwrap();
        assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
        names.push(reply.body["file_name"].as_str().unwrap().to_owned());
    }
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 24, "{names:?}");
}

#[tokio::test]
async fn duplicate_handling_error_skip_replace_suffix() {
    let api = start().await;
    let first = upload(&api, "report.txt", b"v1".to_vec(), &[]).await;
    let id = first.body["file_id"].as_str().unwrap().to_owned();
    let error = upload(
        &api,
        "report.txt",
        b"v2".to_vec(),
        &[("duplicate_handling", "error")],
    )
    .await;
    assert_error(&error, 409, "CONFLICT");
    let skip = upload(
        &api,
        "report.txt",
        b"v2".to_vec(),
        &[("duplicate_handling", "skip")],
    )
    .await;
    assert_eq!(skip.status, StatusCode::OK);
    assert_eq!(skip.body["status"], "skipped");
    assert_eq!(skip.body["file_id"], json!(id));
    let replace = upload(
        &api,
        "report.txt",
        b"version 3".to_vec(),
        &[("duplicate_handling", "replace")],
    )
    .await;
    assert_eq!(replace.status, StatusCode::OK);
    assert_eq!(replace.body["file_id"], json!(id));
    completed(&api, &id).await;
    assert_eq!(
        api.get(&format!("/v1/files/{id}/content")).await.body["text"],
        "version 3"
    );
    let suffix = upload(
        &api,
        "report.txt",
        b"v4".to_vec(),
        &[("duplicate_handling", "suffix")],
    )
    .await;
    assert_eq!(suffix.status, StatusCode::CREATED);
    assert_eq!(suffix.body["file_name"], "report (1).txt");
    let again = upload(&api, "report.txt", b"v5".to_vec(), &[]).await;
    assert_eq!(again.body["file_name"], "report (2).txt");
    let file = api
        .get(&format!(
            "/v1/files/{}",
            again.body["file_id"].as_str().unwrap()
        ))
        .await
        .body;
    assert_eq!(file["original_file_name"], "report.txt");
    assert_eq!(api.get("/v1/files").await.body["total_count"], 3);
    let bad = upload(
        &api,
        "report.txt",
        b"v".to_vec(),
        &[("duplicate_handling", "merge")],
    )
    .await;
    assert_error(&bad, 422, "VALIDATION_ERROR");
}

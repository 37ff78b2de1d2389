//! `/v1/files`: list, metadata, text content, download, processing status and delete.
//! A user-scoped file is visible only when `user_id` names its user.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio_util::io::ReaderStream;
use uuid::Uuid;

use super::{parse_id, resolve_user};
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery, Tenant};
use crate::storage::{FileFilter, FileRow};

#[derive(Deserialize)]
pub struct ListFiles {
    user_id: Option<String>,
    scope: Option<String>,
    file_type: Option<String>,
    status: Option<String>,
    tags: Option<String>,
    page: Option<i64>,
    limit: Option<i64>,
}

#[derive(Deserialize)]
pub struct ForUser {
    user_id: Option<String>,
    #[serde(default, deserialize_with = "query_bool")]
    hard_delete: Option<bool>,
}

/// A boolean query value as FastAPI reads one: `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`,
/// in any case.
fn query_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let Some(text) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    match text.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(Some(true)),
        "false" | "0" | "no" | "off" => Ok(Some(false)),
        _ => Err(serde::de::Error::custom(format!(
            "hard_delete must be a boolean (true or false), not {text:?}"
        ))),
    }
}

#[derive(Deserialize)]
pub struct ContentQuery {
    user_id: Option<String>,
    start_line: Option<i64>,
    end_line: Option<i64>,
}

/// The file if the request may see it.
fn visible_file(app: &App, tenant: Uuid, id: &str, user: Option<&str>) -> ApiResult<FileRow> {
    let id = parse_id(id, "File")?;
    let user = resolve_user(app, tenant, user)?;
    app.store
        .file_get(tenant, id)?
        .filter(|file| file.visible_to(user))
        .ok_or_else(|| ApiError::not_found("File"))
}

pub async fn list(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiQuery(query): ApiQuery<ListFiles>,
) -> ApiResult<Json<Value>> {
    let page = query.page.unwrap_or(1);
    let limit = query.limit.unwrap_or(20);
    if page < 1 {
        return Err(ApiError::validation("page must be 1 or more"));
    }
    if !(1..=100).contains(&limit) {
        return Err(ApiError::validation("limit must be between 1 and 100"));
    }
    if let Some(scope) = &query.scope {
        if scope != "user" && scope != "tenant" {
            return Err(ApiError::validation("scope must be user or tenant"));
        }
    }
    let tags = query.tags.map(|t| {
        t.split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect()
    });
    let filter = FileFilter {
        user: resolve_user(&app, tenant, query.user_id.as_deref())?,
        scope: query.scope,
        file_type: query
            .file_type
            .map(|t| t.trim_start_matches('.').to_lowercase()),
        status: query.status,
        tags: tags.filter(|t: &Vec<String>| !t.is_empty()),
    };
    let offset = (page - 1).saturating_mul(limit);
    let (files, total) = app.store.file_list(tenant, &filter, limit, offset)?;
    Ok(Json(json!({
        "files": files,
        "total_count": total,
        "page": page,
        "limit": limit,
        "has_more": page.saturating_mul(limit) < total,
    })))
}

pub async fn get(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiQuery(query): ApiQuery<ForUser>,
) -> ApiResult<Json<FileRow>> {
    visible_file(&app, tenant, &id, query.user_id.as_deref()).map(Json)
}

/// The text of a file, optionally lines `start_line..=end_line` (1-based).
pub async fn content(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiQuery(query): ApiQuery<ContentQuery>,
) -> ApiResult<Json<Value>> {
    let file = visible_file(&app, tenant, &id, query.user_id.as_deref())?;
    if query.start_line.is_some_and(|n| n < 1) || query.end_line.is_some_and(|n| n < 1) {
        return Err(ApiError::validation("start_line and end_line count from 1"));
    }
    let bytes = tokio::fs::read(app.store.blob_path(&file.id)).await?;
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.lines().collect();
    let total = lines.len() as i64;
    let ranged = query.start_line.is_some() || query.end_line.is_some();
    let start = query.start_line.unwrap_or(1);
    let end = query.end_line.unwrap_or(total).min(total);
    let slice = if !ranged {
        text.to_string()
    } else if start > end {
        String::new()
    } else {
        lines[(start - 1) as usize..end as usize].join("\n")
    };
    Ok(Json(json!({
        "file_id": file.id,
        "content_type": "text",
        "text": slice,
        "metadata": {
            "file_name": file.file_name,
            "mime_type": file.mime_type,
            "file_type": file.file_type,
            "file_size": file.file_size,
        },
        "start_line": start,
        "end_line": if ranged { end } else { total },
        "total_lines": total,
    })))
}

/// The exact bytes, streamed from disk.
pub async fn download(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiQuery(query): ApiQuery<ForUser>,
) -> ApiResult<Response> {
    let file = visible_file(&app, tenant, &id, query.user_id.as_deref())?;
    let handle = tokio::fs::File::open(app.store.blob_path(&file.id)).await?;
    let size = handle.metadata().await?.len();
    let mut response = Body::from_stream(ReaderStream::new(handle)).into_response();
    let headers = response.headers_mut();
    let mime = HeaderValue::from_str(&file.mime_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CONTENT_TYPE, mime);
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(size));
    if let Ok(value) = HeaderValue::from_str(&disposition(&file.file_name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// `attachment` with an ASCII fallback name and the exact name in RFC 5987 form.
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

pub async fn status(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
) -> ApiResult<Json<Value>> {
    let id = parse_id(&id, "File")?;
    let file = app
        .store
        .file_get(tenant, id)?
        .ok_or_else(|| ApiError::not_found("File"))?;
    let done = file.processing_status == "completed";
    Ok(Json(json!({
        "status": file.processing_status,
        "progress_percentage": if done { 100.0 } else { 0.0 },
        "chunks_embedded": file.chunks_embedded,
        "total_chunks": file.total_chunks,
        "estimated_time_remaining_seconds": if done { 0.0 } else { 0.02 },
        "error_message": file.error_message,
    })))
}

pub async fn delete(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiQuery(query): ApiQuery<ForUser>,
) -> ApiResult<Json<Value>> {
    let file = visible_file(&app, tenant, &id, query.user_id.as_deref())?;
    let id = parse_id(&file.id, "File")?;
    let hard = query.hard_delete.unwrap_or(false);
    app.store.file_delete(id, hard)?;
    if hard {
        let _ = tokio::fs::remove_file(app.store.blob_path(&file.id)).await;
    }
    Ok(Json(json!({"message": "File deleted"})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_delete_reads_each_spelling_of_a_boolean() {
        let read = |value: &str| {
            let query: ForUser = serde_json::from_value(json!({ "hard_delete": value })).unwrap();
            query.hard_delete
        };
        for (value, hard) in [("True", true), ("1", true), ("ON", true), ("no", false)] {
            assert_eq!(read(value), Some(hard), "{value}");
        }
        let bad = serde_json::from_value::<ForUser>(json!({ "hard_delete": "maybe" }));
        assert!(bad.err().unwrap().to_string().contains("\"maybe\""));
    }
}

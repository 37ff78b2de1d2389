//! What the addon hands to JavaScript: the core's models with the SDK's own field names in
//! camelCase, written out field by field.
//!
//! Free-form JSON (`metadata`, `structuredResponse`, tool calls, `error`, `options`,
//! `artifacts`, `toolArgsUpdate`) stays a `serde_json::Value` and is serialized as it came,
//! so its keys are never re-cased. Timestamps are ISO-8601 strings and ids are uuid strings.

use chrono::{DateTime, Utc};
use lumnisai as core;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

type Time = DateTime<Utc>;

/// Serializes a converted model to the JSON text the JS layer parses.
pub(crate) fn json<T: Serialize>(value: &T) -> napi::Result<String> {
    serde_json::to_string(value).map_err(|e| napi::Error::from_reason(e.to_string()))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct User {
    id: Uuid,
    email: String,
    first_name: Option<String>,
    last_name: Option<String>,
    tenant_id: Option<Uuid>,
    is_active: bool,
    created_at: Time,
    updated_at: Option<Time>,
    metadata: Option<Value>,
}

impl From<core::User> for User {
    fn from(u: core::User) -> User {
        User {
            id: u.id,
            email: u.email,
            first_name: u.first_name,
            last_name: u.last_name,
            tenant_id: u.tenant_id,
            is_active: u.is_active,
            created_at: u.created_at,
            updated_at: u.updated_at,
            metadata: u.metadata,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Pagination {
    page: u32,
    page_size: u32,
    total: u64,
    total_pages: u32,
    has_next: bool,
    has_prev: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UserList {
    users: Vec<User>,
    pagination: Pagination,
    total: u64,
}

impl From<core::UserList> for UserList {
    fn from(list: core::UserList) -> UserList {
        let p = list.pagination;
        UserList {
            users: list.users.into_iter().map(User::from).collect(),
            pagination: Pagination {
                page: p.page,
                page_size: p.page_size,
                total: p.total,
                total_pages: p.total_pages,
                has_next: p.has_next,
                has_prev: p.has_prev,
            },
            total: list.total,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Deleted {
    message: Option<String>,
}

impl From<core::DeleteResult> for Deleted {
    fn from(d: core::DeleteResult) -> Deleted {
        Deleted { message: d.message }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Thread {
    thread_id: Uuid,
    tenant_id: Option<Uuid>,
    user_id: Option<Uuid>,
    title: Option<String>,
    created_at: Time,
    updated_at: Option<Time>,
    response_count: u64,
    last_response_at: Option<Time>,
}

impl From<core::Thread> for Thread {
    fn from(t: core::Thread) -> Thread {
        Thread {
            thread_id: t.thread_id,
            tenant_id: t.tenant_id,
            user_id: t.user_id,
            title: t.title,
            created_at: t.created_at,
            updated_at: t.updated_at,
            response_count: t.response_count,
            last_response_at: t.last_response_at,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ThreadList {
    threads: Vec<Thread>,
    total: u64,
    limit: u32,
    offset: u64,
}

impl From<core::ThreadList> for ThreadList {
    fn from(list: core::ThreadList) -> ThreadList {
        ThreadList {
            threads: list.threads.into_iter().map(Thread::from).collect(),
            total: list.total,
            limit: list.limit,
            offset: list.offset,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ProgressEntry {
    ts: Time,
    state: String,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    output_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tool_calls: Option<Vec<Value>>,
}

impl From<core::ProgressEntry> for ProgressEntry {
    fn from(e: core::ProgressEntry) -> ProgressEntry {
        ProgressEntry {
            ts: e.ts,
            state: e.state,
            message: e.message,
            output_text: e.output_text,
            tool_calls: e.tool_calls,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Response {
    response_id: Uuid,
    thread_id: Uuid,
    tenant_id: Option<Uuid>,
    user_id: Option<Uuid>,
    status: &'static str,
    progress: Vec<ProgressEntry>,
    input_messages: Vec<core::Message>,
    output_text: Option<String>,
    structured_response: Option<Value>,
    artifacts: Option<Value>,
    error: Option<Value>,
    options: Option<Value>,
    response_title: Option<String>,
    created_at: Time,
    completed_at: Option<Time>,
}

impl From<core::Response> for Response {
    fn from(r: core::Response) -> Response {
        Response {
            response_id: r.response_id,
            thread_id: r.thread_id,
            tenant_id: r.tenant_id,
            user_id: r.user_id,
            status: r.status.as_str(),
            progress: r.progress.into_iter().map(ProgressEntry::from).collect(),
            input_messages: r.input_messages,
            output_text: r.output_text,
            structured_response: r.structured_response,
            artifacts: r.artifacts,
            error: r.error,
            options: r.options,
            response_title: r.response_title,
            created_at: r.created_at,
            completed_at: r.completed_at,
        }
    }
}

/// A list of responses, as `threads.getResponses` returns it.
pub(crate) fn responses(list: Vec<core::Response>) -> Vec<Response> {
    list.into_iter().map(Response::from).collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreatedResponse {
    response_id: Uuid,
    thread_id: Uuid,
    status: &'static str,
    tenant_id: Option<Uuid>,
    created_at: Option<Time>,
}

impl From<core::CreatedResponse> for CreatedResponse {
    fn from(r: core::CreatedResponse) -> CreatedResponse {
        CreatedResponse {
            response_id: r.response_id,
            thread_id: r.thread_id,
            status: r.status.as_str(),
            tenant_id: r.tenant_id,
            created_at: r.created_at,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Cancelled {
    status: String,
    message: Option<String>,
}

impl From<core::CancelResult> for Cancelled {
    fn from(c: core::CancelResult) -> Cancelled {
        Cancelled {
            status: c.status,
            message: c.message,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ResponseList {
    responses: Vec<Response>,
    total: u64,
    limit: u32,
    offset: u64,
}

impl From<core::ResponseList> for ResponseList {
    fn from(list: core::ResponseList) -> ResponseList {
        ResponseList {
            responses: responses(list.responses),
            total: list.total,
            limit: list.limit,
            offset: list.offset,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FileMetadata {
    id: Uuid,
    tenant_id: Option<Uuid>,
    user_id: Option<Uuid>,
    file_name: String,
    original_file_name: Option<String>,
    file_type: Option<String>,
    mime_type: Option<String>,
    file_size: u64,
    file_scope: Option<&'static str>,
    blob_url: Option<String>,
    processing_status: Option<String>,
    error_message: Option<String>,
    total_chunks: Option<u64>,
    chunks_embedded: Option<u64>,
    tags: Vec<String>,
    created_at: Time,
    updated_at: Option<Time>,
    deleted_at: Option<Time>,
}

impl From<core::FileMetadata> for FileMetadata {
    fn from(f: core::FileMetadata) -> FileMetadata {
        FileMetadata {
            id: f.id,
            tenant_id: f.tenant_id,
            user_id: f.user_id,
            file_name: f.file_name,
            original_file_name: f.original_file_name,
            file_type: f.file_type,
            mime_type: f.mime_type,
            file_size: f.file_size,
            file_scope: f.file_scope.map(|s| s.as_str()),
            blob_url: f.blob_url,
            processing_status: f.processing_status,
            error_message: f.error_message,
            total_chunks: f.total_chunks,
            chunks_embedded: f.chunks_embedded,
            tags: f.tags,
            created_at: f.created_at,
            updated_at: f.updated_at,
            deleted_at: f.deleted_at,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FileUploaded {
    file_id: Uuid,
    file_name: String,
    status: Option<String>,
    message: Option<String>,
}

impl From<core::FileUploadResult> for FileUploaded {
    fn from(f: core::FileUploadResult) -> FileUploaded {
        FileUploaded {
            file_id: f.file_id,
            file_name: f.file_name,
            status: f.status,
            message: f.message,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FileList {
    files: Vec<FileMetadata>,
    total_count: u64,
    page: u32,
    limit: u32,
    has_more: bool,
}

impl From<core::FileList> for FileList {
    fn from(list: core::FileList) -> FileList {
        FileList {
            files: list.files.into_iter().map(FileMetadata::from).collect(),
            total_count: list.total_count,
            page: list.page,
            limit: list.limit,
            has_more: list.has_more,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FileContent {
    file_id: Uuid,
    content_type: Option<String>,
    text: Option<String>,
    metadata: Option<Value>,
    start_line: Option<u64>,
    end_line: Option<u64>,
    total_lines: Option<u64>,
}

impl From<core::FileContent> for FileContent {
    fn from(c: core::FileContent) -> FileContent {
        FileContent {
            file_id: c.file_id,
            content_type: c.content_type,
            text: c.text,
            metadata: c.metadata,
            start_line: c.start_line,
            end_line: c.end_line,
            total_lines: c.total_lines,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FeedbackCreated {
    feedback_id: Uuid,
    created_at: Option<Time>,
}

impl From<core::FeedbackCreated> for FeedbackCreated {
    fn from(f: core::FeedbackCreated) -> FeedbackCreated {
        FeedbackCreated {
            feedback_id: f.feedback_id,
            created_at: f.created_at,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Feedback {
    feedback_id: Uuid,
    response_id: Uuid,
    tenant_id: Option<Uuid>,
    user_id: Option<Uuid>,
    feedback_text: String,
    feedback_type: String,
    progress_id: Option<String>,
    tool_call_id: Option<String>,
    tool_args_update: Option<Value>,
    is_consumed: bool,
    consumed_at: Option<Time>,
    created_at: Option<Time>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FeedbackList {
    response_id: Uuid,
    progress_id_filter: Option<String>,
    total_feedback: u64,
    consumed_count: u64,
    unconsumed_count: u64,
    feedback: Vec<Feedback>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl From<core::FeedbackList> for FeedbackList {
    fn from(l: core::FeedbackList) -> FeedbackList {
        let feedback = l.feedback.into_iter().map(|f| Feedback {
            feedback_id: f.feedback_id,
            response_id: f.response_id,
            tenant_id: f.tenant_id,
            user_id: f.user_id,
            feedback_text: f.feedback_text,
            feedback_type: f.feedback_type,
            progress_id: f.progress_id,
            tool_call_id: f.tool_call_id,
            tool_args_update: f.tool_args_update,
            is_consumed: f.is_consumed,
            consumed_at: f.consumed_at,
            created_at: f.created_at,
        });
        FeedbackList {
            response_id: l.response_id,
            progress_id_filter: l.progress_id_filter,
            total_feedback: l.total_feedback,
            consumed_count: l.consumed_count,
            unconsumed_count: l.unconsumed_count,
            feedback: feedback.collect(),
            note: l.note,
        }
    }
}

/// A run's artifacts: the keys of the answer itself in camelCase (`responseId`), the
/// artifacts in it verbatim, as a response's `artifacts` are.
pub(crate) fn artifact_list(value: Value) -> Value {
    match value {
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (camel_case(&key), value))
                .collect(),
        ),
        other => other,
    }
}

fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FileStatus {
    status: String,
    progress_percentage: Option<f64>,
    chunks_embedded: Option<u64>,
    total_chunks: Option<u64>,
    estimated_time_remaining_seconds: Option<f64>,
    error_message: Option<String>,
}

impl From<core::FileStatus> for FileStatus {
    fn from(s: core::FileStatus) -> FileStatus {
        FileStatus {
            status: s.status,
            progress_percentage: s.progress_percentage,
            chunks_embedded: s.chunks_embedded,
            total_chunks: s.total_chunks,
            estimated_time_remaining_seconds: s.estimated_time_remaining_seconds,
            error_message: s.error_message,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn an_artifact_list_recases_its_own_keys_only() {
        let listed = json!({
            "response_id": "r", "total": 1,
            "artifacts": [{"artifact_id": "a", "mime_type": "text/plain"}],
        });
        let out = artifact_list(listed);
        assert_eq!(out["responseId"], "r");
        assert_eq!(out["artifacts"][0]["artifact_id"], "a");
        assert_eq!(camel_case("progress_id_filter"), "progressIdFilter");
        assert_eq!(camel_case("_private"), "_private");
    }
}

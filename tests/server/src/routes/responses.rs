//! `/v1/responses`: agent runs, long-polled reads, cancel, artifacts and feedback.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::{parse_id, resolve_user, truncate};
use crate::agent::{self, Job};
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::extract::{check_limit, ApiJson, ApiPath, ApiQuery, Tenant};
use crate::storage::{CancelOutcome, NewResponse, ResponseFilter, ResponseRow};

/// The longest a `wait` holds a read.
const MAX_WAIT_SECONDS: f64 = 30.0;

/// Request fields kept verbatim in the response's `options`.
const OPTION_FIELDS: [&str; 5] = [
    "agent_config",
    "response_format",
    "response_format_instructions",
    "model_overrides",
    "files",
];

#[derive(Deserialize)]
pub struct Wait {
    wait: Option<f64>,
}

#[derive(Deserialize)]
pub struct ListResponses {
    user_id: Option<String>,
    status: Option<String>,
    start_date: Option<String>,
    end_date: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

#[derive(Deserialize)]
pub struct Paging {
    limit: Option<i64>,
    offset: Option<i64>,
}

#[derive(Deserialize)]
pub struct NewFeedback {
    feedback_text: Option<String>,
    feedback_type: Option<String>,
    user_id: Option<String>,
    progress_id: Option<Value>,
    tool_call_id: Option<Value>,
    tool_args_update: Option<Value>,
}

/// Checks `messages` and returns the first and the last user message's content.
fn read_messages(messages: Option<&Value>) -> ApiResult<(Option<String>, String)> {
    let Some(Value::Array(messages)) = messages else {
        return Err(ApiError::validation(
            "messages must be a list of at least one message",
        ));
    };
    if messages.is_empty() {
        return Err(ApiError::validation(
            "messages must hold at least one message",
        ));
    }
    let mut users = Vec::new();
    for (at, message) in messages.iter().enumerate() {
        let role = message.get("role").and_then(Value::as_str);
        let content = message.get("content").and_then(Value::as_str);
        let (Some(role), Some(content)) = (role, content) else {
            return Err(ApiError::validation(format!(
                "messages[{at}] needs a string role and a string content"
            )));
        };
        match role {
            "user" => users.push(content),
            "system" | "assistant" => {}
            other => {
                return Err(ApiError::validation(format!(
                    "messages[{at}].role must be system, user or assistant, not {other:?}"
                )))
            }
        }
    }
    let first = users.first().map(|c| (*c).to_owned());
    let last = users.last().map_or_else(String::new, |c| (*c).to_owned());
    Ok((first, last))
}

/// The model types an `agent_config` names, and its agent modes.
const MODEL_TYPES: [&str; 5] = [
    "SMART_MODEL",
    "REASONING_MODEL",
    "VISION_MODEL",
    "CHEAP_MODEL",
    "FAST_MODEL",
];
const AGENT_MODES: [&str; 3] = ["auto", "single_agent", "multi_agent"];

/// Checks the shapes of the create body's options, as the hosted API's models do, so that a
/// client sending one it would refuse is refused here too. Unknown `agent_config` keys pass:
/// a newer client may send fields this server does not know.
fn check_options(body: &Map<String, Value>) -> ApiResult<()> {
    let wrong =
        |field: &str, what: &str| Err(ApiError::validation(format!("{field} must be {what}")));
    if let Some(config) = body.get("agent_config").filter(|v| !v.is_null()) {
        let Some(config) = config.as_object() else {
            return wrong("agent_config", "an object");
        };
        for (key, value) in config.iter().filter(|(_, v)| !v.is_null()) {
            if let Some(what) = agent_field_mismatch(key, value) {
                return wrong(&format!("agent_config.{key}"), &what);
            }
        }
    }
    if let Some(overrides) = body.get("model_overrides").filter(|v| !v.is_null()) {
        if !overrides
            .as_object()
            .is_some_and(|o| o.values().all(Value::is_string))
        {
            return wrong("model_overrides", "an object of strings");
        }
    }
    let instructions = body.get("response_format_instructions");
    if instructions.is_some_and(|v| !v.is_null() && !v.is_string()) {
        return wrong("response_format_instructions", "a string");
    }
    Ok(())
}

/// What an `agent_config` field should be, when `value` is not that; `None` when it fits or
/// the field is not known.
fn agent_field_mismatch(key: &str, value: &Value) -> Option<String> {
    let (fits, what) = match key {
        k if k.ends_with("_model_type") => (
            value.as_str().is_some_and(|t| MODEL_TYPES.contains(&t)),
            format!("one of {}", MODEL_TYPES.join(", ")),
        ),
        k if k.ends_with("_model_name") => (value.is_string(), "a string".to_owned()),
        "agent_mode" => (
            value.as_str().is_some_and(|m| AGENT_MODES.contains(&m)),
            format!("one of {}", AGENT_MODES.join(", ")),
        ),
        "use_cognitive_tools" | "enable_task_validation" | "generate_comprehensive_output" => {
            (value.is_boolean(), "a boolean".to_owned())
        }
        "skill_ids" => (
            value
                .as_array()
                .is_some_and(|ids| ids.iter().all(Value::is_string)),
            "a list of strings".to_owned(),
        ),
        _ => (true, String::new()),
    };
    (!fits).then_some(what)
}

pub async fn create(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let (first, content) = read_messages(body.get("messages"))?;
    check_options(&body)?;
    let user_ref = match body.get("user_id") {
        None | Some(Value::Null) => None,
        Some(Value::String(user)) => Some(user.as_str()),
        Some(_) => return Err(ApiError::validation("user_id must be a string")),
    };
    let user = resolve_user(&app, tenant, user_ref)?;
    let thread = match body.get("thread_id") {
        None | Some(Value::Null) => {
            let title = first.as_deref().map(|f| truncate(f, 100));
            Uuid::parse_str(
                &app.store
                    .thread_create(tenant, user, title.as_deref())?
                    .thread_id,
            )
            .map_err(|_| ApiError::internal("Stored thread id is not a uuid"))?
        }
        Some(Value::String(id)) => {
            let id = parse_id(id, "Thread")?;
            app.store
                .thread_get(tenant, id)?
                .ok_or_else(|| ApiError::not_found("Thread"))?;
            id
        }
        Some(_) => return Err(ApiError::validation("thread_id must be a string")),
    };
    // In the order the request gave them, as everything else passed through keeps its order.
    let options: Map<String, Value> = body
        .iter()
        .filter(|(field, _)| OPTION_FIELDS.contains(&field.as_str()))
        .map(|(field, value)| (field.clone(), value.clone()))
        .collect();

    let id = crate::ids::new_uuid();
    let new = NewResponse {
        id,
        tenant,
        thread,
        user,
        input_messages: body.get("messages").cloned().unwrap_or(Value::Null),
        options: Value::Object(options),
        title: first.as_deref().map(|f| truncate(f, 50)),
    };
    let created_at = app.store.response_insert(&new)?;
    let response_format = body.get("response_format").cloned().unwrap_or(Value::Null);
    agent::spawn(
        &app,
        Job {
            id,
            content,
            response_format,
        },
    );
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "response_id": id,
            "thread_id": thread,
            "status": "queued",
            "tenant_id": tenant,
            "created_at": created_at,
        })),
    ))
}

/// Reads a response; with `wait`, holds until it changes or ends, at most `wait` seconds.
pub async fn get(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiQuery(query): ApiQuery<Wait>,
) -> ApiResult<Json<ResponseRow>> {
    let id = parse_id(&id, "Response")?;
    let wait = query.wait.unwrap_or(0.0);
    if !wait.is_finite() || wait < 0.0 {
        return Err(ApiError::validation("wait must be 0 or more seconds"));
    }
    // Subscribing before the read means a change between the two is not missed.
    let changes = if wait > 0.0 {
        app.agents.subscribe(id)
    } else {
        None
    };
    let response = app
        .store
        .response_get(tenant, id)?
        .ok_or_else(|| ApiError::not_found("Response"))?;
    let Some(mut changes) = changes.filter(|_| !response.is_final()) else {
        return Ok(Json(response));
    };
    let wait = Duration::from_secs_f64(wait.min(MAX_WAIT_SECONDS));
    let _ = tokio::time::timeout(wait, changes.changed()).await;
    app.store
        .response_get(tenant, id)?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("Response"))
}

pub async fn cancel(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
) -> ApiResult<Json<Value>> {
    let id = parse_id(&id, "Response")?;
    match app.store.response_cancel(tenant, id)? {
        None => Err(ApiError::not_found("Response")),
        Some(CancelOutcome::Cancelled) => {
            app.agents.cancel(id);
            Ok(Json(
                json!({"status": "cancelled", "message": "Response cancelled"}),
            ))
        }
        Some(CancelOutcome::AlreadyFinal(status)) => Ok(Json(
            json!({"status": status, "message": "Response is already final"}),
        )),
    }
}

pub async fn list(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiQuery(query): ApiQuery<ListResponses>,
) -> ApiResult<Json<Value>> {
    let (limit, offset) = check_limit(query.limit, query.offset, 50)?;
    let statuses = ["queued", "in_progress", "succeeded", "failed", "cancelled"];
    if let Some(status) = &query.status {
        if !statuses.contains(&status.as_str()) {
            return Err(ApiError::validation(format!("Unknown status {status:?}")));
        }
    }
    let date = |text: &Option<String>, name: &str| -> ApiResult<Option<String>> {
        let parse = if name == "end_date" {
            crate::time::parse_end
        } else {
            crate::time::parse
        };
        text.as_deref()
            .map(|t| {
                parse(t).ok_or_else(|| {
                    ApiError::validation(format!(
                        "{name} must be a date (2026-12-04) or a date-time \
                         (2026-12-04T08:00:00Z)"
                    ))
                })
            })
            .transpose()
    };
    let filter = ResponseFilter {
        user: resolve_user(&app, tenant, query.user_id.as_deref())?,
        status: query.status,
        start: date(&query.start_date, "start_date")?,
        end: date(&query.end_date, "end_date")?,
    };
    let (responses, total) = app.store.response_list(tenant, &filter, limit, offset)?;
    Ok(Json(
        json!({"responses": responses, "total": total, "limit": limit, "offset": offset}),
    ))
}

pub async fn artifacts(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiQuery(query): ApiQuery<Paging>,
) -> ApiResult<Json<Value>> {
    let id = parse_id(&id, "Response")?;
    let (limit, offset) = check_limit(query.limit, query.offset, 50)?;
    let response = app
        .store
        .response_get(tenant, id)?
        .ok_or_else(|| ApiError::not_found("Response"))?;
    let all = response.artifacts.as_array().cloned().unwrap_or_default();
    let total = all.len();
    let page: Vec<Value> = all
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .collect();
    Ok(Json(json!({
        "response_id": id, "artifacts": page, "total": total, "limit": limit, "offset": offset
    })))
}

pub async fn add_feedback(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
    ApiJson(body): ApiJson<NewFeedback>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let id = parse_id(&id, "Response")?;
    let text = body.feedback_text.filter(|t| !t.trim().is_empty());
    let Some(text) = text else {
        return Err(ApiError::validation("feedback_text is required"));
    };
    let kind = body.feedback_type.unwrap_or_default();
    if !["suggestion", "correction", "guidance"].contains(&kind.as_str()) {
        return Err(ApiError::validation(
            "feedback_type must be suggestion, correction or guidance",
        ));
    }
    app.store
        .response_get(tenant, id)?
        .ok_or_else(|| ApiError::not_found("Response"))?;
    let user = resolve_user(&app, tenant, body.user_id.as_deref())?;
    let feedback_id = crate::ids::new_uuid();
    let created_at = crate::time::now();
    let stored = json!({
        "feedback_id": feedback_id,
        "response_id": id,
        "feedback_text": text,
        "feedback_type": kind,
        "user_id": user,
        "progress_id": body.progress_id,
        "tool_call_id": body.tool_call_id,
        "tool_args_update": body.tool_args_update,
        "created_at": created_at,
    });
    app.store
        .feedback_insert(tenant, id, feedback_id, &stored, &created_at)?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"feedback_id": feedback_id, "created_at": created_at})),
    ))
}

pub async fn feedback(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    ApiPath(id): ApiPath,
) -> ApiResult<Json<Value>> {
    let id = parse_id(&id, "Response")?;
    app.store
        .response_get(tenant, id)?
        .ok_or_else(|| ApiError::not_found("Response"))?;
    let feedback = app.store.feedback_list(tenant, id)?;
    Ok(Json(json!({"response_id": id, "feedback": feedback})))
}

//! The control API under `/_control` (only with `--faults`, no key): faults, runtime
//! settings, the request log and a full reset.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::faults::{Fault, FaultSpec};

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(
            "/_control/faults",
            post(add_fault).get(list_faults).delete(clear_faults),
        )
        .route("/_control/settings", put(update_settings).get(settings))
        .route("/_control/log", get(log).delete(clear_log))
        .route("/_control/agents", get(agents))
        .route("/_control/reset", post(reset))
        .fallback(|| async { ApiError::not_found("Control route").into_response() })
        .with_state(app)
}

async fn add_fault(State(app): State<Arc<App>>, ApiJson(spec): ApiJson<Value>) -> Response {
    let spec: FaultSpec = match serde_json::from_value(spec) {
        Ok(spec) => spec,
        Err(err) => return ApiError::validation(format!("Invalid fault: {err}")).into_response(),
    };
    match Fault::from_spec(spec) {
        Ok(fault) => {
            let id = fault.fault_id.clone();
            app.faults.add(fault);
            Json(json!({"fault_id": id})).into_response()
        }
        Err(message) => ApiError::validation(message).into_response(),
    }
}

async fn list_faults(State(app): State<Arc<App>>) -> Json<Value> {
    Json(json!({"faults": app.faults.list()}))
}

async fn clear_faults(State(app): State<Arc<App>>) -> Json<Value> {
    app.faults.clear();
    Json(json!({"message": "Faults cleared"}))
}

async fn settings(State(app): State<Arc<App>>) -> Json<Value> {
    Json(json!(*app.settings.borrow()))
}

/// What `PUT /_control/settings` may change.
const SETTINGS: [&str; 2] = ["idle_close_ms", "agent_latency_ms"];

/// Changes the fields given; `"idle_close_ms": null` turns idle closing off.
async fn update_settings(
    State(app): State<Arc<App>>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<Value>> {
    if let Some(unknown) = body.keys().find(|k| !SETTINGS.contains(&k.as_str())) {
        return Err(ApiError::validation(format!(
            "unknown setting {unknown:?}; the settings are {}",
            SETTINGS.join(", ")
        )));
    }
    let mut next = *app.settings.borrow();
    if let Some(value) = body.get("idle_close_ms") {
        next.idle_close_ms = match value {
            Value::Null => None,
            v => Some(v.as_u64().ok_or_else(|| {
                ApiError::validation("idle_close_ms must be a number of milliseconds or null")
            })?),
        };
    }
    if let Some(value) = body.get("agent_latency_ms") {
        next.agent_latency_ms = value
            .as_u64()
            .ok_or_else(|| ApiError::validation("agent_latency_ms must be a number"))?;
    }
    app.settings.send_replace(next);
    Ok(Json(json!(next)))
}

/// The responses whose agent is still registered, so a test can see that none is left over.
async fn agents(State(app): State<Arc<App>>) -> Json<Value> {
    Json(json!({"running": app.agents.running()}))
}

async fn log(State(app): State<Arc<App>>) -> Json<Value> {
    Json(json!({"requests": app.log.snapshot()}))
}

async fn clear_log(State(app): State<Arc<App>>) -> Json<Value> {
    app.log.clear();
    Json(json!({"message": "Log cleared"}))
}

async fn reset(State(app): State<Arc<App>>) -> ApiResult<Json<Value>> {
    app.reset()?;
    Ok(Json(json!({"message": "Reset"})))
}

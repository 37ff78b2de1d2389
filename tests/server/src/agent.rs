//! The deterministic local agent: one task per response walks a fixed timeline (see the
//! README), writes each step to storage and wakes the long-polls waiting on the response.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::sync::watch;
use tokio::task::AbortHandle;
use tokio::time::{sleep_until, Instant};
use uuid::Uuid;

use crate::app::App;

/// The marker that makes the agent fail.
pub const FAIL_MARKER: &str = "[fail]";

struct Running {
    changes: watch::Sender<u64>,
    task: AbortHandle,
}

/// The running agents, each with a change counter its long-polls watch.
#[derive(Default)]
pub struct Registry {
    running: Mutex<HashMap<Uuid, Running>>,
}

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, Running>> {
        self.running.lock().expect("agent registry poisoned")
    }

    /// A receiver that sees the next change of a running response; `None` once it ended.
    pub fn subscribe(&self, id: Uuid) -> Option<watch::Receiver<u64>> {
        self.lock().get(&id).map(|r| r.changes.subscribe())
    }

    fn notify(&self, id: Uuid) {
        if let Some(running) = self.lock().get(&id) {
            running.changes.send_modify(|n| *n += 1);
        }
    }

    /// Forgets a response that ended; dropping its sender wakes every waiter.
    fn finish(&self, id: Uuid) {
        self.lock().remove(&id);
    }

    /// Stops the agent of a cancelled or deleted response and wakes its waiters.
    pub fn cancel(&self, id: Uuid) {
        if let Some(running) = self.lock().remove(&id) {
            running.task.abort();
        }
    }

    /// The ids of the responses with a registered agent, sorted.
    pub fn running(&self) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = self.lock().keys().copied().collect();
        ids.sort();
        ids
    }

    pub fn stop_all(&self) {
        for (_, running) in self.lock().drain() {
            running.task.abort();
        }
    }
}

/// What the agent needs from the request.
pub struct Job {
    pub id: Uuid,
    pub content: String,
    pub response_format: Value,
}

/// Starts the agent of a response that was just stored as queued.
pub fn spawn(app: &Arc<App>, job: Job) {
    let latency = app.agent_latency();
    let id = job.id;
    // The registry lock is held across the spawn so the task cannot finish (and remove its
    // entry) before the entry exists.
    let mut running = app.agents.lock();
    let task = tokio::spawn(run(app.clone(), job, latency));
    let (changes, _) = watch::channel(0);
    running.insert(
        id,
        Running {
            changes,
            task: task.abort_handle(),
        },
    );
}

fn entry(state: &str, message: &str) -> Value {
    json!({"ts": crate::time::now(), "state": state, "message": message})
}

async fn run(app: Arc<App>, job: Job, latency: Duration) {
    let id = job.id;
    timeline(&app, job, latency).await;
    // However the timeline ended (finished, or stopped because the response was no longer
    // running), the entry goes, which wakes the response's long-polls.
    app.agents.finish(id);
}

async fn timeline(app: &Arc<App>, job: Job, latency: Duration) {
    let start = Instant::now();
    let at = |quarter: u32| start + latency * quarter / 4;
    let chars = job.content.chars().count();

    sleep_until(at(1)).await;
    let mut progress = vec![entry("processing", "Reading the request")];
    if !step(app, job.id, &progress) {
        return;
    }

    sleep_until(at(2)).await;
    let mut searching = entry("tool_call", "Searching local knowledge");
    searching["tool_calls"] = json!([
        {"name": "local_search", "args": {"query": job.content}, "id": "call_1"}
    ]);
    progress.push(searching);
    if !step(app, job.id, &progress) {
        return;
    }

    sleep_until(at(3)).await;
    if let Some(Value::Array(calls)) = progress[1].get_mut("tool_calls") {
        calls.push(json!({"name": "local_summarize", "args": {"chars": chars}, "id": "call_2"}));
    }
    progress.push(entry("processing", "Writing the answer"));
    if !step(app, job.id, &progress) {
        return;
    }

    sleep_until(at(4)).await;
    let outcome = if job.content.contains(FAIL_MARKER) {
        let error = json!({"code": "AGENT_FAILED", "message": "The local agent was asked to fail"});
        app.store
            .response_finish(job.id, "failed", None, &Value::Null, &error)
    } else {
        let answer = format!("Answer to: {}", job.content);
        let structured = structured_for(&job.response_format, &job.content);
        app.store.response_finish(
            job.id,
            "succeeded",
            Some(&answer),
            &structured,
            &Value::Null,
        )
    };
    if let Err(err) = outcome {
        tracing::error!(error = %err, "agent could not store its result");
    }
}

/// Writes one step; `false` when the response is no longer running.
fn step(app: &App, id: Uuid, progress: &[Value]) -> bool {
    let progress = Value::from(progress.to_vec());
    match app.store.response_progress(id, "in_progress", &progress) {
        Ok(true) => {
            app.agents.notify(id);
            true
        }
        Ok(false) => false,
        Err(err) => {
            tracing::error!(error = %err, "agent could not store progress");
            false
        }
    }
}

/// The structured answer for a `response_format`; OpenAI-style wrappers
/// (`{"json_schema": {"schema": ...}}`) are unwrapped first.
fn structured_for(format: &Value, content: &str) -> Value {
    if !format.is_object() {
        return Value::Null;
    }
    let schema = format
        .get("json_schema")
        .and_then(|j| j.get("schema"))
        .or_else(|| {
            let bare = format.get("type").is_none() && format.get("properties").is_none();
            format.get("schema").filter(|s| bare && s.is_object())
        })
        .unwrap_or(format);
    crate::schema::generate(schema, content)
}

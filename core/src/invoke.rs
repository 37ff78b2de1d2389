//! `invoke`: create a response, then long-poll it until it ends, as one call or as a stream
//! of progress entries.
//!
//! No fixed sleep while the server honours `wait`: each read returns the moment the response
//! changes, so the end is noticed within one round trip. A server that answers `wait` at once
//! with nothing new makes the loop fall back to the poll interval.

use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures::stream::{self, BoxStream, Stream, StreamExt};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::models::ResponseStatus;
use crate::models::{AgentConfig, CreateResponse, Message, ProgressEntry, Response};
use crate::options::{CallOptions, Scope};
use crate::Client;

/// What `invoke` sends: a prompt, one message, or a whole conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvokeInput {
    /// One user message.
    Prompt(String),
    /// One message.
    Message(Message),
    /// A conversation.
    Messages(Vec<Message>),
}

impl InvokeInput {
    fn into_messages(self) -> Vec<Message> {
        match self {
            InvokeInput::Prompt(text) => vec![Message::user(text)],
            InvokeInput::Message(message) => vec![message],
            InvokeInput::Messages(messages) => messages,
        }
    }
}

impl From<&str> for InvokeInput {
    fn from(text: &str) -> InvokeInput {
        InvokeInput::Prompt(text.to_owned())
    }
}

impl From<String> for InvokeInput {
    fn from(text: String) -> InvokeInput {
        InvokeInput::Prompt(text)
    }
}

impl From<Message> for InvokeInput {
    fn from(message: Message) -> InvokeInput {
        InvokeInput::Message(message)
    }
}

impl From<Vec<Message>> for InvokeInput {
    fn from(messages: Vec<Message>) -> InvokeInput {
        InvokeInput::Messages(messages)
    }
}

/// How `invoke` runs; every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvokeOptions {
    /// The user (uuid or email); the bound user when `None`.
    pub user_id: Option<String>,
    /// The scope; the client's when `None`.
    pub scope: Option<Scope>,
    /// The thread to continue.
    pub thread_id: Option<String>,
    /// The key of the create request, so that a repeated invoke starts one run.
    pub idempotency_key: Option<String>,
    /// Agent and model settings.
    pub agent_config: Option<AgentConfig>,
    /// A JSON Schema for a structured answer.
    pub response_format: Option<Value>,
    /// How to fill the schema.
    pub response_format_instructions: Option<String>,
    /// Model names to use instead of the defaults.
    pub model_overrides: Option<BTreeMap<String, String>>,
    /// Artifact ids or remote URIs.
    pub files: Option<Vec<String>>,
    /// The pause between reads when the server does not hold them; the client's when `None`.
    pub poll_interval: Option<Duration>,
    /// How long each read asks the server to hold (`?wait=`); the client's when `None`.
    pub wait: Option<Duration>,
    /// The total time to wait for a final status; the client's (5 minutes) when `None`.
    pub deadline: Option<Duration>,
}

impl Client {
    /// Creates a response and returns it once its status is final.
    ///
    /// A failed or cancelled run is returned, not raised: read `status` and `error`. Running
    /// past the deadline is an [`ErrorKind::Timeout`] error carrying the response id.
    ///
    /// ```no_run
    /// # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
    /// use lumnisai::InvokeOptions;
    ///
    /// let user_id = Some("alice@example.com".to_owned());
    /// let options = InvokeOptions { user_id, ..Default::default() };
    /// let response = client.invoke("What's the weather like?", options).await?;
    /// println!("{}", response.output_text.unwrap_or_default());
    /// # Ok(()) }
    /// ```
    pub fn invoke(
        &self,
        input: impl Into<InvokeInput>,
        options: InvokeOptions,
    ) -> impl Future<Output = Result<Response>> + Send + 'static {
        let (client, input) = (self.clone(), input.into());
        async move {
            let mut waiter = Waiter::start(client, input, options).await?;
            loop {
                let response = waiter.read().await?;
                if response.status.is_final() {
                    return Ok(response);
                }
            }
        }
    }

    /// Creates a response and streams its progress: each new entry, a `tool_update` entry with
    /// the new tool calls of an earlier one, then a final entry (`completed` with the output
    /// text, or `failed` or `cancelled`).
    ///
    /// ```no_run
    /// # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
    /// use futures::StreamExt;
    ///
    /// let mut progress = client.invoke_stream("Summarize my notes", Default::default());
    /// while let Some(entry) = progress.next().await {
    ///     let entry = entry?;
    ///     println!("{}: {}", entry.state, entry.message);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn invoke_stream(
        &self,
        input: impl Into<InvokeInput>,
        options: InvokeOptions,
    ) -> InvokeStream {
        let shared = Arc::new(Mutex::new(Shared::default()));
        let (creating, created) = tokio::sync::watch::channel(());
        let start = StreamState::Start(Box::new((self.clone(), input.into(), options, creating)));
        // Fused: a caller (a binding's iterator) may ask again after the end, and gets `None`.
        let inner = stream::unfold((start, shared.clone()), step).fuse().boxed();
        InvokeStream {
            inner,
            handle: InvokeHandle { shared, created },
        }
    }
}

/// The progress of one `invoke`, as a [`Stream`] of entries.
///
/// Dropping it stops reading; the run goes on on the server (cancel it with
/// `client.responses().cancel(id)`).
pub struct InvokeStream {
    inner: BoxStream<'static, Result<ProgressEntry>>,
    handle: InvokeHandle,
}

/// What is known of a stream's run, readable from anywhere while the stream is read
/// elsewhere (a task that owns it): its response id, and its final response.
#[derive(Clone)]
pub struct InvokeHandle {
    shared: Arc<Mutex<Shared>>,
    /// Closed once the create call has finished, or will never be made.
    created: tokio::sync::watch::Receiver<()>,
}

impl InvokeHandle {
    /// The id of the response, once created.
    pub fn response_id(&self) -> Option<String> {
        self.lock().response_id.clone()
    }

    /// The final response, once the stream has read it.
    pub fn response(&self) -> Option<Response> {
        self.lock().response.clone()
    }

    /// Waits until the create call has finished, while the stream is being read, and
    /// returns the response id if the run was created. Returns at once when creation failed
    /// or the stream was dropped first; it never creates the run itself.
    pub async fn created(&self) -> Option<String> {
        let mut created = self.created.clone();
        while created.changed().await.is_ok() {}
        self.response_id()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl std::fmt::Debug for InvokeHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InvokeHandle")
            .field("response_id", &self.response_id())
            .finish()
    }
}

#[derive(Default)]
struct Shared {
    response_id: Option<String>,
    response: Option<Response>,
}

impl InvokeStream {
    /// The next entry, or `None` once the final entry has been given.
    pub async fn next(&mut self) -> Option<Result<ProgressEntry>> {
        StreamExt::next(self).await
    }

    /// The id of the response, once created.
    pub fn response_id(&self) -> Option<String> {
        self.handle.response_id()
    }

    /// The final response, once the stream has ended.
    pub fn response(&self) -> Option<Response> {
        self.handle.response()
    }

    /// A handle on the run's id and final response, for the code that does not own the
    /// stream (say, one that cancels the run while a task reads it).
    pub fn handle(&self) -> InvokeHandle {
        self.handle.clone()
    }
}

impl Stream for InvokeStream {
    type Item = Result<ProgressEntry>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl std::fmt::Debug for InvokeStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InvokeStream")
            .field("response_id", &self.response_id())
            .finish()
    }
}

enum StreamState {
    /// Not created yet; the sender is dropped once the create call has finished.
    Start(
        Box<(
            Client,
            InvokeInput,
            InvokeOptions,
            tokio::sync::watch::Sender<()>,
        )>,
    ),
    Running(Box<Waiter>, Tracker),
    Done,
}

async fn step(
    (state, shared): (StreamState, Arc<Mutex<Shared>>),
) -> Option<(Result<ProgressEntry>, (StreamState, Arc<Mutex<Shared>>))> {
    let (mut waiter, mut tracker) = match state {
        StreamState::Done => return None,
        StreamState::Running(waiter, tracker) => (waiter, tracker),
        StreamState::Start(start) => {
            let (client, input, options, creating) = *start;
            let started = Waiter::start(client, input, options).await;
            if let Ok(waiter) = &started {
                let id = waiter.response_id.clone();
                shared.lock().unwrap_or_else(|p| p.into_inner()).response_id = Some(id);
            }
            drop(creating);
            match started {
                Ok(waiter) => (Box::new(waiter), Tracker::default()),
                Err(err) => return Some((Err(err), (StreamState::Done, shared))),
            }
        }
    };

    loop {
        if let Some(entry) = tracker.queue.pop_front() {
            let next = if tracker.queue.is_empty() && tracker.finished {
                StreamState::Done
            } else {
                StreamState::Running(waiter, tracker)
            };
            return Some((Ok(entry), (next, shared)));
        }
        if tracker.finished {
            return None;
        }
        match waiter.read().await {
            Ok(response) => {
                tracker.observe(&response);
                if response.status.is_final() {
                    shared.lock().unwrap_or_else(|p| p.into_inner()).response = Some(response);
                }
            }
            Err(err) => return Some((Err(err), (StreamState::Done, shared))),
        }
    }
}

/// Turns successive reads of one response into the entries not given yet.
#[derive(Default)]
struct Tracker {
    tool_calls_seen: Vec<usize>,
    queue: VecDeque<ProgressEntry>,
    finished: bool,
}

impl Tracker {
    /// Queues the entries that are new, then one `tool_update` entry for each earlier entry
    /// that gained tool calls, in the official SDKs' order and form.
    fn observe(&mut self, response: &Response) {
        let known = self.tool_calls_seen.len();
        for entry in response.progress.iter().skip(known) {
            let calls = entry.tool_calls.as_ref().map_or(0, Vec::len);
            self.tool_calls_seen.push(calls);
            self.queue.push_back(entry.clone());
        }
        for (entry, seen) in response
            .progress
            .iter()
            .zip(&mut self.tool_calls_seen)
            .take(known)
        {
            let calls = entry.tool_calls.as_deref().unwrap_or_default();
            if calls.len() > *seen {
                self.queue.push_back(tool_update(entry, &calls[*seen..]));
                *seen = calls.len();
            }
        }
        if response.status.is_final() {
            self.queue.push_back(final_entry(response));
            self.finished = true;
        }
    }
}

/// The entry that carries the tool calls an earlier entry gained since it was given.
fn tool_update(entry: &ProgressEntry, calls: &[Value]) -> ProgressEntry {
    const SHOWN: usize = 50;
    let mut about: String = entry.message.chars().take(SHOWN).collect();
    if entry.message.chars().nth(SHOWN).is_some() {
        about.push_str("...");
    }
    ProgressEntry {
        ts: chrono::Utc::now(),
        state: "tool_update".to_owned(),
        message: format!("[Tool calls for: {about}]"),
        output_text: None,
        tool_calls: Some(calls.to_vec()),
    }
}

fn final_entry(response: &Response) -> ProgressEntry {
    let ts = response.completed_at.unwrap_or_else(chrono::Utc::now);
    let (state, message) = match response.status {
        ResponseStatus::Succeeded => ("completed", "Task completed successfully".to_owned()),
        ResponseStatus::Cancelled => ("cancelled", "The response was cancelled".to_owned()),
        _ => {
            let reason = response.error.as_ref().and_then(|e| {
                e.get("message")
                    .and_then(Value::as_str)
                    .or_else(|| e.as_str())
            });
            ("failed", reason.unwrap_or("The response failed").to_owned())
        }
    };
    ProgressEntry {
        ts,
        state: state.to_owned(),
        message,
        output_text: response.output_text.clone(),
        tool_calls: None,
    }
}

/// Reads one response until the deadline, long-polling, and falls back to the poll interval
/// only when the server gives nothing new without holding the request.
struct Waiter {
    client: Client,
    response_id: String,
    deadline: Instant,
    total: Duration,
    wait: Duration,
    poll_interval: Duration,
    last: Option<(ResponseStatus, usize, usize)>,
}

impl Waiter {
    async fn start(client: Client, input: InvokeInput, options: InvokeOptions) -> Result<Waiter> {
        let started = Instant::now();
        let defaults = client.options();
        let total = options.deadline.unwrap_or(defaults.invoke_deadline);
        // Checked here, before the run is created: a run nobody waits for would be left behind.
        if total.is_zero() {
            return Err(Error::validation(
                "the invoke deadline must be longer than zero",
            ));
        }
        let wait = options
            .wait
            .unwrap_or(defaults.long_poll_wait)
            .max(Duration::from_secs(1));
        let poll_interval = options.poll_interval.unwrap_or(defaults.poll_interval);

        let params = CreateResponse {
            messages: input.into_messages(),
            user_id: options.user_id,
            scope: options.scope,
            thread_id: options.thread_id,
            agent_config: options.agent_config,
            response_format: options.response_format,
            response_format_instructions: options.response_format_instructions,
            model_overrides: options.model_overrides,
            files: options.files,
        };
        let creator = match options.idempotency_key {
            Some(key) => client.with_options(CallOptions::new().idempotency_key(key)),
            None => client.clone(),
        };
        // The deadline covers the create call too: a server that never answers it must not
        // hold the caller past the deadline (retries included).
        let created = tokio::time::timeout(total, creator.responses().create(params))
            .await
            .map_err(|_| {
                Error::new(
                    ErrorKind::Timeout,
                    format!("the run was not created within the invoke deadline of {total:?}"),
                )
            })??;
        tracing::debug!(response_id = %created.response_id, "response created");

        Ok(Waiter {
            client,
            response_id: created.response_id.to_string(),
            // A deadline past any clock (`Duration::MAX` for none) is a century away.
            deadline: started
                .checked_add(total)
                .unwrap_or_else(|| started + Duration::from_secs(100 * 365 * 24 * 3600)),
            total,
            wait,
            poll_interval,
            last: None,
        })
    }

    async fn read(&mut self) -> Result<Response> {
        let remaining = self.deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(self.deadline_error());
        }

        let asked = Instant::now();
        let wait = self.wait.min(remaining);
        let responses = self.client.responses();
        let read = responses.get(&self.response_id, Some(wait));
        let response = tokio::time::timeout(remaining, read)
            .await
            .map_err(|_| self.deadline_error())??;

        let calls = response
            .progress
            .iter()
            .map(|e| e.tool_calls.as_ref().map_or(0, Vec::len));
        let signature = (response.status, response.progress.len(), calls.sum());
        let unchanged = self.last == Some(signature);
        self.last = Some(signature);
        if !response.status.is_final() && unchanged && asked.elapsed() < wait / 2 {
            let pause = self
                .poll_interval
                .min(self.deadline.saturating_duration_since(Instant::now()));
            tokio::time::sleep(pause).await;
        }
        Ok(response)
    }

    fn deadline_error(&self) -> Error {
        Error::new(
            ErrorKind::Timeout,
            format!(
                "response {} did not finish within {:?}; it may still be running",
                self.response_id, self.total
            ),
        )
        .with_response_id(self.response_id.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use serde_json::json;

    fn response(status: ResponseStatus, progress: Vec<ProgressEntry>) -> Response {
        serde_json::from_value::<Response>(json!({
            "response_id": "0b6f3b8e-8a8e-4d3a-9a53-1f6f0c7f9c11",
            "thread_id": "7c1f4a52-3d2e-4b8a-9f60-2e5d1c9a7b34",
            "status": status,
            "created_at": Utc::now(),
            "output_text": "done",
        }))
        .map(|r| Response { progress, ..r })
        .unwrap()
    }

    fn entry(message: &str, calls: usize) -> ProgressEntry {
        ProgressEntry {
            ts: Utc::now(),
            state: "processing".into(),
            message: message.into(),
            output_text: None,
            tool_calls: (calls > 0).then(|| (0..calls).map(|i| json!({"id": i})).collect()),
        }
    }

    #[test]
    fn tracker_yields_new_entries_new_tool_calls_then_completed() {
        let mut tracker = Tracker::default();
        tracker.observe(&response(ResponseStatus::InProgress, vec![entry("a", 0)]));
        tracker.observe(&response(
            ResponseStatus::InProgress,
            vec![entry("a", 0), entry("b", 1)],
        ));
        tracker.observe(&response(
            ResponseStatus::InProgress,
            vec![entry("a", 0), entry("b", 1)],
        ));
        tracker.observe(&response(
            ResponseStatus::Succeeded,
            vec![entry("a", 0), entry("b", 2), entry("c", 0)],
        ));
        let got: Vec<_> = tracker
            .queue
            .iter()
            .map(|e| {
                (
                    e.message.clone(),
                    e.tool_calls.as_ref().map(|c| c[0]["id"].clone()),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("a".into(), None),
                ("b".into(), Some(json!(0))),
                ("c".into(), None),
                ("[Tool calls for: b]".into(), Some(json!(1))),
                ("Task completed successfully".into(), None),
            ]
        );
        assert_eq!(tracker.queue.back().unwrap().state, "completed");
        assert_eq!(
            tracker.queue.back().unwrap().output_text.as_deref(),
            Some("done")
        );
        assert!(tracker.finished);
    }

    #[test]
    fn inputs_become_messages() {
        assert_eq!(
            InvokeInput::from("hi").into_messages(),
            vec![Message::user("hi")]
        );
        let many = vec![Message::system("be brief"), Message::user("hi")];
        assert_eq!(InvokeInput::from(many.clone()).into_messages(), many);
    }
}

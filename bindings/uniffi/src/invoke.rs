//! `invoke`: create a response and wait for its end, as one call or as an `InvokeStream`
//! of progress entries.
//!
//! The stream is read by a task on the core's runtime that feeds a small channel; `next()`
//! only receives from it. `cancel()` ends a pending and every later `next()` at once, and
//! stops that task as soon as the run is created: that is the explicit cancel Swift needs,
//! since uniffi does not drop the Rust future when a Swift `Task` is cancelled.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, watch};

use crate::bridge::run;
use crate::client::{LumnisClient, Scope};
use crate::error::LumnisError;
use crate::ints::unsigned_opt;
use crate::json;
use crate::responses::{AgentConfig, Message, ProgressEntry, Response};

/// How `invoke` runs; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct InvokeOptions {
    /// The user (uuid or email); the bound user when unset.
    #[uniffi(default)]
    pub user_id: Option<String>,
    /// The thread to continue; a new one when unset.
    #[uniffi(default)]
    pub thread_id: Option<String>,
    /// The scope; the client's when unset.
    #[uniffi(default)]
    pub scope: Option<Scope>,
    /// Agent and model settings.
    #[uniffi(default)]
    pub agent_config: Option<AgentConfig>,
    /// A JSON Schema (as JSON text) for a structured answer.
    #[uniffi(default)]
    pub response_format_json: Option<String>,
    /// How to fill the schema.
    #[uniffi(default)]
    pub response_format_instructions: Option<String>,
    /// Model names to use instead of the defaults.
    #[uniffi(default)]
    pub model_overrides: Option<HashMap<String, String>>,
    /// File ids or remote URIs (never local paths).
    #[uniffi(default)]
    pub files: Option<Vec<String>>,
    /// The key of the create request, so that a repeated invoke starts one run.
    #[uniffi(default)]
    pub idempotency_key: Option<String>,
    /// The total time to wait for a final status (the deadline), in milliseconds, named as
    /// Node's `maxWaitMs` and Python's `max_wait` (the client's by default: 300,000).
    #[uniffi(default)]
    pub max_wait_ms: Option<i64>,
    /// The pause between reads when the server does not hold them, in milliseconds (the
    /// client's by default: 1,000).
    #[uniffi(default)]
    pub poll_interval_ms: Option<i64>,
    /// How long each read asks the server to hold, in milliseconds (the client's by default:
    /// 10,000).
    #[uniffi(default)]
    pub wait_ms: Option<i64>,
}

impl InvokeOptions {
    fn into_core(self) -> Result<lumnisai::InvokeOptions, LumnisError> {
        Ok(lumnisai::InvokeOptions {
            user_id: self.user_id,
            scope: self.scope.map(Into::into),
            thread_id: self.thread_id,
            idempotency_key: self.idempotency_key,
            agent_config: self.agent_config.map(AgentConfig::into_core).transpose()?,
            response_format: json::parse("responseFormatJson", self.response_format_json)?,
            response_format_instructions: self.response_format_instructions,
            model_overrides: self.model_overrides.map(|m| m.into_iter().collect()),
            files: self.files,
            poll_interval: millis("pollIntervalMs", self.poll_interval_ms)?,
            wait: millis("waitMs", self.wait_ms)?,
            deadline: millis("maxWaitMs", self.max_wait_ms)?,
        })
    }
}

/// An optional duration argument; a negative one is a validation error naming it.
fn millis(name: &str, ms: Option<i64>) -> lumnisai::Result<Option<Duration>> {
    let ms = unsigned_opt(lumnisai::ErrorKind::Validation, name, ms)?;
    Ok(ms.map(Duration::from_millis))
}

fn messages(messages: Vec<Message>) -> lumnisai::InvokeInput {
    lumnisai::InvokeInput::Messages(messages.into_iter().map(Into::into).collect())
}

#[uniffi::export]
impl LumnisClient {
    /// Sends one user message and returns the response once its status is final.
    ///
    /// A failed or cancelled run is returned, not thrown: read `status` and `errorJson`.
    /// Running past `maxWaitMs` throws `Timeout` carrying the response id.
    #[uniffi::method(default(options = None))]
    pub async fn invoke(
        &self,
        prompt: String,
        options: Option<InvokeOptions>,
    ) -> Result<Response, LumnisError> {
        let options = options.unwrap_or_default().into_core()?;
        self.call(|c| async move { c.invoke(prompt, options).await.map(Response::from) })
            .await
    }

    /// As `invoke`, with a whole conversation.
    #[uniffi::method(default(options = None))]
    pub async fn invoke_messages(
        &self,
        messages: Vec<Message>,
        options: Option<InvokeOptions>,
    ) -> Result<Response, LumnisError> {
        let options = options.unwrap_or_default().into_core()?;
        let input = self::messages(messages);
        self.call(|c| async move { c.invoke(input, options).await.map(Response::from) })
            .await
    }

    /// Starts an `invoke` and streams its progress entries, ending with a final entry
    /// (`completed` with the output text, or `failed` or `cancelled`).
    #[uniffi::method(default(options = None))]
    pub fn invoke_stream(
        &self,
        prompt: String,
        options: Option<InvokeOptions>,
    ) -> Result<Arc<InvokeStream>, LumnisError> {
        let options = options.unwrap_or_default().into_core()?;
        Ok(InvokeStream::start(&self.inner, prompt.into(), options))
    }

    /// As `invokeStream`, with a whole conversation.
    #[uniffi::method(default(options = None))]
    pub fn invoke_stream_messages(
        &self,
        messages: Vec<Message>,
        options: Option<InvokeOptions>,
    ) -> Result<Arc<InvokeStream>, LumnisError> {
        let options = options.unwrap_or_default().into_core()?;
        Ok(InvokeStream::start(
            &self.inner,
            self::messages(messages),
            options,
        ))
    }
}

type Item = Result<ProgressEntry, LumnisError>;

/// The progress of one `invoke`. Closing it (or `cancel()`) stops reading; the run goes on
/// on the server until `cancelRun` or `cancelResponse(responseId())`.
#[derive(uniffi::Object)]
pub struct InvokeStream {
    entries: tokio::sync::Mutex<mpsc::Receiver<Item>>,
    run: lumnisai::InvokeHandle,
    cancelled: watch::Sender<bool>,
}

impl InvokeStream {
    fn start(
        client: &lumnisai::Client,
        input: lumnisai::InvokeInput,
        options: lumnisai::InvokeOptions,
    ) -> Arc<InvokeStream> {
        // A few entries of read-ahead: the reader never runs far past a slow consumer.
        let (sender, entries) = mpsc::channel(8);
        let (cancelled, mut stop) = watch::channel(false);
        let mut stream = client.invoke_stream(input, options);
        let run = stream.handle();
        let created = run.clone();
        lumnisai::runtime::handle().spawn(async move {
            // A cancel stops the reader, but never before the create call has finished:
            // dropped in the middle of it, the run could exist with an id nobody learned.
            let stopped = async move {
                let _ = stop.wait_for(|cancelled| *cancelled).await;
                created.created().await
            };
            tokio::pin!(stopped);
            loop {
                let item = tokio::select! {
                    item = stream.next() => item,
                    _ = &mut stopped => break,
                };
                let Some(item) = item else { break };
                let failed = item.is_err();
                let item = item.map(ProgressEntry::from).map_err(LumnisError::from);
                let sent = tokio::select! {
                    sent = sender.send(item) => sent.is_ok(),
                    _ = &mut stopped => false,
                };
                if !sent || failed {
                    break;
                }
            }
        });
        Arc::new(InvokeStream {
            entries: tokio::sync::Mutex::new(entries),
            run,
            cancelled,
        })
    }
}

#[uniffi::export]
impl InvokeStream {
    /// The next entry, or `null` / `nil` once the stream has ended or was cancelled.
    pub async fn next(&self) -> Result<Option<ProgressEntry>, LumnisError> {
        let mut cancelled = self.cancelled.subscribe();
        let mut entries = tokio::select! {
            entries = self.entries.lock() => entries,
            _ = cancelled.wait_for(|cancelled| *cancelled) => return Ok(None),
        };
        let item = tokio::select! {
            item = entries.recv() => item,
            _ = cancelled.wait_for(|cancelled| *cancelled) => return Ok(None),
        };
        if *self.cancelled.borrow() {
            return Ok(None);
        }
        item.transpose()
    }

    /// Stops reading at once: a pending and every later `next()` returns the end. The run
    /// goes on on the server; its id still arrives if it was being created.
    pub fn cancel(&self) {
        self.cancelled.send_replace(true);
    }

    /// The id of the response, once created.
    pub fn response_id(&self) -> Option<String> {
        self.run.response_id()
    }

    /// The final response, once the final entry has been read.
    pub fn response(&self) -> Option<Response> {
        self.run.response().map(Response::from)
    }

    /// Stops reading and cancels the run on the server too, waiting for the run to be
    /// created first when it was being created. `false` when there is no run to cancel
    /// (its creation failed).
    pub async fn cancel_run(&self, client: Arc<LumnisClient>) -> Result<bool, LumnisError> {
        self.cancel();
        let created = self.run.clone();
        let inner = client.inner.clone();
        run(async move {
            let Some(id) = created.created().await else {
                return Ok(false);
            };
            inner.responses().cancel(&id).await.map(|_| true)
        })
        .await
    }
}

impl Drop for InvokeStream {
    fn drop(&mut self) {
        self.cancelled.send_replace(true);
    }
}

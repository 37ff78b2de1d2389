//! Responses: agent runs, their progress, the messages and agent settings they are made
//! from, and the calls that create, read, cancel, list and annotate them.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use lumnisai::ErrorKind::Validation;
use serde_json::Value;

use crate::client::{LumnisClient, Scope};
use crate::error::LumnisError;
use crate::ints::{int, long, unsigned, unsigned_opt};
use crate::json;

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Role {
    /// Instructions for the agent.
    System,
    /// The end user.
    User,
    /// The agent.
    Assistant,
    /// A role this version does not know, from a newer server; refused in a new run.
    Unknown,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Message {
    /// Who wrote it.
    pub role: Role,
    /// What it says.
    pub content: String,
}

impl From<Message> for lumnisai::Message {
    fn from(m: Message) -> lumnisai::Message {
        let role = match m.role {
            Role::System => lumnisai::Role::System,
            Role::User => lumnisai::Role::User,
            Role::Assistant => lumnisai::Role::Assistant,
            Role::Unknown => lumnisai::Role::Unknown,
        };
        lumnisai::Message {
            role,
            content: m.content,
        }
    }
}

impl From<lumnisai::Message> for Message {
    fn from(m: lumnisai::Message) -> Message {
        let role = match m.role {
            lumnisai::Role::System => Role::System,
            lumnisai::Role::User => Role::User,
            lumnisai::Role::Assistant => Role::Assistant,
            _ => Role::Unknown,
        };
        Message {
            role,
            content: m.content,
        }
    }
}

/// The state of a response; `Succeeded`, `Failed` and `Cancelled` are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ResponseStatus {
    /// Created, not started.
    Queued,
    /// Running.
    InProgress,
    /// Ended with an answer.
    Succeeded,
    /// Ended with an error (an answer, not a client error).
    Failed,
    /// Stopped by a cancel.
    Cancelled,
    /// A status this version does not know, from a newer server; not final.
    Unknown,
}

impl From<lumnisai::ResponseStatus> for ResponseStatus {
    fn from(s: lumnisai::ResponseStatus) -> ResponseStatus {
        match s {
            lumnisai::ResponseStatus::Queued => ResponseStatus::Queued,
            lumnisai::ResponseStatus::InProgress => ResponseStatus::InProgress,
            lumnisai::ResponseStatus::Succeeded => ResponseStatus::Succeeded,
            lumnisai::ResponseStatus::Failed => ResponseStatus::Failed,
            lumnisai::ResponseStatus::Cancelled => ResponseStatus::Cancelled,
            _ => ResponseStatus::Unknown,
        }
    }
}

impl From<ResponseStatus> for lumnisai::ResponseStatus {
    fn from(s: ResponseStatus) -> lumnisai::ResponseStatus {
        match s {
            ResponseStatus::Queued => lumnisai::ResponseStatus::Queued,
            ResponseStatus::InProgress => lumnisai::ResponseStatus::InProgress,
            ResponseStatus::Succeeded => lumnisai::ResponseStatus::Succeeded,
            ResponseStatus::Failed => lumnisai::ResponseStatus::Failed,
            ResponseStatus::Cancelled => lumnisai::ResponseStatus::Cancelled,
            ResponseStatus::Unknown => lumnisai::ResponseStatus::Unknown,
        }
    }
}

/// The wire name of a status (`succeeded`, `in_progress`, ...).
#[uniffi::export]
pub fn response_status_name(status: ResponseStatus) -> String {
    lumnisai::ResponseStatus::from(status).as_str().to_owned()
}

/// One step of an agent run.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgressEntry {
    /// When the step happened.
    pub ts: SystemTime,
    /// The agent's state at that step (`processing`, `tool_call`, `completed`, ...).
    pub state: String,
    /// What the agent is doing.
    pub message: String,
    /// The answer, on the final entry.
    pub output_text: Option<String>,
    /// The tool calls of this step, each as JSON text.
    pub tool_calls_json: Option<Vec<String>>,
}

impl From<lumnisai::ProgressEntry> for ProgressEntry {
    fn from(e: lumnisai::ProgressEntry) -> ProgressEntry {
        ProgressEntry {
            ts: json::time(e.ts),
            state: e.state,
            message: e.message,
            output_text: e.output_text,
            tool_calls_json: e
                .tool_calls
                .map(|calls| calls.iter().map(Value::to_string).collect()),
        }
    }
}

/// An agent run, as read back.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Response {
    /// The response's id.
    pub response_id: String,
    /// The thread it belongs to.
    pub thread_id: String,
    /// The tenant it belongs to.
    pub tenant_id: Option<String>,
    /// The user it was made for.
    pub user_id: Option<String>,
    /// Where the run stands.
    pub status: ResponseStatus,
    /// The steps so far.
    pub progress: Vec<ProgressEntry>,
    /// The messages the run was given.
    pub input_messages: Vec<Message>,
    /// The answer, once succeeded.
    pub output_text: Option<String>,
    /// The answer as JSON text, when a response format was given.
    pub structured_response_json: Option<String>,
    /// What the run produced, as JSON text.
    pub artifacts_json: Option<String>,
    /// Why the run failed, as JSON text.
    pub error_json: Option<String>,
    /// The options the run was made with, as JSON text.
    pub options_json: Option<String>,
    /// A short title.
    pub response_title: Option<String>,
    /// When it was created.
    pub created_at: SystemTime,
    /// When it ended.
    pub completed_at: Option<SystemTime>,
}

impl From<lumnisai::Response> for Response {
    fn from(r: lumnisai::Response) -> Response {
        Response {
            response_id: r.response_id.to_string(),
            thread_id: r.thread_id.to_string(),
            tenant_id: json::id_opt(r.tenant_id),
            user_id: json::id_opt(r.user_id),
            status: r.status.into(),
            progress: r.progress.into_iter().map(ProgressEntry::from).collect(),
            input_messages: r.input_messages.into_iter().map(Message::from).collect(),
            output_text: r.output_text,
            structured_response_json: json::text(r.structured_response),
            artifacts_json: json::text(r.artifacts),
            error_json: json::text(r.error),
            options_json: json::text(r.options),
            response_title: r.response_title,
            created_at: json::time(r.created_at),
            completed_at: json::time_opt(r.completed_at),
        }
    }
}

/// The answer to a create call.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CreatedResponse {
    /// The new response's id.
    pub response_id: String,
    /// Its thread (new unless one was given).
    pub thread_id: String,
    /// Its first status, `Queued`.
    pub status: ResponseStatus,
    /// The tenant.
    pub tenant_id: Option<String>,
    /// When it was created.
    pub created_at: Option<SystemTime>,
}

impl From<lumnisai::CreatedResponse> for CreatedResponse {
    fn from(c: lumnisai::CreatedResponse) -> CreatedResponse {
        CreatedResponse {
            response_id: c.response_id.to_string(),
            thread_id: c.thread_id.to_string(),
            status: c.status.into(),
            tenant_id: json::id_opt(c.tenant_id),
            created_at: json::time_opt(c.created_at),
        }
    }
}

/// The answer to a cancel call.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CancelResult {
    /// The status after the cancel.
    pub status: String,
    /// What the server said.
    pub message: Option<String>,
}

/// One page of responses, newest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ResponseList {
    /// The responses of this page.
    pub responses: Vec<Response>,
    /// How many match in all.
    pub total: i64,
    /// The page size asked for.
    pub limit: i32,
    /// How many were skipped.
    pub offset: i64,
}

/// Which agent, models and features a run uses; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct AgentConfig {
    /// SMART_MODEL, REASONING_MODEL, VISION_MODEL, CHEAP_MODEL or FAST_MODEL.
    #[uniffi(default)]
    pub orchestrator_model_type: Option<String>,
    /// As `orchestratorModelType`.
    #[uniffi(default)]
    pub planner_model_type: Option<String>,
    /// As `orchestratorModelType`.
    #[uniffi(default)]
    pub coordinator_model_type: Option<String>,
    /// A model name such as `openai:gpt-4.1`.
    #[uniffi(default)]
    pub orchestrator_model_name: Option<String>,
    /// A model name.
    #[uniffi(default)]
    pub planner_model_name: Option<String>,
    /// A model name.
    #[uniffi(default)]
    pub coordinator_model_name: Option<String>,
    /// A model name.
    #[uniffi(default)]
    pub final_response_model_name: Option<String>,
    /// Whether the agent may use cognitive tools.
    #[uniffi(default)]
    pub use_cognitive_tools: Option<bool>,
    /// Whether tasks are validated.
    #[uniffi(default)]
    pub enable_task_validation: Option<bool>,
    /// Whether the output is comprehensive.
    #[uniffi(default)]
    pub generate_comprehensive_output: Option<bool>,
    /// `auto`, `single_agent` or `multi_agent`.
    #[uniffi(default)]
    pub agent_mode: Option<String>,
    /// Skills to enable.
    #[uniffi(default)]
    pub skill_ids: Option<Vec<String>>,
    /// Fields this version does not know yet, as a JSON object, sent verbatim.
    #[uniffi(default)]
    pub extra_json: Option<String>,
}

impl AgentConfig {
    pub(crate) fn into_core(self) -> Result<lumnisai::AgentConfig, LumnisError> {
        let extra = match json::parse("agent_config.extra_json", self.extra_json)? {
            None => serde_json::Map::new(),
            Some(Value::Object(map)) => map,
            Some(_) => {
                return Err(validation("agent_config.extra_json must be a JSON object"));
            }
        };
        Ok(lumnisai::AgentConfig {
            orchestrator_model_type: self.orchestrator_model_type,
            planner_model_type: self.planner_model_type,
            coordinator_model_type: self.coordinator_model_type,
            orchestrator_model_name: self.orchestrator_model_name,
            planner_model_name: self.planner_model_name,
            coordinator_model_name: self.coordinator_model_name,
            final_response_model_name: self.final_response_model_name,
            use_cognitive_tools: self.use_cognitive_tools,
            enable_task_validation: self.enable_task_validation,
            generate_comprehensive_output: self.generate_comprehensive_output,
            agent_mode: self.agent_mode,
            skill_ids: self.skill_ids,
            extra,
        })
    }
}

pub(crate) fn validation(message: &str) -> LumnisError {
    lumnisai::Error::new(Validation, message).into()
}

/// Everything a new response is made from, besides its messages.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct CreateResponseParams {
    /// The user (uuid or email); the bound user when unset.
    #[uniffi(default)]
    pub user_id: Option<String>,
    /// The scope; the client's when unset.
    #[uniffi(default)]
    pub scope: Option<Scope>,
    /// The thread to continue; a new one when unset.
    #[uniffi(default)]
    pub thread_id: Option<String>,
    /// Agent and model settings.
    #[uniffi(default)]
    pub agent_config: Option<AgentConfig>,
    /// A JSON Schema (as JSON text) the answer must follow.
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
}

/// Which responses to list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ListResponsesParams {
    /// Only this user's (uuid or email); the bound user when unset.
    #[uniffi(default)]
    pub user_id: Option<String>,
    /// Only responses in this status.
    #[uniffi(default)]
    pub status: Option<ResponseStatus>,
    /// Only responses created at or after this time.
    #[uniffi(default)]
    pub start_date: Option<SystemTime>,
    /// Only responses created before this time.
    #[uniffi(default)]
    pub end_date: Option<SystemTime>,
    /// Responses per page, 1 to 100.
    #[uniffi(default = 50)]
    pub limit: i32,
    /// How many to skip.
    #[uniffi(default = 0)]
    pub offset: i64,
}

/// The kind of a feedback note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FeedbackType {
    /// A suggestion.
    Suggestion,
    /// A correction.
    Correction,
    /// Guidance.
    Guidance,
}

/// Feedback on a running or finished response.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedbackParams {
    /// What the feedback says.
    pub feedback_text: String,
    /// Its kind; a suggestion when unset, as in Python and Node.
    #[uniffi(default)]
    pub feedback_type: Option<FeedbackType>,
    /// Who gives it; the bound user when unset.
    #[uniffi(default)]
    pub user_id: Option<String>,
    /// The progress entry it is about.
    #[uniffi(default)]
    pub progress_id: Option<String>,
    /// The tool call it is about.
    #[uniffi(default)]
    pub tool_call_id: Option<String>,
    /// New arguments for that tool call, as JSON text.
    #[uniffi(default)]
    pub tool_args_update_json: Option<String>,
}

/// The answer to a feedback call.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedbackCreated {
    /// The feedback's id.
    pub feedback_id: String,
    /// When it was stored.
    pub created_at: Option<SystemTime>,
}

/// One piece of feedback on a response.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Feedback {
    /// The feedback's id.
    pub feedback_id: String,
    /// The response it is on.
    pub response_id: String,
    /// The tenant, when the server names it.
    pub tenant_id: Option<String>,
    /// Who gave it.
    pub user_id: Option<String>,
    /// What it says.
    pub feedback_text: String,
    /// `suggestion`, `correction` or `guidance` (text: a kind the server adds later reads).
    pub feedback_type: String,
    /// The progress entry it is about.
    pub progress_id: Option<String>,
    /// The tool call it is about.
    pub tool_call_id: Option<String>,
    /// New arguments for that tool call, as JSON text.
    pub tool_args_update_json: Option<String>,
    /// Whether the agent has read it.
    pub is_consumed: bool,
    /// When the agent read it.
    pub consumed_at: Option<SystemTime>,
    /// When it was given.
    pub created_at: Option<SystemTime>,
}

/// The feedback on a response, or on one step of it (`progressIdFilter`), with its counts.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedbackList {
    /// The response.
    pub response_id: String,
    /// The step the list is narrowed to, when one was asked for.
    pub progress_id_filter: Option<String>,
    /// How many pieces are listed.
    pub total_feedback: i64,
    /// How many of them the agent has read.
    pub consumed_count: i64,
    /// How many it has not.
    pub unconsumed_count: i64,
    /// The feedback, oldest first.
    pub feedback: Vec<Feedback>,
    /// The server's note on what the list holds, if it sent one.
    pub note: Option<String>,
}

impl From<lumnisai::FeedbackList> for FeedbackList {
    fn from(l: lumnisai::FeedbackList) -> FeedbackList {
        let feedback = l.feedback.into_iter().map(|f| Feedback {
            feedback_id: f.feedback_id.to_string(),
            response_id: f.response_id.to_string(),
            tenant_id: json::id_opt(f.tenant_id),
            user_id: json::id_opt(f.user_id),
            feedback_text: f.feedback_text,
            feedback_type: f.feedback_type,
            progress_id: f.progress_id,
            tool_call_id: f.tool_call_id,
            tool_args_update_json: json::text(f.tool_args_update),
            is_consumed: f.is_consumed,
            consumed_at: json::time_opt(f.consumed_at),
            created_at: json::time_opt(f.created_at),
        });
        FeedbackList {
            response_id: l.response_id.to_string(),
            progress_id_filter: l.progress_id_filter,
            total_feedback: long(l.total_feedback),
            consumed_count: long(l.consumed_count),
            unconsumed_count: long(l.unconsumed_count),
            feedback: feedback.collect(),
            note: l.note,
        }
    }
}

#[uniffi::export]
impl LumnisClient {
    /// Starts an agent run and returns at once; read it with `getResponse` or use `invoke`.
    #[uniffi::method(default(params = None))]
    pub async fn create_response(
        &self,
        messages: Vec<Message>,
        params: Option<CreateResponseParams>,
    ) -> Result<CreatedResponse, LumnisError> {
        let p = params.unwrap_or_default();
        let create = lumnisai::CreateResponse {
            messages: messages.into_iter().map(Into::into).collect(),
            user_id: p.user_id,
            scope: p.scope.map(Into::into),
            thread_id: p.thread_id,
            agent_config: p.agent_config.map(AgentConfig::into_core).transpose()?,
            response_format: json::parse("responseFormatJson", p.response_format_json)?,
            response_format_instructions: p.response_format_instructions,
            model_overrides: p.model_overrides.map(|m| m.into_iter().collect()),
            files: p.files,
        };
        self.call(|c| async move {
            c.responses()
                .create(create)
                .await
                .map(CreatedResponse::from)
        })
        .await
    }

    /// The response with this id; with `waitMs`, the server holds the read until it changes.
    #[uniffi::method(default(wait_ms = None))]
    pub async fn get_response(
        &self,
        response_id: String,
        wait_ms: Option<i64>,
    ) -> Result<Response, LumnisError> {
        let wait = unsigned_opt(Validation, "waitMs", wait_ms)?.map(Duration::from_millis);
        self.call(|c| async move {
            c.responses()
                .get(&response_id, wait)
                .await
                .map(Response::from)
        })
        .await
    }

    /// Cancels a running response.
    pub async fn cancel_response(&self, response_id: String) -> Result<CancelResult, LumnisError> {
        self.call(|c| async move {
            let r = c.responses().cancel(&response_id).await?;
            Ok(CancelResult {
                status: r.status,
                message: r.message,
            })
        })
        .await
    }

    /// One page of responses (50 by default), newest first.
    #[uniffi::method(default(params = None))]
    pub async fn list_responses(
        &self,
        params: Option<ListResponsesParams>,
    ) -> Result<ResponseList, LumnisError> {
        let params = match params {
            None => lumnisai::ListResponses::default(),
            Some(p) => lumnisai::ListResponses {
                user_id: p.user_id,
                status: p.status.map(Into::into),
                start_date: p.start_date.map(Into::into),
                end_date: p.end_date.map(Into::into),
                limit: unsigned(Validation, "limit", p.limit)?,
                offset: unsigned(Validation, "offset", p.offset)?,
            },
        };
        self.call(|c| async move {
            let list = c.responses().list(params).await?;
            Ok(ResponseList {
                responses: list.responses.into_iter().map(Response::from).collect(),
                total: long(list.total),
                limit: int(list.limit),
                offset: long(list.offset),
            })
        })
        .await
    }

    /// What a response produced, as JSON text.
    #[uniffi::method(default(limit = 50, offset = 0))]
    pub async fn get_response_artifacts(
        &self,
        response_id: String,
        limit: i32,
        offset: i64,
    ) -> Result<String, LumnisError> {
        let limit = unsigned(Validation, "limit", limit)?;
        let offset = unsigned(Validation, "offset", offset)?;
        self.call(|c| async move {
            let artifacts = c.responses().artifacts(&response_id, limit, offset).await?;
            Ok(artifacts.to_string())
        })
        .await
    }

    /// Gives feedback on a response.
    pub async fn create_feedback(
        &self,
        response_id: String,
        feedback: FeedbackParams,
    ) -> Result<FeedbackCreated, LumnisError> {
        let feedback_type = match feedback.feedback_type {
            None | Some(FeedbackType::Suggestion) => lumnisai::FeedbackType::Suggestion,
            Some(FeedbackType::Correction) => lumnisai::FeedbackType::Correction,
            Some(FeedbackType::Guidance) => lumnisai::FeedbackType::Guidance,
        };
        let update = json::parse("toolArgsUpdateJson", feedback.tool_args_update_json)?;
        let create = lumnisai::CreateFeedback {
            feedback_text: feedback.feedback_text,
            feedback_type,
            user_id: feedback.user_id,
            progress_id: feedback.progress_id,
            tool_call_id: feedback.tool_call_id,
            tool_args_update: update,
        };
        self.call(|c| async move {
            let created = c.responses().create_feedback(&response_id, create).await?;
            Ok(FeedbackCreated {
                feedback_id: created.feedback_id.to_string(),
                created_at: json::time_opt(created.created_at),
            })
        })
        .await
    }

    /// The feedback given on a response; with `progressId`, only that step's.
    #[uniffi::method(default(progress_id = None))]
    pub async fn list_feedback(
        &self,
        response_id: String,
        progress_id: Option<String>,
    ) -> Result<FeedbackList, LumnisError> {
        self.call(|c| async move {
            let listed = c
                .responses()
                .list_feedback(&response_id, progress_id.as_deref());
            Ok(FeedbackList::from(listed.await?))
        })
        .await
    }
}

//! Responses: agent runs, their progress, and the parameters that start them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::null_default;
use crate::options::Scope;

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Role {
    /// Instructions for the agent.
    System,
    /// The end user.
    User,
    /// The agent.
    Assistant,
    /// A role this client does not know, read from a newer server in a response's input
    /// messages (see [`Response::input_messages`]); never sent, never parsed from a caller.
    #[serde(skip_deserializing)]
    Unknown,
}

impl std::str::FromStr for Role {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Role> {
        match s {
            "system" => Ok(Role::System),
            "user" => Ok(Role::User),
            "assistant" => Ok(Role::Assistant),
            _ => Err(crate::Error::validation(format!(
                "role must be \"system\", \"user\" or \"assistant\", not {s:?}"
            ))),
        }
    }
}

impl Role {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::System => "system",
            Role::User => "user",
            Role::Unknown => "unknown",
            Role::Assistant => "assistant",
        }
    }
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Who wrote it.
    pub role: Role,
    /// What it says.
    pub content: String,
}

impl Message {
    /// A message from the user.
    pub fn user(content: impl Into<String>) -> Message {
        Message {
            role: Role::User,
            content: content.into(),
        }
    }

    /// A system message.
    pub fn system(content: impl Into<String>) -> Message {
        Message {
            role: Role::System,
            content: content.into(),
        }
    }
}

/// The state of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
    /// A status this client does not know, from a newer server: read as not final, so that
    /// `invoke` waits on instead of failing to read the response at all.
    #[serde(other)]
    Unknown,
}

impl ResponseStatus {
    /// Whether the status will not change any more.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ResponseStatus::Succeeded | ResponseStatus::Failed | ResponseStatus::Cancelled
        )
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ResponseStatus::Queued => "queued",
            ResponseStatus::InProgress => "in_progress",
            ResponseStatus::Succeeded => "succeeded",
            ResponseStatus::Failed => "failed",
            ResponseStatus::Cancelled => "cancelled",
            ResponseStatus::Unknown => "unknown",
        }
    }
}

impl std::str::FromStr for ResponseStatus {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<ResponseStatus> {
        match serde_json::from_value(Value::String(s.to_owned())) {
            Ok(ResponseStatus::Unknown) | Err(_) => Err(crate::Error::validation(format!(
                "unknown response status {s:?} (known: queued, in_progress, succeeded, failed, \
                 cancelled)"
            ))),
            Ok(status) => Ok(status),
        }
    }
}

/// One step of an agent run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProgressEntry {
    /// When the step happened.
    pub ts: DateTime<Utc>,
    /// The agent's state at that step.
    pub state: String,
    /// What the agent is doing.
    #[serde(default, deserialize_with = "null_default")]
    pub message: String,
    /// The answer so far, on the final entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_text: Option<String>,
    /// The tool calls of this step, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<Value>>,
}

/// An agent run, as read back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Response {
    /// The response's id.
    pub response_id: Uuid,
    /// The thread it belongs to: every run has one.
    pub thread_id: Uuid,
    /// The tenant it belongs to.
    #[serde(default)]
    pub tenant_id: Option<Uuid>,
    /// The user it was made for.
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// Where the run stands.
    pub status: ResponseStatus,
    /// The steps so far.
    #[serde(default, deserialize_with = "null_default")]
    pub progress: Vec<ProgressEntry>,
    /// The messages the run was given; a role this client does not know reads as
    /// [`Role::Unknown`].
    #[serde(default, deserialize_with = "read_messages")]
    pub input_messages: Vec<Message>,
    /// The answer, once succeeded.
    #[serde(default)]
    pub output_text: Option<String>,
    /// The answer as JSON, when a `response_format` was given.
    #[serde(default)]
    pub structured_response: Option<Value>,
    /// What the run produced, verbatim.
    #[serde(default)]
    pub artifacts: Option<Value>,
    /// Why the run failed, verbatim.
    #[serde(default)]
    pub error: Option<Value>,
    /// The options the run was made with, verbatim.
    #[serde(default)]
    pub options: Option<Value>,
    /// A short title.
    #[serde(default)]
    pub response_title: Option<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it ended.
    #[serde(default)]
    pub completed_at: Option<DateTime<Utc>>,
}

/// Reads a response's messages (or null), a role from a newer server as [`Role::Unknown`]
/// rather than a failure to read the whole response.
fn read_messages<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Message>, D::Error> {
    #[derive(Deserialize)]
    struct Read {
        role: String,
        #[serde(default)]
        content: String,
    }
    let read: Option<Vec<Read>> = Option::deserialize(de)?;
    let messages = read.unwrap_or_default().into_iter().map(|m| Message {
        role: m.role.parse().unwrap_or(Role::Unknown),
        content: m.content,
    });
    Ok(messages.collect())
}

/// The answer to a create call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedResponse {
    /// The new response's id.
    pub response_id: Uuid,
    /// Its thread (new unless one was given).
    pub thread_id: Uuid,
    /// Its first status, `queued`.
    pub status: ResponseStatus,
    /// The tenant.
    #[serde(default)]
    pub tenant_id: Option<Uuid>,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
}

/// The answer to a cancel call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CancelResult {
    /// The status after the cancel.
    pub status: String,
    /// What the server said.
    #[serde(default)]
    pub message: Option<String>,
}

/// One page of responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponseList {
    /// The responses of this page, newest first.
    #[serde(default, deserialize_with = "null_default")]
    pub responses: Vec<Response>,
    /// How many match in all.
    #[serde(default)]
    pub total: u64,
    /// The page size asked for.
    #[serde(default)]
    pub limit: u32,
    /// How many were skipped.
    #[serde(default)]
    pub offset: u64,
}

/// Which agent, models and features a run uses; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AgentConfig {
    /// SMART_MODEL, REASONING_MODEL, VISION_MODEL, CHEAP_MODEL or FAST_MODEL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orchestrator_model_type: Option<String>,
    /// As `orchestrator_model_type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planner_model_type: Option<String>,
    /// As `orchestrator_model_type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator_model_type: Option<String>,
    /// A model name such as `openai:gpt-4.1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orchestrator_model_name: Option<String>,
    /// A model name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planner_model_name: Option<String>,
    /// A model name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator_model_name: Option<String>,
    /// A model name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_response_model_name: Option<String>,
    /// Whether the agent may use cognitive tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_cognitive_tools: Option<bool>,
    /// Whether tasks are validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_task_validation: Option<bool>,
    /// Whether the output is comprehensive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate_comprehensive_output: Option<bool>,
    /// `auto`, `single_agent` or `multi_agent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_mode: Option<String>,
    /// Skills to enable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill_ids: Option<Vec<String>>,
    /// Fields this version does not know yet, sent verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

const MODEL_TYPES: [&str; 5] = [
    "SMART_MODEL",
    "REASONING_MODEL",
    "VISION_MODEL",
    "CHEAP_MODEL",
    "FAST_MODEL",
];
const AGENT_MODES: [&str; 3] = ["auto", "single_agent", "multi_agent"];

impl AgentConfig {
    /// Checks the enumerated fields against the values the API takes.
    pub fn validate(&self) -> crate::Result<()> {
        let types = [
            ("orchestrator_model_type", &self.orchestrator_model_type),
            ("planner_model_type", &self.planner_model_type),
            ("coordinator_model_type", &self.coordinator_model_type),
        ];
        for (field, value) in types {
            if let Some(value) = value {
                if !MODEL_TYPES.contains(&value.as_str()) {
                    return Err(crate::Error::validation(format!(
                        "agent_config.{field} must be one of {}, not {value:?}",
                        MODEL_TYPES.join(", ")
                    )));
                }
            }
        }
        if let Some(mode) = &self.agent_mode {
            if !AGENT_MODES.contains(&mode.as_str()) {
                return Err(crate::Error::validation(format!(
                    "agent_config.agent_mode must be one of {}, not {mode:?}",
                    AGENT_MODES.join(", ")
                )));
            }
        }
        Ok(())
    }
}

/// Everything a new response is made from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateResponse {
    /// The conversation so far; at least one message.
    pub messages: Vec<Message>,
    /// The user (uuid or email); the bound user when `None`.
    pub user_id: Option<String>,
    /// The scope; the client's when `None`.
    pub scope: Option<Scope>,
    /// The thread to continue; a new one when `None`.
    pub thread_id: Option<String>,
    /// Agent and model settings.
    pub agent_config: Option<AgentConfig>,
    /// A JSON Schema the answer must follow, sent verbatim.
    pub response_format: Option<Value>,
    /// How to fill the schema.
    pub response_format_instructions: Option<String>,
    /// Model names to use instead of the defaults.
    pub model_overrides: Option<BTreeMap<String, String>>,
    /// Artifact ids or remote URIs the agent may read; never local paths.
    pub files: Option<Vec<String>>,
}

impl CreateResponse {
    /// A response to one user message.
    pub fn new(prompt: impl Into<String>) -> CreateResponse {
        CreateResponse {
            messages: vec![Message::user(prompt)],
            ..CreateResponse::default()
        }
    }
}

/// The wire body of a create call, after scoping has been applied.
#[derive(Debug, Serialize)]
pub(crate) struct CreateResponseBody<'a> {
    pub messages: &'a [Message],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_config: Option<&'a AgentConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_format: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_format_instructions: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_overrides: Option<&'a BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub files: Option<&'a [String]>,
}

/// Which responses to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListResponses {
    /// Only this user's (uuid or email); the bound user when `None`.
    pub user_id: Option<String>,
    /// Only responses in this status.
    pub status: Option<ResponseStatus>,
    /// Only responses created at or after this time (see [`ListResponses::parse_start`]).
    pub start_date: Option<DateTime<Utc>>,
    /// Only responses created at or before this time (see [`ListResponses::parse_end`]).
    pub end_date: Option<DateTime<Utc>>,
    /// Responses per page.
    pub limit: u32,
    /// How many to skip.
    pub offset: u64,
}

impl Default for ListResponses {
    fn default() -> ListResponses {
        ListResponses {
            user_id: None,
            status: None,
            start_date: None,
            end_date: None,
            limit: 50,
            offset: 0,
        }
    }
}

impl ListResponses {
    /// A start bound from text: an RFC 3339 date-time, one with no zone (read as UTC), or a
    /// date alone (`2026-12-04`), which starts at its midnight UTC.
    pub fn parse_start(text: &str) -> crate::Result<DateTime<Utc>> {
        date_bound(text, NaiveTime::MIN)
    }

    /// An end bound from text: as [`ListResponses::parse_start`], but a date alone ends with
    /// its last microsecond UTC, so that the whole day is in, as the API reads
    /// `end_date=2026-12-04` from the official SDKs.
    pub fn parse_end(text: &str) -> crate::Result<DateTime<Utc>> {
        let last = NaiveTime::from_hms_micro_opt(23, 59, 59, 999_999).unwrap_or(NaiveTime::MIN);
        date_bound(text, last)
    }
}

fn date_bound(text: &str, time_of_a_day: NaiveTime) -> crate::Result<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    // No zone is UTC, as the API (pydantic) reads the official SDKs' zone-less text.
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return Ok(at.and_utc());
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(day) => Ok(day.and_time(time_of_a_day).and_utc()),
        Err(_) => Err(crate::Error::validation(format!(
            "expected a date (2020-01-01) or a date-time (2020-01-01T12:00:00Z), not {text:?}"
        ))),
    }
}

/// The kind of a feedback note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedbackType {
    /// A suggestion.
    Suggestion,
    /// A correction.
    Correction,
    /// Guidance.
    Guidance,
}

impl std::str::FromStr for FeedbackType {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<FeedbackType> {
        serde_json::from_value(Value::String(s.to_owned())).map_err(|_| {
            crate::Error::validation(format!(
                "feedback_type must be suggestion, correction or guidance, not {s:?}"
            ))
        })
    }
}

/// Feedback on a running or finished response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateFeedback {
    /// What the feedback says.
    pub feedback_text: String,
    /// Its kind.
    pub feedback_type: FeedbackType,
    /// Who gives it; the bound user when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The progress entry it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress_id: Option<String>,
    /// The tool call it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<String>,
    /// New arguments for that tool call, verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_args_update: Option<Value>,
}

/// The answer to a feedback call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FeedbackCreated {
    /// The feedback's id.
    pub feedback_id: Uuid,
    /// When it was stored.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
}

/// One piece of feedback on a run, as the server lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Feedback {
    /// The feedback's id.
    pub feedback_id: Uuid,
    /// The run it is on.
    pub response_id: Uuid,
    /// The tenant, when the server names it.
    #[serde(default)]
    pub tenant_id: Option<Uuid>,
    /// Who gave it.
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// What it says.
    pub feedback_text: String,
    /// Its kind: `suggestion`, `correction` or `guidance` (text, so that a kind the server
    /// adds later still reads).
    pub feedback_type: String,
    /// The progress entry it is about.
    #[serde(default)]
    pub progress_id: Option<String>,
    /// The tool call it is about.
    #[serde(default)]
    pub tool_call_id: Option<String>,
    /// New arguments for that tool call, verbatim.
    #[serde(default)]
    pub tool_args_update: Option<Value>,
    /// Whether the agent has read it.
    #[serde(default)]
    pub is_consumed: bool,
    /// When the agent read it.
    #[serde(default)]
    pub consumed_at: Option<DateTime<Utc>>,
    /// When it was given.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
}

/// The feedback on a run, or on one of its steps, with its counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FeedbackList {
    /// The run.
    pub response_id: Uuid,
    /// The step the list is narrowed to, when one was asked for.
    #[serde(default)]
    pub progress_id_filter: Option<String>,
    /// How many pieces are listed.
    pub total_feedback: u64,
    /// How many of them the agent has read.
    pub consumed_count: u64,
    /// How many it has not.
    pub unconsumed_count: u64,
    /// The feedback, oldest first.
    pub feedback: Vec<Feedback>,
    /// The server's note on what the list holds, if it sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The list as the server sends it: the counts may be missing.
#[derive(Deserialize)]
pub(crate) struct FeedbackListWire {
    response_id: Uuid,
    #[serde(default)]
    total_feedback: Option<u64>,
    #[serde(default)]
    consumed_count: Option<u64>,
    #[serde(default)]
    feedback: Vec<Feedback>,
    #[serde(default)]
    note: Option<String>,
}

impl FeedbackListWire {
    /// The list narrowed to one step's feedback when `progress_id` is given (ids compared
    /// without case), counted here when narrowed or when the server sent no counts.
    pub(crate) fn narrow(self, progress_id: Option<&str>) -> FeedbackList {
        let mut feedback = self.feedback;
        let narrowed = progress_id.is_some();
        if let Some(step) = progress_id {
            feedback.retain(|f| {
                f.progress_id
                    .as_deref()
                    .is_some_and(|p| p.eq_ignore_ascii_case(step))
            });
        }
        let counted = || {
            let consumed = feedback.iter().filter(|f| f.is_consumed).count() as u64;
            (feedback.len() as u64, consumed)
        };
        let (total, consumed) = match (narrowed, self.total_feedback, self.consumed_count) {
            (false, Some(total), Some(consumed)) => (total, consumed),
            _ => counted(),
        };
        FeedbackList {
            response_id: self.response_id,
            progress_id_filter: progress_id.map(str::to_owned),
            total_feedback: total,
            consumed_count: consumed,
            unconsumed_count: total.saturating_sub(consumed),
            feedback,
            note: self.note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_alone_is_its_whole_utc_day() {
        let start = ListResponses::parse_start("2026-12-04").unwrap();
        assert_eq!(start.to_rfc3339(), "2026-12-04T00:00:00+00:00");
        let end = ListResponses::parse_end("2026-12-04").unwrap();
        assert_eq!(end.to_rfc3339(), "2026-12-04T23:59:59.999999+00:00");
        let at = ListResponses::parse_end("2026-12-04T10:00:00+01:00").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-04T09:00:00+00:00");
        let naive = ListResponses::parse_start("2026-12-04T10:00:00.5").unwrap();
        assert_eq!(naive.to_rfc3339(), "2026-12-04T10:00:00.500+00:00");
        let err = ListResponses::parse_start("soon").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Validation);
        assert!(err.to_string().contains("\"soon\""), "{err}");
    }

    #[test]
    fn a_status_from_a_newer_server_reads_as_unknown_and_not_final() {
        let status: ResponseStatus = serde_json::from_value(Value::from("paused")).unwrap();
        assert_eq!(status, ResponseStatus::Unknown);
        assert!(!status.is_final());
        let known: ResponseStatus = serde_json::from_value(Value::from("in_progress")).unwrap();
        assert_eq!(known, ResponseStatus::InProgress);
    }

    #[test]
    fn roles_and_file_scopes_from_a_newer_server_read_as_unknown() {
        let read: Response = serde_json::from_value(serde_json::json!({
            "response_id": "0b6f3b8e-8a8e-4d3a-9a53-1f6f0c7f9c11",
            "thread_id": "7c1f4a52-3d2e-4b8a-9f60-2e5d1c9a7b34",
            "status": "succeeded",
            "created_at": "2026-12-03T08:44:30Z",
            "input_messages": [{"role": "tool", "content": "x"}, {"role": "user", "content": "y"}],
        }))
        .unwrap();
        let roles: Vec<Role> = read.input_messages.iter().map(|m| m.role).collect();
        assert_eq!(roles, [Role::Unknown, Role::User]);
        let sent: Result<Message, _> =
            serde_json::from_value(serde_json::json!({"role": "bot", "content": "x"}));
        assert!(
            sent.is_err(),
            "a caller's unknown role is an error that names it"
        );
        let file: crate::FileMetadata = serde_json::from_value(serde_json::json!({
            "id": "0b6f3b8e-8a8e-4d3a-9a53-1f6f0c7f9c11",
            "file_name": "a.txt",
            "file_scope": "org",
            "created_at": "2026-12-03T08:44:30Z",
        }))
        .unwrap();
        assert_eq!(file.file_scope, Some(crate::FileScope::Unknown));
        assert!("unknown".parse::<Role>().is_err());
    }

    #[test]
    fn only_known_statuses_parse_from_text() {
        assert_eq!(
            "failed".parse::<ResponseStatus>().unwrap(),
            ResponseStatus::Failed
        );
        assert!("unknown".parse::<ResponseStatus>().is_err());
        assert!("paused".parse::<ResponseStatus>().is_err());
    }
}

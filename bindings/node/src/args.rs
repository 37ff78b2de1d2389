//! What JavaScript hands to the addon: options objects (sent as JSON text) with the SDK's
//! camelCase names, parsed into the core's parameter structs.
//!
//! Free-form fields (`metadata`, `responseFormat`) are parsed as `serde_json::Value` and
//! passed on untouched. An argument of the wrong shape is a validation error, raised before
//! any request.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::{DateTime, Utc};
use lumnisai as core;
use lumnisai::{Error, ErrorKind};
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Parses an options object; an empty text stands for `{}`.
///
/// The JS layer sends an object, so a failure is about one of its fields: the message names
/// that field (`pageSize: invalid type ...`) rather than a position in text nobody wrote.
///
/// A name the call does not take is refused, not dropped: a dropped `hard_delete: false`
/// would have hard-deleted, a dropped `user_id` listed another user's threads. A snake_case
/// name gets its camelCase spelling as a hint.
pub(crate) fn parse<T: DeserializeOwned>(what: &str, text: &str) -> core::Result<T> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    let invalid = |e: serde_json::Error| {
        let hint = camel_hint(&e.to_string());
        Error::new(ErrorKind::Validation, format!("invalid {what}: {e}{hint}"))
    };
    match serde_json::from_str::<Value>(text).map_err(invalid)? {
        Value::Object(fields) => T::deserialize(Fields(fields)).map_err(invalid),
        other => T::deserialize(other).map_err(invalid),
    }
}

/// The view whose create requests carry the caller's `Idempotency-Key`, so that a repeated
/// create (a retry of the caller's own, after a crash) makes one object.
pub(crate) fn keyed(client: &core::Client, key: Option<String>) -> core::Client {
    match key {
        None => client.clone(),
        Some(key) => client.with_options(core::CallOptions::new().idempotency_key(key)),
    }
}

/// `; did you mean fooBar?` for serde's "unknown field `foo_bar`, expected ... `fooBar` ...".
fn camel_hint(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return String::new();
    };
    let Some((name, expected)) = rest.split_once('`') else {
        return String::new();
    };
    let mut camel = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' => upper = !camel.is_empty(),
            c if upper => {
                camel.extend(c.to_uppercase());
                upper = false;
            }
            c => camel.push(c),
        }
    }
    if camel != name && expected.contains(&format!("`{camel}`")) {
        format!("; did you mean {camel}?")
    } else {
        String::new()
    }
}

/// An options object whose field errors are prefixed with the field's name.
struct Fields(Map<String, Value>);

impl<'de> Deserializer<'de> for Fields {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_map(FieldAccess {
            fields: self.0.into_iter(),
            current: None,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct FieldAccess {
    fields: serde_json::map::IntoIter,
    current: Option<(String, Value)>,
}

impl<'de> MapAccess<'de> for FieldAccess {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some((key, value)) = self.fields.next() else {
            return Ok(None);
        };
        let parsed = seed.deserialize(Value::String(key.clone()))?;
        self.current = Some((key, value));
        Ok(Some(parsed))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let (key, value) = self.current.take().unwrap_or_default();
        seed.deserialize(value)
            .map_err(|e| serde::de::Error::custom(format!("{key}: {e}")))
    }
}

fn millis(ms: Option<f64>, what: &str) -> core::Result<Option<Duration>> {
    let Some(ms) = ms else { return Ok(None) };
    // `try_`: a negative, infinite or huge number is the caller's mistake, not a panic.
    Duration::try_from_secs_f64(ms / 1e3)
        .map(Some)
        .map_err(|_| {
            Error::new(
                ErrorKind::Validation,
                format!("{what} must be a number of milliseconds of 0 or more, not {ms}"),
            )
        })
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ClientArgs {
    api_key: Option<String>,
    base_url: Option<String>,
    tenant_id: Option<String>,
    timeout_ms: Option<f64>,
    max_retries: Option<u32>,
    scope: Option<core::Scope>,
    /// PEM certificate authorities trusted besides the built-in roots (the JS layer sends a
    /// list of texts, as `tls.connect`'s `ca` takes one or several).
    #[serde(default)]
    ca: Vec<String>,
}

/// Node's own variable for extra certificate authorities, which `fetch` and `https` honour.
const NODE_EXTRA_CA_CERTS: &str = "NODE_EXTRA_CA_CERTS";

impl ClientArgs {
    pub(crate) fn into_options(self) -> core::Result<core::ClientOptions> {
        let mut options = core::ClientOptions::new().user_agent_suffix(node_token());
        options.api_key = self.api_key;
        options.base_url = self.base_url;
        options.tenant_id = self.tenant_id;
        if let Some(timeout) = millis(self.timeout_ms, "timeoutMs")? {
            options = options.timeout(timeout);
        }
        if let Some(retries) = self.max_retries {
            options = options.max_retries(retries);
        }
        if let Some(scope) = self.scope {
            options = options.scope(scope);
        }
        for pem in self.ca {
            options = options.root_certificate(pem);
        }
        // Read per client, not once at startup as Node does, and with Node's leniency: a file
        // that cannot be read is a warning, and the client is built without it.
        if let Some(path) = std::env::var_os(NODE_EXTRA_CA_CERTS).filter(|p| !p.is_empty()) {
            match std::fs::read(&path) {
                Ok(pem) => options = options.root_certificate(pem),
                Err(err) => tracing::warn!(
                    target: "lumnisai",
                    "ignoring the extra certificates of {NODE_EXTRA_CA_CERTS} ({}): {err}",
                    std::path::Path::new(&path).display()
                ),
            }
        }
        Ok(options)
    }
}

fn node_token() -> String {
    format!("lumnisai-node/{}", env!("CARGO_PKG_VERSION"))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct CreateUser {
    email: String,
    first_name: Option<String>,
    last_name: Option<String>,
    metadata: Option<Value>,
    /// The key of the create request (`Idempotency-Key`); a fresh one when left out.
    pub(crate) idempotency_key: Option<String>,
}

impl From<CreateUser> for core::CreateUser {
    fn from(a: CreateUser) -> core::CreateUser {
        core::CreateUser {
            email: a.email,
            first_name: a.first_name,
            last_name: a.last_name,
            metadata: a.metadata,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct UpdateUser {
    first_name: Option<String>,
    last_name: Option<String>,
    metadata: Option<Value>,
}

impl From<UpdateUser> for core::UpdateUser {
    fn from(a: UpdateUser) -> core::UpdateUser {
        core::UpdateUser {
            first_name: a.first_name,
            last_name: a.last_name,
            metadata: a.metadata,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ListUsers {
    page: Option<u32>,
    page_size: Option<u32>,
}

impl From<ListUsers> for core::ListUsers {
    fn from(a: ListUsers) -> core::ListUsers {
        let defaults = core::ListUsers::default();
        core::ListUsers {
            page: a.page.unwrap_or(defaults.page),
            page_size: a.page_size.unwrap_or(defaults.page_size),
        }
    }
}

impl ListUsers {
    /// The page size of an iteration over every user: 100 unless given.
    pub(crate) fn iteration_page_size(&self) -> u32 {
        self.page_size.unwrap_or(100)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct CreateThread {
    user_id: Option<String>,
    title: Option<String>,
}

impl From<CreateThread> for core::CreateThread {
    fn from(a: CreateThread) -> core::CreateThread {
        core::CreateThread {
            user_id: a.user_id,
            title: a.title,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ListThreads {
    user_id: Option<String>,
    limit: Option<u32>,
    offset: Option<u64>,
}

impl From<ListThreads> for core::ListThreads {
    fn from(a: ListThreads) -> core::ListThreads {
        let defaults = core::ListThreads::default();
        core::ListThreads {
            user_id: a.user_id,
            limit: a.limit.unwrap_or(defaults.limit),
            offset: a.offset.unwrap_or(defaults.offset),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct UpdateThread {
    title: Option<String>,
}

impl From<UpdateThread> for core::UpdateThread {
    fn from(a: UpdateThread) -> core::UpdateThread {
        core::UpdateThread { title: a.title }
    }
}

/// `responses.listFeedback` options.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ListFeedback {
    pub(crate) progress_id: Option<String>,
}

/// `{ limit, offset }` of a page; 50 and 0 unless given.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Page {
    limit: Option<u32>,
    offset: Option<u64>,
}

impl Page {
    pub(crate) fn limit(&self) -> u32 {
        self.limit.unwrap_or(50)
    }

    pub(crate) fn offset(&self) -> u64 {
        self.offset.unwrap_or(0)
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AgentConfig {
    orchestrator_model_type: Option<String>,
    planner_model_type: Option<String>,
    coordinator_model_type: Option<String>,
    orchestrator_model_name: Option<String>,
    planner_model_name: Option<String>,
    coordinator_model_name: Option<String>,
    final_response_model_name: Option<String>,
    use_cognitive_tools: Option<bool>,
    enable_task_validation: Option<bool>,
    generate_comprehensive_output: Option<bool>,
    agent_mode: Option<String>,
    skill_ids: Option<Vec<String>>,
    // Fields this version does not know (the official SDK's `fastModelName`, a newer
    // server's) are sent in the wire's snake_case, as the known ones are.
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// `fastModelName` as the wire writes it: `fast_model_name`; a snake_case name stays.
fn snake_case(name: &str) -> String {
    let mut wire = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            wire.push('_');
            wire.push(c.to_ascii_lowercase());
        } else {
            wire.push(c);
        }
    }
    wire
}

impl From<AgentConfig> for core::AgentConfig {
    fn from(a: AgentConfig) -> core::AgentConfig {
        core::AgentConfig {
            orchestrator_model_type: a.orchestrator_model_type,
            planner_model_type: a.planner_model_type,
            coordinator_model_type: a.coordinator_model_type,
            orchestrator_model_name: a.orchestrator_model_name,
            planner_model_name: a.planner_model_name,
            coordinator_model_name: a.coordinator_model_name,
            final_response_model_name: a.final_response_model_name,
            use_cognitive_tools: a.use_cognitive_tools,
            enable_task_validation: a.enable_task_validation,
            generate_comprehensive_output: a.generate_comprehensive_output,
            agent_mode: a.agent_mode,
            skill_ids: a.skill_ids,
            extra: a
                .extra
                .into_iter()
                .map(|(name, v)| (snake_case(&name), v))
                .collect(),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreateResponse {
    #[serde(default)]
    messages: Vec<core::Message>,
    user_id: Option<String>,
    scope: Option<core::Scope>,
    thread_id: Option<String>,
    agent_config: Option<AgentConfig>,
    response_format: Option<Value>,
    response_format_instructions: Option<String>,
    model_overrides: Option<BTreeMap<String, String>>,
    files: Option<Vec<String>>,
    /// The key of the create request (`Idempotency-Key`); a fresh one when left out.
    pub(crate) idempotency_key: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Warns (a `LumnisWarning` in JS) about options a call does not send: the official SDK's
/// `specializedAgent`, say, or a misspelt name. A warning, not an error, as Python's `invoke`
/// does, since code written for the official SDK passes them and means no harm; once per
/// call and set of names, as Python shows a warning once per place, so a loop is not flooded.
fn warn_unknown(call: &str, unknown: &Map<String, Value>) {
    static WARNED: std::sync::Mutex<BTreeSet<String>> = std::sync::Mutex::new(BTreeSet::new());
    if unknown.is_empty() {
        return;
    }
    let names: Vec<&str> = unknown.keys().map(String::as_str).collect();
    let message = format!(
        "{call} ignores options this version does not know: {}",
        names.join(", ")
    );
    let mut warned = WARNED.lock().unwrap_or_else(|p| p.into_inner());
    if warned.insert(message.clone()) {
        tracing::warn!(target: "lumnisai", "{message}");
    }
}

impl From<CreateResponse> for core::CreateResponse {
    fn from(a: CreateResponse) -> core::CreateResponse {
        warn_unknown("responses.create", &a.unknown);
        core::CreateResponse {
            messages: a.messages,
            user_id: a.user_id,
            scope: a.scope,
            thread_id: a.thread_id,
            agent_config: a.agent_config.map(Into::into),
            response_format: a.response_format,
            response_format_instructions: a.response_format_instructions,
            model_overrides: a.model_overrides,
            files: a.files,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct GetResponse {
    /// Seconds the server may hold the read until the response changes.
    wait: Option<f64>,
}

impl GetResponse {
    pub(crate) fn wait(&self) -> core::Result<Option<Duration>> {
        millis(self.wait.map(|s| s * 1e3), "wait")
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ListResponses {
    user_id: Option<String>,
    #[serde(default, deserialize_with = "known_status")]
    status: Option<core::ResponseStatus>,
    #[serde(default, deserialize_with = "start_bound")]
    start_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "end_bound")]
    end_date: Option<DateTime<Utc>>,
    limit: Option<u32>,
    offset: Option<u64>,
}

impl From<ListResponses> for core::ListResponses {
    fn from(a: ListResponses) -> core::ListResponses {
        let defaults = core::ListResponses::default();
        core::ListResponses {
            user_id: a.user_id,
            status: a.status,
            start_date: a.start_date,
            end_date: a.end_date,
            limit: a.limit.unwrap_or(defaults.limit),
            offset: a.offset.unwrap_or(defaults.offset),
        }
    }
}

/// A status to filter by: one of the wire names, so that a typo (`'Succeeded'`) is named in
/// the error instead of reading as the catch-all `unknown`.
fn known_status<'de, D: Deserializer<'de>>(
    de: D,
) -> Result<Option<core::ResponseStatus>, D::Error> {
    let Some(text) = Option::<String>::deserialize(de)? else {
        return Ok(None);
    };
    text.parse()
        .map(Some)
        .map_err(|e: Error| serde::de::Error::custom(e.message()))
}

/// A start bound: an RFC 3339 date-time, or a date alone (`2020-01-01`), its midnight UTC,
/// the instant JavaScript's `new Date('2020-01-01')` is.
fn start_bound<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    bound(d, core::ListResponses::parse_start)
}

/// An end bound: a date alone takes in its whole UTC day, as the official SDK's string does
/// (the API reads `end_date=2020-01-01` so).
fn end_bound<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    bound(d, core::ListResponses::parse_end)
}

fn bound<'de, D: Deserializer<'de>>(
    d: D,
    parse: fn(&str) -> core::Result<DateTime<Utc>>,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    let Some(text) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    parse(&text)
        .map(Some)
        .map_err(|e| serde::de::Error::custom(format!("{}, or a Date", e.message())))
}

/// What `invoke` sends: a prompt, one message, or a conversation.
fn invoke_input(input: Value) -> core::Result<core::InvokeInput> {
    let invalid = |e: serde_json::Error| {
        Error::new(ErrorKind::Validation, format!("invalid invoke input: {e}"))
    };
    let wrong = |what: &str| {
        Error::new(
            ErrorKind::Validation,
            format!(
                "invoke input must be a string, a message {{ role, content }} or an array of \
                 messages, not {what}"
            ),
        )
    };
    match input {
        Value::String(text) => Ok(core::InvokeInput::Prompt(text)),
        Value::Array(_) => serde_json::from_value(input)
            .map(core::InvokeInput::Messages)
            .map_err(invalid),
        Value::Object(_) => serde_json::from_value(input)
            .map(core::InvokeInput::Message)
            .map_err(invalid),
        Value::Null => Err(wrong("undefined or null")),
        Value::Bool(_) => Err(wrong("a boolean")),
        Value::Number(n) => Err(wrong(&format!("a number ({n})"))),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Invoke {
    // Any value, so that a wrong one is named in the message rather than by serde's
    // "did not match any variant".
    #[serde(default)]
    input: Value,
    user_id: Option<String>,
    scope: Option<core::Scope>,
    thread_id: Option<String>,
    idempotency_key: Option<String>,
    agent_config: Option<AgentConfig>,
    response_format: Option<Value>,
    response_format_instructions: Option<String>,
    model_overrides: Option<BTreeMap<String, String>>,
    files: Option<Vec<String>>,
    poll_interval_ms: Option<f64>,
    wait_ms: Option<f64>,
    max_wait_ms: Option<f64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

impl Invoke {
    pub(crate) fn split(self) -> core::Result<(core::InvokeInput, core::InvokeOptions)> {
        warn_unknown("invoke", &self.unknown);
        let input = invoke_input(self.input)?;
        let options = core::InvokeOptions {
            user_id: self.user_id,
            scope: self.scope,
            thread_id: self.thread_id,
            idempotency_key: self.idempotency_key,
            agent_config: self.agent_config.map(Into::into),
            response_format: self.response_format,
            response_format_instructions: self.response_format_instructions,
            model_overrides: self.model_overrides,
            files: self.files,
            poll_interval: millis(self.poll_interval_ms, "pollIntervalMs")?,
            wait: millis(self.wait_ms, "waitMs")?,
            deadline: millis(self.max_wait_ms, "maxWaitMs")?,
        };
        Ok((input, options))
    }
}

/// `responses.createFeedback` options; the type is `suggestion` unless given, as in Python.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct CreateFeedback {
    feedback_text: String,
    feedback_type: Option<core::FeedbackType>,
    user_id: Option<String>,
    progress_id: Option<String>,
    tool_call_id: Option<String>,
    tool_args_update: Option<Value>,
}

impl From<CreateFeedback> for core::CreateFeedback {
    fn from(a: CreateFeedback) -> core::CreateFeedback {
        core::CreateFeedback {
            feedback_text: a.feedback_text,
            feedback_type: a.feedback_type.unwrap_or(core::FeedbackType::Suggestion),
            user_id: a.user_id,
            progress_id: a.progress_id,
            tool_call_id: a.tool_call_id,
            tool_args_update: a.tool_args_update,
        }
    }
}

/// `tags` as a list, or comma-separated in one string as the official SDK takes them.
fn tags<'de, D: serde::Deserializer<'de>>(from: D) -> Result<Vec<String>, D::Error> {
    match Option::<serde_json::Value>::deserialize(from)? {
        None | Some(serde_json::Value::Null) => Ok(Vec::new()),
        Some(serde_json::Value::String(list)) => Ok(core::split_tags(&list)),
        Some(other) => serde_json::from_value(other)
            .map_err(|_| serde::de::Error::custom("tags must be a string or an array of strings")),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Upload {
    file_name: Option<String>,
    mime_type: Option<String>,
    scope: Option<core::FileScope>,
    user_id: Option<String>,
    #[serde(default, deserialize_with = "tags")]
    tags: Vec<String>,
    duplicate_handling: Option<core::DuplicateHandling>,
    /// The length of a streamed body, when the caller knows it.
    size: Option<u64>,
}

impl Upload {
    pub(crate) fn size(&self) -> Option<u64> {
        self.size
    }
}

impl From<Upload> for core::UploadFile {
    fn from(a: Upload) -> core::UploadFile {
        core::UploadFile {
            file_name: a.file_name,
            mime_type: a.mime_type,
            scope: a.scope,
            user_id: a.user_id,
            tags: a.tags,
            duplicate_handling: a.duplicate_handling,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ListFiles {
    user_id: Option<String>,
    scope: Option<core::FileScope>,
    file_type: Option<String>,
    status: Option<String>,
    #[serde(default, deserialize_with = "tags")]
    tags: Vec<String>,
    page: Option<u32>,
    limit: Option<u32>,
}

impl From<ListFiles> for core::ListFiles {
    fn from(a: ListFiles) -> core::ListFiles {
        let defaults = core::ListFiles::default();
        core::ListFiles {
            user_id: a.user_id,
            scope: a.scope,
            file_type: a.file_type,
            status: a.status,
            tags: a.tags,
            page: a.page.unwrap_or(defaults.page),
            limit: a.limit.unwrap_or(defaults.limit),
        }
    }
}

/// `{ userId }` (and, for delete, `hardDelete`; for download, `path`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct FileCall {
    pub(crate) user_id: Option<String>,
    /// True unless set: the official SDKs delete the bytes too by default.
    #[serde(default = "hard_delete_by_default")]
    pub(crate) hard_delete: bool,
    pub(crate) path: Option<String>,
}

fn hard_delete_by_default() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct FileContent {
    content_type: Option<String>,
    start_line: Option<u64>,
    end_line: Option<u64>,
    user_id: Option<String>,
}

impl From<FileContent> for core::FileContentParams {
    fn from(a: FileContent) -> core::FileContentParams {
        core::FileContentParams {
            content_type: a.content_type,
            start_line: a.start_line,
            end_line: a.end_line,
            user_id: a.user_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_name_a_call_does_not_take_is_refused_with_a_hint() {
        let Err(err) = parse::<FileCall>("file options", r#"{"hard_delete":false}"#) else {
            panic!("a dropped hard_delete: false would hard-delete");
        };
        assert_eq!(err.kind(), ErrorKind::Validation);
        assert!(
            err.message().ends_with("; did you mean hardDelete?"),
            "{err}"
        );
        let Err(err) = parse::<ListThreads>("options", r#"{"owner":"a@b.co"}"#) else {
            panic!("an unknown name is refused");
        };
        assert!(err.message().contains("unknown field `owner`"), "{err}");
        assert!(!err.message().contains("did you mean"), "{err}");
    }

    #[test]
    fn agent_config_names_are_mapped_and_unknown_keys_kept() {
        let args: CreateResponse = parse(
            "options",
            r#"{"messages":[{"role":"user","content":"hi"}],
               "agentConfig":{"coordinatorModelName":"openai:gpt-4.1","useCognitiveTools":true,
                              "future_flag":1,"fastModelName":"m"},
               "responseFormat":{"properties":{"someKey":{"type":"string"}}}}"#,
        )
        .unwrap();
        let params = core::CreateResponse::from(args);
        let config = params.agent_config.unwrap();
        assert_eq!(
            config.coordinator_model_name.as_deref(),
            Some("openai:gpt-4.1")
        );
        assert_eq!(config.use_cognitive_tools, Some(true));
        assert_eq!(config.extra.get("future_flag"), Some(&json!(1)));
        assert_eq!(config.extra.get("fast_model_name"), Some(&json!("m")));
        assert!(!config.extra.contains_key("fastModelName"));
        let schema = params.response_format.unwrap();
        assert!(schema["properties"].get("someKey").is_some());
    }

    #[test]
    fn a_bad_shape_is_a_validation_error() {
        let err = parse::<ListUsers>("listUsers options", r#"{"pageSize":"many"}"#)
            .err()
            .unwrap();
        assert_eq!(err.kind(), ErrorKind::Validation);
        assert!(
            err.message().contains("pageSize: invalid type"),
            "{}",
            err.message()
        );
        assert!(!err.message().contains("column"), "{}", err.message());
        for bad in [-1.0, f64::INFINITY, f64::NAN, 1e300] {
            let err = millis(Some(bad), "maxWaitMs").unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Validation);
        }
    }

    #[test]
    fn invoke_input_takes_a_prompt_or_messages() {
        let one: Invoke = parse("invoke", r#"{"input":"hello","maxWaitMs":1500}"#).unwrap();
        let (input, options) = one.split().unwrap();
        assert_eq!(input, core::InvokeInput::Prompt("hello".into()));
        assert_eq!(options.deadline, Some(Duration::from_millis(1500)));
        let many: Invoke = parse("invoke", r#"{"input":[{"role":"user","content":"a"}]}"#).unwrap();
        assert!(matches!(many.split().unwrap().0, core::InvokeInput::Messages(m) if m.len() == 1));
    }

    #[test]
    fn a_date_alone_is_its_whole_day_and_a_bad_one_names_the_field() {
        let args: ListResponses = parse("list", r#"{"startDate":"2020-01-01"}"#).unwrap();
        let start = core::ListResponses::from(args).start_date.unwrap();
        assert_eq!(start.to_rfc3339(), "2020-01-01T00:00:00+00:00");
        let args: ListResponses = parse("list", r#"{"endDate":"2020-01-01"}"#).unwrap();
        let end = core::ListResponses::from(args).end_date.unwrap();
        assert_eq!(end.to_rfc3339(), "2020-01-01T23:59:59.999999+00:00");
        let args: ListResponses = parse("list", r#"{"endDate":"2020-01-01T10:00:00Z"}"#).unwrap();
        assert!(core::ListResponses::from(args).end_date.is_some());
        let err = parse::<ListResponses>("list", r#"{"startDate":"soon"}"#)
            .err()
            .unwrap();
        assert!(err
            .message()
            .starts_with("invalid list: startDate: expected a date"));
    }

    #[test]
    fn a_wrong_invoke_input_says_what_is_accepted() {
        for (text, got) in [
            (r#"{"input":42}"#, "not a number (42)"),
            ("{}", "not undefined or null"),
        ] {
            let invoke: Invoke = parse("invoke", text).unwrap();
            let err = invoke.split().err().unwrap();
            assert!(err.message().ends_with(got), "{}", err.message());
            assert!(err.message().contains("an array of messages"));
        }
    }
}

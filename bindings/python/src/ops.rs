//! The operations the Python layer calls by name, each decoding its arguments into the core's
//! parameter types and calling the core. No behaviour lives here: checks, scoping, retries and
//! paging are the core's.

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::Bytes;
use futures::{FutureExt, StreamExt};
use lumnisai::{AgentConfig, Client, CreateFeedback, CreateResponse, CreateThread, CreateUser};
use lumnisai::{DuplicateHandling, Error, ErrorKind, FeedbackType, FileContentParams, FileScope};
use lumnisai::{FileSource, InvokeOptions, ListFiles, ListResponses, ListThreads, ListUsers};
use lumnisai::{Message, ResponseStatus, Scope, UpdateThread, UpdateUser, UploadFile};
use serde::Deserialize;
use serde_json::Value;

use crate::call::{encode, OpFuture, Out, Source};
use crate::client::decode;

#[derive(Deserialize)]
struct Id {
    id: String,
}

#[derive(Deserialize)]
struct Page {
    #[serde(default = "first_page")]
    page: u32,
    #[serde(default = "twenty")]
    page_size: u32,
}

fn first_page() -> u32 {
    1
}

fn twenty() -> u32 {
    20
}

fn fifty() -> u32 {
    50
}

#[derive(Deserialize)]
struct UpdateUserArgs {
    id: String,
    #[serde(flatten)]
    update: UpdateUser,
}

#[derive(Deserialize)]
struct ThreadArgs {
    #[serde(default)]
    user_id: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default = "fifty")]
    limit: u32,
    #[serde(default)]
    offset: u64,
}

#[derive(Deserialize)]
struct ThreadIdArgs {
    thread_id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default = "fifty")]
    limit: u32,
    #[serde(default)]
    offset: u64,
}

#[derive(Deserialize)]
struct RunArgs {
    messages: Vec<Message>,
    #[serde(default)]
    user_id: Option<String>,
    #[serde(default)]
    scope: Option<Scope>,
    #[serde(default)]
    thread_id: Option<String>,
    #[serde(default)]
    agent_config: Option<AgentConfig>,
    #[serde(default)]
    response_format: Option<Value>,
    #[serde(default)]
    response_format_instructions: Option<String>,
    #[serde(default)]
    model_overrides: Option<BTreeMap<String, String>>,
    #[serde(default)]
    files: Option<Vec<String>>,
    #[serde(default)]
    idempotency_key: Option<String>,
    #[serde(default)]
    poll_interval: Option<f64>,
    #[serde(default)]
    wait_timeout: Option<f64>,
    #[serde(default)]
    deadline: Option<f64>,
}

#[derive(Deserialize)]
struct ResponseIdArgs {
    response_id: String,
    #[serde(default)]
    wait: Option<f64>,
    #[serde(default = "fifty")]
    limit: u32,
    #[serde(default)]
    offset: u64,
    #[serde(default)]
    progress_id: Option<String>,
}

#[derive(Deserialize)]
struct ListResponsesArgs {
    #[serde(default)]
    user_id: Option<String>,
    #[serde(default)]
    status: Option<ResponseStatus>,
    /// Text the core reads: a date alone is its whole UTC day.
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    end_date: Option<String>,
    #[serde(default = "fifty")]
    limit: u32,
    #[serde(default)]
    offset: u64,
}

#[derive(Deserialize)]
struct FeedbackArgs {
    response_id: String,
    feedback_text: String,
    #[serde(default)]
    feedback_type: Option<FeedbackType>,
    #[serde(default)]
    user_id: Option<String>,
    #[serde(default)]
    progress_id: Option<String>,
    #[serde(default)]
    tool_call_id: Option<String>,
    #[serde(default)]
    tool_args_update: Option<Value>,
}

#[derive(Deserialize)]
struct UploadArgs {
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    file_name: Option<String>,
    #[serde(default)]
    mime_type: Option<String>,
    #[serde(default)]
    scope: Option<FileScope>,
    #[serde(default)]
    user_id: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    duplicate_handling: Option<DuplicateHandling>,
}

#[derive(Deserialize)]
struct ListFilesArgs {
    #[serde(default)]
    user_id: Option<String>,
    #[serde(default)]
    scope: Option<FileScope>,
    #[serde(default)]
    file_type: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default = "first_page")]
    page: u32,
    #[serde(default = "twenty")]
    limit: u32,
}

#[derive(Deserialize)]
struct FileArgs {
    file_id: String,
    #[serde(default)]
    user_id: Option<String>,
    #[serde(default)]
    content_type: Option<String>,
    #[serde(default)]
    start_line: Option<u64>,
    #[serde(default)]
    end_line: Option<u64>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    hard_delete: Option<bool>,
}

fn duration(value: Option<f64>, what: &str) -> lumnisai::Result<Option<Duration>> {
    value
        .map(|secs| {
            Duration::try_from_secs_f64(secs).map_err(|_| {
                Error::new(
                    ErrorKind::Validation,
                    format!("{what} must be >= 0 seconds"),
                )
            })
        })
        .transpose()
}

impl RunArgs {
    fn create(self) -> CreateResponse {
        CreateResponse {
            messages: self.messages,
            user_id: self.user_id,
            scope: self.scope,
            thread_id: self.thread_id,
            agent_config: self.agent_config,
            response_format: self.response_format,
            response_format_instructions: self.response_format_instructions,
            model_overrides: self.model_overrides,
            files: self.files,
        }
    }

    fn invoke(self) -> lumnisai::Result<(Vec<Message>, InvokeOptions)> {
        let options = InvokeOptions {
            user_id: self.user_id,
            scope: self.scope,
            thread_id: self.thread_id,
            // Empty is none, as the official SDK's `if idempotency_key:` reads it.
            idempotency_key: self.idempotency_key.filter(|key| !key.is_empty()),
            agent_config: self.agent_config,
            response_format: self.response_format,
            response_format_instructions: self.response_format_instructions,
            model_overrides: self.model_overrides,
            files: self.files,
            poll_interval: duration(self.poll_interval, "poll_interval")?,
            wait: duration(self.wait_timeout, "wait_timeout")?,
            // With no `max_wait`, an invoke waits for the end of its run, as the official
            // SDK's does (it has no deadline): a long run is not failed half-way.
            deadline: Some(duration(self.deadline, "max_wait")?.unwrap_or(Duration::MAX)),
        };
        Ok((self.messages, options))
    }
}

fn boxed<T, F>(future: F) -> OpFuture
where
    T: serde::Serialize,
    F: std::future::Future<Output = lumnisai::Result<T>> + Send + 'static,
{
    async move { encode(future.await?) }.boxed()
}

/// The operations with one answer.
pub fn one(
    client: Client,
    op: &str,
    args: Value,
    data: Option<Bytes>,
) -> lumnisai::Result<OpFuture> {
    Ok(match op {
        "health" => boxed(async move { client.health().await }),
        "users.create" => {
            let params: CreateUser = decode(op, args)?;
            boxed(async move { client.users().create(params).await })
        }
        "users.get" => {
            let a: Id = decode(op, args)?;
            boxed(async move { client.users().get(&a.id).await })
        }
        "users.update" => {
            let a: UpdateUserArgs = decode(op, args)?;
            boxed(async move { client.users().update(&a.id, a.update).await })
        }
        "users.delete" => {
            let a: Id = decode(op, args)?;
            boxed(async move { client.users().delete(&a.id).await })
        }
        "users.list" => {
            let a: Page = decode(op, args)?;
            let params = ListUsers {
                page: a.page,
                page_size: a.page_size,
            };
            boxed(async move { client.users().list(params).await })
        }
        "threads.create" => {
            let a: ThreadArgs = decode(op, args)?;
            let params = CreateThread {
                user_id: a.user_id,
                title: a.title,
            };
            boxed(async move { client.threads().create(params).await })
        }
        "threads.list" => {
            let a: ThreadArgs = decode(op, args)?;
            let params = ListThreads {
                user_id: a.user_id,
                limit: a.limit,
                offset: a.offset,
            };
            boxed(async move { client.threads().list(params).await })
        }
        "threads.get" => {
            let a: ThreadIdArgs = decode(op, args)?;
            boxed(async move { client.threads().get(&a.thread_id).await })
        }
        "threads.responses" => {
            let a: ThreadIdArgs = decode(op, args)?;
            boxed(async move {
                let threads = client.threads();
                threads.responses(&a.thread_id, a.limit, a.offset).await
            })
        }
        "threads.update" => {
            let a: ThreadIdArgs = decode(op, args)?;
            let params = UpdateThread { title: a.title };
            boxed(async move { client.threads().update(&a.thread_id, params).await })
        }
        "threads.delete" => {
            let a: ThreadIdArgs = decode(op, args)?;
            boxed(async move { client.threads().delete(&a.thread_id).await })
        }
        "responses.create" => {
            let a: RunArgs = decode(op, args)?;
            boxed(async move { client.responses().create(a.create()).await })
        }
        "responses.get" => {
            let a: ResponseIdArgs = decode(op, args)?;
            let wait = duration(a.wait, "wait")?;
            boxed(async move { client.responses().get(&a.response_id, wait).await })
        }
        "responses.cancel" => {
            let a: ResponseIdArgs = decode(op, args)?;
            boxed(async move { client.responses().cancel(&a.response_id).await })
        }
        "responses.list" => {
            let params = list_responses(decode(op, args)?)?;
            boxed(async move { client.responses().list(params).await })
        }
        "responses.artifacts" => {
            let a: ResponseIdArgs = decode(op, args)?;
            boxed(async move {
                let responses = client.responses();
                responses.artifacts(&a.response_id, a.limit, a.offset).await
            })
        }
        "responses.create_feedback" => {
            let a: FeedbackArgs = decode(op, args)?;
            let feedback = CreateFeedback {
                feedback_text: a.feedback_text,
                feedback_type: a.feedback_type.unwrap_or(FeedbackType::Suggestion),
                user_id: a.user_id,
                progress_id: a.progress_id,
                tool_call_id: a.tool_call_id,
                tool_args_update: a.tool_args_update,
            };
            boxed(async move {
                let responses = client.responses();
                responses.create_feedback(&a.response_id, feedback).await
            })
        }
        "responses.list_feedback" => {
            let a: ResponseIdArgs = decode(op, args)?;
            boxed(async move {
                let responses = client.responses();
                responses
                    .list_feedback(&a.response_id, a.progress_id.as_deref())
                    .await
            })
        }
        "invoke" => {
            let (messages, options) = decode::<RunArgs>(op, args)?.invoke()?;
            boxed(async move { client.invoke(messages, options).await })
        }
        "files.upload" => upload(client, args, data)?,
        "files.list" => {
            let params = list_files(decode(op, args)?);
            boxed(async move { client.files().list(params).await })
        }
        "files.get" => {
            let a: FileArgs = decode(op, args)?;
            boxed(async move { client.files().get(&a.file_id, a.user_id.as_deref()).await })
        }
        "files.content" => {
            let a: FileArgs = decode(op, args)?;
            let params = FileContentParams {
                content_type: a.content_type,
                start_line: a.start_line,
                end_line: a.end_line,
                user_id: a.user_id,
            };
            boxed(async move { client.files().content(&a.file_id, params).await })
        }
        "files.download" => {
            let a: FileArgs = decode(op, args)?;
            match a.path {
                Some(path) => boxed(async move {
                    let files = client.files();
                    files
                        .download_to(&a.file_id, &path, a.user_id.as_deref())
                        .await
                }),
                None => async move {
                    let files = client.files();
                    let bytes = files.download(&a.file_id, a.user_id.as_deref()).await?;
                    Ok(Out::Bytes(bytes))
                }
                .boxed(),
            }
        }
        "files.status" => {
            let a: FileArgs = decode(op, args)?;
            boxed(async move { client.files().status(&a.file_id).await })
        }
        "files.delete" => {
            let a: FileArgs = decode(op, args)?;
            let hard = a.hard_delete.unwrap_or(true);
            boxed(async move {
                let files = client.files();
                files.delete(&a.file_id, a.user_id.as_deref(), hard).await
            })
        }
        _ => return Err(unknown(op)),
    })
}

/// An upload of `data` (bytes from Python) or of the file at `path`.
fn upload(client: Client, args: Value, data: Option<Bytes>) -> lumnisai::Result<OpFuture> {
    let a: UploadArgs = decode("files.upload", args)?;
    let source = match (data, a.path) {
        (Some(bytes), None) => FileSource::Bytes(bytes),
        (None, Some(path)) => FileSource::Path(path.into()),
        _ => {
            return Err(Error::new(
                ErrorKind::Validation,
                "pass exactly one of file_path and file_content",
            ))
        }
    };
    let params = UploadFile {
        file_name: a.file_name,
        mime_type: a.mime_type,
        scope: a.scope,
        user_id: a.user_id,
        tags: a.tags,
        duplicate_handling: a.duplicate_handling,
    };
    Ok(boxed(
        async move { client.files().upload(source, params).await },
    ))
}

fn list_responses(a: ListResponsesArgs) -> lumnisai::Result<ListResponses> {
    let named = |what: &'static str| {
        move |e: Error| Error::new(ErrorKind::Validation, format!("{what}: {}", e.message()))
    };
    let start = a.start_date.as_deref().map(ListResponses::parse_start);
    let end = a.end_date.as_deref().map(ListResponses::parse_end);
    Ok(ListResponses {
        user_id: a.user_id,
        status: a.status,
        start_date: start.transpose().map_err(named("start_date"))?,
        end_date: end.transpose().map_err(named("end_date"))?,
        limit: a.limit,
        offset: a.offset,
    })
}

fn items<T: serde::Serialize + 'static>(
    stream: futures::stream::BoxStream<'static, lumnisai::Result<T>>,
) -> Source {
    Source::Items(
        stream
            .map(|item| {
                item.and_then(|v| {
                    serde_json::to_value(v)
                        .map_err(|e| Error::new(ErrorKind::Decode, format!("cannot encode: {e}")))
                })
            })
            .boxed(),
    )
}

fn list_files(a: ListFilesArgs) -> ListFiles {
    ListFiles {
        user_id: a.user_id,
        scope: a.scope,
        file_type: a.file_type,
        status: a.status,
        tags: a.tags,
        page: a.page,
        limit: a.limit,
    }
}

/// The operations with many answers.
pub fn many(client: Client, op: &str, args: Value) -> lumnisai::Result<Source> {
    Ok(match op {
        "users.list_all" => {
            let a: Page = decode(op, args)?;
            items(client.users().list_all(a.page_size))
        }
        "threads.list_all" => {
            let a: ThreadArgs = decode(op, args)?;
            let params = ListThreads {
                user_id: a.user_id,
                limit: a.limit,
                offset: a.offset,
            };
            items(client.threads().list_all(params))
        }
        "responses.list_all" => {
            let params = list_responses(decode(op, args)?)?;
            items(client.responses().list_all(params))
        }
        "files.list_all" => items(client.files().list_all(list_files(decode(op, args)?))),
        "invoke" => {
            let (messages, options) = decode::<RunArgs>(op, args)?.invoke()?;
            Source::Invoke(client.invoke_stream(messages, options))
        }
        _ => return Err(unknown(op)),
    })
}

fn unknown(op: &str) -> Error {
    Error::new(ErrorKind::Validation, format!("unknown operation {op:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(json: &str) -> RunArgs {
        serde_json::from_str(json).expect("run arguments")
    }

    #[test]
    fn an_invoke_without_max_wait_waits_for_the_run_to_end() {
        let messages = r#"{"messages":[{"role":"user","content":"hi"}]"#;
        let (_, options) = run_args(&format!("{messages}}}")).invoke().unwrap();
        assert_eq!(options.deadline, Some(Duration::MAX));

        let (_, options) = run_args(&format!(r#"{messages},"deadline":1.5}}"#))
            .invoke()
            .unwrap();
        assert_eq!(options.deadline, Some(Duration::from_millis(1500)));
        let bad = run_args(&format!(r#"{messages},"deadline":-1}}"#)).invoke();
        assert!(bad.unwrap_err().to_string().contains("max_wait"));
    }
}

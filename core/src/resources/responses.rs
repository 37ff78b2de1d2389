//! `client.responses()`: create agent runs, read them (long-polling), cancel, list, and read
//! their artifacts and feedback.

use std::future::Future;
use std::time::Duration;

use futures::stream::BoxStream;
use reqwest::Method;
use serde_json::Value;

use super::{check_range, id_segment, walk, AsId};
use crate::error::{Error, ErrorKind, Result};
use crate::models::{CancelResult, CreateFeedback, CreateResponse, CreateResponseBody};
use crate::models::{CreatedResponse, FeedbackCreated, FeedbackList, FeedbackListWire};
use crate::models::{ListResponses, Response, ResponseList};
use crate::transport::Request;
use crate::Client;

/// The longest `wait` the API honours; longer asks are capped to it.
const MAX_WAIT_SECS: u64 = 30;
/// How much longer than its `wait` a long-poll attempt may take before it is timed out.
const WAIT_GRACE: Duration = Duration::from_secs(10);

/// Responses: agent runs.
///
/// ```no_run
/// # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
/// use std::time::Duration;
/// use lumnisai::CreateResponse;
///
/// let created = client.responses().create(CreateResponse {
///     user_id: Some("alice@example.com".into()),
///     ..CreateResponse::new("What's the weather like?")
/// }).await?;
/// let now = client.responses().get(created.response_id, Some(Duration::from_secs(10))).await?;
/// println!("{:?}", now.status);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Responses {
    client: Client,
}

impl Responses {
    pub(crate) fn new(client: Client) -> Responses {
        Responses { client }
    }

    /// Starts an agent run. Scoping, messages, agent config and file references are checked
    /// before any request.
    pub fn create(
        &self,
        params: CreateResponse,
    ) -> impl Future<Output = Result<CreatedResponse>> + Send + 'static {
        let this = self.clone();
        async move {
            if params.messages.is_empty() {
                return Err(Error::validation("messages must hold at least one message"));
            }
            if params
                .messages
                .iter()
                .any(|m| m.role == crate::models::Role::Unknown)
            {
                return Err(Error::validation(
                    "a message's role is \"system\", \"user\" or \"assistant\", not \"unknown\"",
                ));
            }
            // A run with nothing to answer would only cost the caller an agent run.
            if params.messages.iter().all(|m| m.content.trim().is_empty()) {
                return Err(Error::validation(
                    "the messages hold no text: the prompt is empty",
                ));
            }
            if let Some(config) = &params.agent_config {
                config.validate()?;
            }
            for file in params.files.iter().flatten() {
                check_file_reference(file)?;
            }
            let user_id = this
                .client
                .run_user(params.user_id.as_deref(), params.scope)?;

            let body = CreateResponseBody {
                messages: &params.messages,
                user_id: user_id.as_deref(),
                thread_id: params
                    .thread_id
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty()),
                agent_config: params.agent_config.as_ref(),
                response_format: params.response_format.as_ref(),
                response_format_instructions: params.response_format_instructions.as_deref(),
                model_overrides: params.model_overrides.as_ref(),
                files: params.files.as_deref(),
            };
            let request =
                Request::new(Method::POST, "/v1/responses", "/v1/responses".into()).json(&body)?;
            this.client.send(request).await
        }
    }

    /// Reads a response. With `wait`, the server holds the request until the response
    /// changes or ends, up to that long (whole seconds, at most 30).
    pub fn get(
        &self,
        response_id: impl AsId,
        wait: Option<Duration>,
    ) -> impl Future<Output = Result<Response>> + Send + 'static {
        let this = self.clone();
        let response_id = response_id.to_id();
        async move {
            let response_id = response_id.as_str();
            let path = format!(
                "/v1/responses/{}",
                id_segment("the response id", response_id)?
            );
            let mut request = Request::new(Method::GET, "/v1/responses/{id}", path);
            if let Some(wait) = wait {
                let secs = wait.as_secs_f64().ceil().min(MAX_WAIT_SECS as f64) as u64;
                if secs > 0 {
                    // The attempt must outlive the server's hold, or every long poll would
                    // time out.
                    let floor = Duration::from_secs(secs) + WAIT_GRACE;
                    let timeout = this.client.options().timeout.max(floor);
                    request = request.query("wait", secs);
                    request.timeout = Some(timeout);
                }
            }
            this.client.send(request).await
        }
    }

    /// Cancels a run.
    pub fn cancel(
        &self,
        response_id: impl AsId,
    ) -> impl Future<Output = Result<CancelResult>> + Send + 'static {
        let this = self.clone();
        let response_id = response_id.to_id();
        async move {
            let response_id = response_id.as_str();
            let path = format!(
                "/v1/responses/{}/cancel",
                id_segment("the response id", response_id)?
            );
            this.client
                .send(Request::new(
                    Method::POST,
                    "/v1/responses/{id}/cancel",
                    path,
                ))
                .await
        }
    }

    /// Lists one page of responses, newest first; on a user-bound client, the user's.
    pub fn list(
        &self,
        params: ListResponses,
    ) -> impl Future<Output = Result<ResponseList>> + Send + 'static {
        let this = self.clone();
        async move {
            check_range("the limit", params.limit, 1, 100)?;
            if params.status == Some(crate::models::ResponseStatus::Unknown) {
                return Err(Error::validation(
                    "the unknown status stands for statuses this client cannot name, and \
                     cannot be listed by",
                ));
            }
            let user_id = this.client.call_user(params.user_id.as_deref())?;
            let request = Request::new(Method::GET, "/v1/responses", "/v1/responses".into())
                .query_opt("user_id", user_id)
                .query_opt("status", params.status.map(|s| s.as_str()))
                .query_opt("start_date", params.start_date.map(|d| d.to_rfc3339()))
                .query_opt("end_date", params.end_date.map(|d| d.to_rfc3339()))
                .query("limit", params.limit)
                .query("offset", params.offset);
            this.client.send(request).await
        }
    }

    /// Every response matching `params`, from its offset on, as a stream.
    pub fn list_all(&self, params: ListResponses) -> BoxStream<'static, Result<Response>> {
        let responses = self.clone();
        walk(params, move |params: ListResponses| {
            let page = responses.list(params.clone());
            async move {
                let page = page.await?;
                let seen = params.offset + page.responses.len() as u64;
                let more = !page.responses.is_empty() && seen < page.total;
                let next = more.then_some(ListResponses {
                    offset: seen,
                    ..params
                });
                Ok((page.responses, next))
            }
        })
    }
    /// The artifacts of a run, verbatim.
    pub fn artifacts(
        &self,
        response_id: impl AsId,
        limit: u32,
        offset: u64,
    ) -> impl Future<Output = Result<Value>> + Send + 'static {
        let this = self.clone();
        let response_id = response_id.to_id();
        async move {
            let response_id = response_id.as_str();
            check_range("the limit", limit, 1, 100)?;
            let path = format!(
                "/v1/responses/{}/artifacts",
                id_segment("the response id", response_id)?
            );
            let request = Request::new(Method::GET, "/v1/responses/{id}/artifacts", path)
                .query("limit", limit)
                .query("offset", offset);
            this.client.send(request).await
        }
    }

    /// Gives feedback on a run; the bound user is the author unless one is named.
    pub fn create_feedback(
        &self,
        response_id: impl AsId,
        feedback: CreateFeedback,
    ) -> impl Future<Output = Result<FeedbackCreated>> + Send + 'static {
        let this = self.clone();
        let response_id = response_id.to_id();
        async move {
            let response_id = response_id.as_str();
            if feedback.feedback_text.trim().is_empty() {
                return Err(Error::validation("feedback_text must not be empty"));
            }
            let user_id = this.client.call_user(feedback.user_id.as_deref())?;
            let body = CreateFeedback {
                user_id,
                ..feedback
            };
            let path = format!(
                "/v1/responses/{}/feedback",
                id_segment("the response id", response_id)?
            );
            let request =
                Request::new(Method::POST, "/v1/responses/{id}/feedback", path).json(&body)?;
            this.client.send(request).await
        }
    }

    /// The feedback given on a run; with `progress_id`, only that step's (picked here: the
    /// contract's list call takes no filter), counted.
    pub fn list_feedback(
        &self,
        response_id: impl AsId,
        progress_id: Option<&str>,
    ) -> impl Future<Output = Result<FeedbackList>> + Send + 'static {
        let this = self.clone();
        let response_id = response_id.to_id();
        let progress_id = progress_id.map(|p| p.trim().to_owned());
        async move {
            if progress_id.as_deref() == Some("") {
                return Err(Error::validation("progress_id must not be empty"));
            }
            let path = format!(
                "/v1/responses/{}/feedback",
                id_segment("the response id", &response_id)?
            );
            let request = Request::new(Method::GET, "/v1/responses/{id}/feedback", path);
            let listed: FeedbackListWire = this.client.send(request).await?;
            Ok(listed.narrow(progress_id.as_deref()))
        }
    }
}

/// A file reference is an artifact id (a uuid, or `artifact_...`), a remote URI or a
/// `data:` URI; a local path is refused, since the server cannot read the caller's disk.
pub(crate) fn check_file_reference(reference: &str) -> Result<()> {
    let reference = reference.trim();
    if uuid::Uuid::parse_str(reference).is_ok() || reference.starts_with("artifact_") {
        return Ok(());
    }
    let data_uri = reference
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("data:"));
    if data_uri && reference.len() > 5 {
        return Ok(());
    }
    if let Some((scheme, rest)) = reference.split_once("://") {
        let is_scheme = !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic());
        if is_scheme && !scheme.eq_ignore_ascii_case("file") && !rest.is_empty() {
            return Ok(());
        }
    }
    Err(Error::new(
        ErrorKind::LocalFileNotSupported,
        format!(
            "{reference:?} looks like a local path: upload the file first and pass its file id, \
             or pass a remote URI"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::check_file_reference;

    #[test]
    fn local_paths_are_refused() {
        for local in [
            "/tmp/a.pdf",
            "./a.pdf",
            "a.pdf",
            "~/a.pdf",
            "C:\\a.pdf",
            "file:///a.pdf",
            "data:",
        ] {
            assert!(check_file_reference(local).is_err(), "{local}");
        }
        for remote in [
            "https://example.com/a.pdf",
            "s3://bucket/a.pdf",
            "0b6f3b8e-8a8e-4d3a-9a53-1f6f0c7f9c11",
            "artifact_abc123",
            "data:text/plain;base64,aGk=",
        ] {
            assert!(check_file_reference(remote).is_ok(), "{remote}");
        }
    }
}

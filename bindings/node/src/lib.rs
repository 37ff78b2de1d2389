//! The native addon of the `lumnisai` npm package.
//!
//! A thin layer over the Rust core: it parses the JS layer's options (JSON text with camelCase
//! names), calls the core on its shared tokio runtime, and hands back JSON text with camelCase
//! names, or a structured error that the JS layer turns into an error class. It decides
//! nothing itself: validation, retries, scoping, pagination and polling are the core's.
//!
//! Every method returns a promise except the ones that only build objects (`forUser`, the
//! iterators). Calls that take `cancel` accept a token from `cancelToken()`, which
//! `cancel(token)` aborts.

mod args;
mod bridge;
mod out;
mod stream;
mod upload;

use std::path::PathBuf;

use futures::StreamExt;
use lumnisai::{Client, FileSource};
use napi::bindgen_prelude::Buffer;
use napi::{Env, JsObject};
use napi_derive::napi;
use serde_json::json;

use crate::args::parse;
use crate::bridge::{guard, json_promise, promise, Failure};
use crate::stream::{NativeStream, Source};
use crate::upload::UploadSink;

/// A new cancel token for one call.
#[napi]
pub fn cancel_token() -> u32 {
    bridge::cancel_token()
}

/// Aborts the call holding `token`.
#[napi]
pub fn cancel(token: u32) {
    bridge::cancel(token)
}

/// Forgets a token that no call took (its call failed before it started).
#[napi]
pub fn release_token(token: u32) {
    bridge::release_token(token)
}

/// Sends the core's warnings (when `LUMNISAI_LOG` is not set) to `handler(message)`.
#[napi(ts_args_type = "handler: (message: string) => void")]
pub fn set_warning_handler(env: Env, handler: napi::JsFunction) -> napi::Result<()> {
    bridge::set_warning_handler(&env, handler)
}

/// A client of the core, or a view of one bound to a user; views share one connection pool.
#[napi]
pub struct NativeClient {
    inner: Client,
}

#[napi]
impl NativeClient {
    /// Builds a client from `{ apiKey, baseUrl, tenantId, timeoutMs, maxRetries, scope }`.
    #[napi(constructor)]
    pub fn new(env: Env, options: String) -> napi::Result<NativeClient> {
        bridge::init_logging();
        guard(&env, || {
            // A setting the client cannot be built with (`timeoutMs: -5`, `scope: 'global'`) is
            // a configuration error, as a missing key is.
            let as_config = |err: lumnisai::Error| match err.kind() {
                lumnisai::ErrorKind::Validation => {
                    lumnisai::Error::new(lumnisai::ErrorKind::Config, err.message())
                }
                _ => err,
            };
            let options = parse::<args::ClientArgs>("client options", &options)
                .and_then(args::ClientArgs::into_options)
                .map_err(as_config)?;
            let inner = Client::new(options)?;
            Ok(NativeClient { inner })
        })
    }

    /// A view bound to `user` (an email or a uuid), sharing this client's pool.
    #[napi]
    pub fn for_user(&self, user: String) -> NativeClient {
        NativeClient {
            inner: self.inner.for_user(user),
        }
    }

    /// What the client may show of itself (never the key), as JSON text.
    #[napi]
    pub fn describe(&self) -> String {
        json!({
            "baseUrl": self.inner.base_url(),
            "tenantId": self.inner.tenant_id(),
            "user": self.inner.user(),
            "scope": self.inner.scope().as_str(),
        })
        .to_string()
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn health(&self, env: Env, cancel: Option<u32>) -> napi::Result<JsObject> {
        let client = self.inner.clone();
        let work = async move { client.health().await.map_err(Failure::from) };
        promise(&env, cancel, work, |_, value| out::json(&value))
    }

    // Users.

    #[napi(ts_return_type = "Promise<string>")]
    pub fn create_user(
        &self,
        env: Env,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let client = self.inner.clone();
        json_promise::<_, out::User, _>(&env, cancel, async move {
            let mut params = parse::<args::CreateUser>("createUser params", &params)?;
            let client = args::keyed(&client, params.idempotency_key.take());
            client.users().create(params.into()).await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn get_user(
        &self,
        env: Env,
        id_or_email: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let users = self.inner.users();
        json_promise::<_, out::User, _>(&env, cancel, async move { users.get(&id_or_email).await })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn list_users(
        &self,
        env: Env,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let users = self.inner.users();
        json_promise::<_, out::UserList, _>(&env, cancel, async move {
            users
                .list(parse::<args::ListUsers>("listUsers params", &params)?.into())
                .await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn update_user(
        &self,
        env: Env,
        id_or_email: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let users = self.inner.users();
        json_promise::<_, out::User, _>(&env, cancel, async move {
            let params = parse::<args::UpdateUser>("updateUser params", &params)?;
            users.update(&id_or_email, params.into()).await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn delete_user(
        &self,
        env: Env,
        id_or_email: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let users = self.inner.users();
        json_promise::<_, out::Deleted, _>(
            &env,
            cancel,
            async move { users.delete(&id_or_email).await },
        )
    }

    /// Every user, page after page of `pageSize` (100 unless given).
    #[napi]
    pub fn iterate_users(&self, env: Env, params: String) -> napi::Result<NativeStream> {
        guard(&env, || {
            let params = parse::<args::ListUsers>("users.iterate params", &params)?;
            let items = self.inner.users().list_all(params.iteration_page_size());
            Ok(NativeStream::new(Source::Items(converted::<_, out::User>(
                items,
            ))))
        })
    }

    // Threads.

    #[napi(ts_return_type = "Promise<string>")]
    pub fn create_thread(
        &self,
        env: Env,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let threads = self.inner.threads();
        json_promise::<_, out::Thread, _>(&env, cancel, async move {
            threads
                .create(parse::<args::CreateThread>("createThread params", &params)?.into())
                .await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn list_threads(
        &self,
        env: Env,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let threads = self.inner.threads();
        json_promise::<_, out::ThreadList, _>(&env, cancel, async move {
            threads
                .list(parse::<args::ListThreads>("listThreads params", &params)?.into())
                .await
        })
    }

    #[napi]
    pub fn iterate_threads(&self, env: Env, params: String) -> napi::Result<NativeStream> {
        guard(&env, || {
            let params = parse::<args::ListThreads>("threads.iterate params", &params)?;
            let items = self.inner.threads().list_all(params.into());
            Ok(NativeStream::new(Source::Items(
                converted::<_, out::Thread>(items),
            )))
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn get_thread(
        &self,
        env: Env,
        thread_id: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let threads = self.inner.threads();
        json_promise::<_, out::Thread, _>(
            &env,
            cancel,
            async move { threads.get(&thread_id).await },
        )
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn get_thread_responses(
        &self,
        env: Env,
        thread_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let threads = self.inner.threads();
        let work = async move {
            let page = parse::<args::Page>("getResponses params", &params)?;
            let list = threads
                .responses(&thread_id, page.limit(), page.offset())
                .await?;
            Ok::<_, Failure>(list)
        };
        promise(&env, cancel, work, |_, list| {
            out::json(&out::responses(list))
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn update_thread(
        &self,
        env: Env,
        thread_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let threads = self.inner.threads();
        json_promise::<_, out::Thread, _>(&env, cancel, async move {
            let params = parse::<args::UpdateThread>("threads.update params", &params)?;
            threads.update(&thread_id, params.into()).await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn delete_thread(
        &self,
        env: Env,
        thread_id: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let threads = self.inner.threads();
        json_promise::<_, out::Deleted, _>(
            &env,
            cancel,
            async move { threads.delete(&thread_id).await },
        )
    }

    // Responses and invoke.

    #[napi(ts_return_type = "Promise<string>")]
    pub fn create_response(
        &self,
        env: Env,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let client = self.inner.clone();
        json_promise::<_, out::CreatedResponse, _>(&env, cancel, async move {
            let mut params = parse::<args::CreateResponse>("responses.create params", &params)?;
            let client = args::keyed(&client, params.idempotency_key.take());
            client.responses().create(params.into()).await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn get_response(
        &self,
        env: Env,
        response_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let responses = self.inner.responses();
        json_promise::<_, out::Response, _>(&env, cancel, async move {
            let wait = parse::<args::GetResponse>("responses.get options", &params)?.wait()?;
            responses.get(&response_id, wait).await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn cancel_response(
        &self,
        env: Env,
        response_id: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let responses = self.inner.responses();
        json_promise::<_, out::Cancelled, _>(&env, cancel, async move {
            responses.cancel(&response_id).await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn list_responses(
        &self,
        env: Env,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let responses = self.inner.responses();
        json_promise::<_, out::ResponseList, _>(&env, cancel, async move {
            let params = parse::<args::ListResponses>("responses.list params", &params)?;
            responses.list(params.into()).await
        })
    }

    #[napi]
    pub fn iterate_responses(&self, env: Env, params: String) -> napi::Result<NativeStream> {
        guard(&env, || {
            let params = parse::<args::ListResponses>("responses.iterate params", &params)?;
            let items = self.inner.responses().list_all(params.into());
            Ok(NativeStream::new(Source::Items(converted::<
                _,
                out::Response,
            >(items))))
        })
    }

    /// The artifacts of a run, as the server sent them: `{ limit, offset }` (50 and 0).
    #[napi(ts_return_type = "Promise<string>")]
    pub fn list_artifacts(
        &self,
        env: Env,
        response_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let responses = self.inner.responses();
        let work = async move {
            let page = parse::<args::Page>("responses.listArtifacts options", &params)?;
            let found = responses
                .artifacts(&response_id, page.limit(), page.offset())
                .await?;
            Ok::<_, Failure>(found)
        };
        promise(&env, cancel, work, |_, value| {
            out::json(&out::artifact_list(value))
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn create_feedback(
        &self,
        env: Env,
        response_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let responses = self.inner.responses();
        json_promise::<_, out::FeedbackCreated, _>(&env, cancel, async move {
            let params = parse::<args::CreateFeedback>("responses.createFeedback params", &params)?;
            responses.create_feedback(&response_id, params.into()).await
        })
    }

    /// The feedback given on a run: `{ progressId? }` narrows it to one step's.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn list_feedback(
        &self,
        env: Env,
        response_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let responses = self.inner.responses();
        json_promise::<_, out::FeedbackList, _>(&env, cancel, async move {
            let params = parse::<args::ListFeedback>("responses.listFeedback options", &params)?;
            responses
                .list_feedback(&response_id, params.progress_id.as_deref())
                .await
        })
    }

    /// Creates a response and resolves once it is final: `{ input, ...options }`.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn invoke(&self, env: Env, params: String, cancel: Option<u32>) -> napi::Result<JsObject> {
        let client = self.inner.clone();
        json_promise::<_, out::Response, _>(&env, cancel, async move {
            let (input, options) = parse::<args::Invoke>("invoke options", &params)?.split()?;
            client.invoke(input, options).await
        })
    }

    /// The progress of a new response, entry by entry, then its final entry.
    #[napi]
    pub fn invoke_stream(&self, env: Env, params: String) -> napi::Result<NativeStream> {
        guard(&env, || {
            let (input, options) = parse::<args::Invoke>("invoke options", &params)?.split()?;
            let progress = self.inner.invoke_stream(input, options);
            Ok(NativeStream::new(Source::Invoke(progress)))
        })
    }

    // Files.

    #[napi(ts_return_type = "Promise<string>")]
    pub fn upload_bytes(
        &self,
        env: Env,
        data: Buffer,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        let bytes = bytes::Bytes::from(data.to_vec());
        json_promise::<_, out::FileUploaded, _>(&env, cancel, async move {
            let params = parse::<args::Upload>("files.upload options", &params)?;
            files.upload(FileSource::Bytes(bytes), params.into()).await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn upload_path(
        &self,
        env: Env,
        path: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        json_promise::<_, out::FileUploaded, _>(&env, cancel, async move {
            let params = parse::<args::Upload>("files.upload options", &params)?;
            files
                .upload(FileSource::Path(PathBuf::from(path)), params.into())
                .await
        })
    }

    /// Uploads what is written into `sink` until it ends.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn upload_stream(
        &self,
        env: Env,
        sink: &UploadSink,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        let reader = sink.take_reader();
        json_promise::<_, out::FileUploaded, _>(&env, cancel, async move {
            let params = parse::<args::Upload>("files.upload options", &params)?;
            let reader = reader.ok_or_else(|| {
                lumnisai::Error::new(lumnisai::ErrorKind::Validation, "this upload sink was used")
            })?;
            let size = params.size();
            files
                .upload(FileSource::Reader(Box::new(reader), size), params.into())
                .await
        })
    }

    #[napi]
    pub fn iterate_files(&self, env: Env, params: String) -> napi::Result<NativeStream> {
        guard(&env, || {
            let params = parse::<args::ListFiles>("files.iterate params", &params)?;
            let items = self.inner.files().list_all(params.into());
            Ok(NativeStream::new(Source::Items(converted::<
                _,
                out::FileMetadata,
            >(items))))
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn list_files(
        &self,
        env: Env,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        json_promise::<_, out::FileList, _>(&env, cancel, async move {
            files
                .list(parse::<args::ListFiles>("files.list params", &params)?.into())
                .await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn get_file(
        &self,
        env: Env,
        file_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        json_promise::<_, out::FileMetadata, _>(&env, cancel, async move {
            let call = parse::<args::FileCall>("files.get options", &params)?;
            files.get(&file_id, call.user_id.as_deref()).await
        })
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn get_file_content(
        &self,
        env: Env,
        file_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        json_promise::<_, out::FileContent, _>(&env, cancel, async move {
            let params = parse::<args::FileContent>("files.getContent options", &params)?;
            files.content(&file_id, params.into()).await
        })
    }

    /// The file's bytes; with `{ path }`, streamed to that path and resolving the byte count.
    #[napi(ts_return_type = "Promise<Buffer | number>")]
    pub fn download_file(
        &self,
        env: Env,
        file_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        let work = async move {
            let call = parse::<args::FileCall>("files.download options", &params)?;
            let user = call.user_id.as_deref();
            let got = match &call.path {
                Some(path) => Download::Written(files.download_to(&file_id, &path, user).await?),
                None => Download::Bytes(files.download(&file_id, user).await?),
            };
            Ok::<_, Failure>(got)
        };
        promise(&env, cancel, work, |env, got| match got {
            Download::Bytes(bytes) => {
                Ok(env.create_buffer_with_data(bytes.to_vec())?.into_unknown())
            }
            Download::Written(n) => Ok(env.create_double(n as f64)?.into_unknown()),
        })
    }

    /// Where a file's processing stands.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn get_file_status(
        &self,
        env: Env,
        file_id: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        json_promise::<_, out::FileStatus, _>(
            &env,
            cancel,
            async move { files.status(&file_id).await },
        )
    }

    #[napi(ts_return_type = "Promise<string>")]
    pub fn delete_file(
        &self,
        env: Env,
        file_id: String,
        params: String,
        cancel: Option<u32>,
    ) -> napi::Result<JsObject> {
        let files = self.inner.files();
        json_promise::<_, out::Deleted, _>(&env, cancel, async move {
            let call = parse::<args::FileCall>("files.delete options", &params)?;
            files
                .delete(&file_id, call.user_id.as_deref(), call.hard_delete)
                .await
        })
    }
}

enum Download {
    Bytes(bytes::Bytes),
    Written(u64),
}

/// A core stream of models as a stream of their JSON text.
fn converted<T, O>(
    items: futures::stream::BoxStream<'static, lumnisai::Result<T>>,
) -> futures::stream::BoxStream<'static, lumnisai::Result<String>>
where
    T: Send + 'static,
    O: From<T> + serde::Serialize,
{
    items
        .map(|item| {
            item.and_then(|value| {
                out::json(&O::from(value))
                    .map_err(|e| lumnisai::Error::new(lumnisai::ErrorKind::Decode, e.reason))
            })
        })
        .boxed()
}

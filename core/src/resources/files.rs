//! `client.files()`: upload (from bytes, a path streamed from disk, or an async reader),
//! list, get, read the text of, download (to memory or streamed to a path), and delete.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use futures::stream::{BoxStream, StreamExt};
use reqwest::Method;
use tokio::io::{AsyncRead, AsyncSeekExt, AsyncWriteExt};
use tokio_util::io::ReaderStream;

use super::{check_range, check_tags, id_segment, walk, AsId};
use crate::error::{Error, ErrorKind, Result};
use crate::models::{DeleteResult, FileContent, FileContentParams, FileList, FileMetadata};
use crate::models::{FileScope, FileStatus, FileUploadResult, ListFiles, UploadFile};
use crate::multipart::Multipart;
use crate::transport::{Body, Request};
use crate::Client;

/// Where the bytes of an upload come from.
pub enum FileSource {
    /// Bytes in memory; resent whole on a retry.
    Bytes(Bytes),
    /// A file on disk, streamed and never read whole into memory; reopened on a retry.
    Path(PathBuf),
    /// A stream that can be read once, with its length when known. An upload from it is
    /// not retried once sent, since the bytes cannot be read again.
    Reader(Box<dyn AsyncRead + Send + Unpin>, Option<u64>),
}

impl std::fmt::Debug for FileSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileSource::Bytes(bytes) => write!(f, "FileSource::Bytes({} bytes)", bytes.len()),
            FileSource::Path(path) => write!(f, "FileSource::Path({path:?})"),
            FileSource::Reader(_, len) => write!(f, "FileSource::Reader(length: {len:?})"),
        }
    }
}

/// Files; on a user-bound client, uploads are user-scoped to the bound user by default.
///
/// ```no_run
/// # async fn demo(client: lumnisai::Client) -> lumnisai::Result<()> {
/// use lumnisai::{FileSource, UploadFile};
///
/// let alice = client.for_user("alice@example.com");
/// let up = alice.files().upload(FileSource::Path("notes.txt".into()), UploadFile::default())
///     .await?;
/// let bytes = alice.files().download(up.file_id, None).await?;
/// alice.files().download_to(up.file_id, "copy.txt", None).await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Files {
    client: Client,
}

impl Files {
    pub(crate) fn new(client: Client) -> Files {
        Files { client }
    }

    /// Uploads a file.
    pub fn upload(
        &self,
        source: FileSource,
        params: UploadFile,
    ) -> impl Future<Output = Result<FileUploadResult>> + Send + 'static {
        let this = self.clone();
        async move {
            let scope = params.scope.unwrap_or(if this.client.user().is_some() {
                FileScope::User
            } else {
                FileScope::Tenant
            });
            let user_id = match scope {
                FileScope::User => Some(
                    this.client
                        .call_user(params.user_id.as_deref())?
                        .ok_or_else(|| {
                            Error::new(
                                ErrorKind::MissingUserId,
                                "a user-scoped upload needs a user: pass a user id, or upload \
                                 from a client bound to a user",
                            )
                        })?,
                ),
                FileScope::Tenant => params.user_id.clone().filter(|u| !u.trim().is_empty()),
                FileScope::Unknown => return Err(unknown_scope()),
            };
            let name = match (&params.file_name, &source) {
                (Some(name), _) => name.clone(),
                (None, FileSource::Path(path)) => path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "upload.bin".into()),
                (None, _) => "upload.bin".into(),
            };
            if name.trim().is_empty() {
                return Err(Error::validation("the file name must not be empty"));
            }
            let mime = params
                .mime_type
                .clone()
                .unwrap_or_else(|| guess_mime(&name).to_owned());
            check_mime(&mime)?;
            check_tags(&params.tags)?;
            let tags = params.tags.join(",");
            let mut fields = vec![("scope", scope.as_str())];
            if let Some(user) = &user_id {
                fields.push(("user_id", user.as_str()));
            }
            if !tags.is_empty() {
                fields.push(("tags", tags.as_str()));
            }
            if let Some(handling) = params.duplicate_handling {
                fields.push(("duplicate_handling", handling.as_str()));
            }
            let form = Arc::new(Multipart::new(&fields, &name, &mime));

            let body = match source {
                FileSource::Bytes(bytes) => Body::Upload(Arc::new(move || {
                    let chunk = futures::stream::iter([Ok(bytes.clone())]);
                    Ok(form.upload(chunk, Some(bytes.len() as u64)))
                })),
                FileSource::Path(path) => {
                    let metadata = tokio::fs::metadata(&path)
                        .await
                        .map_err(|e| io_error(&path, e))?;
                    // A directory opens like a file and fails only when read, mid-upload.
                    if metadata.is_dir() {
                        return Err(Error::new(
                            ErrorKind::Io,
                            format!("{} is a directory, not a file", path.display()),
                        )
                        .with_details(Some(io_details(&path, "is_a_directory"))));
                    }
                    let len = metadata.len();
                    Body::Upload(Arc::new(move || {
                        let file = std::fs::File::open(&path).map_err(|e| io_error(&path, e))?;
                        let stream = ReaderStream::new(tokio::fs::File::from_std(file));
                        Ok(form.upload(stream, Some(len)))
                    }))
                }
                FileSource::Reader(reader, len) => {
                    let upload = form.upload(ReaderStream::new(reader), len);
                    Body::UploadOnce(Mutex::new(Some(upload)))
                }
            };
            let mut request =
                Request::new(Method::POST, "/v1/files/upload", "/v1/files/upload".into());
            request.body = body;
            this.client.send(request).await
        }
    }

    /// Lists one page of files the given user, else the bound one, may see.
    pub fn list(
        &self,
        params: ListFiles,
    ) -> impl Future<Output = Result<FileList>> + Send + 'static {
        let this = self.clone();
        async move {
            check_range("the limit", params.limit, 1, 100)?;
            if params.page < 1 {
                return Err(Error::validation("page starts at 1"));
            }
            let user_id = this.client.call_user(params.user_id.as_deref())?;
            check_tags(&params.tags)?;
            if params.scope == Some(FileScope::Unknown) {
                return Err(unknown_scope());
            }
            let tags = (!params.tags.is_empty()).then(|| params.tags.join(","));
            let request = Request::new(Method::GET, "/v1/files", "/v1/files".into())
                .query_opt("user_id", user_id)
                .query_opt("scope", params.scope.map(|s| s.as_str()))
                .query_opt("file_type", params.file_type)
                .query_opt("status", params.status)
                .query_opt("tags", tags)
                .query("page", params.page)
                .query("limit", params.limit);
            this.client.send(request).await
        }
    }

    /// Every file matching `params`, from its page on, as a stream: the next page is
    /// fetched when one ends, until the server says there is no more.
    pub fn list_all(&self, params: ListFiles) -> BoxStream<'static, Result<FileMetadata>> {
        let files = self.clone();
        walk(params, move |params: ListFiles| {
            let page = files.list(params.clone());
            async move {
                let page = page.await?;
                let more = page.has_more && !page.files.is_empty();
                let next = more
                    .then(|| params.page.checked_add(1))
                    .flatten()
                    .map(|page| ListFiles { page, ..params });
                Ok((page.files, next))
            }
        })
    }
    /// Gets a file's metadata.
    pub fn get(
        &self,
        file_id: impl AsId,
        user_id: Option<&str>,
    ) -> impl Future<Output = Result<FileMetadata>> + Send + 'static {
        let this = self.clone();
        let file_id = file_id.to_id();
        let user_id = user_id.map(str::to_owned);
        async move {
            let file_id = file_id.as_str();
            let user_id = user_id.as_deref();
            let request = this.file_request(file_id, "", "/v1/files/{id}", user_id)?;
            this.client.send(request).await
        }
    }

    /// Reads a file's text, optionally a range of lines.
    pub fn content(
        &self,
        file_id: impl AsId,
        params: FileContentParams,
    ) -> impl Future<Output = Result<FileContent>> + Send + 'static {
        let this = self.clone();
        let file_id = file_id.to_id();
        async move {
            let file_id = file_id.as_str();
            check_lines(params.start_line, params.end_line)?;
            let request = this
                .file_request(
                    file_id,
                    "/content",
                    "/v1/files/{id}/content",
                    params.user_id.as_deref(),
                )?
                .query_opt("content_type", params.content_type)
                .query_opt("start_line", params.start_line)
                .query_opt("end_line", params.end_line);
            this.client.send(request).await
        }
    }

    /// Downloads a file's exact bytes into memory (up to the body limit; use
    /// [`download_to`](Files::download_to) for large files).
    pub fn download(
        &self,
        file_id: impl AsId,
        user_id: Option<&str>,
    ) -> impl Future<Output = Result<Bytes>> + Send + 'static {
        let this = self.clone();
        let file_id = file_id.to_id();
        let user_id = user_id.map(str::to_owned);
        async move {
            let file_id = file_id.as_str();
            let user_id = user_id.as_deref();
            let request =
                this.file_request(file_id, "/download", "/v1/files/{id}/download", user_id)?;
            Ok(this
                .client
                .transport()
                .execute(this.client.prepare(request))
                .await?
                .body)
        }
    }

    /// Streams a file's bytes to `path`, never holding more than one chunk in memory.
    /// The file appears at `path` only once complete. Returns the number of bytes written.
    ///
    /// The headers get the attempt timeout, and so does each wait for the next chunk of the
    /// body (a large file may take as long as it needs, as long as bytes keep coming); a
    /// stalled or cut body is fetched again from the start as the client's retry policy
    /// allows.
    pub fn download_to(
        &self,
        file_id: impl AsId,
        path: impl AsRef<Path>,
        user_id: Option<&str>,
    ) -> impl Future<Output = Result<u64>> + Send + 'static {
        let this = self.clone();
        let file_id = file_id.to_id();
        let path = path.as_ref().to_owned();
        let user_id = user_id.map(str::to_owned);
        async move {
            let request = this.file_request(
                &file_id,
                "/download",
                "/v1/files/{id}/download",
                user_id.as_deref(),
            )?;
            let request = this.client.prepare(request);
            let idle = request.timeout.unwrap_or(this.client.options().timeout);

            // Removes the partial file on every way out but success, a dropped future too.
            let mut partial = PartialFile {
                path: partial_path(&path),
                keep: false,
            };
            let file = tokio::fs::File::create(&partial.path)
                .await
                .map_err(|e| io_error(&partial.path, e))?;
            // Each attempt takes the file in turn; a lock, since the transport's retry loop
            // calls the reader once per attempt.
            let file = tokio::sync::Mutex::new(file);
            let written = this
                .client
                .transport()
                .consume(request, |response| {
                    let (file, partial) = (&file, partial.path.as_path());
                    async move { copy_to(response, &mut *file.lock().await, partial, idle).await }
                })
                .await?;
            // Closed before the rename, which an open handle would block on Windows.
            drop(file);
            tokio::fs::rename(&partial.path, &path)
                .await
                .map_err(|e| io_error(&path, e))?;
            partial.keep = true;
            Ok(written)
        }
    }

    /// Where a file's processing stands.
    pub fn status(
        &self,
        file_id: impl AsId,
    ) -> impl Future<Output = Result<FileStatus>> + Send + 'static {
        let this = self.clone();
        let file_id = file_id.to_id();
        async move {
            let file_id = file_id.as_str();
            let path = format!("/v1/files/{}/status", id_segment("the file id", file_id)?);
            this.client
                .send(Request::new(Method::GET, "/v1/files/{id}/status", path))
                .await
        }
    }

    /// Deletes a file; `hard_delete` removes its bytes too.
    pub fn delete(
        &self,
        file_id: impl AsId,
        user_id: Option<&str>,
        hard_delete: bool,
    ) -> impl Future<Output = Result<DeleteResult>> + Send + 'static {
        let this = self.clone();
        let file_id = file_id.to_id();
        let user_id = user_id.map(str::to_owned);
        async move {
            let file_id = file_id.as_str();
            let user_id = user_id.as_deref();
            let path = format!("/v1/files/{}", id_segment("the file id", file_id)?);
            let user_id = this.client.call_user(user_id)?;
            let request = Request::new(Method::DELETE, "/v1/files/{id}", path)
                .query_opt("user_id", user_id)
                .query_opt("hard_delete", hard_delete.then_some("true"));
            this.client.send(request).await
        }
    }

    fn file_request(
        &self,
        file_id: &str,
        suffix: &str,
        route: &'static str,
        user_id: Option<&str>,
    ) -> Result<Request> {
        let path = format!("/v1/files/{}{suffix}", id_segment("the file id", file_id)?);
        let user_id = self.client.call_user(user_id)?;
        Ok(Request::new(Method::GET, route, path).query_opt("user_id", user_id))
    }
}

/// One attempt's body into `file`, from its start; each chunk must come within `idle` of the
/// one before.
async fn copy_to(
    response: reqwest::Response,
    file: &mut tokio::fs::File,
    partial: &Path,
    idle: std::time::Duration,
) -> Result<u64> {
    file.set_len(0).await.map_err(|e| io_error(partial, e))?;
    file.rewind().await.map_err(|e| io_error(partial, e))?;
    let mut stream = response.bytes_stream();
    let mut written = 0u64;
    loop {
        let next = tokio::time::timeout(idle, stream.next())
            .await
            .map_err(|_| {
                Error::new(
                    ErrorKind::Timeout,
                    format!("the download stalled for {idle:?}"),
                )
            })?;
        let Some(chunk) = next else { break };
        let chunk = chunk.map_err(|e| {
            Error::new(
                ErrorKind::Transport,
                "the connection failed during the download",
            )
            .with_source(e)
        })?;
        file.write_all(&chunk)
            .await
            .map_err(|e| io_error(partial, e))?;
        written += chunk.len() as u64;
    }
    file.flush().await.map_err(|e| io_error(partial, e))?;
    Ok(written)
}

/// A download's `.part` file, removed when dropped unless it became the finished file.
struct PartialFile {
    path: PathBuf,
    keep: bool,
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        if !self.keep {
            // A file that was never created, or is already gone, is what we want anyway.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn partial_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".part");
    path.with_file_name(name)
}

/// `FileScope::Unknown` names what a newer server may send, never a scope to ask for.
fn unknown_scope() -> Error {
    Error::validation("the file scope to ask for is \"user\" or \"tenant\", not \"unknown\"")
}

/// Lines count from 1, and a range ends where it starts or later (the official SDK checks
/// both before sending).
fn check_lines(start: Option<u64>, end: Option<u64>) -> Result<()> {
    if start == Some(0) || end == Some(0) {
        return Err(Error::validation("lines are numbered from 1"));
    }
    match (start, end) {
        (Some(start), Some(end)) if end < start => Err(Error::validation(format!(
            "the line range ends ({end}) before it starts ({start})"
        ))),
        _ => Ok(()),
    }
}

/// An `Io` error about `path`, whose details name the path and the reason in a stable word,
/// so that a binding can raise its language's own class for a missing file.
fn io_error(path: &Path, err: std::io::Error) -> Error {
    let reason = match err.kind() {
        std::io::ErrorKind::NotFound => "not_found",
        std::io::ErrorKind::PermissionDenied => "permission_denied",
        _ => "other",
    };
    Error::new(ErrorKind::Io, format!("{}: {err}", path.display()))
        .with_details(Some(io_details(path, reason)))
        .with_source(err)
}

fn io_details(path: &Path, reason: &str) -> serde_json::Value {
    serde_json::json!({ "path": path.to_string_lossy(), "reason": reason })
}

/// A MIME type is `type/subtype` with optional parameters, and never a line break, since it
/// is written into the body's part header.
fn check_mime(mime: &str) -> Result<()> {
    let essence = mime.split(';').next().unwrap_or("").trim();
    let valid = essence
        .split_once('/')
        .is_some_and(|(t, s)| !t.is_empty() && !s.is_empty())
        && !mime.chars().any(char::is_control);
    if valid {
        Ok(())
    } else {
        Err(Error::validation(format!("{mime:?} is not a MIME type")))
    }
}

/// The MIME type of common document types by extension; the server sniffs the rest.
fn guess_mime(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "log" => "text/plain",
        "md" => "text/markdown",
        "csv" => "text/csv",
        "html" | "htm" => "text/html",
        "json" => "application/json",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_types_by_extension() {
        assert_eq!(guess_mime("notes.TXT"), "text/plain");
        assert_eq!(guess_mime("report.pdf"), "application/pdf");
        assert_eq!(guess_mime("blob"), "application/octet-stream");
    }

    #[test]
    fn mime_types_are_checked() {
        assert!(check_mime("text/plain; charset=utf-8").is_ok());
        assert!(check_mime("text").is_err());
        assert!(check_mime("text/plain\r\nX-Evil: 1").is_err());
    }

    #[test]
    fn partial_files_sit_beside_the_target() {
        assert_eq!(
            partial_path(Path::new("/tmp/a.bin")),
            PathBuf::from("/tmp/a.bin.part")
        );
    }
}

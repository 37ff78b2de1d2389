//! Files: upload from bytes or a path, list, read, download and delete.

use std::time::SystemTime;

use lumnisai::ErrorKind::Validation;

use crate::client::LumnisClient;
use crate::error::LumnisError;
use crate::ints::{int, long, unsigned, unsigned_opt};
use crate::json;
use crate::users::DeleteResult;

/// Who can see a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FileScope {
    /// Only the user who owns it.
    User,
    /// Every user of the tenant.
    Tenant,
}

impl From<FileScope> for lumnisai::FileScope {
    fn from(scope: FileScope) -> lumnisai::FileScope {
        match scope {
            FileScope::User => lumnisai::FileScope::User,
            FileScope::Tenant => lumnisai::FileScope::Tenant,
        }
    }
}

/// What an upload does when a file of the same name exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DuplicateHandling {
    /// Refuse the upload.
    Error,
    /// Keep the existing file.
    Skip,
    /// Overwrite the existing file.
    Replace,
    /// Store the new file under a suffixed name.
    Suffix,
}

impl From<DuplicateHandling> for lumnisai::DuplicateHandling {
    fn from(d: DuplicateHandling) -> lumnisai::DuplicateHandling {
        match d {
            DuplicateHandling::Error => lumnisai::DuplicateHandling::Error,
            DuplicateHandling::Skip => lumnisai::DuplicateHandling::Skip,
            DuplicateHandling::Replace => lumnisai::DuplicateHandling::Replace,
            DuplicateHandling::Suffix => lumnisai::DuplicateHandling::Suffix,
        }
    }
}

/// A stored file.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FileMetadata {
    /// The file's id.
    pub id: String,
    /// The tenant.
    pub tenant_id: Option<String>,
    /// The owner, for user-scoped files.
    pub user_id: Option<String>,
    /// The stored name.
    pub file_name: String,
    /// The name it was uploaded under.
    pub original_file_name: Option<String>,
    /// The extension-derived type.
    pub file_type: Option<String>,
    /// The MIME type.
    pub mime_type: Option<String>,
    /// The size in bytes.
    pub file_size: i64,
    /// Who can see it (`user` or `tenant`).
    pub file_scope: Option<String>,
    /// pending, parsing, embedding, completed, partial_success or error.
    pub processing_status: Option<String>,
    /// Why processing failed.
    pub error_message: Option<String>,
    /// How many chunks the file was cut into.
    pub total_chunks: Option<i64>,
    /// How many chunks are embedded.
    pub chunks_embedded: Option<i64>,
    /// Its tags.
    pub tags: Vec<String>,
    /// When it was uploaded.
    pub created_at: SystemTime,
    /// When it last changed.
    pub updated_at: Option<SystemTime>,
    /// Where the blob is stored. Last with `deletedAt`, so that positional arguments
    /// written before these two fields existed still mean the same.
    pub blob_url: Option<String>,
    /// When it was deleted (a soft delete).
    pub deleted_at: Option<SystemTime>,
}

impl From<lumnisai::FileMetadata> for FileMetadata {
    fn from(f: lumnisai::FileMetadata) -> FileMetadata {
        FileMetadata {
            id: f.id.to_string(),
            tenant_id: json::id_opt(f.tenant_id),
            user_id: json::id_opt(f.user_id),
            file_name: f.file_name,
            original_file_name: f.original_file_name,
            file_type: f.file_type,
            mime_type: f.mime_type,
            file_size: long(f.file_size),
            file_scope: f.file_scope.map(|s| s.as_str().to_owned()),
            processing_status: f.processing_status,
            error_message: f.error_message,
            total_chunks: f.total_chunks.map(long),
            chunks_embedded: f.chunks_embedded.map(long),
            tags: f.tags,
            created_at: json::time(f.created_at),
            updated_at: json::time_opt(f.updated_at),
            blob_url: f.blob_url,
            deleted_at: json::time_opt(f.deleted_at),
        }
    }
}

/// The answer to an upload.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FileUploadResult {
    /// The stored file's id.
    pub file_id: String,
    /// The stored name.
    pub file_name: String,
    /// Its processing status.
    pub status: Option<String>,
    /// What the server said.
    pub message: Option<String>,
}

/// One page of files.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FileList {
    /// The files of this page.
    pub files: Vec<FileMetadata>,
    /// How many match in all.
    pub total_count: i64,
    /// The page, from 1.
    pub page: i32,
    /// The page size.
    pub limit: i32,
    /// Whether a later page exists.
    pub has_more: bool,
}

/// A file's text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FileContent {
    /// The file's id.
    pub file_id: String,
    /// The kind of content returned.
    pub content_type: Option<String>,
    /// The text.
    pub text: Option<String>,
    /// Extra facts, as JSON text.
    pub metadata_json: Option<String>,
    /// The first line returned, from 1.
    pub start_line: Option<i32>,
    /// The last line returned.
    pub end_line: Option<i32>,
    /// How many lines the file has.
    pub total_lines: Option<i32>,
}

/// Where a file's processing stands.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FileStatus {
    /// The processing status.
    pub status: String,
    /// How far along, 0 to 100.
    pub progress_percentage: Option<f64>,
    /// Chunks embedded so far.
    pub chunks_embedded: Option<i64>,
    /// Chunks in all.
    pub total_chunks: Option<i64>,
    /// The server's estimate of the time left, in seconds.
    pub estimated_time_remaining_seconds: Option<f64>,
    /// Why processing failed.
    pub error_message: Option<String>,
}

/// How an upload is stored; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct UploadOptions {
    /// The name to store; the path's file name, or `upload.bin`, when unset.
    #[uniffi(default)]
    pub file_name: Option<String>,
    /// The MIME type; guessed from the name when unset.
    #[uniffi(default)]
    pub mime_type: Option<String>,
    /// Who can see it; `User` on a user-bound client, else `Tenant`, when unset.
    #[uniffi(default)]
    pub scope: Option<FileScope>,
    /// The owner (uuid or email); the bound user when unset.
    #[uniffi(default)]
    pub user_id: Option<String>,
    /// Tags to attach.
    #[uniffi(default)]
    pub tags: Vec<String>,
    /// What to do when the name is taken.
    #[uniffi(default)]
    pub duplicate_handling: Option<DuplicateHandling>,
}

impl From<UploadOptions> for lumnisai::UploadFile {
    fn from(o: UploadOptions) -> lumnisai::UploadFile {
        lumnisai::UploadFile {
            file_name: o.file_name,
            mime_type: o.mime_type,
            scope: o.scope.map(Into::into),
            user_id: o.user_id,
            tags: o.tags,
            duplicate_handling: o.duplicate_handling.map(Into::into),
        }
    }
}

/// Which files to list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ListFilesParams {
    /// The user whose files to see (uuid or email); the bound user when unset.
    #[uniffi(default)]
    pub user_id: Option<String>,
    /// Only files of this scope.
    #[uniffi(default)]
    pub scope: Option<FileScope>,
    /// Only files of this type.
    #[uniffi(default)]
    pub file_type: Option<String>,
    /// Only files in this processing status.
    #[uniffi(default)]
    pub status: Option<String>,
    /// Only files with these tags.
    #[uniffi(default)]
    pub tags: Vec<String>,
    /// The page, from 1.
    #[uniffi(default = 1)]
    pub page: i32,
    /// Files per page, 1 to 100.
    #[uniffi(default = 20)]
    pub limit: i32,
}

/// Which part of a file's text to read.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct FileContentParams {
    /// The kind of content (`text` by default on the server).
    #[uniffi(default)]
    pub content_type: Option<String>,
    /// The first line, from 1.
    #[uniffi(default)]
    pub start_line: Option<i32>,
    /// The last line.
    #[uniffi(default)]
    pub end_line: Option<i32>,
    /// The user who may see the file; the bound user when unset.
    #[uniffi(default)]
    pub user_id: Option<String>,
}

fn uploaded(r: lumnisai::FileUploadResult) -> FileUploadResult {
    FileUploadResult {
        file_id: r.file_id.to_string(),
        file_name: r.file_name,
        status: r.status,
        message: r.message,
    }
}

#[uniffi::export]
impl LumnisClient {
    /// Uploads these bytes; a failed attempt is resent whole, with the same key.
    #[uniffi::method(default(options = None))]
    pub async fn upload_file(
        &self,
        bytes: Vec<u8>,
        options: Option<UploadOptions>,
    ) -> Result<FileUploadResult, LumnisError> {
        let source = lumnisai::FileSource::Bytes(bytes.into());
        let params = options.unwrap_or_default().into();
        self.call(|c| async move { c.files().upload(source, params).await.map(uploaded) })
            .await
    }

    /// Uploads the file at this local path, streamed from disk.
    #[uniffi::method(default(options = None))]
    pub async fn upload_file_path(
        &self,
        path: String,
        options: Option<UploadOptions>,
    ) -> Result<FileUploadResult, LumnisError> {
        let source = lumnisai::FileSource::Path(path.into());
        let params = options.unwrap_or_default().into();
        self.call(|c| async move { c.files().upload(source, params).await.map(uploaded) })
            .await
    }

    /// One page of files (20 by default).
    #[uniffi::method(default(params = None))]
    pub async fn list_files(
        &self,
        params: Option<ListFilesParams>,
    ) -> Result<FileList, LumnisError> {
        let params = match params {
            None => lumnisai::ListFiles::default(),
            Some(p) => lumnisai::ListFiles {
                user_id: p.user_id,
                scope: p.scope.map(Into::into),
                file_type: p.file_type,
                status: p.status,
                tags: p.tags,
                page: unsigned(Validation, "page", p.page)?,
                limit: unsigned(Validation, "limit", p.limit)?,
            },
        };
        self.call(|c| async move {
            let list = c.files().list(params).await?;
            Ok(FileList {
                files: list.files.into_iter().map(FileMetadata::from).collect(),
                total_count: long(list.total_count),
                page: int(list.page),
                limit: int(list.limit),
                has_more: list.has_more,
            })
        })
        .await
    }

    /// The metadata of a file.
    #[uniffi::method(default(user_id = None))]
    pub async fn get_file(
        &self,
        file_id: String,
        user_id: Option<String>,
    ) -> Result<FileMetadata, LumnisError> {
        self.call(|c| async move {
            let file = c.files().get(&file_id, user_id.as_deref()).await?;
            Ok(FileMetadata::from(file))
        })
        .await
    }

    /// The text of a file, or some of its lines.
    #[uniffi::method(default(params = None))]
    pub async fn get_file_content(
        &self,
        file_id: String,
        params: Option<FileContentParams>,
    ) -> Result<FileContent, LumnisError> {
        let p = params.unwrap_or_default();
        let params = lumnisai::FileContentParams {
            content_type: p.content_type,
            start_line: unsigned_opt(Validation, "startLine", p.start_line)?,
            end_line: unsigned_opt(Validation, "endLine", p.end_line)?,
            user_id: p.user_id,
        };
        self.call(|c| async move {
            let content = c.files().content(&file_id, params).await?;
            Ok(FileContent {
                file_id: content.file_id.to_string(),
                content_type: content.content_type,
                text: content.text,
                metadata_json: json::text(content.metadata),
                start_line: content.start_line.map(int),
                end_line: content.end_line.map(int),
                total_lines: content.total_lines.map(int),
            })
        })
        .await
    }

    /// The exact bytes of a file, in memory (up to the body limit).
    #[uniffi::method(default(user_id = None))]
    pub async fn download_file(
        &self,
        file_id: String,
        user_id: Option<String>,
    ) -> Result<Vec<u8>, LumnisError> {
        self.call(|c| async move {
            let bytes = c.files().download(&file_id, user_id.as_deref()).await?;
            Ok(bytes.to_vec())
        })
        .await
    }

    /// Streams a file to a local path (written whole or not at all); the bytes written.
    #[uniffi::method(default(user_id = None))]
    pub async fn download_file_to(
        &self,
        file_id: String,
        path: String,
        user_id: Option<String>,
    ) -> Result<i64, LumnisError> {
        self.call(|c| async move {
            let files = c.files();
            files
                .download_to(&file_id, &path, user_id.as_deref())
                .await
                .map(long)
        })
        .await
    }

    /// Where a file's processing stands.
    pub async fn get_file_status(&self, file_id: String) -> Result<FileStatus, LumnisError> {
        self.call(|c| async move {
            let s = c.files().status(&file_id).await?;
            Ok(FileStatus {
                status: s.status,
                progress_percentage: s.progress_percentage,
                chunks_embedded: s.chunks_embedded.map(long),
                total_chunks: s.total_chunks.map(long),
                estimated_time_remaining_seconds: s.estimated_time_remaining_seconds,
                error_message: s.error_message,
            })
        })
        .await
    }

    /// Deletes a file with its bytes, as the official SDKs do; `hardDelete = false` only
    /// hides it.
    #[uniffi::method(default(user_id = None, hard_delete = true))]
    pub async fn delete_file(
        &self,
        file_id: String,
        user_id: Option<String>,
        hard_delete: bool,
    ) -> Result<DeleteResult, LumnisError> {
        self.call(|c| async move {
            let files = c.files();
            let result = files
                .delete(&file_id, user_id.as_deref(), hard_delete)
                .await?;
            Ok(DeleteResult::from(result))
        })
        .await
    }
}

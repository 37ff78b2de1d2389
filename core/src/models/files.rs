//! Files uploaded for the agent to use.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::null_default;

/// Who can see a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FileScope {
    /// Only the user who owns it.
    User,
    /// Every user of the tenant.
    Tenant,
    /// A scope this client does not know, read from a newer server in a file's metadata
    /// (see [`FileMetadata::file_scope`]); never sent, never parsed from a caller.
    #[serde(skip_deserializing)]
    Unknown,
}

impl FileScope {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            FileScope::User => "user",
            FileScope::Tenant => "tenant",
            FileScope::Unknown => "unknown",
        }
    }
}

impl std::str::FromStr for FileScope {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<FileScope> {
        match s.to_ascii_lowercase().as_str() {
            "user" => Ok(FileScope::User),
            "tenant" => Ok(FileScope::Tenant),
            _ => Err(crate::Error::validation(format!(
                "file scope must be \"user\" or \"tenant\", not {s:?}"
            ))),
        }
    }
}

/// Reads a file's scope (or null), one from a newer server as [`FileScope::Unknown`].
fn read_scope<'de, D: Deserializer<'de>>(de: D) -> Result<Option<FileScope>, D::Error> {
    let scope: Option<String> = Option::deserialize(de)?;
    Ok(scope.map(|s| s.parse().unwrap_or(FileScope::Unknown)))
}

/// What an upload does when a file of the same name exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

impl DuplicateHandling {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateHandling::Error => "error",
            DuplicateHandling::Skip => "skip",
            DuplicateHandling::Replace => "replace",
            DuplicateHandling::Suffix => "suffix",
        }
    }
}

impl std::str::FromStr for DuplicateHandling {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<DuplicateHandling> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Ok(DuplicateHandling::Error),
            "skip" => Ok(DuplicateHandling::Skip),
            "replace" => Ok(DuplicateHandling::Replace),
            "suffix" => Ok(DuplicateHandling::Suffix),
            _ => Err(crate::Error::validation(format!(
                "duplicate_handling must be error, skip, replace or suffix, not {s:?}"
            ))),
        }
    }
}

/// A stored file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileMetadata {
    /// The file's id.
    pub id: Uuid,
    /// The tenant.
    #[serde(default)]
    pub tenant_id: Option<Uuid>,
    /// The owner, for user-scoped files.
    #[serde(default)]
    pub user_id: Option<Uuid>,
    /// The stored name.
    pub file_name: String,
    /// The name it was uploaded under.
    #[serde(default)]
    pub original_file_name: Option<String>,
    /// The extension-derived type.
    #[serde(default)]
    pub file_type: Option<String>,
    /// The MIME type.
    #[serde(default)]
    pub mime_type: Option<String>,
    /// The size in bytes.
    #[serde(default, deserialize_with = "null_default")]
    pub file_size: u64,
    /// Who can see it; a scope this client does not know reads as [`FileScope::Unknown`].
    #[serde(default, deserialize_with = "read_scope")]
    pub file_scope: Option<FileScope>,
    /// Where the blob is stored.
    #[serde(default)]
    pub blob_url: Option<String>,
    /// pending, parsing, embedding, completed, partial_success or error.
    #[serde(default)]
    pub processing_status: Option<String>,
    /// Why processing failed.
    #[serde(default)]
    pub error_message: Option<String>,
    /// How many chunks the file was cut into.
    #[serde(default)]
    pub total_chunks: Option<u64>,
    /// How many chunks are embedded.
    #[serde(default)]
    pub chunks_embedded: Option<u64>,
    /// Its tags.
    #[serde(default, deserialize_with = "null_default")]
    pub tags: Vec<String>,
    /// When it was uploaded.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// When it was deleted.
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// The answer to an upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileUploadResult {
    /// The stored file's id.
    pub file_id: Uuid,
    /// The stored name.
    pub file_name: String,
    /// Its processing status.
    #[serde(default)]
    pub status: Option<String>,
    /// What the server said.
    #[serde(default)]
    pub message: Option<String>,
}

/// One page of files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileList {
    /// The files of this page.
    #[serde(default, deserialize_with = "null_default")]
    pub files: Vec<FileMetadata>,
    /// How many match in all.
    #[serde(default)]
    pub total_count: u64,
    /// The page, from 1.
    #[serde(default)]
    pub page: u32,
    /// The page size.
    #[serde(default)]
    pub limit: u32,
    /// Whether a later page exists.
    #[serde(default)]
    pub has_more: bool,
}

/// A file's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileContent {
    /// The file's id.
    pub file_id: Uuid,
    /// The kind of content returned.
    #[serde(default)]
    pub content_type: Option<String>,
    /// The text.
    #[serde(default)]
    pub text: Option<String>,
    /// Extra facts, verbatim.
    #[serde(default)]
    pub metadata: Option<Value>,
    /// The first line returned, from 1.
    #[serde(default)]
    pub start_line: Option<u64>,
    /// The last line returned.
    #[serde(default)]
    pub end_line: Option<u64>,
    /// How many lines the file has.
    #[serde(default)]
    pub total_lines: Option<u64>,
}

/// Where a file's processing stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileStatus {
    /// The processing status.
    pub status: String,
    /// How far along, 0 to 100.
    #[serde(default)]
    pub progress_percentage: Option<f64>,
    /// Chunks embedded so far.
    #[serde(default)]
    pub chunks_embedded: Option<u64>,
    /// Chunks in all.
    #[serde(default)]
    pub total_chunks: Option<u64>,
    /// The server's estimate of the time left.
    #[serde(default)]
    pub estimated_time_remaining_seconds: Option<f64>,
    /// Why processing failed.
    #[serde(default)]
    pub error_message: Option<String>,
}

/// Splits a tag list written as the API and the official SDKs write one, comma-separated
/// (`"q3, finance"`), into its tags, dropping the blanks around and between the commas.
pub fn split_tags(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How an upload is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UploadFile {
    /// The name to store; the path's file name, or `upload.bin`, when `None`.
    pub file_name: Option<String>,
    /// The MIME type; guessed from the name when `None`.
    pub mime_type: Option<String>,
    /// Who can see it; `user` on a user-bound client, else `tenant`, when `None`.
    pub scope: Option<FileScope>,
    /// The owner (uuid or email); the bound user when `None`.
    pub user_id: Option<String>,
    /// Tags to attach.
    pub tags: Vec<String>,
    /// What to do when the name is taken.
    pub duplicate_handling: Option<DuplicateHandling>,
}

/// Which files to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListFiles {
    /// The user whose files to see (uuid or email); the bound user when `None`.
    pub user_id: Option<String>,
    /// Only files of this scope.
    pub scope: Option<FileScope>,
    /// Only files of this type.
    pub file_type: Option<String>,
    /// Only files in this processing status.
    pub status: Option<String>,
    /// Only files with these tags.
    pub tags: Vec<String>,
    /// The page, from 1.
    pub page: u32,
    /// Files per page.
    pub limit: u32,
}

impl Default for ListFiles {
    fn default() -> ListFiles {
        ListFiles {
            user_id: None,
            scope: None,
            file_type: None,
            status: None,
            tags: Vec::new(),
            page: 1,
            limit: 20,
        }
    }
}

/// Which part of a file's text to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileContentParams {
    /// The kind of content (`text` by default on the server).
    pub content_type: Option<String>,
    /// The first line, from 1.
    pub start_line: Option<u64>,
    /// The last line.
    pub end_line: Option<u64>,
    /// The user who may see the file; the bound user when `None`.
    pub user_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::split_tags;

    #[test]
    fn a_comma_separated_list_splits_into_trimmed_tags() {
        assert_eq!(split_tags("q3, finance ,,"), ["q3", "finance"]);
        assert!(split_tags(" , ").is_empty());
    }
}

//! `POST /v1/files/upload`: the file part is streamed to disk as it arrives, then the
//! duplicate rule decides what becomes of it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

use super::resolve_user;
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::extract::Tenant;
use crate::storage::{FileRow, NewFile};

/// How long "processing" (parsing and embedding) of an upload takes.
const PROCESSING: Duration = Duration::from_millis(20);

/// The largest form field other than `file`: those are short words, ids and tag lists, and
/// are held in memory whole.
const FIELD_LIMIT: usize = 64 * 1024;

/// An uploaded part on disk, removed unless it is kept.
struct Part {
    path: PathBuf,
    name: String,
    mime: String,
    size: i64,
}

impl Drop for Part {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[derive(Default)]
struct Form {
    file: Option<Part>,
    scope: Option<String>,
    user_id: Option<String>,
    tags: Option<String>,
    duplicate_handling: Option<String>,
}

fn bad_form(err: impl std::error::Error) -> ApiError {
    // axum's message is the same for every parse failure: multer's cause says which.
    match err.source() {
        Some(cause) => ApiError::validation(format!("Invalid multipart body: {err}: {cause}")),
        None => ApiError::validation(format!("Invalid multipart body: {err}")),
    }
}

async fn save_part(app: &App, mut field: Field<'_>) -> ApiResult<Part> {
    let name = field
        .file_name()
        .map(str::to_owned)
        .filter(|n| !n.is_empty());
    let Some(name) = name else {
        return Err(ApiError::validation("the file part needs a file name"));
    };
    let mime = field
        .content_type()
        .unwrap_or("application/octet-stream")
        .to_owned();
    let path = app
        .store
        .blob_path(&format!("upload-{}.part", crate::ids::new_uuid().simple()));
    let mut out = tokio::fs::File::create(&path).await?;
    let mut part = Part {
        path,
        name,
        mime,
        size: 0,
    };
    while let Some(chunk) = field.chunk().await.map_err(bad_form)? {
        out.write_all(&chunk).await?;
        part.size += chunk.len() as i64;
    }
    out.flush().await?;
    Ok(part)
}

/// A form field other than `file`, refused once it grows past [`FIELD_LIMIT`].
async fn small_field(mut field: Field<'_>) -> ApiResult<String> {
    let name = field.name().unwrap_or("").to_owned();
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(bad_form)? {
        if bytes.len() + chunk.len() > FIELD_LIMIT {
            return Err(ApiError::too_large(format!(
                "The form field {name:?} is over {} KiB",
                FIELD_LIMIT / 1024
            )));
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes)
        .map_err(|_| ApiError::validation(format!("The form field {name:?} is not UTF-8")))
}

async fn read_form(app: &App, mut multipart: Multipart) -> ApiResult<Form> {
    let mut form = Form::default();
    while let Some(field) = multipart.next_field().await.map_err(bad_form)? {
        match field.name().unwrap_or("") {
            "file" => form.file = Some(save_part(app, field).await?),
            "scope" => form.scope = Some(small_field(field).await?),
            "user_id" => form.user_id = Some(small_field(field).await?),
            "tags" => form.tags = Some(small_field(field).await?),
            "duplicate_handling" => form.duplicate_handling = Some(small_field(field).await?),
            _ => {
                small_field(field).await?;
            }
        }
    }
    Ok(form)
}

/// `stem (n).ext` for the first `n` whose name is free.
fn free_name(app: &App, tenant: Uuid, user: Option<Uuid>, name: &str) -> ApiResult<String> {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    for n in 1.. {
        let candidate = format!("{stem} ({n}){ext}");
        if app
            .store
            .file_find_name(tenant, user, &candidate)?
            .is_none()
        {
            return Ok(candidate);
        }
    }
    Err(ApiError::internal("no free file name"))
}

/// Marks the file processed a moment later, as the hosted API does after embedding.
fn process(app: &Arc<App>, id: Uuid) {
    let app = app.clone();
    tokio::spawn(async move {
        tokio::time::sleep(PROCESSING).await;
        if let Err(err) = app.store.file_complete(id) {
            tracing::error!(error = %err, "file processing could not be stored");
        }
    });
}

fn keep(app: &App, part: &Part, id: &str) -> ApiResult<()> {
    std::fs::rename(&part.path, app.store.blob_path(id))?;
    Ok(())
}

fn answer(
    status: StatusCode,
    file: &FileRow,
    state: &str,
    message: &str,
) -> (StatusCode, Json<Value>) {
    let body = json!({
        "file_id": file.id, "file_name": file.file_name, "status": state, "message": message
    });
    (status, Json(body))
}

pub async fn upload(
    State(app): State<Arc<App>>,
    Tenant(tenant): Tenant,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let form = read_form(&app, multipart.map_err(bad_form)?).await?;
    let Some(part) = form.file else {
        return Err(ApiError::validation("the multipart body needs a file part"));
    };
    let scope = form.scope.unwrap_or_else(|| "tenant".to_owned());
    let user = resolve_user(&app, tenant, form.user_id.as_deref())?;
    let owner = match (scope.as_str(), user) {
        ("user", None) => return Err(ApiError::validation("scope user needs a user_id")),
        ("user", Some(user)) => Some(user),
        ("tenant", _) => None,
        _ => return Err(ApiError::validation("scope must be user or tenant")),
    };
    let handling = form
        .duplicate_handling
        .unwrap_or_else(|| "suffix".to_owned());
    if !["error", "skip", "replace", "suffix"].contains(&handling.as_str()) {
        return Err(ApiError::validation(
            "duplicate_handling must be error, skip, replace or suffix",
        ));
    }
    let tags: Vec<String> = form
        .tags
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();

    // Nothing below awaits, so a plain mutex serves.
    let _names = app
        .file_names
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut file_name = part.name.clone();
    if let Some(existing) = app.store.file_find_name(tenant, owner, &part.name)? {
        match handling.as_str() {
            "error" => {
                return Err(
                    ApiError::conflict(format!("A file named {:?} exists", part.name))
                        .with_details(json!({"file_id": existing.id})),
                )
            }
            "skip" => {
                return Ok(answer(
                    StatusCode::OK,
                    &existing,
                    "skipped",
                    "A file of that name exists",
                ))
            }
            "replace" => {
                keep(&app, &part, &existing.id)?;
                let id = Uuid::parse_str(&existing.id)
                    .map_err(|_| ApiError::internal("Stored file id is not a uuid"))?;
                app.store.file_replace(id, part.size, &part.mime)?;
                process(&app, id);
                return Ok(answer(
                    StatusCode::OK,
                    &existing,
                    "pending",
                    "File replaced",
                ));
            }
            _ => file_name = free_name(&app, tenant, owner, &part.name)?,
        }
    }

    let id = crate::ids::new_uuid();
    keep(&app, &part, &id.to_string())?;
    let file = app.store.file_insert(&NewFile {
        id,
        tenant,
        user: user.or(owner),
        file_name,
        original_file_name: part.name.clone(),
        mime_type: part.mime.clone(),
        size: part.size,
        scope,
        tags,
    })?;
    process(&app, id);
    Ok(answer(
        StatusCode::CREATED,
        &file,
        "pending",
        "File uploaded",
    ))
}

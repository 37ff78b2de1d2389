//! Files through the core: upload from bytes, a path and a reader; list, get, content,
//! download, status, delete, duplicates.

// Test helpers fail loudly: an unwrap here is an assertion.
#![allow(clippy::unwrap_used)]

mod common;

use std::cell::Cell;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::TryStreamExt;

use tokio::io::{AsyncRead, ReadBuf};

use lumnisai::{
    DuplicateHandling, ErrorKind, FileContentParams, FileScope, FileSource, ListFiles, UploadFile,
};

/// A reader that is `Send` but not `Sync` (the `Cell`), as many wrappers of a stream are.
struct SendOnly(std::io::Cursor<Vec<u8>>, Cell<()>);

impl AsyncRead for SendOnly {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

fn named(name: &str) -> UploadFile {
    UploadFile {
        file_name: Some(name.into()),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_list_get_content_download_status_delete() {
    let local = common::start().await;
    let client = local.client();
    let text = "line one\nline two\nline three\n";

    let params = UploadFile {
        tags: vec!["notes".into(), "q4".into()],
        ..named("notes.txt")
    };
    let up = client
        .files()
        .upload(FileSource::Bytes(text.into()), params)
        .await
        .unwrap();
    assert_eq!(up.file_name, "notes.txt");
    let id = up.file_id.to_string();

    let meta = client.files().get(&id, None).await.unwrap();
    assert_eq!(meta.file_size, text.len() as u64);
    assert_eq!(meta.file_scope, Some(FileScope::Tenant));
    assert_eq!(meta.mime_type.as_deref(), Some("text/plain"));
    assert_eq!(meta.tags, vec!["notes", "q4"]);

    let list = client.files().list(ListFiles::default()).await.unwrap();
    assert_eq!(list.total_count, 1);
    assert_eq!(list.files[0].id, up.file_id);

    let range = FileContentParams {
        start_line: Some(2),
        end_line: Some(3),
        ..Default::default()
    };
    let content = client.files().content(&id, range).await.unwrap();
    assert_eq!(content.text.as_deref(), Some("line two\nline three"));
    assert_eq!(content.total_lines, Some(3));

    assert_eq!(
        client.files().download(&id, None).await.unwrap().as_ref(),
        text.as_bytes()
    );

    let mut status = client.files().status(&id).await.unwrap();
    for _ in 0..50 {
        if status.status == "completed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
        status = client.files().status(&id).await.unwrap();
    }
    assert_eq!(status.status, "completed");

    client.files().delete(&id, None, true).await.unwrap();
    let err = client.files().get(&id, None).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_from_a_path_and_a_reader() {
    let local = common::start().await;
    let client = local.client();
    let dir = std::env::temp_dir().join(format!("lumnisai-files-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.md");
    std::fs::write(&path, "# Report\n").unwrap();

    let up = client
        .files()
        .upload(FileSource::Path(path.clone()), UploadFile::default())
        .await;
    let up = up.unwrap();
    assert_eq!(up.file_name, "report.md", "the name comes from the path");

    let reader = Box::new(std::io::Cursor::new(b"streamed bytes".to_vec()));
    let source = FileSource::Reader(reader, None);
    let streamed = client
        .files()
        .upload(source, named("stream.bin"))
        .await
        .unwrap();
    let back = client
        .files()
        .download(streamed.file_id, None)
        .await
        .unwrap();
    assert_eq!(back.as_ref(), b"streamed bytes");

    // A reader that can move between threads but not be shared by them is enough.
    let reader = Box::new(SendOnly(
        std::io::Cursor::new(b"one owner".to_vec()),
        Cell::new(()),
    ));
    let once = client
        .files()
        .upload(FileSource::Reader(reader, Some(9)), named("owned.bin"))
        .await
        .unwrap();
    let back = client.files().download(once.file_id, None).await.unwrap();
    assert_eq!(back.as_ref(), b"one owner");

    let copy = dir.join("copy.md");
    let written = client.files().download_to(up.file_id, &copy, None).await;
    assert_eq!(written.unwrap(), 9);
    assert_eq!(std::fs::read(&copy).unwrap(), b"# Report\n");
    assert!(!dir.join("copy.md.part").exists());

    let missing = FileSource::Path(dir.join("absent.txt"));
    let err = client
        .files()
        .upload(missing, UploadFile::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_file_page_after_page() {
    let local = common::start().await;
    let client = local.client();
    for n in 0..5 {
        let source = FileSource::Bytes(format!("file {n}").into_bytes().into());
        let name = format!("f{n}.txt");
        client.files().upload(source, named(&name)).await.unwrap();
    }
    local.clear_log().await;
    let pages = ListFiles {
        limit: 2,
        ..Default::default()
    };
    let all: Vec<_> = client.files().list_all(pages).try_collect().await.unwrap();
    let mut names: Vec<_> = all.iter().map(|f| f.file_name.clone()).collect();
    names.sort();
    assert_eq!(names, ["f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt"]);
    assert_eq!(
        local.requests("GET", "/v1/files").await.len(),
        3,
        "pages of 2, 2 and 1"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duplicate_handling() {
    let local = common::start().await;
    let client = local.client();
    let upload = |handling| {
        let files = client.files();
        let params = UploadFile {
            duplicate_handling: handling,
            ..named("dup.txt")
        };
        async move { files.upload(FileSource::Bytes("x".into()), params).await }
    };
    let first = upload(None).await.unwrap();

    let err = upload(Some(DuplicateHandling::Error)).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.status(), Some(409));

    let skipped = upload(Some(DuplicateHandling::Skip)).await.unwrap();
    assert_eq!(skipped.file_id, first.file_id);
    let suffixed = upload(Some(DuplicateHandling::Suffix)).await.unwrap();
    assert_ne!(suffixed.file_name, "dup.txt");
    assert_eq!(
        client
            .files()
            .list(ListFiles::default())
            .await
            .unwrap()
            .total_count,
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_scoped_upload_needs_a_user() {
    let local = common::start().await;
    let client = local.client();
    local.clear_log().await;
    let params = UploadFile {
        scope: Some(FileScope::User),
        ..named("mine.txt")
    };
    let err = client
        .files()
        .upload(FileSource::Bytes("x".into()), params)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingUserId);
    assert!(local.log().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_uploads_and_reads_never_reach_the_server() {
    let local = common::start().await;
    let client = local.client();
    local.clear_log().await;

    let dir = std::env::temp_dir();
    let err = client
        .files()
        .upload(FileSource::Path(dir), UploadFile::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io, "{err}");
    assert!(err.message().contains("directory"), "{err}");
    let reason = err.details().and_then(|d| d["reason"].as_str());
    assert_eq!(reason, Some("is_a_directory"));

    // A missing path says so in its details, which the bindings raise as their own class.
    let missing = std::env::temp_dir().join("lumnisai-no-such-file.txt");
    let err = client
        .files()
        .upload(FileSource::Path(missing.clone()), UploadFile::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io, "{err}");
    let details = err.details().cloned().unwrap_or_default();
    assert_eq!(details["reason"], "not_found");
    assert_eq!(details["path"], missing.to_string_lossy().as_ref());

    let unknown = UploadFile {
        scope: Some(FileScope::Unknown),
        ..named("scoped.txt")
    };
    let err = client
        .files()
        .upload(FileSource::Bytes("x".into()), unknown)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);

    let comma = UploadFile {
        tags: vec!["a,b".into()],
        ..named("tagged.txt")
    };
    let err = client
        .files()
        .upload(FileSource::Bytes("x".into()), comma)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);

    let line_zero = FileContentParams {
        start_line: Some(0),
        ..Default::default()
    };
    let id = "0b6f3b8e-8a8e-4d3a-9a53-1f6f0c7f9c11";
    let err = client.files().content(id, line_zero).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let backwards = FileContentParams {
        start_line: Some(5),
        end_line: Some(2),
        ..Default::default()
    };
    let err = client.files().content(id, backwards).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);

    assert!(local.log().await.is_empty(), "nothing was sent");
}

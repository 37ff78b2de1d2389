//! `NativeStream`: a core stream (every page of a list, or the progress of an `invoke`) read
//! one item per `next()` promise, which the JS layer wraps in an async iterator.

use std::sync::{Arc, Mutex as SyncMutex};

use futures::stream::BoxStream;
use futures::StreamExt;
use napi::{Env, JsObject};
use napi_derive::napi;
use tokio::sync::Mutex;

use crate::bridge::{promise, Failure};

pub(crate) enum Source {
    /// Items already converted to JSON text.
    Items(BoxStream<'static, lumnisai::Result<String>>),
    /// The progress of one `invoke`, which also knows its final response.
    Invoke(lumnisai::InvokeStream),
}

/// A stream read from JavaScript, one item at a time; `close()` drops it early.
#[napi]
pub struct NativeStream {
    source: Arc<Mutex<Option<Source>>>,
    // Kept apart from the source, which `close()` drops as soon as the iteration ends.
    response: Arc<SyncMutex<Option<String>>>,
}

impl NativeStream {
    pub(crate) fn new(source: Source) -> NativeStream {
        NativeStream {
            source: Arc::new(Mutex::new(Some(source))),
            response: Arc::new(SyncMutex::new(None)),
        }
    }
}

#[napi]
impl NativeStream {
    /// The next item as JSON text, or `null` at the end.
    #[napi(ts_return_type = "Promise<string | null>")]
    pub fn next(&self, env: Env, cancel: Option<u32>) -> napi::Result<JsObject> {
        let source = self.source.clone();
        let response = self.response.clone();
        let work = async move {
            let mut slot = source.lock().await;
            let item = match slot.as_mut() {
                None => None,
                Some(Source::Items(items)) => items.next().await.transpose()?,
                Some(Source::Invoke(progress)) => {
                    let entry = progress.next().await.transpose()?;
                    // Known from the closing entry on, as in Python: that is how a reader
                    // tells the entry the core adds at the end from the server's own.
                    let last = progress.response().map(crate::out::Response::from);
                    let last = last.as_ref().map(to_json).transpose()?;
                    *response.lock().unwrap_or_else(|p| p.into_inner()) = last;
                    entry
                        .map(|entry| to_json(&crate::out::ProgressEntry::from(entry)))
                        .transpose()?
                }
            };
            Ok::<_, Failure>(item)
        };
        promise(&env, cancel, work, |_, item| Ok(item))
    }

    /// The final response of an `invoke` stream as JSON text, once it has ended.
    #[napi]
    pub fn response(&self) -> Option<String> {
        self.response
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Drops the stream: no more pages are read.
    #[napi]
    pub fn close(&self) {
        let source = self.source.clone();
        lumnisai::runtime::handle().spawn(async move {
            source.lock().await.take();
        });
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> lumnisai::Result<String> {
    crate::out::json(value).map_err(|e| lumnisai::Error::new(lumnisai::ErrorKind::Decode, e.reason))
}

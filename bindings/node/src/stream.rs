//! `NativeStream`: a core stream (every page of a list, or the progress of an `invoke`) read
//! one item per `next()` promise, which the JS layer wraps in an async iterator.

use std::sync::Arc;

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
}

impl NativeStream {
    pub(crate) fn new(source: Source) -> NativeStream {
        NativeStream {
            source: Arc::new(Mutex::new(Some(source))),
        }
    }
}

#[napi]
impl NativeStream {
    /// The next item as JSON text, or `null` at the end.
    #[napi(ts_return_type = "Promise<string | null>")]
    pub fn next(&self, env: Env, cancel: Option<u32>) -> napi::Result<JsObject> {
        let source = self.source.clone();
        let work = async move {
            let mut slot = source.lock().await;
            let item = match slot.as_mut() {
                None => None,
                Some(Source::Items(items)) => items.next().await.transpose()?,
                Some(Source::Invoke(progress)) => match progress.next().await.transpose()? {
                    Some(entry) => Some(
                        crate::out::json(&crate::out::ProgressEntry::from(entry)).map_err(|e| {
                            lumnisai::Error::new(lumnisai::ErrorKind::Decode, e.reason)
                        })?,
                    ),
                    None => None,
                },
            };
            Ok::<_, Failure>(item)
        };
        promise(&env, cancel, work, |_, item| Ok(item))
    }

    /// The final response of an `invoke` stream as JSON text, once it has ended.
    #[napi]
    pub fn response(&self) -> napi::Result<Option<String>> {
        let Ok(slot) = self.source.try_lock() else {
            return Ok(None);
        };
        match slot.as_ref() {
            Some(Source::Invoke(progress)) => progress
                .response()
                .map(|r| crate::out::json(&crate::out::Response::from(r)))
                .transpose(),
            _ => Ok(None),
        }
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

//! `UploadSink`: the body of an upload fed chunk by chunk from a Node stream.
//!
//! Chunks go through a small bounded channel that the core reads as an `AsyncRead`, so a
//! large file is never held whole in memory and a slow upload slows the reader
//! (backpressure: `write()` resolves once the chunk is queued).

use std::io;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{ready, Context, Poll};

use bytes::{Buf, Bytes};
use napi::bindgen_prelude::Buffer;
use napi::{Env, JsObject};
use napi_derive::napi;
use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::mpsc;

use crate::bridge::{promise, Failure};

type Chunk = io::Result<Bytes>;

// A few fs-stream chunks (64 KiB each) in flight at most.
const QUEUED_CHUNKS: usize = 4;

/// Where a Node stream writes an upload's bytes.
#[napi]
pub struct UploadSink {
    sender: Mutex<Option<mpsc::Sender<Chunk>>>,
    receiver: Mutex<Option<mpsc::Receiver<Chunk>>>,
}

impl UploadSink {
    /// The reading end, once: the upload that consumes the sink takes it.
    pub(crate) fn take_reader(&self) -> Option<ChannelReader> {
        let receiver = self
            .receiver
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()?;
        Some(ChannelReader {
            receiver,
            current: Bytes::new(),
        })
    }

    fn sender(&self) -> Option<mpsc::Sender<Chunk>> {
        self.sender
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

#[napi]
impl UploadSink {
    #[napi(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> UploadSink {
        let (sender, receiver) = mpsc::channel(QUEUED_CHUNKS);
        UploadSink {
            sender: Mutex::new(Some(sender)),
            receiver: Mutex::new(Some(receiver)),
        }
    }

    /// Queues a chunk; resolves `false` once the upload has stopped reading.
    #[napi(ts_return_type = "Promise<boolean>")]
    pub fn write(&self, env: Env, chunk: Buffer) -> napi::Result<JsObject> {
        let sender = self.sender();
        let bytes = Bytes::from(chunk.to_vec());
        let work = async move {
            let Some(sender) = sender else {
                return Ok::<_, Failure>(false);
            };
            Ok(sender.send(Ok(bytes)).await.is_ok())
        };
        promise(&env, None, work, |_, sent| Ok(sent))
    }

    /// Ends the body: the upload sends what it has and finishes.
    #[napi]
    pub fn end(&self) {
        self.sender.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    /// Ends the body with an error (the source stream failed), so the upload fails too.
    #[napi]
    pub fn fail(&self, message: String) {
        if let Some(sender) = self.sender.lock().unwrap_or_else(|p| p.into_inner()).take() {
            // Sent from a task, so that a full queue delays the error instead of losing it (a
            // lost error would end the body early and upload a truncated file).
            lumnisai::runtime::handle().spawn(async move {
                let _ = sender.send(Err(io::Error::other(message))).await;
            });
        }
    }
}

/// The channel's receiving end as an `AsyncRead`.
pub(crate) struct ChannelReader {
    receiver: mpsc::Receiver<Chunk>,
    current: Bytes,
}

impl AsyncRead for ChannelReader {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        loop {
            if !self.current.is_empty() {
                let n = self.current.len().min(buf.remaining());
                buf.put_slice(&self.current[..n]);
                self.current.advance(n);
                return Poll::Ready(Ok(()));
            }
            match ready!(self.receiver.poll_recv(cx)) {
                Some(Ok(chunk)) => self.current = chunk,
                Some(Err(err)) => return Poll::Ready(Err(err)),
                None => return Poll::Ready(Ok(())),
            }
        }
    }
}

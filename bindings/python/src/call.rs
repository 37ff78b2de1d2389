//! The bridge between Rust futures and Python callers: a blocking wait for the sync client and
//! an asyncio future for the async one.
//!
//! The sync wait releases the GIL and wakes every tick to run Python's signal handlers, so
//! Ctrl-C raises `KeyboardInterrupt` at once and drops the Rust future (and its request). A
//! one-shot call runs on the waiting thread itself (`runtime::block_on_here`); a step of a
//! stream runs on the shared runtime, since a stream's requests may outlive one step and be
//! read from another thread. The async bridge spawns the future and completes an asyncio
//! future through `loop.call_soon_threadsafe`; `abort()` (called when the asyncio task is
//! cancelled) drops it.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use futures::future::BoxFuture;
use futures::stream::BoxStream;
use futures::{FutureExt, StreamExt};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde_json::Value;
use tokio::task::AbortHandle;

use crate::convert::to_py;
use crate::errors::{panic_to_pyerr, to_pyerr};

/// How often a blocking wait checks for signals.
const TICK: Duration = Duration::from_millis(50);

/// What an operation gives back.
pub enum Out {
    Json(Value),
    Bytes(Bytes),
    /// The end of a stream (`None` in Python).
    End,
}

pub type OpResult = lumnisai::Result<Out>;
pub type OpFuture = BoxFuture<'static, OpResult>;
type Caught = std::thread::Result<OpResult>;

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn caught_to_py(py: Python<'_>, caught: Caught) -> PyResult<Py<PyAny>> {
    match caught {
        Ok(Ok(Out::Json(value))) => Ok(to_py(py, &value)?.unbind()),
        Ok(Ok(Out::Bytes(bytes))) => Ok(PyBytes::new(py, &bytes).into_any().unbind()),
        Ok(Ok(Out::End)) => Ok(py.None()),
        Ok(Err(err)) => Err(to_pyerr(py, &err)),
        Err(payload) => Err(panic_to_pyerr(py, payload.as_ref())),
    }
}

/// Aborts a spawned call when dropped, so that no call outlives its caller's wait.
struct AbortOnDrop(AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// One pending operation: run it once, with `wait()` or `spawn()`.
#[pyclass(module = "lumnisai._native", frozen)]
pub struct Call {
    future: Mutex<Option<OpFuture>>,
    task: Mutex<Option<AbortHandle>>,
    /// Whether `wait()` may run it on the waiting thread: everything it starts ends with it.
    one_shot: bool,
}

impl Call {
    pub fn new(future: OpFuture) -> Call {
        Call {
            future: Mutex::new(Some(future)),
            task: Mutex::new(None),
            one_shot: true,
        }
    }

    /// A step of a stream, whose requests may outlive it: always run on the shared runtime.
    fn stream_step(future: OpFuture) -> Call {
        Call {
            one_shot: false,
            ..Call::new(future)
        }
    }

    fn take(&self) -> PyResult<OpFuture> {
        lock(&self.future)
            .take()
            .ok_or_else(|| PyRuntimeError::new_err("this call has already run"))
    }
}

#[pymethods]
impl Call {
    /// Runs the call and waits for it without holding the GIL.
    fn wait(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let future = AssertUnwindSafe(self.take()?).catch_unwind();
        if self.one_shot {
            wait_here(py, future)
        } else {
            wait_on_shared_runtime(py, future)
        }
    }

    /// Runs the call on the shared runtime; when it ends, `complete(future, ok, value)` is
    /// scheduled on `event_loop` with the result or the exception.
    fn spawn(&self, event_loop: Py<PyAny>, future: Py<PyAny>, complete: Py<PyAny>) -> PyResult<()> {
        let op = self.take()?;
        let task = lumnisai::runtime::handle().spawn(async move {
            let caught = AssertUnwindSafe(op).catch_unwind().await;
            crate::exit::with_python(|py| {
                let (ok, value) = match caught_to_py(py, caught) {
                    Ok(value) => (true, value),
                    Err(err) => (false, err.into_value(py).into_any()),
                };
                let args = (complete, future, ok, value);
                // A closed loop means nobody waits for the answer any more.
                let _ = event_loop.call_method1(py, "call_soon_threadsafe", args);
            });
        });
        *lock(&self.task) = Some(task.abort_handle());
        Ok(())
    }

    /// Drops the running call (and its request); nothing is retried after this.
    fn abort(&self) {
        if let Some(task) = lock(&self.task).take() {
            task.abort();
        }
    }
}

/// Runs the call on the waiting thread: it does the whole exchange itself, with no hand-off
/// to a runtime worker and back. The wait stops at every tick to let Python run its signal
/// handlers; a KeyboardInterrupt returns early and drops the future, and its request.
fn wait_here(py: Python<'_>, future: impl Future<Output = Caught> + Send) -> PyResult<Py<PyAny>> {
    let mut future = Box::pin(future);
    loop {
        // The tick's timer is made inside the runtime it belongs to.
        let step = py.detach(|| {
            lumnisai::runtime::block_on_here(async {
                tokio::time::timeout(TICK, future.as_mut()).await
            })
        });
        match step {
            Ok(caught) => return caught_to_py(py, caught),
            Err(_tick) => py.check_signals()?,
        }
    }
}

/// Runs the call on a worker of the shared runtime, beside its connection's task: one wake-up
/// to start it and one to report. The answer comes back on a std channel, whose timed wait
/// arms no runtime timer (a tokio timer would wake a worker to re-arm its clock on every call).
fn wait_on_shared_runtime(
    py: Python<'_>,
    future: impl Future<Output = Caught> + Send + 'static,
) -> PyResult<Py<PyAny>> {
    let (tx, rx) = mpsc::sync_channel::<Caught>(1);
    let task = lumnisai::runtime::handle().spawn(async move {
        let _ = tx.send(future.await);
    });
    // A KeyboardInterrupt returns early: the task is aborted, dropping its request.
    let _abort = AbortOnDrop(task.abort_handle());
    let mut rx = rx;
    loop {
        // The receiver moves into the GIL-free wait and back: it is Send, not Sync.
        let (step, back) = py.detach(move || (rx.recv_timeout(TICK), rx));
        rx = back;
        match step {
            Ok(caught) => return caught_to_py(py, caught),
            Err(RecvTimeoutError::Timeout) => py.check_signals()?,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(PyRuntimeError::new_err("the call ended without an answer"))
            }
        }
    }
}

/// What a stream reads from.
pub enum Source {
    Invoke(lumnisai::InvokeStream),
    Items(BoxStream<'static, lumnisai::Result<Value>>),
}

/// A stream of items (pages of a list, progress entries of a run), read one `Call` at a time.
#[pyclass(module = "lumnisai._native", frozen)]
pub struct Stream {
    source: Arc<tokio::sync::Mutex<Source>>,
}

impl Stream {
    pub fn new(source: Source) -> Stream {
        Stream {
            source: Arc::new(tokio::sync::Mutex::new(source)),
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> lumnisai::Result<Value> {
    serde_json::to_value(value).map_err(|e| {
        lumnisai::Error::new(lumnisai::ErrorKind::Decode, format!("cannot encode: {e}"))
    })
}

#[pymethods]
impl Stream {
    /// The next item, or `None` after the last one.
    fn next(&self) -> Call {
        let source = self.source.clone();
        Call::stream_step(
            async move {
                let mut source = source.lock().await;
                let item = match &mut *source {
                    Source::Invoke(stream) => match stream.next().await {
                        Some(entry) => Some(json(&entry?)?),
                        None => None,
                    },
                    Source::Items(stream) => stream.next().await.transpose()?,
                };
                Ok(item.map_or(Out::End, Out::Json))
            }
            .boxed(),
        )
    }

    /// The id of the response of an invoke stream, once created.
    fn response_id(&self) -> Option<String> {
        match &*self.source.try_lock().ok()? {
            Source::Invoke(stream) => stream.response_id(),
            Source::Items(_) => None,
        }
    }

    /// The final response of an invoke stream, once it has ended.
    fn response(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let Ok(source) = self.source.try_lock() else {
            return Ok(None);
        };
        let Source::Invoke(stream) = &*source else {
            return Ok(None);
        };
        match stream.response() {
            Some(response) => {
                let value = json(&response).map_err(|e| to_pyerr(py, &e))?;
                Ok(Some(to_py(py, &value)?.unbind()))
            }
            None => Ok(None),
        }
    }
}

pub fn encode<T: serde::Serialize>(value: T) -> OpResult {
    Ok(Out::Json(json(&value)?))
}

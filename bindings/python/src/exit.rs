//! Interpreter exit, for the runtime's worker threads.
//!
//! A worker that takes the GIL while Python finalizes is ended by CPython with
//! `pthread_exit`, whose forced unwind through Rust frames aborts the process. This happens
//! when a worker completes an asyncio future (`call_soon_threadsafe` releases the GIL inside)
//! just as the program returns from `asyncio.run`. So workers enter Python only through
//! [`with_python`], and an `atexit` hook, which runs before finalization, closes the gate:
//! it waits, without the GIL, for the workers inside Python to leave, and lets none in after.

use std::sync::RwLock;

use pyo3::prelude::*;

/// `true` once the interpreter is exiting.
static CLOSED: RwLock<bool> = RwLock::new(false);

/// Runs `f` with the GIL, unless the interpreter is exiting (then nothing runs).
pub fn with_python<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> Option<R> {
    let closed = CLOSED.read().unwrap_or_else(|p| p.into_inner());
    if *closed {
        return None;
    }
    Python::try_attach(f)
}

/// The `atexit` hook: no worker enters Python after it returns.
#[pyfunction]
pub fn close(py: Python<'_>) {
    // Without the GIL, so that a worker waiting for it inside `with_python` can finish.
    py.detach(|| *CLOSED.write().unwrap_or_else(|p| p.into_inner()) = true);
}

/// Registers [`close`] with `atexit`.
pub fn install(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let hook = wrap_pyfunction!(close, m)?;
    m.py().import("atexit")?.call_method1("register", (hook,))?;
    Ok(())
}

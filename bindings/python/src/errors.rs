//! Core errors as the Python exception classes of `lumnisai.exceptions`.
//!
//! The classes are defined in Python (so they pickle and subclass like any exception); the
//! package registers one factory at import, and every core error goes through it.

use std::sync::OnceLock;

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;

use crate::convert::to_py;

static FACTORY: OnceLock<Py<PyAny>> = OnceLock::new();

/// Registers the Python callable that builds an exception from an error's fields.
#[pyfunction]
pub fn set_error_factory(factory: Py<PyAny>) {
    // The first registration wins: the package registers once, at import.
    let _ = FACTORY.set(factory);
}

/// The Python exception of a core error.
pub fn to_pyerr(py: Python<'_>, err: &lumnisai::Error) -> PyErr {
    let Some(factory) = FACTORY.get() else {
        return PyRuntimeError::new_err(err.to_string());
    };
    let details = match err.details() {
        Some(details) => match to_py(py, details) {
            Ok(obj) => obj.unbind(),
            Err(e) => return e,
        },
        None => py.None(),
    };
    let args = (
        err.kind().as_str(),
        err.message(),
        err.status(),
        err.request_id(),
        err.code(),
        details,
        err.retry_after().map(|d| d.as_secs_f64()),
        err.response_id(),
    );
    match factory.call1(py, args) {
        Ok(exc) => PyErr::from_value(exc.into_bound(py)),
        Err(e) => e,
    }
}

/// A Python value that cannot be sent (an `object()` in a metadata dict), raised as
/// `ArgumentTypeError`: a `ValidationError` that is also a `TypeError`.
pub fn type_error(py: Python<'_>, message: String) -> PyErr {
    let Some(factory) = FACTORY.get() else {
        return PyTypeError::new_err(message);
    };
    let args = (
        "argument_type",
        message,
        None::<u16>,
        None::<&str>,
        None::<&str>,
        py.None(),
        None::<f64>,
        None::<&str>,
    );
    match factory.call1(py, args) {
        Ok(exc) => PyErr::from_value(exc.into_bound(py)),
        Err(e) => e,
    }
}

/// A panic inside the client, raised as `LumnisAIError` (kind `internal`) instead of aborting.
pub fn panic_to_pyerr(py: Python<'_>, payload: &(dyn std::any::Any + Send)) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    let message = format!("internal error in the lumnisai client: {what}");
    let Some(factory) = FACTORY.get() else {
        return PyRuntimeError::new_err(message);
    };
    let args = ("internal", message, None::<u16>, None::<&str>, None::<&str>);
    let args = (
        args.0,
        args.1,
        args.2,
        args.3,
        args.4,
        py.None(),
        None::<f64>,
        None::<&str>,
    );
    match factory.call1(py, args) {
        Ok(exc) => PyErr::from_value(exc.into_bound(py)),
        Err(e) => e,
    }
}

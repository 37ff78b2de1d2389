//! `lumnisai._native`: the native module under the `lumnisai` Python package.
//!
//! It holds no logic of its own: [`client::NativeClient`] decodes keyword arguments into the
//! core's parameters, [`call`] bridges futures to blocking and asyncio callers, [`errors`]
//! maps core errors to the package's exception classes, [`logging`] forwards `tracing`
//! events to Python's `logging` and [`exit`] keeps worker threads out of an exiting Python.

mod call;
mod client;
mod convert;
mod errors;
mod exit;
mod logging;
mod ops;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install();
    exit::install(m)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<call::Call>()?;
    m.add_class::<call::Stream>()?;
    m.add_function(wrap_pyfunction!(errors::set_error_factory, m)?)?;
    m.add_function(wrap_pyfunction!(client::check_agent_config, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

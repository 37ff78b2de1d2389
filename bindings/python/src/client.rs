//! `NativeClient`: the core `Client` behind the Python `Client` and `AsyncClient`, with one
//! entry point per kind of result: `call(op, args)` for one answer, `stream(op, args)` for
//! many. Arguments arrive as a dict and are decoded into the core's parameter types here.

use std::time::Duration;

use futures::{FutureExt, StreamExt};
use lumnisai::{CallOptions, Client, ClientOptions, Error, ErrorKind, Scope};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::call::{Call, OpFuture, Source, Stream};
use crate::convert::from_py;
use crate::errors::to_pyerr;
use crate::ops;

/// The core client, viewed per user with `for_user`; every view shares one pool.
#[pyclass(module = "lumnisai._native", frozen)]
pub struct NativeClient {
    inner: Client,
}

fn seconds(value: f64, what: &str) -> lumnisai::Result<Duration> {
    Duration::try_from_secs_f64(value).map_err(|_| {
        Error::new(
            ErrorKind::Validation,
            format!("{what} must be >= 0 seconds"),
        )
    })
}

/// Decodes the argument dict of one operation.
pub fn decode<T: DeserializeOwned>(op: &str, args: Value) -> lumnisai::Result<T> {
    serde_json::from_value(args).map_err(|e| {
        Error::new(
            ErrorKind::Validation,
            format!("invalid arguments for {op}: {e}"),
        )
    })
}

impl NativeClient {
    fn args(&self, py: Python<'_>, args: Option<&Bound<'_, PyDict>>) -> PyResult<Value> {
        let value = match args {
            Some(dict) => from_py(dict.as_any())?,
            None => Value::Object(Default::default()),
        };
        let _ = py;
        Ok(value)
    }

    /// This view, with the per-call key when the caller gave one; an empty key is none, as
    /// the official SDK's `if idempotency_key:` reads it.
    fn view(&self, args: &Value) -> Client {
        match args.get("idempotency_key").and_then(Value::as_str) {
            Some(key) if !key.is_empty() => self
                .inner
                .with_options(CallOptions::new().idempotency_key(key)),
            _ => self.inner.clone(),
        }
    }
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (api_key=None, base_url=None, tenant_id=None, timeout=None,
        max_retries=None, scope=None, user_agent=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: Option<String>,
        base_url: Option<String>,
        tenant_id: Option<String>,
        timeout: Option<f64>,
        max_retries: Option<u32>,
        scope: Option<String>,
        user_agent: Option<String>,
    ) -> PyResult<NativeClient> {
        let build = || -> lumnisai::Result<Client> {
            let mut options = ClientOptions::new();
            options.api_key = api_key;
            options.base_url = base_url;
            options.tenant_id = tenant_id;
            if let Some(timeout) = timeout {
                options.timeout = seconds(timeout, "timeout")?;
            }
            if let Some(retries) = max_retries {
                options.max_retries = retries;
            }
            if let Some(scope) = scope {
                options.scope = scope.parse::<Scope>()?;
            }
            options.user_agent_suffix = user_agent;
            Client::new(options)
        };
        let inner = build().map_err(|e| to_pyerr(py, &e))?;
        Ok(NativeClient { inner })
    }

    /// A view bound to one user (email or uuid), sharing this client's pool.
    fn for_user(&self, user: &str) -> NativeClient {
        NativeClient {
            inner: self.inner.for_user(user),
        }
    }

    /// Whether two clients share one connection pool.
    fn shares_pool_with(&self, other: &NativeClient) -> bool {
        self.inner.shares_pool_with(&other.inner)
    }

    #[getter]
    fn user(&self) -> Option<&str> {
        self.inner.user()
    }

    #[getter]
    fn scope(&self) -> &'static str {
        self.inner.scope().as_str()
    }

    #[getter]
    fn base_url(&self) -> &str {
        self.inner.base_url()
    }

    #[getter]
    fn tenant_id(&self) -> Option<&str> {
        self.inner.tenant_id()
    }

    #[getter]
    fn timeout(&self) -> f64 {
        self.inner.options().timeout.as_secs_f64()
    }

    #[getter]
    fn max_retries(&self) -> u32 {
        self.inner.options().max_retries
    }

    /// One operation with one answer, e.g. `call("users.get", {"id": "a@b.co"})`.
    /// `data` carries the bytes of an upload.
    #[pyo3(signature = (op, args=None, data=None))]
    fn call(
        &self,
        py: Python<'_>,
        op: &str,
        args: Option<&Bound<'_, PyDict>>,
        data: Option<&[u8]>,
    ) -> PyResult<Call> {
        let args = self.args(py, args)?;
        let client = self.view(&args);
        let data = data.map(bytes::Bytes::copy_from_slice);
        let future: OpFuture = match ops::one(client, op, args, data) {
            Ok(future) => future,
            Err(err) => async move { Err(err) }.boxed(),
        };
        Ok(Call::new(future))
    }

    /// One operation with many answers, e.g. `stream("users.list_all", {"page_size": 100})`.
    #[pyo3(signature = (op, args=None))]
    fn stream(
        &self,
        py: Python<'_>,
        op: &str,
        args: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Stream> {
        let args = self.args(py, args)?;
        let client = self.view(&args);
        let source = match ops::many(client, op, args) {
            Ok(source) => source,
            Err(err) => Source::Items(futures::stream::once(async move { Err(err) }).boxed()),
        };
        Ok(Stream::new(source))
    }

    fn __repr__(&self) -> String {
        format!(
            "NativeClient(base_url={:?}, user={:?}, scope={:?})",
            self.inner.base_url(),
            self.inner.user(),
            self.inner.scope().as_str()
        )
    }
}

/// Checks an agent configuration as the core checks it when a run is made: the Python
/// `AgentConfig` is checked when it is built, as the official SDK's (pydantic) model is.
#[pyfunction]
pub fn check_agent_config(py: Python<'_>, config: &Bound<'_, PyAny>) -> PyResult<()> {
    let config: lumnisai::AgentConfig = serde_json::from_value(crate::convert::from_py(config)?)
        .map_err(|err| {
            let message = format!("the agent config is not valid: {err}");
            crate::errors::to_pyerr(
                py,
                &lumnisai::Error::new(lumnisai::ErrorKind::Validation, message),
            )
        })?;
    config
        .validate()
        .map_err(|err| crate::errors::to_pyerr(py, &err))
}

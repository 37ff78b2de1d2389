//! The bridge between core futures and JavaScript promises.
//!
//! Every call runs on the core's one tokio runtime (`lumnisai::runtime::handle()`); its
//! promise is a napi deferred, settled from the runtime thread. A deferred holds the event
//! loop only while its call is pending, so a process exits as soon as its work is done.
//! Failures become a JS `Error` carrying the structured fields as JSON in `lumnisai`; the JS
//! layer turns that into the right error class in one place. The core's log records end here
//! too: on stderr when `LUMNISAI_LOG` asks for them, else its warnings alone, handed to JS.

use std::collections::HashMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

use futures::future::{AbortHandle, AbortRegistration, Abortable};
use futures::FutureExt;
use napi::bindgen_prelude::ToNapiValue;
use napi::threadsafe_function::{
    ErrorStrategy, ThreadSafeCallContext, ThreadsafeFunction, ThreadsafeFunctionCallMode,
};
use napi::{Env, JsFunction, JsObject};
use serde_json::{json, Value};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

/// Why a call failed.
pub(crate) enum Failure {
    /// The core returned an error.
    Core(lumnisai::Error),
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// The native code panicked; the message is kept, the process goes on.
    Panic(String),
}

impl From<lumnisai::Error> for Failure {
    fn from(err: lumnisai::Error) -> Failure {
        Failure::Core(err)
    }
}

impl Failure {
    fn payload(&self) -> Value {
        match self {
            Failure::Core(err) => json!({
                "kind": err.kind().as_str(),
                "message": err.message(),
                "status": err.status(),
                "requestId": err.request_id(),
                "code": err.code(),
                "details": err.details(),
                "retryAfter": err.retry_after().map(|d| d.as_secs_f64()),
                "responseId": err.response_id(),
            }),
            Failure::Aborted => json!({"kind": "aborted", "message": "The operation was aborted"}),
            Failure::Panic(message) => json!({
                "kind": "panic",
                "message": format!("the lumnisai native addon failed: {message}"),
            }),
        }
    }

    /// The JS error to throw or reject with.
    pub(crate) fn into_js(self, env: &Env) -> napi::Error {
        let payload = self.payload();
        let message = payload["message"]
            .as_str()
            .unwrap_or("lumnisai error")
            .to_owned();
        let built = env
            .create_error(napi::Error::from_reason(message))
            .and_then(|mut error| {
                let text = env.create_string(&payload.to_string())?;
                error.set_named_property("lumnisai", text)?;
                Ok(error.into_unknown())
            });
        match built {
            Ok(error) => napi::Error::from(error),
            Err(err) => err,
        }
    }
}

/// Runs `work` on the shared runtime and returns a promise of `done(env, value)`.
///
/// `cancel` is a token from [`cancel_token`]: aborting it drops the future, and with it the
/// request in flight, so no retry starts after the abort.
pub(crate) fn promise<T, D, F, C>(
    env: &Env,
    cancel: Option<u32>,
    work: F,
    done: C,
) -> napi::Result<JsObject>
where
    T: Send + 'static,
    D: ToNapiValue + 'static,
    F: Future<Output = Result<T, Failure>> + Send + 'static,
    C: FnOnce(Env, T) -> napi::Result<D> + Send + 'static,
{
    type Resolver<D> = Box<dyn FnOnce(Env) -> napi::Result<D> + Send>;
    let (deferred, promise) = env.create_deferred::<D, Resolver<D>>()?;
    let registration = cancel.map(take_registration);

    lumnisai::runtime::handle().spawn(async move {
        let guarded = AssertUnwindSafe(work).catch_unwind();
        let outcome = match registration {
            Some(Some(registration)) => Abortable::new(guarded, registration).await.ok(),
            Some(None) => None,
            None => Some(guarded.await),
        };
        if let Some(id) = cancel {
            forget_token(id);
        }
        let result = settle(outcome);
        let resolver: Resolver<D> = match result {
            Ok(value) => Box::new(move |env| done(env, value)),
            Err(failure) => Box::new(move |env| Err(failure.into_js(&env))),
        };
        deferred.resolve(resolver);
    });
    Ok(promise)
}

/// What a call came to: `None` when it was aborted, a caught panic as a `Failure`.
fn settle<T>(outcome: Option<std::thread::Result<Result<T, Failure>>>) -> Result<T, Failure> {
    match outcome {
        None => Err(Failure::Aborted),
        Some(Ok(result)) => result,
        Some(Err(panic)) => Err(Failure::Panic(panic_message(panic.as_ref()))),
    }
}

/// A promise of JSON text: the converted model `convert(value)` serialized.
pub(crate) fn json_promise<T, O, F>(
    env: &Env,
    cancel: Option<u32>,
    work: F,
) -> napi::Result<JsObject>
where
    T: Send + 'static,
    O: From<T> + serde::Serialize,
    F: Future<Output = lumnisai::Result<T>> + Send + 'static,
{
    let work = async move { work.await.map_err(Failure::from) };
    promise(env, cancel, work, |_, value| {
        crate::out::json(&O::from(value))
    })
}

/// Runs `f`, turning a panic into a JS error instead of aborting the process.
pub(crate) fn guard<R>(env: &Env, f: impl FnOnce() -> Result<R, Failure>) -> napi::Result<R> {
    match std::panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(failure)) => Err(failure.into_js(env)),
        Err(panic) => Err(Failure::Panic(panic_message(panic.as_ref())).into_js(env)),
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_owned())
}

/// The abort side of a call, until its future takes the registration.
struct Token {
    handle: AbortHandle,
    registration: Option<AbortRegistration>,
}

static NEXT_TOKEN: AtomicU32 = AtomicU32::new(1);
static TOKENS: Mutex<Option<HashMap<u32, Token>>> = Mutex::new(None);

fn with_tokens<R>(f: impl FnOnce(&mut HashMap<u32, Token>) -> R) -> R {
    let mut tokens = TOKENS.lock().unwrap_or_else(|p| p.into_inner());
    f(tokens.get_or_insert_with(HashMap::new))
}

/// A new cancel token, for one call that an `AbortSignal` may abort.
pub(crate) fn cancel_token() -> u32 {
    let id = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
    let (handle, registration) = AbortHandle::new_pair();
    let token = Token {
        handle,
        registration: Some(registration),
    };
    with_tokens(|tokens| tokens.insert(id, token));
    id
}

/// Aborts the call holding this token; a finished or unknown token is a no-op.
pub(crate) fn cancel(id: u32) {
    with_tokens(|tokens| {
        if let Some(token) = tokens.get(&id) {
            token.handle.abort();
        }
    });
}

// `None` when the token is unknown: it was aborted and forgotten, or never made.
fn take_registration(id: u32) -> Option<AbortRegistration> {
    with_tokens(|tokens| tokens.get_mut(&id).and_then(|t| t.registration.take()))
}

/// Forgets a token whose call never started.
pub(crate) fn release_token(id: u32) {
    forget_token(id)
}

fn forget_token(id: u32) {
    with_tokens(|tokens| tokens.remove(&id));
}

/// Where the core's warnings go when `LUMNISAI_LOG` is not set: a JS function (the JS layer
/// passes one that calls `process.emitWarning`), called on the main thread.
static WARNINGS: OnceLock<ThreadsafeFunction<String, ErrorStrategy::Fatal>> = OnceLock::new();

/// Sends the core's warnings to `handler`, once per process; later calls are no-ops.
pub(crate) fn set_warning_handler(env: &Env, handler: JsFunction) -> napi::Result<()> {
    if WARNINGS.get().is_some() {
        return Ok(());
    }
    let mut tsfn: ThreadsafeFunction<String, ErrorStrategy::Fatal> = handler
        .create_threadsafe_function(0, |ctx: ThreadSafeCallContext<String>| Ok(vec![ctx.value]))?;
    // A pending warning must not keep the process alive.
    tsfn.unref(env)?;
    let _ = WARNINGS.set(tsfn);
    Ok(())
}

/// Turns on the core's request logs on stderr when `LUMNISAI_LOG` asks for them, once;
/// without it, the core's warnings alone (a tenant-scope run, which the core rate-limits)
/// go to the warning handler, so that they are seen without debug logs.
///
/// Only the core's events: the HTTP crates below it may log headers at trace level.
pub(crate) fn init_logging() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Some(level) = lumnisai::logging::level_from_env() {
            let filter = tracing_subscriber::EnvFilter::new(format!("lumnisai={level}"));
            // Colours only on a terminal: `2>file` gets plain text.
            let _ = tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_writer(std::io::stderr)
                .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
                .with_target(false)
                .try_init();
        } else {
            let filter = tracing_subscriber::EnvFilter::new("lumnisai=warn");
            let _ = tracing_subscriber::registry()
                .with(Warnings.with_filter(filter))
                .try_init();
        }
    });
}

/// Hands each warning event to the warning handler as one line of text.
struct Warnings;

impl<S: tracing::Subscriber> Layer<S> for Warnings {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if *event.metadata().level() > tracing::Level::WARN {
            return;
        }
        let Some(handler) = WARNINGS.get() else {
            return;
        };
        let mut text = EventText::default();
        event.record(&mut text);
        handler.call(text.0, ThreadsafeFunctionCallMode::NonBlocking);
    }
}

/// An event's message, then its other fields as `name=value`.
#[derive(Default)]
struct EventText(String);

impl Visit for EventText {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let part = if field.name() == "message" {
            format!("{value:?}")
        } else {
            format!("{}={value:?}", field.name())
        };
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(&part);
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            if !self.0.is_empty() {
                self.0.push(' ');
            }
            self.0.push_str(value);
        } else {
            self.record_debug(field, &value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_call_settles_as_a_panic_failure() {
        let work = async { panic!("boom in the core") };
        let caught = lumnisai::runtime::block_on(AssertUnwindSafe(work).catch_unwind());
        let failure = match settle::<()>(Some(caught)) {
            Err(failure) => failure,
            Ok(()) => panic!("a panic must not settle as a success"),
        };
        let payload = failure.payload();
        assert_eq!(payload["kind"], "panic");
        assert!(payload["message"]
            .as_str()
            .unwrap_or("")
            .contains("boom in the core"));
    }

    #[test]
    fn an_aborted_call_settles_as_aborted() {
        assert!(matches!(settle::<()>(None), Err(Failure::Aborted)));
    }
}

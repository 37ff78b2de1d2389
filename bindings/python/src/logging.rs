//! Rust `tracing` events to Python's `logging`, under the official SDK's loggers: the
//! tenant-scope warning under `lumnisai.scoping`, the transport's events under
//! `lumnisai.transport`, the rest under `lumnisai`.
//!
//! Installed once, at import. `LUMNISAI_LOG` sets the level (warn when unset); events below
//! it are dropped before the GIL is taken, so quiet clients pay nothing for logging.

use std::fmt::Write;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// The loggers, made on first use: `lumnisai`, `lumnisai.scoping`, `lumnisai.transport`.
static LOGGERS: [PyOnceLock<Py<PyAny>>; 3] =
    [PyOnceLock::new(), PyOnceLock::new(), PyOnceLock::new()];

const LOGGER_NAMES: [&str; 3] = ["lumnisai", "lumnisai.scoping", "lumnisai.transport"];

/// Which logger an event of the core's module `target` goes to, by the official SDK's names.
fn logger_index(target: &str) -> usize {
    let module = target.strip_prefix("lumnisai::").unwrap_or("");
    match module.split("::").next() {
        Some("scope") => 1,
        Some("transport" | "retry") => 2,
        _ => 0,
    }
}

fn logger(py: Python<'_>, index: usize) -> PyResult<&Py<PyAny>> {
    LOGGERS[index].get_or_try_init(py, || {
        let logging = py.import("logging")?;
        if index != 0 {
            // The parent gets its NullHandler first: the children's events propagate to it.
            logger(py, 0)?;
        }
        let logger = logging.call_method1("getLogger", (LOGGER_NAMES[index],))?;
        if index == 0 {
            // As the official SDK does: a NullHandler, so that an application that set up
            // no logging sees nothing.
            logger.call_method1("addHandler", (logging.call_method0("NullHandler")?,))?;
        }
        Ok(logger.unbind())
    })
}

/// Formats an event as `message key=value ...`.
#[derive(Default)]
struct Line {
    message: String,
    fields: String,
}

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            let _ = write!(self.fields, " {}={value:?}", field.name());
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else {
            let _ = write!(self.fields, " {}={value}", field.name());
        }
    }
}

struct PythonLogging;

fn python_level(level: &Level) -> u8 {
    match *level {
        Level::ERROR => 40,
        Level::WARN => 30,
        Level::INFO => 20,
        // Python has no trace level: trace goes to debug.
        Level::DEBUG | Level::TRACE => 10,
    }
}

impl<S: Subscriber> Layer<S> for PythonLogging {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let mut line = Line::default();
        event.record(&mut line);
        let text = format!("{}{}", line.message, line.fields);
        let level = python_level(event.metadata().level());
        let index = logger_index(event.metadata().target());
        // No interpreter (it is shutting down) means nobody to log to.
        let _ = crate::exit::with_python(|py| {
            if let Ok(logger) = logger(py, index) {
                let _ = logger.call_method1(py, "log", (level, text));
            }
        });
    }
}

/// Installs the forwarding subscriber, unless the process has one already.
pub fn install() {
    let level = lumnisai::logging::level_from_env().unwrap_or(Level::WARN);
    let subscriber = tracing_subscriber::registry()
        .with(PythonLogging.with_filter(LevelFilter::from_level(level)));
    let _ = tracing::subscriber::set_global_default(subscriber);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_go_to_the_official_loggers() {
        assert_eq!(
            LOGGER_NAMES[logger_index("lumnisai::scope")],
            "lumnisai.scoping"
        );
        assert_eq!(
            LOGGER_NAMES[logger_index("lumnisai::transport")],
            "lumnisai.transport"
        );
        assert_eq!(LOGGER_NAMES[logger_index("lumnisai::invoke")], "lumnisai");
        assert_eq!(LOGGER_NAMES[logger_index("hyper::client")], "lumnisai");
    }
}

//! `LUMNISAI_LOG=debug` (or `trace`, `info`, `warn`) writes the core's request logs to
//! stderr, installed once, on the first client built. The core never logs bodies or the key.

use std::sync::Once;

static INIT: Once = Once::new();

/// Installs the stderr subscriber when `LUMNISAI_LOG` asks for a level.
pub(crate) fn init_from_env() {
    INIT.call_once(|| {
        if let Some(level) = lumnisai::logging::level_from_env() {
            // An app that installed its own subscriber keeps it: `try_init` then fails.
            // Colours only on a terminal: a log file or logcat gets plain text.
            let _ = tracing_subscriber::fmt()
                .with_max_level(level)
                .with_writer(std::io::stderr)
                .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
                .try_init();
        }
    });
}

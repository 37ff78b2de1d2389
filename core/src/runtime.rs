//! The one tokio runtime the language bindings run the client on.
//!
//! Built on first use and rebuilt in a forked child: a runtime's worker threads do not survive
//! `fork()`, so a child that kept the parent's runtime would hang on its first call.

use std::sync::Mutex;

use tokio::runtime::{Builder, Handle, Runtime};

use crate::fork;

struct Owned {
    generation: u64,
    runtime: &'static Runtime,
}

static RUNTIME: Mutex<Option<Owned>> = Mutex::new(None);

/// A handle to the shared runtime, building it (again, after a fork) when needed.
///
/// The bindings (Python, Node, uniffi) spawn and block on this handle, so that every
/// language runs the client on one multi-threaded runtime per process.
pub fn handle() -> Handle {
    let generation = fork::generation();
    let mut slot = RUNTIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(owned) = slot.as_ref() {
        if owned.generation == generation {
            return owned.runtime.handle().clone();
        }
    }

    // The parent's runtime is leaked, not dropped, in a child: dropping it would try to join
    // worker threads that do not exist here.
    let runtime = Builder::new_multi_thread()
        .enable_all()
        .thread_name("lumnisai-runtime")
        .build()
        .unwrap_or_else(|err| panic!("cannot start the lumnisai tokio runtime: {err}"));
    let runtime: &'static Runtime = Box::leak(Box::new(runtime));
    *slot = Some(Owned {
        generation,
        runtime,
    });
    runtime.handle().clone()
}

/// Runs a future to completion on the shared runtime, from a thread outside it.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    handle().block_on(future)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_handle_is_shared_and_runs_futures() {
        let a = super::handle();
        let b = super::handle();
        assert_eq!(a.id(), b.id());
        assert_eq!(super::block_on(async { 40 + 2 }), 42);
    }
}

//! The one bridge from a foreign `await` to the core's runtime.
//!
//! uniffi polls an exported future from the foreign side. The bridge polls the core's future
//! right there, inside the context of [`lumnisai::runtime::handle`]: its sockets and timers
//! belong to the one runtime of the process, whose threads drive them, and the foreign thread
//! that polls writes the request itself. Spawning the work as a task instead would add a
//! thread hand-off to every call (waking a runtime thread to start it), which measured as the
//! largest part of the Kotlin overhead. Dropping the foreign future (a cancelled Kotlin
//! coroutine) drops the core's future, and with it the request mid-flight: no retry follows.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::runtime::Handle;

use crate::error::LumnisError;

/// Runs `work` in the core's runtime context and waits for it, mapping the core's error.
pub(crate) async fn run<T, F>(work: F) -> Result<T, LumnisError>
where
    F: Future<Output = lumnisai::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    let work = InRuntime {
        handle: lumnisai::runtime::handle(),
        future: Box::pin(work),
    };
    work.await.map_err(LumnisError::from)
}

/// A future polled inside a runtime's context, whichever thread polls it.
struct InRuntime<F> {
    handle: Handle,
    future: Pin<Box<F>>,
}

impl<F: Future> Future for InRuntime<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        let _context = this.handle.enter();
        this.future.as_mut().poll(cx)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn dropping_the_waiter_drops_the_work() {
        let finished = Arc::new(AtomicBool::new(false));
        let flag = finished.clone();
        let waiter = run(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            flag.store(true, Ordering::SeqCst);
            Ok(())
        });
        // Poll once so the work starts, then drop the waiter as a cancelled caller would.
        let mut waiter = Box::pin(waiter);
        let waker = futures::task::noop_waker();
        let mut cx = std::task::Context::from_waker(&waker);
        assert!(waiter.as_mut().poll(&mut cx).is_pending());
        drop(waiter);
        std::thread::sleep(Duration::from_millis(400));
        assert!(!finished.load(Ordering::SeqCst));
    }

    #[test]
    fn errors_keep_their_kind() {
        let result: Result<(), _> = futures::executor::block_on(run(async {
            Err(lumnisai::Error::new(lumnisai::ErrorKind::NotFound, "gone"))
        }));
        assert!(matches!(result, Err(LumnisError::NotFound { .. })));
    }
}

//! The one bridge from a foreign `await` to the core's runtime.
//!
//! uniffi polls an exported future from the foreign side; the work itself is spawned on
//! [`lumnisai::runtime::handle`] so that the whole process runs on one runtime, and the
//! foreign future only awaits the task. Dropping the foreign future (a cancelled Kotlin
//! coroutine) aborts the task, which drops the request mid-flight: no retry follows.

use std::future::Future;

use tokio::task::JoinHandle;

use crate::error::LumnisError;

/// Runs `work` on the core's runtime and waits for it, mapping the core's error.
pub(crate) async fn run<T, F>(work: F) -> Result<T, LumnisError>
where
    F: Future<Output = lumnisai::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    let mut task = AbortOnDrop(lumnisai::runtime::handle().spawn(work));
    match (&mut task.0).await {
        Ok(result) => result.map_err(LumnisError::from),
        Err(join) => Err(LumnisError::from(lumnisai::Error::new(
            lumnisai::ErrorKind::Transport,
            format!("the request task ended abnormally: {join}"),
        ))),
    }
}

/// Aborts the task when the future awaiting it is dropped before it finished.
struct AbortOnDrop<T>(JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn dropping_the_waiter_aborts_the_task() {
        let finished = Arc::new(AtomicBool::new(false));
        let flag = finished.clone();
        let waiter = run(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            flag.store(true, Ordering::SeqCst);
            Ok(())
        });
        // Poll once so the task is spawned, then drop the waiter as a cancelled caller would.
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

//! The one bridge from a foreign `await` to the core's runtime.
//!
//! uniffi polls an exported future from the foreign side. The bridge polls the core's future
//! there once, inside the context of [`lumnisai::runtime::handle`], so that the foreign thread
//! builds and sends the request itself with no hand-off. If the answer is not there yet, the
//! rest of the work moves onto the runtime as a task: the steps of reading a response (the
//! head, then the body, each woken by the connection's task) then run on a runtime thread
//! next to the connection, and the foreign side is woken once, when it is done, instead of
//! polling again at every step (each a callback and a thread hand-off in Kotlin). Dropping the
//! foreign future (a cancelled Kotlin coroutine) drops the core's future or aborts its task,
//! and with it the request mid-flight: no retry follows.

use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use tokio::runtime::Handle;
use tokio::task::JoinHandle;

use crate::error::LumnisError;

/// Runs `work` on the core's runtime and waits for it, mapping the core's error.
pub(crate) async fn run<T, F>(work: F) -> Result<T, LumnisError>
where
    F: Future<Output = lumnisai::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    let bridged = Bridged {
        handle: lumnisai::runtime::handle(),
        stage: Stage::InPlace(Box::pin(work)),
    };
    bridged.await.map_err(LumnisError::from)
}

/// The core's future, first polled where the foreign side polls, then as a runtime task.
struct Bridged<F: Future> {
    handle: Handle,
    stage: Stage<F>,
}

enum Stage<F: Future> {
    InPlace(Pin<Box<F>>),
    Spawned(JoinHandle<F::Output>),
    Finished,
}

impl<T, F> Future for Bridged<F>
where
    F: Future<Output = lumnisai::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    type Output = lumnisai::Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        this.stage = match std::mem::replace(&mut this.stage, Stage::Finished) {
            Stage::InPlace(mut work) => {
                let polled = {
                    let _context = this.handle.enter();
                    work.as_mut().poll(cx)
                };
                if let Poll::Ready(output) = polled {
                    return Poll::Ready(output);
                }
                Stage::Spawned(this.handle.spawn(work))
            }
            stage => stage,
        };

        let Stage::Spawned(task) = &mut this.stage else {
            return Poll::Ready(Err(lumnisai::Error::new(
                lumnisai::ErrorKind::Transport,
                "the call was awaited again after it finished",
            )));
        };
        // Out of tokio's cooperative budget: the caller may poll from inside a runtime task
        // that spent its budget (a Kotlin coroutine resumed on a runtime thread), and a
        // budget-exhausted poll would wake itself and be polled again at once, forever.
        let joined = ready!(Pin::new(&mut tokio::task::coop::unconstrained(task)).poll(cx));
        this.stage = Stage::Finished;
        Poll::Ready(joined.unwrap_or_else(|join| {
            Err(lumnisai::Error::new(
                lumnisai::ErrorKind::Transport,
                format!("the request task ended abnormally: {join}"),
            ))
        }))
    }
}

impl<F: Future> Drop for Bridged<F> {
    fn drop(&mut self) {
        if let Stage::Spawned(task) = &self.stage {
            task.abort();
        }
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
        // Poll once so the work starts (and moves to a task), then drop the waiter as a
        // cancelled caller would.
        let mut waiter = Box::pin(waiter);
        let waker = futures::task::noop_waker();
        let mut cx = std::task::Context::from_waker(&waker);
        assert!(waiter.as_mut().poll(&mut cx).is_pending());
        drop(waiter);
        std::thread::sleep(Duration::from_millis(400));
        assert!(!finished.load(Ordering::SeqCst));
    }

    #[test]
    fn work_that_waits_finishes_as_a_task() {
        let answer = futures::executor::block_on(run(async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            Ok(42)
        }));
        assert_eq!(answer.ok(), Some(42));
    }

    #[test]
    fn a_finished_task_is_ready_to_a_caller_out_of_budget() {
        let mut waiter = Box::pin(run(async {
            tokio::time::sleep(Duration::from_millis(10)).await;
            Ok(7)
        }));
        let waker = futures::task::noop_waker();
        let mut cx = Context::from_waker(&waker);
        assert!(waiter.as_mut().poll(&mut cx).is_pending());
        std::thread::sleep(Duration::from_millis(200));

        // A coroutine resumed on a runtime thread polls from inside a task; this one has spent
        // its whole budget on a channel, as a task that read a long body would have.
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
            panic!("no runtime");
        };
        let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
        for n in 0..1_000 {
            let _ = sender.send(n);
        }
        let answer = runtime.block_on(std::future::poll_fn(|cx| {
            while receiver.poll_recv(cx).is_ready() {}
            assert!(!tokio::task::coop::has_budget_remaining());
            Poll::Ready(waiter.as_mut().poll(cx))
        }));
        assert!(matches!(answer, Poll::Ready(Ok(7))));
    }

    #[test]
    fn errors_keep_their_kind() {
        let result: Result<(), _> = futures::executor::block_on(run(async {
            Err(lumnisai::Error::new(lumnisai::ErrorKind::NotFound, "gone"))
        }));
        assert!(matches!(result, Err(LumnisError::NotFound { .. })));
    }
}

//! The accept loop and each connection: HTTP/1.1 through hyper directly (not `axum::serve`),
//! because faults need to close connections without a reply and `idle_close_ms` needs to
//! close connections that sit idle.

use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::app::{App, Settings};
use crate::dispatch::{self, Services};

/// How long requests in flight may go on after a shutdown before they are cut.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// The service's error: close the connection without answering.
#[derive(Debug)]
pub struct NoReply;

impl std::fmt::Display for NoReply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection closed without a reply (injected fault)")
    }
}

impl std::error::Error for NoReply {}

/// What one TCP connection knows about itself.
pub struct ConnState {
    pub id: u64,
    active: AtomicUsize,
    idle_since: Mutex<Instant>,
    activity: Notify,
    /// A second handle on the socket to see the peer leave while hyper is not reading
    /// (hyper does not notice a closed client while a request is pending).
    probe: Option<TcpStream>,
}

impl ConnState {
    fn begin(self: &Arc<Self>) -> ActiveGuard {
        self.active.fetch_add(1, Ordering::SeqCst);
        self.activity.notify_waiters();
        ActiveGuard(self.clone())
    }

    /// Resolves once the client closed the connection (never without a probe).
    pub async fn disconnected(&self) {
        let Some(probe) = &self.probe else {
            return std::future::pending().await;
        };
        let mut byte = [0u8; 1];
        loop {
            match probe.peek(&mut byte).await {
                Ok(0) | Err(_) => return,
                // The client sent more (a pipelined request): check again a little later.
                Ok(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }
}

/// Marks a request in progress until its reply body is gone.
struct ActiveGuard(Arc<ConnState>);

impl Drop for ActiveGuard {
    fn drop(&mut self) {
        *self.0.idle_since.lock().expect("connection state poisoned") = Instant::now();
        self.0.active.fetch_sub(1, Ordering::SeqCst);
        self.0.activity.notify_waiters();
    }
}

/// A reply body that keeps its request counted as active while it is sent.
pub struct Tracked {
    inner: Body,
    _guard: ActiveGuard,
}

impl http_body::Body for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// Resolves once `stop` says true; never when the sender is gone (the server then runs on).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    if stop.wait_for(|s| *s).await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Accepts until stopped, then lets connections finish for [`SHUTDOWN_GRACE`].
pub async fn serve(listener: TcpListener, app: Arc<App>, mut stop: watch::Receiver<bool>) {
    let services = Arc::new(Services::new(app.clone()));
    let mut connections = JoinSet::new();
    let mut next_id = 0u64;
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    next_id += 1;
                    let services = services.clone();
                    let stop = stop.clone();
                    connections.spawn(connection(stream, next_id, services, stop));
                }
                Err(err) => {
                    // Out of descriptors and similar: wait a moment instead of spinning.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            },
            () = stopped(&mut stop) => break,
        }
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let drained = async { while connections.join_next().await.is_some() {} };
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, drained).await;
    connections.abort_all();
    app.agents.stop_all();
    app.store.release();
}

async fn connection(
    stream: TcpStream,
    id: u64,
    services: Arc<Services>,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let (stream, probe) = if services.app.faults_enabled {
        with_probe(stream)
    } else {
        (Some(stream), None)
    };
    let Some(stream) = stream else {
        return;
    };
    let state = Arc::new(ConnState {
        id,
        active: AtomicUsize::new(0),
        idle_since: Mutex::new(Instant::now()),
        activity: Notify::new(),
        probe,
    });
    let mut settings = services.app.settings.subscribe();

    let service_state = state.clone();
    let service = service_fn(move |req| {
        let services = services.clone();
        let state = service_state.clone();
        async move {
            let guard = state.begin();
            let response = dispatch::handle(services, state, req).await?;
            Ok::<_, NoReply>(response.map(|inner| Tracked {
                inner,
                _guard: guard,
            }))
        }
    });
    let conn = http1::Builder::new()
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);

    let mut closing = false;
    loop {
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(err) = result {
                    tracing::debug!(connection = id, error = %err, "connection ended");
                }
                break;
            }
            () = idle(&state, &mut settings), if !closing => {
                conn.as_mut().graceful_shutdown();
                closing = true;
            }
            () = stopped(&mut stop), if !closing => {
                conn.as_mut().graceful_shutdown();
                closing = true;
            }
        }
    }
}

/// Splits off the disconnect probe; `None` stream when the socket could not be re-registered.
fn with_probe(stream: TcpStream) -> (Option<TcpStream>, Option<TcpStream>) {
    let Ok(std_stream) = stream.into_std() else {
        return (None, None);
    };
    let probe = std_stream
        .try_clone()
        .ok()
        .and_then(|s| TcpStream::from_std(s).ok());
    (TcpStream::from_std(std_stream).ok(), probe)
}

/// Resolves once the connection has had no request in progress for `idle_close_ms`.
async fn idle(state: &ConnState, settings: &mut watch::Receiver<Settings>) {
    loop {
        let notified = state.activity.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let limit = settings.borrow_and_update().idle_close_ms;
        let deadline = match limit {
            Some(ms) if state.active.load(Ordering::SeqCst) == 0 => {
                let since = *state.idle_since.lock().expect("connection state poisoned");
                Some(since + Duration::from_millis(ms))
            }
            _ => None,
        };
        let sleep = async {
            match deadline {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = sleep => {
                if state.active.load(Ordering::SeqCst) == 0 {
                    return;
                }
            }
            () = notified => {}
            changed = settings.changed() => {
                if changed.is_err() {
                    std::future::pending::<()>().await;
                }
            }
        }
    }
}

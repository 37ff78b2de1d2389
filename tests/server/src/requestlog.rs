//! The control API's request log: every request the API saw, in arrival order.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;

/// Entries kept; the oldest go first so a long benchmark cannot grow memory without end.
const CAPACITY: usize = 100_000;

#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    pub seq: u64,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub idempotency_key: Option<String>,
    pub connection_id: u64,
    pub started_ms: u64,
    pub elapsed_ms: Option<u64>,
    pub status: Option<u16>,
    pub fault: Option<&'static str>,
    pub request_id: String,
}

#[derive(Default)]
struct Inner {
    next_seq: u64,
    entries: VecDeque<LogEntry>,
}

#[derive(Default)]
pub struct RequestLog {
    inner: Mutex<Inner>,
}

impl RequestLog {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().expect("request log poisoned")
    }

    /// Records a request that arrived; returns its `seq`.
    pub fn start(&self, mut entry: LogEntry) -> u64 {
        let mut inner = self.lock();
        inner.next_seq += 1;
        entry.seq = inner.next_seq;
        if inner.entries.len() == CAPACITY {
            inner.entries.pop_front();
        }
        inner.entries.push_back(entry);
        inner.next_seq
    }

    /// Fills in the status of a reply whose head is sent; its body may still be going.
    pub fn answered(&self, seq: u64, status: u16) {
        let mut inner = self.lock();
        let entries = &mut inner.entries;
        if let Ok(at) = entries.binary_search_by_key(&seq, |e| e.seq) {
            entries[at].status = Some(status);
        }
    }

    /// Fills in how a request ended (`status` stays null when no reply was sent).
    pub fn finish(&self, seq: u64, status: Option<u16>, elapsed_ms: u64) {
        let mut inner = self.lock();
        let entries = &mut inner.entries;
        if let Ok(at) = entries.binary_search_by_key(&seq, |e| e.seq) {
            entries[at].status = status;
            entries[at].elapsed_ms = Some(elapsed_ms);
        }
    }

    pub fn snapshot(&self) -> Vec<LogEntry> {
        self.lock().entries.iter().cloned().collect()
    }

    /// Empties the log; numbering goes on so old and new entries never share a `seq`.
    pub fn clear(&self) {
        self.lock().entries.clear();
    }
}

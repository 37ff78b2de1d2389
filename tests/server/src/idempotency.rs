//! Idempotency keys: a write sent again with the same key and the same request is answered
//! with the stored reply and executes nothing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::StatusCode;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A stored reply.
#[derive(Debug, Clone)]
pub struct Stored {
    pub status: StatusCode,
    pub content_type: Option<String>,
    pub body: Bytes,
}

#[derive(Debug)]
enum Slot {
    InFlight([u8; 32]),
    Done([u8; 32], Stored),
}

/// What a request with a key should do.
pub enum Claim {
    /// First use: execute, then [`Ticket::complete`].
    Execute(Ticket),
    Replay(Stored),
    /// The same key with another request.
    Mismatch,
    /// The same request is still being executed.
    InFlight,
}

type Slots = Arc<Mutex<HashMap<(Uuid, String), Slot>>>;

#[derive(Default)]
pub struct IdempotencyStore {
    slots: Slots,
}

/// Fingerprint of a request: method, path with query, body. The body is fed as it arrives,
/// so an upload never has to be in memory whole.
pub struct Fingerprint(Sha256);

impl Fingerprint {
    pub fn new(method: &str, path_and_query: &str) -> Self {
        let mut hash = Sha256::new();
        hash.update(method.as_bytes());
        hash.update([0]);
        hash.update(path_and_query.as_bytes());
        hash.update([0]);
        Self(hash)
    }

    pub fn update(&mut self, body: &[u8]) {
        self.0.update(body);
    }

    pub fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}

impl IdempotencyStore {
    /// A store that already holds these finished replays (a `--db` server's, at its start).
    pub fn with_replays(replays: Vec<crate::storage::Replay>) -> Self {
        let slots = replays
            .into_iter()
            .map(|(key, fingerprint, stored)| (key, Slot::Done(fingerprint, stored)))
            .collect();
        Self {
            slots: Arc::new(Mutex::new(slots)),
        }
    }

    pub fn claim(&self, tenant: Uuid, key: &str, hash: [u8; 32]) -> Claim {
        let mut slots = self.slots.lock().expect("idempotency store poisoned");
        let slot_key = (tenant, key.to_owned());
        match slots.get(&slot_key) {
            Some(Slot::InFlight(h) | Slot::Done(h, _)) if *h != hash => Claim::Mismatch,
            Some(Slot::InFlight(_)) => Claim::InFlight,
            Some(Slot::Done(_, stored)) => Claim::Replay(stored.clone()),
            None => {
                slots.insert(slot_key.clone(), Slot::InFlight(hash));
                Claim::Execute(Ticket {
                    slots: self.slots.clone(),
                    key: Some(slot_key),
                    hash,
                })
            }
        }
    }

    pub fn clear(&self) {
        self.slots
            .lock()
            .expect("idempotency store poisoned")
            .clear();
    }
}

/// The right to store the reply of a first use; dropped unused, it frees the key so a retry
/// executes again (the request failed or was abandoned).
pub struct Ticket {
    slots: Slots,
    key: Option<(Uuid, String)>,
    hash: [u8; 32],
}

impl Ticket {
    /// The request's fingerprint, kept with its reply.
    pub fn fingerprint(&self) -> [u8; 32] {
        self.hash
    }

    pub fn complete(mut self, stored: Stored) {
        if let Some(key) = self.key.take() {
            let mut slots = self.slots.lock().expect("idempotency store poisoned");
            slots.insert(key, Slot::Done(self.hash, stored));
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            let mut slots = self.slots.lock().expect("idempotency store poisoned");
            if matches!(slots.get(&key), Some(Slot::InFlight(_))) {
                slots.remove(&key);
            }
        }
    }
}

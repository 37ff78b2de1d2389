//! Random ids from a thread-local generator: a fresh v4 uuid per request without a system
//! call each time (the request id is on the hottest path).

use uuid::Uuid;

/// A random (version 4) uuid.
pub fn new_uuid() -> Uuid {
    let mut bytes = [0u8; 16];
    fastrand::fill(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

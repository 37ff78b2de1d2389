//! Requests per second per key, counted in fixed one-second windows.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

pub struct RateLimiter {
    per_second: u32,
    started: Instant,
    windows: Mutex<HashMap<String, (u64, u32)>>,
}

impl RateLimiter {
    pub fn new(per_second: u32) -> Self {
        Self {
            per_second,
            started: Instant::now(),
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request of `key`; `false` when the key is over its limit this second.
    pub fn allow(&self, key: &str) -> bool {
        let second = self.started.elapsed().as_secs();
        let mut windows = self.windows.lock().expect("rate limiter poisoned");
        if let Some((window, count)) = windows.get_mut(key) {
            if *window != second {
                *window = second;
                *count = 0;
            }
            *count += 1;
            return *count <= self.per_second;
        }
        windows.insert(key.to_owned(), (second, 1));
        self.per_second >= 1
    }

    pub fn clear(&self) {
        self.windows.lock().expect("rate limiter poisoned").clear();
    }
}

//! The queue of injected faults: each applies to the next `count` requests whose method and
//! path match, in the order the faults were added.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a fault does to the request it takes (see the README for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    Status,
    Delay,
    Drop,
    Hang,
    DropAfterCommit,
    Truncate,
    InvalidJson,
    WrongType,
    Stall,
    CutUpload,
    Endless,
}

impl FaultKind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Status => "status",
            Self::Delay => "delay",
            Self::Drop => "drop",
            Self::Hang => "hang",
            Self::DropAfterCommit => "drop_after_commit",
            Self::Truncate => "truncate",
            Self::InvalidJson => "invalid_json",
            Self::WrongType => "wrong_type",
            Self::Stall => "stall",
            Self::CutUpload => "cut_upload",
            Self::Endless => "endless",
        }
    }
}

/// The body of `POST /_control/faults`. A field it does not know is refused: a misspelt
/// `path` would otherwise make a fault that matches every request.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    pub method: Option<String>,
    pub path: Option<String>,
    pub count: Option<u32>,
    pub kind: FaultKind,
    pub status: Option<u16>,
    pub retry_after: Option<Value>,
    pub delay_ms: Option<u64>,
    pub after_bytes: Option<u64>,
}

/// A queued fault.
#[derive(Debug, Clone, Serialize)]
pub struct Fault {
    pub fault_id: String,
    pub method: String,
    pub path: String,
    pub count: u32,
    pub remaining: u32,
    pub kind: FaultKind,
    pub status: u16,
    pub retry_after: Option<String>,
    pub delay_ms: u64,
    pub after_bytes: Option<u64>,
}

impl Fault {
    pub fn from_spec(spec: FaultSpec) -> Result<Self, String> {
        let count = spec.count.unwrap_or(1);
        if count == 0 {
            return Err("count must be 1 or more".to_owned());
        }
        let status = spec.status.unwrap_or(503);
        // 1xx are interim answers a reply cannot be, and hyper sends them as a bare 500.
        if !(200..=599).contains(&status) {
            return Err("status must be between 200 and 599".to_owned());
        }
        let retry_after = match spec.retry_after {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => return Err("retry_after must be a string or a number".to_owned()),
        };
        Ok(Self {
            fault_id: format!("fault_{}", crate::ids::new_uuid().simple()),
            method: spec
                .method
                .unwrap_or_else(|| "*".to_owned())
                .to_ascii_uppercase(),
            path: spec.path.unwrap_or_else(|| "*".to_owned()),
            count,
            remaining: count,
            kind: spec.kind,
            status,
            retry_after,
            delay_ms: spec.delay_ms.unwrap_or(0),
            after_bytes: spec.after_bytes,
        })
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        (self.method == "*" || self.method.eq_ignore_ascii_case(method)) && glob(&self.path, path)
    }
}

#[derive(Default)]
pub struct FaultQueue {
    faults: Mutex<Vec<Fault>>,
}

impl FaultQueue {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Fault>> {
        self.faults.lock().expect("fault queue poisoned")
    }

    pub fn add(&self, fault: Fault) {
        self.lock().push(fault);
    }

    /// Takes one use of the first fault matching the request.
    pub fn take(&self, method: &str, path: &str) -> Option<Fault> {
        let mut faults = self.lock();
        let fault = faults
            .iter_mut()
            .find(|f| f.remaining > 0 && f.matches(method, path))?;
        fault.remaining -= 1;
        Some(fault.clone())
    }

    pub fn list(&self) -> Vec<Fault> {
        self.lock().clone()
    }

    pub fn clear(&self) {
        self.lock().clear();
    }
}

/// `*` matches any run of characters (also none); everything else matches itself.
pub fn glob(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let middle: Vec<&str> = parts.collect();
    let Some((last, middle)) = middle.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs() {
        assert!(glob("/v1/users*", "/v1/users"));
        assert!(glob("/v1/users*", "/v1/users/a%40b"));
        assert!(glob("*", "/anything"));
        assert!(glob("/v1/*/cancel", "/v1/responses/x/cancel"));
        assert!(!glob("/v1/users", "/v1/users/x"));
        assert!(!glob("/v1/*/cancel", "/v1/responses/x"));
        assert!(glob("/v1/*a*a", "/v1/aa"));
    }
}

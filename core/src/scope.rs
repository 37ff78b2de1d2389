//! The scoping rules of the contract: which user a call acts for, the errors raised before
//! any request, and the rate-limited warning for tenant-scope calls.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind, Result};
use crate::options::Scope;
use crate::Client;

const WARNINGS_PER_WINDOW: u32 = 10;
const WINDOW: Duration = Duration::from_secs(60);

static TENANT_WARNINGS: Limiter = Limiter::new();

/// Lets at most `WARNINGS_PER_WINDOW` events through per `WINDOW`.
struct Limiter {
    state: Mutex<Option<(Instant, u32)>>,
}

impl Limiter {
    const fn new() -> Limiter {
        Limiter {
            state: Mutex::new(None),
        }
    }

    fn allow(&self, now: Instant) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (start, count) = match *state {
            Some((start, count)) if now.duration_since(start) < WINDOW => (start, count),
            _ => (now, 0),
        };
        *state = Some((start, count + 1));
        count < WARNINGS_PER_WINDOW
    }
}

impl Client {
    /// The user of a call that creates an agent run, after the contract's rules:
    /// the explicit user, else the bound one; a user switches tenant scope to user scope
    /// (an explicit tenant scope too, as the official SDKs do); user scope without a user is
    /// `MissingUserId`; a run with no user is a tenant-scope run, and warns.
    pub(crate) fn run_user(
        &self,
        user: Option<&str>,
        scope: Option<Scope>,
    ) -> Result<Option<String>> {
        let user = non_empty(user).or_else(|| non_empty(self.user()));
        let scope = scope.unwrap_or(self.scope());
        match (scope, user) {
            (Scope::User, None) => Err(missing_user()),
            (Scope::Tenant, None) => {
                warn_tenant_scope();
                Ok(None)
            }
            (_, Some(user)) => Ok(Some(user.to_owned())),
        }
    }

    /// The user of a call that only reads or files things for a user: the explicit one,
    /// else the bound one; user scope without either is `MissingUserId`.
    pub(crate) fn call_user(&self, user: Option<&str>) -> Result<Option<String>> {
        let user = non_empty(user).or_else(|| non_empty(self.user()));
        match user {
            Some(user) => Ok(Some(user.to_owned())),
            None if self.scope() == Scope::User => Err(missing_user()),
            None => Ok(None),
        }
    }
}

fn non_empty(user: Option<&str>) -> Option<&str> {
    user.map(str::trim).filter(|u| !u.is_empty())
}

fn missing_user() -> Error {
    Error::new(
        ErrorKind::MissingUserId,
        "this call is in user scope but names no user: pass a user id, or make it from a \
         client bound to a user",
    )
}

/// Logs that a call bypasses user isolation, at most ten times a minute per process.
fn warn_tenant_scope() {
    if TENANT_WARNINGS.allow(Instant::now()) {
        tracing::warn!(
            "a tenant-scope agent run bypasses user isolation; pass a user id, or make it from a \
             client bound to a user"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ClientOptions;

    fn client() -> Client {
        Client::new(
            ClientOptions::new()
                .api_key("k")
                .base_url("http://127.0.0.1:9"),
        )
        .unwrap()
    }

    #[test]
    fn the_tenant_scope_warning_is_limited_to_ten_a_minute() {
        let limiter = Limiter::new();
        let start = Instant::now();
        let allowed = (0..15).filter(|_| limiter.allow(start)).count();
        assert_eq!(allowed, 10);
        assert!(!limiter.allow(start + Duration::from_secs(59)));
        assert!(
            limiter.allow(start + Duration::from_secs(61)),
            "a new window"
        );
    }

    #[test]
    fn explicit_user_wins_over_bound_user() {
        let bob = client().for_user("bob@example.com");
        assert_eq!(
            bob.run_user(Some("amy@example.com"), None)
                .unwrap()
                .unwrap(),
            "amy@example.com"
        );
        assert_eq!(
            bob.run_user(None, None).unwrap().unwrap(),
            "bob@example.com"
        );
    }

    #[test]
    fn user_scope_without_user_is_missing_user_id() {
        let err = client().run_user(None, Some(Scope::User)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MissingUserId);
        let err = client().for_user("  ").run_user(None, None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MissingUserId);
    }

    #[test]
    fn a_user_switches_an_explicit_tenant_scope() {
        let run = client().run_user(Some("a@b.co"), Some(Scope::Tenant));
        assert_eq!(run.unwrap().as_deref(), Some("a@b.co"));
        let bound = client().for_user("c@d.co");
        let run = bound.run_user(None, Some(Scope::Tenant));
        assert_eq!(run.unwrap().as_deref(), Some("c@d.co"));
    }

    #[test]
    fn a_user_switches_the_default_tenant_scope() {
        assert_eq!(
            client().run_user(Some("a@b.co"), None).unwrap().as_deref(),
            Some("a@b.co")
        );
        assert_eq!(client().run_user(None, None).unwrap(), None);
    }
}

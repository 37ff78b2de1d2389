//! The retry policy: which failures are retried, how long to wait, and the shared budget
//! that keeps a failing service from being hammered.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime};

use crate::options::Backoff;

/// Statuses worth another attempt: the request may succeed if sent again.
pub(crate) fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// The wait before retry number `retry` (0 for the first), with jitter in `[d/2, d]`.
///
/// Half-range jitter keeps a lower bound on the wait, so retries never stampede at once, while
/// still spreading concurrent clients apart.
pub(crate) fn backoff_delay(backoff: &Backoff, retry: u32) -> Duration {
    let exp = backoff.initial.saturating_mul(1u32 << retry.min(16));
    let full = exp.min(backoff.max);
    let half = full / 2;
    half + full.saturating_sub(half).mul_f64(fastrand::f64())
}

/// Parses `Retry-After` (delay seconds or an HTTP date) or `retry-after-ms`.
pub(crate) fn parse_retry_after(
    retry_after: Option<&str>,
    retry_after_ms: Option<&str>,
    now: SystemTime,
) -> Option<Duration> {
    // A value too large for a Duration reads as the longest one, which the caller's cap
    // turns into a rate-limit error: the server's text never panics the client.
    let seconds = |secs: f64| {
        (secs >= 0.0).then(|| Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
    };
    if let Some(ms) = retry_after_ms.and_then(|v| v.trim().parse::<f64>().ok()) {
        if let Some(wait) = seconds(ms / 1000.0) {
            return Some(wait);
        }
    }
    let value = retry_after?.trim();
    if let Ok(secs) = value.parse::<f64>() {
        return seconds(secs);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A token bucket shared by every clone of a client: each retry spends tokens, each success
/// earns one back, and when the bucket is empty failures are returned without retrying.
#[derive(Debug)]
pub(crate) struct RetryBudget {
    tokens: AtomicI64,
}

const BUDGET_MAX: i64 = 500;
const RETRY_COST: i64 = 5;
const TIMEOUT_COST: i64 = 10;

impl RetryBudget {
    pub(crate) fn new() -> RetryBudget {
        RetryBudget {
            tokens: AtomicI64::new(BUDGET_MAX),
        }
    }

    /// Takes the cost of one retry, or says no when the budget cannot pay for it.
    pub(crate) fn try_spend(&self, after_timeout: bool) -> bool {
        let cost = if after_timeout {
            TIMEOUT_COST
        } else {
            RETRY_COST
        };
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                (t >= cost).then(|| t - cost)
            })
            .is_ok()
    }

    /// Gives a token back after a success.
    pub(crate) fn refund(&self) {
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                (t < BUDGET_MAX).then_some(t + 1)
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let b = Backoff {
            initial: Duration::from_millis(100),
            max: Duration::from_secs(1),
        };
        for _ in 0..100 {
            let first = backoff_delay(&b, 0);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let third = backoff_delay(&b, 2);
            assert!(third >= Duration::from_millis(200) && third <= Duration::from_millis(400));
            let late = backoff_delay(&b, 30);
            assert!(late >= Duration::from_millis(500) && late <= Duration::from_secs(1));
        }
    }

    #[test]
    fn backoff_has_jitter() {
        let b = Backoff::default();
        let delays: std::collections::HashSet<_> = (0..20).map(|_| backoff_delay(&b, 3)).collect();
        assert!(delays.len() > 1);
    }

    #[test]
    fn retry_after_seconds_and_ms() {
        let now = SystemTime::now();
        assert_eq!(
            parse_retry_after(Some("2"), None, now),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            parse_retry_after(Some(" 1.5 "), None, now),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            parse_retry_after(None, Some("250"), now),
            Some(Duration::from_millis(250))
        );
        assert_eq!(parse_retry_after(Some("soon"), None, now), None);
        assert_eq!(parse_retry_after(Some("-3"), None, now), None);
        assert_eq!(parse_retry_after(None, None, now), None);
        assert_eq!(parse_retry_after(Some("NaN"), None, now), None);
        assert_eq!(
            parse_retry_after(Some("1e20"), None, now),
            Some(Duration::MAX)
        );
        assert_eq!(
            parse_retry_after(None, Some("1e300"), now),
            Some(Duration::MAX)
        );
    }

    #[test]
    fn retry_after_http_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(
            parse_retry_after(Some(&later), None, now),
            Some(Duration::from_secs(30))
        );
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(30));
        assert_eq!(
            parse_retry_after(Some(&earlier), None, now),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn retryable_statuses() {
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(is_retryable_status(s), "{s}");
        }
        for s in [400, 401, 403, 404, 409, 422, 501] {
            assert!(!is_retryable_status(s), "{s}");
        }
    }

    #[test]
    fn budget_runs_out_and_refills() {
        let budget = RetryBudget::new();
        let spent = (0..1000).take_while(|_| budget.try_spend(false)).count();
        assert_eq!(spent as i64, BUDGET_MAX / RETRY_COST);
        assert!(!budget.try_spend(false));
        for _ in 0..RETRY_COST {
            budget.refund();
        }
        assert!(budget.try_spend(false));
    }
}

//! Timestamps as the wire carries them: ISO-8601 UTC with microseconds and `Z`.

use chrono::{DateTime, SecondsFormat, Utc};

/// Now, formatted for the wire and for storage (the format sorts as text).
pub fn now() -> String {
    format(Utc::now())
}

/// One instant in the wire format.
pub fn format(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Parses a client-given date or date-time into the storage format; `None` when it is neither.
/// A bare date is its first instant, for a lower bound.
pub fn parse(text: &str) -> Option<String> {
    parse_bound(text, false)
}

/// As [`parse`], but a bare date is its last instant, so an inclusive upper bound covers the
/// whole day it names.
pub fn parse_end(text: &str) -> Option<String> {
    parse_bound(text, true)
}

fn parse_bound(text: &str, end_of_day: bool) -> Option<String> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(format(at.with_timezone(&Utc)));
    }
    // A date-time with no zone is UTC, as the hosted API (pydantic) reads the official
    // Python SDK's `datetime.isoformat()` of a naive datetime.
    if let Ok(at) = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(format(at.and_utc()));
    }
    let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let at = if end_of_day {
        // Storage has microseconds, so this is the day's last stored instant.
        day.and_hms_micro_opt(23, 59, 59, 999_999)?
    } else {
        day.and_hms_opt(0, 0, 0)?
    };
    Some(format(at.and_utc()))
}

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
pub fn parse(text: &str) -> Option<String> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(format(at.with_timezone(&Utc)));
    }
    let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some(format(day.and_hms_opt(0, 0, 0)?.and_utc()))
}

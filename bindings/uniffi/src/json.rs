//! Free-form JSON across the boundary: JSON text out, JSON text in (checked before any
//! request), and the time and id conversions every record shares.

use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::error::LumnisError;

/// The JSON text of a value, for a `..._json` field.
pub(crate) fn text(value: Option<Value>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// Parses the JSON text of an argument; text that is not JSON is a validation error.
pub(crate) fn parse(field: &str, text: Option<String>) -> Result<Option<Value>, LumnisError> {
    let Some(text) = text else { return Ok(None) };
    serde_json::from_str(&text).map(Some).map_err(|err| {
        LumnisError::from(lumnisai::Error::new(
            lumnisai::ErrorKind::Validation,
            format!("{field} is not valid JSON: {err}"),
        ))
    })
}

/// A timestamp as the foreign language's instant.
pub(crate) fn time(at: DateTime<Utc>) -> SystemTime {
    at.into()
}

/// An optional timestamp.
pub(crate) fn time_opt(at: Option<DateTime<Utc>>) -> Option<SystemTime> {
    at.map(SystemTime::from)
}

/// An optional id as text.
pub(crate) fn id_opt(id: Option<uuid::Uuid>) -> Option<String> {
    id.map(|id| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_json_is_a_validation_error() {
        let err = parse("metadataJson", Some("{nope".into())).unwrap_err();
        assert!(matches!(err, LumnisError::Validation { .. }), "{err:?}");
        let ok = parse("metadataJson", Some(r#"{"a":[1]}"#.into())).unwrap();
        assert_eq!(text(ok).as_deref(), Some(r#"{"a":[1]}"#));
    }
}

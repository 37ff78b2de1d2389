//! Serde models of every object of the wire contract, and the parameters of each call.
//!
//! Models tolerate unknown fields and nulls where the API sends them; free-form JSON
//! (`metadata`, `structured_response`, tool calls, `error`, `options`, `response_format`) is
//! kept verbatim as [`serde_json::Value`], so no key is ever re-cased.
//!
//! The server's answers (`User`, `Response`, `FileMetadata`, the lists, ...) are
//! `#[non_exhaustive]`: the API may add fields, and a new one is not a breaking change. They
//! are read, or deserialized with serde (a stored answer, a test's fixture); the parameters
//! of calls stay open to struct literals with `..Default::default()`.

mod files;
mod responses;
mod threads;
mod users;

pub use files::*;
pub use responses::*;
pub use threads::*;
pub use users::*;

use serde::{Deserialize, Deserializer};

/// Reads `null` as the type's default, for lists and counts the API may send as null.
pub(crate) fn null_default<'de, D, T>(de: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(de)?.unwrap_or_default())
}

/// The message of a delete call: `{"message": "..."}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeleteResult {
    /// What the server said.
    #[serde(default)]
    pub message: Option<String>,
}

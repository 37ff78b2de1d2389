//! Resource handles (`client.users()`, `threads()`, `responses()`, `files()`) and the
//! argument checks they make before any request.
//!
//! Every call returns a `'static` future that owns what it needs, so it can be stored,
//! joined or spawned without keeping the handle (or the arguments) alive.

mod files;
mod responses;
mod threads;
mod users;

pub use files::{FileSource, Files};
pub use responses::Responses;
pub use threads::Threads;
pub use users::Users;

use std::future::Future;

use futures::stream::{self, BoxStream, StreamExt};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::error::{Error, Result};

/// Every item of a paged list as one stream, for the `list_all` calls: `page` reads one page
/// and gives its items and the parameters of the next one (none after the last). The next
/// page is read only when the reader reaches it; an error ends the stream.
pub(crate) fn walk<P, T, F, Fut>(first: P, page: F) -> BoxStream<'static, Result<T>>
where
    P: Send + 'static,
    T: Send + 'static,
    F: Fn(P) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(Vec<T>, Option<P>)>> + Send + 'static,
{
    stream::try_unfold(Some(first), move |params| {
        let read = params.map(&page);
        async move {
            let Some(read) = read else { return Ok(None) };
            let (items, next) = read.await?;
            Ok(Some((stream::iter(items.into_iter().map(Ok)), next)))
        }
    })
    .map(|items: Result<_>| match items {
        Ok(items) => items.boxed(),
        Err(err) => stream::once(async move { Err(err) }).boxed(),
    })
    .flatten()
    .boxed()
}

/// Everything but RFC 3986 unreserved characters and `@` is encoded in a path segment, so
/// `+`, `%`, `/` and non-ASCII characters of an email reach the server intact.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'@');

/// What a call takes to name an object: a `&str` or `String` (an id, or a user's email),
/// or the [`Uuid`](uuid::Uuid) an answer carries, so that
/// `client.threads().get(thread.thread_id)` needs no `to_string()`.
pub trait AsId {
    /// The id as text, as the call sends it.
    fn to_id(&self) -> String;
}

impl AsId for str {
    fn to_id(&self) -> String {
        self.to_owned()
    }
}

impl AsId for String {
    fn to_id(&self) -> String {
        self.clone()
    }
}

impl AsId for uuid::Uuid {
    fn to_id(&self) -> String {
        self.to_string()
    }
}

impl<T: AsId + ?Sized> AsId for &T {
    fn to_id(&self) -> String {
        (**self).to_id()
    }
}

/// Encodes one path segment.
pub(crate) fn segment(value: &str) -> String {
    utf8_percent_encode(value, SEGMENT).to_string()
}

/// Checks an id-or-email argument and encodes it as a path segment.
pub(crate) fn id_segment(what: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::validation(format!("{what} must not be empty")));
    }
    Ok(segment(value))
}

/// The longest address SMTP can carry (RFC 5321: a 256-octet path, less its brackets).
const EMAIL_MAX_LEN: usize = 254;

/// A light check of an email: one `@` with text on both sides, a dot in the domain, no
/// spaces, at most 254 bytes. The server is the judge; this only stops obvious mistakes
/// before a request.
pub(crate) fn check_email(email: &str) -> Result<()> {
    if email.len() > EMAIL_MAX_LEN {
        return Err(Error::validation(format!(
            "an email address has at most {EMAIL_MAX_LEN} bytes; this one has {}",
            email.len()
        )));
    }
    let bad = || Error::validation(format!("{email:?} is not a valid email address"));
    let (local, domain) = email.rsplit_once('@').ok_or_else(bad)?;
    let ok = !local.is_empty()
        && !local.contains('@')
        && !domain.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace);
    if ok {
        Ok(())
    } else {
        Err(bad())
    }
}

/// Metadata is a JSON object (or null): the server refuses anything else with a 422.
pub(crate) fn check_metadata(metadata: Option<&serde_json::Value>) -> Result<()> {
    match metadata {
        None | Some(serde_json::Value::Null | serde_json::Value::Object(_)) => Ok(()),
        Some(other) => Err(Error::validation(format!(
            "metadata must be a JSON object or null, not {}",
            json_kind(other)
        ))),
    }
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Tags travel as one comma-separated field, so a tag may not hold a comma (it would
/// arrive as two tags) nor be blank.
pub(crate) fn check_tags(tags: &[String]) -> Result<()> {
    for tag in tags {
        if tag.contains(',') {
            return Err(Error::validation(format!(
                "the tag {tag:?} contains a comma: tags are sent comma-separated"
            )));
        }
        if tag.trim().is_empty() {
            return Err(Error::validation("a tag must not be empty"));
        }
    }
    Ok(())
}

/// Checks a page size against the contract's range.
pub(crate) fn check_range(what: &str, value: u32, min: u32, max: u32) -> Result<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::validation(format!(
            "{what} must be between {min} and {max}, not {value}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_encoded_as_one_segment() {
        assert_eq!(
            segment("a+b@example.com"),
            "a+b@example.com".replace('+', "%2B")
        );
        assert_eq!(segment("100%/x@example.com"), "100%25%2Fx@example.com");
        assert_eq!(segment("zoë@exämple.com"), "zo%C3%AB@ex%C3%A4mple.com");
    }

    #[test]
    fn email_check() {
        for good in ["a@b.co", "a+tag@example.com", "zoë@exämple.com"] {
            assert!(check_email(good).is_ok(), "{good}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        for bad in [
            "", "plain", "@b.co", "a@", "a@b", "a b@c.co", "a@.co", "a@@b.com", &long,
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn metadata_is_an_object_or_null() {
        assert!(check_metadata(None).is_ok());
        assert!(check_metadata(Some(&serde_json::json!({"plan": "pro"}))).is_ok());
        assert!(check_metadata(Some(&serde_json::Value::Null)).is_ok());
        let err = check_metadata(Some(&serde_json::json!("pro"))).unwrap_err();
        assert!(err.to_string().contains("not a string"), "{err}");
        assert!(check_metadata(Some(&serde_json::json!([1]))).is_err());
    }

    #[test]
    fn tags_hold_no_commas() {
        assert!(check_tags(&["a".into(), "b c".into()]).is_ok());
        assert!(check_tags(&["a,b".into()]).is_err());
        assert!(check_tags(&[" ".into()]).is_err());
    }
}

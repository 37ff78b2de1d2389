//! `multipart/form-data` bodies whose boundary is fixed for the life of one upload.
//!
//! reqwest's forms pick a new random boundary each time they are built, so every retry of an
//! upload would send different bytes, and a server that matches `Idempotency-Key` replays by
//! hashing the body would refuse the retry. Here the boundary is chosen once per upload and
//! every attempt sends byte-identical bodies.

use bytes::Bytes;
use futures::stream::{self, StreamExt};

/// One attempt's body, ready to send.
pub(crate) struct Upload {
    pub body: reqwest::Body,
    pub content_type: String,
    pub length: Option<u64>,
}

/// The text fields and the file part's header and trailer of one upload.
pub(crate) struct Multipart {
    boundary: String,
    head: Bytes,
    tail: Bytes,
}

impl Multipart {
    /// Lays out `fields` (name, value), then the file part named `file`.
    pub(crate) fn new(fields: &[(&str, &str)], file_name: &str, mime: &str) -> Multipart {
        let boundary = format!("lumnisai-{}", uuid::Uuid::new_v4().simple());
        let mut head = String::new();
        for (name, value) in fields {
            head.push_str(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                escape(name)
            ));
        }
        head.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\n\
             Content-Type: {mime}\r\n\r\n",
            escape(file_name)
        ));
        let tail = format!("\r\n--{boundary}--\r\n");
        Multipart {
            boundary,
            head: Bytes::from(head),
            tail: Bytes::from(tail),
        }
    }

    /// The body around the file's bytes, which come as a stream of chunks.
    pub(crate) fn upload<S>(&self, file: S, file_length: Option<u64>) -> Upload
    where
        S: futures::Stream<Item = std::io::Result<Bytes>> + Send + 'static,
    {
        let head = stream::once(futures::future::ready(Ok(self.head.clone())));
        let tail = stream::once(futures::future::ready(Ok(self.tail.clone())));
        let body = reqwest::Body::wrap_stream(head.chain(file).chain(tail));
        let framing = (self.head.len() + self.tail.len()) as u64;
        Upload {
            body,
            content_type: format!("multipart/form-data; boundary={}", self.boundary),
            length: file_length.map(|len| len + framing),
        }
    }
}

/// Percent-escapes the characters that would break a quoted header parameter, as browsers do.
fn escape(value: &str) -> String {
    value
        .replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    async fn collect(upload: Upload) -> Vec<u8> {
        let mut out = Vec::new();
        let mut stream = upload.body.into_data_stream();
        while let Some(chunk) = stream.next().await {
            out.extend_from_slice(&chunk.unwrap());
        }
        out
    }

    #[tokio::test]
    async fn every_attempt_sends_the_same_bytes_and_length() {
        let form = Multipart::new(&[("scope", "user")], "a \"b\".txt", "text/plain");
        let file = || stream::iter([Ok(Bytes::from_static(b"hello"))]);
        let first = form.upload(file(), Some(5));
        let length = first.length.unwrap();
        let content_type = first.content_type.clone();
        let one = collect(first).await;
        let two = collect(form.upload(file(), Some(5))).await;
        assert_eq!(one, two);
        assert_eq!(one.len() as u64, length);

        let text = String::from_utf8(one).unwrap();
        let boundary = content_type.split("boundary=").nth(1).unwrap();
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains("name=\"scope\"\r\n\r\nuser\r\n"));
        assert!(text.contains("filename=\"a %22b%22.txt\""));
        assert!(text.ends_with(&format!("hello\r\n--{boundary}--\r\n")));
    }
}

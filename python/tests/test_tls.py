"""A private certificate authority, trusted through SSL_CERT_FILE as httpx trusts it: an
HTTPS server on 127.0.0.1 whose certificate a test CA signed (tests/tls/)."""

import http.server
import pathlib
import ssl
import threading
from typing import Iterator

import pytest

import lumnisai

TLS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "tls"


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        body = b'{"status":"ok"}'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def https_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "server.pem", TLS / "server.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_private_ca_is_trusted_through_ssl_cert_file(https_url, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    stranger = lumnisai.Client(api_key="k", base_url=https_url, max_retries=0)
    with pytest.raises(lumnisai.TransportError, match="certificate"):
        stranger.health()

    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "ca.pem"))
    trusting = lumnisai.Client(api_key="k", base_url=https_url, max_retries=0)
    assert trusting.health() == {"status": "ok"}

    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "missing.pem"))
    with pytest.raises(lumnisai.ValidationError, match="SSL_CERT_FILE"):
        lumnisai.Client(api_key="k", base_url=https_url)

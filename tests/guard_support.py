"""Real servers on 127.0.0.1 for the runtime-guard tests: bound to port 0, bounded, always shut down."""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

# Planted credentials for the guard tests. They are sent only to servers on 127.0.0.1.
USER = "guard-user"
PASSWORD = "Gu4rdP4ssw0rdNeverPrinted"  # authlint: ignore[AL203]
TOKEN = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
VALID = "Basic " + TOKEN
# Malformed under every profile: the credentials quoted (AL102, a `!r` or `%q` slip).
MALFORMED = f'Basic "{TOKEN}"'
# Malformed under the strict profile only: the scheme's case (AL101); RFC 9110 allows it.
STRICT_ONLY = "basic " + TOKEN


def leaks(text: str) -> list[str]:
    """The secret parts found in ``text``: the password, or the whole base64 credentials."""
    return [s for s in (PASSWORD, TOKEN, TOKEN[:-4]) if s in text]


@dataclass
class Received:
    """What the echo server saw: the Authorization values, in order."""

    authorization: list[str | None] = field(default_factory=list)


@contextmanager
def echo_server() -> Iterator[tuple[str, Received]]:
    """A threaded HTTP server answering 200 to anything; yields (base URL, what it received)."""
    received = Received()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            received.authorization.append(self.headers.get("Authorization"))
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            body = b'{"ok": true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _QuietHandler(WSGIRequestHandler):
    log_lines: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: Any) -> None:
        # Keep wsgiref's access log, to check it never holds credentials.
        self.log_lines.append(format % args)


@contextmanager
def wsgi_server(app: Any) -> Iterator[tuple[str, list[str]]]:
    """wsgiref serving ``app`` on 127.0.0.1; yields (base URL, access-log lines)."""
    log: list[str] = []
    handler = type("Handler", (_QuietHandler,), {"log_lines": log})
    server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def uvicorn_server(app: Any) -> Iterator[str]:
    """uvicorn serving ``app`` on a socket bound to 127.0.0.1:0; yields the base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # log_config=None: uvicorn leaves logging alone, its loggers propagate (and caplog sees them).
    config = uvicorn.Config(app, lifespan="off", log_config=None, access_log=True)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]})
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def problem(body: bytes) -> dict[str, Any]:
    data = json.loads(body)
    assert isinstance(data, dict)
    return data

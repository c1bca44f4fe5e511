"""The built site on a local HTTP server, answering like a static host."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    """Serve files quietly; answer a missing file with the site's 404 page, as static hosts do."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass(frozen=True)
class Server:
    """The built site served over HTTP on 127.0.0.1."""

    base: str  # like http://127.0.0.1:PORT/
    root: Path

    @property
    def origin(self) -> str:
        return self.base.rstrip("/")


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[Server]:
    """Serve ``directory`` from a threaded http.server on an ephemeral port of 127.0.0.1."""
    handler = functools.partial(_Handler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    try:
        yield Server(f"http://{host}:{port}/", directory)
    finally:
        httpd.shutdown()
        httpd.server_close()

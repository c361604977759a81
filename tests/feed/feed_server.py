"""A static web host on loopback for the feed tests: serves a folder with ETag,
If-Modified-Since and Range, and can be made to go down, answer slowly or cut a download."""

from __future__ import annotations

import email.utils
import hashlib
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    path: str
    range: str
    if_none_match: str
    status: int


class FeedServer:
    """Serves `root` at `url`; its attributes change its behaviour for the next requests."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.delay = 0.0  # seconds to wait before answering (a slow host)
        self.cuts: list[int] = []  # for each next .zip answer: bytes of body sent, then cut
        self.ranges = True  # False: ignore Range and send the whole file
        self.seen: list[Seen] = []
        self._server: ThreadingHTTPServer | None = None
        self.port = 0
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/feed/"

    def start(self) -> None:
        """Listen (again, on the same port once it has been chosen)."""
        server = _QuietServer(("127.0.0.1", self.port), _handler(self))
        self.port = server.server_address[1]
        self._server = server
        # A short poll so that stop() returns at once.
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()

    def stop(self) -> None:
        """Stop listening: connections are refused, as when a host is down."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def zip_requests(self) -> list[Seen]:
        return [seen for seen in self.seen if seen.path.endswith(".zip")]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up on a slow answer: expected here, not worth a traceback


def _handler(host: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if host.delay:
                threading.Event().wait(host.delay)  # the host is slow to answer
            relative = self.path.removeprefix("/feed/")
            target = host.root / relative
            if "/" in relative or not target.is_file():
                self._answer(404, {}, b"")
                return
            body = target.read_bytes()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            modified = email.utils.formatdate(target.stat().st_mtime, usegmt=True)
            headers = {"ETag": etag, "Last-Modified": modified, "Content-Type": _type(target)}
            if self.headers.get("If-None-Match") == etag:
                self._answer(304, headers, b"")
                return
            start = _range_start(self.headers.get("Range", "")) if host.ranges else None
            if start is not None and start >= len(body):
                self._answer(416, {"Content-Range": f"bytes */{len(body)}"}, b"")
                return
            if start is not None:
                headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
                self._answer(206, headers, body[start:])
                return
            self._answer(200, headers, body)

        def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
            host.seen.append(
                Seen(
                    self.path,
                    self.headers.get("Range", ""),
                    self.headers.get("If-None-Match", ""),
                    status,
                )
            )
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            cut = host.cuts.pop(0) if self.path.endswith(".zip") and host.cuts else None
            if cut is None:
                self.wfile.write(body)
                return
            self.wfile.write(body[:cut])  # then the connection drops mid-file
            self.wfile.flush()
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet in test output

    return Handler


def _range_start(header: str) -> int | None:
    if not header.startswith("bytes=") or not header.endswith("-"):
        return None
    return int(header.removeprefix("bytes=").removesuffix("-"))


def _type(path: Path) -> str:
    return "application/json" if path.suffix == ".json" else "application/zip"

"""A stand-in for systemd's notify socket, for the watchdog and metrics tests."""

from __future__ import annotations

import socket
import threading
import time


class FakeSystemd:
    """A NOTIFY_SOCKET that timestamps every message it receives."""

    def __init__(self, path: str) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.sock.settimeout(0.05)
        self.messages: list[tuple[float, str]] = []
        self._running = True
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while self._running:
            try:
                data = self.sock.recv(256)
            except TimeoutError:
                continue
            self.messages.append((time.monotonic(), data.decode()))

    def close(self) -> None:
        self._running = False
        self._thread.join()
        self.sock.close()

"""The feed follower on its own thread: checks on schedule, at once when asked, until stopped.

A thread of its own, not the bundle store's worker: a long download must never hold up an
install staff started, and the UI thread is never blocked.
"""

from __future__ import annotations

import logging
import random
import threading

from kiosk.feed.follower import FeedFollower
from kiosk.feed.schedule import Timing

log = logging.getLogger(__name__)


class FeedRunner:
    """Runs `follower.check()` on a background thread, spaced out by `timing`."""

    def __init__(
        self, follower: FeedFollower, timing: Timing, rng: random.Random | None = None
    ) -> None:
        self.follower = follower
        self.timing = timing
        self.rng = rng or random.Random()
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start checking in the background."""
        self._thread = threading.Thread(target=self._run, name="bundle-feed", daemon=True)
        self._thread.start()

    def check_now(self) -> None:
        """Check at once instead of waiting for the next scheduled check."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the check under way (if any); wait up to `timeout` seconds for it."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        with self.follower:
            delay = self.timing.first_delay(self.rng)
            while not self._stopping:
                self.follower.scheduled(delay)
                self._wake.wait(delay)
                if self._stopping:
                    break
                self._wake.clear()
                status = self.follower.check()
                delay = self.timing.next_delay(status.failures, self.rng)
        log.info("Feed follower stopped")

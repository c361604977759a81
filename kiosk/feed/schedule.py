"""When to check a feed next: a jittered interval, and exponential backoff while it is down.

Jitter spreads the checks of many kiosks that started together (after a power cut, say) so
they do not all ask the host at the same second.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """How often a feed is checked, in seconds; tests pass short ones."""

    interval: float = 15 * 60.0  # between checks while all is well (the feed_check_minutes)
    jitter: float = 0.2  # each wait is between 80 % and 120 % of its length
    first_check: float = 60.0  # the first check comes within this long after start
    first_retry: float = 30.0  # the wait after one failed check; doubled after each further one
    max_retry: float = 60 * 60.0  # the longest wait while the feed cannot be reached
    timeout: float = 30.0  # how long a silent host is waited for

    def first_delay(self, rng: random.Random) -> float:
        """The wait before the first check after the kiosk starts."""
        return rng.uniform(0.0, self.first_check)

    def next_delay(self, failures: int, rng: random.Random) -> float:
        """The wait before the next check after `failures` failed checks in a row."""
        if failures <= 0:
            base = self.interval
        else:
            base = min(self.first_retry * 2 ** min(failures - 1, 30), self.max_retry)
        return base * rng.uniform(1.0 - self.jitter, 1.0 + self.jitter)

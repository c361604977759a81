"""Named points where the kill-safety test can freeze an install to kill it there."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter

# "phase" pauses the first time the phase is reached; "phase:2" the second time.
PAUSE_ENV = "KIOSK_STORE_PAUSE_AT"
_reached: Counter[str] = Counter()


def checkpoint(name: str) -> None:
    """Stop here for good if $KIOSK_STORE_PAUSE_AT names this point; otherwise return at once."""
    wanted = os.environ.get(PAUSE_ENV)
    if not wanted:
        return
    _reached[name] += 1
    if wanted in (name, f"{name}:{_reached[name]}"):
        sys.stderr.write(f"paused at {wanted}\n")
        sys.stderr.flush()
        while True:  # the test kills this process with SIGKILL
            time.sleep(60)

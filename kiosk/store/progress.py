"""Progress of an install, passed to a callback the staff panel turns into a progress bar."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.store.killpoints import checkpoint

# progress(fraction 0..1, phase) with phase one of "copying", "checking", "done". It is called
# on the installing thread; raising from it cancels the install (the store stays unchanged).
Progress = Callable[[float, str], None]

# How the bar is shared out: copying is most of the work; checking reads every file once more.
COPY_SHARE = 0.8
_STEP = 0.01  # report at most once per percent so a UI's event queue is not flooded


class PhaseReporter:
    """Forwards progress to the caller's callback, in order and without flooding it."""

    def __init__(self, callback: Progress | None) -> None:
        self._callback = callback
        self._last: tuple[float, str] | None = None

    def __call__(self, fraction: float, phase: str) -> None:
        """Report `fraction` of the whole install, now in `phase`."""
        fraction = min(max(fraction, 0.0), 1.0)
        last = self._last
        if last and last[1] == phase and fraction < last[0] + _STEP and fraction < 1.0:
            return
        self._last = (fraction, phase)
        if self._callback is not None:
            self._callback(fraction, phase)

    def copying(self, part: float) -> None:
        """Report `part` (0..1) of the copying phase."""
        self(part * COPY_SHARE, "copying")
        if part >= 0.3:
            checkpoint("copying")  # mid-copy, for the kill-safety test

"""Countdowns the patient sees: the warning before the idle reset, and the cleaning lock.

Both are plain classes with the clock passed in (time.monotonic in the kiosk, a fake in
tests); the widgets only show `seconds_left()` and forward taps."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]


class Countdown:
    """Counts `seconds` down from start(); shows whole seconds, rounded up, never below 0."""

    def __init__(self, seconds: float, clock: Clock) -> None:
        self.seconds = seconds
        self._clock = clock
        self._ends_at: float | None = None

    @property
    def running(self) -> bool:
        return self._ends_at is not None

    def start(self) -> None:
        """Begin (or begin again) the full count."""
        self._ends_at = self._clock() + self.seconds

    def stop(self) -> None:
        self._ends_at = None

    def seconds_left(self) -> int:
        """Whole seconds to show: 20 until a full second has gone, then 19..., 0 at the end."""
        if self._ends_at is None:
            return 0
        return max(0, math.ceil(self._ends_at - self._clock() - 1e-9))

    def ran_out(self) -> bool:
        """True once a started count has reached zero."""
        return self._ends_at is not None and self._clock() >= self._ends_at


@dataclass(frozen=True)
class IdlePlan:
    """When the "Still there?" card shows, and for how long, within the idle timeout."""

    idle_seconds: float  # from the last touch to the reset
    warning_seconds: float  # the setting: how long the card should count down

    @property
    def warning_length(self) -> float:
        """The card's countdown: the setting, but at most half the quiet spell, so a short
        idle timeout still leaves the patient time untouched before being asked."""
        return min(self.warning_seconds, self.idle_seconds / 2)

    @property
    def quiet_before_warning(self) -> float:
        """Seconds without a touch before the card shows."""
        return self.idle_seconds - self.warning_length


class ResetWarning:
    """The "Still there?" card's state: shown, counting down, asked for more time, or due."""

    def __init__(self, seconds: float, clock: Clock) -> None:
        self.countdown = Countdown(seconds, clock)
        self.times_extended = 0  # More time taps while this kiosk runs (for the log)

    @property
    def showing(self) -> bool:
        return self.countdown.running

    def begin(self) -> None:
        """The quiet spell is up (and nothing plays): show the card and count down."""
        self.countdown.start()

    def seconds_left(self) -> int:
        return self.countdown.seconds_left()

    def reset_due(self) -> bool:
        """The card counted down to zero untouched: forget the patient now."""
        return self.countdown.ran_out()

    def more_time(self) -> bool:
        """The patient is still there; False if no card was showing (nothing to extend)."""
        if not self.showing:
            return False
        self.countdown.stop()
        self.times_extended += 1
        return True

    def dismiss(self) -> None:
        """The card goes without counting as More time (the reset came, or a new screen)."""
        self.countdown.stop()


class CleaningLock:
    """Staff wipe the screen: every touch is ignored until the count ends or staff end it."""

    def __init__(self, seconds: float, clock: Clock) -> None:
        self.countdown = Countdown(seconds, clock)
        self.ended_by = ""  # "time" or "staff", once it is over

    @property
    def active(self) -> bool:
        return self.countdown.running

    def start(self) -> None:
        self.ended_by = ""
        self.countdown.start()

    def seconds_left(self) -> int:
        return self.countdown.seconds_left()

    def check(self) -> bool:
        """True when the count just ended (the lock is over now); call on each clock tick."""
        if self.active and self.countdown.ran_out():
            self._end("time")
            return True
        return False

    def end_early(self) -> bool:
        """Staff ended it (corner gesture and PIN); False if it was not on."""
        if not self.active:
            return False
        self._end("staff")
        return True

    def _end(self, by: str) -> None:
        self.countdown.stop()
        self.ended_by = by

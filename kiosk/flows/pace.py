"""How long the kiosk waits before it moves on by itself, for the intervals that are not
settings. Passed in where the kiosk is built, so tests choose short ones instead of patching."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pace:
    """Seconds each wait lasts."""

    staff_hold_seconds: float = 3.0  # a press in the gesture corner, before the PIN pad opens
    video_closing_seconds: float = 15.0  # the series' closing card, before home
    video_error_seconds: float = 4.0  # "this video can't play", before the next one
    video_stall_seconds: float = 10.0  # no progress this long while playing is a failure

"""The videos' soundtrack: silence, a soft tick each second of a hold, a chime when it ends."""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable

RATE = 48_000  # samples per second, mono
FULL_SCALE = 32767


def soundtrack(seconds: float, holds: Iterable[tuple[float, float]]) -> array:
    """Signed 16-bit mono samples for a video of `seconds` with holds given as (start, end)."""
    samples = array("h", bytes(2 * round(seconds * RATE)))
    mix = [0.0] * len(samples)
    for start, end in holds:
        for second in range(math.floor(end - start + 1e-6)):
            _add_tone(mix, start + second, frequency=1046.5, seconds=0.06, level=0.10)
        # Two rising notes (G5 then C6) say "done" without startling anyone.
        _add_tone(mix, end, frequency=783.99, seconds=0.55, level=0.20)
        _add_tone(mix, end + 0.16, frequency=1046.5, seconds=0.6, level=0.18)
    for index, value in enumerate(mix):
        if value:
            samples[index] = max(-FULL_SCALE, min(FULL_SCALE, round(value * FULL_SCALE)))
    return samples


def _add_tone(mix: list[float], at: float, frequency: float, seconds: float, level: float) -> None:
    """Add a sine note that starts softly (no click) and dies away like a struck bell."""
    first = round(at * RATE)
    count = min(round(seconds * RATE), len(mix) - first)
    attack = 0.004 * RATE
    for n in range(max(count, 0)):
        envelope = min(1.0, n / attack) * math.exp(-5.0 * n / (seconds * RATE))
        mix[first + n] += level * envelope * math.sin(2 * math.pi * frequency * n / RATE)

"""The videos' soundtrack: silence, a soft tick each second of a hold, a chime when it ends.

The same chime, alone, is the kiosk's own sound at the end of an exercise's hold."""

from __future__ import annotations

import math
import wave
from array import array
from collections.abc import Iterable
from pathlib import Path

RATE = 48_000  # samples per second, mono
FULL_SCALE = 32767


def soundtrack(seconds: float, holds: Iterable[tuple[float, float]]) -> array:
    """Signed 16-bit mono samples for a video of `seconds` with holds given as (start, end)."""
    samples = array("h", bytes(2 * round(seconds * RATE)))
    mix = [0.0] * len(samples)
    for start, end in holds:
        for second in range(math.floor(end - start + 1e-6)):
            _add_tone(mix, start + second, frequency=1046.5, seconds=0.06, level=0.10)
        _add_chime(mix, end)
    return _to_samples(mix, samples)


def write_chime_wav(path: Path) -> None:
    """The hold's end chime alone, as a small 16-bit mono WAV file for the kiosk to play."""
    mix = [0.0] * round(CHIME_SECONDS * CHIME_RATE)
    _add_chime(mix, 0.0, CHIME_RATE)
    samples = _to_samples(mix, array("h", bytes(2 * len(mix))))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(CHIME_RATE)
        out.writeframes(samples.tobytes())


CHIME_SECONDS = 0.8
CHIME_RATE = 22_050  # plenty for two notes around 1 kHz, and half the file


def _add_chime(mix: list[float], at: float, rate: int = RATE) -> None:
    # Two rising notes (G5 then C6) say "done" without startling anyone.
    _add_tone(mix, at, frequency=783.99, seconds=0.55, level=0.20, rate=rate)
    _add_tone(mix, at + 0.16, frequency=1046.5, seconds=0.6, level=0.18, rate=rate)


def _to_samples(mix: list[float], samples: array) -> array:
    for index, value in enumerate(mix):
        if value:
            samples[index] = max(-FULL_SCALE, min(FULL_SCALE, round(value * FULL_SCALE)))
    return samples


def _add_tone(
    mix: list[float], at: float, frequency: float, seconds: float, level: float, rate: int = RATE
) -> None:
    """Add a sine note that starts softly (no click) and dies away like a struck bell."""
    first = round(at * rate)
    count = min(round(seconds * rate), len(mix) - first)
    attack = 0.004 * rate
    for n in range(max(count, 0)):
        envelope = min(1.0, n / attack) * math.exp(-5.0 * n / (seconds * rate))
        mix[first + n] += level * envelope * math.sin(2 * math.pi * frequency * n / rate)

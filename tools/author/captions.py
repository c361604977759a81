"""Writing WebVTT caption files from timed cues."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def timestamp(seconds: float) -> str:
    """A WebVTT time, HH:MM:SS.mmm."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    whole, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}.{millis:03d}"


def webvtt(cues: Iterable[tuple[float, float, str]], line: str | None = None) -> str:
    """The text of a WebVTT file holding `cues` as (start, end, text), each at `line` if given
    (a WebVTT line setting such as "4%": that far down the picture)."""
    blocks = ["WEBVTT"]
    settings = f" line:{line}" if line else ""
    for number, (start, end, text) in enumerate(cues, start=1):
        if end <= start:
            raise ValueError(f"cue {number} ends before it starts: {text!r}")
        blocks.append(f"{number}\n{timestamp(start)} --> {timestamp(end)}{settings}\n{text}")
    return "\n\n".join(blocks) + "\n"


def write_webvtt(
    path: Path, cues: Iterable[tuple[float, float, str]], line: str | None = None
) -> None:
    """Write a UTF-8 WebVTT file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(webvtt(cues, line), encoding="utf-8")

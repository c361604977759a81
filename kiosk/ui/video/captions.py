"""Captions: WebVTT files read with webvtt-py, and the cue to show at a playback position."""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass
from pathlib import Path

import webvtt

from kiosk.content import LoadedBundle
from kiosk.content.model import Video

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str
    # From the cue's `line:` setting: how far down the picture the caption's top sits, in
    # percent (0 is the top edge); None keeps it at the bottom, the WebVTT default.
    line_percent: float | None = None


def line_percent(line: str | None) -> float | None:
    """A WebVTT cue's `line` setting as a percentage from the top, or None for the default.

    "8%" is 8 %; a line number counts from the top when 0 or more ("0" is the top) and from
    the bottom when negative, which is where captions go anyway."""
    value = (line or "").split(",")[0]  # an alignment may follow: 10%,start
    try:
        if value.endswith("%"):
            return min(max(float(value[:-1]), 0.0), 100.0)
        return 0.0 if value and int(value) >= 0 else None
    except ValueError:
        return None  # a malformed setting is ignored, as WebVTT says


class CaptionTrack:
    """The cues of one caption file, sorted by start, looked up by position."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = sorted(cues, key=lambda cue: cue.start_ms)
        self._starts = [cue.start_ms for cue in self.cues]

    @classmethod
    def read(cls, path: Path) -> CaptionTrack:
        """Parse a WebVTT file; a broken one gives an empty track (logged), not an error."""
        try:
            captions = webvtt.read(str(path))
        except Exception as error:  # webvtt-py raises several types for malformed input
            log.warning("captions %s could not be read: %s", path, error)
            return cls([])
        return cls(
            [
                Cue(
                    c.start_time.in_milliseconds(),
                    c.end_time.in_milliseconds(),
                    c.text,
                    line_percent(c.settings.line if c.settings else None),
                )
                for c in captions
            ]
        )

    def cue_at(self, position_ms: int) -> Cue | None:
        """The cue on screen at `position_ms`: the latest started and not yet ended."""
        index = bisect.bisect_right(self._starts, position_ms)
        # Cues may overlap, so look back past cues that have already ended.
        for cue in reversed(self.cues[:index]):
            if cue.end_ms > position_ms:
                return cue
        return None

    def text_at(self, position_ms: int) -> str:
        """The text on screen at `position_ms`, or ""."""
        cue = self.cue_at(position_ms)
        return cue.text if cue else ""


class CaptionLibrary:
    """Caption tracks of a bundle's videos, read once per file."""

    def __init__(self, bundle: LoadedBundle) -> None:
        self._bundle = bundle
        self._tracks: dict[str, CaptionTrack] = {}

    def track(self, video: Video, language: str) -> CaptionTrack:
        """The captions of `video` in `language`, else in the bundle's default, else none."""
        ref = video.captions.get(language) or video.captions.get(
            self._bundle.model.default_language
        )
        if ref is None:
            return CaptionTrack([])
        if ref not in self._tracks:
            self._tracks[ref] = CaptionTrack.read(self._bundle.media_path(ref))
        return self._tracks[ref]
